import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { analyzeDocument } from '../../../server/src/core/analysis/analyzeDocument';
import { parseImageReference } from '../../../server/src/core/k8s/imageReference';
import { controlPlaneTolerationLint } from '../../../server/src/core/rules/lints/controlPlaneTolerationLint';
import { imageLint } from '../../../server/src/core/rules/lints/imageLint';
import { workloadHygieneLint } from '../../../server/src/core/rules/lints/workloadHygieneLint';
import { defaultSettings } from '../../../server/src/core/settings';
import { cronJob, daemonSet, job } from './ruleTestSupport';

const seeds = join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'seed-manifests');
const lints = [imageLint, controlPlaneTolerationLint, workloadHygieneLint];

function codes(text: string, settings = defaultSettings): [string, string][] {
  return analyzeDocument(text, settings, lints).findings.map((finding) => [finding.code, finding.severity]);
}

test('image references: valid ones parse, placeholders and bad syntax do not', () => {
  for (const image of [
    'busybox',
    'busybox:1.36',
    'registry.k8s.io/pause:3.9',
    'localhost:5000/a/b:c',
    'quay.io/x/y@sha256:' + 'a'.repeat(64),
  ]) {
    assert.ok(parseImageReference(image), image);
  }
  for (const image of ['gcr.io/<project>/job-wq-1', 'Busybox', 'a b', 'x:', ':tag'])
    assert.equal(parseImageReference(image), undefined, image);
  assert.deepEqual(parseImageReference('k8s.gcr.io/pause:3.1'), {
    registry: 'k8s.gcr.io',
    path: 'pause',
    tag: '3.1',
    digest: null,
  });
  assert.deepEqual(parseImageReference('library/busybox'), {
    registry: null,
    path: 'library/busybox',
    tag: null,
    digest: null,
  });
});

test('EXPECTATIONS: daemonset-fluentd-elasticsearch.yaml warns about the master toleration and k8s.gcr.io', () => {
  const text = readFileSync(join(seeds, 'daemonset-fluentd-elasticsearch.yaml'), 'utf8');
  const findings = analyzeDocument(text, defaultSettings, lints).findings.filter(
    (finding) => finding.severity === 'warning',
  );
  assert.deepEqual(
    findings.map((finding) => [finding.code, text.slice(finding.range.start, finding.range.end)]),
    [
      ['lint/control-plane-toleration', 'node-role.kubernetes.io/master'],
      ['lint/frozen-registry', 'k8s.gcr.io/fluentd-elasticsearch:1.20'],
    ],
  );
});

test('EXPECTATIONS: the placeholder image of job-work-queue-placeholder-image.yaml is a warning naming the placeholder', () => {
  const text = readFileSync(join(seeds, 'job-work-queue-placeholder-image.yaml'), 'utf8');
  const finding = analyzeDocument(text, defaultSettings, lints).findings.find(
    (candidate) => candidate.code === 'lint/image-reference',
  );
  assert.equal(finding?.severity, 'warning');
  assert.match(finding?.message ?? '', /"<project>"/);
});

test('EXPECTATIONS: a pod template metadata.name is a hint (job-template-item.yaml)', () => {
  const text = readFileSync(join(seeds, 'job-template-item.yaml'), 'utf8');
  assert.ok(codes(text).some(([code, severity]) => code === 'lint/template-name' && severity === 'hint'));
});

test('tolerating both the old and the new control-plane taint is fine', () => {
  const text = daemonSet(
    '',
    '      tolerations:\n      - {key: node-role.kubernetes.io/master, operator: Exists}\n      - {key: node-role.kubernetes.io/control-plane, operator: Exists}',
  );
  assert.ok(!codes(text).some(([code]) => code === 'lint/control-plane-toleration'));
});

test('hygiene lints: ttl for Jobs only, startingDeadlineSeconds, requests, probes', () => {
  assert.ok(codes(job()).some(([code, severity]) => code === 'lint/job-ttl' && severity === 'info'));
  assert.ok(!codes(job('  ttlSecondsAfterFinished: 100')).some(([code]) => code === 'lint/job-ttl'));
  // A CronJob's Jobs are cleaned up by the history limits; no ttl lint there.
  assert.ok(!codes(cronJob()).some(([code]) => code === 'lint/job-ttl'));
  assert.ok(codes(cronJob()).some(([code]) => code === 'lint/cronjob-starting-deadline'));
  assert.deepEqual(
    codes(cronJob('  startingDeadlineSeconds: 5')).filter(
      ([code]) => code === 'cronjob/short-starting-deadline',
    ),
    [['cronjob/short-starting-deadline', 'warning']],
  );
  assert.deepEqual(
    codes(cronJob('  startingDeadlineSeconds: 10')).filter(
      ([code]) => code === 'cronjob/short-starting-deadline',
    ),
    [['cronjob/short-starting-deadline', 'hint']],
  );
  assert.ok(
    codes(job()).some(([code, severity]) => code === 'lint/resource-requests' && severity === 'hint'),
  );
  const probed = job().replace(
    'image: busybox:1.36',
    'image: busybox:1.36\n        readinessProbe: {exec: {command: [true]}}\n        livenessProbe: {exec: {command: [true]}}',
  );
  assert.deepEqual(
    codes(probed).filter(([code]) => code === 'lint/job-probe'),
    [['lint/job-probe', 'info']],
  );
});

test('podline.rules changes or silences a lint; API errors cannot be silenced', () => {
  const text = job('', '  restartPolicy: Always');
  const settings = {
    ...defaultSettings,
    rules: { 'lint/job-ttl': 'off', 'lint/resource-requests': 'warning', 'job/restart-policy': 'off' },
  } as const;
  const all = analyzeDocument(text, settings).findings.map((finding) => [finding.code, finding.severity]);
  assert.ok(!all.some(([code]) => code === 'lint/job-ttl'));
  assert.ok(all.some(([code, severity]) => code === 'lint/resource-requests' && severity === 'warning'));
  assert.ok(all.some(([code, severity]) => code === 'job/restart-policy' && severity === 'error'));
});

test('the podline.dev/ignore annotation silences listed lints for that object only', () => {
  const ignored = job(
    '',
    '  restartPolicy: Never',
    '  name: pi\n  annotations:\n    podline.dev/ignore: "lint/job-ttl, lint/resource-requests"',
  );
  const text = `${ignored}---\n${job()}`;
  const findings = analyzeDocument(text, defaultSettings).findings;
  assert.deepEqual(
    findings.filter((finding) => finding.code === 'lint/job-ttl').map((finding) => finding.document),
    [1],
  );
  assert.deepEqual(
    findings
      .filter((finding) => finding.code === 'lint/resource-requests')
      .map((finding) => finding.document),
    [1],
  );
});
