// The simulator's fast controller decisions against plain recomputations of them
// (simulatorReference.ts), on seeded, generated scenarios: CronJob schedule times in many zones
// after controller downtime, with and without startingDeadlineSeconds; DaemonSet rollouts over
// random clusters with taints, node changes, readiness delays and every form of maxSurge and
// maxUnavailable; the DaemonSet's manage loop, recomputed over every node, on clusters with
// placement rules, taints, cordons, drains, node changes and failing pods; Job manageJob
// decisions, and the pod-failure backoff per Job and per index. Each case is printed with its inputs when it fails.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCronSchedule, ScheduleTimes } from '../../server/src/core/cron';
import type { ParsedSchedule } from '../../server/src/core/cron';
import {
  mostRecentScheduleTime,
  nextScheduleTimeDuration,
} from '../../server/src/core/simulator/cronJobController';
import type {
  ManageDecision,
  ManageView,
  RolloutDecision,
  RolloutView,
} from '../../server/src/core/simulator/daemonSetController';
import type {
  JobBackoffDecision,
  JobBackoffView,
  ManageJobDecision,
  ManageJobView,
} from '../../server/src/core/simulator/jobController';
import { RandomStreams } from '../../server/src/core/simulator/random';
import type { RandomStream } from '../../server/src/core/simulator/random';
import { simulateDocument } from '../../server/src/core/simulator';
import {
  referenceMostRecentScheduleTime,
  referenceNextWake,
  referenceManage,
  referenceJobBackoff,
  referenceManageJob,
  referenceRollingUpdate,
  ReferenceBackoff,
} from './simulatorReference';
import { daemonSetManifest, jobManifest } from './simulatorSupport';
import type { Json } from './simulatorSupport';

const pick = <T>(random: RandomStream, items: readonly T[]): T => items[random.nextInt(items.length)] as T;

// ---- CronJob ------------------------------------------------------------------------------------

/** Schedules, with the shortest gap between their runs in minutes (bounds the downtime drawn). */
const SCHEDULES: readonly [string, number][] = [
  ['*/5 * * * *', 5],
  ['* * * * *', 1],
  ['0 * * * *', 60],
  ['30 2 * * *', 1440],
  ['0 1-3 * * *', 60],
  ['15 1 * * 0', 10080],
  ['0 9 * * 1-5', 1440],
  ['0,1 9 * * *', 1],
  ['30 6-16/4 * * 1-5', 240],
  ['*/7 1-3,9-17 1-15 1-6,9-12 1-5', 7],
  ['0 0 1 * *', 40000],
  ['59 23 31 * *', 40000],
  ['0 0 29 2 *', 500000],
  ['0 0 30 2 *', 500000],
  ['@hourly', 60],
  ['@daily', 1440],
  ['@every 90m', 90],
  ['@every 1h30m10s', 90],
];
const ZONES = [
  'UTC',
  'America/New_York',
  'Europe/London',
  'Europe/Berlin',
  'Australia/Lord_Howe',
  'Asia/Kolkata',
  'Pacific/Chatham',
  'America/Sao_Paulo',
];
/** Instants near 2026's clock changes in those zones, and plain ones. */
const AROUND = [
  Date.UTC(2026, 0, 5),
  Date.UTC(2026, 2, 8, 6),
  Date.UTC(2026, 2, 29, 0, 30),
  Date.UTC(2026, 3, 4, 14),
  Date.UTC(2026, 8, 26, 13),
  Date.UTC(2026, 9, 3, 15),
  Date.UTC(2026, 9, 25, 0, 30),
  Date.UTC(2026, 10, 1, 5),
  Date.UTC(2026, 11, 31, 23),
];
const DEADLINES = [null, null, null, 10_000, 100_000, 200_000, 3_600_000, 86_400_000];

test('CronJob: the schedule times due and missed match a plain recomputation (400 cases)', () => {
  const random = new RandomStreams(13).stream('cronCases');
  const parsed = new Map<string, ParsedSchedule>();
  const times = new Map<string, ScheduleTimes>();
  let due = 0;
  let many = 0;
  for (let i = 0; i < 400; i++) {
    const [text, gapMinutes] = pick(random, SCHEDULES);
    const zone = pick(random, ZONES);
    let schedule = parsed.get(text);
    if (!schedule) {
      const result = parseCronSchedule(text);
      assert.ok(result.ok, text);
      schedule = result;
      parsed.set(text, schedule);
    }
    // One ScheduleTimes per schedule and zone for every case, so that its caches are warm and
    // asked in no particular order, as a long run asks them.
    const key = `${text} ${zone}`;
    let fast = times.get(key);
    if (!fast) times.set(key, (fast = new ScheduleTimes(schedule, zone)));
    const since =
      pick(random, AROUND) + Math.floor((random.next() - 0.5) * 6 * 3_600_000) + random.nextInt(60) * 1000;
    // The controller was down (or the CronJob suspended) for up to about 3000 of its runs.
    const spans = [90_000, 2 * 3_600_000, 2 * 86_400_000, gapMinutes * 60_000 * 3000];
    const now = since + Math.floor(random.next() * Math.min(pick(random, spans), 40 * 86_400_000));
    const deadline = pick(random, DEADLINES);
    const context = JSON.stringify({ i, text, zone, since: new Date(since), now: new Date(now), deadline });

    const state = mostRecentScheduleTime(fast, since, deadline, now);
    assert.deepEqual(state, referenceMostRecentScheduleTime(schedule, zone, since, deadline, now), context);
    const plain = mostRecentScheduleTime(fast, since, null, now);
    assert.equal(
      nextScheduleTimeDuration(fast, plain, now),
      referenceNextWake(schedule, zone, plain, now),
      context,
    );
    if (state.mostRecent !== null) due++;
    if (state.missed === 'many') many++;
  }
  // The cases reach every branch: nothing due, one due, and more than 100 missed.
  assert.ok(due > 60 && due < 380, `due ${due}`);
  assert.ok(many > 20, `many ${many}`);
});

// ---- DaemonSet ----------------------------------------------------------------------------------

const intOrPercent = (random: RandomStream, max: number): Json =>
  random.next() < 0.5 ? 1 + random.nextInt(max) : `${pick(random, [1, 10, 25, 33, 50, 75, 100])}%`;

/** A generated DaemonSet, cluster and scenario. */
function daemonSetCase(random: RandomStream, seed: number): { manifest: Json; scenario: Json } {
  const count = 1 + random.nextInt(40);
  const nodes: Json[] = [];
  for (let n = 1; n <= count; n++) {
    const taints: Json[] = [];
    if (random.next() < 0.15) taints.push({ key: 'dedicated', value: 'x', effect: 'NoSchedule' });
    if (random.next() < 0.05) taints.push({ key: 'gpu', effect: 'NoExecute' });
    nodes.push({ name: `n${n}`, labels: { pool: random.next() < 0.7 ? 'a' : 'b' }, taints });
  }
  const strategy = pick(random, ['unavailable', 'surge', 'both', 'unavailable']);
  const rollingUpdate: Record<string, Json> =
    strategy === 'unavailable'
      ? { maxUnavailable: intOrPercent(random, 6), maxSurge: 0 }
      : strategy === 'surge'
        ? { maxUnavailable: 0, maxSurge: intOrPercent(random, 6) }
        : { maxUnavailable: intOrPercent(random, 3), maxSurge: intOrPercent(random, 3) };
  const podSpec: Record<string, Json> = {};
  if (random.next() < 0.3) podSpec.nodeSelector = { pool: 'a' };
  if (random.next() < 0.3)
    podSpec.tolerations = [{ key: 'dedicated', operator: 'Exists', effect: 'NoSchedule' }];
  if (random.next() < 0.2) {
    podSpec.tolerations = [
      ...((podSpec.tolerations as Json[] | undefined) ?? []),
      { key: 'gpu', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 20 },
    ];
  }
  const manifest = daemonSetManifest(
    {
      minReadySeconds: pick(random, [0, 0, 5, 15]),
      updateStrategy: { type: 'RollingUpdate', rollingUpdate },
    },
    podSpec,
  );
  // Node events in time order, on nodes that exist at that time.
  const alive = Array.from({ length: count }, (_, n) => `n${n + 1}`);
  const node = (): string => pick(random, alive);
  const events: Json[] = [{ at: '30s', type: 'changeTemplate' }];
  if (random.next() < 0.4) events.push({ at: `${40 + random.nextInt(60)}s`, type: 'changeTemplate' });
  const times = Array.from({ length: random.nextInt(5) }, () => 20 + random.nextInt(100)).sort(
    (a, b) => a - b,
  );
  for (const [e, second] of times.entries()) {
    const at = `${second}s`;
    switch (random.nextInt(7)) {
      case 0:
        events.push({ at, type: 'addNode', node: { name: `extra${e}`, labels: { pool: 'a' } } });
        alive.push(`extra${e}`);
        break;
      case 1:
        if (alive.length > 1) {
          const gone = node();
          events.push({ at, type: 'removeNode', node: gone });
          alive.splice(alive.indexOf(gone), 1);
        }
        break;
      case 2:
        events.push({
          at,
          type: 'taintNode',
          node: node(),
          taint: { key: 'dedicated', value: 'y', effect: 'NoSchedule' },
        });
        break;
      case 3:
        events.push({ at, type: 'taintNode', node: node(), taint: { key: 'gpu', effect: 'NoExecute' } });
        break;
      case 4:
        events.push({ at, type: 'untaintNode', node: node(), key: 'dedicated' });
        break;
      case 5:
        events.push({
          at,
          type: 'labelNode',
          node: node(),
          labels: { pool: random.next() < 0.5 ? 'a' : 'b' },
        });
        break;
      default:
        events.push({ at, type: random.next() < 0.5 ? 'cordonNode' : 'uncordonNode', node: node() });
    }
  }
  const scenario: Json = {
    seed,
    horizon: '15m',
    nodes,
    pods: {
      startLatency: { min: '0s', max: `${1 + random.nextInt(12)}s` },
      terminationTime: { min: '0s', max: '3s' },
    },
    events,
  };
  return { manifest, scenario };
}

/** The fast decision in the reference's terms: sorted pod ids to delete and node orders to create on. */
function asReference(decision: RolloutDecision): object {
  return {
    maxSurge: decision.maxSurge,
    maxUnavailable: decision.maxUnavailable,
    deletes: decision.oldPodsToDelete.map((pod) => pod.id).sort((a, b) => a - b),
    creates: decision.newNodesToCreate.map((entry) => entry.node.order).sort((a, b) => a - b),
  };
}

test('DaemonSet: every rollingUpdate decision matches a plain recomputation (200 scenarios)', () => {
  const random = new RandomStreams(29).stream('daemonSetCases');
  let decisions = 0;
  let acting = 0;
  for (let i = 0; i < 200; i++) {
    const { manifest, scenario } = daemonSetCase(random, i + 1);
    const context = JSON.stringify({ i, manifest, scenario });
    const observeRollout = (view: RolloutView, decision: RolloutDecision): void => {
      decisions++;
      if (decision.oldPodsToDelete.length + decision.newNodesToCreate.length > 0) acting++;
      assert.deepEqual(asReference(decision), referenceRollingUpdate(view), `t=${view.now} ${context}`);
    };
    const result = simulateDocument(JSON.stringify(manifest), {
      scenarioText: JSON.stringify(scenario),
      observeRollout,
    });
    assert.ok(result.ok, `${JSON.stringify(result.ok ? null : result.error)} ${context}`);
  }
  assert.ok(decisions > 2000, `decisions ${decisions}`);
  assert.ok(acting > 500, `acting ${acting}`);
});

/** Taints the manage cases put on nodes: tolerated by some templates, by the automatic tolerations, or by none. */
const MANAGE_TAINTS: readonly Json[] = [
  { key: 'dedicated', value: 'x', effect: 'NoSchedule' },
  { key: 'dedicated', value: 'y', effect: 'NoSchedule' },
  { key: 'gpu', effect: 'NoExecute' },
  { key: 'gpu', value: 'big', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/not-ready', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/network-unavailable', effect: 'NoSchedule' },
  { key: 'soft', effect: 'PreferNoSchedule' },
];

/** Tolerations a template may carry (the not-ready one is replaced by the automatic one). */
const MANAGE_TOLERATIONS: readonly Json[] = [
  { key: 'dedicated', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'dedicated', operator: 'Equal', value: 'x' },
  { key: 'dedicated', value: 'y', effect: 'NoSchedule' },
  { key: 'gpu', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 15 },
  { key: 'gpu', operator: 'Exists', effect: 'NoExecute' },
  { key: 'gpu', operator: 'Equal', value: 'big', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 30 },
  { operator: 'Exists', effect: 'NoSchedule' },
];

/** Required node affinity terms a template may carry. */
const MANAGE_TERMS: readonly Json[] = [
  { matchExpressions: [{ key: 'zone', operator: 'In', values: ['z1', 'z3'] }] },
  { matchExpressions: [{ key: 'size', operator: 'Gt', values: ['3'] }] },
  {
    matchExpressions: [
      { key: 'size', operator: 'Lt', values: ['6'] },
      { key: 'spot', operator: 'DoesNotExist' },
    ],
  },
  { matchExpressions: [{ key: 'zone', operator: 'NotIn', values: ['z2'] }] },
  { matchExpressions: [{ key: 'spot', operator: 'Exists' }] },
];

function manageLabels(random: RandomStream): Record<string, Json> {
  const labels: Record<string, Json> = { pool: random.next() < 0.7 ? 'a' : 'b' };
  if (random.next() < 0.8) labels.zone = pick(random, ['z1', 'z2', 'z3']);
  if (random.next() < 0.8) labels.size = String(1 + random.nextInt(8));
  if (random.next() < 0.2) labels.spot = 'true';
  return labels;
}

function manageTaints(random: RandomStream): Json[] {
  const taints: Json[] = [];
  for (const taint of MANAGE_TAINTS) if (random.next() < 0.06) taints.push(taint);
  return taints;
}

/** A generated DaemonSet and scenario for the manage loop: placement rules, node changes, pod losses. */
function daemonManageCase(random: RandomStream, seed: number): { manifest: Json; scenario: Json } {
  const count = 1 + random.nextInt(24);
  const nodes: Json[] = [];
  for (let n = 1; n <= count; n++) {
    nodes.push({
      name: `n${n}`,
      labels: manageLabels(random),
      taints: manageTaints(random),
      unschedulable: random.next() < 0.1,
    });
  }
  const strategy = pick(random, ['unavailable', 'surge', 'surge', 'onDelete']);
  const updateStrategy: Json =
    strategy === 'onDelete'
      ? { type: 'OnDelete' }
      : strategy === 'surge'
        ? { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: intOrPercent(random, 4) } }
        : { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: intOrPercent(random, 4), maxSurge: 0 } };
  const podSpec: Record<string, Json> = {};
  if (random.next() < 0.25) podSpec.nodeSelector = { pool: 'a' };
  if (random.next() < 0.3) {
    const terms = MANAGE_TERMS.filter(() => random.next() < 0.4);
    podSpec.affinity = {
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: terms.length > 0 ? terms : [pick(random, MANAGE_TERMS)],
        },
      },
    };
  }
  const tolerations = MANAGE_TOLERATIONS.filter(() => random.next() < 0.2);
  if (tolerations.length > 0) podSpec.tolerations = tolerations;
  if (random.next() < 0.2) podSpec.hostNetwork = true;
  // The API server rejects activeDeadlineSeconds in a DaemonSet (kubernetes-behaviour §1.5), but it
  // is the one way a simulated daemon pod fails, which the manage loop must then replace.
  // With surge a node whose Failed pod waits for the backoff gets another pod, which fails too:
  // the Failed pods pile up, so these runs are kept short.
  const failing = random.next() < 0.2;
  if (failing) podSpec.activeDeadlineSeconds = pick(random, [1, 3, 10]);
  const manifest = daemonSetManifest(
    { minReadySeconds: pick(random, [0, 0, 3, 10]), updateStrategy },
    podSpec,
  );
  const alive = Array.from({ length: count }, (_, n) => `n${n + 1}`);
  const node = (): string => pick(random, alive);
  const events: Json[] = [];
  const times = Array.from({ length: random.nextInt(9) }, () => 2 + random.nextInt(130)).sort(
    (a, b) => a - b,
  );
  for (const [e, second] of times.entries()) {
    const at = `${second}s`;
    switch (random.nextInt(12)) {
      case 0:
        events.push({
          at,
          type: 'addNode',
          node: { name: `extra${e}`, labels: manageLabels(random), taints: manageTaints(random) },
        });
        alive.push(`extra${e}`);
        break;
      case 1:
        if (alive.length > 1) {
          const gone = node();
          events.push({ at, type: 'removeNode', node: gone });
          alive.splice(alive.indexOf(gone), 1);
        }
        break;
      case 2:
      case 3:
        events.push({ at, type: 'taintNode', node: node(), taint: pick(random, MANAGE_TAINTS) });
        break;
      case 4:
        events.push({
          at,
          type: 'untaintNode',
          node: node(),
          key: pick(random, ['dedicated', 'gpu', 'soft']),
        });
        break;
      case 5:
        events.push({ at, type: 'labelNode', node: node(), labels: { ...manageLabels(random), spot: null } });
        break;
      case 6:
        events.push({ at, type: random.next() < 0.5 ? 'cordonNode' : 'uncordonNode', node: node() });
        break;
      case 7:
        events.push({ at, type: 'drainNode', node: node() });
        break;
      case 8:
        events.push({ at, type: 'deletePod', pod: 1 + random.nextInt(count + 4) });
        break;
      case 9:
        events.push({ at, type: 'deletePod', node: node() });
        break;
      case 10:
        events.push({ at, type: 'disruptPod', pod: 1 + random.nextInt(count + 4) });
        break;
      default:
        events.push({ at, type: 'changeTemplate' });
    }
  }
  const scenario: Json = {
    seed,
    horizon: failing ? '60s' : '150s',
    nodes,
    pods: {
      startLatency: { min: '0s', max: `${random.nextInt(4)}s` },
      terminationTime: { min: '0s', max: `${random.nextInt(5)}s` },
    },
    events,
  };
  return { manifest, scenario };
}

test('DaemonSet: every manage pass matches a plain recomputation over all nodes (220 scenarios)', () => {
  const random = new RandomStreams(37).stream('daemonManageCases');
  const seen = { decisions: 0, creating: 0, deleting: 0, failedDeleted: 0, failedWaiting: 0 };
  for (let i = 0; i < 220; i++) {
    const { manifest, scenario } = daemonManageCase(random, i + 1);
    const context = JSON.stringify({ i, manifest, scenario });
    // The failed-pod backoff is the controller's memory across passes; the reference keeps its own.
    const backoff = new ReferenceBackoff();
    const observeDaemonManage = (view: ManageView, decision: ManageDecision): void => {
      const expected = referenceManage(view, backoff);
      seen.decisions++;
      if (expected.creates.length > 0) seen.creating++;
      if (expected.deletes.length > 0) seen.deleting++;
      seen.failedDeleted += expected.failedDeleted;
      seen.failedWaiting += expected.failedWaiting;
      // The generated clusters stay below burstReplicas, so nothing is left for a later pass.
      assert.ok(decision.creates.length <= 250 && decision.deletes.length <= 250);
      assert.deepEqual(
        {
          creates: decision.creates,
          deletes: decision.deletes.map((pod) => pod.id).sort((a, b) => a - b),
        },
        { creates: expected.creates, deletes: expected.deletes },
        `t=${view.now} ${context}`,
      );
    };
    const result = simulateDocument(JSON.stringify(manifest), {
      scenarioText: JSON.stringify(scenario),
      observeDaemonManage,
    });
    assert.ok(result.ok, `${JSON.stringify(result.ok ? null : result.error)} ${context}`);
  }
  // The cases create and delete pods, delete failed ones and hold some back for the backoff.
  assert.ok(seen.decisions > 3000, JSON.stringify(seen));
  assert.ok(seen.creating > 600 && seen.deleting > 300, JSON.stringify(seen));
  assert.ok(seen.failedDeleted > 1000 && seen.failedWaiting > 1000, JSON.stringify(seen));
});

// ---- Job ----------------------------------------------------------------------------------------

/** A generated Job and scenario: failures, disruptions, deletions, suspension, node changes. */
function jobCase(random: RandomStream, seed: number): { manifest: Json; scenario: Json } {
  const indexed = random.next() < 0.35;
  const completions = indexed || random.next() < 0.8 ? 1 + random.nextInt(24) : null;
  const spec: Record<string, Json> = {
    parallelism: 1 + random.nextInt(8),
    backoffLimit: random.nextInt(8),
    podReplacementPolicy: random.next() < 0.5 ? 'Failed' : 'TerminatingOrFailed',
  };
  if (completions !== null) spec.completions = completions;
  if (indexed) spec.completionMode = 'Indexed';
  const podSpec: Record<string, Json> = random.next() < 0.3 ? { restartPolicy: 'OnFailure' } : {};
  const events: Json[] = [];
  const times = Array.from({ length: random.nextInt(6) }, () => 5 + random.nextInt(120)).sort(
    (a, b) => a - b,
  );
  let suspended = false;
  for (const second of times) {
    const at = `${second}s`;
    switch (random.nextInt(6)) {
      case 0:
        events.push({ at, type: 'disruptPod', pod: 1 + random.nextInt(8) });
        break;
      case 1:
        events.push({ at, type: 'deletePod', pod: 1 + random.nextInt(8) });
        break;
      case 2:
        events.push({ at, type: suspended ? 'resume' : 'suspend' });
        suspended = !suspended;
        break;
      case 3:
        events.push({ at, type: 'drainNode', node: pick(random, ['worker-1', 'worker-2']) });
        break;
      case 4:
        events.push({ at, type: 'taintNode', node: 'worker-1', taint: { key: 'gpu', effect: 'NoExecute' } });
        break;
      default:
        events.push({ at, type: 'uncordonNode', node: 'worker-1' });
    }
  }
  if (suspended) events.push({ at: '200s', type: 'resume' });
  const scenario: Json = {
    seed,
    pods: {
      startLatency: { min: '0s', max: `${1 + random.nextInt(5)}s` },
      runTime: { min: '5s', max: `${6 + random.nextInt(40)}s` },
      terminationTime: { min: '0s', max: '4s' },
      exitCodes: [{ exitCode: 1, probability: pick(random, [0, 0.2, 0.5]) }],
    },
    events,
  };
  return { manifest: jobManifest(spec, podSpec), scenario };
}

test('Job: every manageJob decision matches a plain recomputation (300 Jobs)', () => {
  const random = new RandomStreams(31).stream('jobCases');
  let decisions = 0;
  let terminating = 0;
  let creating = 0;
  for (let i = 0; i < 300; i++) {
    const { manifest, scenario } = jobCase(random, i + 1);
    const context = JSON.stringify({ i, manifest, scenario });
    const observeManageJob = (view: ManageJobView, decision: ManageJobDecision): void => {
      decisions++;
      if (decision.terminating > 0) terminating++;
      if (decision.diff > 0) creating++;
      assert.deepEqual(
        { ...decision, deletes: decision.deletes.map((pod) => pod.id) },
        referenceManageJob(view),
        `t=${view.now} ${context}`,
      );
    };
    const result = simulateDocument(JSON.stringify(manifest), {
      scenarioText: JSON.stringify(scenario),
      observeManageJob,
    });
    assert.ok(result.ok, `${JSON.stringify(result.ok ? null : result.error)} ${context}`);
  }
  // With a fixed parallelism no generated case has more active pods than wanted, so none deletes;
  // the cases do count terminating pods under both replacement policies.
  assert.ok(decisions > 1000, `decisions ${decisions}`);
  assert.ok(terminating > 50 && creating > 500, `terminating ${terminating}, creating ${creating}`);
});

/** A generated Job whose pods fail often: the backoff, per Job or per index, decides when replacements come. */
function failingJobCase(random: RandomStream, seed: number): { manifest: Json; scenario: Json } {
  const indexed = random.next() < 0.6;
  const perIndex = indexed && random.next() < 0.7;
  const spec: Record<string, Json> = {
    parallelism: 1 + random.nextInt(5),
    completions: 1 + random.nextInt(12),
    podReplacementPolicy: random.next() < 0.5 ? 'Failed' : 'TerminatingOrFailed',
  };
  if (indexed) spec.completionMode = 'Indexed';
  if (perIndex) spec.backoffLimitPerIndex = random.nextInt(5);
  else spec.backoffLimit = 2 + random.nextInt(10);
  if (random.next() < 0.25) {
    spec.podFailurePolicy = {
      rules: [
        { action: 'Ignore', onExitCodes: { operator: 'In', values: [3] } },
        ...(perIndex && random.next() < 0.5
          ? [{ action: 'FailIndex', onExitCodes: { operator: 'In', values: [4] } }]
          : []),
      ],
    };
    spec.podReplacementPolicy = 'Failed';
  }
  const events: Json[] = [];
  const times = Array.from({ length: random.nextInt(4) }, () => 5 + random.nextInt(400)).sort(
    (a, b) => a - b,
  );
  for (const second of times) {
    const at = `${second}s`;
    switch (random.nextInt(3)) {
      case 0:
        events.push({ at, type: 'deletePod', pod: 1 + random.nextInt(10) });
        break;
      case 1:
        events.push({ at, type: 'disruptPod', pod: 1 + random.nextInt(10) });
        break;
      default:
        events.push({ at, type: 'drainNode', node: pick(random, ['worker-1', 'worker-2']) });
    }
  }
  const fail = pick(random, [0.3, 0.5, 0.7, 0.9]);
  const scenario: Json = {
    seed,
    horizon: '20m',
    ...(random.next() < 0.3 ? { controller: { jobBackoffCap: pick(random, ['20s', '1m', '2m']) } } : {}),
    pods: {
      startLatency: { min: '0s', max: `${1 + random.nextInt(3)}s` },
      runTime: { min: '1s', max: `${2 + random.nextInt(30)}s` },
      terminationTime: { min: '0s', max: '3s' },
      exitCodes: [
        { exitCode: 1, probability: fail * 0.7 },
        { exitCode: 3, probability: fail * 0.2 },
        { exitCode: 4, probability: fail * 0.1 },
      ],
    },
    events,
  };
  return { manifest: jobManifest(spec), scenario };
}

test('Job: every pod-failure backoff decision matches a plain recomputation (250 Jobs)', () => {
  const random = new RandomStreams(41).stream('jobBackoffCases');
  const seen = { decisions: 0, waiting: 0, perIndex: 0, perIndexWaiting: 0, indexHeldBack: 0 };
  for (let i = 0; i < 250; i++) {
    const { manifest, scenario } = failingJobCase(random, i + 1);
    const context = JSON.stringify({ i, manifest, scenario });
    const observeJobBackoff = (view: JobBackoffView, decision: JobBackoffDecision): void => {
      const expected = referenceJobBackoff(view);
      seen.decisions++;
      if (expected.remainingMs > 0) seen.waiting++;
      if (expected.indexes !== null) {
        seen.perIndex++;
        if (expected.retryAt !== null) seen.perIndexWaiting++;
        if (expected.indexes.length < Math.min(view.diff, 500)) seen.indexHeldBack++;
      }
      assert.deepEqual(
        { remainingMs: decision.remainingMs, indexes: decision.indexes, retryAt: decision.retryAt },
        expected,
        `t=${view.now} ${context}`,
      );
    };
    const result = simulateDocument(JSON.stringify(manifest), {
      scenarioText: JSON.stringify(scenario),
      observeJobBackoff,
    });
    assert.ok(result.ok, `${JSON.stringify(result.ok ? null : result.error)} ${context}`);
  }
  // The cases wait out the Job's backoff, and with backoffLimitPerIndex both start only some of
  // the first pending indexes and wait for all of them.
  assert.ok(seen.decisions > 2000 && seen.waiting > 300, JSON.stringify(seen));
  assert.ok(
    seen.perIndex > 300 && seen.perIndexWaiting > 50 && seen.indexHeldBack > 50,
    JSON.stringify(seen),
  );
});
