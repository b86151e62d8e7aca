/**
 * The simulation's world: the virtual clock (`Clock`, which it extends), the API server's objects
 * (nodes and pods, their names and indexes, the run's totals), and the components that act on
 * them: the scheduler, the kubelet, the taint manager, the pod garbage collector and the
 * recorder. Controllers (Job, CronJob, DaemonSet) sit on top and react to pod changes through
 * `PodOwner`.
 */

import type { Locale } from '../l10n';
import { Clock } from './clock';
import { NodeState, UNSCHEDULABLE_TAINT } from './cluster';
import { Kubelet, EXIT_SIGKILL, EXIT_SIGTERM } from './kubelet';
import { DISRUPTION_MESSAGES, Pod, setPodCondition } from './pod';
import type { PodFields, PodOwner, RunPlan } from './pod';
import { PodGarbageCollector } from './podGarbageCollector';
import { PodNameTable } from './podNames';
import { RandomStreams, drawDuration, nameSuffixCode } from './random';
import type { RandomStream } from './random';
import { Recorder } from './recorder';
import type { TimelineBudget } from './recorder';
import { Scheduler } from './scheduler';
import type {
  DisruptionReason,
  Distribution,
  NodeSpec,
  Scenario,
  ScenarioEventSpec,
  TaintSpec,
} from './scenarioTypes';
import { TaintManager } from './taintManager';

export type { StopReason } from './clock';

const NO_CONDITION_TYPES: readonly string[] = [];

/** The scenario events that read `World.podsById` or a node's pods. */
const POD_READING_EVENTS: readonly ScenarioEventSpec['type'][] = [
  'removeNode',
  'drainNode',
  'taintNode',
  'disruptPod',
  'deletePod',
];

/** Listener for node changes (the DaemonSet controller watches nodes). */
export type NodeListener = (node: NodeState) => void;

/** The virtual clock, the cluster, the pods and the recorder of one run. */
export class World extends Clock {
  /**
   * The run has a horizon beyond limits.maxDuration and no scenario event can suspend the
   * workload: a CronJob that is scheduling then stops the run at once (see `stopEarly`).
   */
  horizonBeyondLimit = false;
  private readonly streams: RandomStreams;
  readonly nameStream: RandomStream;
  /** The streams of run times and of exit-code rule probabilities. */
  readonly runTimeStream: RandomStream;
  readonly exitCodeStream: RandomStream;
  private lastSuccessPlan: RunPlan | null = null;

  readonly recorder: Recorder;
  /** The recorder's budget (the kubelet lists container runs within it). */
  readonly budget: TimelineBudget;

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
  readonly nodeListeners: NodeListener[] = [];
  /** The names of the pods that exist. */
  private readonly liveNames = new PodNameTable();
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

  // The components acting on pods and nodes.
  private readonly kubelet: Kubelet;
  private readonly scheduler: Scheduler;
  private readonly taintManager: TaintManager;
  private readonly podGarbageCollector: PodGarbageCollector;

  constructor(
    readonly scenario: Scenario,
    readonly locale: Locale,
  ) {
    super(scenario.limits);
    this.streams = new RandomStreams(scenario.seed);
    this.nameStream = this.streams.stream('podNames');
    // A stream's numbers depend only on the seed and its name, so making it early changes nothing.
    const startLatencyStream = this.streams.stream('startLatency');
    const terminationStream = this.streams.stream('termination');
    this.runTimeStream = this.streams.stream('runTime');
    this.exitCodeStream = this.streams.stream('exitCodes');
    this.recorder = new Recorder(this, scenario.limits, locale);
    this.budget = this.recorder.budget;
    this.kubelet = new Kubelet(this, this, scenario, startLatencyStream, terminationStream);
    this.scheduler = new Scheduler(this.nodes, this.nodeOrder, (pod, node) => this.bind(pod, node));
    this.taintManager = new TaintManager(this, this);
    this.podGarbageCollector = new PodGarbageCollector(this, this, scenario.controller.podGcDelayMs);
    this.indexPods = scenario.events.some((event) => POD_READING_EVENTS.includes(event.type));
    for (const spec of scenario.nodes) this.createNode(spec);
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
    return drawDuration(distribution, stream);
  }

  // ---- Pods ----------------------------------------------------------------------------------

  /**
   * Creates a pod named `<prefix><5 random characters>`, with `record` as its owner's state for
   * it; null when limits.maxPods is reached.
   */
  createPod<R>(owner: PodOwner<R>, prefix: string, fields: PodFields, record: R): Pod<R> | null {
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
    const kept = this.recorder.keepPod();
    this.podsCreated++;
    this.changes++;
    const pod = kept
      ? this.keptPod(base, code, owner, record, fields)
      : new Pod(
          {
            id: this.podsCreated,
            nameBase: base,
            nameCode: code,
            owner,
            record,
            created: this.now,
            kept: false,
          },
          fields,
        );
    this.recorder.addPod(pod);
    if (this.indexPods) this.podsById.set(pod.id, pod);
    this.livePods++;
    if (this.livePods > this.peakConcurrency) {
      this.peakConcurrency = this.livePods;
      this.peakConcurrencyTime = this.now;
    }
    this.scheduler.schedule(pod);
    return pod;
  }

  /**
   * Creates a pod the timeline lists. Kept pods live to the end of the run, the others mostly
   * briefly; creating them at a different place in the code keeps V8 from judging all pods by
   * the first, kept ones and allocating every later pod in the old generation (where short-lived
   * pods, and the Jobs they point to, would wait for a full collection).
   */
  private keptPod<R>(base: string, code: number, owner: PodOwner<R>, record: R, fields: PodFields): Pod<R> {
    return new Pod(
      { id: this.podsCreated, nameBase: base, nameCode: code, owner, record, created: this.now, kept: true },
      fields,
    );
  }

  /** The binding: the scheduler chose `node`, and its kubelet takes the pod. */
  private bind(pod: Pod, node: NodeState): void {
    pod.node = node;
    pod.scheduledAt = this.now;
    if (this.indexPods) this.podsOn(node).add(pod);
    node.load++;
    this.kubelet.podBound(pod);
  }

  /** Whether some node of the cluster accepts the owner's pods now. */
  canRunSomewhere(owner: PodOwner): boolean {
    return this.scheduler.canRunSomewhere(owner);
  }

  /** The kubelet reports a pod Succeeded or Failed. */
  podFinished(pod: Pod): void {
    this.livePods--;
    if (pod.node) pod.node.load--;
    // A finished Job pod that the timeline does not list only matters to its Job's counters
    // from now on; forgetting it here keeps memory bounded by the pods that are running.
    if (!pod.kept && pod.owner.jobName !== null && pod.deletedAt === null) {
      pod.released = true;
      this.forget(pod);
    }
  }

  /**
   * Deletes a pod (sets its deletionTimestamp). A running pod stops after the scenario's
   * termination time, at most its grace period, and ends Failed; a pod that never ran, or whose
   * node is gone, goes at once. A disruption first adds the DisruptionTarget condition.
   */
  deletePod(pod: Pod, disruption: DisruptionReason | null = null): boolean {
    if (pod.deletedAt !== null || pod.removedAt !== null) return false;
    if (disruption !== null) {
      setPodCondition(pod, 'DisruptionTarget', 'True', disruption, DISRUPTION_MESSAGES[disruption], this.now);
      if (!pod.isTerminal) pod.reason = disruption;
    }
    pod.deletedAt = this.now;
    this.changes++;
    this.podsDeleted++;
    this.scheduler.forget(pod);
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
      this.kubelet.terminate(pod, EXIT_SIGTERM);
      return true;
    }
    this.kubelet.stopGracefully(pod);
    return true;
  }

  /** Deletes an unfinished pod with no grace period (the pod garbage collector's force delete). */
  forceDelete(pod: Pod): void {
    if (pod.deletedAt === null) {
      pod.deletedAt = this.now;
      this.podsDeleted++;
      pod.owner.onPodChange(pod, 'deleting');
    }
    this.kubelet.terminate(pod, EXIT_SIGKILL);
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
    this.scheduler.forget(pod);
    this.forget(pod);
    pod.owner.onPodChange(pod, 'removed');
  }

  /** The pods bound to `node` that have not been removed from the API. */
  podsOn(node: NodeState): Set<Pod> {
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
    this.scheduler.invalidate();
    this.changes++;
    for (const listener of this.nodeListeners) listener(node);
    this.scheduler.retryUnscheduled();
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
    this.podGarbageCollector.nodeDeleted(node);
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
    if (taint.effect === 'NoExecute') this.taintManager.noExecuteTaintAdded(node, taint);
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
}
