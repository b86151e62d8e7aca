/**
 * A fast `Next` for five-field schedules, asked before the exact robfig port
 * (`computeNextRuns`). robfig's walk steps second by second after each run, which is exact but
 * slow for a year of minutely runs. Where no UTC-offset change lies between the start and the
 * answer, robfig's walk finds the smallest matching wall time after the start, which a jump-ahead
 * search finds too; anywhere near an offset change (or for a far answer) this returns undefined
 * and the caller asks the exact port.
 */

import { civilFromSeconds, secondsFromCivil } from './civilDate';
import type { CronMatcher } from './computeNextRuns';
import type { TimeZone } from './loadTimeZone';

/** The answer must lie within this many seconds of the start for the fast path to be trusted. */
const MAX_SPAN_SECONDS = 6 * 3600;
const MAX_STEPS = 200;

/**
 * The first run strictly after `fromMs` (epoch ms), when it can be found without crossing a
 * change of the zone's UTC offset; undefined when the exact search must decide.
 */
export function fastNextRun(matcher: CronMatcher, zone: TimeZone, fromMs: number): number | undefined {
  const from = Math.floor(fromMs / 1000);
  const offset = zone.offsetAt(from);
  // The first whole minute at or after one second past the start, in wall-clock seconds.
  let local = Math.ceil((from + 1 + offset) / 60) * 60;
  const limit = from + offset + MAX_SPAN_SECONDS;
  for (let steps = 0; steps < MAX_STEPS && local <= limit; steps++) {
    const w = civilFromSeconds(local);
    if (matcher.month[w.month] !== 1) {
      local = secondsFromCivil(w.year, w.month + 1, 1, 0, 0, 0);
      continue;
    }
    const dom = matcher.dayOfMonth[w.day] === 1;
    const dow = matcher.dayOfWeek[w.weekday] === 1;
    if (!(matcher.dayStar ? dom && dow : dom || dow)) {
      local = secondsFromCivil(w.year, w.month, w.day + 1, 0, 0, 0);
      continue;
    }
    if (matcher.hour[w.hour] !== 1) {
      local = secondsFromCivil(w.year, w.month, w.day, w.hour + 1, 0, 0);
      continue;
    }
    if (matcher.minute[w.minute] !== 1) {
      local += 60;
      continue;
    }
    if (local > limit) return undefined;
    const instant = local - offset;
    // The same offset at both ends of a span of at most a few hours means no change in between.
    if (zone.offsetAt(instant) !== offset) return undefined;
    return instant * 1000;
  }
  return undefined;
}
