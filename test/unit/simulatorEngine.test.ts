import assert from 'node:assert/strict';
import { test } from 'node:test';
import { computeNextRuns, loadTimeZone, parseCronSchedule } from '../../server/src/core/cron';
import { simulateDocument } from '../../server/src/core/simulator';
import { matcherOf } from '../../server/src/core/cron/computeNextRuns';
import { fastNextRun } from '../../server/src/core/cron/fastNextRun';
import { parseDurationMs, parseInstantMs, formatSpan } from '../../server/src/core/simulator/durations';
import { EventQueue } from '../../server/src/core/simulator/eventQueue';
import { FrontQueue, IntervalSet, NumberHeap } from '../../server/src/core/simulator/indexSets';
import { PodNameTable } from '../../server/src/core/simulator/podNames';
import {
  NAME_SUFFIX_ALPHABET,
  RandomStreams,
  nameSuffix,
  nameSuffixCode,
  suffixFromCode,
} from '../../server/src/core/simulator/random';
import { cronJobManifest, jobManifest, simulateYaml } from './simulatorSupport';

test('the event queue orders by time, then priority, then the order events were scheduled', () => {
  const queue = new EventQueue();
  const seen: string[] = [];
  const add = (time: number, priority: number, label: string): void =>
    queue.push(time, priority, () => seen.push(label));
  add(10, 3, 'c');
  add(5, 9, 'a');
  add(10, 1, 'b');
  add(10, 3, 'd');
  add(10, 3, 'e');
  add(0, 0, 'first');
  while (queue.pop()) queue.poppedAction(queue.poppedValue, queue.poppedTag);
  assert.deepEqual(seen, ['first', 'a', 'b', 'c', 'd', 'e']);
});

test('the heap stays ordered under many random operations', () => {
  const queue = new EventQueue();
  const random = new RandomStreams(7).stream('test');
  const times: number[] = [];
  for (let i = 0; i < 2000; i++) {
    const time = random.nextInt(100);
    times.push(time);
    queue.push(time, 0, () => undefined);
  }
  const popped: number[] = [];
  while (queue.pop()) popped.push(queue.poppedTime);
  assert.deepEqual(
    popped,
    [...times].sort((a, b) => a - b),
  );
});

test('random streams: the same seed gives the same numbers; streams do not disturb each other', () => {
  const draw = (streams: RandomStreams, name: string, count: number): number[] =>
    Array.from({ length: count }, () => streams.stream(name).next());
  const a = new RandomStreams(42);
  const b = new RandomStreams(42);
  assert.deepEqual(draw(a, 'names', 5), draw(b, 'names', 5));
  // Drawing from another stream first does not shift this one.
  const c = new RandomStreams(42);
  draw(c, 'exitCodes', 100);
  assert.deepEqual(draw(new RandomStreams(42), 'names', 10), draw(c, 'names', 10));
  assert.notDeepEqual(draw(new RandomStreams(42), 'names', 5), draw(new RandomStreams(43), 'names', 5));
  for (const value of draw(a, 'range', 1000)) assert.ok(value >= 0 && value < 1);
  const suffix = nameSuffix(a.stream('x'), 5);
  assert.equal(suffix.length, 5);
  for (const ch of suffix) assert.ok(NAME_SUFFIX_ALPHABET.includes(ch));
});

test('durations and instants', () => {
  assert.equal(parseDurationMs(90), 90_000);
  assert.equal(parseDurationMs('1.5'), 1500);
  assert.equal(parseDurationMs('500ms'), 500);
  assert.equal(parseDurationMs('1m30s'), 90_000);
  assert.equal(parseDurationMs('1.5h'), 5_400_000);
  assert.equal(parseDurationMs('2d'), 172_800_000);
  assert.equal(parseDurationMs('1w'), 604_800_000);
  for (const bad of ['', '-1s', '1x', 's', '1 s', 'abc', -1, Number.NaN, null])
    assert.equal(parseDurationMs(bad), null);
  assert.equal(parseInstantMs('2026-01-05T00:00:00Z'), Date.UTC(2026, 0, 5));
  assert.equal(parseInstantMs('2026-01-05T08:00:00+08:00'), Date.UTC(2026, 0, 5));
  assert.equal(parseInstantMs('2026-02-30T00:00:00Z'), null);
  assert.equal(parseInstantMs('2026-01-05'), null);
  assert.equal(formatSpan(90_000), '1m30s');
  assert.equal(formatSpan(60_100), '1m0.1s');
});

test('index intervals print as Kubernetes writes completedIndexes', () => {
  const set = new IntervalSet();
  for (const index of [7, 1, 4, 3, 5]) set.add(index);
  assert.equal(set.toString(), '1,3-5,7');
  const pair = new IntervalSet();
  pair.add(4);
  pair.add(3);
  assert.equal(pair.toString(), '3,4');
  assert.equal(pair.add(3), false);
  assert.equal(pair.size, 2);
  const heap = new NumberHeap();
  for (const n of [5, 1, 4, 1, 3]) heap.push(n);
  assert.deepEqual(
    [heap.pop(), heap.pop(), heap.pop(), heap.pop(), heap.pop(), heap.pop()],
    [1, 1, 3, 4, 5, undefined],
  );
});

test('determinism: the same manifest, scenario and seed give byte-identical JSON', () => {
  const manifest = jobManifest({ completions: 20, parallelism: 4, backoffLimit: 50 });
  const scenario = {
    seed: 99,
    pods: {
      startLatency: { min: '1s', max: '5s' },
      runTime: { distribution: 'normal', mean: '30s', stddev: '10s', min: '1s' },
      exitCodes: [{ exitCode: 1, probability: 0.3 }],
    },
  };
  const first = JSON.stringify(simulateYaml(manifest, scenario));
  const second = JSON.stringify(simulateYaml(manifest, scenario));
  assert.equal(first, second);
  const other = simulateYaml(manifest, { ...scenario, seed: 100 });
  assert.notEqual(JSON.stringify(other), first);
  // --seed on the command line replaces the scenario's seed.
  const overridden = simulateDocument(JSON.stringify(manifest), {
    scenarioText: JSON.stringify(scenario),
    seed: 100,
  });
  assert.ok(overridden.ok);
  assert.equal(JSON.stringify(overridden.timeline), JSON.stringify(other));
});

test('a suffix drawn as a number spells the same five characters as one drawn as text', () => {
  const asText = new RandomStreams(11).stream('podNames');
  const asCode = new RandomStreams(11).stream('podNames');
  for (let i = 0; i < 1000; i++) assert.equal(suffixFromCode(nameSuffixCode(asCode)), nameSuffix(asText, 5));
});

test('the table of pod names agrees with a set under many random operations', () => {
  const table = new PodNameTable();
  const reference = new Set<string>();
  const random = new RandomStreams(3).stream('test');
  const prefixes = ['a-', 'b-', 'a-1-'];
  for (let step = 0; step < 20_000; step++) {
    // Few codes, so that probe runs collide, wrap around and shift back on deletion.
    const prefix = prefixes[random.nextInt(prefixes.length)] ?? 'a-';
    const code = random.nextInt(step < 10_000 ? 64 : 4096);
    const key = `${prefix}${code}`;
    assert.equal(table.has(prefix, code), reference.has(key));
    if (reference.has(key)) {
      if (random.next() < 0.6) {
        table.delete(prefix, code);
        reference.delete(key);
      }
    } else if (random.next() < 0.7) {
      table.add(prefix, code);
      reference.add(key);
    }
  }
  for (const prefix of prefixes)
    for (let code = 0; code < 4096; code++)
      assert.equal(table.has(prefix, code), reference.has(`${prefix}${code}`));
});

test('a probability draw does not change the pod names (one random stream per purpose)', () => {
  const manifest = jobManifest({ completions: 5, parallelism: 5 });
  const plain = simulateYaml(manifest, { seed: 5 });
  const flaky = simulateYaml(manifest, {
    seed: 5,
    pods: { exitCodes: [{ exitCode: 0, probability: 0.5, runTime: '3s' }] },
  });
  assert.deepEqual(
    flaky.pods.map((pod) => pod.name),
    plain.pods.map((pod) => pod.name),
  );
});

test('absurd input ends at once with a clear truncation reason: completions (and parallelism) 1e9', () => {
  for (const parallelism of [1_000_000_000, 1]) {
    const timeline = simulateYaml(jobManifest({ completions: 1_000_000_000, parallelism }));
    assert.equal(timeline.truncated, true);
    assert.equal(timeline.endReason, 'truncated');
    assert.equal(timeline.truncationLimit, 'maxPods');
    assert.match(timeline.truncationReason ?? '', /1000000000 completions/);
    assert.match(timeline.truncationReason ?? '', /limits\.maxPods \(600000\)/);
    // It stops before creating the pods it could never finish with.
    assert.equal(timeline.end, 0);
    assert.equal(timeline.summary.podsCreated, 0);
    assert.equal(timeline.summary.outcome, 'Running');
  }
  const chinese = simulateDocument(JSON.stringify(jobManifest({ completions: 1_000_000_000 })), {
    locale: 'zh-CN',
  });
  assert.ok(chinese.ok);
  assert.match(chinese.timeline.truncationReason ?? '', /limits\.maxPods（600000）/);
});

test('a Job with more completions than limits.maxPods is simulated when something can end it sooner', () => {
  // Every pod fails: the Job fails at its backoff limit long before the pod limit.
  const failing = simulateYaml(jobManifest({ completions: 1_000_000_000, backoffLimit: 2 }), {
    pods: { exitCodes: [{ exitCode: 1 }] },
  });
  assert.equal(failing.truncated, false);
  assert.equal(failing.summary.outcome, 'Failed');
  assert.equal(failing.summary.reason, 'BackoffLimitExceeded');
  assert.equal(failing.summary.podsCreated, 3);
  // A horizon ends the run first.
  const short = simulateYaml(jobManifest({ completions: 1_000_000_000 }), { horizon: '1m' });
  assert.equal(short.truncated, false);
  assert.equal(short.endReason, 'horizon');
  assert.ok(short.summary.podsCreated > 0);
  // A work queue (no completions) with parallelism 1e9 ends when its first pod succeeds.
  const queue = simulateYaml(jobManifest({ parallelism: 1_000_000_000 }));
  assert.equal(queue.truncated, false);
  assert.equal(queue.summary.outcome, 'Complete');
  assert.ok(queue.summary.podsCreated < 600_000);
});

test('absurd input: a schedule every minute for a century stops at once at limits.maxDuration', () => {
  const timeline = simulateYaml(cronJobManifest({ schedule: '* * * * *' }), { horizon: '36500d' });
  assert.equal(timeline.truncated, true);
  assert.equal(timeline.endReason, 'truncated');
  assert.equal(timeline.truncationLimit, 'maxDuration');
  assert.match(timeline.truncationReason ?? '', /horizon \(36500d\)/);
  assert.match(timeline.truncationReason ?? '', /limits\.maxDuration \(400d\)/);
  // The first sync shows the CronJob is scheduling, and nothing can suspend it: the run stops.
  assert.equal(timeline.end, 0);
  assert.equal(timeline.summary.cronJob?.jobsCreated, 0);
});

test('a horizon beyond limits.maxDuration is simulated when a suspension can end the run sooner', () => {
  const timeline = simulateYaml(cronJobManifest({ schedule: '* * * * *' }), {
    horizon: '1d',
    limits: { maxDuration: '2h' },
    events: [{ at: '30m', type: 'suspend' }],
  });
  assert.equal(timeline.truncated, false);
  assert.equal(timeline.endReason, 'idle');
  // Minutes 1 to 29 each got a Job; the suspension at 30m came before the sync at 30m + 100ms.
  assert.equal(timeline.summary.cronJob?.jobsCreated, 29);
  // Without the suspension the run reaches maxDuration and says so.
  const endless = simulateYaml(cronJobManifest({ schedule: '* * * * *' }), {
    horizon: '1d',
    limits: { maxDuration: '2h' },
  });
  assert.equal(endless.truncationLimit, 'maxDuration');
  assert.equal(endless.end, 0);
});

test('large legitimate runs finish untruncated: a Job of 100,000 completions at parallelism 1,000', () => {
  const timeline = simulateYaml(jobManifest({ completions: 100_000, parallelism: 1000 }));
  assert.equal(timeline.truncated, false);
  assert.equal(timeline.summary.outcome, 'Complete');
  assert.equal(timeline.summary.podsCreated, 100_000);
  assert.equal(timeline.summary.podsSucceeded, 100_000);
  assert.equal(timeline.summary.peakConcurrency, 1000);
  // The lists are capped; the counters are not.
  assert.equal(timeline.pods.length, 1000);
  assert.equal(timeline.omitted.pods, 99_000);
});

test('large legitimate runs finish untruncated: a CronJob every minute for a year under Forbid', () => {
  const manifest = {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: 'every-minute' },
    spec: {
      schedule: '* * * * *',
      concurrencyPolicy: 'Forbid',
      jobTemplate: {
        spec: {
          template: {
            spec: { restartPolicy: 'OnFailure', containers: [{ name: 'main', image: 'busybox' }] },
          },
        },
      },
    },
  };
  const timeline = simulateYaml(manifest, { horizon: '365d', pods: { runTime: '90s' } });
  assert.equal(timeline.truncated, false);
  assert.equal(timeline.endReason, 'horizon');
  assert.equal(timeline.end, 365 * 86_400);
  // Worked out from the controllers' rules, not read off a run. The sync for minute m runs at
  // 60m s + 100 ms. A Job's pod starts 1 s after the Job is created and runs 90 s, so each Job
  // lasts 91 s, longer than a minute: the sync at the next minute finds it active and skips that
  // run (Forbid leaves lastScheduleTime alone), and when the Job finishes the CronJob syncs at
  // once and starts the most recent missed run late (no startingDeadlineSeconds). So Job k
  // (from 0) is created at 60.1 + 91k s, while the year lasts: 60.1 + 91k <= 31,536,000 gives
  // k <= 346,548, that is 346,549 Jobs, all but the last one finished.
  const jobs = 346_549;
  // Minute syncs at 60m + 0.1 s for m = 1 .. 525,599 (m = 525,600 falls 100 ms after the
  // horizon). Minute 1 creates the first Job; every other one skips, except where a Job
  // finishes at that very instant (151.1 + 91k = 60m + 0.1, i.e. k = 59 mod 60, for the
  // finished k <= 346,547: 5,775 of them), when the finishing Job's sync has already started
  // that minute's run.
  const skipped = 525_599 - 1 - 5_775;
  assert.deepEqual(timeline.summary.cronJob, {
    jobsCreated: jobs,
    jobsSucceeded: jobs - 1,
    jobsFailed: 0,
    // successfulJobsHistoryLimit 3 keeps the three newest finished Jobs.
    jobsDeleted: jobs - 1 - 3,
    runsSkipped: skipped,
    tooManyMissed: 0,
  });
  assert.equal(timeline.summary.podsCreated, jobs);
  assert.equal(timeline.summary.podsSucceeded, jobs - 1);
  assert.equal(timeline.summary.peakConcurrency, 1);
  // What the timeline holds stays bounded: the first 1,000 Jobs and pods, 5,000 events and
  // status samples; the rest is counted.
  assert.equal(timeline.jobs.length, 1000);
  assert.equal(timeline.pods.length, 1000);
  assert.equal(timeline.events.length, 5000);
  assert.equal(timeline.status.length, 5000);
  assert.equal(timeline.omitted.jobs, jobs - 1000);
});

test('limits: a small maxEvents stops the run and says so', () => {
  const timeline = simulateYaml(jobManifest({ completions: 100, parallelism: 1 }), {
    limits: { maxEvents: 50 },
  });
  assert.equal(timeline.truncationLimit, 'maxEvents');
  assert.equal(timeline.eventsProcessed, 50);
  assert.match(timeline.truncationReason ?? '', /50 events/);
});

test('the fast next-run search agrees with the exact robfig port wherever it answers', () => {
  const schedules = [
    '* * * * *',
    '*/5 * * * *',
    '0 9 * * 1-5',
    '30 2 * * *',
    '0 3 * * 0',
    '0 0 1 * *',
    '0 0 */2 * 5',
    '15 14 1 * *',
    '59 23 * * *',
    '@hourly',
  ];
  const zones = ['UTC', 'America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe', 'Asia/Kolkata'];
  const random = new RandomStreams(3).stream('points');
  let answered = 0;
  for (const text of schedules) {
    const parsed = parseCronSchedule(text);
    assert.ok(parsed.ok && parsed.type === 'spec');
    const matcher = matcherOf(parsed);
    for (const zoneName of zones) {
      const zone = loadTimeZone(zoneName);
      assert.ok(zone);
      for (let i = 0; i < 60; i++) {
        // Points across 2026, biased towards the spring and autumn clock changes.
        const base =
          i % 3 === 0 ? Date.UTC(2026, 2, 29) : i % 3 === 1 ? Date.UTC(2026, 9, 25) : Date.UTC(2026, 0, 1);
        const from = base + Math.floor(random.next() * (i % 3 === 2 ? 365 : 3) * 86_400_000);
        const fast = fastNextRun(matcher, zone, from);
        if (fast === undefined) continue;
        answered++;
        assert.equal(fast, computeNextRuns(parsed, from, zoneName, 1).runs[0], `${text} ${zoneName} ${from}`);
      }
    }
  }
  assert.ok(answered > 1000);
});

test('FrontQueue behaves as an array under pushes and removals, wherever they are', () => {
  // Against a plain array, on a seeded mix: mostly from the front (as Jobs finish), some in the
  // middle and at the end, some of items that are not there; past the compaction threshold.
  const queue = new FrontQueue<number>();
  const reference: number[] = [];
  let state = 7;
  const random = (n: number): number => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % n;
  };
  for (let step = 0; step < 20_000; step++) {
    const roll = random(10);
    if (roll < 5 || reference.length === 0) {
      queue.push(step);
      reference.push(step);
    } else {
      const target = roll < 8 ? reference[0] : roll < 9 ? reference[random(reference.length)] : -1;
      const at = reference.indexOf(target ?? -1);
      assert.equal(queue.remove(target ?? -1), at !== -1);
      if (at !== -1) reference.splice(at, 1);
    }
    if (step % 997 === 0) {
      assert.deepEqual(queue.toArray(), reference);
      assert.deepEqual([...queue], reference);
      assert.equal(queue.length, reference.length);
      assert.equal(queue.at(0), reference[0]);
      assert.equal(queue.at(reference.length - 1), reference.at(-1));
    }
  }
  assert.deepEqual(queue.toArray(), reference);
});
