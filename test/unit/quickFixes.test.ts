import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeDocument } from '../../server/src/core/analysis/analyzeDocument';
import { computeQuickFixes } from '../../server/src/core/fixes/quickFixes';
import { failOnReport } from './failOnReport';
import type { TextEdit } from '../../server/src/core/fixes/quickFixes';
import { defaultSettings } from '../../server/src/core/settings';

function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return [...edits]
    .sort((a, b) => b.range.start - a.range.start)
    .reduce(
      (current, edit) => current.slice(0, edit.range.start) + edit.newText + current.slice(edit.range.end),
      text,
    );
}

/** Applies the first (preferred) fix for `code` and returns the new text and its remaining codes. */
function fix(text: string, code: string, which = 0): { text: string; codes: string[]; titles: string[] } {
  const result = analyzeDocument(text, defaultSettings);
  const finding = result.findings.find((candidate) => candidate.code === code);
  assert.ok(finding, `no ${code} finding in:\n${text}`);
  const fixes = computeQuickFixes({
    text,
    yaml: result.yaml,
    finding,
    locale: 'en',
    reportError: failOnReport,
  });
  const chosen = fixes[which];
  assert.ok(chosen, `no fix for ${code}`);
  const fixed = applyEdits(text, chosen.edits);
  return {
    text: fixed,
    codes: analyzeDocument(fixed, defaultSettings)
      .findings.filter((finding) => finding.severity === 'error' || finding.severity === 'warning')
      .map((finding) => finding.code),
    titles: fixes.map((candidate) => candidate.title),
  };
}

const job = (podSpecTail: string): string => `apiVersion: batch/v1
kind: Job
metadata:
  name: pi
spec:
  template:
    spec:
      containers:
      - name: pi
        image: perl:5.34
${podSpecTail}`;

test('restartPolicy Always becomes Never (preferred) or OnFailure', () => {
  const result = fix(job('      restartPolicy: Always\n'), 'job/restart-policy');
  assert.deepEqual(result.titles, ['Set restartPolicy to Never', 'Set restartPolicy to OnFailure']);
  assert.match(result.text, /restartPolicy: Never\n$/);
  assert.deepEqual(result.codes, []);
  assert.match(
    fix(job('      restartPolicy: Always\n'), 'job/restart-policy', 1).text,
    /restartPolicy: OnFailure\n$/,
  );
});

test('an omitted restartPolicy is inserted at the pod spec indentation', () => {
  const result = fix(job(''), 'job/restart-policy');
  assert.match(result.text, /\n    spec:\n      restartPolicy: Never\n      containers:\n/);
  assert.deepEqual(result.codes, []);
});

test('a plain value with ": " is quoted', () => {
  const text = job('      restartPolicy: Never\n').replace(
    'image: perl:5.34',
    'image: fluentd/fluentd: v1.4-1',
  );
  const result = fix(text, 'yaml/syntax');
  assert.match(result.text, /image: "fluentd\/fluentd: v1.4-1"\n/);
  // Quoting fixes the YAML; the image itself (with a space) is then reported as an invalid reference.
  assert.deepEqual(result.codes, ['lint/image-reference']);
});

test('a duplicate key can be removed with its value, keeping the first', () => {
  const text = job('      restartPolicy: Never\n').replace(
    'image: perl:5.34',
    'image: perl:5.34\n        name: pi-image',
  );
  const result = fix(text, 'yaml/duplicate-key');
  assert.doesNotMatch(result.text, /pi-image/);
  assert.match(result.text, /- name: pi\n        image: perl:5.34\n      restartPolicy/);
  assert.deepEqual(result.codes, []);
});

test('a generated label with a wrong value can be removed from a flow map', () => {
  const text = job('      restartPolicy: Never\n').replace(
    '  template:\n    spec:',
    '  template:\n    metadata:\n      labels: {job-name: other, app: pi}\n    spec:',
  );
  const result = fix(text, 'job/generated-label');
  assert.match(result.text, /labels: \{app: pi\}/);
  assert.deepEqual(result.codes, []);
});

test('codes without an unambiguous fix get none', () => {
  const text = job('      restartPolicy: Never\n').replace(
    'name: pi\n        image',
    'name: Pi\n        image',
  );
  const result = analyzeDocument(text, defaultSettings);
  const finding = result.findings.find((candidate) => candidate.code === 'pod/container-name');
  assert.ok(finding);
  assert.deepEqual(
    computeQuickFixes({ text, yaml: result.yaml, finding, locale: 'en', reportError: failOnReport }),
    [],
  );
});
