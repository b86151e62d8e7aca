/**
 * The simulator's output: a JSON-serialisable timeline of one run. Times are seconds after the
 * scenario's start (exact to the millisecond); absolute instants are RFC 3339 strings in UTC. The
 * format is documented field by field in docs/scenarios.md; `formatVersion` changes when it does.
 */

/** The version of the timeline format described in docs/scenarios.md. */
export const TIMELINE_FORMAT_VERSION = 1;

/** A pod phase as the API reports it. */
export type PodPhase = 'Pending' | 'Running' | 'Succeeded' | 'Failed';

/** One interval of a pod's life in one phase; `to` is null while it lasts at the end of the run. */
export interface PhaseInterval {
  readonly phase: PodPhase;
  readonly from: number;
  readonly to: number | null;
}

/** One run of the pod's container (a restart under OnFailure starts a new attempt). */
export interface ContainerAttempt {
  /** The restart count when this run started: 0 for the first run. */
  readonly restart: number;
  readonly container: string;
  readonly started: number;
  readonly finished: number | null;
  readonly exitCode: number | null;
  /** The container's terminated reason: Completed, Error, or Killed when the pod was deleted. */
  readonly reason: string | null;
}

/** A pod condition the simulation set (DisruptionTarget, or one a scenario rule adds). */
export interface PodConditionRecord {
  readonly type: string;
  readonly status: 'True' | 'False';
  readonly reason: string | null;
  readonly message: string | null;
  readonly time: number;
}

/** One pod, from creation to removal. */
export interface TimelinePod {
  readonly name: string;
  /** The Job that owns the pod; null for a DaemonSet's pods. */
  readonly job: string | null;
  /** The n-th pod of its owner (1-based, creation order), as scenario rules and events count. */
  readonly ordinal: number;
  readonly index: number | null;
  readonly node: string | null;
  /** DaemonSets: the revision the pod was created from. */
  readonly revision: number | null;
  readonly created: number;
  /** When the scheduler bound the pod to its node; null while unschedulable. */
  readonly scheduled: number | null;
  readonly phases: readonly PhaseInterval[];
  readonly attempts: readonly ContainerAttempt[];
  readonly restarts: number;
  /** When the pod got its deletionTimestamp (Terminating in kubectl). */
  readonly deleted: number | null;
  /** When the pod object disappeared from the API. */
  readonly removed: number | null;
  /** The pod status reason: DeadlineExceeded, or the DisruptionTarget reason, or null. */
  readonly reason: string | null;
  readonly conditions: readonly PodConditionRecord[];
  /** How the Job controller counted the pod: succeeded, failed, ignored (podFailurePolicy), or not at all. */
  readonly countedAs: 'succeeded' | 'failed' | 'ignored' | null;
  /** The podFailurePolicy rule that matched, when one did. */
  readonly failurePolicy: { readonly action: string; readonly rule: number } | null;
}

/** A condition transition of a Job. */
export interface ConditionRecord {
  readonly type: string;
  readonly status: 'True' | 'False';
  readonly reason: string;
  readonly message: string;
  readonly time: number;
}

/** A Job's status at one time; a sample is taken whenever a counter changes. */
export interface JobStatusSample {
  readonly time: number;
  readonly active: number;
  readonly ready: number;
  readonly terminating: number;
  readonly succeeded: number;
  readonly failed: number;
  /** Indexed Jobs: `"1,3-5"`; null otherwise. */
  readonly completedIndexes: string | null;
  readonly failedIndexes: string | null;
}

/** One Job: the simulated Job itself, or one that a CronJob created. */
export interface TimelineJob {
  readonly name: string;
  /** CronJobs: the n-th Job created (1-based); 1 for a simulated Job. */
  readonly ordinal: number;
  /** CronJobs: the schedule time the Job is for (seconds and RFC 3339); null for a plain Job. */
  readonly scheduledTime: number | null;
  readonly scheduledTimestamp: string | null;
  readonly created: number;
  readonly startTime: number | null;
  readonly completionTime: number | null;
  /** When the terminal condition (Complete or Failed) was added. */
  readonly finished: number | null;
  /** When the Job was deleted (TTL, history limit, Replace). */
  readonly deleted: number | null;
  readonly deletedBy: 'ttlAfterFinished' | 'historyLimit' | 'replace' | null;
  /** Complete, Failed, Running, or Suspended at the end of the run. */
  readonly outcome: 'Complete' | 'Failed' | 'Running' | 'Suspended';
  readonly reason: string | null;
  readonly message: string | null;
  readonly conditions: readonly ConditionRecord[];
  readonly status: readonly JobStatusSample[];
  readonly podsCreated: number;
}

/** An event as `kubectl describe` lists it. */
export interface TimelineEvent {
  readonly time: number;
  readonly type: 'Normal' | 'Warning';
  readonly reason: string;
  readonly object: { readonly kind: 'Job' | 'CronJob' | 'DaemonSet' | 'Pod' | 'Node'; readonly name: string };
  /** The component that reports it, as the FROM column shows it. */
  readonly source: string;
  readonly message: string;
}

/** A CronJob's status at one time. */
export interface CronJobStatusSample {
  readonly time: number;
  readonly active: readonly string[];
  readonly lastScheduleTime: string | null;
  readonly lastSuccessfulTime: string | null;
}

/** A DaemonSet's status at one time. */
export interface DaemonSetStatusSample {
  readonly time: number;
  readonly desiredNumberScheduled: number;
  readonly currentNumberScheduled: number;
  readonly numberReady: number;
  readonly numberAvailable: number;
  readonly updatedNumberScheduled: number;
  readonly numberMisscheduled: number;
  readonly numberUnavailable: number;
}

/** Why the DaemonSet controller does not place (or keep) a pod on a node. */
export interface PlacementBlock {
  readonly kind: 'nodeName' | 'nodeSelector' | 'nodeAffinity' | 'taint';
  /** For a taint: `key=value:Effect`; for a selector: the label key. */
  readonly detail: string;
}

/** A node of the cluster at the end of the run. */
export interface TimelineNode {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly taints: readonly string[];
  readonly unschedulable: boolean;
  readonly added: number;
  readonly removed: number | null;
  /** DaemonSets: the controller's verdict for this node at the end (NodeShouldRunDaemonPod). */
  readonly daemonSet: {
    readonly shouldRun: boolean;
    readonly shouldContinueRunning: boolean;
    readonly blockedBy: readonly PlacementBlock[];
  } | null;
}

/** A DaemonSet ControllerRevision. */
export interface TimelineRevision {
  readonly revision: number;
  readonly hash: string;
  readonly created: number;
  readonly deleted: number | null;
}

/** Totals over the whole run; exact even when the lists above were capped. */
export interface TimelineSummary {
  /**
   * Job: Complete, Failed, Running, Suspended or NotManaged. CronJob: Scheduling, Suspended or
   * NotScheduling (invalid schedule or zone). DaemonSet: RolledOut, Progressing or Idle.
   */
  readonly outcome: string;
  readonly reason: string | null;
  readonly message: string | null;
  /** Job: when Complete/Failed was added. DaemonSet: when the last rollout finished. Else null. */
  readonly finishTime: number | null;
  readonly podsCreated: number;
  readonly podsSucceeded: number;
  readonly podsFailed: number;
  /** Pods deleted by a controller, a disruption or a scenario event. */
  readonly podsDeleted: number;
  /** The most pods that existed at once without being finished (Pending, Running or Terminating). */
  readonly peakConcurrency: number;
  readonly peakConcurrencyTime: number | null;
  /** Seconds pods spent on runs that failed (see docs/scenarios.md for the exact rule). */
  readonly failedPodSeconds: number;
  readonly cronJob: {
    readonly jobsCreated: number;
    readonly jobsSucceeded: number;
    readonly jobsFailed: number;
    readonly jobsDeleted: number;
    readonly runsSkipped: number;
    readonly tooManyMissed: number;
  } | null;
  readonly daemonSet: {
    readonly desiredNumberScheduled: number;
    readonly numberAvailable: number;
    readonly updatedNumberScheduled: number;
    readonly revision: number;
  } | null;
}

/** How much of each list the timeline left out (see `limits` in the scenario). */
export interface TimelineOmissions {
  readonly pods: number;
  readonly jobs: number;
  readonly events: number;
  readonly status: number;
}

/** The whole result of one simulation run. */
export interface Timeline {
  readonly formatVersion: typeof TIMELINE_FORMAT_VERSION;
  readonly kind: 'Job' | 'CronJob' | 'DaemonSet';
  readonly name: string;
  readonly namespace: string;
  readonly seed: number;
  /** The instant of time 0, RFC 3339 in UTC. */
  readonly start: string;
  readonly controllerTimeZone: string;
  /** Seconds after the start when the run stopped. */
  readonly end: number;
  /** idle: nothing left to happen; horizon: the scenario's horizon; truncated: a limit. */
  readonly endReason: 'idle' | 'horizon' | 'truncated';
  readonly truncated: boolean;
  readonly truncationReason: string | null;
  /** Which limit stopped the run. */
  readonly truncationLimit: 'maxEvents' | 'maxDuration' | 'maxPods' | null;
  /** How many simulation events the run processed (what limits.maxEvents counts). */
  readonly eventsProcessed: number;
  /** Things the reader should know: API rejections, unusable values, events that matched nothing. */
  readonly notes: readonly string[];
  readonly nodes: readonly TimelineNode[];
  readonly jobs: readonly TimelineJob[];
  readonly pods: readonly TimelinePod[];
  readonly events: readonly TimelineEvent[];
  /** The CronJob's or DaemonSet's own status over time; empty for a Job (see jobs[0].status). */
  readonly status: readonly (CronJobStatusSample | DaemonSetStatusSample)[];
  readonly revisions: readonly TimelineRevision[];
  readonly summary: TimelineSummary;
  readonly omitted: TimelineOmissions;
}
