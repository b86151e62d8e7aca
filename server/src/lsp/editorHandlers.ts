import { CompletionItemKind, MarkupKind, SymbolKind } from 'vscode-languageserver/node';
import type {
  CancellationToken,
  CodeLens,
  CompletionItem,
  CompletionParams,
  Connection,
  Hover,
  HoverParams,
  CodeLensParams,
  DocumentSymbol,
  LocationLink,
  TextDocuments,
} from 'vscode-languageserver/node';
import type { PodlineDocument } from './podlineDocument';
import type { EditorContext } from '../core/editor/editorFeature';
import { computeCodeLenses, computeCompletions, computeHover } from '../core/editor/editorFeatures';
import { computeDefinitions } from '../core/editor/definitions';
import { computeDocumentSymbols } from '../core/editor/documentSymbols';
import type { DocumentSymbolItem, DocumentSymbolKind } from '../core/editor/documentSymbols';
import { documentIndexAt, previewDocument, previewFile } from '../core/preview/previewObjects';
import { podlineCommands } from '../protocol/podlineCommands';
import { previewRequest } from '../protocol/previewProtocol';
import type { DocumentAnalyzer } from './documentAnalyzer';
import { logError, reportErrorsOf } from './logError';
import { lspRequest } from './lspMessages';
import type { SettingsStore } from './settingsStore';

const completionKinds = {
  value: CompletionItemKind.Value,
  enum: CompletionItemKind.EnumMember,
  field: CompletionItemKind.Field,
  snippet: CompletionItemKind.Snippet,
} as const;

const symbolKinds: Readonly<Record<DocumentSymbolKind, SymbolKind>> = {
  resource: SymbolKind.Class,
  section: SymbolKind.Namespace,
  list: SymbolKind.Array,
  item: SymbolKind.Object,
  field: SymbolKind.Property,
};

let cachedTimeZone: string | undefined;

/**
 * The user's time zone: the language server runs on the editor's machine. Asked once, because
 * the first call initialises ICU's time zone data (tens of milliseconds).
 */
function localTimeZone(): string {
  cachedTimeZone ??= Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  return cachedTimeZone;
}

/**
 * Registers hover, code lens, completion, outline, go to definition and the preview request. Each handler works on the current analysis of the
 * document (analysing it now if the latest result is stale) and catches its own failures.
 */
export function registerEditorHandlers(
  connection: Connection,
  documents: TextDocuments<PodlineDocument>,
  analyzer: DocumentAnalyzer,
  settings: SettingsStore,
): void {
  // Pay ICU's time zone initialisation at start-up rather than on the user's first hover.
  setImmediate(() => localTimeZone());

  const contextFor = async (
    uri: string,
    token?: CancellationToken,
  ): Promise<{ context: EditorContext; document: PodlineDocument } | undefined> => {
    const document = documents.get(uri);
    if (!document) return undefined;
    const current = await settings.get(uri);
    // A request the editor has given up on (the user typed on, or moved away) costs nothing more:
    // in a large file its analysis would hold up the requests that are still wanted.
    if (token?.isCancellationRequested || documents.get(uri) !== document) return undefined;
    const analysis = analyzer.current(document, current);
    return {
      document,
      context: {
        lineAt: (offset) => {
          const line = document.getLineRange(document.positionAt(offset).line);
          return { start: document.offsetAt(line.start), text: document.getText(line) };
        },
        analysis,
        settings: current,
        locale: current.locale,
        kubernetesVersion: analysis.kubernetesVersion,
        now: Date.now(),
        localTimeZone: localTimeZone(),
        reportError: reportErrorsOf(connection, uri),
      },
    };
  };

  connection.onHover(async (params: HoverParams, token): Promise<Hover | null> => {
    try {
      const found = await contextFor(params.textDocument.uri, token);
      if (!found) return null;
      const { context, document } = found;
      const result = computeHover(context, document.offsetAt(params.position));
      if (!result) return null;
      return {
        contents: { kind: MarkupKind.Markdown, value: result.markdown },
        range: { start: document.positionAt(result.range.start), end: document.positionAt(result.range.end) },
      };
    } catch (error) {
      logError(connection, 'hover', error, params.textDocument.uri);
      return null;
    }
  });

  connection.onCodeLens(async (params: CodeLensParams, token): Promise<CodeLens[]> => {
    try {
      const found = await contextFor(params.textDocument.uri, token);
      if (!found) return [];
      const { context, document } = found;
      return computeCodeLenses(context).map((lens) => ({
        range: { start: document.positionAt(lens.range.start), end: document.positionAt(lens.range.end) },
        command: {
          title: lens.title,
          command: lens.command ? podlineCommands[lens.command.name] : '',
          arguments: lens.command ? [...lens.command.arguments] : [],
        },
      }));
    } catch (error) {
      logError(connection, 'codeLens', error, params.textDocument.uri);
      return [];
    }
  });

  connection.onDocumentSymbol(async (params, token) => {
    try {
      const found = await contextFor(params.textDocument.uri, token);
      if (!found) return [];
      const { context, document } = found;
      const toSymbol = (item: DocumentSymbolItem): DocumentSymbol => ({
        name: item.name || ' ',
        ...(item.detail ? { detail: item.detail } : {}),
        kind: symbolKinds[item.kind],
        range: { start: document.positionAt(item.range.start), end: document.positionAt(item.range.end) },
        selectionRange: {
          start: document.positionAt(item.selectionRange.start),
          end: document.positionAt(item.selectionRange.end),
        },
        children: item.children.map(toSymbol),
      });
      return computeDocumentSymbols(context).map(toSymbol);
    } catch (error) {
      logError(connection, 'documentSymbol', error, params.textDocument.uri);
      return [];
    }
  });

  connection.onDefinition(async (params, token) => {
    try {
      const found = await contextFor(params.textDocument.uri, token);
      if (!found) return [];
      const { context, document } = found;
      const origin = document.offsetAt(params.position);
      return computeDefinitions(context, origin).map((target): LocationLink => ({
        targetUri: params.textDocument.uri,
        targetRange: {
          start: document.positionAt(target.range.start),
          end: document.positionAt(target.range.end),
        },
        targetSelectionRange: {
          start: document.positionAt(target.selectionRange.start),
          end: document.positionAt(target.selectionRange.end),
        },
      }));
    } catch (error) {
      logError(connection, 'definition', error, params.textDocument.uri);
      return [];
    }
  });

  connection.onRequest(lspRequest(previewRequest), async (params) => {
    try {
      const found = await contextFor(params.uri);
      if (!found) return { ok: false, content: '# The document is not open.\n', version: 0 };
      const { context, document } = found;
      const index =
        typeof params.document === 'number'
          ? params.document
          : params.position
            ? documentIndexAt(context.analysis, document.offsetAt(params.position))
            : undefined;
      const preview =
        index === undefined
          ? previewFile(context.analysis, context.now, context.locale)
          : previewDocument(context.analysis, index, context.now, context.locale);
      return { ok: preview.ok, content: preview.text, version: document.version };
    } catch (error) {
      logError(connection, 'preview', error, params.uri);
      return {
        ok: false,
        content: '# Podline could not compute the preview; see the Podline output.\n',
        version: 0,
      };
    }
  });

  connection.onCompletion(async (params: CompletionParams, token): Promise<CompletionItem[]> => {
    try {
      const found = await contextFor(params.textDocument.uri, token);
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
      logError(connection, 'completion', error, params.textDocument.uri);
      return [];
    }
  });
}
