import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { checkFilesRequest } from '../../server/src/protocol/podlineProtocol';
import { lspRequest } from './lspMessages';

const batchSize = 50;
const checkFilesType = lspRequest(checkFilesRequest);

/**
 * "Podline: Check Workspace": finds every YAML file of the workspace and has the server check
 * them in batches, with a cancellable progress notification; results go to the Problems panel.
 */
export async function checkWorkspace(client: LanguageClient, log: vscode.LogOutputChannel): Promise<void> {
  const files = await vscode.workspace.findFiles('**/*.{yaml,yml}', '{**/node_modules/**,**/.git/**}');
  const totals = { checked: 0, errors: 0, warnings: 0, unreadable: 0 };
  await vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: vscode.l10n.t('Podline: checking the workspace'),
      cancellable: true,
    },
    async (progress, token) => {
      for (let start = 0; start < files.length && !token.isCancellationRequested; start += batchSize) {
        const uris = files.slice(start, start + batchSize).map((uri) => uri.toString());
        const result = await client.sendRequest(checkFilesType, { uris }, token);
        totals.checked += result.checked;
        totals.errors += result.errors;
        totals.warnings += result.warnings;
        totals.unreadable += result.unreadable;
        progress.report({
          increment: (uris.length / Math.max(files.length, 1)) * 100,
          message: vscode.l10n.t('{0} of {1} files', Math.min(start + batchSize, files.length), files.length),
        });
      }
    },
  );
  const summary = vscode.l10n.t(
    'Podline checked {0} files: {1} errors, {2} warnings.',
    totals.checked,
    totals.errors,
    totals.warnings,
  );
  log.info(summary);
  void vscode.window.showInformationMessage(summary);
}
