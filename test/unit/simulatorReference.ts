// Plain, recompute-everything versions of the simulator's controller decisions, for tests only.
// The simulator keeps incremental indexes, caches and jump-ahead searches so that a year of a
// CronJob or a rollout over thousands of nodes stays fast; each function here recomputes the same
// decision from scratch, the way upstream's code reads, so that a test can hold the two side by
// side (simulatorReference.test.ts).
import { computeNextRuns, MAX_NEXT_RUNS } from '../../server/src/core/cron';
import type { ParsedSchedule } from '../../server/src/core/cron';
import type { ScheduleState } from '../../server/src/core/simulator/cronJobController';
import type {
  ManageNodeView,
  ManagePodView,
  ManageView,
  RolloutView,
} from '../../server/src/core/simulator/daemonSetController';
import type {
  FinishedPodView,
  JobBackoffView,
  ManageJobView,
} from '../../server/src/core/simulator/jobController';
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

// ---- DaemonSet: one manage pass --------------------------------------------------------------

/** A toleration or a taint, as the reference reads them (plain fields, no shared helpers). */
interface PlainToleration {
  readonly key: string;
  readonly operator: string;
  readonly value: string;
  readonly effect: string;
}
interface PlainTaint {
  readonly key: string;
  readonly value: string;
  readonly effect: string;
}

/**
 * `Toleration.ToleratesTaint` (k8s.io/api/core/v1/toleration.go): a set effect must equal the
 * taint's; a set key must equal the taint's; `Exists` tolerates any value, `Equal` or an empty
 * operator only the same value, anything else nothing.
 */
function toleratesTaint(toleration: PlainToleration, taint: PlainTaint): boolean {
  if (toleration.effect !== '' && toleration.effect !== taint.effect) return false;
  if (toleration.key !== '' && toleration.key !== taint.key) return false;
  if (toleration.operator === 'Exists') return true;
  if (toleration.operator === 'Equal' || toleration.operator === '') return toleration.value === taint.value;
  return false;
}

/**
 * `NewPod` → `util.AddOrUpdateDaemonPodTolerations` (pkg/controller/daemon/util/daemonset_util.go):
 * each automatic toleration, in upstream's order, replaces the written ones equal to it in key,
 * operator, value and effect (`AddOrUpdateTolerationInPodSpec`), or is appended.
 */
function daemonPodTolerations(written: readonly PlainToleration[], hostNetwork: boolean): PlainToleration[] {
  const automatic: [string, string][] = [
    ['node.kubernetes.io/not-ready', 'NoExecute'],
    ['node.kubernetes.io/unreachable', 'NoExecute'],
    ['node.kubernetes.io/disk-pressure', 'NoSchedule'],
    ['node.kubernetes.io/memory-pressure', 'NoSchedule'],
    ['node.kubernetes.io/pid-pressure', 'NoSchedule'],
    ['node.kubernetes.io/unschedulable', 'NoSchedule'],
  ];
  if (hostNetwork) automatic.push(['node.kubernetes.io/network-unavailable', 'NoSchedule']);
  let result = [...written];
  for (const [key, effect] of automatic) {
    const added = { key, operator: 'Exists', value: '', effect };
    const same = (t: PlainToleration): boolean =>
      t.key === key && t.operator === 'Exists' && t.value === '' && t.effect === effect;
    if (result.some(same)) result = result.map((t) => (same(t) ? added : t));
    else result.push(added);
  }
  return result;
}

/** `FindMatchingUntoleratedTaint` (pkg/apis/core/v1/helper): whether some taint passing `filter` is not tolerated. */
function hasUntoleratedTaint(
  taints: readonly PlainTaint[],
  tolerations: readonly PlainToleration[],
  filter: (taint: PlainTaint) => boolean,
): boolean {
  return taints.some((taint) => filter(taint) && !tolerations.some((t) => toleratesTaint(t, taint)));
}

/** `strconv.ParseInt(s, 10, 64)`, or null. */
function parseInt64(text: string): number | null {
  return /^[+-]?[0-9]+$/.test(text) ? Number(text) : null;
}

/**
 * `labels.Requirement.Matches` (k8s.io/apimachinery/pkg/labels/selector.go) for a node selector
 * requirement: In and NotIn by value (a missing label is NotIn), Exists and DoesNotExist by
 * presence, Gt and Lt on the label and the single value both read as integers.
 */
function requirementMatches(operator: string, values: readonly string[], value: string | undefined): boolean {
  switch (operator) {
    case 'In':
      return value !== undefined && values.includes(value);
    case 'NotIn':
      return value === undefined || !values.includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
    case 'Gt':
    case 'Lt': {
      if (value === undefined || values.length !== 1) return false;
      const have = parseInt64(value);
      const bound = parseInt64(values[0] as string);
      if (have === null || bound === null) return false;
      return operator === 'Gt' ? have > bound : have < bound;
    }
    default:
      return false;
  }
}

/**
 * `NodeShouldRunDaemonPod` (pkg/controller/daemon/daemon_controller.go, kubernetes-behaviour
 * §3.3) for one node, on the pod `NewPod` builds: a template nodeName naming another node, or a
 * nodeSelector or required node affinity (`nodeaffinity.GetRequiredNodeAffinity(pod).Match`:
 * every nodeSelector label equal, and some term whose requirements all match; a term with none
 * matches nothing) that does not admit the node: neither run nor keep. An untolerated NoSchedule
 * or NoExecute taint: do not run, and keep only if none of them is NoExecute (`predicates`).
 */
export function referenceNodeShouldRun(
  view: ManageView,
  node: ManageNodeView,
): { shouldRun: boolean; shouldContinueRunning: boolean } {
  const template = view.template;
  if (template.nodeName !== null && template.nodeName !== '' && template.nodeName !== node.name) {
    return { shouldRun: false, shouldContinueRunning: false };
  }
  const label = (key: string): string | undefined =>
    Object.prototype.hasOwnProperty.call(node.labels, key) ? node.labels[key] : undefined;
  let fitsNodeAffinity = Object.entries(template.nodeSelector).every(([key, value]) => label(key) === value);
  if (fitsNodeAffinity && template.requiredNodeAffinity !== null) {
    fitsNodeAffinity = template.requiredNodeAffinity.some(
      (term) =>
        term.matchExpressions.length + term.matchFields.length > 0 &&
        term.matchExpressions.every((r) => requirementMatches(r.operator, r.values, label(r.key))) &&
        term.matchFields.every(
          (r) => r.key === 'metadata.name' && requirementMatches(r.operator, r.values, node.name),
        ),
    );
  }
  if (!fitsNodeAffinity) return { shouldRun: false, shouldContinueRunning: false };
  const tolerations = daemonPodTolerations(template.tolerations, template.hostNetwork);
  const fitsTaints = !hasUntoleratedTaint(
    node.taints,
    tolerations,
    (taint) => taint.effect === 'NoExecute' || taint.effect === 'NoSchedule',
  );
  if (fitsTaints) return { shouldRun: true, shouldContinueRunning: true };
  return {
    shouldRun: false,
    shouldContinueRunning: !hasUntoleratedTaint(node.taints, tolerations, (t) => t.effect === 'NoExecute'),
  };
}

/**
 * The DaemonSet controller's `failedPodsBackoff`: `flowcontrol.NewBackOff(1s, 15min)`
 * (cmd/kube-controller-manager/app/apps.go `startDaemonSetController`;
 * k8s.io/client-go/util/flowcontrol/backoff.go, without jitter). An entry older than twice the
 * maximum has expired and starts again from 1 s.
 */
export class ReferenceBackoff {
  private readonly entries = new Map<string, { backoff: number; lastUpdate: number }>();

  private expired(entry: { lastUpdate: number }, now: number): boolean {
    return now - entry.lastUpdate > 2 * 900_000;
  }

  /** `IsInBackOffSinceUpdate`. */
  inBackOffSinceUpdate(key: string, now: number): boolean {
    const entry = this.entries.get(key);
    if (entry === undefined || this.expired(entry, now)) return false;
    return now - entry.lastUpdate < entry.backoff;
  }

  /** `Next`: 1 s for a new or expired entry, else double, at most 15 min. */
  next(key: string, now: number): void {
    const entry = this.entries.get(key);
    if (entry === undefined || this.expired(entry, now))
      this.entries.set(key, { backoff: 1000, lastUpdate: now });
    else this.entries.set(key, { backoff: Math.min(2 * entry.backoff, 900_000), lastUpdate: now });
  }
}

/** What one `manage` pass decides: node names to create on, in node order, and pod ids to delete, sorted. */
export interface ReferenceManage {
  readonly creates: string[];
  readonly deletes: number[];
  /** Failed pods deleted, and failed pods left for the backoff (for the test's counters). */
  readonly failedDeleted: number;
  readonly failedWaiting: number;
}

/**
 * `podByCreationTimestampAndPhase` (daemon_controller.go): scheduled pods first, then older
 * first; equal times by name.
 */
function byCreationAndPhase(a: ManagePodView, b: ManagePodView): number {
  if (a.scheduled !== b.scheduled) return a.scheduled ? -1 : 1;
  if (a.created !== b.created) return a.created - b.created;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/**
 * upstream's `manage` (pkg/controller/daemon/daemon_controller.go) recomputed over every node:
 * `podsShouldBeOnNode` for each node in the node list (nodes that were deleted are not in it),
 * then `getUnscheduledPodsWithoutNode` for pods aimed at nodes that are gone. The pods are
 * `getNodesToDaemonPods(ds, false)`: deleted pods that have finished are left out. `backoff` is
 * the controller's failed-pod backoff, which the reference keeps across the passes of one run.
 *
 * `podutil.IsPodAvailable` asks for Ready for longer than minReadySeconds; like the simulator's
 * other controllers this reads "at least", since the simulator looks again exactly then.
 */
export function referenceManage(view: ManageView, backoff: ReferenceBackoff): ReferenceManage {
  const creates: string[] = [];
  const deletes: number[] = [];
  let failedDeleted = 0;
  let failedWaiting = 0;
  // util.AllowsSurge: SurgeCount(ds, 1) > 0, a percentage scaled against one node, rounded up.
  const allowsSurge =
    view.updateStrategy === 'RollingUpdate' &&
    (view.maxSurge.kind === 'int' ? view.maxSurge.value > 0 : Math.ceil(view.maxSurge.value / 100) > 0);
  const available = (pod: ManagePodView): boolean =>
    pod.ready && (view.minReadyMs === 0 || (pod.readySince ?? Infinity) + view.minReadyMs <= view.now);
  for (const node of view.nodes) {
    if (node.removed) continue;
    const { shouldRun, shouldContinueRunning } = referenceNodeShouldRun(view, node);
    const daemonPods = node.pods.filter(
      (pod) => !(pod.deleting && (pod.phase === 'Failed' || pod.phase === 'Succeeded')),
    );
    const exists = daemonPods.length > 0;
    if (shouldRun && !exists) {
      creates.push(node.name);
    } else if (shouldContinueRunning) {
      const running: ManagePodView[] = [];
      for (const pod of daemonPods) {
        if (pod.deleting) continue;
        if (pod.phase === 'Failed') {
          const key = `${view.observedGeneration}/${node.name}`;
          if (backoff.inBackOffSinceUpdate(key, view.now)) {
            failedWaiting++;
            continue;
          }
          backoff.next(key, view.now);
          deletes.push(pod.id);
          failedDeleted++;
        } else if (pod.phase === 'Succeeded') deletes.push(pod.id);
        else running.push(pod);
      }
      running.sort(byCreationAndPhase);
      if (!allowsSurge) {
        for (const pod of running.slice(1)) deletes.push(pod.id);
      } else if (running.length === 0) {
        if (shouldRun) creates.push(node.name);
      } else if (running.length > 1) {
        let oldestNew: ManagePodView | null = null;
        let oldestOld: ManagePodView | null = null;
        for (const pod of running) {
          if (pod.hash === view.hash) {
            if (oldestNew === null) {
              oldestNew = pod;
              continue;
            }
          } else if (oldestOld === null) {
            oldestOld = pod;
            continue;
          }
          deletes.push(pod.id);
        }
        if (oldestNew !== null && oldestOld !== null && (!oldestOld.ready || available(oldestNew))) {
          deletes.push(oldestOld.id);
        }
      }
    } else if (exists) {
      for (const pod of daemonPods) if (!pod.deleting) deletes.push(pod.id);
    }
  }
  for (const node of view.nodes) {
    if (!node.removed) continue;
    for (const pod of node.pods) if (!pod.scheduled) deletes.push(pod.id);
  }
  return { creates, deletes: deletes.sort((a, b) => a - b), failedDeleted, failedWaiting };
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

// ---- Job: the pod-failure backoff ---------------------------------------------------------------

/** The first pod-failure delay (`DefaultJobPodFailureBackOff`, pkg/controller/job/job_controller.go). */
const JOB_BACKOFF_BASE_MS = 10_000;

/**
 * `getRemainingTimeForFailuresCount` (pkg/controller/job/backoff_utils.go): the delay is 10 s,
 * doubled for each failure after the first until it reaches the cap; what is left of it since
 * the last failure, or 0 once it has passed.
 */
function remainingForFailures(
  failures: number,
  lastFailureTime: number | null,
  capMs: number,
  now: number,
): number {
  if (failures === 0 || lastFailureTime === null) return 0;
  let delay = JOB_BACKOFF_BASE_MS;
  for (let i = 1; i < failures; i++) {
    delay *= 2;
    if (delay >= capMs) {
      delay = capMs;
      break;
    }
  }
  const elapsed = now - lastFailureTime;
  return delay < elapsed ? 0 : delay - elapsed;
}

/**
 * The Job's backoff record after every pass that counted finished pods, each applied as
 * `newBackoffRecord` (backoff_utils.go) applies the pods one sync found newly finished: with no
 * new success, the new failures add up and the latest of them is the last failure; with one,
 * only the new failures that finished after the newest new success count, the latest first.
 */
export function referenceBackoffRecord(finished: readonly FinishedPodView[]): {
  failuresAfterLastSuccess: number;
  lastFailureTime: number | null;
} {
  let failures = 0;
  let last: number | null = null;
  const passes = new Map<number, FinishedPodView[]>();
  for (const pod of finished) passes.set(pod.countedInPass, [...(passes.get(pod.countedInPass) ?? []), pod]);
  for (const pods of [...passes.entries()].sort((a, b) => a[0] - b[0]).map((entry) => entry[1])) {
    const byTime = (a: FinishedPodView, b: FinishedPodView): number => a.finishTime - b.finishTime;
    const succeeded = pods.filter((pod) => pod.succeeded).sort(byTime);
    const failed = pods.filter((pod) => !pod.succeeded).sort(byTime);
    if (succeeded.length === 0) {
      if (failed.length === 0) continue;
      failures += failed.length;
      last = (failed[failed.length - 1] as FinishedPodView).finishTime;
      continue;
    }
    failures = 0;
    last = null;
    const lastSuccess = (succeeded[succeeded.length - 1] as FinishedPodView).finishTime;
    for (let i = failed.length - 1; i >= 0; i--) {
      const time = (failed[i] as FinishedPodView).finishTime;
      if (!(time > lastSuccess)) break;
      last ??= time;
      failures++;
    }
  }
  return { failuresAfterLastSuccess: failures, lastFailureTime: last };
}

/** What the pod-failure backoff lets one `manageJob` do (see `JobBackoffDecision`). */
export interface ReferenceJobBackoff {
  readonly remainingMs: number;
  readonly indexes: number[] | null;
  readonly retryAt: number | null;
}

/**
 * The pod-failure backoff of one `manageJob` that wants `diff` more pods
 * (pkg/controller/job/job_controller.go, kubernetes-behaviour §3.1). Without
 * backoffLimitPerIndex: the Job's record (`getRemainingTime`); while time remains nothing is
 * created and the Job is synced again then. With it: the first `min(diff, 500)` pending indexes
 * (`firstPendingIndexes`: not succeeded, not failed, not held by an active pod, nor by a
 * terminating one under podReplacementPolicy Failed), each delayed by its own last failed pod
 * (`getPodsWithDelayedDeletionPerIndex`, `getRemainingTimePerIndex`: that pod's failure-count
 * annotations plus one, from its finish time); the ones whose delay is over get pods
 * (`getPodCreationInfoForIndependentIndexes`), and only when none is, the Job is synced again
 * after the shortest delay.
 */
export function referenceJobBackoff(view: JobBackoffView): ReferenceJobBackoff {
  if (!(view.indexed && view.backoffLimitPerIndex !== null)) {
    const record = referenceBackoffRecord(view.finished);
    const remaining = remainingForFailures(
      record.failuresAfterLastSuccess,
      record.lastFailureTime,
      view.capMs,
      view.now,
    );
    return { remainingMs: remaining, indexes: null, retryAt: remaining > 0 ? view.now + remaining : null };
  }
  const completions = view.completions ?? 0;
  const activeIndexes = view.pods
    .filter((pod) => pod.deletedAt === null && !pod.isTerminal)
    .map((pod) => pod.index ?? -1);
  const nonPending = new Set([...view.succeededIndexes, ...view.failedIndexes, ...activeIndexes]);
  if (view.podReplacementPolicy === 'Failed') {
    for (const pod of view.pods)
      if (pod.deletedAt !== null && !pod.isTerminal) nonPending.add(pod.index ?? -1);
  }
  const pending: number[] = [];
  const count = Math.min(view.diff, 500);
  for (let index = 0; index < completions && pending.length < count; index++) {
    if (!nonPending.has(index)) pending.push(index);
  }
  // The last failed pod of each index that is not succeeded, failed or active.
  const lastFailed = new Map<number, FinishedPodView>();
  for (const pod of [...view.finished].sort((a, b) => a.id - b.id)) {
    if (pod.succeeded || pod.index === null || pod.index >= completions) continue;
    if (view.succeededIndexes.includes(pod.index) || view.failedIndexes.includes(pod.index)) continue;
    if (activeIndexes.includes(pod.index)) continue;
    const before = lastFailed.get(pod.index);
    if (
      before === undefined ||
      (before.indexFailureCount <= pod.indexFailureCount && pod.finishTime >= before.finishTime)
    ) {
      lastFailed.set(pod.index, pod);
    }
  }
  const now: number[] = [];
  let shortest: number | null = null;
  for (const index of pending) {
    const pod = lastFailed.get(index);
    const remaining =
      pod === undefined
        ? 0
        : remainingForFailures(pod.indexFailureCount + 1, pod.finishTime, view.capMs, view.now);
    if (remaining === 0) now.push(index);
    else if (shortest === null || remaining < shortest) shortest = remaining;
  }
  if (now.length > 0) return { remainingMs: 0, indexes: now, retryAt: null };
  return { remainingMs: 0, indexes: [], retryAt: shortest === null ? null : view.now + shortest };
}
