// The simulator's fast controller decisions against plain recomputations of them
// (simulatorReference.ts), on seeded, generated scenarios: CronJob schedule times in many zones
// after controller downtime, with and without startingDeadlineSeconds; DaemonSet rollouts over
// random clusters with taints, node changes, readiness delays and every form of maxSurge and
// maxUnavailable. Each case is printed with its inputs when it fails.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCronSchedule, ScheduleTimes } from '../../server/src/core/cron';
import type { ParsedSchedule } from '../../server/src/core/cron';
import {
  mostRecentScheduleTime,
  nextScheduleTimeDuration,
} from '../../server/src/core/simulator/cronJobController';
import type { RolloutDecision, RolloutView } from '../../server/src/core/simulator/daemonSetController';
import type { ManageJobDecision, ManageJobView } from '../../server/src/core/simulator/jobController';
import { RandomStreams } from '../../server/src/core/simulator/random';
import type { RandomStream } from '../../server/src/core/simulator/random';
import { simulateDocument } from '../../server/src/core/simulator';
import {
  referenceMostRecentScheduleTime,
  referenceNextWake,
  referenceManageJob,
  referenceRollingUpdate,
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
