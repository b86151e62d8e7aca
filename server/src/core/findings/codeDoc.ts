import type { Severity } from './finding';

/** What `docs/rules.md` and SARIF's rule metadata say about one finding code. */
export interface CodeDoc {
  /** The usual severity (a few codes are warnings in some cases). */
  readonly severity: Severity;
  /** What it checks, in one sentence. */
  readonly summary: string;
  /** The Kubernetes source it mirrors, or why it exists. */
  readonly source: string;
  /** A manifest fragment that triggers it. */
  readonly example: string;
}

/**
 * The documentation of the codes one module reports, keyed by code. The module that reports a
 * code documents it, so a code and its documentation are written, and removed, together.
 */
export type CodeDocs<Code extends string = string> = { readonly [code in Code]: CodeDoc };

/** The Kubernetes sources the documentation cites most often. */
export const kubernetesSources = {
  batch: 'pkg/apis/batch/validation/validation.go',
  apps: 'pkg/apis/apps/validation/validation.go',
  core: 'pkg/apis/core/validation/validation.go',
  meta: 'k8s.io/apimachinery/pkg/api/validation (ValidateObjectMeta)',
} as const;
