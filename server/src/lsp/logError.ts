import type { Connection } from 'vscode-languageserver/node';

/**
 * Logs a handler's or a feature's failure through the connection, so it never reaches the
 * transport as a crash and is never lost either: the feature, the document's URI when there is
 * one, and the stack.
 */
export function logError(
  connection: Pick<Connection, 'console'>,
  where: string,
  error: unknown,
  uri?: string,
): void {
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  connection.console.error(`[${where}]${uri === undefined ? '' : ` ${uri}:`} ${detail}`);
}

/** The core's `ReportError` for one document: each report is logged with the feature and the URI. */
export function reportErrorsOf(
  connection: Pick<Connection, 'console'>,
  uri: string,
): (feature: string, error: unknown) => void {
  return (feature, error) => logError(connection, feature, error, uri);
}
