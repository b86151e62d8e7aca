/**
 * A worker thread of the language server that runs one simulation. A simulation may take
 * seconds (a year of CronJob runs, a rollout over thousands of nodes); run on the server's own
 * thread it would hold up every hover and diagnostic meanwhile. The server starts one worker
 * per request and terminates it when the editor cancels the request.
 */
import { parentPort } from 'node:worker_threads';
import { simulateDocument } from '../core/simulator';
import type { SimulateDocumentOptions, SimulateDocumentResult } from '../core/simulator/simulateDocument';

/** What the server sends the worker. */
export interface SimulateWorkerRequest {
  readonly text: string;
  readonly options: Pick<SimulateDocumentOptions, 'document' | 'scenarioText' | 'seed' | 'locale'>;
}

/** What the worker sends back: the result, or the message of what it threw. */
export type SimulateWorkerResponse =
  | { readonly ok: true; readonly result: SimulateDocumentResult }
  | { readonly ok: false; readonly message: string };

parentPort?.once('message', (request: SimulateWorkerRequest) => {
  let response: SimulateWorkerResponse;
  try {
    response = { ok: true, result: simulateDocument(request.text, request.options) };
  } catch (error) {
    response = {
      ok: false,
      message: error instanceof Error ? (error.stack ?? error.message) : String(error),
    };
  }
  parentPort?.postMessage(response);
});
