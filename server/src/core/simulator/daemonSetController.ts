/**
 * The DaemonSet controller (docs/kubernetes-behaviour.md §3.3, `daemon_controller.go`, `update.go`): which
 * nodes should run a daemon pod, the per-node reconcile, rolling updates with maxUnavailable or
 * maxSurge (percentages rounded up) and minReadySeconds, OnDelete, revisions and status.
 *
 * The controller's loops over all nodes are kept incremental: each node's contribution to the
 * counters and candidate lists is recomputed only when that node or its pods change, so a rolling
 * update over thousands of nodes costs work proportional to what changes, not to the cluster.
 */

import { formatTaint, placementBlocks, untoleratedTaints } from './cluster';
import { daemonPodTolerations } from '../workload/tolerations';
import { scaleIntOrPercent } from '../workload/intOrPercent';
import type { NodeState } from './cluster';
import { toSeconds } from './durations';
import { Priority } from './eventQueue';
import { NumberHeap } from './indexSets';
import { nameSuffix } from './random';
import type {
  DaemonSetStatusSample,
  PlacementBlock,
  PodPhase,
  TimelineNode,
  TimelineRevision,
  TimelineEvent,
} from './timeline';
import { SampleList } from './recorder';
import type { Pod, PodChange, PodOwner, RunPlan } from './pod';
import type { TaintSpec } from './scenarioTypes';
import type { World } from './world';
import type { DaemonSetSpecModel, PodTemplateModel, Toleration } from '../workload/workloadModel';

/** The most creates (and, separately, deletes) one sync issues (`burstReplicas`). */
const BURST_REPLICAS = 250;

/** Event messages, built only when the timeline keeps the event. */
const createdPod = (pod: Pod): string => `Created pod: ${pod.name}`;
const deletedPod = (pod: Pod): string => `Deleted pod: ${pod.name}`;

/** How one node takes part in the controller's counts; recomputed when the node changes. */
interface Contribution {
  desired: boolean;
  scheduled: boolean;
  ready: boolean;
  available: boolean;
  updated: boolean;
  misscheduled: boolean;
  /** maxSurge = 0: counts against maxUnavailable. */
  unavailable: boolean;
  /** maxSurge = 0: an old available pod that may be replaced. */
  candidate: boolean;
  /** maxSurge = 0: an old unavailable pod, always replaced. */
  replaceNow: boolean;
  /** maxSurge > 0. */
  surging: boolean;
  surgeAvailable: boolean;
  surgeCandidate: boolean;
  surgeAllowedNew: boolean;
  surgeDeleteOld: boolean;
  shouldNotRunOld: boolean;
}

const EMPTY: Contribution = {
  desired: false,
  scheduled: false,
  ready: false,
  available: false,
  updated: false,
  misscheduled: false,
  unavailable: false,
  candidate: false,
  replaceNow: false,
  surging: false,
  surgeAvailable: false,
  surgeCandidate: false,
  surgeAllowedNew: false,
  surgeDeleteOld: false,
  shouldNotRunOld: false,
};

type Counter =
  | 'desired'
  | 'scheduled'
  | 'ready'
  | 'available'
  | 'updated'
  | 'misscheduled'
  | 'unavailable'
  | 'surging'
  | 'surgeAvailable'
  | 'candidate'
  | 'surgeCandidate';
const COUNTERS: readonly Counter[] = [
  'desired',
  'scheduled',
  'ready',
  'available',
  'updated',
  'misscheduled',
  'unavailable',
  'surging',
  'surgeAvailable',
  'candidate',
  'surgeCandidate',
];

/** The controller's view of one node. */
export interface DaemonNode {
  readonly node: NodeState;
  shouldRun: boolean;
  shouldContinueRunning: boolean;
  blockedBy: PlacementBlock[];
  /** Daemon pods on the node that have not been removed, oldest first. */
  readonly pods: Pod[];
  contribution: Contribution;
  inCandidateHeap: boolean;
  inSurgeHeap: boolean;
  inShouldNotRunHeap: boolean;
}

/** What one `rollingUpdate` decided, before `syncNodes` carries it out. */
export interface RolloutDecision {
  readonly maxSurge: number;
  /** 0 when surging. */
  readonly maxUnavailable: number;
  /** Old pods to delete, in the order they are deleted. */
  readonly oldPodsToDelete: readonly Pod[];
  /** The nodes that get a new pod. */
  readonly newNodesToCreate: readonly DaemonNode[];
  /** More old pods were due for deletion than one sync may delete. */
  readonly capped: boolean;
}

/** The state a rollout decision is made from, for a plain recomputation of it. */
export interface RolloutView {
  readonly now: number;
  /** The current revision's hash: pods with another are old. */
  readonly hash: string;
  readonly minReadyMs: number;
  readonly maxSurge: DaemonSetSpecModel['maxSurge'];
  readonly maxUnavailable: DaemonSetSpecModel['maxUnavailable'];
  /** Every node the controller has seen, in node order, with its daemon pods (oldest first). */
  readonly nodes: readonly {
    readonly node: NodeState;
    readonly shouldRun: boolean;
    readonly pods: readonly Pod[];
  }[];
}

/** Called with each rollout decision and the state it was made from. */
export type RolloutObserver = (view: RolloutView, decision: RolloutDecision) => void;

/** One daemon pod as the manage loop reads it. */
export interface ManagePodView {
  readonly id: number;
  readonly name: string;
  readonly created: number;
  /** Bound to a node (`spec.nodeName` set). */
  readonly scheduled: boolean;
  readonly phase: PodPhase;
  /** Has a deletionTimestamp. */
  readonly deleting: boolean;
  readonly ready: boolean;
  readonly readySince: number | null;
  readonly hash: string | null;
}

/** One node as the manage loop reads it, with the DaemonSet's pods aimed at it. */
export interface ManageNodeView {
  readonly name: string;
  /** Node order, which stands in for the order of upstream's node list. */
  readonly order: number;
  /** The Node object was deleted: upstream's node list no longer has it. */
  readonly removed: boolean;
  readonly labels: Readonly<Record<string, string>>;
  /** The node's taints, including the unschedulable taint of a cordoned node. */
  readonly taints: readonly TaintSpec[];
  readonly unschedulable: boolean;
  /** The DaemonSet's pods aimed at this node that are still in the API, oldest first. */
  readonly pods: readonly ManagePodView[];
}

/** The state one `manage` pass decides from, for a plain recomputation of it. */
export interface ManageView {
  readonly now: number;
  /** The current revision's hash: pods with another are old. */
  readonly hash: string;
  /** `status.observedGeneration` when the pass runs (part of the failed-pod backoff key). */
  readonly observedGeneration: number;
  readonly updateStrategy: DaemonSetSpecModel['updateStrategy'];
  readonly maxSurge: DaemonSetSpecModel['maxSurge'];
  readonly minReadyMs: number;
  /** The placement fields of the template, as written (without the automatic tolerations). */
  readonly template: Pick<
    PodTemplateModel,
    'nodeName' | 'nodeSelector' | 'requiredNodeAffinity' | 'tolerations' | 'hostNetwork'
  >;
  /** Every node the cluster has had, in node order. */
  readonly nodes: readonly ManageNodeView[];
}

/** What one `manage` pass decided, before `syncNodes` carries it out. */
export interface ManageDecision {
  /** The nodes that get a pod, in node order (at most burstReplicas are created). */
  readonly creates: readonly string[];
  /** The pods to delete (at most burstReplicas are deleted). */
  readonly deletes: readonly Pod[];
}

/** Called with each manage pass's decision and the state it was made from. */
export type ManageObserver = (view: ManageView, decision: ManageDecision) => void;

/** What a DaemonSet is created with. */
export interface DaemonSetOptions {
  readonly spec: DaemonSetSpecModel;
  /** Sees each `rollingUpdate` decision before it is carried out (the reference tests use it). */
  readonly observeRollout?: RolloutObserver | null;
  /** Sees each `manage` pass's decision before it is carried out (the reference tests use it). */
  readonly observeManage?: ManageObserver | null;
}

/** The DaemonSet and its controller. */
export class DaemonSetController implements PodOwner<null> {
  readonly template: PodTemplateModel;
  readonly tolerations: readonly Toleration[];
  readonly jobName = null;
  private readonly byNode = new Map<NodeState, DaemonNode>();
  private readonly manageDirty = new Set<DaemonNode>();
  /** The node orders of the nodes in manageDirty or failedPodNodes, for `manage` to take in order. */
  private readonly manageHeap = new NumberHeap();
  private readonly inManageHeap = new Set<DaemonNode>();
  /** During a `manage` pass: the nodes queued meanwhile, for the next pass. */
  private manageDeferred: DaemonNode[] | null = null;
  private readonly countDirty = new Set<DaemonNode>();
  private readonly counts: Record<Counter, number> = {
    desired: 0,
    scheduled: 0,
    ready: 0,
    available: 0,
    updated: 0,
    misscheduled: 0,
    unavailable: 0,
    surging: 0,
    surgeAvailable: 0,
    candidate: 0,
    surgeCandidate: 0,
  };
  private readonly replaceNow = new Set<DaemonNode>();
  private readonly surgeAllowedNew = new Set<DaemonNode>();
  private readonly surgeDeleteOld = new Set<DaemonNode>();
  private readonly candidateHeap = new NumberHeap();
  private readonly surgeHeap = new NumberHeap();
  private readonly shouldNotRunHeap = new NumberHeap();
  private readonly nodesByOrder: DaemonNode[] = [];
  private readonly revisions: { revision: number; hash: string; created: number; deleted: number | null }[] =
    [];
  private readonly hashUse = new Map<string, number>();
  private readonly podNodes = new Map<Pod, DaemonNode>();
  /** `failedPodsBackoff`, per generation and node. */
  private readonly failedPodsBackoff = new FailedPodsBackoff();
  /** Nodes with a Failed pod the backoff held back. */
  private readonly failedPodNodes = new Set<DaemonNode>();
  private hash: string;
  private revision = 1;
  /**
   * `status.observedGeneration`: the generation (here, the revision) as of the last sync, which
   * stores it with the status at its end; 0 before the first.
   */
  private observedGeneration = 0;
  private podOrdinal = 0;
  private readonly syncRequested = new Set<number>();
  rolloutCompleteAt: number | null = null;
  private rolledOut = false;
  readonly samples: SampleList<DaemonSetStatusSample>;

  readonly spec: DaemonSetSpecModel;
  private readonly observer: RolloutObserver | null;
  private readonly manageObserver: ManageObserver | null;

  constructor(
    private readonly world: World,
    options: DaemonSetOptions,
  ) {
    const spec = options.spec;
    this.spec = spec;
    this.observer = options.observeRollout ?? null;
    this.manageObserver = options.observeManage ?? null;
    this.template = spec.template;
    this.tolerations = daemonPodTolerations(spec.template.tolerations, spec.template.hostNetwork);
    this.hash = this.newHash();
    this.revisions.push({ revision: 1, hash: this.hash, created: 0, deleted: null });
    this.samples = new SampleList<DaemonSetStatusSample>(
      world.scenario.limits.statusSamples,
      world.recorder.budget,
    );
    world.nodeListeners.push((node) => this.nodeChanged(node));
  }

  /** The DaemonSet was created: every node is looked at. */
  start(): void {
    for (const node of this.world.nodeOrder) this.nodeChanged(node);
    this.requestSync();
  }

  private newHash(): string {
    // Real hashes come from the template; a seeded stream gives stable, distinct stand-ins.
    return nameSuffix(this.world.stream('revisionHashes'), 10);
  }

  /**
   * `util.AllowsSurge`: maxSurge scaled against a single node (`SurgeCount(ds, 1)`) is above 0, so
   * any percentage but 0% allows surge, however many nodes want a pod.
   */
  private get allowsSurge(): boolean {
    return this.spec.updateStrategy === 'RollingUpdate' && scaleIntOrPercent(this.spec.maxSurge, 1) > 0;
  }

  private maxSurge(): number {
    return scaleIntOrPercent(this.spec.maxSurge, this.counts.desired);
  }

  private requestSync(): void {
    const at = this.world.now;
    if (this.syncRequested.has(at)) return;
    this.syncRequested.add(at);
    this.world.at(at, Priority.daemonSetController, () => {
      this.syncRequested.delete(at);
      this.syncDaemonSet();
    });
  }

  private daemonNode(node: NodeState): DaemonNode {
    let entry = this.byNode.get(node);
    if (!entry) {
      entry = {
        node,
        shouldRun: false,
        shouldContinueRunning: false,
        blockedBy: [],
        pods: [],
        contribution: EMPTY,
        inCandidateHeap: false,
        inSurgeHeap: false,
        inShouldNotRunHeap: false,
      };
      this.byNode.set(node, entry);
      this.nodesByOrder[node.order] = entry;
    }
    return entry;
  }

  /** `NodeShouldRunDaemonPod` for one node, recomputed after the node changed. */
  private nodeChanged(node: NodeState): void {
    const entry = this.daemonNode(node);
    const verdict = this.verdict(node);
    entry.shouldRun = verdict.shouldRun;
    entry.shouldContinueRunning = verdict.shouldContinueRunning;
    entry.blockedBy = verdict.blockedBy;
    this.markDirty(entry);
    this.requestSync();
  }

  /** The controller's verdict for a node, with what blocks a pod there. */
  verdict(node: NodeState): {
    shouldRun: boolean;
    shouldContinueRunning: boolean;
    blockedBy: PlacementBlock[];
  } {
    if (node.removed !== null) return { shouldRun: false, shouldContinueRunning: false, blockedBy: [] };
    const blocks = placementBlocks(this.template, node);
    if (blocks.length > 0) return { shouldRun: false, shouldContinueRunning: false, blockedBy: blocks };
    const taints = untoleratedTaints(node, this.tolerations, ['NoSchedule', 'NoExecute']);
    return {
      shouldRun: taints.length === 0,
      shouldContinueRunning: !taints.some((taint) => taint.effect === 'NoExecute'),
      blockedBy: taints.map((taint) => ({ kind: 'taint', detail: formatTaint(taint) })),
    };
  }

  private markDirty(entry: DaemonNode): void {
    this.manageDirty.add(entry);
    this.queueManage(entry);
    this.countDirty.add(entry);
  }

  /** Puts a node in `manage`'s heap (once), or, during a pass, keeps it for the next pass. */
  private queueManage(entry: DaemonNode): void {
    if (this.manageDeferred !== null) {
      this.manageDeferred.push(entry);
      return;
    }
    if (this.inManageHeap.has(entry)) return;
    this.inManageHeap.add(entry);
    this.manageHeap.push(entry.node.order);
  }

  /** A scenario event changed the pod template: a new revision. */
  changeTemplate(): void {
    this.revision++;
    this.hash = this.newHash();
    this.revisions.push({ revision: this.revision, hash: this.hash, created: this.world.now, deleted: null });
    this.rolledOut = false;
    for (const entry of this.byNode.values()) if (entry.pods.length > 0) this.markDirty(entry);
    this.requestSync();
  }

  // ---- Pods ----------------------------------------------------------------------------------

  planRun(): RunPlan | null {
    return null;
  }

  onPodChange(pod: Pod, change: PodChange): void {
    const entry = this.podNodes.get(pod);
    if (!entry) return;
    if (change === 'removed') {
      this.podNodes.delete(pod);
      const at = entry.pods.indexOf(pod);
      if (at !== -1) entry.pods.splice(at, 1);
      const hash = pod.hash ?? '';
      this.hashUse.set(hash, (this.hashUse.get(hash) ?? 1) - 1);
    }
    if (change === 'started' && this.spec.minReadyMs > 0) {
      // Ready now, Available after minReadySeconds: look again then. The controller reads
      // availability from the Ready condition's transition time, so a pod whose node has gone
      // (its kubelet no longer reports) still becomes available; only its removal ends that.
      this.world.at(this.world.now + this.spec.minReadyMs, Priority.kubelet, () => {
        if (pod.removedAt === null) {
          this.markDirty(entry);
          this.requestSync();
        }
      });
    }
    this.markDirty(entry);
    this.requestSync();
  }

  private isAvailable(pod: Pod): boolean {
    if (!pod.ready || pod.deletedAt !== null) return false;
    return (
      this.spec.minReadyMs === 0 || (pod.readySince ?? Infinity) + this.spec.minReadyMs <= this.world.now
    );
  }

  private createPod(entry: DaemonNode): void {
    this.podOrdinal++;
    const pod = this.world.createPod(
      this,
      `${this.spec.name}-`,
      {
        ordinal: this.podOrdinal,
        index: null,
        attempt: 1,
        jobOrdinal: 1,
        revision: this.revision,
        hash: this.hash,
        targetNode: entry.node.name,
      },
      null,
    );
    if (pod === null) {
      this.podOrdinal--;
      return;
    }
    entry.pods.push(pod);
    this.podNodes.set(pod, entry);
    this.hashUse.set(this.hash, (this.hashUse.get(this.hash) ?? 0) + 1);
    this.markDirty(entry);
    this.event('Normal', 'SuccessfulCreate', createdPod, pod);
  }

  private deletePod(pod: Pod): void {
    if (this.world.deletePod(pod)) this.event('Normal', 'SuccessfulDelete', deletedPod, pod);
  }

  /** The object this controller's events are about, built on its first event. */
  private involved: TimelineEvent['object'] | undefined;

  /** Records an event about this DaemonSet (see `Recorder.recordEvent`). */
  private event<S>(
    type: 'Normal' | 'Warning',
    reason: string,
    message: string | ((subject: S) => string),
    subject?: S,
  ): void {
    this.involved ??= { kind: 'DaemonSet', name: this.spec.name };
    this.world.recorder.recordEvent(type, reason, this.involved, 'daemonset-controller', message, subject);
  }

  // ---- Sync ----------------------------------------------------------------------------------

  /**
   * `syncDaemonSet` → `updateDaemonSet` (daemon_controller.go): `manage` creates and deletes pods
   * node by node; once its creations and deletions were observed (the expectations), the update
   * strategy runs (`rollingUpdate`); then `cleanupHistory` and `updateDaemonSetStatus`.
   */
  private syncDaemonSet(): void {
    this.refreshCounts();
    const changed = this.manage();
    this.refreshCounts();
    if (!changed && this.spec.updateStrategy === 'RollingUpdate') {
      // rollingUpdate runs only once the manage loop's creations and deletions were observed.
      this.rollingUpdate();
      this.refreshCounts();
    }
    this.cleanupHistory();
    this.recordStatus();
    this.observedGeneration = this.revision;
  }

  /**
   * `manage` → `podsShouldBeOnNode` for every node that changed; at most 250 creates and deletes.
   * Upstream looks at every node each time; a node that did not change since its last look would
   * decide nothing, so only the changed ones are looked at.
   */
  private manage(): boolean {
    if (this.manageDirty.size === 0 && this.failedPodNodes.size === 0) {
      if (this.manageObserver !== null) this.manageObserver(this.manageView(), { creates: [], deletes: [] });
      return false;
    }
    // The changed nodes, and those whose Failed pods wait for the backoff (looked at again in
    // every pass, as upstream's loop over every node does), in node order: taken from a heap, so
    // that a pass that stops at burstReplicas does not sort every waiting node again. A node
    // queued during the pass is looked at in the next one.
    const creates: DaemonNode[] = [];
    const deletes: Pod[] = [];
    const processed: DaemonNode[] = [];
    const queuedDuringPass: DaemonNode[] = [];
    this.manageDeferred = queuedDuringPass;
    while (creates.length < BURST_REPLICAS && deletes.length < BURST_REPLICAS) {
      const order = this.manageHeap.pop();
      if (order === undefined) break;
      const entry = this.nodesByOrder[order] as DaemonNode;
      this.inManageHeap.delete(entry);
      if (!this.manageDirty.has(entry) && !this.failedPodNodes.has(entry)) continue;
      processed.push(entry);
      this.podsShouldBeOnNode(entry, creates, deletes);
    }
    this.manageDeferred = null;
    for (const entry of processed) this.manageDirty.delete(entry);
    for (const entry of queuedDuringPass) this.queueManage(entry);
    if (this.manageObserver !== null)
      this.manageObserver(this.manageView(), { creates: creates.map((entry) => entry.node.name), deletes });
    for (const entry of creates.slice(0, BURST_REPLICAS)) {
      if (this.world.stop !== null) break;
      this.createPod(entry);
    }
    for (const pod of deletes.slice(0, BURST_REPLICAS)) this.deletePod(pod);
    // More work than one sync may do: the next sync comes when these changes are observed.
    if (this.manageDirty.size > 0) this.requestSyncLater();
    return creates.length > 0 || deletes.length > 0;
  }

  private requestSyncLater(): void {
    this.world.at(this.world.now, Priority.daemonSetController, () => this.requestSync());
  }

  /**
   * `podsShouldBeOnNode` (daemon_controller.go, kubernetes-behaviour §3.3) for one node: create
   * when the node should run a pod and has none; when it should keep running one, delete Failed
   * pods (as fast as the failed-pod backoff allows) and Succeeded ones, and of the others keep the
   * oldest (with surge, the oldest new and oldest old, and create one when none is left); else
   * delete them all.
   */
  private podsShouldBeOnNode(entry: DaemonNode, creates: DaemonNode[], deletes: Pod[]): void {
    const pods = entry.pods;
    this.failedPodNodes.delete(entry);
    if (entry.node.removed !== null) {
      // Pods bound to a deleted node are the pod garbage collector's; unbound ones are ours.
      for (const pod of pods) if (pod.scheduledAt === null && pod.deletedAt === null) deletes.push(pod);
      return;
    }
    if (entry.shouldRun && pods.length === 0) {
      creates.push(entry);
      return;
    }
    if (entry.shouldContinueRunning) {
      const running: Pod[] = [];
      for (const pod of pods) {
        if (pod.deletedAt !== null) continue;
        if (pod.phase === 'Failed') this.failedPod(entry, pod, deletes);
        else if (pod.phase === 'Succeeded') deletes.push(pod);
        else running.push(pod);
      }
      // podByCreationTimestampAndPhase: scheduled pods first, then oldest (the pods are kept in
      // creation order, and the sort is stable).
      if (running.some((pod) => pod.node === null))
        running.sort((a, b) => +(a.node === null) - +(b.node === null));
      if (!this.allowsSurge) {
        // Without surge, only the oldest pod stays.
        for (const pod of running.slice(1)) deletes.push(pod);
        return;
      }
      // With surge the node must keep one pod that is not being deleted.
      if (running.length === 0 && entry.shouldRun) creates.push(entry);
      if (running.length <= 1) return;
      let oldestNew: Pod | null = null;
      let oldestOld: Pod | null = null;
      for (const pod of running) {
        if (pod.hash === this.hash) {
          if (oldestNew === null) {
            oldestNew = pod;
            continue;
          }
        } else if (oldestOld === null) {
          oldestOld = pod;
          continue;
        }
        deletes.push(pod);
      }
      if (oldestNew !== null && oldestOld !== null) {
        if (!oldestOld.ready || this.isAvailable(oldestNew)) deletes.push(oldestOld);
      }
      return;
    }
    for (const pod of pods) if (pod.deletedAt === null) deletes.push(pod);
  }

  /**
   * A Failed daemon pod on a node that should keep running one: deleted (a FailedDaemonPod
   * event), unless the node's failed-pod backoff holds it back; then the node is looked at in
   * every pass until it is deleted, and the DaemonSet is synced again after the backoff's delay
   * (`enqueueDaemonSetAfter`).
   */
  private failedPod(entry: DaemonNode, pod: Pod, deletes: Pod[]): void {
    const key = `${this.observedGeneration}/${entry.node.name}`;
    const now = this.world.now;
    if (this.failedPodsBackoff.isInBackOffSinceUpdate(key, now)) {
      this.failedPodNodes.add(entry);
      this.queueManage(entry);
      this.world.at(now + this.failedPodsBackoff.get(key), Priority.daemonSetController, () =>
        this.requestSync(),
      );
      return;
    }
    this.failedPodsBackoff.next(key, now);
    this.event(
      'Warning',
      'FailedDaemonPod',
      `Found failed daemon pod ${this.spec.namespace}/${pod.name} on node ${entry.node.name}, will try to kill it`,
    );
    deletes.push(pod);
  }

  /** Recomputes the contributions of the nodes that changed. */
  private refreshCounts(): void {
    if (this.countDirty.size === 0) return;
    const maxSurge = this.maxSurge();
    for (const entry of this.countDirty) {
      const before = entry.contribution;
      const after = this.contribution(entry, maxSurge);
      for (const counter of COUNTERS) {
        if (before[counter] !== after[counter]) this.counts[counter] += after[counter] ? 1 : -1;
      }
      entry.contribution = after;
      toggle(this.replaceNow, entry, after.replaceNow);
      toggle(this.surgeAllowedNew, entry, after.surgeAllowedNew);
      toggle(this.surgeDeleteOld, entry, after.surgeDeleteOld);
      if (after.candidate && !entry.inCandidateHeap) {
        entry.inCandidateHeap = true;
        this.candidateHeap.push(entry.node.order);
      }
      if (after.surgeCandidate && !entry.inSurgeHeap) {
        entry.inSurgeHeap = true;
        this.surgeHeap.push(entry.node.order);
      }
      if (after.shouldNotRunOld && !entry.inShouldNotRunHeap) {
        entry.inShouldNotRunHeap = true;
        this.shouldNotRunHeap.push(entry.node.order);
      }
    }
    this.countDirty.clear();
    // A change in the desired count changes a percentage maxSurge, which every node's surge
    // classification depends on; that is rare enough to recompute everything.
    if (this.maxSurge() !== maxSurge) {
      for (const entry of this.byNode.values()) this.countDirty.add(entry);
      this.refreshCounts();
    }
  }

  private contribution(entry: DaemonNode, maxSurge: number): Contribution {
    const exists = entry.node.removed === null;
    const pods = entry.pods;
    if (!exists && pods.length === 0) return EMPTY;
    const desired = exists && entry.shouldRun;
    const scheduled = desired && pods.length > 0;
    const oldest = pods[0];
    const result: Contribution = {
      ...EMPTY,
      desired,
      scheduled,
      ready: scheduled && oldest !== undefined && oldest.ready,
      available: scheduled && oldest !== undefined && this.isAvailable(oldest),
      updated: scheduled && oldest?.hash === this.hash,
      misscheduled: exists && !entry.shouldRun && pods.length > 0,
    };
    if (!desired && pods.length === 0) return result;
    // findUpdatedPodsOnNode ignores pods that are being deleted.
    let newPod: Pod | null = null;
    let oldPod: Pod | null = null;
    let ok = true;
    for (const pod of pods) {
      if (pod.deletedAt !== null) continue;
      if (pod.hash === this.hash) {
        if (newPod !== null) ok = false;
        newPod = pod;
      } else {
        if (oldPod !== null) ok = false;
        oldPod = pod;
      }
    }
    if (this.spec.updateStrategy !== 'RollingUpdate') return result;
    if (maxSurge === 0) {
      if (!ok || (oldPod === null) === (newPod === null)) result.unavailable = true;
      else if (newPod !== null) result.unavailable = !this.isAvailable(newPod);
      else if (oldPod !== null && !this.isAvailable(oldPod)) {
        result.unavailable = true;
        result.replaceNow = true;
      } else result.candidate = true;
      return result;
    }
    if (!ok) {
      result.surging = true;
      return result;
    }
    if (oldPod !== null) result.surgeAvailable = this.isAvailable(oldPod);
    else if (newPod !== null) result.surgeAvailable = this.isAvailable(newPod);
    const shouldRun = exists && entry.shouldRun;
    if (oldPod === null) return result;
    if (newPod === null) {
      if (!this.isAvailable(oldPod)) {
        if (!shouldRun) result.surgeDeleteOld = true;
        else result.surgeAllowedNew = true;
      } else if (!shouldRun) result.shouldNotRunOld = true;
      else result.surgeCandidate = true;
      return result;
    }
    if (!this.isAvailable(newPod)) result.surging = true;
    else result.surgeDeleteOld = true;
    return result;
  }

  /**
   * `updatedDesiredNodeCounts` (update.go): maxSurge and maxUnavailable scaled against the
   * desired number of nodes (percentages rounded up), and unavailable 1 when both come out 0.
   */
  private updatedDesiredNodeCounts(): {
    maxSurge: number;
    maxUnavailable: number;
    desiredNumberScheduled: number;
  } {
    const desired = this.counts.desired;
    let maxUnavailable = scaleIntOrPercent(this.spec.maxUnavailable, desired);
    const maxSurge = this.maxSurge();
    if (desired > 0 && maxUnavailable === 0 && maxSurge === 0) maxUnavailable = 1;
    return { maxSurge, maxUnavailable, desiredNumberScheduled: desired };
  }

  /**
   * `rollingUpdate` (update.go). Upstream loops over every node's daemon pods
   * (`findUpdatedPodsOnNode`) to count and to collect its lists; here each node's share of those
   * counts and lists (`Contribution`) is kept current as the node and its pods change, and the
   * lists are kept as sets and heaps in node order, so that one sync costs what changed. The
   * steps are upstream's: the counts, then the two strategies, then `syncNodes`.
   */
  private rollingUpdate(): void {
    const { maxSurge, maxUnavailable, desiredNumberScheduled } = this.updatedDesiredNodeCounts();
    const decision =
      maxSurge === 0
        ? this.replaceWithinMaxUnavailable(maxUnavailable)
        : this.surgeWithinMaxSurge(maxSurge, desiredNumberScheduled);
    if (this.observer !== null) this.observer(this.rolloutView(), decision);
    this.syncNodes(decision);
  }

  /**
   * `rollingUpdate` without surge: every old pod that is not available is replaced
   * (`allowedReplacementPods`), and of the old available ones (`candidatePodsToDelete`) as many
   * as `maxUnavailable - numUnavailable` are deleted, lowest node order first.
   */
  private replaceWithinMaxUnavailable(maxUnavailable: number): RolloutDecision {
    const numUnavailable = this.counts.unavailable;
    const oldPodsToDelete: Pod[] = [];
    for (const entry of this.replaceNow) this.pushOldPod(entry, oldPodsToDelete);
    const remainingUnavailable = Math.min(
      Math.max(0, maxUnavailable - numUnavailable),
      this.counts.candidate,
    );
    const left = this.takeFromHeap(
      this.candidateHeap,
      'inCandidateHeap',
      (entry) => entry.contribution.candidate,
      remainingUnavailable,
      oldPodsToDelete,
    );
    return {
      maxSurge: 0,
      maxUnavailable,
      oldPodsToDelete,
      newNodesToCreate: [],
      capped: left > 0 && oldPodsToDelete.length >= BURST_REPLICAS,
    };
  }

  /**
   * `rollingUpdate` with surge: an old pod whose new pod is available, or an unavailable old pod
   * on a node that should no longer run one, is deleted (`oldPodsToDelete`); old pods on such nodes
   * that are available go only while more pods are available than desired
   * (`shouldNotRunPodsToDelete`); a node with an unavailable old pod gets its new pod at once
   * (`allowedNewNodes`), and of the nodes with an available old pod (`candidateNewNodes`) as many
   * as `maxSurge - numSurge` get theirs, lowest node order first.
   */
  private surgeWithinMaxSurge(maxSurge: number, desiredNumberScheduled: number): RolloutDecision {
    const oldPodsToDelete: Pod[] = [];
    for (const entry of this.surgeDeleteOld) this.pushOldPod(entry, oldPodsToDelete);
    const deletablePods = Math.max(0, this.counts.surgeAvailable - desiredNumberScheduled);
    const left = this.takeFromHeap(
      this.shouldNotRunHeap,
      'inShouldNotRunHeap',
      (entry) => entry.contribution.shouldNotRunOld,
      deletablePods,
      oldPodsToDelete,
    );
    const newNodesToCreate: DaemonNode[] = [...this.surgeAllowedNew];
    let remainingSurge = Math.min(Math.max(0, maxSurge - this.counts.surging), this.counts.surgeCandidate);
    while (remainingSurge > 0) {
      const entry = this.popValid(this.surgeHeap, (e) => e.contribution.surgeCandidate, 'inSurgeHeap');
      if (!entry) break;
      newNodesToCreate.push(entry);
      remainingSurge--;
    }
    return {
      maxSurge,
      maxUnavailable: 0,
      oldPodsToDelete,
      newNodesToCreate,
      capped: left > 0 && oldPodsToDelete.length >= BURST_REPLICAS,
    };
  }

  /** The state of this sync, as `RolloutView` describes it. */
  private rolloutView(): RolloutView {
    return {
      now: this.world.now,
      hash: this.hash,
      minReadyMs: this.spec.minReadyMs,
      maxSurge: this.spec.maxSurge,
      maxUnavailable: this.spec.maxUnavailable,
      nodes: this.world.nodeOrder.map((node) => {
        const entry = this.byNode.get(node);
        return { node, shouldRun: entry?.shouldRun ?? false, pods: entry ? [...entry.pods] : [] };
      }),
    };
  }

  /** The state of this sync's manage pass, as `ManageView` describes it. */
  private manageView(): ManageView {
    const template = this.template;
    return {
      now: this.world.now,
      hash: this.hash,
      observedGeneration: this.observedGeneration,
      updateStrategy: this.spec.updateStrategy,
      maxSurge: this.spec.maxSurge,
      minReadyMs: this.spec.minReadyMs,
      template: {
        nodeName: template.nodeName,
        nodeSelector: template.nodeSelector,
        requiredNodeAffinity: template.requiredNodeAffinity,
        tolerations: template.tolerations,
        hostNetwork: template.hostNetwork,
      },
      nodes: this.world.nodeOrder.map((node) => ({
        name: node.name,
        order: node.order,
        removed: node.removed !== null,
        labels: Object.fromEntries(node.labels),
        taints: [...node.taints],
        unschedulable: node.unschedulable,
        pods: (this.byNode.get(node)?.pods ?? []).map((pod) => ({
          id: pod.id,
          name: pod.name,
          created: pod.created,
          scheduled: pod.node !== null,
          phase: pod.phase,
          deleting: pod.deletedAt !== null,
          ready: pod.ready,
          readySince: pod.readySince,
          hash: pod.hash,
        })),
      })),
    };
  }

  /** Adds the node's old pod that is not being deleted, if any, to `pods`. */
  private pushOldPod(entry: DaemonNode, pods: Pod[]): void {
    const pod = entry.pods.find((p) => p.deletedAt === null && p.hash !== this.hash);
    if (pod) pods.push(pod);
  }

  /**
   * Takes up to `count` nodes from `heap`, lowest order first, and adds their old pods to `pods`.
   * A node taken from the heap must be acted on now: what one sync may not delete
   * (burstReplicas) stays in the heap for the next sync. Returns how many were not taken.
   */
  private takeFromHeap(
    heap: NumberHeap,
    flag: 'inCandidateHeap' | 'inShouldNotRunHeap',
    valid: (entry: DaemonNode) => boolean,
    count: number,
    pods: Pod[],
  ): number {
    let left = count;
    while (left > 0 && pods.length < BURST_REPLICAS) {
      const entry = this.popValid(heap, valid, flag);
      if (!entry) break;
      this.pushOldPod(entry, pods);
      left--;
    }
    return left;
  }

  /**
   * `syncNodes` (daemon_controller.go): at most burstReplicas creates and as many deletes; what
   * one sync may not do waits for the next.
   */
  private syncNodes(decision: RolloutDecision): void {
    const creates = decision.newNodesToCreate;
    const deletes = decision.oldPodsToDelete;
    for (const entry of creates.slice(0, BURST_REPLICAS)) this.createPod(entry);
    for (const pod of deletes.slice(0, BURST_REPLICAS)) this.deletePod(pod);
    for (const entry of creates.slice(BURST_REPLICAS)) this.markDirty(entry);
    if (decision.capped || creates.length > BURST_REPLICAS || deletes.length > BURST_REPLICAS)
      this.requestSyncLater();
  }

  /** Pops the lowest-ordered node that still satisfies `valid` (stale heap entries are dropped). */
  private popValid(
    heap: NumberHeap,
    valid: (entry: DaemonNode) => boolean,
    flag: 'inCandidateHeap' | 'inSurgeHeap' | 'inShouldNotRunHeap',
  ): DaemonNode | undefined {
    for (;;) {
      const order = heap.pop();
      if (order === undefined) return undefined;
      const entry = this.nodesByOrder[order];
      if (!entry) continue;
      entry[flag] = false;
      if (valid(entry)) return entry;
    }
  }

  /** Deletes revisions beyond revisionHistoryLimit, oldest first, unless a live pod uses them. */
  private cleanupHistory(): void {
    const old = this.revisions.filter((r) => r.deleted === null && r.hash !== this.hash);
    let excess = old.length - this.spec.revisionHistoryLimit;
    for (const revision of old) {
      if (excess <= 0) break;
      if ((this.hashUse.get(revision.hash) ?? 0) > 0) continue;
      revision.deleted = this.world.now;
      excess--;
    }
  }

  private recordStatus(): void {
    const c = this.counts;
    const done =
      c.desired > 0 && c.updated === c.desired && c.available === c.desired && c.misscheduled === 0;
    if (done && !this.rolledOut) {
      this.rolledOut = true;
      this.rolloutCompleteAt = this.world.now;
    } else if (!done) this.rolledOut = false;
    if (this.samples.changed(c.desired, c.scheduled, c.ready, c.available, c.updated, c.misscheduled)) {
      this.samples.add({ time: toSeconds(this.world.now), ...this.statusNow() });
    }
  }

  /** The status fields as they are now. */
  statusNow(): Omit<DaemonSetStatusSample, 'time'> {
    const c = this.counts;
    return {
      desiredNumberScheduled: c.desired,
      currentNumberScheduled: c.scheduled,
      numberReady: c.ready,
      numberAvailable: c.available,
      updatedNumberScheduled: c.updated,
      numberMisscheduled: c.misscheduled,
      numberUnavailable: c.desired - c.available,
    };
  }

  /** Whether the newest revision is everywhere and available. */
  get rolloutDone(): boolean {
    return this.rolledOut;
  }

  /** The current revision number. */
  get currentRevision(): number {
    return this.revision;
  }

  /** The controller's verdict for a node, as the timeline's node list shows it. */
  nodeVerdict(node: NodeState): TimelineNode['daemonSet'] {
    const verdict = this.verdict(node);
    return {
      shouldRun: verdict.shouldRun,
      shouldContinueRunning: verdict.shouldContinueRunning,
      blockedBy: verdict.blockedBy,
    };
  }

  /** The revisions as the timeline lists them. */
  timelineRevisions(): TimelineRevision[] {
    return this.revisions.map((r) => ({
      revision: r.revision,
      hash: r.hash,
      created: toSeconds(r.created),
      deleted: r.deleted === null ? null : toSeconds(r.deleted),
    }));
  }
}

/**
 * The DaemonSet controller's failed-pod backoff, `flowcontrol.NewBackOff(1*time.Second,
 * 15*time.Minute)` (cmd/kube-controller-manager/app/apps.go `startDaemonSetController`;
 * k8s.io/client-go/util/flowcontrol/backoff.go, no jitter): each delete of a Failed pod doubles the
 * key's delay from 1 s up to 15 min; an entry not updated for twice the maximum starts over.
 */
class FailedPodsBackoff {
  private static readonly INITIAL_MS = 1000;
  private static readonly MAX_MS = 900_000;
  private readonly entries = new Map<string, { backoff: number; lastUpdate: number }>();

  private live(key: string, now: number): { backoff: number; lastUpdate: number } | undefined {
    const entry = this.entries.get(key);
    // hasExpired
    return entry !== undefined && now - entry.lastUpdate <= 2 * FailedPodsBackoff.MAX_MS ? entry : undefined;
  }

  /** `IsInBackOffSinceUpdate`. */
  isInBackOffSinceUpdate(key: string, now: number): boolean {
    const entry = this.live(key, now);
    return entry !== undefined && now - entry.lastUpdate < entry.backoff;
  }

  /** `Get`: the key's current delay. */
  get(key: string): number {
    return this.entries.get(key)?.backoff ?? 0;
  }

  /** `Next`. */
  next(key: string, now: number): void {
    const entry = this.live(key, now);
    const backoff =
      entry === undefined
        ? FailedPodsBackoff.INITIAL_MS
        : Math.min(2 * entry.backoff, FailedPodsBackoff.MAX_MS);
    this.entries.set(key, { backoff, lastUpdate: now });
  }
}

function toggle<T>(set: Set<T>, item: T, on: boolean): void {
  if (on) set.add(item);
  else set.delete(item);
}
