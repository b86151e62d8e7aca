import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { formatTimelineText, simulateDocument } from '../../server/src/core/simulator';

// Golden timelines for the seed manifests. Each golden file was read against docs/kubernetes-behaviour.md §3
// before it was first written (the reasoning is in the comments below and in each scenario file).
// They are rewritten only on purpose: PODLINE_UPDATE_GOLDEN=1 node --test out/test/unit/simulatorGolden.test.js

const root = join(__dirname, '..', '..', '..');
const seeds = join(root, 'test', 'fixtures', 'seed-manifests');
const golden = join(root, 'test', 'fixtures', 'golden');
const update = process.env['PODLINE_UPDATE_GOLDEN'] === '1';

// What each golden shows, checked against the controller rules:
const cases: readonly (readonly [string, string])[] = [
  ['job-calculate-pi.yaml', 'OnFailure, default run: one pod succeeds at 11 s; a duplicate-key note'],
  ['job-calculate-pi-parallel.yaml', 'waves of 3, 3, 2 at 0, 30, 60 s; Complete at 90 s'],
  ['job-pi.yaml', 'always failing: pods at 0, 40, 90, 160, 270 s; Failed (BackoffLimitExceeded) at 301 s'],
  ['job-pi-parallel-with-transcript.yaml', 'the Job before the transcript: 2 waves of 2; a YAML-errors note'],
  [
    'job-indexed-downward-api.yaml',
    'Indexed 5 at parallelism 3: indexes 0-2, then 3-4; completedIndexes 0-4',
  ],
  ['job-indexed-init-container.yaml', 'Indexed, default run'],
  ['job-indexed-with-headless-service.yaml', 'the Job is document 1; the Service is ignored'],
  ['job-template-item.yaml', 'default run; an invalid-name note'],
  ['job-work-queue-fixed.yaml', 'completions 8 at parallelism 2: four waves of 2'],
  ['job-work-queue-open.yaml', 'work queue: no new pods after the first success; Complete at 46 s'],
  ['job-work-queue-placeholder-image.yaml', 'default run'],
  [
    'job-pod-failure-policy-failjob.yaml',
    'exit 42 at 30 s: FailureTarget then Failed (PodFailurePolicy) at 31 s, 2 failed',
  ],
  [
    'job-pod-failure-policy-ignore.yaml',
    'drain at 30 s: the evicted pod is ignored, replaced at 41 s; Complete',
  ],
  [
    'job-pod-failure-policy-config-issue.yaml',
    'ConfigIssue: FailureTarget at 21 s, the other pod terminates, Failed at 22 s',
  ],
  ['cronjob-hello-batch-v1.yaml', 'every minute, 5 Jobs, history limit 3 deletes the 1st and 2nd'],
  ['cronjob-hello-v1beta1.yaml', 'same schedule with startingDeadlineSeconds 10; a removed-API note'],
  ['cronjob-hello-busybox-v1beta1.yaml', 'same, busybox'],
  [
    'daemonset-fluentd-elasticsearch.yaml',
    'no pod on the control-plane node; rolling update from 1 min, done at 64 s',
  ],
  ['daemonset-fluentd-broken.yaml', 'YAML errors and a template without spec: simulated with notes'],
];

for (const [file, what] of cases) {
  test(`golden timeline: ${file} (${what})`, () => {
    const base = file.replace(/\.yaml$/, '');
    const scenarioPath = join(golden, `${base}.podline-scenario.yaml`);
    const scenarioText = existsSync(scenarioPath) ? readFileSync(scenarioPath, 'utf8') : null;
    const result = simulateDocument(readFileSync(join(seeds, file), 'utf8'), { scenarioText });
    assert.ok(result.ok, JSON.stringify(result.ok ? null : result.error));
    const json = `${JSON.stringify(result.timeline, null, 2)}\n`;
    const text = formatTimelineText(result.timeline);
    const jsonPath = join(golden, `${base}.timeline.json`);
    const textPath = join(golden, `${base}.timeline.txt`);
    if (update) {
      writeFileSync(jsonPath, json);
      writeFileSync(textPath, text);
      return;
    }
    assert.ok(
      existsSync(jsonPath),
      `missing ${jsonPath}: run with PODLINE_UPDATE_GOLDEN=1 after checking it`,
    );
    assert.equal(json, readFileSync(jsonPath, 'utf8'));
    assert.equal(text, readFileSync(textPath, 'utf8'));
  });
}
