import * as vscode from 'vscode';
import { State } from 'vscode-languageclient/node';
import { contributedCommands } from '../../server/src/protocol/podlineCommands';
import type { DocumentStatusParams } from '../../server/src/protocol/podlineProtocol';

/**
 * The language status item shown for YAML files: whether the server runs, and what it found in
 * the active document (its workloads, errors and warnings).
 */
export class PodlineStatus implements vscode.Disposable {
  readonly item: vscode.LanguageStatusItem;
  /** The Kubernetes version the active document is validated for; choosing it picks another. */
  readonly versionItem: vscode.LanguageStatusItem;
  private serverState: State = State.Starting;
  private readonly documents = new Map<string, DocumentStatusParams>();
  private activeUri: string | undefined;

  constructor() {
    this.item = vscode.languages.createLanguageStatusItem('podline.status', { language: 'yaml' });
    this.item.name = 'Podline';
    this.item.command = { command: contributedCommands.showOutput, title: vscode.l10n.t('Show Output') };
    this.versionItem = vscode.languages.createLanguageStatusItem('podline.kubernetesVersion', {
      language: 'yaml',
    });
    this.versionItem.name = vscode.l10n.t('Podline: Kubernetes version');
    this.versionItem.command = {
      command: contributedCommands.selectKubernetesVersion,
      title: vscode.l10n.t('Select the Kubernetes version'),
    };
    this.render();
  }

  /** Records the server's state (starting, running, stopped). */
  setServerState(state: State): void {
    this.serverState = state;
    this.render();
  }

  /** Records the server's summary of a document. */
  setDocumentStatus(params: DocumentStatusParams): void {
    this.documents.set(params.uri, params);
    if (params.uri === this.activeUri) this.render();
  }

  /** The workloads the server last reported for a document, for the simulation's picker. */
  workloadsOf(uri: string): { kind: string; name: string | null; document: number }[] {
    return (this.documents.get(uri)?.workloads ?? []).map((workload) => ({ ...workload }));
  }

  /** Shows the summary of the document in the active editor. */
  showFor(document: vscode.TextDocument | undefined): void {
    this.activeUri = document?.uri.toString();
    this.render();
  }

  dispose(): void {
    this.item.dispose();
    this.versionItem.dispose();
  }

  /** Shows the version of the active document, or the setting's when the server has not said. */
  private renderVersion(status: DocumentStatusParams | undefined): void {
    const configured = vscode.workspace.getConfiguration('podline').get<string>('kubernetesVersion') ?? '';
    this.versionItem.text = status?.versionFromComment
      ? vscode.l10n.t('Kubernetes {0} (from the file)', status.kubernetesVersion)
      : vscode.l10n.t('Kubernetes {0}', status?.kubernetesVersion ?? configured);
  }

  private render(): void {
    this.renderVersion(this.activeUri ? this.documents.get(this.activeUri) : undefined);
    this.item.busy = this.serverState === State.Starting;
    if (this.serverState === State.Stopped) {
      this.item.text = vscode.l10n.t('Podline stopped');
      this.item.detail = vscode.l10n.t('The language server is not running');
      this.item.severity = vscode.LanguageStatusSeverity.Error;
      return;
    }
    if (this.serverState === State.Starting) {
      this.item.text = vscode.l10n.t('Podline starting');
      this.item.detail = '';
      this.item.severity = vscode.LanguageStatusSeverity.Information;
      return;
    }
    const status = this.activeUri ? this.documents.get(this.activeUri) : undefined;
    this.item.severity =
      status && status.errors > 0
        ? vscode.LanguageStatusSeverity.Warning
        : vscode.LanguageStatusSeverity.Information;
    if (!status) {
      this.item.text = vscode.l10n.t('Podline ready');
      this.item.detail = '';
    } else if (status.state === 'skipped') {
      this.item.text = vscode.l10n.t('Podline: not analysed');
      this.item.detail = vscode.l10n.t('The file is too large or not text');
    } else if (status.workloads.length === 0) {
      this.item.text = vscode.l10n.t('Podline: no workloads');
      this.item.detail = vscode.l10n.t('No Job, CronJob or DaemonSet in this file');
    } else {
      const names = status.workloads.map((workload) => `${workload.kind} ${workload.name ?? '?'}`);
      const version = status.versionFromComment
        ? vscode.l10n.t('Kubernetes {0} (from the file)', status.kubernetesVersion)
        : vscode.l10n.t('Kubernetes {0}', status.kubernetesVersion);
      this.item.text = `Podline: ${names.length === 1 ? (names[0] ?? '') : vscode.l10n.t('{0} workloads', names.length)} · ${version}`;
      this.item.detail = vscode.l10n.t('{0} errors, {1} warnings', status.errors, status.warnings);
    }
  }
}
