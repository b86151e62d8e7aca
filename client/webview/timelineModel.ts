/**
 * Turns a timeline into what the view draws: rows in display order (pods grouped by completion
 * index for Indexed Jobs, by node for DaemonSets, under their Job for CronJobs), the backoff gap
 * before each replacement pod, and the counts of active, succeeded and failed pods over time. Pure:
 * no DOM, so it is unit-tested in Node and shared by the live view and the exports.
 */

import type { Timeline, TimelineJob, TimelinePod } from '../../server/src/protocol/webviewProtocol';

/** A pod's row. */
export interface PodRow {
  readonly kind: 'pod';
  readonly pod: TimelinePod;
  /** The pod's position in `timeline.pods`: its identity (names may repeat in hostile input). */
  readonly podIndex: number;
  /** The group shown beside the name (`#3` for an index, the node for a DaemonSet); null when none. */
  readonly group: string | null;
  /** The first row of a new group: a separator is drawn above it. */
  readonly groupStart: boolean;
  /** When the failure this pod replaces happened; the gap to `pod.created` is the controller's backoff. */
  readonly backoffFrom: number | null;
  /** When the pod's bar ends: its removal, or the end of the run. */
  readonly end: number;
}

/** A Job's row: its lifetime and its conditions. */
export interface JobRow {
  readonly kind: 'job';
  readonly job: TimelineJob;
  readonly groupStart: boolean;
  readonly end: number;
}

/** One row of the timeline. */
export type TimelineRow = PodRow | JobRow;

/** A point of the counts chart: the values from `time` until the next point. */
export interface CountPoint {
  readonly time: number;
  readonly active: number;
  readonly succeeded: number;
  readonly failed: number;
}

/** A Job condition worth a line across every row: Complete, Failed, FailureTarget, SuccessCriteriaMet. */
export interface ConditionLine {
  readonly time: number;
  readonly type: string;
  readonly reason: string;
}

/** The timeline prepared for drawing. */
export interface TimelineModel {
  readonly timeline: Timeline;
  readonly rows: readonly TimelineRow[];
  /** The row of each pod name (the first, should names repeat). */
  readonly rowOfPod: ReadonlyMap<string, number>;
  /** The row of each pod by its position in `timeline.pods`. */
  readonly rowOfPodIndex: ReadonlyMap<number, number>;
  /** The time the drawing spans: the end of the run, never zero. */
  readonly end: number;
  readonly restarts: number;
  readonly replacements: number;
  readonly counts: readonly CountPoint[];
  readonly conditionLines: readonly ConditionLine[];
  readonly podCount: number;
}

const LINE_CONDITIONS = new Set(['Complete', 'Failed', 'FailureTarget', 'SuccessCriteriaMet']);

/** Prepares a timeline for drawing. */
export function buildTimelineModel(timeline: Timeline): TimelineModel {
  const end = Math.max(timeline.end, latestTime(timeline), 1e-3);
  const backoff = computeBackoffs(timeline.pods);
  const rows: TimelineRow[] = [];
  const podEnd = (pod: TimelinePod): number => pod.removed ?? end;
  const jobEnd = (job: TimelineJob): number => job.deleted ?? end;
  const indexed = timeline.pods.some((pod) => pod.index !== null);
  const order = timeline.pods.map((_, i) => i);

  const pushPods = (indices: readonly number[], groupOf: (pod: TimelinePod) => string | null): void => {
    let previous: string | null | undefined;
    for (const i of indices) {
      const pod = timeline.pods[i];
      if (pod === undefined) continue;
      const group = groupOf(pod);
      rows.push({
        kind: 'pod',
        pod,
        podIndex: i,
        group,
        groupStart: previous !== undefined && group !== previous,
        backoffFrom: backoff.get(i) ?? null,
        end: podEnd(pod),
      });
      previous = group;
    }
  };
  const byCreation = (a: number, b: number): number => {
    const pa = timeline.pods[a];
    const pb = timeline.pods[b];
    if (!pa || !pb) return a - b;
    return pa.created - pb.created || pa.ordinal - pb.ordinal || a - b;
  };
  const byIndex = (a: number, b: number): number =>
    (timeline.pods[a]?.index ?? Infinity) - (timeline.pods[b]?.index ?? Infinity) || byCreation(a, b);
  const indexGroup = (pod: TimelinePod): string | null => (pod.index === null ? null : `#${pod.index}`);

  if (timeline.kind === 'DaemonSet') {
    const byNode = (a: number, b: number): number => {
      const na = timeline.pods[a]?.node ?? '\uffff';
      const nb = timeline.pods[b]?.node ?? '\uffff';
      return na < nb ? -1 : na > nb ? 1 : byCreation(a, b);
    };
    pushPods(order.sort(byNode), (pod) => pod.node ?? '—');
  } else if (timeline.kind === 'Job') {
    const job = timeline.jobs[0];
    if (job) rows.push({ kind: 'job', job, groupStart: false, end: jobEnd(job) });
    pushPods(order.sort(indexed ? byIndex : byCreation), indexed ? indexGroup : () => null);
  } else {
    // A CronJob: each Job heads its own pods; pods whose Job the timeline left out come last.
    const podsOfJob = new Map<string, number[]>();
    for (const i of order) {
      const key = timeline.pods[i]?.job ?? '';
      const list = podsOfJob.get(key);
      if (list) list.push(i);
      else podsOfJob.set(key, [i]);
    }
    const jobs = [...timeline.jobs].sort((a, b) => a.created - b.created || a.ordinal - b.ordinal);
    for (const job of jobs) {
      rows.push({ kind: 'job', job, groupStart: rows.length > 0, end: jobEnd(job) });
      const pods = podsOfJob.get(job.name) ?? [];
      podsOfJob.delete(job.name);
      pushPods(pods.sort(indexed ? byIndex : byCreation), indexed ? indexGroup : () => null);
    }
    const rest = [...podsOfJob.values()].flat().sort(byCreation);
    if (rest.length > 0) pushPods(rest, (pod) => pod.job);
  }

  const rowOfPod = new Map<string, number>();
  const rowOfPodIndex = new Map<number, number>();
  rows.forEach((row, r) => {
    if (row.kind !== 'pod') return;
    rowOfPodIndex.set(row.podIndex, r);
    if (!rowOfPod.has(row.pod.name)) rowOfPod.set(row.pod.name, r);
  });

  const conditionLines: ConditionLine[] = [];
  if (timeline.kind === 'Job') {
    for (const condition of timeline.jobs[0]?.conditions ?? []) {
      if (condition.status === 'True' && LINE_CONDITIONS.has(condition.type))
        conditionLines.push({ time: condition.time, type: condition.type, reason: condition.reason });
    }
  }

  return {
    timeline,
    rows,
    rowOfPod,
    rowOfPodIndex,
    end,
    restarts: timeline.pods.reduce((sum, pod) => sum + pod.restarts, 0),
    replacements: backoff.size,
    counts: computeCounts(timeline),
    conditionLines,
    podCount: timeline.pods.length,
  };
}

/** The latest time anything in the timeline mentions, in case `end` lags behind it. */
function latestTime(timeline: Timeline): number {
  let latest = 0;
  for (const pod of timeline.pods) {
    latest = Math.max(latest, pod.created, pod.removed ?? 0, pod.deleted ?? 0);
    for (const phase of pod.phases) latest = Math.max(latest, phase.from, phase.to ?? 0);
  }
  for (const event of timeline.events) latest = Math.max(latest, event.time);
  return Number.isFinite(latest) ? latest : 0;
}

/**
 * When a pod failed, or null when it did not. A pod that was deleted first (a rolling update, a
 * drain, a Job that already finished) was stopped, not failed: its replacement is no retry.
 */
export function failureTime(pod: TimelinePod): number | null {
  const failed = pod.phases.find((phase) => phase.phase === 'Failed');
  if (!failed) return null;
  // The Job controller's own verdict wins: a disrupted pod it counted (or ignored) was replaced.
  if (pod.countedAs === 'failed' || pod.countedAs === 'ignored') return failed.from;
  if (pod.deleted !== null && pod.deleted <= failed.from) return null;
  return failed.from;
}

/**
 * Pairs each failed pod with the pod the controller created to replace it: the next pod of the
 * same Job and index created after the failure. The gap between them is the pod-failure backoff.
 */
function computeBackoffs(pods: readonly TimelinePod[]): Map<number, number> {
  const groups = new Map<string, number[]>();
  pods.forEach((pod, i) => {
    const key = `${pod.job ?? ''}\u0000${pod.index ?? ''}\u0000${pod.job === null ? (pod.node ?? '') : ''}`;
    const list = groups.get(key);
    if (list) list.push(i);
    else groups.set(key, [i]);
  });
  const result = new Map<number, number>();
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    const failures = members
      .map((i) => failureTime(pods[i] as TimelinePod))
      .filter((time): time is number => time !== null)
      .sort((a, b) => a - b);
    if (failures.length === 0) continue;
    const created = [...members].sort((a, b) => (pods[a]?.created ?? 0) - (pods[b]?.created ?? 0));
    let next = 0;
    for (const i of created) {
      const pod = pods[i];
      const failure = failures[next];
      if (pod === undefined || failure === undefined) break;
      // Failures are replaced in the order they happened, which keeps the controller's growing
      // backoff (10 s, 20 s, 40 s…) visible when several pods fail close together.
      if (failure <= pod.created) {
        result.set(i, failure);
        next++;
      }
    }
  }
  return result;
}

/**
 * Active, succeeded and failed pods over time. Jobs report these counters themselves (exact even
 * when the timeline keeps only some pods), so Jobs and CronJobs sum their Jobs' status samples; a
 * DaemonSet's pods are counted from their phases.
 */
export function computeCounts(timeline: Timeline): CountPoint[] {
  const samples = timeline.jobs.flatMap((job, j) => job.status.map((sample) => ({ job: j, sample })));
  if (timeline.kind !== 'DaemonSet' && samples.length > 0) {
    samples.sort((a, b) => a.sample.time - b.sample.time);
    const current = new Map<number, { active: number; succeeded: number; failed: number }>();
    const totals = { active: 0, succeeded: 0, failed: 0 };
    const points: CountPoint[] = [];
    for (const { job, sample } of samples) {
      const before = current.get(job) ?? { active: 0, succeeded: 0, failed: 0 };
      totals.active += sample.active - before.active;
      totals.succeeded += sample.succeeded - before.succeeded;
      totals.failed += sample.failed - before.failed;
      current.set(job, { active: sample.active, succeeded: sample.succeeded, failed: sample.failed });
      pushPoint(points, { time: sample.time, ...totals });
    }
    return points;
  }
  // Count from the pods: +1 active when created, -1 when it finishes or goes away. Typed arrays
  // keep this cheap for tens of thousands of pods.
  const pods = timeline.pods;
  const times = new Float64Array(pods.length * 2);
  const kinds = new Uint8Array(pods.length * 2);
  let size = 0;
  for (const pod of pods) {
    times[size] = pod.created;
    kinds[size++] = CREATED;
    const terminal = pod.phases.find((phase) => phase.phase === 'Succeeded' || phase.phase === 'Failed');
    if (terminal) {
      times[size] = terminal.from;
      kinds[size++] =
        terminal.phase === 'Succeeded' ? SUCCEEDED : failureTime(pod) !== null ? FAILED : STOPPED;
    } else if (pod.removed !== null) {
      times[size] = pod.removed;
      kinds[size++] = STOPPED;
    }
  }
  const order = new Uint32Array(size);
  for (let i = 0; i < size; i++) order[i] = i;
  order.sort((a, b) => (times[a] as number) - (times[b] as number) || a - b);
  const points: CountPoint[] = [];
  let active = 0;
  let succeeded = 0;
  let failed = 0;
  for (let i = 0; i < size; i++) {
    const change = order[i] as number;
    const kind = kinds[change];
    if (kind === CREATED) active++;
    else active--;
    if (kind === SUCCEEDED) succeeded++;
    if (kind === FAILED) failed++;
    const time = times[change] as number;
    // Only the last change at one instant makes a point.
    const next = order[i + 1];
    if (next === undefined || times[next] !== time) points.push({ time, active, succeeded, failed });
  }
  return points;
}

const CREATED = 0;
const SUCCEEDED = 1;
const FAILED = 2;
const STOPPED = 3;

/** Appends a point, replacing the last one when it is at the same time. */
function pushPoint(points: CountPoint[], point: CountPoint): void {
  const last = points[points.length - 1];
  if (last && last.time === point.time) points[points.length - 1] = point;
  else points.push(point);
}

/** The counts in force at `time` (zeros before the first point). */
export function countsAt(points: readonly CountPoint[], time: number): CountPoint {
  let low = 0;
  let high = points.length - 1;
  let found: CountPoint = { time: 0, active: 0, succeeded: 0, failed: 0 };
  while (low <= high) {
    const mid = (low + high) >> 1;
    const point = points[mid] as CountPoint;
    if (point.time <= time) {
      found = point;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return found;
}
