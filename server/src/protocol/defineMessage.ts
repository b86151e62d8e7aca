/**
 * How Podline declares a message of its own protocol: one constant per request or notification,
 * carrying the method name and, as types only, its params and result. Both sides turn the
 * constant into their LSP library's message type with a one-line adapter
 * (`server/src/lsp/lspMessages.ts`, `client/src/lspMessages.ts`), so no call site repeats a type
 * parameter and a change of a params or result type reaches every side through the compiler.
 * This module imports no library, so the webview and the core's tests can use it too.
 */

/** Carries the types of a message; it is never set at run time. */
declare const messageTypes: unique symbol;

/** A client → server request with its params and result types. */
export interface RequestDefinition<Params, Result> {
  readonly kind: 'request';
  readonly method: string;
  readonly [messageTypes]?: { readonly params: Params; readonly result: Result };
}

/** A notification (either direction) with its params type. */
export interface NotificationDefinition<Params> {
  readonly kind: 'notification';
  readonly method: string;
  readonly [messageTypes]?: { readonly params: Params };
}

/** The params type of a request or notification constant. */
export type ParamsOf<Message> =
  Message extends RequestDefinition<infer Params, unknown>
    ? Params
    : Message extends NotificationDefinition<infer Params>
      ? Params
      : never;

/** The result type of a request constant. */
export type ResultOf<Message> = Message extends RequestDefinition<unknown, infer Result> ? Result : never;

/** Declares a request: `defineRequest<SimulateParams, SimulateResult>('podline/simulate')`. */
export function defineRequest<Params, Result>(method: string): RequestDefinition<Params, Result> {
  return { kind: 'request', method };
}

/** Declares a notification: `defineNotification<DocumentStatusParams>('podline/documentStatus')`. */
export function defineNotification<Params>(method: string): NotificationDefinition<Params> {
  return { kind: 'notification', method };
}
