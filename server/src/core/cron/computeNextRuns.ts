/**
 * When a CronJob runs: a port of robfig/cron v3.0.1 `SpecSchedule.Next` and
 * `ConstantDelaySchedule.Next`, evaluated with Go's time arithmetic in the CronJob's zone.
 *
 * robfig walks month, day, hour, minute and second forward in wall-clock time and re-checks
 * everything after a wrap-around. Its daylight-saving behaviour falls out of that walk and of
 * Go's `time.Date`: a wall time skipped by spring-forward is not run that day, one repeated by
 * fall-back runs twice, and in zones with 30-minute shifts (Australia/Lord_Howe) or odd offsets
 * the walk produces its own oddities. We copy the walk rather than compute "the right answer", so
 * Podline predicts what the controller will actually do, oddities included.
 */

import { loadTimeZone, instantOfWallClock, wallClockAt, type TimeZone } from './loadTimeZone';
import type { CronSpecSchedule, ParsedSchedule } from './parseCronSchedule';
import type { CivilDateTime } from './civilDate';

/** The next runs of a schedule, as epoch milliseconds, and whether the search gave up early. */
export interface NextRuns {
  readonly runs: number[];
  /**
   * True when fewer than `count` runs were found because robfig's five-year search found no
   * further run (or, for `@every`, the next run lies beyond what a JavaScript date can hold).
   */
  readonly horizonReached: boolean;
  /**
   * True when robfig's search would never end after the last run listed: Go's Next loops forever
   * there (for example `0 0 31 * *` in Pacific/Apia late in 2011, when Samoa skipped 30 December),
   * so the controller would stop scheduling the CronJob. The runs stop at that point.
   */
  readonly stalled: boolean;
  /** True when `timeZone` is not a zone Go knows; then there are no runs. */
  readonly unknownTimeZone: boolean;
}

/** The most runs one call computes; callers show a handful. */
export const MAX_NEXT_RUNS = 1000;

/** The largest epoch millisecond a JavaScript Date can represent. */
const MAX_INSTANT_MS = 8.64e15;

/**
 * A bound on robfig's walk. A five-year search that ends needs a few thousand steps at most (the
 * day loop runs about 1,830 times; the hour, minute and second loops at most 24, 60 and 60 before
 * a match or a wrap), so a walk this long is one that cycles: in Go it would never return.
 */
const MAX_STEPS_PER_RUN = 500_000;

/** A five-field schedule as bitmaps of its fields; the fast path (`fastNextRun.ts`) uses it too. */
export interface CronMatcher {
  readonly minute: Uint8Array;
  readonly hour: Uint8Array;
  readonly dayOfMonth: Uint8Array;
  readonly month: Uint8Array;
  readonly dayOfWeek: Uint8Array;
  readonly dayStar: boolean;
}

function bitsOf(values: readonly number[]): Uint8Array {
  const bits = new Uint8Array(64);
  for (const v of values) bits[v] = 1;
  return bits;
}

/** Builds the bitmaps of a parsed five-field schedule. */
export function matcherOf(schedule: CronSpecSchedule): CronMatcher {
  return {
    minute: bitsOf(schedule.minute.values),
    hour: bitsOf(schedule.hour.values),
    dayOfMonth: bitsOf(schedule.dayOfMonth.values),
    month: bitsOf(schedule.month.values),
    dayOfWeek: bitsOf(schedule.dayOfWeek.values),
    dayStar: schedule.dayOfMonth.star || schedule.dayOfWeek.star,
  };
}

/** robfig's dayMatches: AND when either day field carries the star bit, otherwise OR. */
function dayMatches(m: CronMatcher, w: CivilDateTime): boolean {
  const dom = m.dayOfMonth[w.day] === 1;
  const dow = m.dayOfWeek[w.weekday] === 1;
  return m.dayStar ? dom && dow : dom || dow;
}

/** SpecSchedule.Next on whole seconds: the first run after `fromSeconds`, or why there is none. */
function nextSpecRun(m: CronMatcher, zone: TimeZone, fromSeconds: number): number | 'horizon' | 'stalled' {
  const date = (y: number, mo: number, d: number, h: number, mi: number, s: number): number =>
    instantOfWallClock(zone, y, mo, d, h, mi, s);
  // Start at the upcoming second.
  let t = fromSeconds + 1;
  let w = wallClockAt(zone, t);
  let added = false;
  const yearLimit = w.year + 5;
  let steps = 0;
  wrap: for (;;) {
    if (++steps > MAX_STEPS_PER_RUN) return 'stalled';
    w = wallClockAt(zone, t);
    if (w.year > yearLimit) return 'horizon';

    while (m.month[w.month] !== 1) {
      if (++steps > MAX_STEPS_PER_RUN) return 'stalled';
      if (!added) {
        added = true;
        t = date(w.year, w.month, 1, 0, 0, 0);
        w = wallClockAt(zone, t);
      }
      t = date(w.year, w.month + 1, w.day, w.hour, w.minute, w.second);
      w = wallClockAt(zone, t);
      if (w.month === 1) continue wrap;
    }

    while (!dayMatches(m, w)) {
      if (++steps > MAX_STEPS_PER_RUN) return 'stalled';
      if (!added) {
        added = true;
        t = date(w.year, w.month, w.day, 0, 0, 0);
        w = wallClockAt(zone, t);
      }
      t = date(w.year, w.month, w.day + 1, w.hour, w.minute, w.second);
      w = wallClockAt(zone, t);
      // robfig's repair for zones where midnight does not exist: snap to the nearer midnight by
      // whole hours, which is wrong by 30 minutes in Lord_Howe-style zones; we copy it as is.
      if (w.hour !== 0) {
        t += w.hour > 12 ? (24 - w.hour) * 3600 : -w.hour * 3600;
        w = wallClockAt(zone, t);
      }
      if (w.day === 1) continue wrap;
    }

    while (m.hour[w.hour] !== 1) {
      if (++steps > MAX_STEPS_PER_RUN) return 'stalled';
      if (!added) {
        added = true;
        t = date(w.year, w.month, w.day, w.hour, 0, 0);
      }
      t += 3600;
      w = wallClockAt(zone, t);
      if (w.hour === 0) continue wrap;
    }

    while (m.minute[w.minute] !== 1) {
      if (++steps > MAX_STEPS_PER_RUN) return 'stalled';
      if (!added) {
        added = true;
        // Go's Truncate works on absolute time, not on the wall clock.
        t = Math.floor(t / 60) * 60;
      }
      t += 60;
      w = wallClockAt(zone, t);
      if (w.minute === 0) continue wrap;
    }

    // ParseStandard fixes the seconds field at 0.
    while (w.second !== 0) {
      if (++steps > MAX_STEPS_PER_RUN) return 'stalled';
      added = true;
      t += 1;
      w = wallClockAt(zone, t);
      if (w.second === 0) continue wrap;
    }
    return t;
  }
}

/**
 * The next `count` runs after `from` (epoch ms) in `timeZone`, each computed from the previous one
 * as the controller does. `@every` runs at `from` truncated to the second plus the delay.
 */
export function computeNextRuns(
  schedule: ParsedSchedule,
  from: number,
  timeZone: string,
  count: number,
): NextRuns {
  const wanted = Number.isFinite(count) ? Math.max(0, Math.min(MAX_NEXT_RUNS, Math.floor(count))) : 0;
  const runs: number[] = [];
  const result = (horizonReached: boolean, stalled = false, unknownTimeZone = false): NextRuns => ({
    runs,
    horizonReached,
    stalled,
    unknownTimeZone,
  });
  if (!Number.isFinite(from) || Math.abs(from) > MAX_INSTANT_MS) return result(false);
  const zone = loadTimeZone(timeZone);
  if (zone === null) return result(false, false, true);

  if (schedule.type === 'every') {
    let t = from;
    for (let i = 0; i < wanted; i++) {
      t = Math.floor(t / 1000) * 1000 + schedule.durationMs;
      if (t > MAX_INSTANT_MS) return result(true);
      runs.push(t);
    }
    return result(false);
  }

  // An empty minute, hour or month field (possible with a lone ",") makes robfig search all five
  // years minute by minute before giving up; the answer is known without the search.
  if (
    schedule.minute.values.length === 0 ||
    schedule.hour.values.length === 0 ||
    schedule.month.values.length === 0
  ) {
    return result(wanted > 0);
  }
  const matcher = matcherOf(schedule);
  let t = Math.floor(from / 1000);
  for (let i = 0; i < wanted; i++) {
    const next = nextSpecRun(matcher, zone, t);
    if (next === 'stalled') return result(false, true);
    if (next === 'horizon' || next * 1000 > MAX_INSTANT_MS) return result(true);
    runs.push(next * 1000);
    t = next;
  }
  return result(false);
}
