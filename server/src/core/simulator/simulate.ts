/**
 * `simulate`: runs one workload through its controller model against a scenario and returns the
 * timeline. Pure and deterministic: the same workload, scenario and seed give the same timeline,
 * byte for byte once serialised, and the run is bounded by the scenario's limits.
 */

import { formatMessage } from '../l10n';
import type { Locale } from '../l10n';
import type { Workload } from '../workload/recognizeWorkload';
import { CronJobController } from './cronJobController';
import { DaemonSetController } from './daemonSetController';
import type { ManageObserver, RolloutObserver } from './daemonSetController';
import { formatInstant, formatSpan, toSeconds } from './durations';
import { Priority } from './eventQueue';
import { JobController } from './jobController';
import type { JobBackoffObserver, ManageJobObserver } from './jobController';
import { eventAppliesTo } from './scenarioEvents';
import type { Scenario, ScenarioEventSpec } from './scenarioTypes';
import { TIMELINE_ENTRY_BUDGET } from './recorder';
import { simulatorMessages } from './simulatorMessages';
import type { Timeline, TimelineSummary } from './timeline';
import { TIMELINE_FORMAT_VERSION } from './timeline';
import { World } from './world';
import type { StopReason } from './world';
import { workloadModel } from '../workload/workloadModel';

/** Why a workload cannot be simulated at all. */
export interface SimulationError {
  readonly code: 'restartPolicy' | 'eventNotForKind';
  readonly message: string;
  /** The scenario line the problem comes from, when it is one. */
  readonly line: number | null;
}

/** A timeline, or the reason there is none. */
export type SimulationResult =
  | { readonly ok: true; readonly timeline: Timeline }
  | { readonly ok: false; readonly error: SimulationError };

/** Options of a run beyond the scenario. */
export interface SimulateOptions {
  readonly locale?: Locale;
  /** How many errors the API server would report for the manifest (from analysis), for a note. */
  readonly apiErrorCount?: number;
  /** How many YAML syntax errors the document has (from analysis), for a note. */
  readonly yamlErrorCount?: number;
  /** Sees each DaemonSet rollout decision before it is carried out (for the reference tests). */
  readonly observeRollout?: RolloutObserver;
  /** Sees each DaemonSet manage pass's decision before it is carried out (for the reference tests). */
  readonly observeDaemonManage?: ManageObserver;
  /** Sees each `manageJob` decision of a Job before it acts (for the reference tests). */
  readonly observeManageJob?: ManageJobObserver;
  /** Sees each pod-failure backoff decision of a Job's `manageJob` (for the reference tests). */
  readonly observeJobBackoff?: JobBackoffObserver;
}

/** The default horizon of a CronJob when the scenario gives none: five Jobs. */
export const DEFAULT_CRONJOB_JOBS = 5;

/** Simulates `workload` (a recognised Job, CronJob or DaemonSet) under `scenario`. */
export function simulate(
  workload: Workload,
  scenario: Scenario,
  options: SimulateOptions = {},
): SimulationResult {
  const locale = options.locale ?? 'en';
  const say = (
    key: keyof (typeof simulatorMessages)['en'],
    args: Record<string, string | number> = {},
  ): string => formatMessage(simulatorMessages, locale, key, args);
  for (const event of scenario.events) {
    if (!eventAppliesTo(event.type, workload.kind)) {
      return {
        ok: false,
        error: {
          code: 'eventNotForKind',
          message: say('eventNotForKind', { event: event.type, kind: workload.kind }),
          line: event.line,
        },
      };
    }
  }
  const read = workloadModel(workload);
  if (read.kind !== 'DaemonSet') {
    const template = read.kind === 'Job' ? read.spec.template : read.spec.jobSpec.template;
    if (template.restartPolicy !== 'Never' && template.restartPolicy !== 'OnFailure') {
      return { ok: false, error: { code: 'restartPolicy', message: say('restartPolicyAlways'), line: null } };
    }
  }

  const world = new World(scenario, locale);
  if ((options.yamlErrorCount ?? 0) > 0)
    world.recorder.note('yamlErrors', { count: options.yamlErrorCount ?? 0 });
  if ((options.apiErrorCount ?? 0) > 0)
    world.recorder.note('apiRejects', { count: options.apiErrorCount ?? 0 });
  for (const note of read.notes)
    world.recorder.note('invalidNumber', { path: note.path, value: note.value, used: note.used });

  let job: JobController | null = null;
  let cron: CronJobController | null = null;
  let daemons: DaemonSetController | null = null;
  let horizonMs = scenario.horizon.durationMs;
  switch (read.kind) {
    case 'Job': {
      const spec = read.spec;
      if (spec.managedBy !== null && spec.managedBy !== 'kubernetes.io/job-controller') {
        world.recorder.note('notManaged', { managedBy: spec.managedBy });
      } else if (spec.completionMode !== 'NonIndexed' && spec.completionMode !== 'Indexed') {
        world.recorder.note('unknownCompletionMode', { mode: spec.completionMode });
      }
      if (spec.completionMode === 'Indexed' && (spec.completions ?? 0) > 100_000)
        world.recorder.note('indexedTooLarge');
      job = new JobController(world, {
        spec,
        name: spec.name,
        observeManage: options.observeManageJob ?? null,
        observeBackoff: options.observeJobBackoff ?? null,
      });
      if (spec.completionMode !== 'NonIndexed' && spec.completionMode !== 'Indexed') {
        world.recorder.recordEvent(
          'Warning',
          'UnknownCompletionMode',
          { kind: 'Job', name: spec.name },
          'job-controller',
          `UnknownCompletionMode: ${spec.completionMode}`,
        );
      }
      job.start();
      break;
    }
    case 'CronJob': {
      const jobs = scenario.horizon.jobs ?? (horizonMs === null ? DEFAULT_CRONJOB_JOBS : null);
      cron = new CronJobController(world, { spec: read.spec, horizonJobs: jobs });
      if (cron.scheduling === 'unparseable') world.recorder.note('unparseableSchedule');
      cron.start();
      break;
    }
    case 'DaemonSet':
      daemons = new DaemonSetController(world, {
        spec: read.spec,
        observeRollout: options.observeRollout ?? null,
        observeManage: options.observeDaemonManage ?? null,
      });
      daemons.start();
      break;
  }
  for (const event of scenario.events) {
    world.at(event.atMs, Priority.scenario, () => applyEvent(world, event, job, cron, daemons));
  }
  if (horizonMs !== null) horizonMs = Math.min(horizonMs, Number.MAX_SAFE_INTEGER);
  // Without a horizon of Jobs, only a suspension can end a CronJob's run before its horizon
  // (or a schedule with more than five years between runs, which robfig's Next gives up on;
  // that matters only with a maxDuration of years).
  world.horizonBeyondLimit =
    horizonMs !== null &&
    horizonMs > scenario.limits.maxDurationMs &&
    scenario.horizon.jobs === null &&
    !scenario.events.some((event) => event.type === 'suspend');

  const ended = world.run(horizonMs);
  return {
    ok: true,
    timeline: buildTimeline(
      world,
      read.kind,
      read.spec.name,
      read.spec.namespace,
      ended,
      job,
      cron,
      daemons,
      say,
    ),
  };
}

function applyEvent(
  world: World,
  event: ScenarioEventSpec,
  job: JobController | null,
  cron: CronJobController | null,
  daemons: DaemonSetController | null,
): void {
  const context = { time: world.formatTime(world.now), event: event.type, line: event.line };
  const liveNode = (name: string): ReturnType<World['nodes']['get']> => {
    const node = world.nodes.get(name);
    if (!node || node.removed !== null) {
      world.recorder.note('eventNoNode', { ...context, node: name });
      return undefined;
    }
    return node;
  };
  let changed = true;
  switch (event.type) {
    case 'addNode':
      changed = world.addNode(event.node);
      break;
    case 'removeNode': {
      const node = liveNode(event.node);
      if (!node) return;
      world.removeNode(node);
      break;
    }
    case 'drainNode': {
      const node = liveNode(event.node);
      if (!node) return;
      const wasCordoned = node.unschedulable;
      changed = world.drain(node) > 0 || !wasCordoned;
      break;
    }
    case 'cordonNode':
    case 'uncordonNode': {
      const node = liveNode(event.node);
      if (!node) return;
      changed = world.cordon(node, event.type === 'cordonNode');
      break;
    }
    case 'taintNode': {
      const node = liveNode(event.node);
      if (!node) return;
      world.taint(node, event.taint);
      break;
    }
    case 'untaintNode': {
      const node = liveNode(event.node);
      if (!node) return;
      changed = world.untaint(node, event.key, event.effect);
      break;
    }
    case 'labelNode': {
      const node = liveNode(event.node);
      if (!node) return;
      world.label(node, event.labels);
      break;
    }
    case 'disruptPod':
    case 'deletePod': {
      const pods = world.selectPods(event.selector);
      if (pods.length === 0) {
        world.recorder.note('eventNoMatch', context);
        return;
      }
      for (const pod of pods) world.deletePod(pod, event.type === 'disruptPod' ? event.reason : null);
      break;
    }
    case 'changeTemplate':
      daemons?.changeTemplate();
      break;
    case 'suspend':
    case 'resume':
      changed = (job ?? cron)?.setSuspended(event.type === 'suspend') ?? false;
      break;
  }
  if (!changed) world.recorder.note('eventIgnored', context);
}

function buildTimeline(
  world: World,
  kind: Timeline['kind'],
  name: string,
  namespace: string,
  ended: 'idle' | StopReason,
  job: JobController | null,
  cron: CronJobController | null,
  daemons: DaemonSetController | null,
  say: (key: keyof (typeof simulatorMessages)['en'], args?: Record<string, string | number>) => string,
): Timeline {
  const scenario = world.scenario;
  const limits = scenario.limits;
  const truncated = ended === 'maxEvents' || ended === 'maxDuration' || ended === 'maxPods';
  const at = world.formatTime(world.now);
  const detail = world.stopDetail;
  const truncationReason =
    truncated && detail !== null
      ? say(detail.key, detail.args)
      : ended === 'maxEvents'
        ? say('truncatedEvents', { limit: limits.maxEvents, time: at })
        : ended === 'maxDuration'
          ? say('truncatedDuration', { limit: formatSpan(limits.maxDurationMs) })
          : ended === 'maxPods'
            ? say('truncatedPods', { limit: limits.maxPods, time: at })
            : null;
  const jobs = job ? [job.toTimeline(scenario.startMs)] : (cron?.timelineJobs() ?? []);
  const statusOmitted =
    (job?.samplesOmitted ?? 0) +
    (cron?.keptJobs.reduce((sum, child) => sum + child.samplesOmitted, 0) ?? 0) +
    (cron?.samples.omitted ?? 0) +
    (daemons?.samples.omitted ?? 0);
  const omitted = {
    pods: world.recorder.podsOmitted,
    jobs: cron?.jobsOmitted ?? 0,
    events: world.recorder.eventsOmitted,
    status: statusOmitted,
  };
  // What the lists kept: their caps, or less where the timeline's budget ran out first.
  if (omitted.pods > 0)
    world.recorder.note('timelineCappedPods', {
      kept: world.recorder.keptPods.length,
      omitted: omitted.pods,
    });
  if (omitted.jobs > 0)
    world.recorder.note('timelineCappedJobs', { kept: jobs.length, omitted: omitted.jobs });
  if (omitted.events > 0)
    world.recorder.note('timelineCappedEvents', {
      kept: world.recorder.events.length,
      omitted: omitted.events,
    });
  if (omitted.status > 0)
    world.recorder.note('timelineCappedStatus', { kept: limits.statusSamples, omitted: omitted.status });
  // Listed before the budget's note, which counts the nodes it left out.
  const nodes = world.recorder.timelineNodes(
    world.nodeOrder,
    daemons ? (node) => daemons.nodeVerdict(node) : null,
  );
  if (world.recorder.nodesOmitted > 0) {
    world.recorder.note('timelineCappedNodes', {
      kept: nodes.length,
      omitted: world.recorder.nodesOmitted,
    });
  }
  const budget = world.recorder.budget;
  if (budget.spentAt !== null) {
    world.recorder.note('timelineBudgetSpent', {
      entries: TIMELINE_ENTRY_BUDGET,
      time: world.formatTime(budget.spentAt),
      omitted: budget.omitted,
    });
  }

  return {
    formatVersion: TIMELINE_FORMAT_VERSION,
    kind,
    name,
    namespace,
    seed: scenario.seed,
    start: formatInstant(scenario.startMs),
    controllerTimeZone: scenario.controllerTimeZone,
    // An idle run ends with its last change; stale timers (a killed pod's exit) change nothing.
    end: toSeconds(ended === 'idle' ? world.lastChange : world.now),
    endReason: truncated ? 'truncated' : ended === 'horizon' ? 'horizon' : 'idle',
    truncated,
    truncationReason,
    truncationLimit: truncated ? ended : null,
    eventsProcessed: world.eventsProcessed,
    notes: world.recorder.notes,
    nodes,
    jobs,
    pods: world.recorder.timelinePods(),
    events: world.recorder.events,
    status: cron ? cron.samples.items : daemons ? daemons.samples.items : [],
    revisions: daemons?.timelineRevisions() ?? [],
    summary: summarize(world, job, cron, daemons),
    omitted,
  };
}

function summarize(
  world: World,
  job: JobController | null,
  cron: CronJobController | null,
  daemons: DaemonSetController | null,
): TimelineSummary {
  const common = {
    podsCreated: world.podsCreated,
    podsSucceeded: world.podsSucceeded,
    podsFailed: world.podsFailed,
    podsDeleted: world.podsDeleted,
    peakConcurrency: world.peakConcurrency,
    peakConcurrencyTime: world.peakConcurrencyTime === null ? null : toSeconds(world.peakConcurrencyTime),
    failedPodSeconds: toSeconds(world.failedPodMs),
    cronJob: null,
    daemonSet: null,
  };
  if (job) {
    const timeline = job.toTimeline(world.scenario.startMs);
    const managed = job.spec.managedBy === null || job.spec.managedBy === 'kubernetes.io/job-controller';
    return {
      ...common,
      outcome: managed ? timeline.outcome : 'NotManaged',
      reason: timeline.reason,
      message: timeline.message,
      finishTime: timeline.finished,
    };
  }
  if (cron) {
    const blocked = cron.blockedReason;
    return {
      ...common,
      outcome: blocked !== null ? 'NotScheduling' : cron.suspended ? 'Suspended' : 'Scheduling',
      reason: blocked,
      message: null,
      finishTime: null,
      cronJob: { ...cron.totals },
    };
  }
  const ds = daemons as DaemonSetController;
  const status = ds.statusNow();
  return {
    ...common,
    outcome: status.desiredNumberScheduled === 0 ? 'Idle' : ds.rolloutDone ? 'RolledOut' : 'Progressing',
    reason: null,
    message: null,
    finishTime: ds.rolloutCompleteAt === null ? null : toSeconds(ds.rolloutCompleteAt),
    daemonSet: {
      desiredNumberScheduled: status.desiredNumberScheduled,
      numberAvailable: status.numberAvailable,
      updatedNumberScheduled: status.updatedNumberScheduled,
      revision: ds.currentRevision,
    },
  };
}
