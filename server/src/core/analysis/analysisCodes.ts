import type { CodeDocs } from '../findings/codeDoc';

/**
 * The codes the analysis itself reports (`analyzeDocument.ts`), not a rule: what the YAML parser
 * found, files refused unparsed, templates, and Podline's own failures.
 */
export const analysisCodes = {
  'yaml/syntax': {
    severity: 'error',
    summary: 'The YAML cannot be parsed at this place.',
    source: 'YAML 1.1 as sigs.k8s.io/yaml (go-yaml v2) reads it',
    example: 'image: fluentd/fluentd: v1.4-1',
  },
  'yaml/duplicate-key': {
    severity: 'error',
    summary: 'A key appears twice in one mapping.',
    source:
      'go-yaml v3 (kustomize, Flux, Argo CD) rejects the file; kubectl apply -f converts with go-yaml v2, where the last value wins (kubernetes/kubernetes#125885)',
    example: '- name: a\n  name: b',
  },
  'yaml/non-scalar-key': {
    severity: 'error',
    summary: 'A mapping key is a collection.',
    source: 'sigs.k8s.io/yaml cannot convert it to JSON',
    example: '? [a, b]\n: 1',
  },
  'yaml/excessive-aliasing': {
    severity: 'error',
    summary: 'Aliases would expand into an enormous object (an alias bomb).',
    source: 'go-yaml v2 decode.go allowedAliasRatio',
    example: 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
  },
  'yaml/too-deep': {
    severity: 'warning',
    summary: 'Nesting deeper than 200 levels; the file is not analysed.',
    source: 'Podline bounds its parser on hostile input',
    example: '[[[[[[ ... ]]]]]]',
  },
  'yaml/too-many-errors': {
    severity: 'info',
    summary: 'More than 50 syntax errors; the rest are counted.',
    source: 'Podline',
    example: '(a binary or non-YAML file)',
  },
  'file/too-large': {
    severity: 'warning',
    summary: 'The file is larger than podline.maxFileSize and is not analysed.',
    source: 'Podline',
    example: '(a 10 MB file)',
  },
  'file/binary': {
    severity: 'error',
    summary: 'The file is not text.',
    source: 'Podline',
    example: '(random bytes)',
  },
  'file/template': {
    severity: 'warning',
    summary: 'The file is a Jinja, Helm or Go template, not a manifest: render it first.',
    source: 'Podline',
    example: 'name: job-{{ name }}',
  },
  'internal/parse-failure': {
    severity: 'warning',
    summary: 'Podline failed to read the file; please report it.',
    source: 'Podline',
    example: '',
  },
  'internal/rule-failure': {
    severity: 'warning',
    summary: 'A Podline rule failed on this document; please report it.',
    source: 'Podline',
    example: '',
  },
} satisfies CodeDocs;
