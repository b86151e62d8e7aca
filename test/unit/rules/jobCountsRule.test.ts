import assert from 'node:assert/strict';
import { test } from 'node:test';
import { jobCountsRule } from '../../../server/src/core/rules/jobCountsRule';
import {
  cronJobLike,
  daemonSet,
  inJobTemplate,
  job,
  ruleFindings,
  ruleTriples,
  testRuleRobustness,
} from './ruleTestSupport';

type Triple = [string, string | null, unknown];
const rules = [jobCountsRule];
const code = 'job/negative-count';

// kubernetes-behaviour §1.3 "Counts and timers": each field ≥ 0 (ValidateNonnegativeField), Invalid at its
// own path; §1.4: the same rules under spec.jobTemplate.spec. §4.3: 0 is accepted (even
// activeDeadlineSeconds 0). A value of the wrong type is the schema check's, not this rule's.
const cases: [string, string, Triple[]][] = [
  ['nothing set', '', []],
  [
    'every field 0',
    '  parallelism: 0\n  completions: 0\n  activeDeadlineSeconds: 0\n  backoffLimit: 0\n  ttlSecondsAfterFinished: 0\n  backoffLimitPerIndex: 0\n  maxFailedIndexes: 0',
    [],
  ],
  [
    'positive values',
    '  parallelism: 3\n  completions: 8\n  backoffLimit: 4\n  activeDeadlineSeconds: 600',
    [],
  ],
  ['parallelism -1', '  parallelism: -1', [[code, 'spec.parallelism', 'Invalid']]],
  ['completions -1', '  completions: -1', [[code, 'spec.completions', 'Invalid']]],
  [
    'activeDeadlineSeconds -1',
    '  activeDeadlineSeconds: -1',
    [[code, 'spec.activeDeadlineSeconds', 'Invalid']],
  ],
  ['backoffLimit -1', '  backoffLimit: -1', [[code, 'spec.backoffLimit', 'Invalid']]],
  [
    'ttlSecondsAfterFinished -1',
    '  ttlSecondsAfterFinished: -1',
    [[code, 'spec.ttlSecondsAfterFinished', 'Invalid']],
  ],
  ['backoffLimitPerIndex -1', '  backoffLimitPerIndex: -1', [[code, 'spec.backoffLimitPerIndex', 'Invalid']]],
  ['maxFailedIndexes -1', '  maxFailedIndexes: -1', [[code, 'spec.maxFailedIndexes', 'Invalid']]],
  [
    'two negative fields, two errors',
    '  parallelism: -2\n  backoffLimit: -6',
    [
      [code, 'spec.parallelism', 'Invalid'],
      [code, 'spec.backoffLimit', 'Invalid'],
    ],
  ],
  [
    'activeDeadlineSeconds is int64',
    '  activeDeadlineSeconds: -5000000000',
    [[code, 'spec.activeDeadlineSeconds', 'Invalid']],
  ],
  ['an int32 field out of range does not decode', '  parallelism: -5000000000', []],
  ['a quoted number is the wrong type', '  parallelism: "-1"', []],
  ['null is unset', '  completions:', []],
];

for (const [name, specExtra, expected] of cases) {
  test(`job counts (Job): ${name}`, () => {
    assert.deepEqual(ruleTriples(job(specExtra), rules), expected);
  });
  test(`job counts (CronJob jobTemplate): ${name}`, () => {
    assert.deepEqual(ruleTriples(cronJobLike(specExtra), rules), inJobTemplate(expected));
  });
}

test('job counts: a DaemonSet is not a Job', () => {
  assert.deepEqual(ruleTriples(daemonSet('  minReadySeconds: -1'), rules), []);
});

test('job counts: the message names the field and the finding carries the bound', () => {
  const [finding] = ruleFindings(job('  backoffLimit: -1'), rules);
  assert.equal(finding?.severity, 'error');
  assert.equal(finding?.message, 'backoffLimit must be greater than or equal to 0');
  assert.deepEqual(finding?.data, { value: -1, minimum: 0, errorType: 'Invalid' });
});

testRuleRobustness('job counts', rules);
