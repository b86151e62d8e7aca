import { NotificationType, RequestType } from 'vscode-languageclient/node';
import type { NotificationDefinition, RequestDefinition } from '../../server/src/protocol/defineMessage';

/** The language client's type of one of Podline's requests, with its params and result types. */
export function lspRequest<Params, Result>(
  request: RequestDefinition<Params, Result>,
): RequestType<Params, Result, void> {
  return new RequestType<Params, Result, void>(request.method);
}

/** The language client's type of one of Podline's notifications. */
export function lspNotification<Params>(
  notification: NotificationDefinition<Params>,
): NotificationType<Params> {
  return new NotificationType<Params>(notification.method);
}
