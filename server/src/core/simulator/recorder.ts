/**
 * The recorder: what a run leaves behind for the timeline. Events as `kubectl describe` lists
 * them (reason, object, source, message), the notes that explain the run, the pods the timeline
 * keeps, and bounded lists of status samples. Beyond the timeline's caps it only counts.
 */

import { formatMessage } from '../l10n';
import type { Locale, MessageArgs } from '../l10n';
import type { Clock } from './clock';
import { formatTaint } from './cluster';
import type { NodeState } from './cluster';
import { toSeconds } from './durations';
import type { Pod } from './pod';
import type { SimulationLimits } from './scenarioTypes';
import { simulatorMessages } from './simulatorMessages';
import type { SimulatorMessageKey } from './simulatorMessages';
import type { ContainerAttempt, TimelineEvent, TimelineNode, TimelinePod } from './timeline';

/**
 * How many entries a timeline lists in all: events, kept pods and their container attempts,
 * kept Jobs, status samples (a CronJob's sample counting each active Job it names) and nodes.
 * The per-list caps (`limits.timeline*`, `statusSamples`) keep each list short; this bounds their
 * sum, so the timeline's JSON stays within a few tens of megabytes whatever the scenario (an
 * entry is about 40 bytes of JSON; every default-sized run of the documentation's examples
 * stays far below it).
 */
export const TIMELINE_ENTRY_BUDGET = 500_000;

/**
 * The entries a timeline may still list. Each list asks before it adds an entry; once the budget
 * is spent, the lists only count, as they do beyond their own caps.
 */
export class TimelineBudget {
  private left: number;
  /** Entries not listed because the budget was spent. */
  omitted = 0;
  /** The virtual time the budget was first refused, or null. */
  spentAt: number | null = null;

  constructor(
    private readonly clock: Clock,
    entries = TIMELINE_ENTRY_BUDGET,
  ) {
    this.left = entries;
  }

  /** Takes `entries` from the budget; false (and counted) when they do not fit. */
  take(entries = 1): boolean {
    if (entries <= this.left) {
      this.left -= entries;
      return true;
    }
    this.omitted++;
    this.spentAt ??= this.clock.now;
    return false;
  }
}

/**
 * A bounded list of status samples. A sample is recorded only when its fingerprint (up to seven
 * numbers it is built from) differs from the previous one; beyond the cap, changes are only
 * counted. Callers build a sample only when `changed` says so, which keeps the common case free
 * of allocations.
 */
export class SampleList<T extends { readonly time: number }> {
  readonly items: T[] = [];
  omitted = 0;
  private readonly last = new Float64Array(7).fill(Number.NaN);

  constructor(
    private readonly cap: number,
    private readonly budget: TimelineBudget,
  ) {}

  /**
   * Records the fingerprint; true when it changed and the list and the timeline's budget still
   * have room for a sample of `entries` entries (taken from the budget).
   */
  changed(a: number, b: number, c: number, d: number, e: number, f = 0, g = 0, entries = 1): boolean {
    const last = this.last;
    if (
      last[0] === a &&
      last[1] === b &&
      last[2] === c &&
      last[3] === d &&
      last[4] === e &&
      last[5] === f &&
      last[6] === g
    ) {
      return false;
    }
    last[0] = a;
    last[1] = b;
    last[2] = c;
    last[3] = d;
    last[4] = e;
    last[5] = f;
    last[6] = g;
    if (this.items.length < this.cap && this.budget.take(entries)) return true;
    this.omitted++;
    return false;
  }

  /** Adds a sample (after `changed` returned true). */
  add(sample: T): void {
    this.items.push(sample);
  }
}

/** The events, notes and kept pods of one run. */
export class Recorder {
  readonly events: TimelineEvent[] = [];
  eventsOmitted = 0;
  readonly notes: string[] = [];
  readonly keptPods: Pod[] = [];
  podsOmitted = 0;
  /** Nodes the timeline did not list (set when the nodes are listed). */
  nodesOmitted = 0;
  readonly budget: TimelineBudget;

  constructor(
    private readonly clock: Clock,
    private readonly limits: SimulationLimits,
    readonly locale: Locale,
    entries = TIMELINE_ENTRY_BUDGET,
  ) {
    this.budget = new TimelineBudget(clock, entries);
  }

  /** A localised note for the timeline. */
  note(key: SimulatorMessageKey, args: MessageArgs = {}): void {
    this.notes.push(formatMessage(simulatorMessages, this.locale, key, args));
  }

  /**
   * Records an event for `kubectl describe`. A message that takes building is given as a function
   * of `subject`, called only when the timeline still keeps events, so nothing is allocated for
   * the events it omits (a year of a CronJob has millions).
   */
  recordEvent<S>(
    type: TimelineEvent['type'],
    reason: string,
    object: TimelineEvent['object'],
    source: string,
    message: string | ((subject: S) => string),
    subject?: S,
  ): void {
    this.clock.changes++;
    if (this.events.length >= this.limits.timelineEvents || !this.budget.take()) {
      this.eventsOmitted++;
      return;
    }
    const text = typeof message === 'string' ? message : message(subject as S);
    this.events.push({ time: toSeconds(this.clock.now), type, reason, object, source, message: text });
  }

  /** Whether the timeline keeps the next pod: room in its list, and in the budget (taken). */
  keepPod(): boolean {
    return this.keptPods.length < this.limits.timelinePods && this.budget.take();
  }

  /** Remembers a new pod: listed when it is kept, counted otherwise. */
  addPod(pod: Pod): void {
    if (pod.kept) this.keptPods.push(pod);
    else this.podsOmitted++;
  }

  /** The kept pods as the timeline lists them. */
  timelinePods(): TimelinePod[] {
    return this.keptPods.map((pod) => ({
      name: pod.name,
      job: pod.owner.jobName,
      ordinal: pod.ordinal,
      index: pod.index,
      node: pod.node?.name ?? null,
      revision: pod.revision,
      created: toSeconds(pod.created),
      scheduled: pod.scheduledAt === null ? null : toSeconds(pod.scheduledAt),
      phases: (pod.phases ?? []).map((interval) => ({
        phase: interval.phase,
        from: toSeconds(interval.from),
        to: interval.to === null ? null : toSeconds(interval.to),
      })),
      attempts: (pod.attempts ?? []).map((attempt): ContainerAttempt => ({
        restart: attempt.restart,
        container: attempt.container,
        started: toSeconds(attempt.started),
        finished: attempt.finished === null ? null : toSeconds(attempt.finished),
        exitCode: attempt.exitCode,
        reason: attempt.reason,
      })),
      restarts: pod.restarts,
      deleted: pod.deletedAt === null ? null : toSeconds(pod.deletedAt),
      removed: pod.removedAt === null ? null : toSeconds(pod.removedAt),
      reason: pod.reason,
      conditions: pod.conditions,
      countedAs: pod.countedAs,
      failurePolicy: pod.failurePolicy,
    }));
  }

  /** The nodes as the timeline lists them; `verdict` adds the DaemonSet controller's view. */
  timelineNodes(
    nodeOrder: readonly NodeState[],
    verdict: ((node: NodeState) => TimelineNode['daemonSet']) | null,
  ): TimelineNode[] {
    // The first thousand nodes are always listed; beyond them, as many as the budget has room
    // for, a node counting one entry for itself and one for each label and taint.
    let listed = Math.min(nodeOrder.length, 1000);
    while (listed < nodeOrder.length) {
      const node = nodeOrder[listed] as NodeState;
      if (!this.budget.take(1 + node.labels.size + node.taints.length)) break;
      listed++;
    }
    this.nodesOmitted = nodeOrder.length - listed;
    return nodeOrder.slice(0, listed).map((node) => ({
      name: node.name,
      labels: Object.fromEntries([...node.labels].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
      taints: node.taints.map(formatTaint),
      unschedulable: node.unschedulable,
      added: toSeconds(node.added),
      removed: node.removed === null ? null : toSeconds(node.removed),
      daemonSet: verdict && node.removed === null ? verdict(node) : null,
    }));
  }
}
