/**
 * The field hover in general: documentation for the target version, defaults and whether they
 * apply (kubernetes-behaviour §2), keys and values, restartPolicy per kind, and the workload code lens.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultImagePullPolicy } from '../../server/src/core/explain/fieldDefaults';
import { simulateDocument } from '../../server/src/core/simulator';
import { computeHover } from '../../server/src/core/editor/editorFeatures';
import { fieldHover, locateField } from '../../server/src/core/editor/fieldHover';
import { workloadCodeLens } from '../../server/src/core/editor/workloadCodeLens';
import {
  assertIncludes,
  editorContext,
  hoverAt,
  jobYaml,
  lensTitles,
  offsetOf,
  seed,
} from './explainTestSupport';

test('job-calculate-pi.yaml: restartPolicy accepts only OnFailure or Never in a Job', () => {
  const text = seed('job-calculate-pi.yaml');
  for (const needle of ['restartPolicy', 'OnFailure']) {
    assertIncludes(
      hoverAt(text, needle),
      'A Job accepts only `OnFailure` or `Never`.',
      '`Always`, which is also the default when restartPolicy is omitted, is rejected',
      '`OnFailure` (this manifest): the kubelet restarts a failed container inside the same pod',
    );
  }
});

test('the API documentation and type of a field', () => {
  const markdown = hoverAt(seed('job-pi.yaml'), 'backoffLimit');
  assertIncludes(markdown, '**`spec.backoffLimit`** · `integer (int32)`', 'Specifies the number of retries');
});

test('documentation for the target version: a newer field says so', () => {
  const text = `# podline: kubernetes=1.29\n${jobYaml('completions: 3\ncompletionMode: Indexed\nmanagedBy: example.com/batch')}`;
  assertIncludes(hoverAt(text, 'managedBy'), 'Kubernetes 1.29 has no such field in Job batch/v1.');
  const current = jobYaml('completions: 3\ncompletionMode: Indexed\nmanagedBy: example.com/batch');
  assertIncludes(
    hoverAt(current, 'managedBy'),
    'Since Kubernetes 1.30.',
    'the built-in Job controller skips this Job entirely',
  );
});

test('hover on keys and on values, with the range of what is under the cursor', () => {
  const text = seed('job-pi.yaml');
  const context = editorContext(text);
  const keyOffset = offsetOf(text, 'backoffLimit');
  const onKey = computeHover(context, keyOffset + 2, [fieldHover]);
  assert.deepEqual(onKey?.range, { start: keyOffset, end: keyOffset + 'backoffLimit'.length });
  const valueOffset = offsetOf(text, '4', 0);
  const onValue = computeHover(context, text.indexOf('backoffLimit: 4') + 'backoffLimit: '.length, [
    fieldHover,
  ]);
  assert.ok(valueOffset > 0);
  assert.equal(onValue?.markdown, onKey?.markdown);
  assert.equal(text.slice(onValue?.range.start, onValue?.range.end), '4');
});

test('no hover between entries, on other kinds, or outside documents', () => {
  const service = seed('job-indexed-with-headless-service.yaml');
  const context = editorContext(service);
  assert.equal(computeHover(context, offsetOf(service, 'clusterIP'), [fieldHover]), undefined);
  const text = seed('job-pi.yaml');
  assert.equal(computeHover(editorContext(text), text.indexOf('\n    spec:') + 1, [fieldHover]), undefined);
});

test('list items and map entries are described by their field', () => {
  const text = seed('job-calculate-pi-parallel.yaml');
  assertIncludes(hoverAt(text, 'pi-container'), '**`spec.template.spec.containers[0].name`**');
  const labels = seed('daemonset-fluentd-elasticsearch.yaml');
  assertIncludes(
    hoverAt(labels, 'fluentd-elasticsearch', { occurrence: 2 }),
    '**`spec.template.metadata.labels.name`**',
    'Map of string keys and values',
  );
});

test('defaults: Job defaults, pod defaults and the image pull policy', () => {
  const text = jobYaml('suspend: false', 'restartPolicy: Never\ndnsPolicy: ClusterFirst');
  assertIncludes(hoverAt(text, 'suspend'), 'Default when unset: `false`.');
  assertIncludes(hoverAt(text, 'dnsPolicy'), 'Default when unset: `ClusterFirst`.');
  assertIncludes(hoverAt(text, 'busybox'), '**`spec.template.spec.containers[0].image`**');
  const pull = jobYaml('', 'restartPolicy: Never').replace(
    'image: busybox:1.36',
    'image: busybox\n        imagePullPolicy: Always',
  );
  assertIncludes(
    hoverAt(pull, 'imagePullPolicy'),
    '`Always` for a `:latest` or untagged image, `IfNotPresent` otherwise',
  );
  const unset = jobYaml('ttlSecondsAfterFinished:');
  assertIncludes(
    hoverAt(unset, 'ttlSecondsAfterFinished'),
    'No default: when unset, finished Jobs stay until deleted.',
  );
  const nullBackoff = jobYaml('backoffLimit:');
  assertIncludes(hoverAt(nullBackoff, 'backoffLimit'), 'Not set here, so the default applies: `6`.');
});

test('podReplacementPolicy, suspend, ttlSecondsAfterFinished and successPolicy', () => {
  assertIncludes(
    hoverAt(jobYaml('podReplacementPolicy: Failed'), 'podReplacementPolicy'),
    '`Failed`: a replacement pod is created only when the old pod has fully terminated',
  );
  assertIncludes(hoverAt(jobYaml('suspend: true'), 'suspend'), 'The Job is created suspended');
  assertIncludes(
    hoverAt(jobYaml('ttlSecondsAfterFinished: 0'), 'ttlSecondsAfterFinished'),
    'deleted as soon as it finishes',
  );
  const success = jobYaml(`completions: 10
completionMode: Indexed
successPolicy:
  rules:
  - succeededIndexes: "0-2"
  - succeededCount: 5`);
  assertIncludes(
    hoverAt(success, 'successPolicy'),
    'Rule 1: the Job succeeds once indexes `0-2` have all succeeded.',
    'Rule 2: the Job succeeds once any 5 indexes have succeeded.',
    '`SuccessCriteriaMet` (reason `SuccessPolicy`)',
  );
});

test('successPolicy: a succeededCount of 0 is met by the first succeeded index; an empty succeededIndexes is skipped', () => {
  // matchSuccessPolicy: `contains >= *SucceededCount` holds for 0 as soon as any index has
  // succeeded; a succeededIndexes that parses to no interval makes the controller skip the rule.
  const success = jobYaml(`completions: 4
parallelism: 1
completionMode: Indexed
successPolicy:
  rules:
  - succeededIndexes: ""
    succeededCount: 0
  - succeededCount: 0`);
  assertIncludes(
    hoverAt(success, 'successPolicy'),
    'Rule 1: its succeededIndexes names no index the controller can read, so the controller skips the rule.',
    'Rule 2: succeededCount 0 is met at once: the Job succeeds as soon as any index has succeeded.',
  );
  // The simulator agrees: one pod at a time, and the Job meets its success policy after index 0.
  const result = simulateDocument(success, { scenarioText: 'pods: {startLatency: 0, runTime: 10s}' });
  assert.ok(result.ok);
  const job = result.timeline.jobs[0];
  assert.equal(job?.outcome, 'Complete');
  assert.equal(result.timeline.summary.podsSucceeded, 1);
  assert.ok(
    job.conditions.some(
      (condition) => condition.type === 'SuccessCriteriaMet' && condition.reason === 'SuccessPolicy',
    ),
  );
});

test('the imagePullPolicy default, as SetDefaults_Container reads ParseImageName', () => {
  // Tag latest, or neither tag nor digest (ParseImageName then gives latest): Always. A digest
  // without a tag, any other tag, or an image that does not parse (the error is ignored): IfNotPresent.
  const cases: [string, 'Always' | 'IfNotPresent'][] = [
    ['busybox', 'Always'],
    ['busybox:latest', 'Always'],
    ['registry.example.com:5000/team/app', 'Always'],
    ['busybox:1.36', 'IfNotPresent'],
    ['registry.example.com:5000/team/app:v2', 'IfNotPresent'],
    [`busybox@sha256:${'a'.repeat(64)}`, 'IfNotPresent'],
    [`busybox:latest@sha256:${'a'.repeat(64)}`, 'Always'],
    [`busybox:1.36@sha256:${'a'.repeat(64)}`, 'IfNotPresent'],
    ['Busybox', 'IfNotPresent'],
  ];
  for (const [image, expected] of cases) assert.equal(defaultImagePullPolicy(image), expected, image);
});

test('field locations', () => {
  assert.equal(locateField('CronJob', 'spec.jobTemplate.spec.backoffLimit').scope, 'jobSpec');
  assert.equal(locateField('CronJob', 'spec.concurrencyPolicy').scope, 'cronJobSpec');
  assert.equal(locateField('Job', 'spec.template.spec.containers[0].image').scope, 'container');
  assert.equal(
    locateField('Job', 'spec.podFailurePolicy.rules[0].onPodConditions[1].status').relative,
    'podFailurePolicy.rules[].onPodConditions[].status',
  );
  assert.equal(
    locateField('DaemonSet', 'spec.template.metadata.labels[app.kubernetes.io/name]').scope,
    'podTemplate',
  );
});

test('the code lens: a summary and ▶ Simulate above each workload', () => {
  assert.deepEqual(lensTitles(seed('job-calculate-pi-parallel.yaml')), [
    'Job · 8 completions, 3 at a time · fails at 4 restarts',
    '▶ Simulate',
  ]);
  assert.deepEqual(
    lensTitles(jobYaml('completions: 8\nparallelism: 3\nbackoffLimit: 4\nactiveDeadlineSeconds: 600')),
    ['Job · 8 completions, 3 at a time · up to 4 retries · gives up within 10 min', '▶ Simulate'],
  );
  assert.deepEqual(lensTitles(seed('job-pi.yaml')), ['Job · 1 pod · up to 4 retries', '▶ Simulate']);
  assert.deepEqual(
    lensTitles(seed('job-work-queue-open.yaml'))[0],
    'Job · work queue, 2 at a time · fails at 6 restarts',
  );
  assert.deepEqual(
    lensTitles(seed('job-indexed-downward-api.yaml'))[0],
    'Job · Indexed 0–4, 3 at a time · up to 6 retries',
  );
  assert.deepEqual(
    lensTitles(seed('cronjob-hello-v1beta1.yaml'))[0],
    'CronJob · runs may overlap · skips runs late by over 10 s · keeps 3 succeeded, 1 failed · each Job: 1 pod · fails at 6 restarts',
  );
  assert.deepEqual(
    lensTitles(seed('daemonset-fluentd-elasticsearch.yaml'))[0],
    'DaemonSet · one pod per matching node · updates 1 node at a time',
  );
  // Two documents, one workload: lenses only above the Job.
  const text = seed('job-indexed-with-headless-service.yaml');
  const lenses = workloadCodeLens(editorContext(text));
  assert.equal(lenses.length, 2);
  assert.equal(lenses[0]?.range.start, text.indexOf('apiVersion: batch/v1'));
  assert.deepEqual(lenses[1]?.command, { name: 'simulate', arguments: [{ document: 1 }] });
});

test('Chinese: the lens and the restartPolicy hover', () => {
  assert.deepEqual(lensTitles(seed('job-calculate-pi-parallel.yaml'), 'zh-CN'), [
    'Job · 8 个完成数，每次 3 个 · 重启 4 次即失败',
    '▶ 模拟',
  ]);
  assertIncludes(
    hoverAt(seed('job-calculate-pi.yaml'), 'restartPolicy', { locale: 'zh-CN' }),
    'Job 只接受 `OnFailure` 或 `Never`',
    'API 文档：',
  );
});

test('hover on kind shows the summary', () => {
  assertIncludes(hoverAt(seed('job-pi.yaml'), 'Job'), '**Job · 1 pod · up to 4 retries**');
});
