import assert from 'node:assert/strict';
import { test } from 'node:test';
/**
 * Helpers for data-driven rule tests: analyse a manifest and return the findings of one rule (or
 * all API-server findings) as `[code, path, errorType]` triples, the way Kubernetes reports them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeDocument } from '../../../server/src/core/analysis/analyzeDocument';
import type { Finding } from '../../../server/src/core/findings/finding';
import type { Rule } from '../../../server/src/core/rules/rule';
import { defaultSettings } from '../../../server/src/core/settings';

/** The findings of `text` whose code starts with one of `prefixes`. */
export function findingsOf(text: string, prefixes: readonly string[]): Finding[] {
  return analyzeDocument(text, defaultSettings).findings.filter((finding) =>
    prefixes.some((prefix) => finding.code.startsWith(prefix)),
  );
}

/** `[code, path, errorType]` of each finding, for compact assertions. */
export function triples(text: string, prefixes: readonly string[]): [string, string | null, unknown][] {
  return findingsOf(text, prefixes).map((finding) => [
    finding.code,
    finding.path,
    finding.data?.['errorType'],
  ]);
}

/** A minimal valid Job whose pod spec can be extended with extra YAML lines (indented 6). */
export function job(
  specExtra = '',
  podSpecExtra = '  restartPolicy: Never',
  metadata = '  name: pi',
): string {
  return `apiVersion: batch/v1
kind: Job
metadata:
${metadata}
spec:
${specExtra ? `${specExtra}\n` : ''}  template:
    spec:
      containers:
      - name: main
        image: busybox:1.36
${podSpecExtra
  .split('\n')
  .map((line) => `    ${line}`)
  .join('\n')}
`;
}

/** `[code, path, errorType]` of the findings of only the given rules. */
export function ruleTriples(text: string, rules: readonly Rule[]): [string, string | null, unknown][] {
  return analyzeDocument(text, defaultSettings, rules).findings.map((finding) => [
    finding.code,
    finding.path,
    finding.data?.['errorType'],
  ]);
}

/** A minimal valid DaemonSet; `specExtra` and `podSpecExtra` are extra YAML lines (indented 2 and 6). */
export function daemonSet(
  specExtra = '',
  podSpecExtra = '',
  labels = '{app: agent}',
  selector = '  selector:\n    matchLabels: {app: agent}',
): string {
  return `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
${selector ? `${selector}\n` : ''}${specExtra ? `${specExtra}\n` : ''}  template:
    metadata:
      labels: ${labels}
    spec:
      containers:
      - name: agent
        image: busybox:1.36
${podSpecExtra ? `${podSpecExtra}\n` : ''}`;
}

/** A minimal valid CronJob; `specExtra` lines are indented 2, `jobSpecExtra` 6. */
export function cronJob(specExtra = '', jobSpecExtra = '', name = 'hello'): string {
  return `apiVersion: batch/v1
kind: CronJob
metadata:
  name: ${name}
spec:
  schedule: "*/5 * * * *"
${specExtra ? `${specExtra}\n` : ''}  jobTemplate:
    spec:
${jobSpecExtra ? `${jobSpecExtra}\n` : ''}      template:
        spec:
          containers:
          - name: hello
            image: busybox:1.36
          restartPolicy: OnFailure
`;
}

/** The findings of only the given rules, for assertions on severity, message and data. */
export function ruleFindings(text: string, rules: readonly Rule[]): readonly Finding[] {
  return analyzeDocument(text, defaultSettings, rules).findings;
}

/**
 * A minimal CronJob built like `job`: `specExtra` is written as for `job` (indented 2) and moved
 * under `spec.jobTemplate.spec`; `podSpecExtra` likewise under the template's pod spec. So one
 * case's YAML serves both kinds.
 */
export function cronJobLike(
  specExtra = '',
  podSpecExtra = '  restartPolicy: Never',
  metadata = '  name: hello',
): string {
  const indent = (text: string, by: string): string =>
    text
      .split('\n')
      .map((line) => `${by}${line}`)
      .join('\n');
  return `apiVersion: batch/v1
kind: CronJob
metadata:
${metadata}
spec:
  schedule: "*/5 * * * *"
  jobTemplate:
    spec:
${specExtra ? `${indent(specExtra, '    ')}\n` : ''}      template:
        spec:
          containers:
          - name: main
            image: busybox:1.36
${indent(podSpecExtra, '        ')}
`;
}

/** Job expectations moved to a CronJob: `spec` and the paths under it go under `spec.jobTemplate.spec`. */
export function inJobTemplate(
  expected: readonly [string, string | null, unknown][],
): [string, string | null, unknown][] {
  return expected.map(([code, path, type]) => [
    code,
    path === 'spec' || path?.startsWith('spec.') ? `spec.jobTemplate.${path}` : path,
    type,
  ]);
}

/** Manifests with fields of every wrong shape: rules must not throw on them (no `internal/rule-failure`). */
export const oddJobManifests: readonly string[] = [
  'apiVersion: batch/v1\nkind: Job\n',
  'apiVersion: batch/v1\nkind: Job\nmetadata: []\nspec: 3\n',
  'apiVersion: batch/v1\nkind: Job\nspec: [a, b]\n',
  'apiVersion: batch/v1\nkind: CronJob\nspec: {jobTemplate: 5}\n',
  'apiVersion: batch/v1\nkind: CronJob\nspec: {jobTemplate: {spec: [1]}}\n',
  `apiVersion: batch/v1
kind: Job
metadata: {name: [x], generateName: 7}
spec:
  completionMode: [Indexed]
  completions: {a: 1}
  parallelism: "3"
  backoffLimitPerIndex: true
  maxFailedIndexes: 1.5
  activeDeadlineSeconds: "-1"
  managedBy: {}
  podReplacementPolicy: 1
  podFailurePolicy: {rules: {a: b}}
  successPolicy: {rules: x}
  template: {spec: {containers: 1, initContainers: [1, {name: 2}]}}
`,
  `apiVersion: batch/v1
kind: Job
metadata: {name: pi}
spec:
  completionMode: Indexed
  completions: 3
  backoffLimitPerIndex: 1
  podFailurePolicy:
    rules:
    - 7
    - null
    - action: [FailJob]
      onExitCodes: [In]
      onPodConditions: {type: x}
    - action: FailJob
      onExitCodes: {operator: 5, containerName: [main], values: 42}
    - action: FailJob
      onExitCodes: {operator: In, values: [a, 1.5, null, 99999999999]}
    - action: Ignore
      onPodConditions: [5, null, {type: 5, status: true}]
  successPolicy:
    rules: [5, null, {succeededIndexes: 5, succeededCount: "2"}, {succeededIndexes: [0]}]
  template: {spec: {containers: [{name: main, image: x}], restartPolicy: Never}}
`,
];

/**
 * The Job and CronJob seed manifests (test/fixtures/seed-manifests), as `[file, text]`. None of
 * them has a Job-spec problem (EXPECTATIONS.md), so the Job-spec rules must say nothing on them.
 */
export function jobSeedManifests(): [string, string][] {
  const dir = join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'seed-manifests');
  return readdirSync(dir)
    .filter((file) => /^(job|cronjob)-.*\.yaml$/.test(file))
    .sort()
    .map((file) => [file, readFileSync(join(dir, file), 'utf8')]);
}

/**
 * The two checks every rule module shares: no `internal/` failure on odd-shaped manifests, and no
 * finding of its own on the seed manifests (which the API server accepts apart from parse errors).
 */
export function testRuleRobustness(name: string, rules: readonly Rule[]): void {
  test(`${name}: never throws on odd shapes`, () => {
    for (const text of oddJobManifests) {
      assert.deepEqual(
        ruleFindings(text, rules).filter((finding) => finding.code.startsWith('internal/')),
        [],
      );
    }
  });
  test(`${name}: silent on the seed manifests`, () => {
    // Parse findings (a duplicate key, a pasted transcript, a template) are not the rules'.
    for (const [file, text] of jobSeedManifests()) {
      const findings = ruleTriples(text, rules).filter(([code]) => !/^(yaml|file)\//.test(code));
      assert.deepEqual(findings, [], file);
    }
  });
}
