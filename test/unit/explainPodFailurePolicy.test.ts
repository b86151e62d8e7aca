/**
 * podFailurePolicy in words (kubernetes-behaviour §3.1 "podFailurePolicy": rules in order, the first match
 * wins, no match means Count; onExitCodes ignores exit code 0; FailJob, Ignore, Count, FailIndex;
 * §3.4: Ignore does not count but still lengthens the backoff).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { unmatchedExitCodes } from '../../server/src/core/explain/explainPodFailurePolicy';
import type { PodFailureRule } from '../../server/src/core/explain/explainPodFailurePolicy';
import { assertIncludes, hoverAt, jobYaml, seed } from './explainTestSupport';

test('job-pod-failure-policy-failjob.yaml: exit code 42 of container main fails the whole Job at once, without backoffLimit', () => {
  const text = seed('job-pod-failure-policy-failjob.yaml');
  for (const needle of ['action', 'values', 'onExitCodes']) {
    assertIncludes(
      hoverAt(text, needle),
      'if container `main` exits with code 42, the whole Job fails at once (reason `PodFailurePolicy`), without using `backoffLimit`',
      '← this rule',
      'a non-zero exit code other than 42 from container `main`',
      // backoffLimit 6: the 7th counted failure fails the Job.
      'the 7th counted failure fails the Job with `BackoffLimitExceeded`',
    );
  }
});

test('job-pod-failure-policy-ignore.yaml: disruptions do not count against backoffLimit 0', () => {
  const markdown = hoverAt(seed('job-pod-failure-policy-ignore.yaml'), 'DisruptionTarget');
  assertIncludes(
    markdown,
    'if the pod has the condition `DisruptionTarget` (set on preemption, eviction or a node drain), the failure is ignored: it does not count toward `backoffLimit` (0), and the pod is replaced',
    'With `backoffLimit` 0, the first counted failure fails the Job',
    'they still lengthen the controller’s delay',
  );
  assert.ok(
    !markdown.includes('a disruption (condition `DisruptionTarget`'),
    'disruptions are handled by the rule',
  );
});

test('job-pod-failure-policy-config-issue.yaml: a pod with condition ConfigIssue fails the Job', () => {
  assertIncludes(
    hoverAt(seed('job-pod-failure-policy-config-issue.yaml'), 'ConfigIssue'),
    'if the pod has the condition `ConfigIssue`, the whole Job fails at once',
    'any non-zero exit code from any container or init container',
  );
});

test('rules are tried in order, and unmatched failures are counted', () => {
  const text = jobYaml(`backoffLimit: 3
podFailurePolicy:
  rules:
  - action: Ignore
    onExitCodes:
      operator: In
      values: [3]
  - action: FailJob
    onExitCodes:
      containerName: main
      operator: NotIn
      values: [1, 2, 3]
  - action: Count
    onPodConditions:
    - type: Ready
      status: "False"`);
  const markdown = hoverAt(text, 'Count');
  assertIncludes(
    markdown,
    'Rule 1: if any container or init container exits with code 3, the failure is ignored',
    'Rule 2: if container `main` exits with a non-zero code other than 1, 2 or 3, the whole Job fails at once',
    '**Rule 3: if the pod has the condition `Ready` = False, the failure counts toward `backoffLimit` (3) as usual.** ← this rule',
    'the rules are tried in order and the first that matches decides',
    // Codes of main: 3 → rule 1; any other non-zero but 1 and 2 → rule 2; so 1 and 2 slip through.
    'exit code 1 or 2 from container `main`',
  );
});

test('the exit codes no rule matches, per container', () => {
  const rule = (
    index: number,
    operator: string,
    values: number[],
    containerName?: string,
  ): PodFailureRule => ({
    index,
    action: 'FailJob',
    exitCodes: { containerName, operator, values },
    conditions: undefined,
  });
  // In [42] for main: every other non-zero code of main is unmatched.
  assert.deepEqual(unmatchedExitCodes([rule(0, 'In', [42], 'main')], 'main'), {
    kind: 'allExcept',
    values: [42],
  });
  // The rule names another container: nothing of main is matched.
  assert.deepEqual(unmatchedExitCodes([rule(0, 'In', [42], 'side')], 'main'), {
    kind: 'allExcept',
    values: [],
  });
  // NotIn [1, 2] matches every non-zero code but 1 and 2; In [2] then takes 2: only 1 escapes.
  assert.deepEqual(unmatchedExitCodes([rule(0, 'NotIn', [1, 2]), rule(1, 'In', [2])], 'main'), {
    kind: 'only',
    values: [1],
  });
  // Two NotIn rules: a code escapes only when both list it.
  assert.deepEqual(unmatchedExitCodes([rule(0, 'NotIn', [1, 2, 5]), rule(1, 'NotIn', [2, 5, 7])], 'main'), {
    kind: 'only',
    values: [2, 5],
  });
  // NotIn [0]: exit code 0 never matches anyway, so every non-zero code is matched.
  assert.deepEqual(unmatchedExitCodes([rule(0, 'NotIn', [0])], 'main'), { kind: 'only', values: [] });
});

test('podReplacementPolicy and restartPolicy with a podFailurePolicy', () => {
  const text = seed('job-pod-failure-policy-failjob.yaml');
  assertIncludes(
    hoverAt(text, 'podFailurePolicy'),
    'podReplacementPolicy must be `Failed` (the default here)',
  );
  const onFailure = jobYaml(
    'podFailurePolicy:\n  rules:\n  - action: FailJob\n    onExitCodes:\n      operator: In\n      values: [1]',
    'restartPolicy: OnFailure',
  );
  assertIncludes(
    hoverAt(onFailure, 'podFailurePolicy'),
    'restartPolicy `OnFailure` is rejected with a podFailurePolicy',
  );
});

test('FailIndex and backoffLimitPerIndex', () => {
  const text = jobYaml(`completions: 4
completionMode: Indexed
backoffLimitPerIndex: 2
maxFailedIndexes: 1
podFailurePolicy:
  rules:
  - action: FailIndex
    onExitCodes:
      operator: In
      values: [7]`);
  assertIncludes(
    hoverAt(text, 'FailIndex'),
    'if any container or init container exits with code 7, the pod’s index is marked failed at once, without using `backoffLimitPerIndex`',
    'With `backoffLimitPerIndex` 2',
    'More than 1 failed indexes (`maxFailedIndexes`) fail the Job at once.',
  );
});

test('Chinese: a FailJob rule', () => {
  assertIncludes(
    hoverAt(seed('job-pod-failure-policy-failjob.yaml'), 'action', { locale: 'zh-CN' }),
    '规则 1：如果容器 `main` 以退出码 42 退出，整个 Job 立即失败（原因 `PodFailurePolicy`），不消耗 `backoffLimit`',
    '第 7 次计数的失败会让 Job 以 `BackoffLimitExceeded` 失败',
  );
});
