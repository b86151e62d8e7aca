/**
 * The CronJob controller (docs/kubernetes-behaviour.md §3.2, `cronjob_controllerv2.go` and `utils.go`):
 * history cleanup, reconciling `status.active`, the most recent unmet schedule time (never
 * back-filling), startingDeadlineSeconds, more than 100 missed times, the concurrency policies,
 * deterministic Job names and the requeue for the next schedule time + 100 ms. Each Job it
 * creates runs in the Job model.
 */

import { ScheduleTimes, formatCronError, loadTimeZone, parseCronSchedule } from '../cron';
import type { ParsedSchedule } from '../cron';
import { formatInstant, formatSpan, toSeconds } from './durations';
import { Priority } from './eventQueue';
import { FrontQueue, removeFirst } from './indexSets';
import { JobController } from './jobController';
import type { JobParent } from './jobController';
import type { CronJobStatusSample, TimelineJob, TimelineEvent } from './timeline';
import { SampleList } from './recorder';
import type { World } from './world';
import type { CronJobSpecModel } from '../workload/workloadModel';

/** The controller requeues for the next schedule time plus this (`nextScheduleDelta`). */
const NEXT_SCHEDULE_DELTA_MS = 100;
/** More missed schedule times than this give a TooManyMissedTimes warning. */
const MANY_MISSED = 100;
/** A bound on the walk to the most recent missed time (it takes a few steps in practice). */
const MAX_WALK = 100_000;

/** Event messages, built only when the timeline keeps the event. */
const missedSchedule = (scheduled: number): string =>
  `Missed scheduled time to start a job: ${formatInstant(scheduled)}`;
const createdJob = (name: string): string => `Created job ${name}`;
const deletedJob = (job: JobController): string => `Deleted job ${job.name}`;
const sawCompletedJob = (job: JobController): string =>
  `Saw completed job: ${job.name}, condition: ${job.outcome ?? ''}`;
const missingJob = (job: JobController): string => `Active job went missing: ${job.name}`;

/** What `mostRecentScheduleTime` found. */
export interface ScheduleState {
  readonly earliest: number;
  readonly mostRecent: number | null;
  readonly missed: 'none' | 'few' | 'many';
  readonly error: boolean;
}

/** robfig's `Schedule.Next`: the first schedule time after `t` (epoch ms), or null when none. */
export interface NextScheduleTimes {
  next(t: number): number | null;
}

/** The schedule of a CronJob whose schedule does not parse: never. */
const NEVER: NextScheduleTimes = { next: () => null };

/**
 * `mostRecentScheduleTime` (utils.go): from `since` (lastScheduleTime, else the creation time),
 * but no earlier than `now - startingDeadlineMs`, t1 and t2 are the next two schedule times.
 * Before t1 nothing is due; before t2, t1 is; otherwise the number of missed times is estimated
 * from t2 - t1 and the walk to the most recent one starts one interval before the estimate, as
 * upstream's does. A t2 - t1 under a second (robfig's zero time for "never") is an error.
 */
export function mostRecentScheduleTime(
  times: NextScheduleTimes,
  since: number,
  startingDeadlineMs: number | null,
  now: number,
): ScheduleState {
  let earliest = since;
  if (startingDeadlineMs !== null) earliest = Math.max(earliest, now - startingDeadlineMs);
  const t1 = times.next(earliest);
  const t2 = t1 === null ? null : times.next(t1);
  if (t1 !== null && now < t1) return { earliest, mostRecent: null, missed: 'none', error: false };
  if (t1 !== null && t2 !== null && now < t2)
    return { earliest, mostRecent: t1, missed: 'few', error: false };
  // Go's zero time stands in for "no next run", and makes the interval below zero.
  const between = t1 === null || t2 === null ? 0 : Math.round((t2 - t1) / 1000);
  if (between < 1 || t1 === null) return { earliest, mostRecent: null, missed: 'none', error: true };
  const elapsed = Math.trunc((now - t1) / 1000);
  const count = Math.trunc(elapsed / between) + 1;
  // Start one interval early and let the schedule find the real times, as the controller does.
  const potentialEarliest = t1 + (count - 2) * between * 1000;
  let mostRecent: number | null = null;
  let steps = 0;
  for (
    let t = times.next(potentialEarliest);
    t !== null && t <= now && steps < MAX_WALK;
    t = times.next(t), steps++
  ) {
    mostRecent = t;
  }
  return { earliest, mostRecent, missed: count > MANY_MISSED ? 'many' : 'few', error: false };
}

/**
 * `nextScheduleTimeDuration` (utils.go), as an absolute time: the schedule time after the most
 * recent one (after the earliest time when none was missed, after `now` when times were missed
 * but the walk found none), plus 100 ms; null for a schedule that never fires. `state` is `mostRecentScheduleTime` without the deadline.
 */
export function nextScheduleTimeDuration(
  times: NextScheduleTimes,
  state: ScheduleState,
  now: number,
): number | null {
  const { earliest, mostRecent, missed, error } = state;
  if (error) return null;
  const base = mostRecent ?? (missed === 'none' ? earliest : now);
  const next = times.next(base);
  return next === null ? null : next + NEXT_SCHEDULE_DELTA_MS;
}

/** Totals for the summary. */
export interface CronJobTotals {
  jobsCreated: number;
  jobsSucceeded: number;
  jobsFailed: number;
  jobsDeleted: number;
  runsSkipped: number;
  tooManyMissed: number;
}

/** One CronJob and its controller. */
export class CronJobController implements JobParent {
  private readonly schedule: ParsedSchedule | null;
  private readonly scheduleError: string | null;
  private readonly zone: string;
  private readonly zoneError: string | null;
  suspended: boolean;
  /** Absolute epoch milliseconds. */
  private lastScheduleTime: number | null = null;
  private lastSuccessfulTime: number | null = null;
  private readonly active = new FrontQueue<JobController>();
  /** Child Jobs that exist (not deleted), in creation order. */
  private readonly children = new FrontQueue<JobController>();
  /** The finished Jobs among `children`: what the history cleanup looks at. */
  private readonly finishedChildren: JobController[] = [];
  /**
   * The names of the child Jobs that exist, as the Unix minute of their schedule time: every
   * name is `<cronjob>-<minute>`, so the minute stands for the name without building strings.
   */
  private readonly names = new Map<number, JobController>();
  /** The members of `active`, for lookups; `active` keeps their order. */
  private readonly activeSet = new Set<JobController>();
  /** Jobs that finished since the last reconcile of `status.active`, and Jobs deleted while listed. */
  private readonly finishedSinceReconcile: JobController[] = [];
  private readonly deletedWhileActive: JobController[] = [];
  readonly keptJobs: JobController[] = [];
  jobsOmitted = 0;
  readonly totals: CronJobTotals = {
    jobsCreated: 0,
    jobsSucceeded: 0,
    jobsFailed: 0,
    jobsDeleted: 0,
    runsSkipped: 0,
    tooManyMissed: 0,
  };
  /** The schedule's times in its zone (null for an unparseable schedule). */
  private readonly times: ScheduleTimes | null;
  /** Times of pending sync requests (a handful at most). */
  private readonly syncRequests: number[] = [];
  /** The Jobs this sync's history cleanup deleted, reconciled all the same (`reconcileActive`). */
  private readonly deletedByCleanup: JobController[] = [];
  private horizonReached = false;
  private invalidSchedule = false;
  private finishedSinceCleanup = false;
  /**
   * A child Job was created, finished or deleted since `reconcileActive` last looked; until one
   * is, reconciling again would find nothing to change.
   */
  private childrenChanged = false;
  private syncing = false;
  private horizonStopAt: number | null = null;
  readonly samples: SampleList<CronJobStatusSample>;

  readonly spec: CronJobSpecModel;
  /** The run ends once this many Jobs were created and have finished (the horizon's `jobs`). */
  private readonly horizonJobs: number | null;

  constructor(
    private readonly world: World,
    options: { readonly spec: CronJobSpecModel; readonly horizonJobs?: number | null },
  ) {
    const spec = options.spec;
    this.spec = spec;
    this.horizonJobs = options.horizonJobs ?? null;
    this.suspended = spec.suspend;
    const parsed = parseCronSchedule(spec.schedule);
    if (parsed.ok) {
      this.schedule = parsed;
      this.scheduleError = null;
    } else {
      this.schedule = null;
      this.scheduleError = formatCronError(parsed, 'en');
    }
    this.zone = spec.timeZone ?? world.scenario.controllerTimeZone;
    this.zoneError =
      spec.timeZone !== null && loadTimeZone(spec.timeZone) === null
        ? `invalid timeZone: "${spec.timeZone}": unknown time zone ${spec.timeZone}`
        : null;
    this.samples = new SampleList<CronJobStatusSample>(
      world.scenario.limits.statusSamples,
      world.recorder.budget,
    );
    this.times = this.schedule === null ? null : new ScheduleTimes(this.schedule, this.zone);
  }

  /** The Unix minute in a child Job's name `<cronjob>-<minute>`. */
  private nameMinute(job: JobController): number {
    return Math.floor((this.startMs + (job.scheduledTime ?? 0)) / 60_000);
  }

  /** The CronJob was created at the scenario's start. */
  start(): void {
    this.requestSync(this.world.now);
  }

  /** Why the controller creates no Jobs at all (the warning's reason), or null. */
  get blockedReason(): 'UnparseableSchedule' | 'UnknownTimeZone' | 'InvalidSchedule' | null {
    if (this.schedule === null) return 'UnparseableSchedule';
    if (this.zoneError !== null) return 'UnknownTimeZone';
    return this.invalidSchedule ? 'InvalidSchedule' : null;
  }

  /** Whether the schedule could be used at all. */
  get scheduling(): 'ok' | 'unparseable' | 'unknownZone' {
    if (this.schedule === null) return 'unparseable';
    if (this.zoneError !== null) return 'unknownZone';
    return 'ok';
  }

  private get startMs(): number {
    return this.world.scenario.startMs;
  }

  private requestSync(time: number): void {
    const at = Math.max(time, this.world.now);
    if (this.syncRequests.includes(at)) return;
    this.syncRequests.push(at);
    this.world.atWith(at, Priority.cronJobController, CronJobController.syncDue, this);
  }

  /** A requested sync comes due (at the time it was requested for, which is now). */
  private static readonly syncDue = (cron: CronJobController): void => {
    removeFirst(cron.syncRequests, cron.world.now);
    cron.sync();
  };

  /**
   * A child Job finished or was deleted: the Job informer enqueues the CronJob at once. The Job
   * has done its part of this instant, so the sync runs now, unless a sync is already running
   * (a Job this controller is deleting), which queues it instead.
   */
  onJobChanged(job: JobController): void {
    this.childrenChanged = true;
    if (job.finished && !job.countedByParent) {
      job.countedByParent = true;
      this.finishedSinceReconcile.push(job);
      if (job.deletedAt === null) this.finishedChildren.push(job);
      this.finishedSinceCleanup = true;
      if (job.outcome === 'Complete') this.totals.jobsSucceeded++;
      else this.totals.jobsFailed++;
    }
    if (job.deletedAt !== null) {
      // A Job deleted by someone else (its TTL) no longer exists for the controller.
      this.children.remove(job);
      removeFirst(this.finishedChildren, job);
      this.names.delete(this.nameMinute(job));
      if (this.activeSet.has(job)) this.deletedWhileActive.push(job);
    }
    if (this.syncing) this.requestSync(this.world.now);
    else this.sync();
  }

  /** A scenario event suspends or resumes the CronJob (a spec change: synced at once). */
  setSuspended(suspended: boolean): boolean {
    if (this.suspended === suspended) return false;
    this.suspended = suspended;
    this.requestSync(this.world.now);
    return true;
  }

  /** The object this controller's events are about, built on its first event. */
  private involved: TimelineEvent['object'] | undefined;

  /** Records an event about this CronJob (see `Recorder.recordEvent`). */
  private event<S>(
    type: 'Normal' | 'Warning',
    reason: string,
    message: string | ((subject: S) => string),
    subject?: S,
  ): void {
    this.involved ??= { kind: 'CronJob', name: this.spec.name };
    this.world.recorder.recordEvent(type, reason, this.involved, 'cronjob-controller', message, subject);
  }

  /** `mostRecentScheduleTime` for this CronJob now (see the function of that name). */
  private mostRecentScheduleTime(now: number, includeDeadline: boolean): ScheduleState {
    return mostRecentScheduleTime(
      this.times ?? NEVER,
      this.lastScheduleTime ?? this.startMs,
      includeDeadline ? this.spec.startingDeadlineMs : null,
      now,
    );
  }

  /**
   * `nextScheduleTime` (utils.go): the schedule time to act on now, or null; warns
   * TooManyMissedTimes when more than 100 were missed.
   */
  private nextScheduleTime(now: number): ScheduleState {
    const state = this.mostRecentScheduleTime(now, true);
    if (state.mostRecent === null || state.mostRecent > now) return state;
    if (state.missed === 'many') {
      this.totals.tooManyMissed++;
      this.event(
        'Warning',
        'TooManyMissedTimes',
        'too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew',
      );
    }
    return state;
  }

  /**
   * `nextScheduleTimeDuration` (utils.go): when to look again, as an absolute time (or null), the
   * next schedule time after the most recent one plus 100 ms. It asks `mostRecentScheduleTime`
   * without the starting deadline; without one, the sync's own answer (`known`) is that answer.
   */
  private nextScheduleTimeDuration(now: number, known: ScheduleState | null): number | null {
    const state =
      known !== null && this.spec.startingDeadlineMs === null
        ? known
        : this.mostRecentScheduleTime(now, false);
    return nextScheduleTimeDuration(this.times ?? NEVER, state, now);
  }

  /** The work queue's `AddAfter` for the time `syncCronJob` asked for, within the run's limits. */
  private requeueAt(wake: number): void {
    if (this.world.horizonBeyondLimit) {
      // The CronJob is scheduling and nothing can suspend it: the run would go on until
      // limits.maxDuration (or another limit) and end there, however long that takes.
      const limits = this.world.scenario.limits;
      this.world.stopEarly('maxDuration', 'truncatedHorizon', {
        horizon: formatSpan(this.world.scenario.horizon.durationMs ?? 0),
        limit: formatSpan(limits.maxDurationMs),
      });
      return;
    }
    // Once the horizon's Jobs exist, the next wake-up ends the run.
    if (this.horizonReached && this.horizonStopAt === null) this.horizonStopAt = wake;
    this.requestSync(wake - this.startMs);
  }

  /** `sync` (cronjob_controllerv2.go): history cleanup, then `syncCronJob`, then its requeue. */
  private sync(): void {
    this.syncing = true;
    try {
      const now = this.startMs + this.world.now;
      this.cleanupFinishedJobs();
      const wake = this.syncCronJob(now);
      if (wake !== null) this.requeueAt(wake);
    } finally {
      this.syncing = false;
    }
  }

  /**
   * `syncCronJob` (cronjob_controllerv2.go), step by step in upstream's order: reconcile the
   * active list with the child Jobs, stop for an unknown zone, suspension or an unparseable
   * schedule, find the schedule time to act on, skip it when too late, already processed or
   * forbidden by Forbid, delete the active Jobs under Replace, create the Job (or adopt it on
   * AlreadyExists), and record it. Returns when to sync again (`nextScheduleTimeDuration`), or
   * null for no requeue.
   */
  private syncCronJob(now: number): number | null {
    // Reconcile status.active with the Jobs (SawCompletedJob, lastSuccessfulTime, MissingJob).
    this.reconcileActive();
    this.sample();
    // Where upstream stops for a CronJob being deleted, the simulation stops at its horizon.
    if (
      this.horizonReached &&
      ((this.horizonStopAt !== null && now >= this.horizonStopAt) ||
        (this.active.length === 0 && this.children.every((job) => job.finished)))
    ) {
      this.world.stop = 'horizon';
      return null;
    }
    if (this.zoneError !== null) {
      this.event('Warning', 'UnknownTimeZone', this.zoneError);
      return null;
    }
    if (this.suspended) return null;
    if (this.schedule === null) {
      this.event(
        'Warning',
        'UnparseableSchedule',
        `unparseable schedule: "${this.spec.schedule}" : ${this.scheduleError ?? ''}`,
      );
      return null;
    }
    const state = this.nextScheduleTime(now);
    if (state.error) {
      this.invalidSchedule = true;
      this.event(
        'Warning',
        'InvalidSchedule',
        `invalid schedule: ${this.spec.schedule} : time difference between two schedules is less than 1 second`,
      );
      return null;
    }
    const scheduled = state.mostRecent;
    // No unmet start time.
    if (scheduled === null || scheduled > now) return this.nextScheduleTimeDuration(now, state);
    const deadline = this.spec.startingDeadlineMs;
    if (deadline !== null && scheduled + deadline < now) {
      // Too late. Unreachable in practice (the deadline already clamps the earliest time), kept
      // as in the code.
      this.event('Warning', 'MissSchedule', missedSchedule, scheduled);
      return this.nextScheduleTimeDuration(now, state);
    }
    // The scheduled time is already processed: the Job's name `<cronjob>-<minute>` is in the
    // active list, or it is lastScheduleTime. The minute alone tells names apart.
    const minute = Math.floor(scheduled / 60_000);
    const named = this.names.get(minute);
    if (this.lastScheduleTime === scheduled || (named !== undefined && this.activeSet.has(named))) {
      return this.nextScheduleTimeDuration(now, state);
    }
    if (this.spec.concurrencyPolicy === 'Forbid' && this.active.length > 0) {
      this.totals.runsSkipped++;
      this.event(
        'Normal',
        'JobAlreadyActive',
        'Not starting job because prior execution is running and concurrency policy is Forbid',
      );
      return this.nextScheduleTimeDuration(now, state);
    }
    if (this.spec.concurrencyPolicy === 'Replace') {
      for (const job of this.active.toArray()) this.deleteJob(job, 'replace');
    }
    if (this.names.has(minute)) {
      // AlreadyExists: the Job is ours; it goes back into the active list if it is unfinished.
      const existing = this.names.get(minute);
      if (existing && !existing.finished && !this.activeSet.has(existing)) {
        this.addActive(existing);
        this.childrenChanged = true;
      }
    } else {
      this.createJob(`${this.spec.name}-${minute}`, scheduled);
    }
    this.lastScheduleTime = scheduled;
    this.sample();
    // lastScheduleTime moved: the next wake-up is worked out afresh.
    return this.nextScheduleTimeDuration(now, null);
  }

  private createJob(name: string, scheduled: number): void {
    this.totals.jobsCreated++;
    const kept =
      this.keptJobs.length < this.world.scenario.limits.timelineJobs && this.world.recorder.budget.take();
    const job = new JobController(this.world, {
      spec: this.spec.jobSpec,
      name,
      ordinal: this.totals.jobsCreated,
      created: this.world.now,
      scheduledTime: scheduled - this.startMs,
      parent: this,
      kept,
    });
    if (kept) this.keptJobs.push(job);
    else this.jobsOmitted++;
    this.names.set(Math.floor(scheduled / 60_000), job);
    this.children.push(job);
    this.addActive(job);
    this.childrenChanged = true;
    this.event('Normal', 'SuccessfulCreate', createdJob, name);
    job.start();
    if (this.horizonJobs !== null && this.totals.jobsCreated >= this.horizonJobs) this.horizonReached = true;
  }

  /** Deletes a child Job (background propagation) and drops it from the active list. */
  private deleteJob(job: JobController, by: 'historyLimit' | 'replace'): void {
    this.removeActive(job);
    this.children.remove(job);
    removeFirst(this.finishedChildren, job);
    this.childrenChanged = true;
    this.names.delete(this.nameMinute(job));
    job.delete(by);
    this.totals.jobsDeleted++;
    this.event('Normal', 'SuccessfulDelete', deletedJob, job);
  }

  /**
   * `cleanupFinishedJobs`: keep only the newest finished Jobs of each kind, by start time. The
   * Jobs it deletes go to `deletedByCleanup`: `syncCronJob` still reconciles the list of Jobs
   * that `sync` read before the cleanup.
   */
  private cleanupFinishedJobs(): void {
    // Nothing to clean up unless a Job finished since the last look.
    if (!this.finishedSinceCleanup) return;
    this.finishedSinceCleanup = false;
    const successful: JobController[] = [];
    const failed: JobController[] = [];
    for (const job of this.finishedChildren) {
      if (job.outcome === 'Complete') successful.push(job);
      else if (job.outcome === 'Failed') failed.push(job);
    }
    this.removeOldest(successful, this.spec.successfulJobsHistoryLimit);
    this.removeOldest(failed, this.spec.failedJobsHistoryLimit);
  }

  private removeOldest(jobs: JobController[], limit: number): void {
    const excess = jobs.length - limit;
    if (excess <= 0) return;
    // byJobStartTime: Jobs without a startTime sort last; equal times fall back to the name.
    // They usually arrive in that order already (creation order), so check before sorting.
    let sorted = true;
    for (let i = 1; i < jobs.length && sorted; i++) {
      sorted = byStartTime(jobs[i - 1] as JobController, jobs[i] as JobController) <= 0;
    }
    if (!sorted) jobs.sort(byStartTime);
    for (let i = 0; i < excess; i++) {
      const job = jobs[i] as JobController;
      this.deleteJob(job, 'historyLimit');
      this.deletedByCleanup.push(job);
    }
  }

  /**
   * Reconciles `status.active` with the child Jobs, as `syncCronJob` does first: a finished Job
   * leaves the active list (SawCompletedJob), and every succeeded Job, listed or not, raises
   * lastSuccessfulTime, in the same pass (since Kubernetes 1.31; before, a Job taken out of the
   * list counted only at the next sync, and never if the history cleanup deleted it first). The
   * Jobs the cleanup just deleted are still in the list upstream reconciles. Then Jobs that no
   * longer exist leave the active list (MissingJob).
   */
  private reconcileActive(): void {
    const deleted = this.deletedByCleanup;
    if (!this.childrenChanged && deleted.length === 0) return;
    // Only the Jobs that finished since the last pass can leave the list or raise the time; they
    // are taken in the order of the Job list (creation order), as upstream walks it. A Job
    // deleted since (its TTL, or the cleanup) is no longer in that list.
    const finished = this.finishedSinceReconcile.splice(0).sort((a, b) => a.ordinal - b.ordinal);
    for (const job of finished) {
      if (job.deletedAt !== null) continue;
      if (this.activeSet.has(job)) {
        this.removeActive(job);
        this.event('Normal', 'SawCompletedJob', sawCompletedJob, job);
      }
      this.sawSucceeded(job);
    }
    for (const job of deleted) this.sawSucceeded(job);
    while (deleted.length > 0) deleted.pop();
    // Listed Jobs that no longer exist, from the end of the list as upstream's loop meets them.
    if (this.deletedWhileActive.length > 0) {
      const gone = this.deletedWhileActive
        .splice(0)
        .filter((job) => this.activeSet.has(job))
        .map((job) => ({ job, at: this.active.indexOf(job) }))
        .sort((a, b) => b.at - a.at);
      for (const { job } of gone) {
        this.removeActive(job);
        this.event('Normal', 'MissingJob', missingJob, job);
      }
    }
    this.childrenChanged = false;
  }

  private addActive(job: JobController): void {
    this.active.push(job);
    this.activeSet.add(job);
  }

  private removeActive(job: JobController): void {
    // A Job the history cleanup deletes has usually left the list already: looking for it there
    // would scan every active Job (about 1,440 of them for an every-minute schedule of day-long runs).
    if (!this.activeSet.delete(job)) return;
    this.active.remove(job);
  }

  /** A succeeded Job's completion time raises lastSuccessfulTime. */
  private sawSucceeded(job: JobController): void {
    if (job.outcome !== 'Complete' || job.completionTime === null) return;
    const completed = this.startMs + job.completionTime;
    if (this.lastSuccessfulTime === null || completed > this.lastSuccessfulTime)
      this.lastSuccessfulTime = completed;
  }

  private sample(): void {
    const active = this.active;
    // Reading index -1 of an empty array would be a slow property lookup, hence the test.
    const count = active.length;
    // A sample names every active Job: each name is an entry of the timeline's budget.
    const changed = this.samples.changed(
      count,
      count > 0 ? (active.at(0) as JobController).ordinal : -1,
      count > 0 ? (active.at(count - 1) as JobController).ordinal : -1,
      this.lastScheduleTime ?? -1,
      this.lastSuccessfulTime ?? -1,
      0,
      0,
      1 + count,
    );
    if (!changed) return;
    this.samples.add({
      time: toSeconds(this.world.now),
      active: active.map((job) => job.name),
      lastScheduleTime: this.lastScheduleTime === null ? null : formatInstant(this.lastScheduleTime),
      lastSuccessfulTime: this.lastSuccessfulTime === null ? null : formatInstant(this.lastSuccessfulTime),
    });
  }

  /** The kept Jobs as the timeline lists them. */
  timelineJobs(): TimelineJob[] {
    return this.keptJobs.map((job) => job.toTimeline(this.startMs));
  }
}

/** `byJobStartTime`: start time, Jobs without one last, then the name. */
function byStartTime(a: JobController, b: JobController): number {
  if (a.startTime === null || b.startTime === null) {
    if (a.startTime === null && b.startTime === null) return compare(a.name, b.name);
    return a.startTime === null ? 1 : -1;
  }
  return a.startTime - b.startTime || compare(a.name, b.name);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
