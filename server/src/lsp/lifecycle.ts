import { ErrorCodes, Message, ResponseError } from 'vscode-languageserver/node';
import type { Connection, MessageStrategy } from 'vscode-languageserver/node';

/** Where the connection is in the protocol's lifecycle. */
type Phase = 'waiting' | 'running' | 'shutDown';

/** The method a refused request is routed to, so that the library answers it with our error. */
const refusedMethod = 'podline/lifecycle/refused';

/** Marks a refusal made here; a client that sends `refusedMethod` itself gets MethodNotFound. */
const refusal = Symbol('refusal');

interface Refusal {
  readonly [refusal]: true;
  readonly code: number;
  readonly message: string;
}

/**
 * The LSP lifecycle rules that vscode-languageserver leaves to the server (the specification's
 * "Server lifecycle"): until `initialize`, a request is answered with ServerNotInitialized
 * (-32002) and a notification other than `exit` is dropped; a second `initialize` is an invalid
 * request; after `shutdown`, every request is answered with InvalidRequest (-32600). It sees each
 * message before the library dispatches it (`messageStrategy`), so no handler runs early or late.
 */
export class Lifecycle {
  private phase: Phase = 'waiting';

  /** The connection option that applies the rules. */
  readonly strategy: MessageStrategy = {
    handleMessage: (message, next) => {
      if (Message.isRequest(message)) {
        const refused = this.refuse(message.method);
        // The library's own dispatch answers the refusal, with the request's id.
        if (refused) return next({ ...message, method: refusedMethod, params: refused } as Message);
      } else if (Message.isNotification(message) && this.phase === 'waiting' && message.method !== 'exit') {
        return undefined;
      }
      return next(message);
    },
  };

  /** Answers the requests the strategy refused. */
  register(connection: Connection): void {
    connection.onRequest(refusedMethod, (params: unknown) => {
      if (isRefusal(params)) throw new ResponseError(params.code, params.message);
      throw new ResponseError(ErrorCodes.MethodNotFound, `Unhandled method ${refusedMethod}`);
    });
  }

  /** The error a request gets in the current phase, or undefined when it may run (and moves the phase on). */
  private refuse(method: string): Refusal | undefined {
    switch (this.phase) {
      case 'waiting':
        if (method === 'initialize') {
          this.phase = 'running';
          return undefined;
        }
        return {
          [refusal]: true,
          code: ErrorCodes.ServerNotInitialized,
          message: `The server is not initialized: '${shown(method)}' came before 'initialize'`,
        };
      case 'running':
        if (method === 'initialize') {
          return {
            [refusal]: true,
            code: ErrorCodes.InvalidRequest,
            message: "'initialize' was already sent",
          };
        }
        if (method === 'shutdown') this.phase = 'shutDown';
        return undefined;
      case 'shutDown':
        return {
          [refusal]: true,
          code: ErrorCodes.InvalidRequest,
          message: `The server is shutting down: '${shown(method)}' came after 'shutdown'`,
        };
    }
  }
}

/** A method name as an error message quotes it: bounded, whatever the client sent. */
function shown(method: string): string {
  return method.length > 100 ? `${method.slice(0, 100)}…` : method;
}

function isRefusal(value: unknown): value is Refusal {
  return typeof value === 'object' && value !== null && refusal in value;
}
