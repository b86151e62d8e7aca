import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseSucceededIndexes, successPolicyRule } from '../../../server/src/core/rules/successPolicyRule';
import {
  cronJobLike,
  inJobTemplate,
  job,
  ruleFindings,
  ruleTriples,
  testRuleRobustness,
} from './ruleTestSupport';

type Triple = [string, string | null, unknown];
const rules = [successPolicyRule];
const sp = 'job/success-policy';
const r0 = 'spec.successPolicy.rules[0]';

/** An Indexed Job spec with `completions` and a successPolicy with the given rules (flow YAML). */
const indexed = (rulesYaml: string, completions = '5'): string =>
  `  completionMode: Indexed\n${completions ? `  completions: ${completions}\n` : ''}  successPolicy:\n    rules: ${rulesYaml}`;

// kubernetes-behaviour §1.3 "successPolicy", one case per row, with §4.1 item 5 (succeededCount 0 and
// succeededIndexes "" are accepted) and §1.4 (the same under spec.jobTemplate.spec).
const cases: [string, string, Triple[], Triple[]?][] = [
  ['indexes and a count', indexed('[{succeededIndexes: "0-2,4", succeededCount: 3}]'), []],
  ['a count only', indexed('[{succeededCount: 5}]'), []],
  [
    'without completionMode',
    '  completions: 5\n  successPolicy:\n    rules: [{succeededCount: 1}]',
    [[sp, 'spec.successPolicy', 'Invalid']],
  ],
  [
    'with NonIndexed',
    '  completionMode: NonIndexed\n  completions: 5\n  successPolicy:\n    rules: [{succeededCount: 1}]',
    [[sp, 'spec.successPolicy', 'Invalid']],
  ],
  [
    'no rules',
    '  completionMode: Indexed\n  completions: 5\n  successPolicy: {}',
    [[sp, 'spec.successPolicy.rules', 'Required']],
  ],
  ['an empty rules list', indexed('[]'), [[sp, 'spec.successPolicy.rules', 'Required']]],
  ['20 rules', indexed(`[${Array.from({ length: 20 }, () => '{succeededCount: 1}').join(', ')}]`), []],
  [
    '21 rules',
    indexed(`[${Array.from({ length: 21 }, () => '{succeededCount: 1}').join(', ')}]`),
    [[sp, 'spec.successPolicy.rules', 'TooMany']],
  ],
  ['a rule with neither criterion', indexed('[{}]'), [[sp, r0, 'Required']]],
  ['succeededIndexes ""', indexed('[{succeededIndexes: ""}]'), []],
  [
    'succeededIndexes not a number',
    indexed('[{succeededIndexes: "x"}]'),
    [[sp, `${r0}.succeededIndexes`, 'Invalid']],
  ],
  [
    'succeededIndexes "1--3"',
    indexed('[{succeededIndexes: "1--3"}]'),
    [[sp, `${r0}.succeededIndexes`, 'Invalid']],
  ],
  ['succeededIndexes "0-4" with 5 completions', indexed('[{succeededIndexes: "0-4"}]'), []],
  [
    'an index equal to completions',
    indexed('[{succeededIndexes: "5"}]'),
    [[sp, `${r0}.succeededIndexes`, 'Invalid']],
  ],
  ['decreasing indexes', indexed('[{succeededIndexes: "3,1"}]'), [[sp, `${r0}.succeededIndexes`, 'Invalid']]],
  ['a repeated index', indexed('[{succeededIndexes: "1,1"}]'), [[sp, `${r0}.succeededIndexes`, 'Invalid']]],
  ['an interval "2-2"', indexed('[{succeededIndexes: "2-2"}]'), [[sp, `${r0}.succeededIndexes`, 'Invalid']]],
  ['a trailing comma', indexed('[{succeededIndexes: "1,"}]'), [[sp, `${r0}.succeededIndexes`, 'Invalid']]],
  ['succeededCount 0', indexed('[{succeededCount: 0}]'), []],
  ['succeededCount -1', indexed('[{succeededCount: -1}]'), [[sp, `${r0}.succeededCount`, 'Invalid']]],
  [
    'succeededCount above completions',
    indexed('[{succeededCount: 6}]'),
    [[sp, `${r0}.succeededCount`, 'Invalid']],
  ],
  [
    'succeededCount above the indexes named',
    indexed('[{succeededIndexes: "0-1", succeededCount: 3}]'),
    [[sp, `${r0}.succeededCount`, 'Invalid']],
  ],
  [
    // The API server goes on with 0 parsed indexes after a parse error.
    'unparsable indexes and a count',
    indexed('[{succeededIndexes: "x", succeededCount: 1}]'),
    [
      [sp, `${r0}.succeededIndexes`, 'Invalid'],
      [sp, `${r0}.succeededCount`, 'Invalid'],
    ],
  ],
  [
    // A Job defaults completions to 1 (§2.1); a jobTemplate has none, and the completions-bound
    // checks are skipped there (the completion-mode rule reports the missing completions).
    'index 1 with completions defaulted',
    indexed('[{succeededIndexes: "1"}]', ''),
    [[sp, `${r0}.succeededIndexes`, 'Invalid']],
    [],
  ],
  ['index 0 with completions defaulted', indexed('[{succeededIndexes: "0"}]', ''), []],
];

for (const [name, specExtra, jobExpected, cronExpected] of cases) {
  test(`successPolicy (Job): ${name}`, () => {
    assert.deepEqual(ruleTriples(job(specExtra), rules), jobExpected);
  });
  test(`successPolicy (CronJob jobTemplate): ${name}`, () => {
    assert.deepEqual(ruleTriples(cronJobLike(specExtra), rules), cronExpected ?? inJobTemplate(jobExpected));
  });
}

test('successPolicy: succeededIndexes above 64 KiB is TooLong', () => {
  const indexes = Array.from({ length: 13000 }, (_, i) => i).join(',');
  assert.ok(indexes.length > 65536);
  assert.deepEqual(ruleTriples(job(indexed(`[{succeededIndexes: "${indexes}"}]`, '100000')), rules), [
    [sp, `${r0}.succeededIndexes`, 'TooLong'],
  ]);
});

// validateIndexesFormat / parseIndexInterval: the error and its arguments, or the count of indexes.
const parses: [string, number | undefined, ReturnType<typeof parseSucceededIndexes>][] = [
  ['', 5, { total: 0 }],
  ['0-2,4', 5, { total: 4 }],
  ['1,3-4', undefined, { total: 3 }],
  ['x', 5, { error: { key: 'notInteger', args: { text: 'x' } } }],
  ['1,', 5, { error: { key: 'notInteger', args: { text: '' } } }],
  ['-1', 5, { error: { key: 'notInteger', args: { text: '' } } }],
  ['1--3', 5, { error: { key: 'tooManyParts', args: { fragment: '1--3' } } }],
  ['7', 5, { error: { key: 'tooLarge', args: { text: '7', completions: '5' } } }],
  ['0-9', 5, { error: { key: 'tooLarge', args: { text: '9', completions: '5' } } }],
  ['3-1', 5, { error: { key: 'nonIncreasing', args: { previous: '3', current: '1' } } }],
  ['0-2,2', 5, { error: { key: 'nonIncreasing', args: { previous: '2', current: '2' } } }],
  [
    '99999999999999999999',
    undefined,
    { error: { key: 'notInteger', args: { text: '99999999999999999999' } } },
  ],
];

for (const [text, completions, expected] of parses) {
  test(`succeededIndexes parser: "${text}" with completions ${String(completions)}`, () => {
    assert.deepEqual(parseSucceededIndexes(text, completions), expected);
  });
}

test('successPolicy: the parse error keeps the API server gist', () => {
  const [finding] = ruleFindings(job(indexed('[{succeededIndexes: "3,1"}]')), rules);
  assert.equal(
    finding?.message,
    'Error parsing succeededIndexes: non-increasing order, previous: 3, current: 1',
  );
});

testRuleRobustness('successPolicy', rules);
