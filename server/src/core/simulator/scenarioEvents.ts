/**
 * The scenario's timed events, declared once: each type's name, the workload kinds it applies to,
 * its fields (how each is written, whether it is required, its range) and what it does. From this
 * table come the parser's per-type checks (parseScenario.ts), the kind filter (simulate.ts), the
 * simulation panel's event choices (client/webview/scenarioYaml.ts) and the `events` part of
 * schemas/podline-scenario.schema.json (scenarioSchema.ts, written by
 * `npm run schemas:scenario`). Data only: the webview bundles it too.
 */

import type { ScenarioEventSpec } from './scenarioTypes';

/** The workload kinds the simulator runs. */
export type SimulatedKind = 'Job' | 'CronJob' | 'DaemonSet';

/** The largest count a scenario accepts for a pod or Job number. */
export const MAX_SCENARIO_COUNT = 1_000_000_000;

/**
 * The most nodes a scenario may declare in all. Kubernetes is tested up to 5,000 nodes per
 * cluster (its scalability thresholds); 100,000 leaves room for what-ifs far beyond that and
 * keeps a run within seconds and a few hundred megabytes (docs/scenarios.md, "Nodes").
 */
export const MAX_SCENARIO_NODES = 100_000;

/**
 * The largest limits a scenario may set. A scenario beside a manifest is read by the language
 * server on its own, so it may not raise the work of a run without bound: these keep a run in
 * a few seconds and a few hundred megabytes (docs/scenarios.md, "Limits").
 */
export const LIMIT_CAPS = {
  maxEvents: 10_000_000,
  maxPods: 1_000_000,
  timelinePods: 10_000,
  timelineEvents: 50_000,
  timelineJobs: 10_000,
  statusSamples: 50_000,
} as const;

/** The effects a node taint can have. */
export const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'] as const;

/** The reasons a DisruptionTarget condition can carry. */
export const DISRUPTION_REASONS = [
  'EvictionByEvictionAPI',
  'PreemptionByScheduler',
  'DeletionByTaintManager',
  'DeletionByPodGC',
  'TerminationByKubelet',
] as const;

/** How an event field is written and checked. */
export type ScenarioFieldType =
  /** The name of a node the cluster has when the event applies. */
  | { readonly kind: 'existingNode' }
  /** A node that joins: a name (a plain worker) or a full node, named like no other. */
  | { readonly kind: 'newNode' }
  | { readonly kind: 'string' }
  | { readonly kind: 'integer'; readonly min: number; readonly max: number }
  /** One of `values`; `default` when the field is left out. */
  | { readonly kind: 'enum'; readonly values: readonly string[]; readonly default?: string }
  /** `{key, value?, effect}`. */
  | { readonly kind: 'taint' }
  /** Label values by key; `null` removes the label. */
  | { readonly kind: 'labels' };

/** One field of an event type. */
export interface ScenarioEventField {
  readonly name: string;
  readonly type: ScenarioFieldType;
  readonly required: boolean;
  readonly description: string;
}

/** What the simulation panel's form asks for an event: a pod, a node, or nothing. */
export type FormTarget = 'pod' | 'node' | 'none';

/** One event type. */
export interface ScenarioEventDefinition {
  readonly type: string;
  /** The workload kinds it applies to; for another kind the scenario is refused. */
  readonly kinds: readonly SimulatedKind[];
  /** Its fields besides `at` and `type`, in the order they are checked. */
  readonly fields: readonly ScenarioEventField[];
  /** Fields of which at least one must be given (a pod selector); checked after the last of them. */
  readonly oneOf?: readonly string[];
  /** Offered by the simulation panel's form, with this target; absent when only files can say it. */
  readonly form?: FormTarget;
  readonly description: string;
}

const ALL_KINDS = ['Job', 'CronJob', 'DaemonSet'] as const;

const nodeField = {
  name: 'node',
  type: { kind: 'existingNode' },
  required: true,
  description: "The node's name.",
} as const;

/** The pod selector of disruptPod and deletePod: every field given must match. */
const selectorFields = [
  {
    name: 'pod',
    type: { kind: 'integer', min: 1, max: MAX_SCENARIO_COUNT },
    required: false,
    description: 'The n-th pod created in the run (1-based).',
  },
  { name: 'podName', type: { kind: 'string' }, required: false, description: "The pod's name." },
  {
    name: 'index',
    type: { kind: 'integer', min: 0, max: MAX_SCENARIO_COUNT },
    required: false,
    description: 'The pod with this completion index.',
  },
  { name: 'node', type: { kind: 'string' }, required: false, description: 'Pods on this node.' },
  {
    name: 'job',
    type: { kind: 'integer', min: 1, max: MAX_SCENARIO_COUNT },
    required: false,
    description: 'Pods of the n-th Job of a CronJob.',
  },
] as const;

const selectorNames = selectorFields.map((field) => field.name);

/** Every event type, in the order the parser lists them. */
export const scenarioEventTable = [
  {
    type: 'addNode',
    kinds: ALL_KINDS,
    fields: [
      {
        name: 'node',
        type: { kind: 'newNode' },
        required: true,
        description: 'A name (a plain worker) or a full node.',
      },
    ],
    description: 'A node joins the cluster.',
  },
  {
    type: 'removeNode',
    kinds: ALL_KINDS,
    fields: [nodeField],
    form: 'node',
    description:
      'The Node object is deleted; its kubelet stops; the pod garbage collector force-deletes its pods after controller.podGcDelay, with DisruptionTarget (DeletionByPodGC).',
  },
  {
    type: 'drainNode',
    kinds: ALL_KINDS,
    fields: [nodeField],
    form: 'node',
    description:
      'kubectl drain --ignore-daemonsets: cordons the node, then evicts every non-DaemonSet pod with DisruptionTarget (EvictionByEvictionAPI).',
  },
  {
    type: 'cordonNode',
    kinds: ALL_KINDS,
    fields: [nodeField],
    form: 'node',
    description: 'Sets unschedulable and the node.kubernetes.io/unschedulable:NoSchedule taint.',
  },
  {
    type: 'uncordonNode',
    kinds: ALL_KINDS,
    fields: [nodeField],
    description: 'Clears unschedulable and the node.kubernetes.io/unschedulable:NoSchedule taint.',
  },
  {
    type: 'taintNode',
    kinds: ALL_KINDS,
    fields: [
      nodeField,
      { name: 'taint', type: { kind: 'taint' }, required: true, description: 'The taint to add.' },
    ],
    description:
      'Adds a taint; with NoExecute the taint manager evicts pods that do not tolerate it (DeletionByTaintManager; tolerationSeconds delays it).',
  },
  {
    type: 'untaintNode',
    kinds: ALL_KINDS,
    fields: [
      nodeField,
      { name: 'key', type: { kind: 'string' }, required: true, description: 'The taint key.' },
      {
        name: 'effect',
        type: { kind: 'enum', values: TAINT_EFFECTS },
        required: false,
        description: 'Only the taint with this effect (default: every effect).',
      },
    ],
    description: 'Removes taints.',
  },
  {
    type: 'labelNode',
    kinds: ALL_KINDS,
    fields: [
      nodeField,
      {
        name: 'labels',
        type: { kind: 'labels' },
        required: true,
        description: 'Label values by key; null removes a label.',
      },
    ],
    description: 'Sets or removes node labels.',
  },
  {
    type: 'disruptPod',
    kinds: ALL_KINDS,
    fields: [
      ...selectorFields,
      {
        name: 'reason',
        type: { kind: 'enum', values: DISRUPTION_REASONS, default: 'EvictionByEvictionAPI' },
        required: false,
        description: 'The DisruptionTarget reason.',
      },
    ],
    oneOf: selectorNames,
    form: 'pod',
    description: 'Adds DisruptionTarget=True with the reason, then deletes the matching pods.',
  },
  {
    type: 'deletePod',
    kinds: ALL_KINDS,
    fields: selectorFields,
    oneOf: selectorNames,
    form: 'pod',
    description: 'Deletes the matching pods (kubectl delete pod), with no condition.',
  },
  {
    type: 'changeTemplate',
    kinds: ['DaemonSet'],
    fields: [],
    description: 'The pod template changes: a new revision to roll out.',
  },
  {
    type: 'suspend',
    kinds: ['Job', 'CronJob'],
    fields: [],
    form: 'none',
    description: 'Sets spec.suspend to true.',
  },
  {
    type: 'resume',
    kinds: ['Job', 'CronJob'],
    fields: [],
    form: 'none',
    description: 'Sets spec.suspend to false.',
  },
] as const satisfies readonly ScenarioEventDefinition[];

/** The name of an event type. */
export type ScenarioEventType = (typeof scenarioEventTable)[number]['type'];

/** True when A and B are the same union. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
// The table and the parsed form (scenarioTypes.ts) name the same event types; the compiler checks it.
const tableMatchesScenarioTypes: Same<ScenarioEventType, ScenarioEventSpec['type']> = true;
void tableMatchesScenarioTypes;

/** Every event type name, in table order. */
export const SCENARIO_EVENT_TYPES: readonly ScenarioEventType[] = scenarioEventTable.map(
  (event) => event.type,
);

const byType = new Map<string, ScenarioEventDefinition>(
  scenarioEventTable.map((event) => [event.type, event]),
);

/** The definition of an event type. */
export function scenarioEventDefinition(type: ScenarioEventType): ScenarioEventDefinition {
  return byType.get(type) as ScenarioEventDefinition;
}

/** Whether an event type applies to a workload kind. */
export function eventAppliesTo(type: ScenarioEventType, kind: SimulatedKind): boolean {
  return (scenarioEventDefinition(type).kinds as readonly string[]).includes(kind);
}

/** Every field name some event type has, in table order: with `at` and `type`, what an event may hold. */
export const SCENARIO_EVENT_FIELDS: readonly string[] = [
  ...new Set(scenarioEventTable.flatMap((event) => event.fields.map((field) => field.name))),
];

/** The event types the simulation panel's form offers. */
export type FormEventType = Extract<
  (typeof scenarioEventTable)[number],
  { readonly form: FormTarget }
>['type'];

const formOrder: readonly FormTarget[] = ['pod', 'node', 'none'];

/**
 * The event types the form offers for a kind (every kind when none is given): pod events first,
 * then node events, then the others, each group in table order.
 */
export function formEventTypes(kind?: SimulatedKind): FormEventType[] {
  return formOrder.flatMap((target) =>
    scenarioEventTable
      .filter((event) => 'form' in event && event.form === target)
      .filter((event) => kind === undefined || (event.kinds as readonly string[]).includes(kind))
      .map((event) => event.type as FormEventType),
  );
}

/** What the form asks for an event type. */
export function formTarget(type: FormEventType): FormTarget {
  return scenarioEventDefinition(type).form ?? 'none';
}
