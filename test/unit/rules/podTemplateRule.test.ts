import assert from 'node:assert/strict';
import { test } from 'node:test';
import { podTemplateRule } from '../../../server/src/core/rules/podTemplateRule';
import { job, ruleTriples } from './ruleTestSupport';

const rules = [podTemplateRule];
const c = 'spec.template.spec.containers';

const noContainers = `apiVersion: batch/v1
kind: Job
metadata: {name: pi}
spec:
  template:
    spec:
      containers: []
      restartPolicy: Never
`;
// kubernetes-behaviour §1.2, and core validation's ValidateTolerations for the toleration rows.
const cases: [string, string, [string, string | null, unknown][]][] = [
  ['a valid template', job(), []],
  ['no containers', noContainers, [['pod/containers', c, 'Required']]],
  // The template is a struct in the API types: without it, ValidatePodSpec runs on an empty spec
  // and validateContainers reports the containers Required (the API server rejects all three).
  [
    'a Job without a template',
    'apiVersion: batch/v1\nkind: Job\nmetadata: {name: pi}\nspec:\n  backoffLimit: 2\n',
    [['pod/containers', c, 'Required']],
  ],
  [
    'a CronJob without a jobTemplate',
    'apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: c}\nspec:\n  schedule: "* * * * *"\n',
    [['pod/containers', 'spec.jobTemplate.spec.template.spec.containers', 'Required']],
  ],
  [
    'a DaemonSet without a template',
    'apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: d}\nspec:\n  selector: {matchLabels: {app: d}}\n',
    [['pod/containers', c, 'Required']],
  ],
  [
    'container without name',
    job('', '  restartPolicy: Never').replace('- name: main\n        image', '- image'),
    [['pod/container-name', `${c}[0].name`, 'Required']],
  ],
  [
    'container name with uppercase',
    job().replace('name: main', 'name: Main'),
    [['pod/container-name', `${c}[0].name`, 'Invalid']],
  ],
  [
    'container without image',
    job().replace('        image: busybox:1.36\n', ''),
    [['pod/image-required', `${c}[0].image`, 'Required']],
  ],
  [
    'duplicate container names across init containers and containers',
    job('', '  initContainers:\n  - name: main\n    image: busybox\n  restartPolicy: Never'),
    [['pod/container-name', `${c}[0].name`, 'Duplicate']],
  ],
  [
    'volume mount of an undefined volume',
    job().replace(
      'image: busybox:1.36',
      'image: busybox:1.36\n        volumeMounts: [{name: data, mountPath: /data}]',
    ),
    [['pod/volume-mount', `${c}[0].volumeMounts[0].name`, 'NotFound']],
  ],
  [
    'volume mount of a defined volume',
    job('', '  volumes: [{name: data, emptyDir: {}}]\n  restartPolicy: Never').replace(
      'image: busybox:1.36',
      'image: busybox:1.36\n        volumeMounts: [{name: data, mountPath: /data}]',
    ),
    [],
  ],
  [
    'activeDeadlineSeconds 0',
    job('', '  activeDeadlineSeconds: 0\n  restartPolicy: Never'),
    [['pod/active-deadline-seconds', 'spec.template.spec.activeDeadlineSeconds', 'Invalid']],
  ],
  ['activeDeadlineSeconds 1', job('', '  activeDeadlineSeconds: 1\n  restartPolicy: Never'), []],
  [
    'ephemeral containers',
    job('', '  ephemeralContainers: [{name: debug, image: busybox}]\n  restartPolicy: Never'),
    [['pod/ephemeral-containers', 'spec.template.spec.ephemeralContainers', 'Forbidden']],
  ],
  [
    'restartPolicy on a regular container',
    job().replace('image: busybox:1.36', 'image: busybox:1.36\n        restartPolicy: Always'),
    [['pod/container-restart-policy', `${c}[0].restartPolicy`, 'Forbidden']],
  ],
  [
    'sidecar init container',
    job('', '  initContainers: [{name: proxy, image: envoy, restartPolicy: Always}]\n  restartPolicy: Never'),
    [],
  ],
  [
    'init container restartPolicy Never',
    job('', '  initContainers: [{name: init, image: busybox, restartPolicy: Never}]\n  restartPolicy: Never'),
    [['pod/container-restart-policy', 'spec.template.spec.initContainers[0].restartPolicy', 'NotSupported']],
  ],
  [
    'invalid nodeSelector value',
    job('', '  nodeSelector: {disk: "s s d"}\n  restartPolicy: Never'),
    [['pod/node-selector', 'spec.template.spec.nodeSelector', 'Invalid']],
  ],
  [
    'toleration Exists with a value',
    job('', '  tolerations: [{key: k, operator: Exists, value: v}]\n  restartPolicy: Never'),
    [['pod/toleration', 'spec.template.spec.tolerations[0].operator', 'Invalid']],
  ],
  [
    'toleration with an unknown operator',
    job('', '  tolerations: [{key: k, operator: Lt, value: "1"}]\n  restartPolicy: Never'),
    [['pod/toleration', 'spec.template.spec.tolerations[0].operator', 'NotSupported']],
  ],
  [
    'tolerationSeconds without NoExecute',
    job(
      '',
      '  tolerations: [{key: k, operator: Exists, effect: NoSchedule, tolerationSeconds: 5}]\n  restartPolicy: Never',
    ),
    [['pod/toleration', 'spec.template.spec.tolerations[0].effect', 'Invalid']],
  ],
  [
    'empty key with Equal',
    job('', '  tolerations: [{operator: Equal}]\n  restartPolicy: Never'),
    [['pod/toleration', 'spec.template.spec.tolerations[0].operator', 'Invalid']],
  ],
  [
    'empty key with Exists tolerates everything',
    job('', '  tolerations: [{operator: Exists}]\n  restartPolicy: Never'),
    [],
  ],
  [
    'unknown effect',
    job('', '  tolerations: [{key: k, operator: Exists, effect: NoRun}]\n  restartPolicy: Never'),
    [['pod/toleration', 'spec.template.spec.tolerations[0].effect', 'NotSupported']],
  ],
];

for (const [name, text, expected] of cases) {
  test(`pod template: ${name}`, () => assert.deepEqual(ruleTriples(text, rules), expected));
}
