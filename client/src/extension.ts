/**
 * The VS Code side of Podline: starts the language server, shows its state, and registers the
 * commands. It never parses YAML itself; everything it shows comes from the server.
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind } from 'vscode-languageclient/node';
import type { LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import { documentStatusNotification } from '../../server/src/protocol/podlineProtocol';
import { checkWorkspace } from './checkWorkspace';
import { lspNotification } from './lspMessages';
import { selectKubernetesVersion } from './kubernetesVersionPicker';
import { PodlineStatus } from './podlineStatus';
import { PreviewDocuments } from './previewDocument';
import { registerSimulationPanel, SimulationPanel, simulateWithServer } from './simulationPanel';
import { contributedCommands } from '../../server/src/protocol/podlineCommands';
import type { PreviewCommandArgument } from '../../server/src/protocol/previewProtocol';

/** What `activate` returns: the pieces the end-to-end tests inspect. */
export interface PodlineApi {
  readonly outputChannel: vscode.LogOutputChannel;
  readonly languageStatus: vscode.LanguageStatusItem;
  /** What the open simulation panels last showed: the manifest, and the timeline's summary or the error. */
  simulationPanels(): {
    readonly title: string;
    readonly outcome: string | null;
    readonly error: string | null;
  }[];
}

let client: LanguageClient | undefined;

/** Starts Podline when the first YAML file opens. */
export async function activate(context: vscode.ExtensionContext): Promise<PodlineApi> {
  const outputChannel = vscode.window.createOutputChannel('Podline', { log: true });
  const status = new PodlineStatus();
  context.subscriptions.push(outputChannel, status);

  const serverModule = context.asAbsolutePath('dist/server/languageServer.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: {
      module: serverModule,
      transport: TransportKind.ipc,
      options: { execArgv: ['--nolazy', '--inspect=6011'] },
    },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'yaml' },
      { scheme: 'untitled', language: 'yaml' },
    ],
    outputChannel,
    initializationOptions: { locale: vscode.env.language },
  };
  const languageClient = new LanguageClient('podline', 'Podline', serverOptions, clientOptions);
  client = languageClient;

  const previews = new PreviewDocuments(languageClient);
  registerSimulationPanel(context, {
    log: outputChannel,
    simulate: simulateWithServer(languageClient),
    listWorkloads: (uri) => Promise.resolve(status.workloadsOf(uri)),
  });
  context.subscriptions.push(
    previews,
    vscode.commands.registerCommand(
      contributedCommands.previewCreatedObjects,
      (argument?: PreviewCommandArgument) => previews.show(argument),
    ),
    languageClient.onDidChangeState((event) => status.setServerState(event.newState)),
    languageClient.onNotification(lspNotification(documentStatusNotification), (params) =>
      status.setDocumentStatus(params),
    ),
    vscode.window.onDidChangeActiveTextEditor((editor) => status.showFor(editor?.document)),
    vscode.commands.registerCommand(contributedCommands.showOutput, () => outputChannel.show(true)),
    vscode.commands.registerCommand(contributedCommands.checkWorkspace, () =>
      checkWorkspace(languageClient, outputChannel),
    ),
    vscode.commands.registerCommand(contributedCommands.selectKubernetesVersion, (version?: unknown) =>
      selectKubernetesVersion(context.extension, version),
    ),
    vscode.commands.registerCommand(contributedCommands.restartServer, async () => {
      outputChannel.info('Restarting the Podline language server.');
      await languageClient.restart();
    }),
  );

  try {
    await languageClient.start();
    outputChannel.info('Podline language server started.');
  } catch (error) {
    outputChannel.error(`The Podline language server failed to start: ${String(error)}`);
  }
  status.showFor(vscode.window.activeTextEditor?.document);
  return {
    outputChannel,
    languageStatus: status.item,
    simulationPanels: () =>
      SimulationPanel.open.map((panel) => {
        const message = panel.lastMessage;
        return {
          title: message?.type === 'timeline' ? message.title : '',
          outcome: message?.type === 'timeline' ? message.timeline.summary.outcome : null,
          error: message?.type === 'error' ? message.message : null,
        };
      }),
  };
}

/** Stops the language server when VS Code unloads the extension. */
export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
