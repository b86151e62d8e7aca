import assert from 'node:assert/strict';
import { test } from 'node:test';
import { jobIndexedHostnameRule } from '../../../server/src/core/rules/jobIndexedHostnameRule';
import { cronJobLike, job, ruleFindings, ruleTriples, testRuleRobustness } from './ruleTestSupport';

type Triple = [string, string | null, unknown];
const rules = [jobIndexedHostnameRule];
const invalid: Triple[] = [['job/indexed-hostname', 'metadata.name', 'Invalid']];
const named = (name: string): string => `  name: ${name}`;
const long = (length: number): string => 'a'.repeat(length);
const indexed = (completions: string): string =>
  `  completionMode: Indexed${completions ? `\n  completions: ${completions}` : ''}`;

// kubernetes-behaviour §1.1 / §1.3 (ValidateJob): for an Indexed Job with completions > 0,
// `<name>-<completions-1>` must be a DNS-1123 label (≤ 63, no dots), else Invalid metadata.name.
// Completions after §2.1's defaults; the name after generateName (§0.1 step 4). Not for CronJobs (§1.4).
const cases: [string, string, Triple[]][] = [
  ['short name', job(indexed('5'), undefined, named('indexed-job')), []],
  ['61 characters and index 9: 63', job(indexed('10'), undefined, named(long(61))), []],
  ['61 characters and index 10: 64', job(indexed('11'), undefined, named(long(61))), invalid],
  ['62 characters, completions defaulted to 1: 64', job(indexed(''), undefined, named(long(62))), invalid],
  ['62 characters, NonIndexed', job('  completions: 5', undefined, named(long(62))), []],
  ['completions 0 skips the check', job(indexed('0'), undefined, named(long(62))), []],
  [
    'parallelism without completions: no completions, no check',
    job(`${indexed('')}\n  parallelism: 2`, undefined, named(long(62))),
    [],
  ],
  ['a name with dots', job(indexed('2'), undefined, named('my.job')), invalid],
  ['a generated name that fits', job(indexed('5'), undefined, '  generateName: pi-'), []],
  [
    // generateName (57) + 5 random characters + "-99" = 65.
    'a generated name that does not fit',
    job(indexed('100'), undefined, `  generateName: ${long(56)}-`),
    invalid,
  ],
  ['a CronJob jobTemplate is exempt', cronJobLike(indexed('11'), undefined, named('my.job')), []],
];

for (const [name, text, expected] of cases) {
  test(`Indexed hostname: ${name}`, () => {
    assert.deepEqual(ruleTriples(text, rules), expected);
  });
}

test('Indexed hostname: the message names the hostname; data has the longest name that fits', () => {
  const [finding] = ruleFindings(job(indexed('11'), undefined, named(long(61))), rules);
  assert.match(finding?.message ?? '', new RegExp(`"${long(61)}-10"`));
  assert.equal(finding?.data?.['maxNameLength'], 60);
});

testRuleRobustness('Indexed hostname', rules);
