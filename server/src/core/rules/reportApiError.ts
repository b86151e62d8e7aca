import type { ApiErrorType, Severity } from '../findings/finding';
import type { RuleContext } from './rule';
import { reportRange } from '../yaml/fieldRef';
import type { FieldRef } from '../yaml/fieldRef';

/** What a rule says about one field, in the API server's terms. */
export interface ApiErrorReport<Code extends string = string> {
  readonly code: Code;
  readonly ref: FieldRef;
  /** The error type the API server uses; omitted for warnings and lints. */
  readonly type?: ApiErrorType;
  readonly message: string;
  readonly severity?: Severity;
  /** Reported at another field's path than `ref`'s, as the API server sometimes does. */
  readonly path?: string;
  readonly data?: Readonly<Record<string, unknown>>;
}

/** Reports a finding on a field: at its value when written, else where it is missing. */
export function reportApiError<Code extends string>(
  context: RuleContext<Code>,
  report: ApiErrorReport<NoInfer<Code>>,
): void {
  context.report({
    code: report.code,
    severity: report.severity ?? 'error',
    message: report.message,
    range: reportRange(report.ref),
    path: report.path ?? report.ref.path,
    ...(report.type ? { errorType: report.type } : {}),
    ...(report.data ? { data: report.data } : {}),
  });
}
