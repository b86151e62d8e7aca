/**
 * Retries, delays and deadlines. Every expected number is worked out by hand from
 * ../shared/docs/kubernetes-behaviour.md, never copied from Podline's output:
 * - §3.1 "Failure accounting": with Never the Job fails when failed pods > backoffLimit; with
 *   OnFailure when the restarts of running pods reach backoffLimit (> 0 when backoffLimit is 0).
 * - §3.1 "Pod-failure backoff": delay = 10 s × 2^(n−1), capped at 10 min (600 s).
 * - §3.4: kubelet restarts are immediate the first time, then 10 s, 20 s, 40 s … capped at 5 min.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  computeBackoffPlan,
  crashLoopDelaySeconds,
  podFailureDelaySeconds,
} from '../../server/src/core/explain/explainBackoff';
import { assertIncludes, hoverAt, jobYaml, seed } from './explainTestSupport';

test('the Job controller waits 10 s doubling, capped at 10 min', () => {
  // n-th failure since the last success: 10·2^(n−1) → 10, 20, 40, 80, 160, 320, then 640 > 600 → 600.
  const cases: [number, number][] = [
    [1, 10],
    [2, 20],
    [3, 40],
    [4, 80],
    [5, 160],
    [6, 320],
    [7, 600],
    [50, 600],
  ];
  for (const [n, seconds] of cases) assert.equal(podFailureDelaySeconds(n), seconds, `failure ${n}`);
});

test('the kubelet restarts at once, then after 10 s doubling, capped at 5 min', () => {
  // restart k: k = 1 → 0; k ≥ 2 → 10·2^(k−2): 10, 20, 40, 80, 160, then 320 > 300 → 300.
  const cases: [number, number][] = [
    [1, 0],
    [2, 10],
    [3, 20],
    [4, 40],
    [5, 80],
    [6, 160],
    [7, 300],
    [40, 300],
  ];
  for (const [k, seconds] of cases) assert.equal(crashLoopDelaySeconds(k), seconds, `restart ${k}`);
});

test('backoff plans: attempts, delays and the worst-case backoff', () => {
  const cases: {
    policy: string;
    limit: number;
    failing: number;
    retries: number;
    delays: number[];
    total: number;
  }[] = [
    // Never, 4: fails at the 5th failed pod; 4 retries after 10+20+40+80 = 150 s.
    { policy: 'Never', limit: 4, failing: 5, retries: 4, delays: [10, 20, 40, 80], total: 150 },
    // Never, 6 (the default): 10+20+40+80+160+320 = 630 s = 10 min 30 s.
    { policy: 'Never', limit: 6, failing: 7, retries: 6, delays: [10, 20, 40, 80, 160, 320], total: 630 },
    // Never, 8: 630 + 600 + 600 = 1830 s.
    {
      policy: 'Never',
      limit: 8,
      failing: 9,
      retries: 8,
      delays: [10, 20, 40, 80, 160, 320, 600, 600],
      total: 1830,
    },
    // Never, 0: the first failed pod fails the Job; no retries.
    { policy: 'Never', limit: 0, failing: 1, retries: 0, delays: [], total: 0 },
    // OnFailure, 4: fails when restarts reach 4; 0+10+20+40 = 70 s.
    { policy: 'OnFailure', limit: 4, failing: 4, retries: 4, delays: [0, 10, 20, 40], total: 70 },
    // OnFailure, 0: restarts > 0, so the first restart (at once) fails it.
    { policy: 'OnFailure', limit: 0, failing: 1, retries: 1, delays: [0], total: 0 },
    // OnFailure, 6: 0+10+20+40+80+160 = 310 s.
    { policy: 'OnFailure', limit: 6, failing: 6, retries: 6, delays: [0, 10, 20, 40, 80, 160], total: 310 },
    // OnFailure, 8: 310 + 300 + 300 = 910 s.
    {
      policy: 'OnFailure',
      limit: 8,
      failing: 8,
      retries: 8,
      delays: [0, 10, 20, 40, 80, 160, 300, 300],
      total: 910,
    },
  ];
  for (const expected of cases) {
    const plan = computeBackoffPlan({ restartPolicy: expected.policy, backoffLimit: expected.limit });
    const label = `${expected.policy} ${expected.limit}`;
    assert.equal(plan.failingAttempt, expected.failing, `${label}: failing attempt`);
    assert.equal(plan.retries, expected.retries, `${label}: retries`);
    assert.deepEqual(plan.delays, expected.delays, `${label}: delays`);
    assert.equal(plan.totalBackoffSeconds, expected.total, `${label}: total`);
  }
});

test('a backoffLimit of 2147483647 is computed in closed form', () => {
  const plan = computeBackoffPlan({ restartPolicy: 'Never', backoffLimit: 2147483647 });
  assert.equal(plan.unlimited, true);
  // 630 s for the first six, then 600 s for each of the other 2147483641.
  assert.equal(plan.totalBackoffSeconds, 630 + 2147483641 * 600);
  assert.equal(plan.delays.length, 8);
});

test('activeDeadlineSeconds against the retries: the first retry it always comes before', () => {
  // Never, 4: cumulative backoff before retries 1..4 = 10, 30, 70, 150.
  // OnFailure, 4: before restarts 1..4 = 0, 10, 30, 70.
  const cases: [string, number, number, number | null][] = [
    ['Never', 4, 120, 4], // 70 < 120 ≤ 150
    ['Never', 4, 150, 4], // reached exactly at 150
    ['Never', 4, 151, null], // all four fit: 150 < 151
    ['Never', 4, 30, 2], // 10 < 30 ≤ 30
    ['Never', 4, 0, 1], // 0 ≤ 10
    ['OnFailure', 4, 25, 3], // 10 < 25 ≤ 30
    ['OnFailure', 4, 600, null], // 70 < 600
    // C6 = 630, C7 = 1230, C8 = 1830, C9 = 2430, C10 = 3030, C11 = 3630 ≥ 3600.
    ['Never', 2147483647, 3600, 11],
  ];
  for (const [policy, limit, deadline, before] of cases) {
    const plan = computeBackoffPlan({
      restartPolicy: policy,
      backoffLimit: limit,
      activeDeadlineSeconds: deadline,
    });
    assert.equal(plan.deadline?.beforeRetry, before, `${policy} ${limit} deadline ${deadline}`);
  }
});

test('restartPolicy Always has no retries to explain', () => {
  assert.equal(computeBackoffPlan({ restartPolicy: 'Always', backoffLimit: 6 }).countedAs, 'invalid');
});

test('job-pi.yaml: backoffLimit 4 with Never: up to 5 pods in all, with the delays between them', () => {
  const markdown = hoverAt(seed('job-pi.yaml'), 'backoffLimit');
  assertIncludes(
    markdown,
    'Up to 5 pods in all: the first one plus 4 retries.',
    'at the 5th failed pod',
    '`BackoffLimitExceeded`',
    // 10, 20, 40, 80 s; 80 s = 1 min 20 s.
    '10 s, 20 s, 40 s and 1 min 20 s',
    'capped at 10 min',
    // 150 s = 2 min 30 s.
    'gives up after 2 min 30 s of backoff plus the run time of its 5 failed pods',
  );
});

test('job-calculate-pi.yaml: OnFailure counts container restarts of the same pod, and how long they take', () => {
  const markdown = hoverAt(seed('job-calculate-pi.yaml'), 'backoffLimit');
  assertIncludes(
    markdown,
    'restarts a failed container inside the same pod',
    'container restarts',
    'at the 4th restart, after 4 failed runs',
    '0 s, 10 s, 20 s and 40 s',
    'capped at 5 min',
    // 0 + 10 + 20 + 40 = 70 s.
    'gives up after 1 min 10 s of restart backoff',
  );
});

test('the deadline ends the Job before the 4th retry', () => {
  const text = jobYaml('backoffLimit: 4\nactiveDeadlineSeconds: 120');
  // Backoff before retries 1..4: 10, 30, 70, 150 s; 120 s falls before the 4th.
  assertIncludes(
    hoverAt(text, 'backoffLimit'),
    '`activeDeadlineSeconds` 2 min: the deadline ends the Job before the 4th retry at the latest',
    'adds up to 2 min 30 s',
  );
  assertIncludes(
    hoverAt(text, 'activeDeadlineSeconds'),
    '`DeadlineExceeded` 2 min after it started',
    'before the 4th retry',
  );
});

test('a deadline longer than all the backoff leaves room for the run time', () => {
  // 10 + 20 + 40 + 80 = 150 s of backoff; 600 − 150 = 450 s = 7 min 30 s left for the pods.
  const markdown = hoverAt(jobYaml('backoffLimit: 4\nactiveDeadlineSeconds: 600'), 'backoffLimit');
  assertIncludes(markdown, 'all 4 retries fit in the deadline', 'remaining 7 min 30 s');
});

test('parallel pods share one failure count', () => {
  const markdown = hoverAt(seed('job-calculate-pi-parallel.yaml'), 'backoffLimit');
  assertIncludes(markdown, 'restarts in different pods add up');
});

test('backoffLimitPerIndex: per-index retries, maxFailedIndexes and the unlimited backoffLimit', () => {
  const text = jobYaml(
    'completions: 10\ncompletionMode: Indexed\nbackoffLimitPerIndex: 1\nmaxFailedIndexes: 2',
  );
  // backoffLimitPerIndex 1: an index fails at its 2nd counted failure, after one 10 s wait.
  assertIncludes(
    hoverAt(text, 'backoffLimitPerIndex'),
    'its 2nd counted failure marks the index failed',
    'Delays before an index’s retries: 10 s',
    'maxFailedIndexes 2: when more than 2 indexes have failed',
    '`MaxFailedIndexesExceeded`',
    'backoffLimit defaults to 2147483647 here',
  );
  assertIncludes(
    hoverAt(text, 'maxFailedIndexes'),
    '`MaxFailedIndexesExceeded`',
    'Otherwise, once every index has succeeded or failed, the Job fails with `FailedIndexes`',
  );
});

test('Chinese: the retry explanation', () => {
  const markdown = hoverAt(seed('job-pi.yaml'), 'backoffLimit', { locale: 'zh-CN' });
  assertIncludes(
    markdown,
    '**重试**',
    '总共最多 5 个 Pod：第一个加上 4 次重试。',
    '10 秒、20 秒、40 秒 和 1 分钟 20 秒',
    '2 分钟 30 秒',
  );
  assertIncludes(
    hoverAt(jobYaml('backoffLimit: 4\nactiveDeadlineSeconds: 120'), 'backoffLimit', { locale: 'zh-CN' }),
    '截止时间最晚会在第 4 次重试之前结束 Job',
  );
});
