/**
 * The Pod object as the simulation keeps it: what the API server stores (name, node, phase,
 * conditions, deletion), what the kubelet reports (container runs, restarts, readiness), and what
 * the timeline lists. The controllers that own pods keep their own per-pod state (`PodOwner`).
 */

import type { NodeState } from './cluster';
import { suffixFromCode } from './random';
import type { DisruptionReason } from './scenarioTypes';
import type { PhaseInterval, PodConditionRecord, PodPhase, TimelinePod } from './timeline';
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
  /** The n-th pod for this index (Indexed) or of the Job (NonIndexed). */
  readonly attempt: number;
  /** CronJobs: the n-th Job; 1 otherwise. */
  readonly jobOrdinal: number;
  readonly revision: number | null;
  readonly hash: string | null;
  /** DaemonSets: the node the pod is pinned to by its matchFields affinity. */
  readonly targetNode: string | null;
}

/** What the API server gives a pod it creates. */
export interface PodIdentity<R> {
  readonly id: number;
  readonly nameBase: string;
  readonly nameCode: number;
  readonly owner: PodOwner<R>;
  readonly record: R;
  readonly created: number;
  /** Whether the timeline lists the pod. */
  readonly kept: boolean;
}

/** What happened to a pod, as its owner's informer would see it. */
export type PodChange = 'started' | 'notReady' | 'restarted' | 'terminal' | 'deleting' | 'removed';

/**
 * The controller that owns pods: it plans their runs and reacts to their changes. `R` is the
 * controller's own state for each of its pods (`Pod.record`), which nothing else reads.
 */
export interface PodOwner<R = unknown> {
  readonly template: PodTemplateModel;
  /** The tolerations the pod really carries (a DaemonSet adds its automatic ones). */
  readonly tolerations: readonly Toleration[];
  /** The Job's name, or null for a DaemonSet. */
  readonly jobName: string | null;
  /** Null for a container that runs until it is stopped (a daemon). */
  planRun(pod: Pod<R>): RunPlan | null;
  onPodChange(pod: Pod<R>, change: PodChange): void;
}

/** The disruption conditions' messages, as the components that set them write them. */
export const DISRUPTION_MESSAGES: Readonly<Record<DisruptionReason, string>> = {
  EvictionByEvictionAPI: 'Eviction API: evicting',
  PreemptionByScheduler: 'default-scheduler: preempting to accommodate a higher priority pod',
  DeletionByTaintManager: 'Taint manager: deleting due to NoExecute taint',
  DeletionByPodGC: 'PodGC: node no longer exists',
  TerminationByKubelet: 'Pod was terminated in response to imminent node shutdown.',
};

const NO_CONDITIONS: readonly PodConditionRecord[] = [];

/** One container run as the timeline lists it, filled in while it runs. */
export interface MutableAttempt {
  restart: number;
  container: string;
  started: number;
  finished: number | null;
  exitCode: number | null;
  reason: string | null;
}

/** A pod while the simulation runs; `R` is its owner's own state for it. */
export class Pod<R = unknown> {
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
  /** Replaced, never changed in place (`setPodCondition`), so pods may share the empty list. */
  conditions: readonly PodConditionRecord[] = NO_CONDITIONS;
  reason: string | null = null;
  countedAs: TimelinePod['countedAs'] = null;
  failurePolicy: TimelinePod['failurePolicy'] = null;
  /** Whether the timeline lists this pod (the first `limits.timelinePods` pods). */
  readonly kept: boolean;
  /** A finished pod that is not listed and was let go to keep memory bounded. */
  released = false;
  /** The length of the run that ended the pod as Failed; added to the failed time if the Job counts it. */
  failedRunMs = 0;
  readonly phases: PhaseInterval[] | null;
  readonly attempts: MutableAttempt[] | null;
  readonly ordinal: number;
  readonly index: number | null;
  readonly attempt: number;
  readonly jobOrdinal: number;
  readonly revision: number | null;
  readonly hash: string | null;
  readonly targetNode: string | null;

  private spelled: string | null = null;

  /** The global creation number. */
  readonly id: number;
  /** The name is `nameBase` plus the five characters `suffixFromCode(nameCode)`, spelled on demand. */
  readonly nameBase: string;
  readonly nameCode: number;
  readonly owner: PodOwner<R>;
  /** The owner's own state for this pod, given when it creates the pod; only the owner reads it. */
  readonly record: R;
  readonly created: number;

  constructor(identity: PodIdentity<R>, fields: PodFields) {
    const { created, kept } = identity;
    this.id = identity.id;
    this.nameBase = identity.nameBase;
    this.nameCode = identity.nameCode;
    this.owner = identity.owner;
    this.record = identity.record;
    this.created = created;
    this.runBegan = created;
    this.kept = kept;
    this.phases = kept ? [{ phase: 'Pending', from: created, to: null }] : null;
    this.attempts = kept ? [] : null;
    this.ordinal = fields.ordinal;
    this.index = fields.index;
    this.attempt = fields.attempt;
    this.jobOrdinal = fields.jobOrdinal;
    this.revision = fields.revision;
    this.hash = fields.hash;
    this.targetNode = fields.targetNode;
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

/** Adds (or updates) a pod condition at virtual time `now`. */
export function setPodCondition(
  pod: Pod,
  type: string,
  status: 'True' | 'False',
  reason: string | null,
  message: string | null,
  now: number,
): void {
  pod.conditions = [
    ...pod.conditions.filter((condition) => condition.type !== type),
    { type, status, reason, message, time: toSeconds(now) },
  ];
}
