/**
 * The simulation's world: the virtual clock and its event loop, the cluster's nodes, the pods and
 * what the kubelet, the scheduler, the taint manager and the pod garbage collector do to them, and
 * the recorder that turns it all into a timeline. Controllers (Job, CronJob, DaemonSet) sit on
 * top and react to pod changes through `PodOwner`.
 */

import { formatMessage } from '../l10n';
import type { Locale, MessageArgs } from '../l10n';
import { NodeState, UNSCHEDULABLE_TAINT, formatTaint, placementBlocks, untoleratedTaints } from './cluster';
import { tolerates } from '../workload/tolerations';
import { formatSpan } from './durations';
import { EventQueue, Priority } from './eventQueue';
import type { EventAction, EventHandler } from './eventQueue';
import { PodNameTable } from './podNames';
import { RandomStreams, nameSuffixCode, suffixFromCode } from './random';
import type { RandomStream } from './random';
import type {
  DisruptionReason,
  Distribution,
  NodeSpec,
  Scenario,
  ScenarioEventSpec,
  TaintSpec,
} from './scenarioTypes';
import { simulatorMessages } from './simulatorMessages';
import type { SimulatorMessageKey } from './simulatorMessages';
import type {
  ContainerAttempt,
  PhaseInterval,
  PodConditionRecord,
  PodPhase,
  TimelineEvent,
  TimelineNode,
  TimelinePod,
} from './timeline';
import { toSeconds } from './durations';
import type { PodTemplateModel, Toleration } from '../workload/workloadModel';

/** How one container run will end, decided when it starts. */
export interface RunPlan {
  readonly runMs: number;
  readonly exitCode: number;
  readonly container: string;
  /** Condition types (status True) added to the pod when this run fails it. */
  readonly conditions: readonly string[];
}

/** What a controller says about a pod it creates. */
export interface PodFields {
  readonly ordinal: number;
  readonly index: number | null;
  readonly attempt: number;
  readonly jobOrdinal: number;
  readonly revision: number | null;
  readonly hash: string | null;
  readonly targetNode: string | null;
}

/** What happened to a pod, as its owner's informer would see it. */
export type PodChange = 'started' | 'notReady' | 'restarted' | 'terminal' | 'deleting' | 'removed';

/** The controller that owns pods: it plans their runs and reacts to their changes. */
export interface PodOwner {
  readonly template: PodTemplateModel;
  /** The tolerations the pod really carries (a DaemonSet adds its automatic ones). */
  readonly tolerations: readonly Toleration[];
  /** The Job's name, or null for a DaemonSet. */
  readonly jobName: string | null;
  /** Null for a container that runs until it is stopped (a daemon). */
  planRun(pod: Pod): RunPlan | null;
  onPodChange(pod: Pod, change: PodChange): void;
}

/** The disruption conditions' messages, as the components that set them write them. */
const DISRUPTION_MESSAGES: Readonly<Record<DisruptionReason, string>> = {
  EvictionByEvictionAPI: 'Eviction API: evicting',
  PreemptionByScheduler: 'default-scheduler: preempting to accommodate a higher priority pod',
  DeletionByTaintManager: 'Taint manager: deleting due to NoExecute taint',
  DeletionByPodGC: 'PodGC: node no longer exists',
  TerminationByKubelet: 'Pod was terminated in response to imminent node shutdown.',
};

const NO_CONDITIONS: readonly PodConditionRecord[] = [];
const NO_CONDITION_TYPES: readonly string[] = [];

/** Exit code of a container stopped by SIGTERM (128 + 15) and by SIGKILL after the grace period. */
const EXIT_SIGTERM = 143;
const EXIT_SIGKILL = 137;

/** The kubelet's crash-loop backoff: 10 s doubling to 5 min, the first restart immediate (§3.4). */
function restartDelayMs(restartsSoFar: number): number {
  if (restartsSoFar === 0) return 0;
  return Math.min(10_000 * 2 ** (restartsSoFar - 1), 300_000);
}

interface MutableAttempt {
  restart: number;
  container: string;
  started: number;
  finished: number | null;
  exitCode: number | null;
  reason: string | null;
}

/** A pod while the simulation runs. */
export class Pod {
  node: NodeState | null = null;
  scheduledAt: number | null = null;
  phase: PodPhase = 'Pending';
  ready = false;
  /** When the pod last became ready. */
  readySince: number | null = null;
  restarts = 0;
  /** A container is running right now. */
  running = false;
  /** The start of the current run for failed-time accounting: creation, then each restart. */
  runBegan: number;
  deletedAt: number | null = null;
  removedAt: number | null = null;
  /** When the pod reached Succeeded or Failed. */
  finishedAt: number | null = null;
  /** Bumped when pending kubelet work must be forgotten (deletion, node loss). */
  epoch = 0;
  plan: RunPlan | null = null;
  lastExit: { readonly container: string; readonly exitCode: number } | null = null;
  /** Replaced, never changed in place (`World.addCondition`), so pods may share the empty list. */
  conditions: readonly PodConditionRecord[] = NO_CONDITIONS;
  reason: string | null = null;
  countedAs: TimelinePod['countedAs'] = null;
  // Bookkeeping of the Job controller that owns the pod (flags instead of per-Job sets).
  jobAccounted = false;
  jobNotAFailure = false;
  jobReady = false;
  jobTerminating = false;
  /** The pod's places in its Job's lists of pods and of active pods; -1 when not in them. */
  jobSlot = -1;
  activeSlot = -1;
  failurePolicy: TimelinePod['failurePolicy'] = null;
  /** Whether the timeline lists this pod (the first `limits.timelinePods` pods). */
  readonly kept: boolean;
  /** A finished pod that is not listed and was let go to keep memory bounded. */
  released = false;
  /** The length of the run that ended the pod as Failed; added to the failed time if the Job counts it. */
  failedRunMs = 0;
  readonly phases: PhaseInterval[] | null;
  readonly attempts: MutableAttempt[] | null;

  private spelled: string | null = null;

  constructor(
    readonly id: number,
    /** The name is `nameBase` plus the five characters `suffixFromCode(nameCode)`, spelled on demand. */
    readonly nameBase: string,
    readonly nameCode: number,
    readonly owner: PodOwner,
    readonly created: number,
    readonly ordinal: number,
    readonly index: number | null,
    /** The n-th pod for this index (Indexed) or of the Job (NonIndexed). */
    readonly attempt: number,
    /** CronJobs: the n-th Job; 1 otherwise. */
    readonly jobOrdinal: number,
    readonly revision: number | null,
    readonly hash: string | null,
    /** DaemonSets: the node the pod is pinned to by its matchFields affinity. */
    readonly targetNode: string | null,
    kept: boolean,
  ) {
    this.runBegan = created;
    this.kept = kept;
    this.phases = kept ? [{ phase: 'Pending', from: created, to: null }] : null;
    this.attempts = kept ? [] : null;
  }

  /** The pod's generated name. */
  get name(): string {
    this.spelled ??= this.nameBase + suffixFromCode(this.nameCode);
    return this.spelled;
  }

  /** Pending or Running and not being deleted: the Job controller's "active". */
  get isActive(): boolean {
    return this.deletedAt === null && (this.phase === 'Pending' || this.phase === 'Running');
  }

  /** Succeeded or Failed. */
  get isTerminal(): boolean {
    return this.phase === 'Succeeded' || this.phase === 'Failed';
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

  constructor(private readonly cap: number) {}

  /** Records the fingerprint; true when it changed and the list still has room for a sample. */
  changed(a: number, b: number, c: number, d: number, e: number, f = 0, g = 0): boolean {
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
    if (this.items.length < this.cap) return true;
    this.omitted++;
    return false;
  }

  /** Adds a sample (after `changed` returned true). */
  add(sample: T): void {
    this.items.push(sample);
  }
}

/** The scenario events that read `World.podsById` or a node's pods. */
const POD_READING_EVENTS: readonly ScenarioEventSpec['type'][] = [
  'removeNode',
  'drainNode',
  'taintNode',
  'disruptPod',
  'deletePod',
];

/** Why a run stopped before it was idle. */
export type StopReason = 'horizon' | 'maxEvents' | 'maxDuration' | 'maxPods';

/** Listener for node changes (the DaemonSet controller watches nodes). */
export type NodeListener = (node: NodeState) => void;

/** The virtual clock, the cluster, the pods and the recorder of one run. */
export class World {
  readonly queue = new EventQueue();
  now = 0;
  eventsProcessed = 0;
  /** Bumped by every change an observer could see; events that change nothing do not move `lastChange`. */
  changes = 0;
  lastChange = 0;
  stop: StopReason | null = null;
  /**
   * Set when a run stops before reaching a limit because it could only have ended at that limit:
   * the message that explains why, in place of the limit's own.
   */
  stopDetail: { readonly key: SimulatorMessageKey; readonly args: MessageArgs } | null = null;
  /**
   * The run has a horizon beyond limits.maxDuration and no scenario event can suspend the
   * workload: a CronJob that is scheduling then stops the run at once (see `stopEarly`).
   */
  horizonBeyondLimit = false;
  private readonly streams: RandomStreams;
  readonly nameStream: RandomStream;

  // The recorder.
  readonly events: TimelineEvent[] = [];
  eventsOmitted = 0;
  readonly notes: string[] = [];
  readonly keptPods: Pod[] = [];
  podsOmitted = 0;

  // Totals for the summary.
  podsCreated = 0;
  podsSucceeded = 0;
  podsFailed = 0;
  podsDeleted = 0;
  livePods = 0;
  peakConcurrency = 0;
  peakConcurrencyTime: number | null = null;
  failedPodMs = 0;

  // The cluster.
  readonly nodes = new Map<string, NodeState>();
  readonly nodeOrder: NodeState[] = [];
  private readonly unscheduled = new Set<Pod>();
  /** The names of the pods that exist. */
  private readonly liveNames = new PodNameTable();
  private clusterVersion = 0;
  private readonly feasibleCache = new WeakMap<PodTemplateModel, { version: number; nodes: NodeState[] }>();
  readonly nodeListeners: NodeListener[] = [];
  /** Every pod not yet removed, by global creation number, for scenario pod events. */
  readonly podsById = new Map<number, Pod>();
  /** The pods bound to each node that have not been removed from the API (kept with `podsById`). */
  private readonly podsByNode = new Map<NodeState, Set<Pod>>();
  /**
   * Whether `podsById` and each node's `pods` are kept up to date. Only scenario events read them
   * (pod events select pods, node removal, drains and NoExecute taints act on a node's pods), so
   * a run without such events skips that bookkeeping.
   */
  private readonly indexPods: boolean;
  private readonly startLatencyStream: RandomStream;
  private readonly terminationStream: RandomStream;
  /** The streams of run times and of exit-code rule probabilities. */
  readonly runTimeStream: RandomStream;
  readonly exitCodeStream: RandomStream;
  private lastSuccessPlan: RunPlan | null = null;

  constructor(
    readonly scenario: Scenario,
    readonly locale: Locale,
  ) {
    this.streams = new RandomStreams(scenario.seed);
    this.nameStream = this.streams.stream('podNames');
    // A stream's numbers depend only on the seed and its name, so making it early changes nothing.
    this.startLatencyStream = this.streams.stream('startLatency');
    this.terminationStream = this.streams.stream('termination');
    this.runTimeStream = this.streams.stream('runTime');
    this.exitCodeStream = this.streams.stream('exitCodes');
    this.indexPods = scenario.events.some((event) => POD_READING_EVENTS.includes(event.type));
    for (const spec of scenario.nodes) this.createNode(spec);
  }

  /**
   * Stops the run now because it could only end at `limit`: simulating on would change nothing
   * but the time it takes. `key` names the message that says why.
   */
  stopEarly(limit: StopReason, key: SimulatorMessageKey, args: MessageArgs): void {
    this.stop = limit;
    this.stopDetail = { key, args: { ...args, time: this.formatTime(this.now) } };
  }

  /** The named random stream. */
  stream(purpose: string): RandomStream {
    return this.streams.stream(purpose);
  }

  /**
   * The plan of a run of `runMs` that exits 0. Plans are never changed, so runs that end alike
   * share one (a year of a CronJob has hundreds of thousands of them).
   */
  successPlan(runMs: number, container: string): RunPlan {
    const last = this.lastSuccessPlan;
    if (last !== null && last.runMs === runMs && last.container === container) return last;
    const plan: RunPlan = { runMs, exitCode: 0, container, conditions: NO_CONDITION_TYPES };
    this.lastSuccessPlan = plan;
    return plan;
  }

  /** Draws a duration in whole milliseconds from `distribution` using `stream`. */
  draw(distribution: Distribution, stream: RandomStream): number {
    switch (distribution.kind) {
      case 'fixed':
        return distribution.ms;
      case 'uniform':
        return Math.round(distribution.minMs + stream.next() * (distribution.maxMs - distribution.minMs));
      case 'normal': {
        // Box-Muller with two draws; 1 - u keeps the logarithm finite.
        const u = 1 - stream.next();
        const v = stream.next();
        const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
        const value = Math.round(distribution.meanMs + z * distribution.stddevMs);
        return Math.max(distribution.minMs, Math.min(distribution.maxMs, Math.max(0, value)));
      }
      case 'exponential': {
        const value = Math.round(-distribution.meanMs * Math.log(1 - stream.next()));
        return Math.max(distribution.minMs, Math.min(distribution.maxMs, value));
      }
    }
  }

  /** A localised note for the timeline. */
  note(key: SimulatorMessageKey, args: MessageArgs = {}): void {
    this.notes.push(formatMessage(simulatorMessages, this.locale, key, args));
  }

  /** Formats a virtual time for notes: `t+90s`. */
  formatTime(ms: number): string {
    return `t+${formatSpan(ms)}`;
  }

  /** Schedules `action` at virtual time `time`. */
  at(time: number, priority: number, action: EventAction): void {
    this.queue.push(Math.max(time, this.now), priority, action);
  }

  /** Schedules `action(value, tag)` at virtual time `time`, without a closure. */
  atWith<T>(time: number, priority: number, action: EventHandler<T>, value: T, tag = 0): void {
    this.queue.pushWith(Math.max(time, this.now), priority, action, value, tag);
  }

  /**
   * Runs the event loop until nothing is pending, the horizon passes, or a limit is hit.
   * Returns how the run ended.
   */
  run(horizonMs: number | null): 'idle' | StopReason {
    const limits = this.scenario.limits;
    for (;;) {
      if (this.stop !== null) return this.stop;
      const time = this.queue.peekTime();
      if (time === undefined) return 'idle';
      if (horizonMs !== null && time > horizonMs) {
        this.now = Math.max(this.now, horizonMs);
        return 'horizon';
      }
      if (time > limits.maxDurationMs) {
        this.now = Math.max(this.now, limits.maxDurationMs);
        return 'maxDuration';
      }
      if (this.eventsProcessed >= limits.maxEvents) return 'maxEvents';
      const queue = this.queue;
      if (!queue.pop()) return 'idle';
      this.now = queue.poppedTime;
      this.eventsProcessed++;
      const before = this.changes;
      queue.poppedAction(queue.poppedValue, queue.poppedTag);
      if (this.changes !== before) this.lastChange = this.now;
    }
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
    this.changes++;
    if (this.events.length >= this.scenario.limits.timelineEvents) {
      this.eventsOmitted++;
      return;
    }
    const text = typeof message === 'string' ? message : message(subject as S);
    this.events.push({ time: toSeconds(this.now), type, reason, object, source, message: text });
  }

  // ---- Pods ----------------------------------------------------------------------------------

  /** Creates a pod named `<prefix><5 random characters>`; null when limits.maxPods is reached. */
  createPod(owner: PodOwner, prefix: string, fields: PodFields): Pod | null {
    if (this.podsCreated >= this.scenario.limits.maxPods) {
      this.stop = 'maxPods';
      return null;
    }
    // The API server truncates generateName to 58 characters before adding the suffix.
    const base = prefix.length > 58 ? prefix.slice(0, 58) : prefix;
    let code = nameSuffixCode(this.nameStream);
    // A generated name that is taken makes the create fail; the controller retries with a new one.
    while (this.liveNames.has(base, code)) code = nameSuffixCode(this.nameStream);
    this.liveNames.add(base, code);
    const kept = this.keptPods.length < this.scenario.limits.timelinePods;
    this.podsCreated++;
    this.changes++;
    const pod = kept
      ? this.keptPod(base, code, owner, fields)
      : new Pod(
          this.podsCreated,
          base,
          code,
          owner,
          this.now,
          fields.ordinal,
          fields.index,
          fields.attempt,
          fields.jobOrdinal,
          fields.revision,
          fields.hash,
          fields.targetNode,
          false,
        );
    if (kept) this.keptPods.push(pod);
    else this.podsOmitted++;
    if (this.indexPods) this.podsById.set(pod.id, pod);
    this.livePods++;
    if (this.livePods > this.peakConcurrency) {
      this.peakConcurrency = this.livePods;
      this.peakConcurrencyTime = this.now;
    }
    if (!this.trySchedule(pod)) this.unscheduled.add(pod);
    return pod;
  }

  /**
   * Creates a pod the timeline lists. Kept pods live to the end of the run, the others mostly
   * briefly; creating them at a different place in the code keeps V8 from judging all pods by
   * the first, kept ones and allocating every later pod in the old generation (where short-lived
   * pods, and the Jobs they point to, would wait for a full collection).
   */
  private keptPod(base: string, code: number, owner: PodOwner, fields: PodFields): Pod {
    return new Pod(
      this.podsCreated,
      base,
      code,
      owner,
      this.now,
      fields.ordinal,
      fields.index,
      fields.attempt,
      fields.jobOrdinal,
      fields.revision,
      fields.hash,
      fields.targetNode,
      true,
    );
  }

  /** Whether `pod` could run on `node` now: node selection and NoSchedule/NoExecute taints. */
  feasible(pod: Pod, node: NodeState): boolean {
    if (node.removed !== null) return false;
    if (pod.targetNode !== null && pod.targetNode !== node.name) return false;
    if (pod.targetNode === null && placementBlocks(pod.owner.template, node).length > 0) return false;
    return untoleratedTaints(node, pod.owner.tolerations, ['NoSchedule', 'NoExecute']).length === 0;
  }

  /** Whether some node of the cluster accepts the owner's pods now. */
  canRunSomewhere(owner: PodOwner): boolean {
    return this.nodeOrder.some(
      (node) =>
        node.removed === null &&
        placementBlocks(owner.template, node).length === 0 &&
        untoleratedTaints(node, owner.tolerations, ['NoSchedule', 'NoExecute']).length === 0,
    );
  }

  /**
   * The nodes a Job's pods may run on, cached per pod template until a node changes: a year of
   * CronJob runs schedules half a million pods on an unchanged cluster.
   */
  private feasibleNodes(pod: Pod): readonly NodeState[] {
    const template = pod.owner.template;
    const cached = this.feasibleCache.get(template);
    if (cached && cached.version === this.clusterVersion) return cached.nodes;
    const nodes = this.nodeOrder.filter((node) => this.feasible(pod, node));
    this.feasibleCache.set(template, { version: this.clusterVersion, nodes });
    return nodes;
  }

  /** The default scheduler, reduced to feasibility and spreading: the least-loaded feasible node. */
  private trySchedule(pod: Pod): boolean {
    let best: NodeState | null = null;
    if (pod.targetNode !== null) {
      const node = this.nodes.get(pod.targetNode);
      if (node && this.feasible(pod, node)) best = node;
    } else {
      for (const node of this.feasibleNodes(pod)) {
        if (best === null || node.load < best.load) best = node;
      }
    }
    if (best === null) return false;
    pod.node = best;
    pod.scheduledAt = this.now;
    if (this.indexPods) this.podsOn(best).add(pod);
    best.load++;
    const epoch = pod.epoch;
    const latency = this.draw(this.scenario.pods.startLatency, this.startLatencyStream);
    this.atWith(this.now + latency, Priority.kubelet, this.startDue, pod, epoch);
    const deadline = pod.owner.template.activeDeadlineMs;
    if (deadline !== null) {
      this.at(this.now + deadline, Priority.kubelet, () => {
        if (pod.epoch === epoch && pod.deletedAt === null && !pod.isTerminal) this.podDeadline(pod);
      });
    }
    return true;
  }

  /** Tries every unscheduled pod again, after a node change that may have made room. */
  private retryUnscheduled(): void {
    for (const pod of [...this.unscheduled]) {
      if (pod.deletedAt !== null) this.unscheduled.delete(pod);
      else if (this.trySchedule(pod)) this.unscheduled.delete(pod);
    }
  }

  private setPhase(pod: Pod, phase: PodPhase): void {
    if (pod.phase === phase) return;
    this.changes++;
    pod.phase = phase;
    if (pod.phases) {
      const last = pod.phases[pod.phases.length - 1];
      if (last) (last as { to: number | null }).to = this.now;
      pod.phases.push({ phase, from: this.now, to: null });
    }
    if (phase === 'Succeeded' || phase === 'Failed') {
      pod.finishedAt = this.now;
      pod.ready = false;
      this.livePods--;
      if (pod.node) pod.node.load--;
      // A finished Job pod that the timeline does not list only matters to its Job's counters
      // from now on; forgetting it here keeps memory bounded by the pods that are running.
      if (!pod.kept && pod.owner.jobName !== null && pod.deletedAt === null) {
        pod.released = true;
        this.forget(pod);
      }
      pod.owner.onPodChange(pod, 'terminal');
    }
  }

  private startRun(pod: Pod): void {
    this.changes++;
    if (pod.phase === 'Pending') this.setPhase(pod, 'Running');
    const plan = pod.owner.planRun(pod);
    pod.plan = plan;
    pod.running = true;
    pod.ready = true;
    pod.readySince = this.now;
    const container = plan?.container ?? pod.owner.template.containers[0] ?? 'main';
    pod.attempts?.push({
      restart: pod.restarts,
      container,
      started: this.now,
      finished: null,
      exitCode: null,
      reason: null,
    });
    pod.owner.onPodChange(pod, pod.restarts === 0 ? 'started' : 'restarted');
    if (plan !== null) this.atWith(this.now + plan.runMs, Priority.kubelet, this.exitDue, pod, pod.epoch);
  }

  // The kubelet's timers. Each carries the pod's epoch from when it was set: a pod deleted, or
  // on a node that went away, has a new epoch, and its old timers do nothing.

  /** The container starts, after the start latency. */
  private readonly startDue = (pod: Pod, epoch: number): void => {
    if (pod.epoch === epoch && pod.deletedAt === null) this.startRun(pod);
  };

  /**
   * The container run ends. `pod.plan` is still the plan its run started with: the next run
   * (a restart) is planned only after this one has ended.
   */
  private readonly exitDue = (pod: Pod, epoch: number): void => {
    if (pod.epoch === epoch && pod.deletedAt === null && pod.plan !== null) this.exitRun(pod, pod.plan);
  };

  /** The container restarts in place, after the crash-loop backoff. */
  private readonly restartDue = (pod: Pod, epoch: number): void => {
    if (pod.epoch !== epoch || pod.deletedAt !== null) return;
    pod.restarts++;
    pod.runBegan = this.now;
    this.startRun(pod);
  };

  /** Ends the current container run; returns how long it took (from pod creation for the first run). */
  private finishAttempt(pod: Pod, exitCode: number, reason: string): number {
    this.changes++;
    pod.running = false;
    const attempt = pod.attempts?.[pod.attempts.length - 1];
    if (attempt && attempt.finished === null) {
      attempt.finished = this.now;
      attempt.exitCode = exitCode;
      attempt.reason = reason;
    }
    return this.now - pod.runBegan;
  }

  private exitRun(pod: Pod, plan: RunPlan): void {
    const spent = this.finishAttempt(pod, plan.exitCode, plan.exitCode === 0 ? 'Completed' : 'Error');
    // The plan says which container exits with which code (and is never changed).
    pod.lastExit = plan;
    pod.ready = false;
    if (plan.exitCode === 0) {
      this.setPhase(pod, 'Succeeded');
      return;
    }
    if (pod.owner.template.restartPolicy !== 'Never') {
      // The kubelet restarts the container in place; the pod stays Running but not ready.
      if (pod.owner.jobName !== null) this.failedPodMs += spent;
      pod.owner.onPodChange(pod, 'notReady');
      this.atWith(this.now + restartDelayMs(pod.restarts), Priority.kubelet, this.restartDue, pod, pod.epoch);
      return;
    }
    for (const type of plan.conditions) this.addCondition(pod, type, 'True', null, null);
    this.setFailedRun(pod, spent);
    this.setPhase(pod, 'Failed');
  }

  /**
   * Remembers the length of the run that ended the pod. A Job may count a pod as failed before
   * its run ends (a deleted pod) or after; the time is added once both have happened.
   */
  private setFailedRun(pod: Pod, ms: number): void {
    pod.failedRunMs = ms;
    if (pod.countedAs === 'failed' || pod.countedAs === 'ignored') this.failedPodMs += ms;
  }

  /** The pod's own activeDeadlineSeconds passed: the kubelet kills it and fails it. */
  private podDeadline(pod: Pod): void {
    if (pod.running) this.setFailedRun(pod, this.finishAttempt(pod, EXIT_SIGKILL, 'Error'));
    pod.epoch++;
    pod.reason = 'DeadlineExceeded';
    this.setPhase(pod, 'Failed');
  }

  /** Adds (or updates) a pod condition. */
  addCondition(
    pod: Pod,
    type: string,
    status: 'True' | 'False',
    reason: string | null,
    message: string | null,
  ): void {
    pod.conditions = [
      ...pod.conditions.filter((condition) => condition.type !== type),
      { type, status, reason, message, time: toSeconds(this.now) },
    ];
  }

  /**
   * Deletes a pod (sets its deletionTimestamp). A running pod stops after the scenario's
   * termination time, at most its grace period, and ends Failed; a pod that never ran, or whose
   * node is gone, goes at once. A disruption first adds the DisruptionTarget condition.
   */
  deletePod(pod: Pod, disruption: DisruptionReason | null = null): boolean {
    if (pod.deletedAt !== null || pod.removedAt !== null) return false;
    if (disruption !== null) {
      this.addCondition(pod, 'DisruptionTarget', 'True', disruption, DISRUPTION_MESSAGES[disruption]);
      if (!pod.isTerminal) pod.reason = disruption;
    }
    pod.deletedAt = this.now;
    this.changes++;
    this.podsDeleted++;
    this.unscheduled.delete(pod);
    if (pod.isTerminal) {
      this.removePod(pod);
      return true;
    }
    pod.epoch++;
    pod.ready = false;
    pod.owner.onPodChange(pod, 'deleting');
    const node = pod.node;
    if (node === null || node.removed !== null || pod.phase === 'Pending') {
      // No kubelet runs this pod (yet, or any more): it is gone at once, ending Failed.
      this.terminate(pod, EXIT_SIGTERM);
      return true;
    }
    const drawn = this.draw(this.scenario.pods.terminationTime, this.terminationStream);
    const grace = pod.owner.template.terminationGracePeriodMs;
    const exitCode = drawn >= grace ? EXIT_SIGKILL : EXIT_SIGTERM;
    this.at(this.now + Math.min(drawn, grace), Priority.kubelet, () => this.terminate(pod, exitCode));
    return true;
  }

  private terminate(pod: Pod, exitCode: number): void {
    if (pod.removedAt !== null) return;
    if (pod.running) {
      this.setFailedRun(pod, this.finishAttempt(pod, exitCode, 'Error'));
      pod.lastExit = {
        container: pod.plan?.container ?? pod.owner.template.containers[0] ?? 'main',
        exitCode,
      };
    }
    if (!pod.isTerminal) this.setPhase(pod, 'Failed');
    this.removePod(pod);
  }

  /** Removes a pod object from the API (after termination, or a finished pod's deletion). */
  removePod(pod: Pod): void {
    if (pod.removedAt !== null) return;
    if (pod.deletedAt === null) {
      pod.deletedAt = this.now;
      this.podsDeleted++;
    }
    pod.removedAt = this.now;
    this.changes++;
    pod.epoch++;
    this.unscheduled.delete(pod);
    this.forget(pod);
    pod.owner.onPodChange(pod, 'removed');
  }

  /** The pods bound to `node` that have not been removed from the API. */
  private podsOn(node: NodeState): Set<Pod> {
    let pods = this.podsByNode.get(node);
    if (!pods) this.podsByNode.set(node, (pods = new Set()));
    return pods;
  }

  /** Drops a pod from the indexes and frees its name. */
  private forget(pod: Pod): void {
    if (this.indexPods) {
      this.podsById.delete(pod.id);
      if (pod.node) this.podsOn(pod.node).delete(pod);
    }
    this.liveNames.delete(pod.nameBase, pod.nameCode);
  }

  /** The pods a scenario pod event selects, in creation order. */
  selectPods(
    selector: {
      pod: number | null;
      podName: string | null;
      index: number | null;
      node: string | null;
      job: number | null;
    },
    onlyJobOrdinal?: (pod: Pod) => number,
  ): Pod[] {
    const chosen: Pod[] = [];
    const candidates =
      selector.pod !== null
        ? [this.podsById.get(selector.pod)].filter((p): p is Pod => p !== undefined)
        : [...this.podsById.values()];
    for (const pod of candidates) {
      if (pod.deletedAt !== null || pod.isTerminal) continue;
      if (selector.podName !== null && pod.name !== selector.podName) continue;
      if (selector.index !== null && pod.index !== selector.index) continue;
      if (selector.node !== null && pod.node?.name !== selector.node) continue;
      if (selector.job !== null && (onlyJobOrdinal ? onlyJobOrdinal(pod) : pod.jobOrdinal) !== selector.job)
        continue;
      chosen.push(pod);
    }
    return chosen;
  }

  // ---- Nodes ---------------------------------------------------------------------------------

  private createNode(spec: NodeSpec): NodeState {
    const node = new NodeState(spec.name, this.nodeOrder.length, spec, this.now);
    this.nodes.set(node.name, node);
    this.nodeOrder.push(node);
    return node;
  }

  private nodeChanged(node: NodeState): void {
    this.clusterVersion++;
    this.changes++;
    for (const listener of this.nodeListeners) listener(node);
    this.retryUnscheduled();
  }

  /** A node joins the cluster. */
  addNode(spec: NodeSpec): boolean {
    const existing = this.nodes.get(spec.name);
    if (existing && existing.removed === null) return false;
    if (existing) {
      // A node that left and comes back under the same name is a new Node object.
      this.nodes.delete(spec.name);
    }
    this.nodeChanged(this.createNode(spec));
    return true;
  }

  /**
   * A node is deleted. Its kubelet is gone, so nothing on it progresses; the pod garbage
   * collector force-deletes its pods after `controller.podGcDelay`, with DisruptionTarget.
   */
  removeNode(node: NodeState): void {
    node.removed = this.now;
    for (const pod of this.podsOn(node)) pod.epoch++;
    this.nodeChanged(node);
    this.at(this.now + this.scenario.controller.podGcDelayMs, Priority.collector, () => {
      for (const pod of [...this.podsOn(node)]) {
        if (pod.removedAt !== null) continue;
        if (pod.isTerminal) this.removePod(pod);
        else {
          if (pod.deletedAt === null)
            this.addCondition(
              pod,
              'DisruptionTarget',
              'True',
              'DeletionByPodGC',
              DISRUPTION_MESSAGES.DeletionByPodGC,
            );
          pod.reason ??= 'DeletionByPodGC';
          if (pod.deletedAt === null) {
            pod.deletedAt = this.now;
            this.podsDeleted++;
            pod.owner.onPodChange(pod, 'deleting');
          }
          this.terminate(pod, EXIT_SIGKILL);
        }
      }
    });
  }

  /** `kubectl cordon`: spec.unschedulable, and the lifecycle controller's taint. */
  cordon(node: NodeState, unschedulable: boolean): boolean {
    if (node.unschedulable === unschedulable) return false;
    node.unschedulable = unschedulable;
    if (unschedulable) node.addTaint(UNSCHEDULABLE_TAINT);
    else node.removeTaint(UNSCHEDULABLE_TAINT.key, UNSCHEDULABLE_TAINT.effect);
    this.nodeChanged(node);
    return true;
  }

  /** `kubectl drain --ignore-daemonsets`: cordon, then evict every other pod through the Eviction API. */
  drain(node: NodeState): number {
    this.cordon(node, true);
    let evicted = 0;
    for (const pod of [...this.podsOn(node)]) {
      if (pod.owner.jobName === null || pod.isTerminal) continue;
      if (this.deletePod(pod, 'EvictionByEvictionAPI')) evicted++;
    }
    return evicted;
  }

  /** Adds a taint; a NoExecute taint makes the taint manager evict the pods that do not tolerate it. */
  taint(node: NodeState, taint: TaintSpec): void {
    node.addTaint(taint);
    if (taint.effect === 'NoExecute') {
      for (const pod of [...this.podsOn(node)]) {
        if (pod.isTerminal || pod.deletedAt !== null) continue;
        const matching = pod.owner.tolerations.filter((toleration) => tolerates(toleration, taint));
        if (matching.length === 0) {
          this.deletePod(pod, 'DeletionByTaintManager');
          continue;
        }
        // A toleration with tolerationSeconds only delays the eviction.
        if (matching.every((toleration) => toleration.tolerationSeconds !== null)) {
          const seconds = Math.min(...matching.map((toleration) => toleration.tolerationSeconds ?? 0));
          this.at(this.now + Math.max(0, seconds) * 1000, Priority.collector, () => {
            const still = node.taints.some(
              (t) => t.key === taint.key && t.effect === taint.effect && t.value === taint.value,
            );
            if (still) this.deletePod(pod, 'DeletionByTaintManager');
          });
        }
      }
    }
    this.nodeChanged(node);
  }

  /** Removes taints; false when none matched. */
  untaint(node: NodeState, key: string, effect: string | null): boolean {
    if (!node.removeTaint(key, effect)) return false;
    this.nodeChanged(node);
    return true;
  }

  /** Sets (or, with null, removes) node labels. */
  label(node: NodeState, labels: Readonly<Record<string, string | null>>): void {
    for (const [key, value] of Object.entries(labels)) {
      if (value === null) node.labels.delete(key);
      else node.labels.set(key, value);
    }
    this.nodeChanged(node);
  }

  // ---- Output --------------------------------------------------------------------------------

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
  timelineNodes(verdict: ((node: NodeState) => TimelineNode['daemonSet']) | null): TimelineNode[] {
    return this.nodeOrder.map((node) => ({
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
