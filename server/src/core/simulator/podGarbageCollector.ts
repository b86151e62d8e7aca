/**
 * The pod garbage collector's orphan pass (`gcOrphaned`, pkg/controller/podgc/gc_controller.go): once a node is deleted, its kubelet is gone and
 * nothing on it progresses; after `controller.podGcDelay` the collector force-deletes the pods
 * still bound to it, adding DisruptionTarget (DeletionByPodGC) to those that had not finished.
 */

import type { Clock } from './clock';
import type { NodeState } from './cluster';
import { Priority } from './eventQueue';
import { DISRUPTION_MESSAGES, setPodCondition } from './pod';
import type { Pod } from './pod';

/** What the pod garbage collector needs from the API server. */
export interface PodGarbageCollectorHost {
  /** The pods bound to `node` that have not been removed from the API. */
  podsOn(node: NodeState): Iterable<Pod>;
  /** Removes a finished pod from the API. */
  removePod(pod: Pod): void;
  /** Deletes an unfinished pod with no grace period: its containers are killed, it ends Failed. */
  forceDelete(pod: Pod): void;
}

/** Force-deletes the pods of deleted nodes. */
export class PodGarbageCollector {
  constructor(
    private readonly clock: Clock,
    private readonly host: PodGarbageCollectorHost,
    private readonly delayMs: number,
  ) {}

  /** `node` was deleted: its pods are collected after the delay. */
  nodeDeleted(node: NodeState): void {
    this.clock.at(this.clock.now + this.delayMs, Priority.collector, () => this.gcOrphaned(node));
  }

  /** `gcOrphaned`: deletes the pods bound to a node that no longer exists. */
  private gcOrphaned(node: NodeState): void {
    for (const pod of [...this.host.podsOn(node)]) {
      if (pod.removedAt !== null) continue;
      if (pod.isTerminal) {
        this.host.removePod(pod);
        continue;
      }
      if (pod.deletedAt === null) {
        setPodCondition(
          pod,
          'DisruptionTarget',
          'True',
          'DeletionByPodGC',
          DISRUPTION_MESSAGES.DeletionByPodGC,
          this.clock.now,
        );
      }
      pod.reason ??= 'DeletionByPodGC';
      this.host.forceDelete(pod);
    }
  }
}
