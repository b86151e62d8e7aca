/**
 * One zone's offsets since 1970 in the compact form `timeZoneData.ts` stores, and Go's lookup over
 * them. Kept apart from the name table so the data generator can check its own output with it.
 */

import { parsePosixTzRule, posixTzOffset, type PosixTzRule } from './posixTzRule';

/** The compact, decoded form of one zone's rules; also used by the data generator. */
export class ZoneRules {
  private readonly initial: number;
  private readonly times: readonly number[];
  private readonly offsetOfTransition: readonly number[];
  private readonly footer: PosixTzRule | null;

  private constructor(
    initial: number,
    times: readonly number[],
    offsetOfTransition: readonly number[],
    footer: PosixTzRule | null,
  ) {
    this.initial = initial;
    this.times = times;
    this.offsetOfTransition = offsetOfTransition;
    this.footer = footer;
  }

  /**
   * Decodes `offsets|initial|transitions|footer`: base-36 offsets in seconds, the index of the
   * offset before the first transition, `<index><delta>` transitions (delta in base-36 seconds
   * since the previous one, the first since 1970), and the POSIX rule that governs the rest.
   */
  static decode(encoded: string): ZoneRules | null {
    const parts = encoded.split('|');
    if (parts.length !== 4) return null;
    const [offsetText = '', initialText = '', transitionText = '', footerText = ''] = parts;
    const offsets = offsetText.split(',').map((item) => parseInt(item, 36));
    const initial = offsets[parseInt(initialText, 36)];
    if (initial === undefined || offsets.some((o) => !Number.isFinite(o))) return null;
    const times: number[] = [];
    const offsetOfTransition: number[] = [];
    let time = 0;
    for (const token of transitionText === '' ? [] : transitionText.split(',')) {
      const offset = offsets[parseInt(token.slice(0, 1), 36)];
      const delta = parseInt(token.slice(1), 36);
      if (offset === undefined || !Number.isFinite(delta)) return null;
      time += delta;
      times.push(time);
      offsetOfTransition.push(offset);
    }
    const footer = footerText === '' ? null : parsePosixTzRule(footerText);
    if (footerText !== '' && footer === null) return null;
    return new ZoneRules(initial, times, offsetOfTransition, footer);
  }

  /** Seconds east of UTC at `unixSeconds`, as Go's Location.lookup computes it. */
  offsetAt(unixSeconds: number): number {
    const times = this.times;
    const count = times.length;
    const first = times[0];
    if (first === undefined) {
      // No change since 1970: the rule (or the fixed offset) decides; earlier history was dropped.
      if (unixSeconds < 0 || this.footer === null) return this.initial;
      return posixTzOffset(this.footer, unixSeconds);
    }
    if (unixSeconds < first) return this.initial;
    // Binary search for the last transition at or before the instant.
    let lo = 0;
    let hi = count;
    while (hi - lo > 1) {
      const mid = (lo + hi) >>> 1;
      if (unixSeconds < (times[mid] ?? 0)) hi = mid;
      else lo = mid;
    }
    if (lo === count - 1 && this.footer !== null) return posixTzOffset(this.footer, unixSeconds);
    return this.offsetOfTransition[lo] ?? this.initial;
  }
}
