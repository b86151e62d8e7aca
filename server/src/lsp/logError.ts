import type { Connection } from 'vscode-languageserver/node';

/** Logs a handler's failure through the connection, so it never reaches the transport as a crash. */
export function logError(connection: Connection, where: string, error: unknown): void {
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  connection.console.error(`[${where}] ${detail}`);
}
