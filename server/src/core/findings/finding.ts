import type { OffsetRange } from '../text/offsetRange';

/** How serious a finding is; the names match LSP's and SARIF's levels. */
export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** The error types the Kubernetes API server uses in `field.Error`. */
export type ApiErrorType =
  | 'Required'
  | 'Invalid'
  | 'NotSupported'
  | 'Forbidden'
  | 'TooLong'
  | 'TooMany'
  | 'Duplicate'
  | 'NotFound'
  | 'TypeInvalid';

/**
 * One thing Podline has to say about a document. `code` is stable and is what quick fixes key
 * on; `message` is translated and only for people.
 */
export interface Finding {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly range: OffsetRange;
  /** The field path in the API server's syntax, or null when the finding is not about a field. */
  readonly path: string | null;
  /** The zero-based index of the YAML document in the file. */
  readonly document: number;
  /** What a quick fix needs, and the API server's error type where there is one. */
  readonly data?: Readonly<Record<string, unknown>>;
}

/**
 * What a rule reports; the analysis adds the document index to make it a `Finding`. `Code` is
 * the codes the reporting module documents, so the compiler rejects an undocumented one.
 */
export interface RuleReport<Code extends string = string> {
  readonly code: Code;
  readonly severity: Severity;
  readonly message: string;
  readonly range: OffsetRange;
  readonly path: string | null;
  readonly errorType?: ApiErrorType;
  readonly data?: Readonly<Record<string, unknown>>;
}
