import assert from 'node:assert/strict';
import { test } from 'node:test';
import { metadataRule } from '../../../server/src/core/rules/metadataRule';
import { analyzeDocument } from '../../../server/src/core/analysis/analyzeDocument';
import { defaultSettings } from '../../../server/src/core/settings';
import { cronJob, daemonSet, job, ruleTriples } from './ruleTestSupport';

const rules = [metadataRule];
const long = (length: number): string => 'a'.repeat(length);

// kubernetes-behaviour §1.1: names are DNS-1123 subdomains (≤253); a CronJob's name ≤52 (create only);
// label keys are qualified names, values ≤63 of the label alphabet; template labels are reported
// at `spec.template.labels`.
const cases: [string, string, [string, string | null, unknown][]][] = [
  ['valid name', job(), []],
  ['name with dots is a valid subdomain', job('', '  restartPolicy: Never', '  name: pi.v2'), []],
  [
    'uppercase name',
    job('', '  restartPolicy: Never', '  name: Pi'),
    [['metadata/name', 'metadata.name', 'Invalid']],
  ],
  [
    'name of 254 characters',
    job('', '  restartPolicy: Never', `  name: ${long(254)}`),
    [['metadata/name', 'metadata.name', 'Invalid']],
  ],
  [
    'no name',
    job('', '  restartPolicy: Never', '  labels: {a: b}'),
    [['metadata/name', 'metadata.name', 'Required']],
  ],
  ['generateName instead of name', job('', '  restartPolicy: Never', '  generateName: pi-'), []],
  ['CronJob name of 52', cronJob('', '', long(52)), []],
  ['CronJob name of 53', cronJob('', '', long(53)), [['cronjob/name-too-long', 'metadata.name', 'Invalid']]],
  ['DaemonSet name of 60', daemonSet().replace('name: agent', `name: ${long(60)}`), []],
  [
    'bad label key and value',
    job('', '  restartPolicy: Never', '  name: pi\n  labels:\n    "-bad": ok\n    good: "bad value"'),
    [
      ['metadata/labels', 'metadata.labels', 'Invalid'],
      ['metadata/labels', 'metadata.labels', 'Invalid'],
    ],
  ],
  [
    'prefixed label key',
    job('', '  restartPolicy: Never', '  name: pi\n  labels: {app.kubernetes.io/name: pi, empty: ""}'),
    [],
  ],
  [
    'label value of 64',
    job('', '  restartPolicy: Never', `  name: pi\n  labels: {a: ${long(64)}}`),
    [['metadata/labels', 'metadata.labels', 'Invalid']],
  ],
  [
    'bad template label',
    daemonSet('', '', '{app: agent, "x/y/z": a}'),
    [['metadata/labels', 'spec.template.labels', 'Invalid']],
  ],
  [
    'bad annotation key',
    job('', '  restartPolicy: Never', '  name: pi\n  annotations: {"a b": x}'),
    [['metadata/annotations', 'metadata.annotations', 'Invalid']],
  ],
];

for (const [name, text, expected] of cases) {
  test(`metadata: ${name}`, () => assert.deepEqual(ruleTriples(text, rules), expected));
}

test('an unexpanded placeholder in a name is named in the message', () => {
  const text = job('', '  restartPolicy: Never', '  name: process-item-$ITEM');
  const [finding] = analyzeDocument(text, defaultSettings, rules).findings;
  assert.equal(finding?.code, 'metadata/name');
  assert.match(finding?.message ?? '', /"\$ITEM" looks like an unexpanded placeholder/);
  assert.equal(text.slice(finding?.range.start, finding?.range.end), 'process-item-$ITEM');
});
