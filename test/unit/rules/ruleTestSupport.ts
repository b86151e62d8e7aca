/**
 * Helpers for data-driven rule tests: analyse a manifest and return the findings of one rule (or
 * all API-server findings) as `[code, path, errorType]` triples, the way Kubernetes reports them.
 */
import { analyzeDocument } from '../../../server/src/core/analysis/analyzeDocument';
import type { Finding } from '../../../server/src/core/analysis/finding';
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
