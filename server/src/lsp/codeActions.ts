import { CodeActionKind } from 'vscode-languageserver/node';
import type { CodeAction, CodeActionParams, TextDocuments } from 'vscode-languageserver/node';
import type { PodlineDocument } from './podlineDocument';
import { computeQuickFixes } from '../core/fixes/quickFixes';
import type { Connection } from 'vscode-languageserver/node';
import { reportErrorsOf } from './logError';
import type { SettingsStore } from './settingsStore';
import type { DocumentAnalyzer } from './documentAnalyzer';
import { toDiagnostic } from './toDiagnostic';

/**
 * Quick fixes for Podline's diagnostics. The diagnostics in the request are matched to the
 * findings of the current analysis by code and range, so a fix always starts from the model it
 * was computed for; a stale request gets no actions rather than wrong edits.
 */
export async function provideCodeActions(
  params: CodeActionParams,
  documents: TextDocuments<PodlineDocument>,
  analyzer: DocumentAnalyzer,
  settings: SettingsStore,
  connection: Pick<Connection, 'console'>,
): Promise<CodeAction[]> {
  const document = documents.get(params.textDocument.uri);
  if (!document) return [];
  const { locale } = await settings.get(document.uri);
  // After the await: an analysis that ran meanwhile replaced the result (and moved its parts).
  const result = analyzer.latest(document);
  if (!result) return [];
  const reportError = reportErrorsOf(connection, document.uri);
  const actions: CodeAction[] = [];
  for (const diagnostic of params.context.diagnostics) {
    if (diagnostic.source !== 'podline') continue;
    const start = document.offsetAt(diagnostic.range.start);
    const end = document.offsetAt(diagnostic.range.end);
    const finding = result.findings.find(
      (candidate) =>
        candidate.code === diagnostic.code && candidate.range.start === start && candidate.range.end === end,
    );
    if (!finding) continue;
    for (const fix of computeQuickFixes({
      text: document.getText(),
      yaml: result.yaml,
      finding,
      locale,
      reportError,
    })) {
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        isPreferred: fix.preferred,
        diagnostics: [toDiagnostic(finding, document)],
        edit: {
          changes: {
            [document.uri]: fix.edits.map((edit) => ({
              range: {
                start: document.positionAt(edit.range.start),
                end: document.positionAt(edit.range.end),
              },
              newText: edit.newText,
            })),
          },
        },
      });
    }
  }
  return actions;
}
