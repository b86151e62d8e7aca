import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findingsOf, job, triples } from './ruleTestSupport';

const cronJob = (restartPolicy: string): string => `apiVersion: batch/v1
kind: CronJob
metadata:
  name: hello
spec:
  schedule: "*/5 * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          containers:
          - name: hello
            image: busybox:1.36
${restartPolicy ? `          restartPolicy: ${restartPolicy}\n` : ''}`;

const daemonSet = (restartPolicy: string): string => `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  selector:
    matchLabels: {app: agent}
  template:
    metadata:
      labels: {app: agent}
    spec:
      containers:
      - name: agent
        image: busybox:1.36
${restartPolicy ? `      restartPolicy: ${restartPolicy}\n` : ''}`;

const jobPath = 'spec.template.spec.restartPolicy';
const cronPath = 'spec.jobTemplate.spec.template.spec.restartPolicy';
const rp = ['job/restart-policy', 'daemonset/restart-policy'];

// Each expectation is kubernetes-behaviour §1.3/§1.5: Always (or omitted, defaulted to Always) is Required
// for Jobs; other unknown values NotSupported; OnFailure with podFailurePolicy Invalid.
const cases: [string, string, [string, string, string][]][] = [
  ['Job Never', job('', '  restartPolicy: Never'), []],
  ['Job OnFailure', job('', '  restartPolicy: OnFailure'), []],
  ['Job Always', job('', '  restartPolicy: Always'), [['job/restart-policy', jobPath, 'Required']]],
  ['Job omitted', job('', ''), [['job/restart-policy', jobPath, 'Required']]],
  ['Job Sometimes', job('', '  restartPolicy: Sometimes'), [['job/restart-policy', jobPath, 'NotSupported']]],
  [
    'Job OnFailure with podFailurePolicy',
    job(
      '  podFailurePolicy:\n    rules:\n    - action: FailJob\n      onExitCodes: {operator: In, values: [42]}',
      '  restartPolicy: OnFailure',
    ),
    [['job/restart-policy', jobPath, 'Invalid']],
  ],
  ['CronJob OnFailure', cronJob('OnFailure'), []],
  ['CronJob omitted', cronJob(''), [['job/restart-policy', cronPath, 'Required']]],
  ['CronJob Always', cronJob('Always'), [['job/restart-policy', cronPath, 'Required']]],
  ['DaemonSet omitted', daemonSet(''), []],
  ['DaemonSet Always', daemonSet('Always'), []],
  ['DaemonSet Never', daemonSet('Never'), [['daemonset/restart-policy', jobPath, 'NotSupported']]],
];

for (const [name, text, expected] of cases) {
  test(`restartPolicy: ${name}`, () => {
    assert.deepEqual(triples(text, rp), expected);
  });
}

test('an omitted restartPolicy is reported at the pod spec key, where it belongs', () => {
  const text = job('', '');
  const lines = text.split('\n');
  const [finding] = findingsOf(text, rp);
  const specLine = lines.findIndex((line) => line === '    spec:');
  const offset = lines.slice(0, specLine).join('\n').length + 1 + '    '.length;
  assert.deepEqual(finding?.range, { start: offset, end: offset + 4 });
});
