/**
 * The simulation panel's host side: the command, the webview panel, the panel serializer.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { contributedCommands, internalCommands } from '../../server/src/protocol/podlineCommands';
import { simulateRequest } from '../../server/src/protocol/simulateProtocol';
import type { SimulateFailure, SimulateParams } from '../../server/src/protocol/simulateProtocol';
import {
  SIMULATION_VIEW_TYPE,
  parseSource,
  parseWebviewMessage,
  scenarioFileName,
} from '../../server/src/protocol/webviewProtocol';
import type {
  ErrorMessage,
  ExportMessage,
  HostMessage,
  SimulationSource,
  Timeline,
  TimelineMessage,
  WebviewMessage,
} from '../../server/src/protocol/webviewProtocol';
import { lspRequest } from './lspMessages';

/** What the server answers: a timeline, or why there is none (already in the display language). */
export type SimulateOutcome = Timeline | { readonly error: string };

/**
 * Runs one simulation: the manifest's URI, the YAML document (undefined: the server picks the
 * first workload), and the scenario text (undefined: the defaults).
 */
export type SimulateFunction = (
  uri: string,
  documentIndex: number | undefined,
  scenarioText: string | undefined,
) => Promise<SimulateOutcome>;

/** A workload of a file, for the picker. */
export interface WorkloadChoice {
  readonly kind: string;
  readonly name: string | null;
  readonly document: number;
}

/** What the panel needs from the rest of the extension. */
export interface SimulationPanelHost {
  readonly extensionUri: vscode.Uri;
  readonly simulate: SimulateFunction;
  /** The workloads of a file, with their document indexes; undefined when not known. */
  readonly listWorkloads?: (uri: string) => Promise<readonly WorkloadChoice[] | undefined>;
  readonly log: vscode.LogOutputChannel;
}

/** How long the manifest or scenario must be still before the simulation runs again. */
const DEBOUNCE_MS = 400;

/** The language the webview should speak: the `podline.locale` setting, else VS Code's. */
function webviewLocale(): 'en' | 'zh-CN' {
  const setting = vscode.workspace.getConfiguration('podline').get<string>('locale', 'auto');
  if (setting === 'en' || setting === 'zh-CN') return setting;
  return vscode.env.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

function isTimeline(outcome: SimulateOutcome): outcome is Timeline {
  return !('error' in outcome);
}

function fileName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1) || uri.toString();
}

/** The scenario file beside a manifest, or undefined for an untitled one. */
export function scenarioUriFor(manifest: vscode.Uri): vscode.Uri | undefined {
  if (manifest.scheme === 'untitled') return undefined;
  return vscode.Uri.joinPath(manifest, '..', scenarioFileName(fileName(manifest)));
}

/**
 * The "Podline: Run Simulation" panel: one per manifest, showing the timeline of one of its
 * workloads. It re-simulates (debounced) when the manifest or its scenario file changes, saves the
 * scenario the panel's form writes, and saves exports. The webview gets data only through
 * `postMessage`, under a strict Content-Security-Policy.
 */
export class SimulationPanel implements vscode.Disposable {
  private static readonly panels = new Map<string, SimulationPanel>();
  private readonly disposables: vscode.Disposable[] = [];
  private ready = false;
  /** The last timeline and the error after it, sent again whenever the webview (re)loads. */
  private lastTimeline: TimelineMessage | undefined;
  private lastError: ErrorMessage | undefined;
  private runNumber = 0;
  private timer: NodeJS.Timeout | undefined;
  private lastWrittenScenario: string | undefined;
  private title: string;

  private constructor(
    private readonly host: SimulationPanelHost,
    private readonly panel: vscode.WebviewPanel,
    private readonly manifest: vscode.Uri,
    private documentIndex: number | undefined,
  ) {
    this.title = fileName(manifest);
    panel.title = vscode.l10n.t('Simulation: {0}', this.title);
    panel.webview.options = SimulationPanel.webviewOptions(host.extensionUri);
    panel.webview.html = SimulationPanel.html(panel.webview, host.extensionUri);
    const scenario = scenarioUriFor(manifest);
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      // A hidden panel's webview is discarded; when it is shown again it says `ready` anew.
      panel.onDidChangeViewState((event) => {
        if (!event.webviewPanel.visible) this.ready = false;
      }),
      panel.webview.onDidReceiveMessage((data: unknown) => this.receive(data)),
      vscode.workspace.onDidChangeTextDocument((event) => {
        const changed = event.document.uri.toString();
        if (changed === manifest.toString() || changed === scenario?.toString()) this.schedule();
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('podline')) this.schedule();
      }),
    );
    if (scenario) {
      const watcher = vscode.workspace.createFileSystemWatcher(
        new vscode.RelativePattern(vscode.Uri.joinPath(scenario, '..'), fileName(scenario)),
      );
      this.disposables.push(
        watcher,
        watcher.onDidCreate(() => this.schedule()),
        watcher.onDidChange(() => this.schedule()),
        watcher.onDidDelete(() => this.schedule()),
      );
    }
    SimulationPanel.panels.set(manifest.toString(), this);
    this.schedule(0);
  }

  /** Shows the panel of a manifest (creating it), simulating document `documentIndex`. */
  static show(
    host: SimulationPanelHost,
    manifest: vscode.Uri,
    documentIndex: number | undefined,
  ): SimulationPanel {
    const existing = SimulationPanel.panels.get(manifest.toString());
    if (existing) {
      existing.panel.reveal(undefined, true);
      if (documentIndex !== undefined && documentIndex !== existing.documentIndex) {
        existing.documentIndex = documentIndex;
        existing.schedule(0);
      }
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(
      SIMULATION_VIEW_TYPE,
      vscode.l10n.t('Simulation: {0}', fileName(manifest)),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      SimulationPanel.webviewOptions(host.extensionUri),
    );
    return new SimulationPanel(host, panel, manifest, documentIndex);
  }

  /** Restores a panel after a reload from the state its webview saved. */
  static revive(host: SimulationPanelHost, panel: vscode.WebviewPanel, state: unknown): void {
    const source = readSource(state);
    if (!source) {
      panel.dispose();
      return;
    }
    const manifest = vscode.Uri.parse(source.uri);
    SimulationPanel.panels.get(manifest.toString())?.panel.dispose();
    new SimulationPanel(host, panel, manifest, source.documentIndex ?? undefined);
  }

  /** The open panels (for the end-to-end tests). */
  static get open(): readonly SimulationPanel[] {
    return [...SimulationPanel.panels.values()];
  }

  static disposeAll(): void {
    for (const panel of [...SimulationPanel.panels.values()]) panel.panel.dispose();
  }

  /** The timeline or error most recently sent to the webview (for the end-to-end tests). */
  get lastMessage(): HostMessage | undefined {
    return this.lastError ?? this.lastTimeline;
  }

  dispose(): void {
    clearTimeout(this.timer);
    if (SimulationPanel.panels.get(this.manifest.toString()) === this) {
      SimulationPanel.panels.delete(this.manifest.toString());
    }
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
  }

  private static webviewOptions(
    extensionUri: vscode.Uri,
  ): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return {
      enableScripts: true,
      // The webview keeps its view in getState/setState and asks for the timeline again when shown.
      retainContextWhenHidden: false,
      enableFindWidget: true,
      localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'webview')],
    };
  }

  /** The page: the bundled script and stylesheet, a fresh nonce, and nothing else allowed. */
  private static html(webview: vscode.Webview, extensionUri: vscode.Uri): string {
    const nonce = randomBytes(18).toString('base64');
    const asset = (file: string): string =>
      webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', file)).toString();
    const csp = [
      "default-src 'none'",
      `style-src ${webview.cspSource}`,
      `img-src ${webview.cspSource} data:`,
      `font-src ${webview.cspSource}`,
      `script-src 'nonce-${nonce}'`,
    ].join('; ');
    const locale = webviewLocale();
    return `<!DOCTYPE html>
<html lang="${locale}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${asset('main.css')}">
<title>Podline</title>
</head>
<body>
<div id="podline-root"></div>
<script nonce="${nonce}" src="${asset('main.js')}"></script>
</body>
</html>`;
  }

  private post(message: HostMessage): void {
    if (message.type === 'timeline') {
      this.lastTimeline = message;
      this.lastError = undefined;
    } else if (message.type === 'error') {
      this.lastError = message;
    }
    if (this.ready) void this.panel.webview.postMessage(message);
  }

  /** Re-simulates after `delay` ms of quiet. */
  private schedule(delay = DEBOUNCE_MS): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.simulate(), delay);
  }

  /**
   * The scenario's text when it is open in an editor (perhaps unsaved); otherwise undefined, and
   * the server reads the file beside the manifest itself.
   */
  private openScenarioText(): string | undefined {
    const uri = scenarioUriFor(this.manifest);
    return vscode.workspace.textDocuments
      .find((document) => document.uri.toString() === uri?.toString())
      ?.getText();
  }

  private async readScenario(): Promise<string | undefined> {
    const uri = scenarioUriFor(this.manifest);
    if (!uri) return undefined;
    const open = vscode.workspace.textDocuments.find(
      (document) => document.uri.toString() === uri.toString(),
    );
    if (open) return open.getText();
    try {
      return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    } catch {
      return undefined;
    }
  }

  private async simulate(): Promise<void> {
    const run = ++this.runNumber;
    const locale = webviewLocale();
    if (this.lastTimeline) this.post({ type: 'loading', title: this.title, locale });
    try {
      // The server simulates open documents; opening one (without showing it) tells the server.
      await vscode.workspace.openTextDocument(this.manifest);
      const scenario = this.openScenarioText();
      const started = Date.now();
      const outcome = await this.host.simulate(this.manifest.toString(), this.documentIndex, scenario);
      if (run !== this.runNumber) return;
      if (!isTimeline(outcome)) {
        this.host.log.warn(`Simulation of ${this.manifest.toString()} failed: ${outcome.error}`);
        this.post({ type: 'error', title: this.title, locale, message: outcome.error });
        return;
      }
      this.host.log.info(
        `Simulated ${outcome.kind} ${outcome.name} in ${Date.now() - started} ms: ${outcome.pods.length} pods, ${outcome.summary.outcome}.`,
      );
      this.title = `${outcome.kind} ${outcome.name}`;
      this.panel.title = vscode.l10n.t('Simulation: {0}', outcome.name);
      const source: SimulationSource = {
        uri: this.manifest.toString(),
        documentIndex: this.documentIndex ?? null,
      };
      this.post({ type: 'timeline', timeline: outcome, title: this.title, locale, host: 'vscode', source });
    } catch (error) {
      if (run !== this.runNumber) return;
      this.host.log.error(`Simulation of ${this.manifest.toString()} failed: ${String(error)}`);
      this.post({ type: 'error', title: this.title, locale, message: String(error) });
    }
  }

  private receive(data: unknown): void {
    const message = parseWebviewMessage(data);
    if (!message) {
      this.host.log.warn('The simulation panel sent a message that is not part of the protocol.');
      return;
    }
    void this.handle(message).catch((error: unknown) => {
      this.host.log.error(`The simulation panel's ${message.type} request failed: ${String(error)}`);
      void vscode.window.showErrorMessage(vscode.l10n.t('Podline: {0}', String(error)));
    });
  }

  private async handle(message: WebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        if (this.lastTimeline) void this.panel.webview.postMessage(this.lastTimeline);
        if (this.lastError) void this.panel.webview.postMessage(this.lastError);
        return;
      case 'scenario':
        return this.saveScenario(message.yaml);
      case 'openScenario':
        return this.openScenario();
      case 'export':
        return this.saveExport(message);
    }
  }

  private async saveScenario(yaml: string): Promise<void> {
    const uri = scenarioUriFor(this.manifest);
    if (!uri) {
      void vscode.window.showWarningMessage(
        vscode.l10n.t('Save the manifest first: its scenario is kept beside it.'),
      );
      return;
    }
    const current = await this.readScenario();
    if (
      current !== undefined &&
      current !== this.lastWrittenScenario &&
      current.trim() !== '' &&
      current !== yaml
    ) {
      const replace = vscode.l10n.t('Replace');
      const answer = await vscode.window.showWarningMessage(
        vscode.l10n.t('{0} already exists. Replace it with the scenario from the panel?', fileName(uri)),
        { modal: true },
        replace,
      );
      if (answer !== replace) return;
    }
    const open = vscode.workspace.textDocuments.find(
      (document) => document.uri.toString() === uri.toString(),
    );
    if (open) {
      const edit = new vscode.WorkspaceEdit();
      edit.replace(uri, new vscode.Range(0, 0, open.lineCount, 0), yaml);
      await vscode.workspace.applyEdit(edit);
      await open.save();
    } else {
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(yaml));
    }
    this.lastWrittenScenario = yaml;
    this.host.log.info(`Saved the scenario ${uri.toString()}.`);
    this.post({ type: 'scenarioSaved', path: vscode.workspace.asRelativePath(uri) });
    this.schedule(0);
  }

  private async openScenario(): Promise<void> {
    const uri = scenarioUriFor(this.manifest);
    if (!uri) {
      void vscode.window.showWarningMessage(
        vscode.l10n.t('Save the manifest first: its scenario is kept beside it.'),
      );
      return;
    }
    if ((await this.readScenario()) === undefined) {
      const header = '# A Podline simulation scenario (see docs/scenarios.md).\n';
      const document = this.documentIndex === undefined ? '' : `document: ${this.documentIndex}\n`;
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(`${header}${document}`));
    }
    await vscode.window.showTextDocument(uri, { viewColumn: vscode.ViewColumn.One, preview: false });
  }

  private async saveExport(message: ExportMessage): Promise<void> {
    const filters: Record<string, string[]> = {
      svg: { [vscode.l10n.t('SVG image')]: ['svg'] },
      png: { [vscode.l10n.t('PNG image')]: ['png'] },
      json: { [vscode.l10n.t('Timeline JSON')]: ['json'] },
    }[message.format];
    const safeName = message.fileName.replace(/[\\/:*?"<>|]+/g, '-');
    const defaultUri =
      this.manifest.scheme === 'untitled' ? undefined : vscode.Uri.joinPath(this.manifest, '..', safeName);
    const target = await vscode.window.showSaveDialog({
      defaultUri,
      filters,
      title: vscode.l10n.t('Export the timeline'),
    });
    if (!target) return;
    const bytes =
      message.format === 'png'
        ? Uint8Array.from(Buffer.from(message.data, 'base64'))
        : new TextEncoder().encode(message.data);
    await vscode.workspace.fs.writeFile(target, bytes);
    this.host.log.info(`Exported the timeline to ${target.toString()}.`);
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Saved {0}.', vscode.workspace.asRelativePath(target)),
    );
  }
}

/** The manifest a restored panel showed, from the state its webview saved. */
function readSource(state: unknown): SimulationSource | null {
  if (typeof state !== 'object' || state === null) return null;
  return parseSource((state as { source?: unknown }).source);
}

/** Restores simulation panels after VS Code reloads. */
class SimulationPanelSerializer implements vscode.WebviewPanelSerializer {
  constructor(private readonly host: SimulationPanelHost) {}

  deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    SimulationPanel.revive(this.host, panel, state);
    return Promise.resolve();
  }
}

/**
 * The command's argument: a URI (editor title bar, explorer), `{ document, uri? }` (the code lens),
 * or nothing (the palette: the active editor).
 */
function readArgument(argument: unknown): { uri: vscode.Uri | undefined; document: number | undefined } {
  const active = vscode.window.activeTextEditor?.document.uri;
  if (argument instanceof vscode.Uri) return { uri: argument, document: undefined };
  if (typeof argument === 'object' && argument !== null) {
    const { uri, document } = argument as { uri?: unknown; document?: unknown };
    return {
      uri: typeof uri === 'string' ? vscode.Uri.parse(uri) : active,
      document: typeof document === 'number' && Number.isInteger(document) ? document : undefined,
    };
  }
  return { uri: active, document: undefined };
}

/** "Podline: Run Simulation": opens the panel, asking which workload when the file has several. */
export async function runSimulation(host: SimulationPanelHost, argument: unknown): Promise<void> {
  const { uri, document } = readArgument(argument);
  if (!uri) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Open a YAML file with a Job, CronJob or DaemonSet to simulate it.'),
    );
    return;
  }
  let documentIndex = document;
  if (documentIndex === undefined && host.listWorkloads) {
    const workloads = (await host.listWorkloads(uri.toString())) ?? [];
    if (workloads.length === 1) documentIndex = workloads[0]?.document;
    if (workloads.length > 1) {
      const picked = await vscode.window.showQuickPick(
        workloads.map((workload) => ({
          label: `${workload.kind} ${workload.name ?? vscode.l10n.t('(unnamed)')}`,
          description: vscode.l10n.t('document {0}', workload.document + 1),
          document: workload.document,
        })),
        { placeHolder: vscode.l10n.t('Which workload should be simulated?') },
      );
      if (!picked) return;
      documentIndex = picked.document;
    }
  }
  SimulationPanel.show(host, uri, documentIndex);
}

/** Registers the command, the code lens's command and the panel serializer. */
export function registerSimulationPanel(
  context: vscode.ExtensionContext,
  host: Omit<SimulationPanelHost, 'extensionUri'>,
): SimulationPanelHost {
  const full: SimulationPanelHost = { ...host, extensionUri: context.extensionUri };
  const run = (argument?: unknown): Promise<void> => runSimulation(full, argument);
  context.subscriptions.push(
    vscode.commands.registerCommand(contributedCommands.runSimulation, run),
    vscode.commands.registerCommand(internalCommands.simulate, run),
    vscode.window.registerWebviewPanelSerializer(SIMULATION_VIEW_TYPE, new SimulationPanelSerializer(full)),
    { dispose: () => SimulationPanel.disposeAll() },
  );
  return full;
}

const simulateType = lspRequest(simulateRequest);

/** The server's answer as the panel shows it: the timeline, or the reason in one message. */
function describeFailure(failure: SimulateFailure, scenario: string): string {
  if (failure.kind !== 'scenario') return failure.message;
  return failure.errors
    .map((error) =>
      vscode.l10n.t('{0}, line {1}, column {2}: {3}', scenario, error.line, error.column, error.message),
    )
    .join('\n');
}

/**
 * Simulations by the language server (`podline/simulate`). Without a document index the first
 * YAML document is asked for; the server says so when it holds no workload.
 */
export function simulateWithServer(client: LanguageClient): SimulateFunction {
  return async (uri, documentIndex, scenarioText) => {
    const params: SimulateParams =
      scenarioText === undefined
        ? { uri, document: documentIndex ?? 0 }
        : { uri, document: documentIndex ?? 0, scenario: scenarioText };
    const result = await client.sendRequest(simulateType, params);
    if (result.ok) return result.timeline;
    const manifest = vscode.Uri.parse(uri);
    return { error: describeFailure(result.error, scenarioFileName(fileName(manifest))) };
  };
}
