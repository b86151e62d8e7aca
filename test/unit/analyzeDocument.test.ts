import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { analyzeDocument } from '../../server/src/core/analysis/analyzeDocument';
import type { Rule } from '../../server/src/core/rules/rule';
import { defaultSettings } from '../../server/src/core/settings';
import { LineIndex } from '../../server/src/core/text/offsetRange';

const seeds = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'seed-manifests');

function analyzeSeed(
  name: string,
): { code: string; severity: string; start: [number, number]; end: [number, number] }[] {
  const text = readFileSync(join(seeds, name), 'utf8');
  const lines = new LineIndex(text);
  return analyzeDocument(text, defaultSettings).findings.map((finding) => {
    const start = lines.positionAt(finding.range.start);
    const end = lines.positionAt(finding.range.end);
    return {
      code: finding.code,
      severity: finding.severity,
      start: [start.line + 1, start.character + 1],
      end: [end.line + 1, end.character + 1],
    };
  });
}

function errorsOf(name: string): ReturnType<typeof analyzeSeed> {
  return analyzeSeed(name).filter((finding) => finding.severity === 'error');
}

// Expected positions are 1-based (line, column) read off the files by hand.
test('job-calculate-pi.yaml: the second container name is a duplicate key (line 15)', () => {
  assert.deepEqual(errorsOf('job-calculate-pi.yaml'), [
    { code: 'yaml/duplicate-key', severity: 'error', start: [15, 9], end: [15, 13] },
  ]);
});

test('job-calculate-pi-parallel.yaml: the duplicate key is on line 16', () => {
  assert.deepEqual(errorsOf('job-calculate-pi-parallel.yaml'), [
    { code: 'yaml/duplicate-key', severity: 'error', start: [16, 9], end: [16, 13] },
  ]);
});

test('daemonset-fluentd-broken.yaml: the unquoted "image: a: b" on line 19 is underlined whole', () => {
  assert.deepEqual(
    analyzeSeed('daemonset-fluentd-broken.yaml').filter((finding) => finding.code.startsWith('yaml/')),
    [{ code: 'yaml/syntax', severity: 'error', start: [19, 18], end: [19, 41] }],
  );
});

test('job-pi-parallel-with-transcript.yaml: errors start at the pasted transcript on line 18', () => {
  const findings = errorsOf('job-pi-parallel-with-transcript.yaml');
  assert.ok(findings.length > 0);
  assert.ok(findings.every((finding) => finding.code === 'yaml/syntax' && finding.start[0] >= 18));
  assert.deepEqual(findings[0], { code: 'yaml/syntax', severity: 'error', start: [18, 1], end: [18, 29] });
});

test('job-jinja-template.yaml: one template finding at the first marker, no cascade and no name error', () => {
  // `  name: jobexample-{{ name }}` on line 4: the marker starts at column 20.
  assert.deepEqual(analyzeSeed('job-jinja-template.yaml'), [
    { code: 'file/template', severity: 'warning', start: [4, 20], end: [4, 30] },
  ]);
});

test('Go templates inside quoted strings are not mistaken for a templated file', () => {
  const text = 'apiVersion: v1\nkind: ConfigMap\ndata:\n  a: "{{ .Values.x }}"\n  b: |\n    {{ range . }}\n';
  assert.deepEqual(analyzeDocument(text, defaultSettings).findings, []);
});

test('valid seed manifests have no error findings', () => {
  for (const name of [
    'cronjob-hello-batch-v1.yaml',
    'daemonset-fluentd-elasticsearch.yaml',
    'job-pi.yaml',
    'job-indexed-with-headless-service.yaml',
    'pod-toleration.yaml',
  ]) {
    assert.deepEqual(
      analyzeSeed(name).filter((finding) => finding.severity === 'error'),
      [],
      name,
    );
  }
});

test('messages follow the locale; codes do not', () => {
  const text = 'a: 1\na: 2\n';
  const english = analyzeDocument(text, defaultSettings).findings[0];
  const chinese = analyzeDocument(text, { ...defaultSettings, locale: 'zh-CN' }).findings[0];
  assert.equal(english?.code, 'yaml/duplicate-key');
  assert.equal(chinese?.code, 'yaml/duplicate-key');
  assert.match(english?.message ?? '', /Duplicate key "a" \(first on line 1\)/);
  assert.match(chinese?.message ?? '', /重复的键 "a"（首次出现在第 1 行）/);
});

test('workloads are recognised by apiVersion and kind; other kinds are left alone', () => {
  const text = [
    'apiVersion: v1\nkind: Service\nmetadata: {name: s}',
    'apiVersion: batch/v1\nkind: Job\nmetadata: {name: j}',
    'apiVersion: batch/v1beta1\nkind: CronJob\nmetadata: {name: c}',
    'apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: d}',
    'apiVersion: v1\nkind: Job\nmetadata: {name: wrong-group}',
    'apiVersion: v1\nkind: Pod\nmetadata: {name: p}',
  ].join('\n---\n');
  const workloads = analyzeDocument(text, defaultSettings).workloads;
  assert.deepEqual(
    workloads.map((workload) => [workload.kind, workload.apiVersion, workload.document.index]),
    [
      ['Job', 'batch/v1', 1],
      ['CronJob', 'batch/v1beta1', 2],
      ['DaemonSet', 'apps/v1', 3],
    ],
  );
});

test('rules run on the kinds they name, and a throwing rule becomes a finding instead of an exception', () => {
  const seen: string[] = [];
  const doc = { severity: 'error', summary: 'A test rule.', source: 'this test', example: '' } as const;
  const rules: Rule[] = [
    {
      codes: { 'test/seen': doc },
      kinds: ['Job'],
      check: (context) => void seen.push(context.workload.kind),
    },
    {
      codes: { 'test/throws': doc },
      kinds: ['Job', 'CronJob'],
      check: () => {
        throw new Error('boom');
      },
    },
  ];
  const text = 'apiVersion: batch/v1\nkind: Job\n---\napiVersion: apps/v1\nkind: DaemonSet\n';
  const result = analyzeDocument(text, defaultSettings, rules);
  assert.deepEqual(seen, ['Job']);
  assert.deepEqual(
    result.findings.map((finding) => [finding.code, finding.document]),
    [['internal/rule-failure', 0]],
  );
  assert.match(result.findings[0]?.message ?? '', /test\/throws: boom/);
});

test('analysis never throws on hostile text', () => {
  const inputs = [
    '',
    '\uFEFF',
    '\t\tkey: value',
    '- - - -',
    '&a [*a]',
    '*undefined',
    ': : :',
    '"\\u',
    'a: 1e309\nb: -0',
    '%YAML 9.9\n---\n',
  ];
  for (const input of inputs)
    assert.doesNotThrow(() => analyzeDocument(input, defaultSettings), JSON.stringify(input));
});

// kubectl stops at a YAML syntax error; a field the parser could not read because of it is
// not also reported missing (issue 14 asks for one finding for a TAB or an unquoted `*/5`).
test('an unquoted */5 schedule gets one finding that says to quote it, not also "a CronJob needs a schedule"', () => {
  const text = [
    'apiVersion: batch/v1',
    'kind: CronJob',
    'metadata: {name: every5}',
    'spec:',
    '  schedule: */5 * * * *',
    '  jobTemplate:',
    '    spec:',
    '      template:',
    '        spec:',
    '          restartPolicy: OnFailure',
    '          containers: [{name: main, image: busybox:1.36}]',
    '',
  ].join('\n');
  const errors = analyzeDocument(text, defaultSettings).findings.filter(
    (finding) => finding.severity === 'error',
  );
  assert.deepEqual(
    errors.map((finding) => finding.code),
    ['yaml/syntax'],
  );
  const [syntax] = errors;
  assert.match(syntax?.message ?? '', /cannot start with "\*".*quote the value/);
  // The whole unquoted value is underlined.
  assert.equal(text.slice(syntax?.range.start, syntax?.range.end), '*/5 * * * *');
  const chinese = analyzeDocument(text, { ...defaultSettings, locale: 'zh-CN' }).findings;
  assert.ok(chinese.some((finding) => finding.message.includes('不能以 "*" 开头')));
});

test('a TAB that cuts a template off its spec gives one syntax error, not also "containers are required"', () => {
  const text =
    'apiVersion: batch/v1\nkind: Job\nmetadata: {name: pi}\nspec:\n  template:\n    spec:\n\t  restartPolicy: Never\n      containers:\n      - name: main\n        image: busybox:1.36\n';
  const errors = analyzeDocument(text, defaultSettings).findings.filter(
    (finding) => finding.severity === 'error',
  );
  assert.deepEqual(
    errors.map((finding) => finding.code),
    ['yaml/syntax'],
  );
});

test('a file over the size limit gets the "too large" finding only, even with {{ }} in it', () => {
  // A rendered manifest with a Helm-looking string was called a template although it was never read.
  const text = `apiVersion: batch/v1\nkind: Job\nmetadata: {name: pi, annotations: {note: "{{ not a template }}"}}\n${'# padding\n'.repeat(200)}`;
  const findings = analyzeDocument(text, { ...defaultSettings, maxFileSize: 1000 }).findings;
  assert.deepEqual(
    findings.map((finding) => finding.code),
    ['file/too-large'],
  );
});
