/**
 * spec.timeZone validation as the API server does it: Kubernetes' own checks (not empty, not
 * `Local`, IANA-style name parts), then Go's `time.LoadLocation`, which knows exactly the file
 * names of its zone database, case-sensitively.
 */

import { findTimeZoneNameIgnoringCase, isKnownTimeZoneName } from './loadTimeZone';

/** Why a spec.timeZone value is rejected. */
export type TimeZoneInvalidReason = 'empty' | 'local' | 'unknown' | 'wrongCase';

/** The verdict on a spec.timeZone value; `suggestion` is the correctly cased name, when there is one. */
export type TimeZoneValidity =
  | { readonly valid: true }
  | { readonly valid: false; readonly reason: TimeZoneInvalidReason; readonly suggestion?: string };

// Kubernetes' validTimeZoneCharacters, applied to each '/'-separated part.
const NAME_PART = /^[A-Za-z.\-_0-9+]{1,14}$/;

/** Validates a spec.timeZone value the way the API server does on create. */
export function validateTimeZone(name: string): TimeZoneValidity {
  if (typeof name !== 'string' || name === '') return { valid: false, reason: 'empty' };
  // Kubernetes compares case-insensitively here, so `local` and `LOCAL` are rejected as well.
  if (name.toLowerCase() === 'local') return { valid: false, reason: 'local' };
  const partsOk = name
    .split('/')
    .every((part) => NAME_PART.test(part) && part !== '.' && part !== '..' && !part.startsWith('-'));
  if (partsOk && isKnownTimeZoneName(name)) return { valid: true };
  const suggestion = findTimeZoneNameIgnoringCase(name);
  if (suggestion !== undefined && suggestion !== name)
    return { valid: false, reason: 'wrongCase', suggestion };
  return { valid: false, reason: 'unknown' };
}
