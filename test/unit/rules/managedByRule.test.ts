import assert from 'node:assert/strict';
import { test } from 'node:test';
import { managedByRule } from '../../../server/src/core/rules/managedByRule';
import {
  cronJobLike,
  inJobTemplate,
  job,
  ruleFindings,
  ruleTriples,
  testRuleRobustness,
} from './ruleTestSupport';

type Triple = [string, string | null, unknown];
const rules = [managedByRule];
const mb = 'job/managed-by';
const path = 'spec.managedBy';
const managedBy = (value: string): string => `  managedBy: ${value}`;

// kubernetes-behaviour §1.3 "managedBy": a domain-prefixed path (IsDomainPrefixedPath: a DNS subdomain,
// "/", then HTTP path characters; an empty value is Required there), at most 63 (TooLong); §1.4.
const cases: [string, string, Triple[]][] = [
  ['the built-in controller', managedBy('kubernetes.io/job-controller'), []],
  ['a custom controller', managedBy('acme.io/foo'), []],
  ['a path with slashes and sub-delims', managedBy("example.com/ctrl/v1;x=1:a+b'c"), []],
  ['empty', managedBy('""'), [[mb, path, 'Required']]],
  ['no slash', managedBy('acme'), [[mb, path, 'Invalid']]],
  ['no domain', managedBy('/foo'), [[mb, path, 'Invalid']]],
  ['no path', managedBy('acme.io/'), [[mb, path, 'Invalid']]],
  ['an uppercase domain', managedBy('Acme.io/foo'), [[mb, path, 'Invalid']]],
  ['a space in the path', managedBy('"acme.io/foo bar"'), [[mb, path, 'Invalid']]],
  ['63 characters', managedBy(`acme.io/${'a'.repeat(55)}`), []],
  ['64 characters', managedBy(`acme.io/${'a'.repeat(56)}`), [[mb, path, 'TooLong']]],
  [
    'not domain-prefixed and too long',
    managedBy('a'.repeat(64)),
    [
      [mb, path, 'Invalid'],
      [mb, path, 'TooLong'],
    ],
  ],
];

for (const [name, specExtra, expected] of cases) {
  test(`managedBy (Job): ${name}`, () => {
    assert.deepEqual(ruleTriples(job(specExtra), rules), expected);
  });
  test(`managedBy (CronJob jobTemplate): ${name}`, () => {
    assert.deepEqual(ruleTriples(cronJobLike(specExtra), rules), inJobTemplate(expected));
  });
}

test('managedBy: the message keeps the API server gist', () => {
  const [finding] = ruleFindings(job(managedBy('acme')), rules);
  assert.equal(finding?.message, 'managedBy must be a domain-prefixed path (such as "acme.io/foo")');
});

testRuleRobustness('managedBy', rules);
