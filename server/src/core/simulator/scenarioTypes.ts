/**
 * The validated form of a simulation scenario: what a manifest cannot say (timings, exit codes,
 * the cluster, timed events), with every default filled in. `parseScenario` produces it from the
 * YAML format documented in docs/scenarios.md.
 */

/** How long something takes: fixed or drawn from a distribution, in virtual milliseconds. */
export type Distribution =
  | { readonly kind: 'fixed'; readonly ms: number }
  | { readonly kind: 'uniform'; readonly minMs: number; readonly maxMs: number }
  | {
      readonly kind: 'normal';
      readonly meanMs: number;
      readonly stddevMs: number;
      readonly minMs: number;
      readonly maxMs: number;
    }
  | { readonly kind: 'exponential'; readonly meanMs: number; readonly minMs: number; readonly maxMs: number };

/** A set of whole numbers written as values and inclusive ranges. */
export type IntegerSet = readonly (readonly [number, number])[];

/** A rule that decides how one container run ends; the first matching rule wins. */
export interface OutcomeRule {
  readonly exitCode: number;
  /** The container that exits; null means the first regular container. */
  readonly container: string | null;
  /** The chance that the rule applies when its filters match (1 = always). */
  readonly probability: number;
  /** The n-th pod the Job created (1-based). */
  readonly pods: IntegerSet | null;
  /** The completion index (Indexed Jobs). */
  readonly indexes: IntegerSet | null;
  /** The n-th pod for the same completion index (Indexed) or of the Job (NonIndexed), 1-based. */
  readonly attempts: IntegerSet | null;
  /** The container run inside one pod: 0 for the first run, 1 after the first restart... */
  readonly restarts: IntegerSet | null;
  /** The n-th Job of a CronJob (1-based). */
  readonly jobs: IntegerSet | null;
  /** How long this run takes, replacing `pods.runTime`. */
  readonly runTime: Distribution | null;
  /** Pod conditions (type=True) an external controller adds when this run fails. */
  readonly conditions: readonly string[];
}

/** A node taint. */
export interface TaintSpec {
  readonly key: string;
  readonly value: string;
  readonly effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
}

/** A node of the simulated cluster. */
export interface NodeSpec {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly taints: readonly TaintSpec[];
  readonly unschedulable: boolean;
}

/** Which live pods a pod event applies to; every given field must match. */
export interface PodSelector {
  readonly pod: number | null;
  readonly podName: string | null;
  readonly index: number | null;
  readonly node: string | null;
  readonly job: number | null;
}

/** The reasons a DisruptionTarget condition can carry. */
export type DisruptionReason =
  | 'EvictionByEvictionAPI'
  | 'PreemptionByScheduler'
  | 'DeletionByTaintManager'
  | 'DeletionByPodGC'
  | 'TerminationByKubelet';

/** A timed change to the cluster or the workload. */
export type ScenarioEventSpec = { readonly atMs: number; readonly line: number } & (
  | { readonly type: 'addNode'; readonly node: NodeSpec }
  | { readonly type: 'removeNode'; readonly node: string }
  | { readonly type: 'drainNode'; readonly node: string }
  | { readonly type: 'cordonNode'; readonly node: string }
  | { readonly type: 'uncordonNode'; readonly node: string }
  | { readonly type: 'taintNode'; readonly node: string; readonly taint: TaintSpec }
  | {
      readonly type: 'untaintNode';
      readonly node: string;
      readonly key: string;
      readonly effect: TaintSpec['effect'] | null;
    }
  | {
      readonly type: 'labelNode';
      readonly node: string;
      readonly labels: Readonly<Record<string, string | null>>;
    }
  | { readonly type: 'disruptPod'; readonly selector: PodSelector; readonly reason: DisruptionReason }
  | { readonly type: 'deletePod'; readonly selector: PodSelector }
  | { readonly type: 'changeTemplate' }
  | { readonly type: 'suspend' }
  | { readonly type: 'resume' }
);

/** When a run stops even though something is still pending. */
export interface Horizon {
  /** Stop at start + this many milliseconds. */
  readonly durationMs: number | null;
  /** CronJobs: stop once this many Jobs were created and have finished (or the next run came). */
  readonly jobs: number | null;
}

/** Bounds that end a run early (`truncated`) or thin out what the timeline keeps. */
export interface SimulationLimits {
  readonly maxEvents: number;
  readonly maxDurationMs: number;
  readonly maxPods: number;
  readonly timelinePods: number;
  readonly timelineEvents: number;
  readonly timelineJobs: number;
  readonly statusSamples: number;
}

/** A complete, validated scenario. */
export interface Scenario {
  readonly seed: number;
  /** The virtual clock's zero, as epoch milliseconds. */
  readonly startMs: number;
  /** The kube-controller-manager's local zone, used by CronJobs without spec.timeZone. */
  readonly controllerTimeZone: string;
  readonly horizon: Horizon;
  readonly limits: SimulationLimits;
  readonly pods: {
    readonly startLatency: Distribution;
    readonly runTime: Distribution;
    /** How long a deleted pod takes to stop, at most its terminationGracePeriodSeconds. */
    readonly terminationTime: Distribution;
    readonly outcomes: readonly OutcomeRule[];
  };
  readonly controller: {
    /** The cap of the Job controller's pod-failure backoff (10 min in current code). */
    readonly jobBackoffCapMs: number;
    /** How long after a node is deleted the pod garbage collector removes its pods. */
    readonly podGcDelayMs: number;
  };
  readonly nodes: readonly NodeSpec[];
  readonly events: readonly ScenarioEventSpec[];
}
