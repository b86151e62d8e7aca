import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nameDnsLabelWarningRule } from '../../../server/src/core/rules/nameDnsLabelWarningRule';
import {
  cronJobLike,
  daemonSet,
  job,
  ruleFindings,
  ruleTriples,
  testRuleRobustness,
} from './ruleTestSupport';

type Triple = [string, string | null, unknown];
const rules = [nameDnsLabelWarningRule];
const warning: Triple[] = [['workload/name-not-dns-label', 'metadata.name', undefined]];
const named = (name: string): string => `  name: ${name}`;

// kubernetes-behaviour §1.1 and §1.7: Job and CronJob names that are valid DNS subdomains but not DNS
// labels (dots, or more than 63 characters) are accepted with a warning. Invalid subdomains are
// the metadata/name rule's errors; DaemonSet names only have to be subdomains.
const cases: [string, string, Triple[]][] = [
  ['a DNS label', job('', undefined, named('pi')), []],
  ['a Job name with dots', job('', undefined, named('pi.v2')), warning],
  ['a CronJob name with dots', cronJobLike('', undefined, named('hello.world')), warning],
  ['a Job name of 64 characters', job('', undefined, named('a'.repeat(64))), warning],
  ['a Job name of 63 characters', job('', undefined, named('a'.repeat(63))), []],
  ['not a subdomain: uppercase', job('', undefined, named('Pi.v2')), []],
  ['not a subdomain: a placeholder', job('', undefined, named('process-item-$ITEM')), []],
  ['not a subdomain: 254 characters', job('', undefined, named(`a.${'b'.repeat(252)}`)), []],
  ['a DaemonSet name with dots', daemonSet().replace('name: agent', 'name: agent.v1'), []],
  ['a generated name with dots', job('', undefined, '  generateName: pi.v2-'), warning],
  ['no name', job('', undefined, '  labels: {a: b}'), []],
];

for (const [name, text, expected] of cases) {
  test(`name not a DNS label: ${name}`, () => {
    assert.deepEqual(ruleTriples(text, rules), expected);
  });
}

test('name not a DNS label: a warning, with dots turned into dashes as the fix', () => {
  const [finding] = ruleFindings(job('', undefined, named('pi.v2')), rules);
  assert.equal(finding?.severity, 'warning');
  assert.equal(finding?.data?.['replacement'], 'pi-v2');
  assert.equal(finding?.data?.['errorType'], undefined);
});

test('name not a DNS label: no fix when dashes alone do not make a label', () => {
  const [finding] = ruleFindings(job('', undefined, named(`a.${'b'.repeat(70)}`)), rules);
  assert.equal(finding?.data?.['replacement'], undefined);
  assert.equal(finding?.data?.['tooLong'], true);
});

testRuleRobustness('name not a DNS label', rules);
