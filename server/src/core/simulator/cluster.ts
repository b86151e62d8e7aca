/**
 * The simulated cluster: nodes with labels and taints, and the matching rules the scheduler and
 * the DaemonSet controller share (node selectors, required node affinity, taints against
 * tolerations).
 */

import type { NodeSpec, TaintSpec } from './scenarioTypes';
import { tolerates } from '../workload/tolerations';
import type { Toleration } from '../workload/tolerations';
import type { NodeSelectorRequirement, PodTemplateModel } from '../workload/workloadModel';
import type { PlacementBlock } from './timeline';

/** A node while the simulation runs. */
export class NodeState {
  readonly labels: Map<string, string>;
  taints: TaintSpec[];
  unschedulable: boolean;
  removed: number | null = null;
  /** Pods on this node that are not finished, for the scheduler's spreading. */
  load = 0;

  constructor(
    readonly name: string,
    /** Position in the cluster's node order, which stands in for Go's map iteration order. */
    readonly order: number,
    spec: NodeSpec,
    readonly added: number,
  ) {
    this.labels = new Map(Object.entries(spec.labels));
    this.taints = [...spec.taints];
    this.unschedulable = spec.unschedulable;
    if (spec.unschedulable) this.addTaint(UNSCHEDULABLE_TAINT);
  }

  /** Adds a taint, replacing one with the same key and effect. */
  addTaint(taint: TaintSpec): void {
    this.taints = this.taints.filter((t) => !(t.key === taint.key && t.effect === taint.effect));
    this.taints.push(taint);
  }

  /** Removes the taints with `key` (and `effect`, when given); true when one was removed. */
  removeTaint(key: string, effect: string | null): boolean {
    const before = this.taints.length;
    this.taints = this.taints.filter((t) => !(t.key === key && (effect === null || t.effect === effect)));
    return this.taints.length !== before;
  }
}

/** The taint the node lifecycle controller adds to a cordoned node. */
export const UNSCHEDULABLE_TAINT: TaintSpec = {
  key: 'node.kubernetes.io/unschedulable',
  value: '',
  effect: 'NoSchedule',
};

/** Formats a taint as kubectl does: `key=value:Effect`, or `key:Effect` without a value. */
export function formatTaint(taint: TaintSpec): string {
  return `${taint.key}${taint.value === '' ? '' : `=${taint.value}`}:${taint.effect}`;
}

function requirementMatches(requirement: NodeSelectorRequirement, value: string | undefined): boolean {
  switch (requirement.operator) {
    case 'In':
      return value !== undefined && requirement.values.includes(value);
    case 'NotIn':
      return value === undefined || !requirement.values.includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
    case 'Gt':
    case 'Lt': {
      const bound = Number(requirement.values[0]);
      const actual = Number(value);
      if (value === undefined || !Number.isInteger(actual) || !Number.isInteger(bound)) return false;
      return requirement.operator === 'Gt' ? actual > bound : actual < bound;
    }
    default:
      return false;
  }
}

/**
 * Whether the pod's nodeSelector and required node affinity both admit `node`, as
 * `nodeaffinity.GetRequiredNodeAffinity(pod).Match(node)` decides: terms are ORed, the
 * requirements within a term ANDed; a term with no requirements matches nothing.
 */
export function placementBlocks(template: PodTemplateModel, node: NodeState): PlacementBlock[] {
  const blocks: PlacementBlock[] = [];
  if (template.nodeName !== null && template.nodeName !== node.name) {
    blocks.push({ kind: 'nodeName', detail: template.nodeName });
  }
  for (const [key, value] of Object.entries(template.nodeSelector)) {
    if (node.labels.get(key) !== value) blocks.push({ kind: 'nodeSelector', detail: `${key}=${value}` });
  }
  const terms = template.requiredNodeAffinity;
  if (terms !== null) {
    const matches = terms.some(
      (term) =>
        (term.matchExpressions.length > 0 || term.matchFields.length > 0) &&
        term.matchExpressions.every((r) => requirementMatches(r, node.labels.get(r.key))) &&
        term.matchFields.every((r) =>
          requirementMatches(r, r.key === 'metadata.name' ? node.name : undefined),
        ),
    );
    if (!matches)
      blocks.push({ kind: 'nodeAffinity', detail: 'requiredDuringSchedulingIgnoredDuringExecution' });
  }
  return blocks;
}

/** The taints of `node` with these effects that none of `tolerations` tolerates. */
export function untoleratedTaints(
  node: NodeState,
  tolerations: readonly Toleration[],
  effects: readonly string[],
): TaintSpec[] {
  return node.taints.filter(
    (taint) =>
      effects.includes(taint.effect) && !tolerations.some((toleration) => tolerates(toleration, taint)),
  );
}
