import assert from 'node:assert/strict';
import { test } from 'node:test';
import { selectorRule } from '../../../server/src/core/rules/selectorRule';
import { cronJob, daemonSet, job, ruleTriples } from './ruleTestSupport';

const rules = [selectorRule];
const withTemplateLabels = (labels: string, spec = ''): string =>
  job(spec).replace(
    '  template:\n    spec:',
    `  template:\n    metadata:\n      labels: ${labels}\n    spec:`,
  );

// kubernetes-behaviour §1.3 (Job selector and generated labels), §1.4 (jobTemplate), §1.5 (DaemonSet).
const cases: [string, string, [string, string | null, unknown][]][] = [
  ['Job without selector: generated', job(), []],
  ['Job with its own template labels', withTemplateLabels('{app: pi}'), []],
  [
    'Job with a user selector and no manualSelector',
    withTemplateLabels('{app: pi}', '  selector:\n    matchLabels: {app: pi}'),
    [['job/selector', 'spec.selector', 'Invalid']],
  ],
  [
    'Job with manualSelector and a matching selector',
    withTemplateLabels('{app: pi}', '  manualSelector: true\n  selector:\n    matchLabels: {app: pi}'),
    [],
  ],
  [
    'Job with manualSelector and a selector that does not match',
    withTemplateLabels('{app: pi}', '  manualSelector: true\n  selector:\n    matchLabels: {app: other}'),
    [['job/selector', 'spec.template.metadata.labels', 'Invalid']],
  ],
  [
    'Job with manualSelector and no selector',
    withTemplateLabels('{app: pi}', '  manualSelector: true'),
    [['job/selector', 'spec.selector', 'Required']],
  ],
  ['Job with job-name label equal to its name', withTemplateLabels('{job-name: pi}'), []],
  [
    'Job with job-name label of another name',
    withTemplateLabels('{job-name: other}'),
    [['job/generated-label', 'spec.template.metadata.labels[job-name]', 'Invalid']],
  ],
  [
    'Job with a controller-uid label',
    withTemplateLabels('{controller-uid: abc}'),
    [['job/generated-label', 'spec.template.metadata.labels[controller-uid]', 'Invalid']],
  ],
  [
    'Job selector expression with a bad operator',
    withTemplateLabels(
      '{app: pi}',
      '  manualSelector: true\n  selector:\n    matchExpressions: [{key: app, operator: Has, values: [pi]}]',
    ),
    [
      ['job/selector', 'spec.selector.matchExpressions[0].operator', 'Invalid'],
      ['job/selector', 'spec.template.metadata.labels', 'Invalid'],
    ],
  ],
  [
    'In without values',
    withTemplateLabels(
      '{app: pi}',
      '  manualSelector: true\n  selector:\n    matchLabels: {app: pi}\n    matchExpressions: [{key: tier, operator: In}]',
    ),
    [
      ['job/selector', 'spec.selector.matchExpressions[0].values', 'Required'],
      ['job/selector', 'spec.template.metadata.labels', 'Invalid'],
    ],
  ],
  [
    'Exists with values',
    withTemplateLabels(
      '{app: pi}',
      '  manualSelector: true\n  selector:\n    matchExpressions: [{key: app, operator: Exists, values: [x]}]',
    ),
    [['job/selector', 'spec.selector.matchExpressions[0].values', 'Forbidden']],
  ],
  ['CronJob jobTemplate without selector', cronJob(), []],
  [
    'CronJob jobTemplate with a selector',
    cronJob('', '      selector:\n        matchLabels: {app: hello}'),
    [['cronjob/job-template-selector', 'spec.jobTemplate.spec.selector', 'Invalid']],
  ],
  [
    'CronJob jobTemplate with manualSelector true',
    cronJob('', '      manualSelector: true'),
    [['cronjob/job-template-selector', 'spec.jobTemplate.spec.manualSelector', 'NotSupported']],
  ],
  ['DaemonSet with a matching selector', daemonSet(), []],
  [
    'DaemonSet without selector',
    daemonSet('', '', '{app: agent}', ''),
    [['daemonset/selector', 'spec.template.metadata.labels', 'Invalid']],
  ],
  [
    'DaemonSet with a selector that does not match',
    daemonSet('', '', '{app: other}'),
    [['daemonset/selector', 'spec.template.metadata.labels', 'Invalid']],
  ],
  [
    'DaemonSet with an empty selector',
    daemonSet('', '', '{app: agent}', '  selector: {}'),
    [['daemonset/selector', 'spec.selector', 'Invalid']],
  ],
  [
    // ValidateDaemonSetSpec matches the selector against the (empty) template's labels.
    'DaemonSet without a template',
    'apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: d}\nspec:\n  selector: {matchLabels: {app: d}}\n',
    [['daemonset/selector', 'spec.template.metadata.labels', 'Invalid']],
  ],
  [
    'DaemonSet selected by DoesNotExist with no template labels',
    daemonSet('', '', '{}', '  selector:\n    matchExpressions: [{key: legacy, operator: DoesNotExist}]'),
    [],
  ],
];

for (const [name, text, expected] of cases) {
  test(`selector: ${name}`, () => assert.deepEqual(ruleTriples(text, rules), expected));
}
