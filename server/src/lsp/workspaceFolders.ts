/**
 * The workspace folders the client opened, so that `podline/checkFiles` reads only inside them.
 * A request could otherwise name `file:///etc/shadow`, a `..` path or a symbolic link in the
 * tree that points out of it. Paths are compared after resolving links (realpath), folder by
 * folder; with no folder open, nothing is read from disk.
 */

import { realpath } from 'node:fs/promises';
import { sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Connection, InitializeParams, WorkspaceFolder } from 'vscode-languageserver/node';

export class WorkspaceFolders {
  private uris = new Set<string>();

  constructor(private readonly connection: Connection) {}

  /** The folders of `initialize`: `workspaceFolders`, else the deprecated `rootUri`. */
  initialize(params: InitializeParams): void {
    const folders: readonly WorkspaceFolder[] = params.workspaceFolders ?? [];
    this.uris = new Set(folders.map((folder) => folder.uri));
    if (this.uris.size === 0 && typeof params.rootUri === 'string') this.uris.add(params.rootUri);
  }

  /** Follows the client's folder changes; call once the connection is initialized. */
  listen(supportsChanges: boolean): void {
    if (!supportsChanges) return;
    this.connection.workspace.onDidChangeWorkspaceFolders((event) => {
      for (const removed of event.removed) this.uris.delete(removed.uri);
      for (const added of event.added) this.uris.add(added.uri);
    });
  }

  /** Whether the file at `path`, links resolved, lies inside one of the folders. */
  async contains(path: string): Promise<boolean> {
    let real: string;
    try {
      real = await realpath(path);
    } catch {
      // A file that does not exist is outside every folder as far as reading goes; the
      // caller's read says what it is.
      return false;
    }
    for (const uri of this.uris) {
      let folder: string;
      try {
        folder = await realpath(fileURLToPath(uri));
      } catch {
        continue;
      }
      if (real === folder || real.startsWith(folder.endsWith(sep) ? folder : folder + sep)) return true;
    }
    return false;
  }
}
