import { fileURLToPath } from 'node:url';
import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { PodlineDocument } from './podlineDocument';
import { analyzeDocument } from '../core/analysis/analyzeDocument';
import { describeFileProblem, readFileBounded } from '../files/readFileBounded';
import { checkFilesRequest } from '../protocol/podlineProtocol';
import { logError } from './logError';
import { lspRequest } from './lspMessages';
import type { SettingsStore } from './settingsStore';
import type { WorkspaceFolders } from './workspaceFolders';
import { toDiagnostic } from './toDiagnostic';

/**
 * "Podline: Check Workspace": the client sends batches of file URIs; each file that is not open
 * in an editor is read from disk, analysed, and its diagnostics published, so the Problems panel
 * covers the whole workspace. Open documents already have current diagnostics.
 */
export function registerCheckFilesHandler(
  connection: Connection,
  documents: TextDocuments<PodlineDocument>,
  settings: SettingsStore,
  folders: WorkspaceFolders,
): void {
  connection.onRequest(lspRequest(checkFilesRequest), async (params, token) => {
    let checked = 0;
    let errors = 0;
    let warnings = 0;
    let unreadable = 0;
    for (const uri of Array.isArray(params.uris) ? params.uris : []) {
      if (token.isCancellationRequested) break;
      if (typeof uri !== 'string' || documents.get(uri)) continue;
      const fileSettings = await settings.get(uri);
      const text = await readWorkspaceFile(uri, fileSettings.maxFileSize, folders);
      if (typeof text !== 'string') {
        // A file deleted, locked or refused since the client listed it is a fact about the
        // workspace, counted in the result the client shows; not a failure of Podline.
        unreadable++;
        connection.console.warn(`[checkFiles] ${uri}: not read (${text.reason})`);
        continue;
      }
      try {
        const document = TextDocument.create(uri, 'yaml', 0, text);
        const result = analyzeDocument(text, fileSettings);
        errors += result.findings.filter((finding) => finding.severity === 'error').length;
        warnings += result.findings.filter((finding) => finding.severity === 'warning').length;
        await connection.sendDiagnostics({
          uri,
          diagnostics: result.findings.map((finding) => toDiagnostic(finding, document)),
        });
        checked++;
      } catch (error) {
        unreadable++;
        logError(connection, 'checkFiles', error, uri);
      }
    }
    return { checked, errors, warnings, unreadable };
  });
}

/**
 * The text of a `file:` URI, or why it was not read: only a regular file inside a workspace
 * folder and within `podline.maxFileSize` is read, so a FIFO or a link to a device never blocks or floods the server.
 */
async function readWorkspaceFile(
  uri: string,
  limit: number,
  folders: WorkspaceFolders,
): Promise<string | { reason: string }> {
  let path: string;
  try {
    path = fileURLToPath(uri);
  } catch (error) {
    return { reason: error instanceof Error ? error.message : String(error) };
  }
  if (!(await folders.contains(path))) return { reason: 'not inside a workspace folder (links resolved)' };
  const read = await readFileBounded(path, limit);
  return read.ok
    ? new TextDecoder('utf-8').decode(read.bytes)
    : { reason: describeFileProblem(read.problem) };
}
