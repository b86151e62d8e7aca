import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_SCENARIO, parseScenario, simulateDocument } from '../../server/src/core/simulator';
import type { Scenario, ScenarioError } from '../../server/src/core/simulator';
import { jobManifest, simulateYaml } from './simulatorSupport';

const parse = (text: string, document = 0): Scenario => {
  const result = parseScenario(text, document, 'en');
  assert.ok(result.ok, JSON.stringify(result.ok ? null : result.errors));
  return result.scenario;
};
const errors = (text: string, locale: 'en' | 'zh-CN' = 'en'): ScenarioError[] => {
  const result = parseScenario(text, 0, locale);
  assert.equal(result.ok, false);
  return result.ok ? [] : [...result.errors];
};

test('an empty scenario is the defaults: 1 s start, 10 s run, three nodes with a tainted control plane', () => {
  const scenario = parse('');
  assert.deepEqual(scenario, DEFAULT_SCENARIO);
  assert.equal(scenario.startMs, Date.UTC(2026, 0, 5));
  assert.deepEqual(
    scenario.nodes.map((node) => [node.name, node.taints.map((t) => `${t.key}:${t.effect}`)]),
    [
      ['control-plane', ['node-role.kubernetes.io/control-plane:NoSchedule']],
      ['worker-1', []],
      ['worker-2', []],
    ],
  );
  assert.equal(parse('# only a comment\n').seed, 1);
});

test('a full scenario reads every section', () => {
  const scenario = parse(
    [
      'seed: 7',
      'start: 2026-03-01T12:00:00Z',
      'controllerTimeZone: Europe/Berlin',
      'horizon: {duration: 2h, jobs: 3}',
      'limits: {maxEvents: 1000, timelinePods: 10}',
      'pods:',
      '  startLatency: {min: 1s, max: 3s}',
      '  runTime: {mean: 30s, stddev: 5s}',
      '  terminationTime: 2s',
      '  exitCodes:',
      '    - {exitCode: 3, indexes: [1, "4-6"], attempts: 1, probability: 0.25, conditions: [ConfigIssue]}',
      'controller: {jobBackoffCap: 6m, podGcDelay: 1m}',
      'nodes:',
      '  - {name: gpu, count: 2, labels: {accel: "true"}, taints: [{key: gpu, effect: NoSchedule}]}',
      'events:',
      '  - {at: 90, type: cordonNode, node: gpu-1}',
      '  - {at: 2026-03-01T12:00:30Z, type: disruptPod, pod: 1, reason: PreemptionByScheduler}',
    ].join('\n'),
  );
  assert.equal(scenario.seed, 7);
  assert.equal(scenario.startMs, Date.UTC(2026, 2, 1, 12));
  assert.equal(scenario.controllerTimeZone, 'Europe/Berlin');
  assert.deepEqual(scenario.horizon, { durationMs: 7_200_000, jobs: 3 });
  assert.equal(scenario.limits.maxEvents, 1000);
  assert.equal(scenario.limits.timelinePods, 10);
  assert.deepEqual(scenario.pods.startLatency, { kind: 'uniform', minMs: 1000, maxMs: 3000 });
  assert.equal(scenario.pods.runTime.kind, 'normal');
  assert.deepEqual(scenario.pods.outcomes[0]?.indexes, [
    [1, 1],
    [4, 6],
  ]);
  assert.equal(scenario.controller.jobBackoffCapMs, 360_000);
  assert.deepEqual(
    scenario.nodes.map((node) => [node.name, node.labels['accel'], node.labels['kubernetes.io/hostname']]),
    [
      ['gpu-1', 'true', 'gpu-1'],
      ['gpu-2', 'true', 'gpu-2'],
    ],
  );
  // Events are sorted by time: the instant (30 s) comes before the offset (90 s).
  assert.deepEqual(
    scenario.events.map((event) => [event.type, event.atMs, event.line]),
    [
      ['disruptPod', 30_000, 17],
      ['cordonNode', 90_000, 16],
    ],
  );
});

test('errors carry the line and column of what is wrong, and every error is reported', () => {
  const found = errors(
    [
      'seed: -3', // line 1
      'pods:',
      '  runTime: forever', // line 3
      '  startLatncy: 1s', // line 4, a typo
      'events:',
      '  - {at: 10s, type: drainNode, node: nowhere}', // line 6
      '  - {at: 10s, type: explode}', // line 7
      'controllerTimeZone: utc', // line 8
    ].join('\n'),
  );
  // In the order of the text, as an editor lists problems.
  assert.deepEqual(
    found.map((error) => [error.line, error.column, error.path]),
    [
      [1, 7, 'seed'],
      [3, 12, 'pods.runTime'],
      [4, 3, 'pods.startLatncy'],
      [6, 38, 'events[0].node'],
      [7, 21, 'events[1].type'],
      [8, 21, 'controllerTimeZone'],
    ],
  );
  assert.match(found[2]?.message ?? '', /unknown field 'pods.startLatncy'; expected one of: startLatency/);
  assert.match(found[1]?.message ?? '', /'forever' is not a duration/);
  assert.match(found[3]?.message ?? '', /no node named 'nowhere'/);
});

test('YAML problems are scenario errors too, never exceptions', () => {
  const unclosed = errors('seed: 1\npods: [unclosed\n');
  assert.ok((unclosed[0]?.line ?? 0) >= 2);
  assert.match(unclosed[0]?.message ?? '', /^YAML syntax error/);
  const duplicate = errors('seed: 1\nseed: 2\n');
  assert.equal(duplicate[0]?.line, 2);
  assert.match(duplicate[0]?.message ?? '', /duplicate key 'seed'/);
  assert.match(errors('- just\n- a list\n')[0]?.message ?? '', /must be a mapping/);
  for (const text of [
    '{',
    ':',
    'pods: {runTime: {distribution: normal}}',
    'events: [{type: suspend}]',
    'nodes: [{}]',
  ]) {
    const result = parseScenario(text, 0, 'en');
    assert.equal(result.ok, false, text);
  }
});

test('YAML limits in a scenario are said in words, not internal keys', () => {
  const deep = `pods: ${'['.repeat(300)}${']'.repeat(300)}\n`;
  const message = errors(deep)[0]?.message ?? '';
  assert.equal(message, 'The scenario nests too deep to be read');
  const tooLarge = errors(`# ${'x'.repeat(2 * 1024 * 1024 + 10)}\n`)[0]?.message ?? '';
  assert.match(tooLarge, /^The scenario is larger than 2097152 characters; a scenario is read up to 2 MiB$/);
});

test('a scenario cannot raise the limits without bound: a scenario beside a manifest runs in the server', () => {
  // 10^9 events and pods took the server to 4.3 GB before it crashed.
  const found = errors('limits: {maxEvents: 1000000000, maxPods: 1000000000, timelinePods: 200000}');
  assert.deepEqual(
    found.map((error) => error.path),
    ['limits.maxEvents', 'limits.maxPods', 'limits.timelinePods'],
  );
  assert.match(found[0]?.message ?? '', /10000000/);
  const atCaps = parseScenario('limits: {maxEvents: 10000000, maxPods: 1000000}', 0, 'en');
  assert.ok(atCaps.ok);
});

test('a scenario declares at most 100,000 nodes in all; a joining node is one node', () => {
  // Ten entries of 100,000 nodes each took a DaemonSet run 100 s and 2.8 GB.
  const many = Array.from({ length: 10 }, (_, i) => `  - {name: pool${i}, count: 100000}`).join('\n');
  const found = errors(`nodes:\n${many}\n`);
  assert.deepEqual(
    found.map((error) => [error.path, error.line]),
    Array.from({ length: 9 }, (_, i) => [`nodes[${i + 1}]`, i + 3]),
    'each entry beyond the limit is named, with its line',
  );
  assert.match(found[0]?.message ?? '', /at most 100000 nodes in all/);
  assert.match(errors(`nodes:\n${many}\n`, 'zh-CN')[0]?.message ?? '', /最多声明 100000 个节点/);
  assert.equal(parse('nodes:\n  - {name: pool, count: 100000}\n').nodes.length, 100000);
  // `count` on a node that joins would have built that many nodes to use the first.
  const joining = errors('events:\n  - {at: 1s, type: addNode, node: {name: big, count: 100000}}\n');
  assert.deepEqual(
    joining.map((error) => error.path),
    ['events[0].node.count'],
  );
});

test('a start in a year before 100 stays in that year (not 19xx)', () => {
  const result = parseScenario('start: 0050-03-01T00:00:00Z', 0, 'en');
  assert.ok(result.ok, JSON.stringify(result));
  assert.equal(new Date(result.scenario.startMs).toISOString(), '0050-03-01T00:00:00.000Z');
});

test('errors are translated', () => {
  assert.match(errors('seed: x\n', 'zh-CN')[0]?.message ?? '', /必须是/);
});

test('a file with several scenarios: the one for the document, else the one without `document`', () => {
  const text = 'seed: 1\n---\ndocument: 1\nseed: 2\n---\ndocument: 2\nseed: 3\n';
  assert.equal(parse(text, 0).seed, 1);
  assert.equal(parse(text, 1).seed, 2);
  assert.equal(parse(text, 2).seed, 3);
  assert.equal(parse('document: 4\nseed: 9\n', 0).seed, 1);
});

test('drawn durations stay within their bounds', () => {
  const timeline = simulateYaml(jobManifest({ completions: 30, parallelism: 30 }), {
    pods: { startLatency: 0, runTime: { min: '10s', max: '20s' } },
  });
  for (const pod of timeline.pods) {
    const attempt = pod.attempts[0];
    assert.ok(attempt && attempt.finished !== null);
    const run = (attempt.finished ?? 0) - attempt.started;
    assert.ok(run >= 10 && run <= 20, String(run));
  }
  const clamped = simulateYaml(jobManifest({ completions: 30, parallelism: 30 }), {
    pods: {
      startLatency: 0,
      runTime: { distribution: 'normal', mean: '10s', stddev: '30s', min: '5s', max: '12s' },
    },
  });
  for (const pod of clamped.pods) {
    const attempt = pod.attempts[0];
    const run = (attempt?.finished ?? 0) - (attempt?.started ?? 0);
    assert.ok(run >= 5 && run <= 12, String(run));
  }
});

test('exit-code probabilities follow the seeded stream', () => {
  const timeline = simulateYaml(jobManifest({ completions: 200, parallelism: 200, backoffLimit: 1000 }), {
    pods: { startLatency: 0, exitCodes: [{ exitCode: 1, probability: 0.25, attempts: '1-200' }] },
    limits: { timelinePods: 2000 },
  });
  const firstRuns = timeline.pods.slice(0, 200);
  const failures = firstRuns.filter((pod) => pod.attempts[0]?.exitCode === 1).length;
  // 200 draws at 25 %: far outside 25–75 would mean a broken stream.
  assert.ok(failures > 25 && failures < 75, String(failures));
});

test('an event that does not apply to the kind is an error with its scenario line', () => {
  const result = simulateDocument(JSON.stringify(jobManifest({})), {
    scenarioText: 'events:\n  - {at: 1s, type: changeTemplate}\n',
  });
  assert.equal(result.ok, false);
  assert.deepEqual(result.ok ? null : result.error, {
    kind: 'workload',
    message: "event 'changeTemplate' does not apply to a Job",
    line: 2,
  });
});

test('events that match nothing are noted, not fatal', () => {
  const timeline = simulateYaml(jobManifest({}), {
    pods: { startLatency: 0, runTime: '10s' },
    events: [
      { at: '1m', type: 'disruptPod', pod: 1 },
      { at: '1m', type: 'uncordonNode', node: 'worker-1' },
    ],
  });
  assert.equal(timeline.notes.length, 2);
  assert.match(
    timeline.notes[0] ?? '',
    /t\+1m: event 'disruptPod' \(scenario line \d+\) matched no live pod/,
  );
  assert.match(timeline.notes[1] ?? '', /changed nothing/);
});
