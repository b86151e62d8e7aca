import assert from 'node:assert/strict';
import { test } from 'node:test';
import { podReplacementPolicyRule } from '../../../server/src/core/rules/podReplacementPolicyRule';
import {
  cronJobLike,
  inJobTemplate,
  job,
  ruleFindings,
  ruleTriples,
  testRuleRobustness,
} from './ruleTestSupport';

type Triple = [string, string | null, unknown];
const rules = [podReplacementPolicyRule];
const notSupported: Triple[] = [['job/pod-replacement-policy', 'spec.podReplacementPolicy', 'NotSupported']];
const pfp =
  '  podFailurePolicy:\n    rules:\n    - action: FailJob\n      onExitCodes: {operator: In, values: [42]}';

// kubernetes-behaviour §1.3 "podReplacementPolicy": Failed or TerminatingOrFailed; only Failed with a
// podFailurePolicy; an explicit "" is rejected (only nil is defaulted); §1.4 for jobTemplates.
const cases: [string, string, Triple[]][] = [
  ['omitted', '', []],
  ['null is omitted', '  podReplacementPolicy:', []],
  ['Failed', '  podReplacementPolicy: Failed', []],
  ['TerminatingOrFailed', '  podReplacementPolicy: TerminatingOrFailed', []],
  ['an explicit empty string', '  podReplacementPolicy: ""', notSupported],
  ['Always', '  podReplacementPolicy: Always', notSupported],
  ['Failed with podFailurePolicy', `  podReplacementPolicy: Failed\n${pfp}`, []],
  [
    'TerminatingOrFailed with podFailurePolicy',
    `  podReplacementPolicy: TerminatingOrFailed\n${pfp}`,
    notSupported,
  ],
  ['omitted with podFailurePolicy', pfp, []],
];

for (const [name, specExtra, expected] of cases) {
  test(`podReplacementPolicy (Job): ${name}`, () => {
    assert.deepEqual(ruleTriples(job(specExtra), rules), expected);
  });
  test(`podReplacementPolicy (CronJob jobTemplate): ${name}`, () => {
    assert.deepEqual(ruleTriples(cronJobLike(specExtra), rules), inJobTemplate(expected));
  });
}

test('podReplacementPolicy: with podFailurePolicy the only fix is Failed', () => {
  const [finding] = ruleFindings(job(`  podReplacementPolicy: TerminatingOrFailed\n${pfp}`), rules);
  assert.deepEqual(finding?.data, { allowed: ['Failed'], replacement: 'Failed', errorType: 'NotSupported' });
});

test('podReplacementPolicy: a mis-cased value carries its replacement; an unknown one none', () => {
  assert.equal(
    ruleFindings(job('  podReplacementPolicy: failed'), rules)[0]?.data?.['replacement'],
    'Failed',
  );
  assert.equal(
    ruleFindings(job('  podReplacementPolicy: Never'), rules)[0]?.data?.['replacement'],
    undefined,
  );
});

testRuleRobustness('podReplacementPolicy', rules);
