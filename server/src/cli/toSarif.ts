import { pathToUriReference } from './terminalText';
import { ruleDocFor } from '../core/analysis/ruleDocs';
import type { JsonFinding, JsonReport } from './checkFile';

/** SARIF's result levels; Podline's info and hint become `note`. */
function sarifLevel(severity: JsonFinding['severity']): 'error' | 'warning' | 'note' {
  return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'note';
}

/**
 * The report as SARIF 2.1.0, the format GitHub code scanning accepts: one run, a rule per code
 * with its documentation, and results with 1-based regions over UTF-16 columns.
 */
export function toSarif(report: JsonReport, version: string): unknown {
  const codes = [
    ...new Set(report.files.flatMap((file) => file.findings.map((finding) => finding.code))),
  ].sort();
  const rules = codes.map((code) => {
    const doc = ruleDocFor(code);
    return {
      id: code,
      name: code.replace(/[/-](\w)/g, (_, letter: string) => letter.toUpperCase()),
      shortDescription: { text: doc?.summary ?? code },
      fullDescription: { text: doc ? `${doc.summary} Source: ${doc.source}.` : code },
      help: { text: doc?.example ? `${doc.summary}\n\nExample:\n${doc.example}` : (doc?.summary ?? code) },
      defaultConfiguration: { level: sarifLevel(doc?.severity ?? 'warning') },
      properties: { tags: ['kubernetes', code.split('/')[0] ?? 'podline'] },
    };
  });
  const results = report.files.flatMap((file) =>
    file.findings.map((finding) => ({
      ruleId: finding.code,
      ruleIndex: codes.indexOf(finding.code),
      level: sarifLevel(finding.severity),
      message: { text: finding.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: pathToUriReference(file.path) },
            region: {
              startLine: finding.range.start.line + 1,
              startColumn: finding.range.start.character + 1,
              endLine: finding.range.end.line + 1,
              endColumn: finding.range.end.character + 1,
            },
          },
          ...(finding.path
            ? { logicalLocations: [{ fullyQualifiedName: finding.path, kind: 'member' }] }
            : {}),
        },
      ],
      properties: {
        document: finding.document,
        ...(finding.errorType ? { errorType: finding.errorType } : {}),
        severity: finding.severity,
      },
    })),
  );
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'Podline', version, semanticVersion: version, rules } },
        columnKind: 'utf16CodeUnits',
        results,
        // Files that were not checked make the run unsuccessful, each with a notification.
        ...(report.notChecked && report.notChecked.length > 0
          ? {
              invocations: [
                {
                  executionSuccessful: false,
                  toolExecutionNotifications: report.notChecked.map((file) => ({
                    level: 'error',
                    message: { text: `${file.path}: ${file.reason}` },
                    locations: [
                      { physicalLocation: { artifactLocation: { uri: pathToUriReference(file.path) } } },
                    ],
                  })),
                },
              ],
            }
          : {}),
      },
    ],
  };
}
