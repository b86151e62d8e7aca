import assert from 'node:assert/strict';
import { test } from 'node:test';
import { jobCompletionModeRule } from '../../../server/src/core/rules/jobCompletionModeRule';
import { restartPolicyRule } from '../../../server/src/core/rules/restartPolicyRule';
import {
  cronJobLike,
  inJobTemplate,
  job,
  ruleFindings,
  ruleTriples,
  testRuleRobustness,
} from './ruleTestSupport';

type Triple = [string, string | null, unknown];
const rules = [jobCompletionModeRule];
const cm = 'job/completion-mode';
const warn = 'job/indexed-tracking-limit';
const indexed = '  completionMode: Indexed';

// kubernetes-behaviour §1.3 "completionMode and indexed limits" and §1.7's warning, with §2.1's defaults
// for a top-level Job only (§1.4, §2.2: none in a CronJob's jobTemplate). Each case gives the Job
// expectation and, when it differs beyond the path prefix, the CronJob one.
const cases: [string, string, Triple[], Triple[]?][] = [
  ['no completionMode', '  completions: 3', []],
  ['NonIndexed', '  completionMode: NonIndexed\n  parallelism: 200000', []],
  ['Indexed with completions', `${indexed}\n  completions: 5\n  parallelism: 3`, []],
  ['unsupported value', '  completionMode: Sequential', [[cm, 'spec.completionMode', 'NotSupported']]],
  ['the value is case-sensitive', '  completionMode: indexed', [[cm, 'spec.completionMode', 'NotSupported']]],
  [
    // The "requires indexed" checks run only when the mode is unset or NonIndexed.
    'unsupported value with backoffLimitPerIndex',
    '  completionMode: Sequential\n  backoffLimitPerIndex: 1',
    [[cm, 'spec.completionMode', 'NotSupported']],
  ],
  [
    // Job: both unset → completions 1 (§2.1, §4.2); a jobTemplate gets no defaults (§1.4).
    'Indexed with neither completions nor parallelism',
    indexed,
    [],
    [[cm, 'spec.jobTemplate.spec.completions', 'Required']],
  ],
  [
    'Indexed with parallelism but no completions',
    `${indexed}\n  parallelism: 3`,
    [[cm, 'spec.completions', 'Required']],
  ],
  ['Indexed parallelism 100000', `${indexed}\n  completions: 5\n  parallelism: 100000`, []],
  [
    'Indexed parallelism 100001',
    `${indexed}\n  completions: 5\n  parallelism: 100001`,
    [[cm, 'spec.parallelism', 'Invalid']],
  ],
  [
    'backoffLimitPerIndex without Indexed',
    '  completions: 3\n  backoffLimitPerIndex: 1',
    [[cm, 'spec.backoffLimitPerIndex', 'Invalid']],
  ],
  [
    'backoffLimitPerIndex and maxFailedIndexes with NonIndexed',
    '  completionMode: NonIndexed\n  completions: 3\n  backoffLimitPerIndex: 1\n  maxFailedIndexes: 1',
    [
      [cm, 'spec.backoffLimitPerIndex', 'Invalid'],
      [cm, 'spec.maxFailedIndexes', 'Invalid'],
    ],
  ],
  ['backoffLimitPerIndex with Indexed', `${indexed}\n  completions: 5\n  backoffLimitPerIndex: 1`, []],
  [
    'maxFailedIndexes without backoffLimitPerIndex',
    `${indexed}\n  completions: 5\n  maxFailedIndexes: 1`,
    [[cm, 'spec.backoffLimitPerIndex', 'Required']],
  ],
  [
    'maxFailedIndexes equal to completions',
    `${indexed}\n  completions: 5\n  backoffLimitPerIndex: 1\n  maxFailedIndexes: 5`,
    [],
  ],
  [
    'maxFailedIndexes above completions',
    `${indexed}\n  completions: 5\n  backoffLimitPerIndex: 1\n  maxFailedIndexes: 6`,
    [[cm, 'spec.maxFailedIndexes', 'Invalid']],
  ],
  [
    'maxFailedIndexes above 100000 and above 10000 with high completions',
    `${indexed}\n  completions: 200000\n  backoffLimitPerIndex: 1\n  maxFailedIndexes: 100001`,
    [
      [cm, 'spec.maxFailedIndexes', 'Invalid'],
      [cm, 'spec.maxFailedIndexes', 'Invalid'],
    ],
  ],
  [
    'completions above 100000 with backoffLimitPerIndex needs maxFailedIndexes',
    `${indexed}\n  completions: 200000\n  backoffLimitPerIndex: 1`,
    [[cm, 'spec.maxFailedIndexes', 'Required']],
  ],
  [
    'completions 100000 is not above the limit',
    `${indexed}\n  completions: 100000\n  backoffLimitPerIndex: 1`,
    [],
  ],
  [
    'high completions with backoffLimitPerIndex: maxFailedIndexes 10000 is fine',
    `${indexed}\n  completions: 200000\n  parallelism: 10000\n  backoffLimitPerIndex: 1\n  maxFailedIndexes: 10000`,
    [],
  ],
  [
    'high completions with backoffLimitPerIndex: maxFailedIndexes 10001',
    `${indexed}\n  completions: 200000\n  backoffLimitPerIndex: 1\n  maxFailedIndexes: 10001`,
    [[cm, 'spec.maxFailedIndexes', 'Invalid']],
  ],
  [
    'high completions with backoffLimitPerIndex: parallelism 10001, plus the §1.7 warning',
    `${indexed}\n  completions: 200000\n  parallelism: 10001\n  backoffLimitPerIndex: 1\n  maxFailedIndexes: 10`,
    [
      [cm, 'spec.parallelism', 'Invalid'],
      [warn, 'spec', undefined],
    ],
  ],
  [
    'warning only: high completions and parallelism without backoffLimitPerIndex',
    `${indexed}\n  completions: 200000\n  parallelism: 20000`,
    [[warn, 'spec', undefined]],
  ],
  ['no warning at parallelism 10000', `${indexed}\n  completions: 200000\n  parallelism: 10000`, []],
  ['no warning for NonIndexed', '  completions: 200000\n  parallelism: 20000', []],
  ['a mistyped completions is left to the schema check', `${indexed}\n  completions: "5"`, []],
];

for (const [name, specExtra, jobExpected, cronExpected] of cases) {
  test(`completionMode (Job): ${name}`, () => {
    assert.deepEqual(ruleTriples(job(specExtra), rules), jobExpected);
  });
  test(`completionMode (CronJob jobTemplate): ${name}`, () => {
    assert.deepEqual(ruleTriples(cronJobLike(specExtra), rules), cronExpected ?? inJobTemplate(jobExpected));
  });
}

test('completionMode: backoffLimitPerIndex does not require restartPolicy Never (§4.1 item 4)', () => {
  const text = job(`${indexed}\n  completions: 5\n  backoffLimitPerIndex: 1`, '  restartPolicy: OnFailure');
  assert.deepEqual(ruleTriples(text, [jobCompletionModeRule, restartPolicyRule]), []);
});

test('completionMode: the §1.7 warning is a warning without an API error type', () => {
  const [finding] = ruleFindings(job(`${indexed}\n  completions: 200000\n  parallelism: 20000`), rules);
  assert.equal(finding?.severity, 'warning');
  assert.equal(finding?.data?.['errorType'], undefined);
});

test('completionMode: a mis-cased mode carries its replacement', () => {
  const [finding] = ruleFindings(job('  completionMode: indexed'), rules);
  assert.deepEqual(finding?.data, {
    allowed: ['NonIndexed', 'Indexed'],
    replacement: 'Indexed',
    errorType: 'NotSupported',
  });
});

test('completionMode: the missing completions of a jobTemplate is explained', () => {
  const [finding] = ruleFindings(cronJobLike(indexed), rules);
  assert.match(finding?.message ?? '', /jobTemplate gets no Job defaults/);
});

testRuleRobustness('completionMode', rules);
