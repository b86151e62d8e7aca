import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cronJobSpecRule } from '../../../server/src/core/rules/cronJobSpecRule';
import { daemonSetSpecRule } from '../../../server/src/core/rules/daemonSetSpecRule';
import { cronJob, daemonSet, ruleTriples } from './ruleTestSupport';

const rules = [cronJobSpecRule, daemonSetSpecRule];
const ru = 'spec.updateStrategy.rollingUpdate';
const rolling = (body: string): string =>
  daemonSet(`  updateStrategy:\n    type: RollingUpdate\n    rollingUpdate: ${body}`);

// kubernetes-behaviour §1.4 (CronJob) and §1.5 with §2.3's defaults (maxUnavailable 1, maxSurge 0 when unset).
const cases: [string, string, [string, string | null, unknown][]][] = [
  ['CronJob valid', cronJob(), []],
  [
    'startingDeadlineSeconds -1',
    cronJob('  startingDeadlineSeconds: -1'),
    [['cronjob/negative-field', 'spec.startingDeadlineSeconds', 'Invalid']],
  ],
  ['history limits 0 keep none', cronJob('  successfulJobsHistoryLimit: 0\n  failedJobsHistoryLimit: 0'), []],
  [
    'failedJobsHistoryLimit -1',
    cronJob('  failedJobsHistoryLimit: -1'),
    [['cronjob/negative-field', 'spec.failedJobsHistoryLimit', 'Invalid']],
  ],
  ['concurrencyPolicy Forbid', cronJob('  concurrencyPolicy: Forbid'), []],
  [
    'concurrencyPolicy forbid (case matters)',
    cronJob('  concurrencyPolicy: forbid'),
    [['cronjob/concurrency-policy', 'spec.concurrencyPolicy', 'NotSupported']],
  ],
  [
    'empty schedule',
    cronJob().replace('"*/5 * * * *"', '""'),
    [['cronjob/schedule-required', 'spec.schedule', 'Required']],
  ],
  ['DaemonSet valid', daemonSet(), []],
  [
    'activeDeadlineSeconds',
    daemonSet('', '      activeDeadlineSeconds: 30'),
    [['daemonset/active-deadline-seconds', 'spec.template.spec.activeDeadlineSeconds', 'Forbidden']],
  ],
  [
    'minReadySeconds -1',
    daemonSet('  minReadySeconds: -1'),
    [['daemonset/negative-field', 'spec.minReadySeconds', 'Invalid']],
  ],
  [
    'strategy type Recreate',
    daemonSet('  updateStrategy: {type: Recreate}'),
    [['daemonset/update-strategy', 'spec.updateStrategy', 'NotSupported']],
  ],
  [
    'OnDelete ignores rollingUpdate nonsense',
    daemonSet('  updateStrategy: {type: OnDelete, rollingUpdate: {maxSurge: "x"}}'),
    [],
  ],
  ['default rolling update', rolling('{}'), []],
  ['maxUnavailable 25%', rolling('{maxUnavailable: 25%}'), []],
  ['surge with maxUnavailable 0', rolling('{maxUnavailable: 0, maxSurge: 1}'), []],
  [
    'surge 1 with maxUnavailable unset (defaults to 1)',
    rolling('{maxSurge: 1}'),
    [['daemonset/rolling-update', `${ru}.maxSurge`, 'Invalid']],
  ],
  [
    'both zero',
    rolling('{maxUnavailable: 0}'),
    [['daemonset/rolling-update', `${ru}.maxUnavailable`, 'Required']],
  ],
  [
    '"20Percent" is invalid and counts as 0',
    rolling('{maxUnavailable: "20Percent"}'),
    [
      ['daemonset/rolling-update', `${ru}.maxUnavailable`, 'Invalid'],
      ['daemonset/rolling-update', `${ru}.maxUnavailable`, 'Required'],
    ],
  ],
  [
    '"50" is invalid but counts as 50',
    rolling('{maxUnavailable: "50"}'),
    [['daemonset/rolling-update', `${ru}.maxUnavailable`, 'Invalid']],
  ],
  [
    '150% is over 100%',
    rolling('{maxUnavailable: 150%}'),
    [['daemonset/rolling-update', `${ru}.maxUnavailable`, 'Invalid']],
  ],
  [
    'negative maxUnavailable',
    rolling('{maxUnavailable: -1}'),
    [['daemonset/rolling-update', `${ru}.maxUnavailable`, 'Invalid']],
  ],
];

for (const [name, text, expected] of cases) {
  test(`workload spec: ${name}`, () => assert.deepEqual(ruleTriples(text, rules), expected));
}
