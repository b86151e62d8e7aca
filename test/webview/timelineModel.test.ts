/**
 * The webview's pure parts, in Node: the timeline model (rows, groups, backoff gaps, counts), the
 * time axis, durations, the scenario form's YAML (read back by the simulator's own parser), and
 * the webview protocol's message checks.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { formatDuration, formatInstant } from '../../client/webview/format';
import { buildScenarioYaml, defaultFormValues, parseFormValues } from '../../client/webview/scenarioYaml';
import { computeTicks } from '../../client/webview/timeAxis';
import { buildTimelineModel, countsAt } from '../../client/webview/timelineModel';
import { parseScenario } from '../../server/src/core/simulator/parseScenario';
import type { Timeline } from '../../server/src/core/simulator/timeline';
import {
  parseHostMessage,
  parseWebviewMessage,
  scenarioFileName,
} from '../../server/src/protocol/webviewProtocol';

const root = join(__dirname, '..', '..', '..');

function fixture(name: string): Timeline {
  return JSON.parse(
    readFileSync(join(root, 'test', 'fixtures', 'timelines', `${name}.json`), 'utf8'),
  ) as Timeline;
}

/** Each row as `job:<name>` or `<group>` (the group shown beside a pod), in display order. */
function rowShape(timeline: Timeline): string[] {
  return buildTimelineModel(timeline).rows.map((row) =>
    row.kind === 'job' ? `job:${row.job.name}` : `${row.group ?? '-'}${row.groupStart ? '|' : ''}`,
  );
}

test('rows: a Job row, then pods in creation order, grouped by index or node, and Jobs heading a CronJob', () => {
  assert.deepEqual(rowShape(fixture('job-backoff-limit')), ['job:pi', '-', '-', '-', '-', '-']);
  assert.deepEqual(rowShape(fixture('job-indexed')), [
    'job:indexed-job',
    '#0',
    '#1|',
    '#2|',
    '#2',
    '#3|',
    '#4|',
  ]);
  assert.deepEqual(rowShape(fixture('daemonset-fluentd')), [
    'worker-1',
    'worker-1',
    'worker-2|',
    'worker-2',
    'worker-3|',
    'worker-3',
  ]);
  assert.deepEqual(rowShape(fixture('cronjob-hello')), [
    'job:hello-29425441',
    '-',
    'job:hello-29425442',
    '-',
    'job:hello-29425443',
    '-',
  ]);
});

test('backoff gaps: each replacement pod is paired with the failure before it (10, 20, 40, 80 s)', () => {
  const model = buildTimelineModel(fixture('job-backoff-limit'));
  const gaps = model.rows.flatMap((row) =>
    row.kind === 'pod' ? [row.backoffFrom === null ? null : row.pod.created - row.backoffFrom] : [],
  );
  assert.deepEqual(gaps, [null, 10, 20, 40, 80]);
  assert.equal(model.replacements, 4);
  const indexed = buildTimelineModel(fixture('job-indexed'));
  assert.equal(indexed.replacements, 1);
  // A rolling update deletes pods; their replacements are not retries.
  assert.equal(buildTimelineModel(fixture('daemonset-fluentd')).replacements, 0);
  assert.equal(buildTimelineModel(fixture('job-on-failure')).restarts, 2);
});

test('counts over time: the Job status samples (active, succeeded, failed), or the pods for a DaemonSet', () => {
  const parallel = buildTimelineModel(fixture('job-parallel'));
  assert.deepEqual(countsAt(parallel.counts, 10), { time: 1, active: 3, succeeded: 0, failed: 0 });
  assert.equal(countsAt(parallel.counts, 62).succeeded, 6);
  assert.equal(countsAt(parallel.counts, 1000).succeeded, 8);
  assert.equal(Math.max(...parallel.counts.map((point) => point.active)), 3);
  const failing = buildTimelineModel(fixture('job-backoff-limit'));
  assert.equal(countsAt(failing.counts, 1000).failed, 5);
  const daemon = buildTimelineModel(fixture('daemonset-fluentd'));
  assert.equal(countsAt(daemon.counts, 100).active, 3);
  assert.equal(countsAt(daemon.counts, 1000).failed, 0, 'deleted pods are not failures');
  assert.equal(countsAt(daemon.counts, -1).active, 0);
  assert.deepEqual(
    buildTimelineModel(fixture('job-backoff-limit')).conditionLines.map((line) => line.type),
    ['FailureTarget', 'Failed'],
  );
});

const durations: [seconds: number, decimals: number, text: string][] = [
  [0, -1, '0s'],
  [0.25, -1, '250ms'],
  [1.5, -1, '1.5s'],
  [59, -1, '59s'],
  [90, -1, '1m 30s'],
  [3725, -1, '1h 2m 5s'],
  [90061, -1, '1d 1h'],
  [0.5, 1, '0.5s'],
  [90.25, 2, '1m 30.25s'],
  [-30, -1, '-30s'],
  [Number.NaN, -1, '—'],
];
for (const [seconds, decimals, text] of durations) {
  test(`formatDuration(${seconds}, ${decimals}) is ${text}`, () => {
    assert.equal(formatDuration(seconds, decimals), text);
  });
}

test('formatInstant adds seconds to the run’s start, in UTC', () => {
  assert.equal(formatInstant('2026-01-05T00:00:00Z', 90), '2026-01-05 00:01:30 UTC');
  assert.equal(formatInstant('2026-01-05T00:00:00Z', 0.25), '2026-01-05 00:00:00.250 UTC');
  assert.equal(formatInstant('not a date', 1), '');
});

const axes: [t0: number, t1: number, width: number, labels: string][] = [
  [0, 60, 600, '0s 10s 20s 30s 40s 50s 1m'],
  [0, 0.05, 500, '0s 0.01s 0.02s 0.03s 0.04s 0.05s'],
  [0, 3 * 86_400, 900, '0s 12h 1d 1d 12h 2d 2d 12h 3d'],
  [-5, 205, 900, '0s 30s 1m 1m 30s 2m 2m 30s 3m'],
  [
    100,
    101,
    900,
    '1m 40s 1m 40.1s 1m 40.2s 1m 40.3s 1m 40.4s 1m 40.5s 1m 40.6s 1m 40.7s 1m 40.8s 1m 40.9s 1m 41s',
  ],
];
for (const [t0, t1, width, labels] of axes) {
  test(`axis ticks for ${t0}–${t1} s over ${width} px`, () => {
    const ticks = computeTicks(t0, t1, width).map((tick) => tick.label);
    assert.equal(ticks.join(' '), labels);
  });
}

test('the scenario form writes YAML the simulator reads back', () => {
  const values = {
    ...defaultFormValues(7),
    runTime: '45s',
    failureProbability: '0.3',
    exitCode: '42',
    nodes: '4',
    events: [
      { at: '1m', type: 'disruptPod' as const, target: '2' },
      { at: '90s', type: 'drainNode' as const, target: 'worker-1' },
      { at: '2m', type: 'deletePod' as const, target: 'pi-"x"\n- evil: 1' },
      { at: '3m', type: 'suspend' as const, target: '' },
    ],
  };
  const result = buildScenarioYaml(values, 1);
  assert.ok(result.ok);
  const parsed = parseScenario(result.yaml, 1, 'en');
  assert.ok(parsed.ok, JSON.stringify(parsed));
  const scenario = parsed.scenario;
  assert.equal(scenario.seed, 7);
  assert.deepEqual(scenario.pods.runTime, { kind: 'fixed', ms: 45_000 });
  assert.equal(scenario.pods.outcomes[0]?.exitCode, 42);
  assert.equal(scenario.pods.outcomes[0]?.probability, 0.3);
  assert.deepEqual(
    scenario.nodes.map((node) => node.name),
    ['control-plane', 'worker-1', 'worker-2', 'worker-3', 'worker-4'],
  );
  assert.equal(scenario.nodes[0]?.taints[0]?.effect, 'NoSchedule');
  assert.deepEqual(
    scenario.events.map((event) => [event.atMs, event.type]),
    [
      [60_000, 'disruptPod'],
      [90_000, 'drainNode'],
      [120_000, 'deletePod'],
      [180_000, 'suspend'],
    ],
  );
  const deletion = scenario.events[2];
  assert.equal(deletion?.type === 'deletePod' ? deletion.selector.podName : null, 'pi-"x"\n- evil: 1');
  // The defaults write only the seed and the run time: the default cluster stays.
  const plain = buildScenarioYaml(defaultFormValues(3), null);
  assert.ok(plain.ok);
  assert.equal(plain.yaml.includes('nodes:'), false);
  assert.equal(plain.yaml.includes('document:'), false);
});

test('the scenario form names the fields to correct', () => {
  const result = buildScenarioYaml(
    {
      seed: '-1',
      runTime: 'soon',
      failureProbability: '1.5',
      exitCode: '256',
      nodes: 'x',
      events: [{ at: 'later', type: 'drainNode', target: ' ' }],
    },
    null,
  );
  assert.ok(!result.ok);
  assert.deepEqual(
    result.errors.map((error) => error.field),
    ['seed', 'runTime', 'failureProbability', 'exitCode', 'nodes', 'events.0.at', 'events.0.target'],
  );
  assert.deepEqual(parseFormValues({ seed: 5, events: [{ at: '1m', type: 'bogus', target: '' }] }, 9), {
    ...defaultFormValues(9),
    events: [],
  });
});

test('webview messages are checked before use', () => {
  const timeline = fixture('job-parallel');
  const message = { type: 'timeline', timeline, title: 'Job pi', locale: 'en', host: 'vscode', source: null };
  assert.deepEqual(parseHostMessage(message), message);
  assert.equal(parseHostMessage({ ...message, locale: 'fr' }), null);
  assert.equal(parseHostMessage({ ...message, timeline: { ...timeline, formatVersion: 2 } }), null);
  assert.equal(parseHostMessage({ ...message, timeline: { ...timeline, pods: 'many' } }), null);
  assert.equal(parseHostMessage('timeline'), null);
  assert.deepEqual(parseHostMessage({ type: 'error', title: 't', locale: 'zh-CN', message: 'm' }), {
    type: 'error',
    title: 't',
    locale: 'zh-CN',
    message: 'm',
  });
  assert.deepEqual(parseWebviewMessage({ type: 'ready', extra: 1 }), { type: 'ready' });
  assert.deepEqual(parseWebviewMessage({ type: 'scenario', yaml: 'seed: 1\n' }), {
    type: 'scenario',
    yaml: 'seed: 1\n',
  });
  assert.equal(parseWebviewMessage({ type: 'scenario', yaml: 1 }), null);
  assert.equal(parseWebviewMessage({ type: 'export', format: 'exe', fileName: 'a', data: '' }), null);
  assert.deepEqual(parseWebviewMessage({ type: 'export', format: 'png', fileName: 'a.png', data: 'AAAA' }), {
    type: 'export',
    format: 'png',
    fileName: 'a.png',
    data: 'AAAA',
  });
  assert.equal(parseWebviewMessage({ type: 'openFile', path: '/etc/passwd' }), null);
});

test('the scenario file sits beside the manifest', () => {
  assert.equal(scenarioFileName('job.yaml'), 'job.podline-scenario.yaml');
  assert.equal(scenarioFileName('cron.YML'), 'cron.podline-scenario.yaml');
  assert.equal(scenarioFileName('manifest'), 'manifest.podline-scenario.yaml');
  assert.equal(scenarioFileName('.yaml'), 'manifest.podline-scenario.yaml');
});
