import assert from 'node:assert/strict';
import { test } from 'node:test';
import { podFailurePolicyRule } from '../../../server/src/core/rules/podFailurePolicyRule';
import {
  cronJobLike,
  inJobTemplate,
  job,
  ruleFindings,
  ruleTriples,
  testRuleRobustness,
} from './ruleTestSupport';

type Triple = [string, string | null, unknown];
const rules = [podFailurePolicyRule];
const pfp = 'job/pod-failure-policy';
const r0 = 'spec.podFailurePolicy.rules[0]';

/** A podFailurePolicy whose rules are the given YAML lines (each indented 4). */
const policy = (...ruleLines: string[]): string => `  podFailurePolicy:\n    rules:\n${ruleLines.join('\n')}`;
const exitCodes = (body: string, action = 'FailJob'): string =>
  `    - action: ${action}\n      onExitCodes: ${body}`;
const conditions = (body: string, action = 'Ignore'): string =>
  `    - action: ${action}\n      onPodConditions: ${body}`;
const range = (from: number, to: number): string =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i).join(', ');
const withInit = '  restartPolicy: Never\n  initContainers:\n  - name: setup\n    image: busybox:1.36';

// kubernetes-behaviour §1.3 "podFailurePolicy", one case per row and its valid counterpart; §1.4 puts the
// same rules under spec.jobTemplate.spec; §2.1/§2.2: an empty condition status is defaulted to True
// (so it is never Required, §4.2).
const cases: [string, string, string | undefined, Triple[]][] = [
  [
    'FailJob on exit code 42',
    policy(exitCodes('{containerName: main, operator: In, values: [42]}')),
    undefined,
    [],
  ],
  [
    'Ignore on DisruptionTarget, status defaulted',
    policy(conditions('[{type: DisruptionTarget}]')),
    undefined,
    [],
  ],
  ['an empty rules list', '  podFailurePolicy:\n    rules: []', undefined, []],
  [
    '20 rules',
    policy(...Array.from({ length: 20 }, () => exitCodes('{operator: In, values: [1]}'))),
    undefined,
    [],
  ],
  [
    '21 rules',
    policy(...Array.from({ length: 21 }, () => exitCodes('{operator: In, values: [1]}'))),
    undefined,
    [[pfp, 'spec.podFailurePolicy.rules', 'TooMany']],
  ],
  [
    'action missing',
    policy('    - onExitCodes: {operator: In, values: [1]}'),
    undefined,
    [[pfp, `${r0}.action`, 'Required']],
  ],
  [
    'action Restart',
    policy(exitCodes('{operator: In, values: [1]}', 'Restart')),
    undefined,
    [[pfp, `${r0}.action`, 'NotSupported']],
  ],
  ['action Count', policy(exitCodes('{operator: In, values: [1]}', 'Count')), undefined, []],
  [
    'FailIndex without backoffLimitPerIndex',
    policy(exitCodes('{operator: In, values: [1]}', 'FailIndex')),
    undefined,
    [[pfp, `${r0}.action`, 'Invalid']],
  ],
  [
    'FailIndex with backoffLimitPerIndex',
    `  completionMode: Indexed\n  completions: 3\n  backoffLimitPerIndex: 1\n${policy(exitCodes('{operator: In, values: [1]}', 'FailIndex'))}`,
    undefined,
    [],
  ],
  [
    'both onExitCodes and onPodConditions',
    policy(`${exitCodes('{operator: In, values: [1]}')}\n      onPodConditions: [{type: DisruptionTarget}]`),
    undefined,
    [[pfp, r0, 'Invalid']],
  ],
  [
    'neither onExitCodes nor onPodConditions',
    policy('    - action: FailJob'),
    undefined,
    [[pfp, r0, 'Invalid']],
  ],
  ['an empty onPodConditions counts as none', policy(conditions('[]')), undefined, [[pfp, r0, 'Invalid']]],
  [
    'operator missing',
    policy(exitCodes('{values: [1]}')),
    undefined,
    [[pfp, `${r0}.onExitCodes.operator`, 'Required']],
  ],
  [
    'operator Equals',
    policy(exitCodes('{operator: Equals, values: [1]}')),
    undefined,
    [[pfp, `${r0}.onExitCodes.operator`, 'NotSupported']],
  ],
  ['operator NotIn', policy(exitCodes('{operator: NotIn, values: [0]}')), undefined, []],
  [
    'containerName not in the template',
    policy(exitCodes('{containerName: sidecar, operator: In, values: [1]}')),
    undefined,
    [[pfp, `${r0}.onExitCodes.containerName`, 'Invalid']],
  ],
  [
    'containerName of an init container',
    policy(exitCodes('{containerName: setup, operator: In, values: [1]}')),
    withInit,
    [],
  ],
  [
    'values missing',
    policy(exitCodes('{operator: In}')),
    undefined,
    [[pfp, `${r0}.onExitCodes.values`, 'Invalid']],
  ],
  [
    'values empty',
    policy(exitCodes('{operator: In, values: []}')),
    undefined,
    [[pfp, `${r0}.onExitCodes.values`, 'Invalid']],
  ],
  ['255 values', policy(exitCodes(`{operator: In, values: [${range(1, 255)}]}`)), undefined, []],
  [
    '256 values',
    policy(exitCodes(`{operator: NotIn, values: [${range(1, 256)}]}`)),
    undefined,
    [[pfp, `${r0}.onExitCodes.values`, 'TooMany']],
  ],
  [
    'a value repeated twice: one Duplicate per repeat',
    policy(exitCodes('{operator: In, values: [1, 1, 1]}')),
    undefined,
    [
      [pfp, `${r0}.onExitCodes.values[1]`, 'Duplicate'],
      [pfp, `${r0}.onExitCodes.values[2]`, 'Duplicate'],
    ],
  ],
  [
    '0 with In',
    policy(exitCodes('{operator: In, values: [0, 1]}')),
    undefined,
    [[pfp, `${r0}.onExitCodes.values[0]`, 'Invalid']],
  ],
  [
    '0 and negative codes with NotIn',
    policy(exitCodes('{operator: NotIn, values: [-1, 0, 2]}')),
    undefined,
    [],
  ],
  [
    'values out of order',
    policy(exitCodes('{operator: In, values: [3, 1]}')),
    undefined,
    [[pfp, `${r0}.onExitCodes.values`, 'Invalid']],
  ],
  [
    '21 condition patterns',
    policy(conditions(`[${Array.from({ length: 21 }, () => '{type: DisruptionTarget}').join(', ')}]`)),
    undefined,
    [[pfp, `${r0}.onPodConditions`, 'TooMany']],
  ],
  [
    '20 condition patterns',
    policy(conditions(`[${Array.from({ length: 20 }, () => '{type: X}').join(', ')}]`)),
    undefined,
    [],
  ],
  [
    'a prefixed condition type',
    policy(conditions('[{type: example.com/ConfigIssue, status: "False"}]')),
    undefined,
    [],
  ],
  [
    'a condition type with a space',
    policy(conditions('[{type: Config Issue}]')),
    undefined,
    [[pfp, `${r0}.onPodConditions[0].type`, 'Invalid']],
  ],
  [
    'a condition type with two slashes',
    policy(conditions('[{type: a/b/c}]')),
    undefined,
    [[pfp, `${r0}.onPodConditions[0].type`, 'Invalid']],
  ],
  [
    // IsQualifiedName reports an empty name part twice: "must be non-empty" and the pattern.
    'an empty condition type',
    policy(conditions('[{type: ""}]')),
    undefined,
    [
      [pfp, `${r0}.onPodConditions[0].type`, 'Invalid'],
      [pfp, `${r0}.onPodConditions[0].type`, 'Invalid'],
    ],
  ],
  ['status Unknown', policy(conditions('[{type: Ready, status: Unknown}]')), undefined, []],
  ['status "" is defaulted to True', policy(conditions('[{type: Ready, status: ""}]')), undefined, []],
  [
    'status Maybe',
    policy(conditions('[{type: Ready, status: Maybe}]')),
    undefined,
    [[pfp, `${r0}.onPodConditions[0].status`, 'NotSupported']],
  ],
];

for (const [name, specExtra, podExtra, expected] of cases) {
  test(`podFailurePolicy (Job): ${name}`, () => {
    assert.deepEqual(ruleTriples(job(specExtra, podExtra), rules), expected);
  });
  test(`podFailurePolicy (CronJob jobTemplate): ${name}`, () => {
    assert.deepEqual(ruleTriples(cronJobLike(specExtra, podExtra), rules), inJobTemplate(expected));
  });
}

test('podFailurePolicy: out-of-order values carry the sorted, deduplicated list', () => {
  const findings = ruleFindings(job(policy(exitCodes('{operator: In, values: [5, 3, 5, 1]}'))), rules);
  const unordered = findings.find((finding) => finding.path === `${r0}.onExitCodes.values`);
  assert.deepEqual(unordered?.data?.['replacement'], [1, 3, 5]);
});

test('podFailurePolicy: an unknown container name lists the known ones', () => {
  const [finding] = ruleFindings(
    job(policy(exitCodes('{containerName: app, operator: In, values: [1]}')), withInit),
    rules,
  );
  assert.deepEqual(finding?.data?.['allowed'], ['main', 'setup']);
});

test('podFailurePolicy: a mis-cased status carries its replacement', () => {
  const [finding] = ruleFindings(job(policy(conditions('[{type: Ready, status: "true"}]'))), rules);
  assert.equal(finding?.data?.['replacement'], 'True');
});

testRuleRobustness('podFailurePolicy', rules);
