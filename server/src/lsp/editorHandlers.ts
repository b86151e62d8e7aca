import { CompletionItemKind, MarkupKind } from 'vscode-languageserver/node';
import type {
  CodeLens,
  CompletionItem,
  CompletionParams,
  Connection,
  Hover,
  HoverParams,
  CodeLensParams,
  TextDocuments,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { EditorContext } from '../core/editor/editorFeature';
import { computeCodeLenses, computeCompletions, computeHover } from '../core/editor/editorFeatures';
import type { DocumentAnalyzer } from './documentAnalyzer';
import { logError } from './logError';
import type { SettingsStore } from './settingsStore';

const completionKinds = {
  value: CompletionItemKind.Value,
  enum: CompletionItemKind.EnumMember,
  field: CompletionItemKind.Field,
  snippet: CompletionItemKind.Snippet,
} as const;

/** The user's time zone: the language server runs on the editor's machine. */
function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/**
 * Registers hover, code lens and completion. Each handler works on the current analysis of the
 * document (analysing it now if the latest result is stale) and catches its own failures.
 */
export function registerEditorHandlers(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  analyzer: DocumentAnalyzer,
  settings: SettingsStore,
): void {
  const contextFor = async (
    uri: string,
  ): Promise<{ context: EditorContext; document: TextDocument } | undefined> => {
    const document = documents.get(uri);
    if (!document) return undefined;
    const current = await settings.get(uri);
    const analysis = analyzer.current(document, current);
    return {
      document,
      context: {
        text: document.getText(),
        analysis,
        settings: current,
        locale: current.locale,
        kubernetesVersion: analysis.kubernetesVersion,
        now: Date.now(),
        localTimeZone: localTimeZone(),
      },
    };
  };

  connection.onHover(async (params: HoverParams): Promise<Hover | null> => {
    try {
      const found = await contextFor(params.textDocument.uri);
      if (!found) return null;
      const { context, document } = found;
      const result = computeHover(context, document.offsetAt(params.position));
      if (!result) return null;
      return {
        contents: { kind: MarkupKind.Markdown, value: result.markdown },
        range: { start: document.positionAt(result.range.start), end: document.positionAt(result.range.end) },
      };
    } catch (error) {
      logError(connection, 'hover', error);
      return null;
    }
  });

  connection.onCodeLens(async (params: CodeLensParams): Promise<CodeLens[]> => {
    try {
      const found = await contextFor(params.textDocument.uri);
      if (!found) return [];
      const { context, document } = found;
      return computeCodeLenses(context).map((lens) => ({
        range: { start: document.positionAt(lens.range.start), end: document.positionAt(lens.range.end) },
        command: {
          title: lens.title,
          command: lens.command?.id ?? '',
          arguments: lens.command ? [...lens.command.arguments] : [],
        },
      }));
    } catch (error) {
      logError(connection, 'codeLens', error);
      return [];
    }
  });

  connection.onCompletion(async (params: CompletionParams): Promise<CompletionItem[]> => {
    try {
      const found = await contextFor(params.textDocument.uri);
      if (!found) return [];
      const { context, document } = found;
      return computeCompletions(context, document.offsetAt(params.position)).map((item) => ({
        label: item.label,
        kind: completionKinds[item.kind],
        ...(item.detail ? { detail: item.detail } : {}),
        ...(item.documentation
          ? { documentation: { kind: MarkupKind.Markdown, value: item.documentation } }
          : {}),
        ...(item.sortText ? { sortText: item.sortText } : {}),
        ...(item.range
          ? {
              textEdit: {
                range: {
                  start: document.positionAt(item.range.start),
                  end: document.positionAt(item.range.end),
                },
                newText: item.insertText ?? item.label,
              },
            }
          : { insertText: item.insertText ?? item.label }),
      }));
    } catch (error) {
      logError(connection, 'completion', error);
      return [];
    }
  });
}
