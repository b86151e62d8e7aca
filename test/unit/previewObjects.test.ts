/**
 * "Preview Created Objects" (kubernetes-behaviour §0.1 step 4: generated selector and labels; §2 defaults;
 * §3.1 "Pods the controller creates"; §3.2 step 8: the CronJob's Job; §3.3 "Pod creation" and the
 * automatic tolerations), and `podline preview`. The clock is fixed at 2026-05-01T10:00:30Z.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse, parseAllDocuments } from 'yaml';
import { runPreviewCommand } from '../../server/src/cli/previewCommand';
import { analyzeDocument } from '../../server/src/core/analysis/analyzeDocument';
import {
  documentIndexAt,
  previewCreatedObjects,
  previewDocument,
  previewFile,
} from '../../server/src/core/preview/previewObjects';
import { defaultSettings } from '../../server/src/core/settings';
import type { Locale } from '../../server/src/core/l10n';
import { NOW, jobYaml, seed } from './explainTestSupport';

type Json = Record<string, unknown>;

/** The preview of document `index` of `text`, parsed back into objects. */
function preview(text: string, index = 0, locale: Locale = 'en'): { objects: Json[]; text: string } {
  const output = previewCreatedObjects(analyzeDocument(text, defaultSettings), index, NOW, locale);
  const objects = parseAllDocuments(output).map((document) => document.toJS() as Json);
  return { objects, text: output };
}

/** Follows a path of keys and indexes through parsed YAML. */
function at(value: unknown, ...path: (string | number)[]): unknown {
  return path.reduce<unknown>(
    (current, key) => (current === null || typeof current !== 'object' ? undefined : (current as Json)[key]),
    value,
  );
}

test('a Job: its pod, with the generated labels, the finalizer, the owner and the pod defaults', () => {
  const { objects, text } = preview(seed('job-pi.yaml'));
  assert.equal(objects.length, 1);
  const [pod] = objects;
  assert.equal(at(pod, 'kind'), 'Pod');
  assert.equal(at(pod, 'metadata', 'name'), 'pi-xxxxx');
  assert.equal(at(pod, 'metadata', 'generateName'), 'pi-');
  assert.deepEqual(at(pod, 'metadata', 'labels'), {
    'batch.kubernetes.io/controller-uid': 'xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx',
    'batch.kubernetes.io/job-name': 'pi',
    'controller-uid': 'xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx',
    'job-name': 'pi',
  });
  assert.deepEqual(at(pod, 'metadata', 'finalizers'), ['batch.kubernetes.io/job-tracking']);
  assert.deepEqual(at(pod, 'metadata', 'ownerReferences'), [
    {
      apiVersion: 'batch/v1',
      kind: 'Job',
      name: 'pi',
      uid: 'xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx',
      controller: true,
      blockOwnerDeletion: true,
    },
  ]);
  // §2.4 pod defaults; `resouer/ubuntu-bc` has no tag, so its pull policy defaults to Always.
  assert.equal(at(pod, 'spec', 'restartPolicy'), 'Never');
  assert.equal(at(pod, 'spec', 'dnsPolicy'), 'ClusterFirst');
  assert.equal(at(pod, 'spec', 'schedulerName'), 'default-scheduler');
  assert.equal(at(pod, 'spec', 'terminationGracePeriodSeconds'), 30);
  assert.deepEqual(at(pod, 'spec', 'securityContext'), {});
  assert.equal(at(pod, 'spec', 'containers', 0, 'imagePullPolicy'), 'Always');
  assert.equal(at(pod, 'spec', 'containers', 0, 'terminationMessagePath'), '/dev/termination-log');
  assert.equal(at(pod, 'spec', 'containers', 0, 'terminationMessagePolicy'), 'File');
  assert.match(text, /^# The pod Job pi creates\./);
});

test('a parallel Job: one of the identical pods it starts at once', () => {
  const { objects, text } = preview(seed('job-calculate-pi-parallel.yaml'));
  assert.equal(objects.length, 1);
  assert.match(text, /One of the 3 identical pods Job calculate-pi starts at once \(8 completions in all\)/);
  // The duplicated `name` key: the last one wins, as a lax decoder would read it.
  assert.equal(at(objects[0], 'spec', 'containers', 0, 'name'), 'pi-image');
});

test('an Indexed Job behind a headless Service: index annotation and label, JOB_COMPLETION_INDEX, hostname and subdomain', () => {
  const { objects } = preview(seed('job-indexed-with-headless-service.yaml'), 1);
  // parallelism 3 of completions 3: indexes 0, 1 and 2 start at once.
  assert.equal(objects.length, 3);
  objects.forEach((pod, index) => {
    assert.equal(at(pod, 'metadata', 'name'), `example-job-${index}-xxxxx`);
    assert.equal(at(pod, 'metadata', 'generateName'), `example-job-${index}-`);
    assert.equal(
      at(pod, 'metadata', 'annotations', 'batch.kubernetes.io/job-completion-index'),
      String(index),
    );
    assert.equal(at(pod, 'metadata', 'labels', 'batch.kubernetes.io/job-completion-index'), String(index));
    assert.equal(at(pod, 'metadata', 'labels', 'job-name'), 'example-job');
    assert.equal(at(pod, 'spec', 'hostname'), `example-job-${index}`);
    assert.equal(at(pod, 'spec', 'subdomain'), 'headless-svc');
    assert.deepEqual(at(pod, 'spec', 'containers', 0, 'env'), [
      {
        name: 'JOB_COMPLETION_INDEX',
        valueFrom: {
          fieldRef: {
            apiVersion: 'v1',
            fieldPath: "metadata.labels['batch.kubernetes.io/job-completion-index']",
          },
        },
      },
    ]);
  });
});

test('an Indexed Job with an init container: the variable goes to every container', () => {
  const { objects, text } = preview(seed('job-indexed-init-container.yaml'));
  // completions 5, parallelism 3: indexes 0–2 shown, 3 and 4 follow.
  assert.equal(objects.length, 3);
  for (const list of ['initContainers', 'containers']) {
    const env = at(objects[2], 'spec', list, 0, 'env') as Json[];
    assert.equal(env.at(-1)?.['name'], 'JOB_COMPLETION_INDEX', list);
  }
  assert.match(text, /Indexes 3 to 4 follow as pods finish/);
});

test('the template’s own name is dropped: pods are named after the Job', () => {
  const { objects } = preview(seed('job-work-queue-fixed.yaml'));
  assert.equal(at(objects[0], 'metadata', 'name'), 'job-wq-1-xxxxx');
  assert.equal(at(objects[0], 'spec', 'containers', 0, 'imagePullPolicy'), 'Always');
});

test('cronjob-hello-batch-v1.yaml: the Job for the next scheduled time, and its first pod', () => {
  const { objects } = preview(seed('cronjob-hello-batch-v1.yaml'));
  assert.equal(objects.length, 2);
  const [job, pod] = objects;
  // Next run after 10:00:30Z is 10:01:00Z = 29,627,161 Unix minutes (see explainCronJob.test.ts).
  assert.equal(at(job, 'metadata', 'name'), 'hello-29627161');
  assert.equal(
    at(job, 'metadata', 'annotations', 'batch.kubernetes.io/cronjob-scheduled-timestamp'),
    '2026-05-01T10:01:00Z',
  );
  assert.deepEqual(at(job, 'metadata', 'ownerReferences', 0), {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    name: 'hello',
    uid: 'yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy',
    controller: true,
    blockOwnerDeletion: true,
  });
  // §2.1 Job defaults, applied when the controller creates the Job.
  assert.equal(at(job, 'spec', 'completions'), 1);
  assert.equal(at(job, 'spec', 'parallelism'), 1);
  assert.equal(at(job, 'spec', 'backoffLimit'), 6);
  assert.equal(at(job, 'spec', 'completionMode'), 'NonIndexed');
  assert.equal(at(job, 'spec', 'suspend'), false);
  assert.equal(at(job, 'spec', 'podReplacementPolicy'), 'TerminatingOrFailed');
  assert.equal(at(job, 'spec', 'manualSelector'), false);
  assert.deepEqual(at(job, 'spec', 'selector'), {
    matchLabels: { 'batch.kubernetes.io/controller-uid': 'xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx' },
  });
  assert.equal(at(job, 'spec', 'template', 'metadata', 'labels', 'job-name'), 'hello-29627161');
  assert.equal(at(job, 'metadata', 'labels', 'batch.kubernetes.io/job-name'), 'hello-29627161');
  assert.equal(at(pod, 'metadata', 'name'), 'hello-29627161-xxxxx');
  assert.equal(at(pod, 'metadata', 'ownerReferences', 0, 'name'), 'hello-29627161');
  assert.equal(at(pod, 'spec', 'restartPolicy'), 'OnFailure');
});

test('a CronJob in a time zone: the annotation is written in that zone', () => {
  const text = seed('cronjob-hello-batch-v1.yaml').replace(
    'schedule: "* * * * *"',
    'schedule: "0 9 * * *"\n  timeZone: Europe/Berlin',
  );
  const { objects } = preview(text);
  // 09:00 Berlin on 2 May 2026 = 07:00Z = 29,628,420 Unix minutes.
  assert.equal(at(objects[0], 'metadata', 'name'), 'hello-29628420');
  assert.equal(
    at(objects[0], 'metadata', 'annotations', 'batch.kubernetes.io/cronjob-scheduled-timestamp'),
    '2026-05-02T09:00:00+02:00',
  );
});

test('a CronJob’s Job with a podFailurePolicy gets podReplacementPolicy Failed and the condition status default', () => {
  const text = `apiVersion: batch/v1
kind: CronJob
metadata:
  name: guarded
spec:
  schedule: "@hourly"
  jobTemplate:
    spec:
      backoffLimitPerIndex: 1
      completions: 2
      completionMode: Indexed
      podFailurePolicy:
        rules:
        - action: Ignore
          onPodConditions:
          - type: DisruptionTarget
      template:
        spec:
          restartPolicy: Never
          containers:
          - name: main
            image: busybox:1.36
`;
  const { objects } = preview(text);
  assert.equal(at(objects[0], 'spec', 'podReplacementPolicy'), 'Failed');
  assert.equal(at(objects[0], 'spec', 'backoffLimit'), 2147483647);
  assert.equal(
    at(objects[0], 'spec', 'podFailurePolicy', 'rules', 0, 'onPodConditions', 0, 'status'),
    'True',
  );
  assert.equal(at(objects[1], 'metadata', 'annotations', 'batch.kubernetes.io/job-completion-index'), '0');
});

test('daemonset-fluentd-elasticsearch.yaml: the pod for a sample node, pinned by matchFields, with the automatic tolerations', () => {
  const { objects } = preview(seed('daemonset-fluentd-elasticsearch.yaml'));
  assert.equal(objects.length, 1);
  const [pod] = objects;
  assert.equal(at(pod, 'metadata', 'name'), 'fluentd-elasticsearch-xxxxx');
  assert.equal(at(pod, 'metadata', 'namespace'), 'kube-system');
  assert.equal(at(pod, 'metadata', 'labels', 'pod-template-generation'), '1');
  assert.equal(at(pod, 'metadata', 'labels', 'name'), 'fluentd-elasticsearch');
  assert.equal(at(pod, 'metadata', 'ownerReferences', 0, 'kind'), 'DaemonSet');
  // The same additions the notes show on bare pods (pod-node-affinity.yaml, pod-toleration.yaml),
  // but as the controller writes them: matchFields, not matchExpressions.
  assert.deepEqual(at(pod, 'spec', 'affinity'), {
    nodeAffinity: {
      requiredDuringSchedulingIgnoredDuringExecution: {
        nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node-1'] }] }],
      },
    },
  });
  const notesPod = parse(seed('pod-toleration.yaml')) as Json;
  const tolerations = at(pod, 'spec', 'tolerations') as Json[];
  assert.deepEqual(tolerations, [
    { key: 'node-role.kubernetes.io/master', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
    { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
    { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
  ]);
  assert.ok(
    tolerations.some(
      (toleration) => JSON.stringify(toleration) === JSON.stringify(at(notesPod, 'spec', 'tolerations', 0)),
    ),
  );
  assert.equal(at(pod, 'spec', 'restartPolicy'), 'Always');
});

test('a DaemonSet: required affinity replaced, preferred kept, hostNetwork toleration and host ports', () => {
  const text = `apiVersion: apps/v1
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
      hostNetwork: true
      affinity:
        nodeAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            nodeSelectorTerms:
            - matchExpressions:
              - {key: kubernetes.io/os, operator: In, values: [linux]}
          preferredDuringSchedulingIgnoredDuringExecution:
          - weight: 1
            preference:
              matchExpressions:
              - {key: zone, operator: In, values: [a]}
      containers:
      - name: agent
        image: agent:latest
        ports:
        - containerPort: 9100
`;
  const { objects } = preview(text);
  const [pod] = objects;
  assert.deepEqual(
    at(
      pod,
      'spec',
      'affinity',
      'nodeAffinity',
      'requiredDuringSchedulingIgnoredDuringExecution',
      'nodeSelectorTerms',
    ),
    [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node-1'] }] }],
  );
  assert.equal(
    at(
      pod,
      'spec',
      'affinity',
      'nodeAffinity',
      'preferredDuringSchedulingIgnoredDuringExecution',
      0,
      'weight',
    ),
    1,
  );
  assert.deepEqual((at(pod, 'spec', 'tolerations') as Json[]).at(-1), {
    key: 'node.kubernetes.io/network-unavailable',
    operator: 'Exists',
    effect: 'NoSchedule',
  });
  assert.deepEqual(at(pod, 'spec', 'containers', 0, 'ports', 0), {
    containerPort: 9100,
    protocol: 'TCP',
    hostPort: 9100,
  });
  assert.equal(at(pod, 'spec', 'containers', 0, 'imagePullPolicy'), 'Always');
});

test('Pod-only defaults reach the pods, not the template of the Job a CronJob creates', () => {
  // SetDefaults_Pod runs for Pods only: requests copied from limits, enableServiceLinks, and the
  // host-network hostPort (defaultHostNetworkPorts). A pod template gets none of them.
  const text = `apiVersion: batch/v1
kind: CronJob
metadata: {name: probe}
spec:
  schedule: "*/5 * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: Never
          hostNetwork: true
          containers:
          - name: probe
            image: probe:1.0
            ports: [{containerPort: 8080}]
            resources: {limits: {cpu: 500m, memory: 64Mi}, requests: {cpu: 100m}}
`;
  const [job, pod] = preview(text).objects;
  const template = at(job, 'spec', 'template', 'spec');
  assert.equal(at(template, 'enableServiceLinks'), undefined);
  assert.deepEqual(at(template, 'containers', 0, 'ports', 0), { containerPort: 8080, protocol: 'TCP' });
  assert.deepEqual(at(template, 'containers', 0, 'resources', 'requests'), { cpu: '100m' });
  assert.equal(at(pod, 'kind'), 'Pod');
  assert.equal(at(pod, 'spec', 'enableServiceLinks'), true);
  assert.deepEqual(at(pod, 'spec', 'containers', 0, 'ports', 0), {
    containerPort: 8080,
    protocol: 'TCP',
    hostPort: 8080,
  });
  assert.deepEqual(at(pod, 'spec', 'containers', 0, 'resources', 'requests'), {
    cpu: '100m',
    memory: '64Mi',
  });
});

test('a podFailurePolicy rule without an action gets none in the preview: the action has no default', () => {
  // PodFailurePolicyRule.action is required (validatePodFailurePolicyRule) and never defaulted;
  // the API server rejects this manifest, and the preview must not hide that by writing one in.
  const text = `apiVersion: batch/v1
kind: CronJob
metadata: {name: nightly}
spec:
  schedule: "0 1 * * *"
  jobTemplate:
    spec:
      podFailurePolicy:
        rules:
        - onExitCodes: {operator: In, values: [42]}
      template:
        spec:
          restartPolicy: Never
          containers: [{name: c, image: busybox:1.36}]
`;
  const [job] = preview(text).objects;
  assert.deepEqual(at(job, 'spec', 'podFailurePolicy', 'rules', 0), {
    onExitCodes: { operator: 'In', values: [42] },
  });
  assert.equal(at(job, 'spec', 'podReplacementPolicy'), 'Failed');
});

test('nothing to preview: other kinds, missing documents, suspended and paused Jobs', () => {
  const service = seed('job-indexed-with-headless-service.yaml');
  const analysis = analyzeDocument(service, defaultSettings);
  assert.deepEqual(previewDocument(analysis, 0, NOW, 'en'), {
    ok: false,
    text: '# Document 0 is not a Job, CronJob or DaemonSet: there is nothing to preview.\n',
  });
  assert.equal(previewDocument(analysis, 7, NOW, 'en').ok, false);
  assert.match(preview(jobYaml('suspend: true')).text, /^# Job work creates no pods: it is suspended\.\n$/);
  assert.match(preview(jobYaml('parallelism: 0')).text, /creates no pods: parallelism is 0/);
  assert.equal(
    previewDocument(analyzeDocument(seed('job-jinja-template.yaml'), defaultSettings), 0, NOW, 'en').ok,
    false,
  );
});

test('odd manifests never throw', () => {
  for (const text of [
    'apiVersion: batch/v1\nkind: Job\nspec: []\n',
    'apiVersion: batch/v1\nkind: Job\nmetadata: {name: x}\nspec:\n  template: text\n',
    'apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: x}\nspec:\n  schedule: nonsense\n',
    'apiVersion: apps/v1\nkind: DaemonSet\nspec:\n  template:\n    spec:\n      tolerations: 3\n',
    'apiVersion: batch/v1\nkind: Job\nmetadata: {name: x}\nspec:\n  template:\n    metadata:\n      labels: {__proto__: polluted}\n',
  ]) {
    const result = previewDocument(analyzeDocument(text, defaultSettings), 0, NOW, 'en');
    assert.equal(typeof result.text, 'string');
    parseAllDocuments(result.text);
  }
  assert.equal(({} as Json)['polluted'], undefined);
});

test('values that YAML 1.1 would read as something else stay strings', () => {
  const text = jobYaml('').replace(
    '  template:\n',
    '  template:\n    metadata:\n      labels:\n        enabled: "yes"\n',
  );
  assert.match(preview(text).text, /enabled: "yes"/);
});

test('Chinese comments', () => {
  assert.match(preview(seed('job-pi.yaml'), 0, 'zh-CN').text, /^# Job pi 创建的 Pod。/);
  assert.match(
    preview(seed('cronjob-hello-batch-v1.yaml'), 0, 'zh-CN').text,
    /CronJob hello 在下一个调度时间 2026-05-01T10:01:00Z/,
  );
});

test('the whole file, and the document at the cursor', () => {
  const text = seed('job-indexed-with-headless-service.yaml');
  const analysis = analyzeDocument(text, defaultSettings);
  assert.equal(documentIndexAt(analysis, text.indexOf('clusterIP')), 0);
  assert.equal(documentIndexAt(analysis, text.indexOf('completionMode')), 1);
  const whole = previewFile(analysis, NOW, 'en');
  assert.equal(whole.ok, true);
  assert.match(whole.text, /^# Document 1: Job example-job\n/);
  assert.deepEqual(previewFile(analyzeDocument(seed('pod-toleration.yaml'), defaultSettings), NOW, 'en'), {
    ok: false,
    text: '# This file has no Job, CronJob or DaemonSet: there is nothing to preview.\n',
  });
});

const environment = { env: {}, now: NOW, cwd: join(__dirname, '..', '..', '..') };
const fixture = (name: string): string => join('test', 'fixtures', 'seed-manifests', name);

test('podline preview: every workload of a file, or one document', () => {
  const all = runPreviewCommand([fixture('job-indexed-with-headless-service.yaml')], environment, 'en');
  assert.equal(all.exitCode, 0);
  assert.match(all.stdout, /^# Document 1: Job example-job\n# Pod for index 0 of Job example-job/);
  assert.equal(parseAllDocuments(all.stdout).length, 3);
  const one = runPreviewCommand(
    [fixture('cronjob-hello-batch-v1.yaml'), '--document', '0'],
    environment,
    'en',
  );
  assert.equal(one.exitCode, 0);
  assert.match(one.stdout, /name: hello-29627161/);
  const chinese = runPreviewCommand([fixture('job-pi.yaml'), '--locale', 'zh-CN'], environment, 'en');
  assert.match(chinese.stdout, /^# 第 0 个文档：Job pi\n# Job pi 创建的 Pod。/);
});

test('podline preview: exit codes', () => {
  const run = (...argv: string[]): { exitCode: number; stderr: string } =>
    runPreviewCommand(argv, environment, 'en');
  assert.equal(run().exitCode, 2);
  assert.equal(run('a.yaml', 'b.yaml').exitCode, 2);
  assert.equal(run(fixture('job-pi.yaml'), '--document', 'first').exitCode, 2);
  assert.equal(run(fixture('job-pi.yaml'), '--document', '3').exitCode, 2);
  assert.match(
    run(fixture('job-pi.yaml'), '--document', '3').stderr,
    /has 1 document\(s\); --document 3 does not exist/,
  );
  const missing = run(fixture('no-such-file.yaml'));
  assert.equal(missing.exitCode, 2);
  assert.match(missing.stderr, /cannot read/);
  // Nothing to preview: exit code 2, as `podline simulate` says of a document with no workload.
  assert.equal(run(fixture('job-indexed-with-headless-service.yaml'), '--document', '0').exitCode, 2);
  assert.equal(run(fixture('pod-toleration.yaml')).exitCode, 2);
  assert.equal(run(fixture('job-pi.yaml'), '--bogus').exitCode, 2);
});
