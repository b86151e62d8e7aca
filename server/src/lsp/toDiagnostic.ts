import { DiagnosticSeverity } from 'vscode-languageserver/node';
import type { Diagnostic } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, Severity } from '../core/findings/finding';

const severities: Readonly<Record<Severity, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Turns a core finding into an LSP diagnostic; the finding's code and data travel with it. */
export function toDiagnostic(finding: Finding, document: TextDocument): Diagnostic {
  return {
    range: { start: document.positionAt(finding.range.start), end: document.positionAt(finding.range.end) },
    severity: severities[finding.severity],
    code: finding.code,
    source: 'podline',
    message: finding.message,
    data: { ...finding.data, path: finding.path, document: finding.document },
  };
}
