// Plain, recompute-everything versions of the simulator's controller decisions, for tests only.
// The simulator keeps incremental indexes, caches and jump-ahead searches so that a year of a
// CronJob or a rollout over thousands of nodes stays fast; each function here recomputes the same
// decision from scratch, the way upstream's code reads, so that a test can hold the two side by
// side (simulatorReference.test.ts).
import { computeNextRuns, MAX_NEXT_RUNS } from '../../server/src/core/cron';
import type { ParsedSchedule } from '../../server/src/core/cron';
import type { ScheduleState } from '../../server/src/core/simulator/cronJobController';
import type { RolloutView } from '../../server/src/core/simulator/daemonSetController';
import type { ManageJobView } from '../../server/src/core/simulator/jobController';
import type { Pod } from '../../server/src/core/simulator/pod';
import { scaleIntOrPercent } from '../../server/src/core/workload/intOrPercent';

// ---- CronJob: which schedule times are due, and which were missed -----------------------------

/** Every schedule time after `from` up to and including `until`, each from the previous one. */
export function scheduleTimesBetween(
  schedule: ParsedSchedule,
  timeZone: string,
  from: number,
  until: number,
): { times: number[]; after: number | null } {
  const times: number[] = [];
  let at = from;
  for (;;) {
    const runs = computeNextRuns(schedule, at, timeZone, MAX_NEXT_RUNS).runs;
    for (const run of runs) {
      if (run > until) return { times, after: run };
      times.push(run);
    }
    if (runs.length < MAX_NEXT_RUNS) return { times, after: null };
    at = runs[runs.length - 1] as number;
  }
}

/**
 * upstream's `mostRecentScheduleTime` recomputed from the list of every schedule time since the
 * earliest time considered: t1 and t2 are its first two entries (or the first ones after now),
 * the missed count is upstream's estimate from t2 - t1, and the most recent time is the last entry
 * if it lies after the point where upstream's walk starts (one interval before the estimate).
 */
export function referenceMostRecentScheduleTime(
  schedule: ParsedSchedule,
  timeZone: string,
  since: number,
  startingDeadlineMs: number | null,
  now: number,
): ScheduleState {
  const earliest = startingDeadlineMs === null ? since : Math.max(since, now - startingDeadlineMs);
  const { times, after } = scheduleTimesBetween(schedule, timeZone, earliest, now);
  const upcoming = after === null ? [] : [after, ...computeNextRuns(schedule, after, timeZone, 1).runs];
  const [t1, t2] = [...times, ...upcoming];
  if (t1 === undefined || t1 > now) {
    return t1 === undefined
      ? { earliest, mostRecent: null, missed: 'none', error: true }
      : { earliest, mostRecent: null, missed: 'none', error: false };
  }
  if (t2 !== undefined && now < t2) return { earliest, mostRecent: t1, missed: 'few', error: false };
  const between = t2 === undefined ? 0 : Math.round((t2 - t1) / 1000);
  if (between < 1) return { earliest, mostRecent: null, missed: 'none', error: true };
  const count = Math.trunc(Math.trunc((now - t1) / 1000) / between) + 1;
  const walkFrom = t1 + (count - 2) * between * 1000;
  const last = times[times.length - 1] as number;
  return {
    earliest,
    mostRecent: last > walkFrom ? last : null,
    missed: count > 100 ? 'many' : 'few',
    error: false,
  };
}

/** upstream's `nextScheduleTimeDuration` (as an absolute time), from the plain schedule times. */
export function referenceNextWake(
  schedule: ParsedSchedule,
  timeZone: string,
  state: ScheduleState,
  now: number,
): number | null {
  if (state.error) return null;
  const base = state.mostRecent ?? (state.missed === 'none' ? state.earliest : now);
  const next = computeNextRuns(schedule, base, timeZone, 1).runs[0];
  return next === undefined ? null : next + 100;
}

// ---- DaemonSet: one rollingUpdate ---------------------------------------------------------------

/** What one sync's `rollingUpdate` does: pod ids to delete and node orders to create on, sorted. */
export interface ReferenceRollout {
  readonly maxSurge: number;
  readonly maxUnavailable: number;
  readonly deletes: number[];
  readonly creates: number[];
}

/**
 * upstream's `rollingUpdate` (pkg/controller/daemon/update.go) recomputed over every node:
 * `updatedDesiredNodeCounts`, then `findUpdatedPodsOnNode` for each node with daemon pods (and
 * each desired node without), classifying it exactly as upstream's loop does, in node order.
 */
export function referenceRollingUpdate(view: RolloutView): ReferenceRollout {
  const available = (pod: Pod): boolean =>
    pod.ready &&
    pod.deletedAt === null &&
    (view.minReadyMs === 0 || (pod.readySince ?? Infinity) + view.minReadyMs <= view.now);
  const nodes = view.nodes.filter(
    (entry) => entry.pods.length > 0 || (entry.node.removed === null && entry.shouldRun),
  );
  const desired = view.nodes.filter((entry) => entry.node.removed === null && entry.shouldRun).length;
  let maxUnavailable = scaleIntOrPercent(view.maxUnavailable, desired);
  const maxSurge = scaleIntOrPercent(view.maxSurge, desired);
  if (desired > 0 && maxUnavailable === 0 && maxSurge === 0) maxUnavailable = 1;

  const deletes: Pod[] = [];
  const creates: number[] = [];
  const found = view.nodes.map((entry) => {
    let newPod: Pod | null = null;
    let oldPod: Pod | null = null;
    let ok = true;
    for (const pod of entry.pods) {
      if (pod.deletedAt !== null) continue;
      if (pod.hash === view.hash) {
        if (newPod !== null) ok = false;
        newPod = pod;
      } else {
        if (oldPod !== null) ok = false;
        oldPod = pod;
      }
    }
    return { newPod, oldPod, ok };
  });
  const onNode = (entry: RolloutView['nodes'][number]): (typeof found)[number] =>
    found[view.nodes.indexOf(entry)] as (typeof found)[number];

  if (maxSurge === 0) {
    let numUnavailable = 0;
    const allowedReplacementPods: Pod[] = [];
    const candidatePodsToDelete: Pod[] = [];
    for (const entry of nodes) {
      const { newPod, oldPod, ok } = onNode(entry);
      if (!ok) numUnavailable++;
      else if ((oldPod === null && newPod === null) || (oldPod !== null && newPod !== null)) numUnavailable++;
      else if (newPod !== null) {
        if (!available(newPod)) numUnavailable++;
      } else if (oldPod !== null && !available(oldPod)) {
        allowedReplacementPods.push(oldPod);
        numUnavailable++;
      } else if (oldPod !== null) candidatePodsToDelete.push(oldPod);
    }
    const remaining = Math.min(Math.max(0, maxUnavailable - numUnavailable), candidatePodsToDelete.length);
    deletes.push(...allowedReplacementPods, ...candidatePodsToDelete.slice(0, remaining));
  } else {
    let numSurge = 0;
    let numAvailable = 0;
    const shouldNotRunPodsToDelete: Pod[] = [];
    const allowedNewNodes: number[] = [];
    const candidateNewNodes: number[] = [];
    for (const entry of nodes) {
      const { newPod, oldPod, ok } = onNode(entry);
      if (!ok) {
        numSurge++;
        continue;
      }
      if (oldPod !== null) {
        if (available(oldPod)) numAvailable++;
      } else if (newPod !== null && available(newPod)) numAvailable++;
      const shouldRun = entry.node.removed === null && entry.shouldRun;
      if (oldPod === null) continue;
      if (newPod === null) {
        if (!available(oldPod)) {
          if (!shouldRun) deletes.push(oldPod);
          else allowedNewNodes.push(entry.node.order);
        } else if (!shouldRun) shouldNotRunPodsToDelete.push(oldPod);
        else candidateNewNodes.push(entry.node.order);
      } else if (!available(newPod)) numSurge++;
      else deletes.push(oldPod);
    }
    const deletable = Math.min(Math.max(0, numAvailable - desired), shouldNotRunPodsToDelete.length);
    deletes.push(...shouldNotRunPodsToDelete.slice(0, deletable));
    const remainingSurge = Math.min(Math.max(0, maxSurge - numSurge), candidateNewNodes.length);
    creates.push(...allowedNewNodes, ...candidateNewNodes.slice(0, remainingSurge));
  }
  return {
    maxSurge,
    maxUnavailable: maxSurge === 0 ? maxUnavailable : 0,
    deletes: deletes.map((pod) => pod.id).sort((a, b) => a - b),
    creates: creates.sort((a, b) => a - b),
  };
}

// ---- Job: one manageJob -------------------------------------------------------------------------

/** What one `manageJob` decides: the counts, the pods to delete (ids, in order) and the diff. */
export interface ReferenceManageJob {
  readonly active: number;
  readonly terminating: number;
  readonly want: number;
  readonly deletes: number[];
  readonly diff: number;
}

/**
 * `controller.ActivePods` (pkg/controller/controller_utils.go) as a comparator, most deletable
 * first: unassigned, then Pending before Running, not ready before ready, ready for less time,
 * more restarts, newer. Go's sort is not stable; the simulator breaks the remaining ties by
 * creation order, newest first, and so does this.
 */
export function activePodsLess(a: Pod, b: Pod): number {
  if ((a.node === null) !== (b.node === null)) return a.node === null ? -1 : 1;
  const phase = (pod: Pod): number => (pod.phase === 'Pending' ? 0 : pod.phase === 'Running' ? 2 : 1);
  if (phase(a) !== phase(b)) return phase(a) - phase(b);
  if (a.ready !== b.ready) return a.ready ? 1 : -1;
  if (a.ready && b.ready && a.readySince !== b.readySince) return (b.readySince ?? 0) - (a.readySince ?? 0);
  if (a.restarts !== b.restarts) return b.restarts - a.restarts;
  if (a.created !== b.created) return b.created - a.created;
  return b.id - a.id;
}

/**
 * upstream's `manageJob` (pkg/controller/job/job_controller.go) counts recomputed from the Job's
 * pods: active (not finished, not being deleted) and terminating pods by a scan, `wantActive`
 * from completions, parallelism and the succeeded count, and `rmAtLeast` pods chosen by
 * `activePodsForRemoval` (for an Indexed Job, pods of a duplicated or out-of-range index first,
 * `appendDuplicatedIndexPodsForRemoval`).
 */
export function referenceManageJob(view: ManageJobView): ReferenceManageJob {
  const activePods = view.pods.filter((pod) => pod.deletedAt === null && !pod.isTerminal);
  const terminating = view.pods.filter(
    (pod) => pod.deletedAt !== null && !pod.isTerminal && pod.removedAt === null,
  ).length;
  const active = activePods.length;
  let want: number;
  if (view.completions === null) want = view.succeeded > 0 ? active : view.parallelism;
  else {
    const done = view.indexed ? view.completedIndexes : view.succeeded;
    want = Math.max(0, Math.min(view.parallelism, view.completions - done));
  }
  const rmAtLeast = Math.max(0, active - want);
  let rm: Pod[] = [];
  let left: Pod[] = activePods;
  if (view.indexed) {
    left = [];
    const byIndex = [...activePods].sort((a, b) => (a.index ?? -1) - (b.index ?? -1));
    for (let i = 0; i < byIndex.length;) {
      const index = byIndex[i]?.index ?? -1;
      let j = i;
      while (j < byIndex.length && (byIndex[j]?.index ?? -1) === index) j++;
      const same = byIndex.slice(i, j).sort(activePodsLess);
      if (index < 0 || index >= (view.completions ?? 0)) rm.push(...same);
      else {
        rm.push(...same.slice(0, -1));
        left.push(same[same.length - 1] as Pod);
      }
      i = j;
    }
  }
  if (rm.length < rmAtLeast) rm = [...rm, ...[...left].sort(activePodsLess).slice(0, rmAtLeast - rm.length)];
  let diff = want - active;
  if (view.podReplacementPolicy === 'Failed') diff -= terminating;
  return { active, terminating, want, deletes: rm.map((pod) => pod.id), diff };
}
