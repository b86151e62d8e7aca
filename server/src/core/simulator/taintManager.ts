/**
 * The taint manager (the node lifecycle controller's NoExecute part, kubernetes-behaviour §3.3): when a NoExecute
 * taint lands on a node, a pod that does not tolerate it is deleted at once, and one whose
 * matching tolerations all carry tolerationSeconds is deleted after the shortest of them, if the
 * taint is still there.
 */

import type { Clock } from './clock';
import type { NodeState } from './cluster';
import { Priority } from './eventQueue';
import type { Pod } from './pod';
import type { DisruptionReason, TaintSpec } from './scenarioTypes';
import { tolerates } from '../workload/tolerations';

/** What the taint manager needs from the API server. */
export interface TaintManagerHost {
  /** The pods bound to `node` that have not been removed from the API. */
  podsOn(node: NodeState): Iterable<Pod>;
  deletePod(pod: Pod, disruption: DisruptionReason): boolean;
}

/** Evicts pods from nodes with NoExecute taints they do not tolerate. */
export class TaintManager {
  constructor(
    private readonly clock: Clock,
    private readonly host: TaintManagerHost,
  ) {}

  /** A NoExecute taint was added to `node`. */
  noExecuteTaintAdded(node: NodeState, taint: TaintSpec): void {
    for (const pod of [...this.host.podsOn(node)]) {
      if (pod.isTerminal || pod.deletedAt !== null) continue;
      const matching = pod.owner.tolerations.filter((toleration) => tolerates(toleration, taint));
      if (matching.length === 0) {
        this.host.deletePod(pod, 'DeletionByTaintManager');
        continue;
      }
      // A toleration with tolerationSeconds only delays the eviction.
      if (matching.every((toleration) => toleration.tolerationSeconds !== null)) {
        const seconds = Math.min(...matching.map((toleration) => toleration.tolerationSeconds ?? 0));
        this.clock.at(this.clock.now + Math.max(0, seconds) * 1000, Priority.collector, () => {
          const still = node.taints.some(
            (t) => t.key === taint.key && t.effect === taint.effect && t.value === taint.value,
          );
          if (still) this.host.deletePod(pod, 'DeletionByTaintManager');
        });
      }
    }
  }
}
