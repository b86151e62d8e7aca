/**
 * The protocol tests' adapter from Podline's message constants to the JSON-RPC library's types:
 * the test client is a third side of the protocol, on its own copy of the library.
 */
import { NotificationType, RequestType } from 'vscode-languageserver-protocol/node';
import type { NotificationDefinition, RequestDefinition } from '../../server/src/protocol/defineMessage';

/** The JSON-RPC type of one of Podline's requests. */
export function lspRequest<Params, Result>(
  request: RequestDefinition<Params, Result>,
): RequestType<Params, Result, void> {
  return new RequestType<Params, Result, void>(request.method);
}

/** The JSON-RPC type of one of Podline's notifications. */
export function lspNotification<Params>(
  notification: NotificationDefinition<Params>,
): NotificationType<Params> {
  return new NotificationType<Params>(notification.method);
}
