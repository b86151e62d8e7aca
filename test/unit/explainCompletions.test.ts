/**
 * completions, parallelism and completionMode (kubernetes-behaviour §2.1 defaults; §3.1 "Target number of
 * active pods": want min(parallelism, completions − succeeded); "Normal success"; Indexed pods).
 * Waves assume pods that take equal time: ceil(completions / min(parallelism, completions)).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { computeCompletionPlan, describeWaves } from '../../server/src/core/explain/explainCompletions';
import { assertIncludes, hoverAt, jobYaml, seed } from './explainTestSupport';

test('completion plans: mode, pods at once and waves', () => {
  const cases: {
    completions: number | null;
    parallelism: number;
    indexed?: boolean;
    mode: string;
    atOnce: number;
    waves: string;
  }[] = [
    // 8 / 3: min(3, 8) = 3 at once; ceil(8 / 3) = 3 waves: 3, 3 and 8 − 6 = 2.
    { completions: 8, parallelism: 3, mode: 'fixed', atOnce: 3, waves: '3, 3, 2' },
    // 8 / 2: ceil(8 / 2) = 4 waves of 2.
    { completions: 8, parallelism: 2, mode: 'fixed', atOnce: 2, waves: '2, 2, 2, 2' },
    // 3 / 5: only min(5, 3) = 3 run; one wave.
    { completions: 3, parallelism: 5, mode: 'fixed', atOnce: 3, waves: '3' },
    // Both defaulted to 1: one pod.
    { completions: 1, parallelism: 1, mode: 'single', atOnce: 1, waves: '1' },
    // completions unset: work queue, parallelism pods.
    { completions: null, parallelism: 2, mode: 'workQueue', atOnce: 2, waves: '' },
    // Indexed 5 / 3: indexes 0–2, then 3–4.
    { completions: 5, parallelism: 3, indexed: true, mode: 'indexed', atOnce: 3, waves: '3, 2' },
    { completions: 0, parallelism: 1, mode: 'noCompletions', atOnce: 0, waves: '' },
    { completions: 4, parallelism: 0, mode: 'paused', atOnce: 0, waves: '' },
    // 100 / 3: ceil(100 / 3) = 34 waves, 33 of 3 and a last one of 100 − 99 = 1.
    { completions: 100, parallelism: 3, mode: 'fixed', atOnce: 3, waves: '3 × 33, 1' },
  ];
  for (const expected of cases) {
    const plan = computeCompletionPlan({
      completions: expected.completions,
      parallelism: expected.parallelism,
      indexed: expected.indexed ?? false,
    });
    const label = `${expected.completions}/${expected.parallelism}`;
    assert.equal(plan.mode, expected.mode, label);
    assert.equal(plan.atOnce, expected.atOnce, label);
    assert.equal(describeWaves(plan), expected.waves, label);
  }
});

test('job-calculate-pi-parallel.yaml: at most 3 pods at once until 8 succeed, in waves of 3, 3, 2', () => {
  const text = seed('job-calculate-pi-parallel.yaml');
  for (const field of ['parallelism', 'completions']) {
    assertIncludes(
      hoverAt(text, field),
      'at most 3 pods at once until 8 have succeeded',
      '3 waves of 3, 3, 2 pods (ceil(8 / 3) = 3)',
    );
  }
});

test('job-work-queue-fixed.yaml: a fixed completion count (8) with parallelism 2', () => {
  assertIncludes(
    hoverAt(seed('job-work-queue-fixed.yaml'), 'completions'),
    'Fixed completion count: at most 2 pods at once until 8 have succeeded',
    '4 waves of 2, 2, 2, 2 pods',
  );
});

test('job-work-queue-open.yaml: parallelism without completions is a work queue', () => {
  assertIncludes(
    hoverAt(seed('job-work-queue-open.yaml'), 'parallelism'),
    'Work queue (completions unset): 2 pods start at once',
    'The Job succeeds once any pod has succeeded and all pods have ended; no new pods start after the first success.',
  );
});

test('job-indexed-downward-api.yaml and job-indexed-init-container.yaml: the index, the variable and the annotation', () => {
  for (const name of ['job-indexed-downward-api.yaml', 'job-indexed-init-container.yaml']) {
    const markdown = hoverAt(seed(name), 'Indexed');
    assertIncludes(
      markdown,
      'each pod gets an index from 0 to 4',
      '`JOB_COMPLETION_INDEX`',
      'the annotation and the label `batch.kubernetes.io/job-completion-index`',
      'hostname `indexed-job-<index>` (`indexed-job-0` … `indexed-job-4`)',
      // 5 indexes, 3 at once: 0–2, then 3–4.
      '2 waves (0–2, 3–4)',
    );
  }
});

test('the hostnames of an Indexed Job behind a headless Service', () => {
  const text = seed('job-indexed-with-headless-service.yaml');
  assertIncludes(
    hoverAt(text, 'subdomain'),
    '`example-job-0` … `example-job-2`',
    'reachable as `<hostname>.headless-svc`',
  );
});

test('an unset completions and parallelism in a CronJob jobTemplate: each created Job gets 1 and 1', () => {
  const text = `apiVersion: batch/v1
kind: CronJob
metadata:
  name: nightly
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      completionMode: NonIndexed
      template:
        spec:
          restartPolicy: Never
          containers:
          - name: main
            image: busybox:1.36
`;
  assertIncludes(
    hoverAt(text, 'completionMode'),
    'One pod',
    'the CronJob keeps them unset, and each Job it creates gets completions 1 and parallelism 1',
    'in a jobTemplate it is applied not to the CronJob but to each Job it creates',
  );
});

test('completions 0 and parallelism 0', () => {
  assertIncludes(
    hoverAt(jobYaml('completions: 0'), 'completions'),
    'completes at once, without creating pods',
  );
  assertIncludes(hoverAt(jobYaml('parallelism: 0\ncompletions: 3'), 'parallelism'), 'no pods start');
});

test('Chinese: waves and work queue', () => {
  assertIncludes(
    hoverAt(seed('job-calculate-pi-parallel.yaml'), 'parallelism', { locale: 'zh-CN' }),
    '固定完成数：同时最多运行 3 个 Pod，直到 8 个成功。',
    '共 3 批，每批 3, 3, 2 个 Pod',
  );
  assertIncludes(
    hoverAt(seed('job-work-queue-open.yaml'), 'parallelism', { locale: 'zh-CN' }),
    '第一次成功之后不再启动新的 Pod',
  );
});
