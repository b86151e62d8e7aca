/**
 * Podline's time-zone engine: IANA zones as Go's `time.LoadLocation` sees them, without ICU.
 *
 * Why not `Intl`: the CronJob controller is a Go program with Go's own zone database, and Node's
 * ICU disagrees with it on which names exist (it accepts `utc`, `EST5EDT` spellings, offsets like
 * `UTC+5` and any letter case), and an ICU build may lag or lead Go's tzdata. So the names and the
 * offsets both come from `timeZoneData.ts`, generated from TZif files by
 * `scripts/generateTimeZones.mjs`, and the arithmetic below copies Go's `time.Date` and `tzset`.
 */

import { SECONDS_PER_DAY, civilFromSeconds, secondsFromCivil, type CivilDateTime } from './civilDate';
import { ZoneRules } from './zoneRules';
import { TIME_ZONE_NAMES, TIME_ZONE_RULES } from './timeZoneData';

/** A loaded zone: its name and the UTC offset in effect at any instant. */
export interface TimeZone {
  readonly name: string;
  /** Seconds east of UTC in effect at `unixSeconds`. */
  offsetAt(unixSeconds: number): number;
}

let nameIndex: Map<string, number> | null = null;
let lowerCaseIndex: Map<string, string> | null = null;
const rulesCache = new Map<number, ZoneRules | null>();

function names(): Map<string, number> {
  if (nameIndex === null) {
    nameIndex = new Map();
    TIME_ZONE_NAMES.forEach((group, index) => {
      for (const name of group.split(' ')) if (name !== '') nameIndex?.set(name, index);
    });
  }
  return nameIndex;
}

/** Whether Go's zone database (as bundled by Podline) has a zone with exactly this name. */
export function isKnownTimeZoneName(name: string): boolean {
  return names().has(name);
}

/** The correctly cased zone name whose spelling differs from `name` only in letter case, if any. */
export function findTimeZoneNameIgnoringCase(name: string): string | undefined {
  if (lowerCaseIndex === null) {
    lowerCaseIndex = new Map();
    for (const known of names().keys()) {
      // The generator refuses names that differ only in case, so each lower-case key is unique.
      lowerCaseIndex.set(known.toLowerCase(), known);
    }
  }
  return lowerCaseIndex.get(name.toLowerCase());
}

/** Every zone name Podline knows, sorted; Go accepts exactly these (plus nothing else). */
export function listTimeZoneNames(): string[] {
  return [...names().keys()].sort();
}

/** Loads a zone by its exact, case-sensitive IANA name; null when Go would not know it. */
export function loadTimeZone(name: string): TimeZone | null {
  const index = names().get(name);
  if (index === undefined) return null;
  let rules = rulesCache.get(index);
  if (rules === undefined) {
    const encoded = TIME_ZONE_RULES[index];
    rules = encoded === undefined ? null : ZoneRules.decode(encoded);
    rulesCache.set(index, rules);
  }
  if (rules === null) return null;
  const zoneRules = rules;
  return { name, offsetAt: (unixSeconds) => zoneRules.offsetAt(unixSeconds) };
}

/** The wall clock in `zone` at `unixSeconds` (whole seconds). */
export function wallClockAt(zone: TimeZone, unixSeconds: number): CivilDateTime {
  return civilFromSeconds(unixSeconds + zone.offsetAt(unixSeconds));
}

/**
 * The instant Go's `time.Date` returns for a wall-clock reading in `zone` (fields may overflow and
 * are normalised). In a gap or an overlap Go's choice is arbitrary but deterministic, and the
 * cron search depends on it, so this reproduces Go's two-lookup algorithm rather than picking a
 * "nicer" answer: look up the offset at the wall time read as UTC; if the corrected instant lies
 * in a different period, use the offset of that instant instead.
 */
export function instantOfWallClock(
  zone: TimeZone,
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
): number {
  const unix = secondsFromCivil(year, month, day, hour, minute, second);
  const guess = zone.offsetAt(unix);
  if (guess === 0) return unix;
  // Go re-looks-up only when the corrected instant leaves the period found first; when it stays,
  // the second lookup returns the same offset, so one unconditional lookup is equivalent.
  return unix - zone.offsetAt(unix - guess);
}

/**
 * Every instant whose wall clock in `zone` reads exactly the given time: none in a spring-forward
 * gap, two in a fall-back overlap, otherwise one. Sorted ascending.
 */
export function instantsOfWallClock(
  zone: TimeZone,
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
): number[] {
  const local = secondsFromCivil(year, month, day, hour, minute, second);
  // Every real zone changes its offset at most once within a day, so the offsets in effect a day
  // either side of the reading, and at it, are all the candidates there can be.
  const candidates = new Set([
    zone.offsetAt(local - SECONDS_PER_DAY),
    zone.offsetAt(local),
    zone.offsetAt(local + SECONDS_PER_DAY),
  ]);
  const found: number[] = [];
  for (const offset of candidates) {
    const instant = local - offset;
    if (zone.offsetAt(instant) === offset && !found.includes(instant)) found.push(instant);
  }
  return found.sort((a, b) => a - b);
}
