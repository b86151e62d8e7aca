/**
 * The default scheduler, reduced to what a timeline shows: a pod binds to a feasible node (node
 * selection, affinity, NoSchedule and NoExecute taints), spread by taking the least-loaded one;
 * a pod that fits nowhere waits, and is retried whenever a node changes.
 */

import { placementBlocks, untoleratedTaints } from './cluster';
import type { NodeState } from './cluster';
import type { Pod, PodOwner } from './pod';
import type { PodTemplateModel } from '../workload/workloadModel';

/** The scheduler's queue of pods that fit nowhere yet, and its cache of feasible nodes. */
export class Scheduler {
  private readonly unscheduled = new Set<Pod>();
  private clusterVersion = 0;
  private readonly feasibleCache = new WeakMap<PodTemplateModel, { version: number; nodes: NodeState[] }>();

  constructor(
    private readonly nodes: ReadonlyMap<string, NodeState>,
    private readonly nodeOrder: readonly NodeState[],
    /** Binds the pod to the node (the API server's binding, then the node's kubelet). */
    private readonly bind: (pod: Pod, node: NodeState) => void,
  ) {}

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

  /** A new pod: bound at once when a node fits, queued otherwise. */
  schedule(pod: Pod): void {
    if (!this.trySchedule(pod)) this.unscheduled.add(pod);
  }

  /** The pod was deleted or removed: it leaves the queue. */
  forget(pod: Pod): void {
    this.unscheduled.delete(pod);
  }

  /** A node changed: the feasible nodes are worked out afresh. */
  invalidate(): void {
    this.clusterVersion++;
  }

  /** Tries every unscheduled pod again, after a node change that may have made room. */
  retryUnscheduled(): void {
    for (const pod of [...this.unscheduled]) {
      if (pod.deletedAt !== null) this.unscheduled.delete(pod);
      else if (this.trySchedule(pod)) this.unscheduled.delete(pod);
    }
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

  /** Feasibility and spreading: the least-loaded feasible node, the first of equals. */
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
    this.bind(pod, best);
    return true;
  }
}
