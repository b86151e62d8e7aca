import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { previewRequest, previewScheme } from '../../server/src/protocol/previewProtocol';
import type { PreviewCommandArgument } from '../../server/src/protocol/previewProtocol';
import { lspRequest } from './lspMessages';

const previewType = lspRequest(previewRequest);

/** What a preview URI's query carries: the source document and which YAML document of it. */
interface PreviewQuery {
  readonly uri: string;
  readonly document?: number;
  readonly position?: { readonly line: number; readonly character: number };
}

/**
 * "Podline: Preview Created Objects": a read-only virtual YAML document with what the
 * controllers would create, computed by the server and refreshed as the manifest changes.
 */
export class PreviewDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly open = new Map<string, vscode.Uri>();
  private readonly subscriptions: vscode.Disposable[];
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly client: LanguageClient) {
    this.subscriptions = [
      vscode.workspace.registerTextDocumentContentProvider(previewScheme, this),
      vscode.workspace.onDidChangeTextDocument((event) => this.sourceChanged(event.document.uri.toString())),
    ];
  }

  /** Opens the preview of the given document, or of the one under the cursor. */
  async show(argument?: PreviewCommandArgument): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    const source = argument?.uri ?? editor?.document.uri.toString();
    if (!source) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t('Open a YAML file with a Job, CronJob or DaemonSet first.'),
      );
      return;
    }
    const query: PreviewQuery =
      typeof argument?.document === 'number'
        ? { uri: source, document: argument.document }
        : editor && editor.document.uri.toString() === source
          ? {
              uri: source,
              position: { line: editor.selection.active.line, character: editor.selection.active.character },
            }
          : { uri: source };
    const name = vscode.Uri.parse(source).path.split('/').pop() ?? 'manifest.yaml';
    const uri = vscode.Uri.from({
      scheme: previewScheme,
      path: `/${name.replace(/\.ya?ml$/i, '')}.created-objects.yaml`,
      query: JSON.stringify(query),
    });
    this.open.set(uri.toString(), uri);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.languages.setTextDocumentLanguage(document, 'yaml');
    await vscode.window.showTextDocument(document, {
      viewColumn: vscode.ViewColumn.Beside,
      preview: true,
      preserveFocus: true,
    });
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    let query: PreviewQuery;
    try {
      query = JSON.parse(uri.query) as PreviewQuery;
    } catch {
      return `# ${vscode.l10n.t('This preview link is not valid.')}\n`;
    }
    const result = await this.client.sendRequest(previewType, query);
    return result.content;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.changed.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
  }

  private sourceChanged(source: string): void {
    const affected = [...this.open.values()].filter((uri) => uri.query.includes(JSON.stringify(source)));
    if (affected.length === 0) return;
    // Wait until typing pauses, as the server does before analysing.
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => affected.forEach((uri) => this.changed.fire(uri)), 300);
  }
}
