/**
 * A schedule's times in its zone as the CronJob controller asks for them: robfig's `Next(t)`,
 * asked again and again from times a sync works out. Exact (every answer is what
 * `computeNextRuns` gives), and fast for long runs: a jump-ahead search where no UTC-offset change
 * is near (`fastNextRun`), a chain of exact answers computed a batch at a time elsewhere, and a
 * memo of the last few questions, which a sync repeats.
 */

import { computeNextRuns, matcherOf } from './computeNextRuns';
import type { CronMatcher } from './computeNextRuns';
import { fastNextRun } from './fastNextRun';
import { loadTimeZone } from './loadTimeZone';
import type { TimeZone } from './loadTimeZone';
import type { ParsedSchedule } from './parseCronSchedule';

/** How many upcoming runs one call to the exact evaluator computes for the cache. */
const RUN_BATCH = 256;
/** The chain cache is dropped beyond this many entries, to keep memory bounded. */
const MAX_CACHED = 100_000;

/** The times of one schedule in one zone. */
export class ScheduleTimes {
  /** The chain cache: schedule time → the following one (null when there is none). */
  private readonly nextCache = new Map<number, number | null>();
  /** The last few answers of `next`: questions, and answers with NaN for "none". */
  private readonly memoKeys = new Float64Array(4).fill(NaN);
  private readonly memoValues = new Float64Array(4).fill(NaN);
  private memoAt = 0;
  private readonly fast: { readonly matcher: CronMatcher; readonly zone: TimeZone } | null;

  /** `timeZone` is a zone name; the fast path is used only when it loads. */
  constructor(
    private readonly schedule: ParsedSchedule,
    private readonly timeZone: string,
  ) {
    const zone = schedule.type === 'spec' ? loadTimeZone(timeZone) : null;
    this.fast = schedule.type === 'spec' && zone !== null ? { matcher: matcherOf(schedule), zone } : null;
  }

  /** robfig's `Next(t)`: the first schedule time after `t` (epoch ms), or null when none. */
  next(t: number): number | null {
    const keys = this.memoKeys;
    for (let i = 0; i < keys.length; i++) {
      if (keys[i] === t) {
        const known = this.memoValues[i] as number;
        return Number.isNaN(known) ? null : known;
      }
    }
    const answer = this.computeNext(t);
    keys[this.memoAt] = t;
    this.memoValues[this.memoAt] = answer ?? NaN;
    this.memoAt = (this.memoAt + 1) % keys.length;
    return answer;
  }

  private computeNext(t: number): number | null {
    if (this.fast !== null) {
      const quick = fastNextRun(this.fast.matcher, this.fast.zone, t);
      if (quick !== undefined) return quick;
    }
    const cached = this.nextCache.get(t);
    if (cached !== undefined) return cached;
    // One call computes a chain of runs, each from the previous one as the controller does,
    // so every link of the chain is an exact answer for later questions.
    const result = computeNextRuns(this.schedule, t, this.timeZone, RUN_BATCH);
    if (this.nextCache.size > MAX_CACHED) this.nextCache.clear();
    let from = t;
    for (const run of result.runs) {
      this.nextCache.set(from, run);
      from = run;
    }
    if (result.runs.length < RUN_BATCH) this.nextCache.set(from, null);
    return this.nextCache.get(t) ?? null;
  }
}
