/**
 * The Job controller (docs/kubernetes-behaviour.md §3.1): which pods to keep active, pod-failure backoff,
 * failure accounting under both restart policies and both pod replacement policies,
 * podFailurePolicy, backoffLimitPerIndex, successPolicy, activeDeadlineSeconds, suspend, the
 * two-phase finish with interim conditions, and ttlSecondsAfterFinished.
 */

import { Priority } from './eventQueue';
import { IntervalSet, NumberHeap, inRanges, removeFirst } from './indexSets';
import type { OutcomeRule } from './scenarioTypes';
import type { ConditionRecord, JobStatusSample, TimelineJob, TimelineEvent } from './timeline';
import { toSeconds } from './durations';
import { SampleList } from './recorder';
import type { Pod as AnyPod, PodChange, PodOwner, RunPlan } from './pod';
import type { World } from './world';
import type {
  JobSpecModel,
  PodFailurePolicyRule,
  PodTemplateModel,
  Toleration,
} from '../workload/workloadModel';

/** The most pods the controller creates in one sync (`MaxPodCreateDeletePerSync`). */
const MAX_CREATES_PER_SYNC = 500;
/** Pod-triggered syncs after a pod failure are batched by this much (`syncJobBatchPeriod`). */
const SYNC_BATCH_MS = 1000;
/** The first pod-failure backoff delay (`DefaultJobPodFailureBackOff`). */
const BACKOFF_BASE_MS = 10_000;
/** Indexed Jobs may have at most this many completions (validation). */
export const MAX_INDEXED_COMPLETIONS = 100_000;

const NO_INTS = new Int32Array(0);
const NO_FLOATS = new Float64Array(0);
const NO_INDEXES = new IntervalSet();
const NO_HEAP = new NumberHeap();
const NO_PODS: readonly Pod[] = [];

/** What a Job tells the controller that created it (a CronJob). */
export interface JobParent {
  onJobChanged(job: JobController): void;
}

/**
 * The Job controller's own state for one of its pods: what it has counted and where the pod
 * sits in its lists. The controller keeps flags here rather than per-Job sets of pods, so that
 * none of its steps hashes a pod.
 */
class JobPod {
  /** Counted in status (succeeded, failed or ignored) already: the uncounted-terminated-pods step. */
  accounted = false;
  /** Deleted because the Job was suspended or met its success criteria: not a failure. */
  notAFailure = false;
  /** Counted in status.ready. */
  ready = false;
  /** Counted in status.terminating. */
  terminating = false;
  /** The pod's places in the Job's lists of pods and of active pods; -1 when not in them. */
  podsSlot = -1;
  activeSlot = -1;
}

/** A pod of a Job, with the controller's state for it. */
type Pod = AnyPod<JobPod>;

/** The messages of the terminal reasons, as the controller writes them. */
const REASON_MESSAGES = {
  BackoffLimitExceeded: 'Job has reached the specified backoff limit',
  DeadlineExceeded: 'Job was active longer than specified deadline',
  MaxFailedIndexesExceeded: 'Job has exceeded the specified maximal number of failed indexes',
  FailedIndexes: 'Job has failed indexes',
  CompletionsReached: 'Reached expected number of succeeded pods',
} as const;

interface Interim {
  readonly type: 'FailureTarget' | 'SuccessCriteriaMet';
  readonly reason: string;
  readonly message: string;
}

/** The condition types a Job gets. */
type JobConditionType = 'Suspended' | 'FailureTarget' | 'SuccessCriteriaMet' | 'Failed' | 'Complete';

/** The interim condition of a Job that reached its completions (one object for every Job). */
const COMPLETIONS_REACHED: Interim = {
  type: 'SuccessCriteriaMet',
  reason: 'CompletionsReached',
  message: REASON_MESSAGES.CompletionsReached,
};

/** Event messages, built only when the timeline keeps the event. */
const createdPod = (pod: Pod): string => `Created pod: ${pod.name}`;
const deletedPod = (pod: Pod): string => `Deleted pod: ${pod.name}`;

/** The kubelet-visible conditions a failed pod carries besides the ones the simulation adds. */
function podConditionStatus(pod: Pod, type: string): string | undefined {
  const own = pod.conditions.find((condition) => condition.type === type);
  if (own) return own.status;
  switch (type) {
    case 'PodScheduled':
      return pod.scheduledAt === null ? 'False' : 'True';
    case 'Initialized':
    case 'PodReadyToStartContainers':
      return pod.scheduledAt === null ? undefined : 'True';
    case 'Ready':
    case 'ContainersReady':
      return pod.ready ? 'True' : 'False';
    default:
      return undefined;
  }
}

/** `matchPodFailurePolicy`: the first rule that matches a failed pod, with the FailJob message. */
function matchPodFailurePolicy(
  rules: readonly PodFailurePolicyRule[],
  pod: Pod,
  template: PodTemplateModel,
  namespace: string,
): { action: PodFailurePolicyRule['action']; rule: number; message: string } | null {
  // Which containers terminated with which code: the deciding container of a failed run, or
  // every regular container when the pod was killed.
  const exits: { container: string; exitCode: number }[] = [];
  if (pod.lastExit !== null && pod.lastExit.exitCode !== 0) {
    if (pod.deletedAt !== null || pod.reason === 'DeadlineExceeded') {
      for (const container of template.containers) exits.push({ container, exitCode: pod.lastExit.exitCode });
    } else exits.push(pod.lastExit);
  }
  for (const [i, rule] of rules.entries()) {
    if (rule.onExitCodes) {
      const { containerName, operator, values } = rule.onExitCodes;
      for (const exit of exits) {
        if (containerName !== null && exit.container !== containerName) continue;
        const listed = values.includes(exit.exitCode);
        if (operator === 'In' ? listed : !listed) {
          return {
            action: rule.action,
            rule: i,
            message: `Container ${exit.container} for pod ${namespace}/${pod.name} failed with exit code ${exit.exitCode} matching ${rule.action} rule at index ${i}`,
          };
        }
      }
    } else if (rule.onPodConditions.length > 0) {
      for (const pattern of rule.onPodConditions) {
        if (podConditionStatus(pod, pattern.type) === pattern.status) {
          return {
            action: rule.action,
            rule: i,
            message: `Pod ${namespace}/${pod.name} has condition ${pattern.type} matching ${rule.action} rule at index ${i}`,
          };
        }
      }
    }
  }
  return null;
}

/**
 * Pods of one Job in creation order, with membership, addition and removal in constant time and
 * no hashing: each pod remembers its slot (a pod belongs to one Job, which has two such sets).
 * A removal leaves a hole that a later compaction fills.
 */
class PodSet {
  private items: (Pod | null)[] = [];
  private holes = 0;
  size = 0;

  constructor(private readonly activeSet: boolean) {}

  private slotOf(pod: Pod): number {
    return this.activeSet ? pod.record.activeSlot : pod.record.podsSlot;
  }

  private setSlot(pod: Pod, slot: number): void {
    if (this.activeSet) pod.record.activeSlot = slot;
    else pod.record.podsSlot = slot;
  }

  has(pod: Pod): boolean {
    return this.slotOf(pod) !== -1;
  }

  add(pod: Pod): void {
    if (this.has(pod)) return;
    this.setSlot(pod, this.items.length);
    this.items.push(pod);
    this.size++;
  }

  /** Removes the pod; true when it was there. */
  delete(pod: Pod): boolean {
    const slot = this.slotOf(pod);
    if (slot === -1) return false;
    this.items[slot] = null;
    this.setSlot(pod, -1);
    this.size--;
    this.holes++;
    if (this.size === 0) {
      this.items = [];
      this.holes = 0;
    } else if (this.holes > 32 && this.holes > this.size) {
      let kept = 0;
      for (const item of this.items) {
        if (item === null) continue;
        this.setSlot(item, kept);
        this.items[kept++] = item;
      }
      this.items.length = kept;
      this.holes = 0;
    }
    return true;
  }

  /** The pods, in the order they were added. */
  toArray(): Pod[] {
    const pods: Pod[] = [];
    for (const item of this.items) if (item !== null) pods.push(item);
    return pods;
  }

  clear(): void {
    for (const item of this.items) if (item !== null) this.setSlot(item, -1);
    this.items = [];
    this.holes = 0;
    this.size = 0;
  }
}

/** What one `manageJob` decided, before it acts. */
export interface ManageJobDecision {
  /** status.active and status.terminating as the controller counts them. */
  readonly active: number;
  readonly terminating: number;
  /** How many pods should be active (`wantActive`). */
  readonly want: number;
  /** Active pods to delete, in the order they are deleted (`rmAtLeast` of them). */
  readonly deletes: readonly AnyPod[];
  /** How many more pods are wanted; creations follow unless the pod-failure backoff waits. */
  readonly diff: number;
}

/** The state a `manageJob` decision is made from, for a plain recomputation of it. */
export interface ManageJobView {
  readonly now: number;
  /** The Job's pods that have not been removed (finished pods the run let go of excepted). */
  readonly pods: readonly AnyPod[];
  readonly succeeded: number;
  /** The number of succeeded indexes (Indexed Jobs). */
  readonly completedIndexes: number;
  readonly indexed: boolean;
  readonly completions: number | null;
  readonly parallelism: number;
  readonly podReplacementPolicy: JobSpecModel['podReplacementPolicy'];
}

/** Called with each `manageJob` decision and the state it was made from. */
export type ManageJobObserver = (view: ManageJobView, decision: ManageJobDecision) => void;

/** A pod the controller counted as finished: what the pod-failure backoff is computed from. */
export interface FinishedPodView {
  readonly id: number;
  readonly index: number | null;
  readonly succeeded: boolean;
  /** `getFinishedTime`. */
  readonly finishTime: number;
  /** The n-th pass that counted finished pods (upstream's sync whose `getNewFinishedPods` had it). */
  readonly countedInPass: number;
  /** Indexed, with backoffLimitPerIndex: the pod's failure-count plus ignored-failure-count annotations. */
  readonly indexFailureCount: number;
}

/** The state a `manageJob` that wants more pods decides its pod-failure backoff from. */
export interface JobBackoffView extends ManageJobView {
  /** How many pods `manageJob` wants to create (before the backoff). */
  readonly diff: number;
  readonly backoffLimitPerIndex: number | null;
  /** The backoff's cap (`MaxJobPodFailureBackOff`, the scenario's controller.jobBackoffCap). */
  readonly capMs: number;
  readonly succeededIndexes: readonly number[];
  readonly failedIndexes: readonly number[];
  /** Every pod counted as finished so far, in the order it was counted (not suspended-away pods). */
  readonly finished: readonly FinishedPodView[];
}

/** What the pod-failure backoff let `manageJob` do. */
export interface JobBackoffDecision {
  /** The Job's backoff still holds creations this long (0 with backoffLimitPerIndex). */
  readonly remainingMs: number;
  /** With backoffLimitPerIndex, the indexes that get a pod now; else null. */
  readonly indexes: readonly number[] | null;
  /** When the controller syncs again because of the backoff, or null. */
  readonly retryAt: number | null;
}

/** Called with each backoff decision of `manageJob` and the state it was made from. */
export type JobBackoffObserver = (view: JobBackoffView, decision: JobBackoffDecision) => void;

/** What a Job is created with. */
export interface JobOptions {
  readonly spec: JobSpecModel;
  readonly name: string;
  /** The n-th Job of its CronJob (default 1). */
  readonly ordinal?: number;
  /** Virtual time of creation (default now). */
  readonly created?: number;
  /** The schedule time a CronJob created it for (virtual time; default none). */
  readonly scheduledTime?: number | null;
  /** The CronJob that created it (default none). */
  readonly parent?: JobParent | null;
  /** Whether the timeline lists it (default true). */
  readonly kept?: boolean;
  /** Sees each `manageJob` decision before it acts (the reference tests use it). */
  readonly observeManage?: ManageJobObserver | null;
  /** Sees each pod-failure backoff decision of `manageJob` (the reference tests use it). */
  readonly observeBackoff?: JobBackoffObserver | null;
}

/** One Job and its controller. */
export class JobController implements PodOwner<JobPod> {
  readonly template: PodTemplateModel;
  readonly tolerations: readonly Toleration[];
  readonly jobName: string;
  private readonly indexed: boolean;
  private readonly completions: number | null;

  suspended: boolean;
  startTime: number | null = null;
  completionTime: number | null = null;
  finishedAt: number | null = null;
  outcome: 'Complete' | 'Failed' | null = null;
  deletedAt: number | null = null;
  deletedBy: TimelineJob['deletedBy'] = null;
  /** Set by the parent CronJob once it has counted this Job's outcome. */
  countedByParent = false;
  private interim: Interim | null = null;
  private failJob: { message: string } | null = null;
  private readonly conditionHistory: ConditionRecord[] | null;
  /** The latest condition of each type. */
  /**
   * The status of each condition type now (the controller reads only the status). Fields, not
   * a list of condition objects: a year of a CronJob makes hundreds of thousands of Jobs.
   */
  private suspendedStatus: 'True' | 'False' | undefined = undefined;
  private failureTargetStatus: 'True' | 'False' | undefined = undefined;
  private successCriteriaMetStatus: 'True' | 'False' | undefined = undefined;
  private failedStatus: 'True' | 'False' | undefined = undefined;
  private completeStatus: 'True' | 'False' | undefined = undefined;

  // Pods.
  private readonly pods = new PodSet(false);
  private readonly active = new PodSet(true);
  private readyCount = 0;
  private terminatingCount = 0;
  private readonly uncounted: Pod[] = [];
  private activeRestarts = 0;
  podsCreated = 0;
  /** Finished pods the world let go of; they are deleted with the Job all the same. */
  private releasedPods = 0;
  succeeded = 0;
  failed = 0;
  private tooManySucceededReported = false;

  // Indexed bookkeeping.
  private readonly completed: IntervalSet;
  private readonly failedIndexes: IntervalSet;
  private readonly indexFailures: Int32Array;
  private readonly indexIgnored: Int32Array;
  private readonly indexAttempts: Int32Array;
  private readonly indexHeld: Int32Array;
  private readonly indexLastFailure: Float64Array;
  private readonly returned: NumberHeap;
  private nextFresh = 0;

  // The pod-failure backoff record.
  private failuresAfterLastSuccess = 0;
  private lastFailureTime = -Infinity;
  private lastSuccessTime = -Infinity;

  /** Times of pending sync requests (a handful at most). */
  private readonly syncRequests: number[] = [];
  private readonly samples: SampleList<JobStatusSample> | null;

  readonly spec: JobSpecModel;
  readonly name: string;
  /** The n-th Job of its CronJob; 1 for a Job on its own. */
  readonly ordinal: number;
  /** Virtual time of creation. */
  readonly created: number;
  /** The schedule time a CronJob created this Job for (virtual time), or null. */
  readonly scheduledTime: number | null;
  /** Whether the timeline lists this Job (with its conditions and status samples). */
  readonly kept: boolean;
  private readonly parent: JobParent | null;
  private readonly observer: ManageJobObserver | null;
  private readonly backoffObserver: JobBackoffObserver | null;
  /** With a backoff observer: the pods counted as finished, and each pod's failure-count annotation. */
  private readonly finishedLog: FinishedPodView[] | null;
  private readonly failureCountAnnotation: Map<Pod, number> | null;
  private countPasses = 0;

  constructor(
    private readonly world: World,
    options: JobOptions,
  ) {
    const { spec, name } = options;
    this.spec = spec;
    this.name = name;
    this.ordinal = options.ordinal ?? 1;
    this.created = options.created ?? world.now;
    this.scheduledTime = options.scheduledTime ?? null;
    this.parent = options.parent ?? null;
    this.observer = options.observeManage ?? null;
    this.backoffObserver = options.observeBackoff ?? null;
    this.finishedLog = this.backoffObserver === null ? null : [];
    this.failureCountAnnotation = this.backoffObserver === null ? null : new Map();
    const kept = options.kept ?? true;
    this.kept = kept;
    this.template = spec.template;
    this.tolerations = spec.template.tolerations;
    this.jobName = name;
    this.suspended = spec.suspend;
    this.indexed = spec.completionMode === 'Indexed';
    this.completions =
      this.indexed && spec.completions !== null
        ? Math.min(spec.completions, MAX_INDEXED_COMPLETIONS)
        : spec.completions;
    // Only Indexed Jobs need per-index arrays; the others share empty ones.
    const size = this.indexed ? (this.completions ?? 0) : 0;
    // Every use of these is guarded by `indexed`, so other Jobs share empty, never-written ones.
    this.completed = this.indexed ? new IntervalSet() : NO_INDEXES;
    this.failedIndexes = this.indexed ? new IntervalSet() : NO_INDEXES;
    this.returned = this.indexed ? new NumberHeap() : NO_HEAP;
    this.indexFailures = size === 0 ? NO_INTS : new Int32Array(size);
    this.indexIgnored = size === 0 ? NO_INTS : new Int32Array(size);
    this.indexAttempts = size === 0 ? NO_INTS : new Int32Array(size);
    this.indexHeld = size === 0 ? NO_INTS : new Int32Array(size);
    this.indexLastFailure = size === 0 ? NO_FLOATS : new Float64Array(size).fill(-Infinity);
    this.conditionHistory = kept ? [] : null;
    this.samples = kept
      ? new SampleList<JobStatusSample>(world.scenario.limits.statusSamples, world.recorder.budget)
      : null;
  }

  /** Starts the controller: the Job was just created, and a spec change is synced at once. */
  start(): void {
    if (this.spec.managedBy !== null && this.spec.managedBy !== 'kubernetes.io/job-controller') return;
    if (this.spec.completionMode !== 'NonIndexed' && this.spec.completionMode !== 'Indexed') return;
    if (this.indexed && this.completions === null) return;
    this.sync();
  }

  /** True once Complete or Failed. */
  get finished(): boolean {
    return this.outcome !== null;
  }

  /** Asks for a sync at `time`; requests for the same instant coalesce. */
  requestSync(time: number): void {
    if (this.deletedAt !== null || this.finished) return;
    const at = Math.max(time, this.world.now);
    if (this.syncRequests.includes(at)) return;
    this.syncRequests.push(at);
    this.world.atWith(at, Priority.jobController, JobController.syncDue, this);
  }

  /** A requested sync comes due (at the time it was requested for, which is now). */
  private static readonly syncDue = (job: JobController): void => {
    removeFirst(job.syncRequests, job.world.now);
    job.sync();
  };

  /** A scenario event suspends or resumes the Job (a spec change: synced at once). */
  setSuspended(suspended: boolean): boolean {
    if (this.finished || this.deletedAt !== null || this.suspended === suspended) return false;
    this.suspended = suspended;
    this.requestSync(this.world.now);
    return true;
  }

  // ---- Pods ----------------------------------------------------------------------------------

  /** Decides how the pod's next container run ends, from the scenario's exit-code rules. */
  planRun(pod: Pod): RunPlan {
    const scenario = this.world.scenario;
    const container = this.template.containers[0] ?? 'main';
    const rule = this.matchOutcome(scenario.pods.outcomes, pod);
    const runMs = this.world.draw(rule?.runTime ?? scenario.pods.runTime, this.world.runTimeStream);
    if (rule === null) return this.world.successPlan(runMs, container);
    return {
      runMs,
      exitCode: rule.exitCode,
      container: rule.container ?? container,
      conditions: rule.conditions,
    };
  }

  private matchOutcome(rules: readonly OutcomeRule[], pod: Pod): OutcomeRule | null {
    for (const rule of rules) {
      if (rule.pods && !inRanges(rule.pods, pod.ordinal)) continue;
      if (rule.indexes && (pod.index === null || !inRanges(rule.indexes, pod.index))) continue;
      if (rule.attempts && !inRanges(rule.attempts, pod.attempt)) continue;
      if (rule.restarts && !inRanges(rule.restarts, pod.restarts)) continue;
      if (rule.jobs && !inRanges(rule.jobs, pod.jobOrdinal)) continue;
      if (rule.probability < 1 && this.world.exitCodeStream.next() >= rule.probability) continue;
      return rule;
    }
    return null;
  }

  onPodChange(pod: Pod, change: PodChange): void {
    if (this.deletedAt !== null) return;
    const now = this.world.now;
    switch (change) {
      case 'started':
      case 'restarted':
        if (this.active.has(pod)) this.setReady(pod, true);
        if (change === 'restarted' && this.active.has(pod)) {
          this.activeRestarts++;
          // A restart is a pod update; OnFailure restarts count toward backoffLimit.
          this.requestSync(now);
        } else this.sample();
        return;
      case 'notReady':
        this.setReady(pod, false);
        this.sample();
        return;
      case 'terminal':
        if (pod.released) {
          this.pods.delete(pod);
          this.releasedPods++;
        }
        // An index is free again when its pod finishes, or when a pod deleted under the
        // Failed replacement policy finally fails.
        if (this.leaveActive(pod)) this.releaseIndex(pod);
        else if (pod.record.terminating && this.spec.podReplacementPolicy === 'Failed')
          this.releaseIndex(pod);
        this.setTerminating(pod, false);
        this.uncounted.push(pod);
        // The first failure of a pod is batched; every other update is synced at once.
        this.requestSync(pod.phase === 'Failed' ? now + SYNC_BATCH_MS : now);
        return;
      case 'deleting':
        // Under TerminatingOrFailed the index of a pod being deleted is pending again at once.
        if (this.leaveActive(pod) && this.spec.podReplacementPolicy === 'TerminatingOrFailed')
          this.releaseIndex(pod);
        this.setTerminating(pod, true);
        if (this.spec.podReplacementPolicy === 'TerminatingOrFailed' && !pod.record.notAFailure) {
          this.uncounted.push(pod);
        }
        this.requestSync(now);
        return;
      case 'removed':
        this.setTerminating(pod, false);
        this.pods.delete(pod);
        this.requestSync(now);
        return;
    }
  }

  private setReady(pod: Pod, ready: boolean): void {
    if (pod.record.ready === ready) return;
    pod.record.ready = ready;
    this.readyCount += ready ? 1 : -1;
  }

  private setTerminating(pod: Pod, terminating: boolean): void {
    if (pod.record.terminating === terminating) return;
    pod.record.terminating = terminating;
    this.terminatingCount += terminating ? 1 : -1;
  }

  /** Takes the pod out of the active set; true when it was active. */
  private leaveActive(pod: Pod): boolean {
    if (!this.active.delete(pod)) return false;
    this.setReady(pod, false);
    this.activeRestarts -= pod.restarts;
    return true;
  }

  private releaseIndex(pod: Pod): void {
    const index = pod.index;
    if (!this.indexed || index === null || index >= this.indexHeld.length) return;
    const held = this.indexHeld[index] ?? 0;
    if (held <= 0) return;
    this.indexHeld[index] = held - 1;
    if (held - 1 === 0 && !this.completed.has(index) && !this.failedIndexes.has(index))
      this.returned.push(index);
  }

  // ---- Sync ----------------------------------------------------------------------------------

  private sync(): void {
    if (this.deletedAt !== null || this.finished) return;
    const now = this.world.now;

    if (this.suspended && this.interim === null) {
      this.countFinishedPods();
      if (this.conditionStatus('Suspended') !== 'True') {
        this.setCondition('Suspended', 'True', 'JobSuspended', 'Job suspended');
        this.event('Normal', 'Suspended', 'Job suspended');
      }
      const active = this.active.toArray();
      for (const pod of active) pod.record.notAFailure = true;
      this.deletePods(active);
      this.sample();
      return;
    }
    if (this.conditionStatus('Suspended') === 'True') {
      this.setCondition('Suspended', 'False', 'JobResumed', 'Job resumed');
      this.event('Normal', 'Resumed', 'Job resumed');
      this.startTime = now;
      this.armDeadline();
    }
    if (this.startTime === null) {
      this.startTime = now;
      this.armDeadline();
    }

    this.countFinishedPods();

    if (this.interim === null) this.interim = this.failureOrSuccess(now);
    if (this.interim === null) {
      this.manageJob(now);
      if (this.completionsReached()) {
        this.interim = COMPLETIONS_REACHED;
      }
    }
    if (this.interim !== null) this.finish(now);
    this.sample();
  }

  /** Steps 3 to 7 of the condition order: the first failure or success policy that holds. */
  private failureOrSuccess(now: number): Interim | null {
    if (this.failJob)
      return { type: 'FailureTarget', reason: 'PodFailurePolicy', message: this.failJob.message };
    if (this.failed > this.spec.backoffLimit || this.pastBackoffLimitOnFailure()) {
      return {
        type: 'FailureTarget',
        reason: 'BackoffLimitExceeded',
        message: REASON_MESSAGES.BackoffLimitExceeded,
      };
    }
    const deadline = this.spec.activeDeadlineMs;
    if (deadline !== null && this.startTime !== null && now - this.startTime >= deadline) {
      return { type: 'FailureTarget', reason: 'DeadlineExceeded', message: REASON_MESSAGES.DeadlineExceeded };
    }
    if (this.indexed && this.spec.backoffLimitPerIndex !== null) {
      const maxFailed = this.spec.maxFailedIndexes;
      if (maxFailed !== null && this.failedIndexes.size > maxFailed) {
        return {
          type: 'FailureTarget',
          reason: 'MaxFailedIndexesExceeded',
          message: REASON_MESSAGES.MaxFailedIndexesExceeded,
        };
      }
      if (
        this.failedIndexes.size > 0 &&
        this.completed.size + this.failedIndexes.size >= (this.completions ?? 0) &&
        this.active.size === 0
      ) {
        return { type: 'FailureTarget', reason: 'FailedIndexes', message: REASON_MESSAGES.FailedIndexes };
      }
    }
    if (this.indexed && this.spec.successPolicy !== null) {
      const matched = this.matchSuccessPolicy();
      if (matched !== null) {
        return {
          type: 'SuccessCriteriaMet',
          reason: 'SuccessPolicy',
          message: `Matched rules at index ${matched}`,
        };
      }
    }
    return null;
  }

  private pastBackoffLimitOnFailure(): boolean {
    if (this.template.restartPolicy !== 'OnFailure') return false;
    if (this.spec.backoffLimit === 0) return this.activeRestarts > 0;
    return this.activeRestarts >= this.spec.backoffLimit;
  }

  private matchSuccessPolicy(): number | null {
    if (this.completed.size === 0) return null;
    for (const [i, rule] of (this.spec.successPolicy ?? []).entries()) {
      if (rule.succeededIndexes !== null) {
        let total = 0;
        let done = 0;
        for (const [low, high] of rule.succeededIndexes) {
          for (let index = low; index <= high; index++) {
            total++;
            if (this.completed.has(index)) done++;
          }
        }
        if (total === 0) continue;
        if (rule.succeededCount !== null ? done >= rule.succeededCount : done === total) return i;
      } else if (rule.succeededCount !== null && this.completed.size >= rule.succeededCount) {
        return i;
      }
    }
    return null;
  }

  private completionsReached(): boolean {
    if (this.active.size > 0) return false;
    if (this.completions === null) return this.succeeded > 0;
    const done = this.indexed ? this.completed.size : this.succeeded;
    return done >= this.completions;
  }

  /** Counts pods that finished (or, under TerminatingOrFailed, started terminating) since the last sync. */
  private countFinishedPods(): void {
    const rules = this.spec.podFailurePolicy;
    const pending = this.uncounted;
    this.countPasses++;
    // Counting may append (a finishing Job counts the pods it deletes), so index rather than iterate.
    for (let i = 0; i < pending.length; i++) {
      const pod = pending[i] as Pod;
      if (pod.record.accounted) continue;
      pod.record.accounted = true;
      if (pod.phase === 'Succeeded') {
        this.countSuccess(pod);
        this.logFinished(pod, true, pod.finishedAt ?? this.world.now);
        continue;
      }
      // Pods deleted because the Job was suspended, or because it met its success criteria,
      // are not failures.
      if (pod.record.notAFailure) continue;
      const finishTime = pod.finishedAt ?? pod.deletedAt ?? this.world.now;
      let action: PodFailurePolicyRule['action'] = 'Count';
      if (rules !== null && pod.phase === 'Failed' && !this.failingWhole) {
        const match = matchPodFailurePolicy(rules, pod, this.template, this.spec.namespace);
        if (match) {
          action = match.action;
          pod.failurePolicy = { action: match.action, rule: match.rule };
          if (match.action === 'FailJob' && this.failJob === null) this.failJob = { message: match.message };
        }
      }
      this.recordFailureForBackoff(pod, finishTime);
      this.logFinished(pod, false, finishTime);
      this.world.failedPodMs += pod.failedRunMs;
      if (action === 'Ignore') {
        pod.countedAs = 'ignored';
        if (pod.index !== null && pod.index < this.indexIgnored.length) {
          this.indexIgnored[pod.index] = (this.indexIgnored[pod.index] ?? 0) + 1;
        }
      } else {
        pod.countedAs = 'failed';
        this.failed++;
        this.world.podsFailed++;
        if (this.indexed && pod.index !== null) this.countIndexFailure(pod.index, action);
      }
    }
    // Popping is cheaper than assigning `length` for these short lists.
    while (pending.length > 0) pending.pop();
  }

  /** True while the Job is being failed: deleted pods are then failures regardless of policy. */
  private get failingWhole(): boolean {
    return this.interim?.type === 'FailureTarget';
  }

  private countSuccess(pod: Pod): void {
    pod.countedAs = 'succeeded';
    this.world.podsSucceeded++;
    const finishTime = pod.finishedAt ?? this.world.now;
    if (finishTime >= this.lastSuccessTime) {
      this.lastSuccessTime = finishTime;
      // Only failures that finished after the newest success still count toward the backoff.
      if (this.lastFailureTime <= finishTime) this.failuresAfterLastSuccess = 0;
    }
    if (this.indexed) {
      if (pod.index !== null && pod.index < (this.completions ?? 0) && this.completed.add(pod.index)) {
        this.succeeded = this.completed.size;
      }
    } else {
      this.succeeded++;
      if (this.completions !== null && this.succeeded > this.completions && !this.tooManySucceededReported) {
        this.tooManySucceededReported = true;
        this.event(
          'Warning',
          'TooManySucceededPods',
          'Too many succeeded pods running after completion count reached',
        );
      }
    }
  }

  /** With a backoff observer, notes a pod counted as finished. */
  private logFinished(pod: Pod, succeeded: boolean, finishTime: number): void {
    if (this.finishedLog === null) return;
    this.finishedLog.push({
      id: pod.id,
      index: pod.index,
      succeeded,
      finishTime,
      countedInPass: this.countPasses,
      indexFailureCount: this.failureCountAnnotation?.get(pod) ?? 0,
    });
  }

  private recordFailureForBackoff(pod: Pod, finishTime: number): void {
    if (finishTime > this.lastSuccessTime) {
      this.failuresAfterLastSuccess++;
      this.lastFailureTime = Math.max(this.lastFailureTime, finishTime);
    }
    if (pod.index !== null && pod.index < this.indexLastFailure.length) {
      this.indexLastFailure[pod.index] = Math.max(this.indexLastFailure[pod.index] ?? -Infinity, finishTime);
    }
  }

  private countIndexFailure(index: number, action: PodFailurePolicyRule['action']): void {
    const limit = this.spec.backoffLimitPerIndex;
    if (limit === null || index >= this.indexFailures.length) return;
    const failures = this.indexFailures[index] ?? 0;
    if (action === 'FailIndex' || failures >= limit) this.failedIndexes.add(index);
    else this.indexFailures[index] = failures + 1;
  }

  private armDeadline(): void {
    const deadline = this.spec.activeDeadlineMs;
    if (deadline !== null && this.startTime !== null) this.requestSync(this.startTime + deadline);
  }

  private backoffDelay(failures: number): number {
    if (failures <= 0) return 0;
    return Math.min(
      BACKOFF_BASE_MS * 2 ** Math.min(failures - 1, 40),
      this.world.scenario.controller.jobBackoffCapMs,
    );
  }

  private manageJob(now: number): void {
    const active = this.active.size;
    let want: number;
    if (this.completions === null) {
      // Work queue: once any pod has succeeded, no new pods; the running ones finish.
      want = this.succeeded > 0 ? active : this.spec.parallelism;
    } else {
      const done = this.indexed ? this.completed.size : this.succeeded;
      want = Math.max(0, Math.min(this.spec.parallelism, this.completions - done));
    }
    if (this.completions !== null && !this.indexed) {
      // Each completion takes a pod of its own. When the completions still missing are more
      // than the pods the run may still create, and nothing can fail or stop the Job, the run
      // could only end at limits.maxPods: it stops now rather than create all those pods first.
      const maxPods = this.world.scenario.limits.maxPods;
      const missing = this.completions - this.succeeded - active;
      if (missing > maxPods - this.world.podsCreated && this.cannotEndBeforeMaxPods()) {
        this.world.stopEarly('maxPods', 'truncatedCompletions', {
          count: this.completions,
          limit: maxPods,
        });
        return;
      }
    }
    // rmAtLeast: the surplus of active pods goes, most deletable first; else `diff` more are
    // wanted, less the terminating ones under podReplacementPolicy Failed.
    const deletes = active > want ? this.deletionOrder().slice(0, active - want) : NO_PODS;
    let diff = want - active;
    if (this.spec.podReplacementPolicy === 'Failed') diff -= this.terminatingCount;
    if (this.observer !== null) {
      this.observer(this.manageView(), { active, terminating: this.terminatingCount, want, deletes, diff });
    }
    if (deletes.length > 0) {
      this.deletePods(deletes);
      return;
    }
    if (diff <= 0) return;

    const backoffView = this.backoffObserver === null ? null : this.backoffView(diff);
    if (!(this.indexed && this.spec.backoffLimitPerIndex !== null)) {
      const remaining = this.backoffDelay(this.failuresAfterLastSuccess) - (now - this.lastFailureTime);
      if (this.failuresAfterLastSuccess > 0 && remaining > 0) {
        if (backoffView !== null)
          this.backoffObserver?.(backoffView, {
            remainingMs: remaining,
            indexes: null,
            retryAt: now + remaining,
          });
        this.requestSync(now + remaining);
        return;
      }
      if (backoffView !== null)
        this.backoffObserver?.(backoffView, { remainingMs: 0, indexes: null, retryAt: null });
    }
    const batch = Math.min(diff, MAX_CREATES_PER_SYNC);
    if (this.indexed) {
      const decision = this.createIndexedPods(batch, now, backoffView !== null);
      if (backoffView !== null && decision !== null) this.backoffObserver?.(backoffView, decision);
    } else for (let i = 0; i < batch && this.world.stop === null; i++) this.createPod(null);
    // More wanted than one sync may create: the next sync comes when the creations are observed.
    if (diff > MAX_CREATES_PER_SYNC) this.requestSync(now + SYNC_BATCH_MS);
  }

  /** The state the pod-failure backoff decides from, as `JobBackoffView` describes it. */
  private backoffView(diff: number): JobBackoffView {
    const indexes = (set: IntervalSet): number[] => {
      const list: number[] = [];
      if (this.indexed) for (let i = 0; i < (this.completions ?? 0); i++) if (set.has(i)) list.push(i);
      return list;
    };
    return {
      ...this.manageView(),
      diff,
      backoffLimitPerIndex: this.spec.backoffLimitPerIndex,
      capMs: this.world.scenario.controller.jobBackoffCapMs,
      succeededIndexes: indexes(this.completed),
      failedIndexes: indexes(this.failedIndexes),
      finished: [...(this.finishedLog ?? [])],
    };
  }

  /** The state `manageJob` decided from, as `ManageJobView` describes it. */
  private manageView(): ManageJobView {
    return {
      now: this.world.now,
      pods: this.pods.toArray(),
      succeeded: this.succeeded,
      completedIndexes: this.completed.size,
      indexed: this.indexed,
      completions: this.completions,
      parallelism: this.spec.parallelism,
      podReplacementPolicy: this.spec.podReplacementPolicy,
    };
  }

  /**
   * Whether nothing can end this Job, or the run, before its pods reach limits.maxPods: it is
   * the simulated Job itself, with no horizon, no scenario events (disruptions, node changes,
   * suspension), no failing exit codes, no deadline, and a node its pods can run on.
   */
  private cannotEndBeforeMaxPods(): boolean {
    const scenario = this.world.scenario;
    return (
      this.parent === null &&
      scenario.horizon.durationMs === null &&
      scenario.events.length === 0 &&
      scenario.pods.outcomes.every((rule) => rule.exitCode === 0) &&
      this.spec.activeDeadlineMs === null &&
      this.template.activeDeadlineMs === null &&
      this.world.canRunSomewhere(this)
    );
  }

  /**
   * Creates pods for the first `count` pending indexes (`firstPendingIndexes`). With
   * backoffLimitPerIndex only those whose own backoff is over get one
   * (`getPodCreationInfoForIndependentIndexes`): an index still waiting keeps its place among the
   * first `count`, it is not passed over for a later one; when none of them may start, the Job is
   * synced again after the shortest wait. When `observed`, returns what the backoff let it do
   * (with backoffLimitPerIndex), else null.
   */
  private createIndexedPods(count: number, now: number, observed: boolean): JobBackoffDecision | null {
    const limit = this.spec.backoffLimitPerIndex;
    const createdIndexes: number[] | null = observed && limit !== null ? [] : null;
    const waiting: number[] = [];
    let shortest = Infinity;
    let created = 0;
    while (created + waiting.length < count && this.world.stop === null) {
      const index = this.nextPendingIndex();
      if (index === null) break;
      if (limit !== null) {
        // getRemainingTimePerIndex: the index's failures so far (its last failed pod's
        // annotations plus one), from that pod's finish time.
        const failures = (this.indexFailures[index] ?? 0) + (this.indexIgnored[index] ?? 0);
        const remaining = this.backoffDelay(failures) - (now - (this.indexLastFailure[index] ?? -Infinity));
        if (failures > 0 && remaining > 0) {
          waiting.push(index);
          shortest = Math.min(shortest, remaining);
          continue;
        }
      }
      this.createPod(index);
      createdIndexes?.push(index);
      created++;
    }
    // The waiting indexes stay pending for the next sync.
    for (const index of waiting) this.returned.push(index);
    const retry = created === 0 && shortest !== Infinity ? now + shortest : null;
    if (retry !== null) this.requestSync(retry);
    return createdIndexes === null ? null : { remainingMs: 0, indexes: createdIndexes, retryAt: retry };
  }

  /** The lowest index that is not succeeded, failed or held by a pod. */
  private nextPendingIndex(): number | null {
    const free = (index: number): boolean =>
      this.indexHeld[index] === 0 && !this.completed.has(index) && !this.failedIndexes.has(index);
    for (;;) {
      const top = this.returned.peek();
      const fresh = this.nextFresh < (this.completions ?? 0) ? this.nextFresh : null;
      if (top !== undefined && (fresh === null || top < fresh)) {
        this.returned.pop();
        if (free(top)) return top;
        continue;
      }
      if (fresh === null) return null;
      this.nextFresh++;
      if (free(fresh)) return fresh;
    }
  }

  private createPod(index: number | null): void {
    this.podsCreated++;
    let attempt = this.podsCreated;
    if (index !== null) {
      attempt = (this.indexAttempts[index] ?? 0) + 1;
      this.indexAttempts[index] = attempt;
      this.indexHeld[index] = (this.indexHeld[index] ?? 0) + 1;
    }
    const prefix = index === null ? `${this.name}-` : `${this.name}-${index}-`;
    const pod = this.world.createPod(
      this,
      prefix,
      {
        ordinal: this.podsCreated,
        index,
        attempt,
        jobOrdinal: this.ordinal,
        revision: null,
        hash: null,
        targetNode: null,
      },
      new JobPod(),
    );
    if (pod === null) {
      this.podsCreated--;
      if (index !== null) this.indexHeld[index] = (this.indexHeld[index] ?? 1) - 1;
      return;
    }
    this.pods.add(pod);
    this.active.add(pod);
    if (index !== null && this.failureCountAnnotation !== null && this.spec.backoffLimitPerIndex !== null) {
      this.failureCountAnnotation.set(
        pod,
        (this.indexFailures[index] ?? 0) + (this.indexIgnored[index] ?? 0),
      );
    }
    this.event('Normal', 'SuccessfulCreate', createdPod, pod);
  }

  /** Active pods in the controller's deletion order (`ActivePods` sort, most deletable first). */
  private deletionOrder(): Pod[] {
    const rank = (pod: Pod): number => (pod.phase === 'Pending' ? 0 : 2);
    return this.active
      .toArray()
      .sort(
        (a, b) =>
          Number(a.node !== null) - Number(b.node !== null) ||
          rank(a) - rank(b) ||
          Number(a.ready) - Number(b.ready) ||
          (a.ready && b.ready ? (b.readySince ?? 0) - (a.readySince ?? 0) : 0) ||
          b.restarts - a.restarts ||
          b.created - a.created ||
          b.id - a.id,
      );
  }

  private deletePods(pods: readonly Pod[]): void {
    for (const pod of pods) {
      if (this.world.deletePod(pod)) this.event('Normal', 'SuccessfulDelete', deletedPod, pod);
    }
  }

  /** The interim condition holds: delete what is left, then add the terminal condition. */
  private finish(now: number): void {
    const interim = this.interim;
    if (interim === null) return;
    if (this.conditionStatus(interim.type) !== 'True') {
      this.setCondition(interim.type, 'True', interim.reason, interim.message);
    }
    if (this.active.size > 0) {
      const remaining = this.active.toArray();
      for (const pod of remaining) pod.record.notAFailure = interim.type === 'SuccessCriteriaMet';
      this.deletePods(remaining);
      // When the Job fails, every pod that had not finished counts as failed at once
      // (the controller's finishedCondition rule), whatever the replacement policy.
      if (interim.type === 'FailureTarget') {
        this.uncounted.push(...remaining);
        this.countFinishedPods();
      }
    }
    if (this.terminatingCount > 0 || this.uncounted.length > 0) return;
    const terminal = interim.type === 'FailureTarget' ? 'Failed' : 'Complete';
    this.setCondition(terminal, 'True', interim.reason, interim.message);
    this.outcome = terminal;
    this.finishedAt = now;
    if (terminal === 'Complete') {
      this.completionTime = now;
      this.event('Normal', 'Completed', 'Job completed');
    } else {
      this.event('Warning', interim.reason, interim.message);
    }
    const ttl = this.spec.ttlAfterFinishedMs;
    if (ttl !== null) this.world.at(now + ttl, Priority.collector, () => this.delete('ttlAfterFinished'));
    this.parent?.onJobChanged(this);
  }

  /** Deletes the Job and, through garbage collection, its pods. */
  delete(by: NonNullable<TimelineJob['deletedBy']>): void {
    if (this.deletedAt !== null) return;
    this.deletedAt = this.world.now;
    this.deletedBy = by;
    this.world.podsDeleted += this.releasedPods;
    if (this.pods.size > 0) {
      for (const pod of this.pods.toArray()) {
        if (pod.isTerminal) this.world.removePod(pod);
        else this.world.deletePod(pod);
      }
      this.pods.clear();
    }
    // The parent deleted it itself (history, Replace) and needs no word about it.
    if (by === 'ttlAfterFinished') this.parent?.onJobChanged(this);
  }

  // ---- Conditions, events and status ---------------------------------------------------------

  conditionStatus(type: JobConditionType): 'True' | 'False' | undefined {
    switch (type) {
      case 'Suspended':
        return this.suspendedStatus;
      case 'FailureTarget':
        return this.failureTargetStatus;
      case 'SuccessCriteriaMet':
        return this.successCriteriaMetStatus;
      case 'Failed':
        return this.failedStatus;
      case 'Complete':
        return this.completeStatus;
    }
  }

  private setCondition(
    type: JobConditionType,
    status: 'True' | 'False',
    reason: string,
    message: string,
  ): void {
    switch (type) {
      case 'Suspended':
        this.suspendedStatus = status;
        break;
      case 'FailureTarget':
        this.failureTargetStatus = status;
        break;
      case 'SuccessCriteriaMet':
        this.successCriteriaMetStatus = status;
        break;
      case 'Failed':
        this.failedStatus = status;
        break;
      case 'Complete':
        this.completeStatus = status;
        break;
    }
    this.conditionHistory?.push({ type, status, reason, message, time: toSeconds(this.world.now) });
  }

  /** The object this controller's events are about, built on its first event. */
  private involved: TimelineEvent['object'] | undefined;

  /** Records an event about this Job (see `Recorder.recordEvent`). */
  private event<S>(
    type: 'Normal' | 'Warning',
    reason: string,
    message: string | ((subject: S) => string),
    subject?: S,
  ): void {
    this.involved ??= { kind: 'Job', name: this.name };
    this.world.recorder.recordEvent(type, reason, this.involved, 'job-controller', message, subject);
  }

  /** The status counters as they are now. */
  statusNow(): Omit<JobStatusSample, 'time'> {
    return {
      active: this.active.size,
      ready: this.readyCount,
      terminating: this.terminatingCount,
      succeeded: this.succeeded,
      failed: this.failed,
      completedIndexes: this.indexed ? this.completed.toString() : null,
      failedIndexes:
        this.indexed && this.spec.backoffLimitPerIndex !== null ? this.failedIndexes.toString() : null,
    };
  }

  private sample(): void {
    if (this.samples === null) return;
    const samples = this.samples;
    const changed = samples.changed(
      this.active.size,
      this.readyCount,
      this.terminatingCount,
      this.succeeded,
      this.failed,
      this.completed.size,
      this.failedIndexes.size,
    );
    if (changed) samples.add({ time: toSeconds(this.world.now), ...this.statusNow() });
  }

  /** Status samples this Job could not keep. */
  get samplesOmitted(): number {
    return this.samples?.omitted ?? 0;
  }

  /** The Job as the timeline lists it. */
  toTimeline(startMs: number): TimelineJob {
    const interim = this.interim;
    return {
      name: this.name,
      ordinal: this.ordinal,
      scheduledTime: this.scheduledTime === null ? null : toSeconds(this.scheduledTime),
      scheduledTimestamp:
        this.scheduledTime === null
          ? null
          : new Date(startMs + this.scheduledTime).toISOString().replace('.000Z', 'Z'),
      created: toSeconds(this.created),
      startTime: this.startTime === null ? null : toSeconds(this.startTime),
      completionTime: this.completionTime === null ? null : toSeconds(this.completionTime),
      finished: this.finishedAt === null ? null : toSeconds(this.finishedAt),
      deleted: this.deletedAt === null ? null : toSeconds(this.deletedAt),
      deletedBy: this.deletedBy,
      outcome: this.outcome ?? (this.suspended ? 'Suspended' : 'Running'),
      reason: interim?.reason ?? null,
      message: interim?.message ?? null,
      conditions: this.conditionHistory ?? [],
      status: this.samples?.items ?? [],
      podsCreated: this.podsCreated,
    };
  }
}
