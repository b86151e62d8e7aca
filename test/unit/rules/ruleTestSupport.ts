/**
 * Helpers for data-driven rule tests: analyse a manifest and return the findings of one rule (or
 * all API-server findings) as `[code, path, errorType]` triples, the way Kubernetes reports them.
 */
import { analyzeDocument } from '../../../server/src/core/analysis/analyzeDocument';
import type { Finding } from '../../../server/src/core/analysis/finding';
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
