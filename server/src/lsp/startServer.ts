import {
  CodeActionKind,
  createConnection,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import type { InitializeParams, InitializeResult } from 'vscode-languageserver/node';
import { documentStatusNotification } from '../protocol/podlineProtocol';
import { provideCodeActions } from './codeActions';
import { registerCheckFilesHandler } from './checkFilesHandler';
import { WorkspaceFolders } from './workspaceFolders';
import { DocumentAnalyzer } from './documentAnalyzer';
import { registerEditorHandlers } from './editorHandlers';
import { registerSimulateHandler } from './simulateHandler';
import { Lifecycle } from './lifecycle';
import { logError } from './logError';
import { podlineDocuments } from './podlineDocument';
import { lspNotification } from './lspMessages';
import { podlineVersion } from '../version';
import { SettingsStore } from './settingsStore';
import { warmUp } from './warmUp';

const transports = ['--stdio', '--node-ipc', '--socket=', '--pipe=', '--clientProcessId='];

/** Starts the language server on the transport named on the command line. */
export function startServer(argv: readonly string[] = process.argv.slice(2)): void {
  if (!argv.some((arg) => transports.some((transport) => arg.startsWith(transport)))) {
    process.stderr.write(
      'Usage: podline-language-server --stdio | --node-ipc | --socket=<port> | --pipe=<name>\n',
    );
    process.exitCode = 2;
    return;
  }
  const lifecycle = new Lifecycle();
  const connection = createConnection(ProposedFeatures.all, { messageStrategy: lifecycle.strategy });
  lifecycle.register(connection);
  const documents = new TextDocuments(podlineDocuments);
  const settings = new SettingsStore(connection);
  const statusType = lspNotification(documentStatusNotification);
  const analyzer = new DocumentAnalyzer(connection, documents, settings, (status) => {
    void connection
      .sendNotification(statusType, status)
      .catch((error: unknown) => logError(connection, 'status', error));
  });

  const folders = new WorkspaceFolders(connection);
  let folderChanges = false;
  connection.onInitialize((params: InitializeParams): InitializeResult => {
    settings.initialize(params);
    folders.initialize(params);
    folderChanges = params.capabilities.workspace?.workspaceFolders === true;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        hoverProvider: true,
        codeLensProvider: { resolveProvider: false },
        completionProvider: { triggerCharacters: [' ', '"', "'", '/', '@'] },
        documentSymbolProvider: true,
        definitionProvider: true,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'podline-language-server', version: podlineVersion },
    };
  });
  connection.onInitialized(() => {
    settings.registerForChanges();
    folders.listen(folderChanges);
    warmUp(
      () => analyzer.started,
      (feature, error) => logError(connection, `warmUp ${feature}`, error),
    );
  });
  connection.onDidChangeConfiguration(() => {
    settings.clear();
    analyzer.scheduleAll();
  });

  connection.onCodeAction(async (params) => {
    try {
      return await provideCodeActions(params, documents, analyzer, settings, connection);
    } catch (error) {
      logError(connection, 'codeAction', error, params.textDocument.uri);
      return [];
    }
  });

  registerEditorHandlers(connection, documents, analyzer, settings);
  registerCheckFilesHandler(connection, documents, settings, folders);
  registerSimulateHandler(connection, documents, settings);

  documents.onDidOpen((event) => analyzer.schedule(event.document, 0));
  documents.onDidChangeContent((event) => analyzer.schedule(event.document));
  documents.onDidClose((event) => {
    analyzer.forget(event.document.uri);
    settings.forget(event.document.uri);
  });

  documents.listen(connection);
  connection.listen();
}
