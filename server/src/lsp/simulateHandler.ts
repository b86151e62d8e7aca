import { fileURLToPath } from 'node:url';
import { ErrorCodes, LSPErrorCodes, ResponseError } from 'vscode-languageserver/node';
import type { CancellationToken, Connection, TextDocuments } from 'vscode-languageserver/node';
import type { PodlineDocument } from './podlineDocument';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { scenarioPathFor } from '../core/simulator';
import type { SimulateDocumentResult } from '../core/simulator/simulateDocument';
import { defaultYamlLimits } from '../core/yaml/parseYamlFile';
import { describeFileProblem, readFileBounded } from '../files/readFileBounded';
import { simulateRequest } from '../protocol/simulateProtocol';
import type { ScenarioSource, SimulateResult } from '../protocol/simulateProtocol';
import { logError } from './logError';
import { lspRequest } from './lspMessages';
import type { SimulateWorkerRequest, SimulateWorkerResponse } from './simulateWorker';
import type { SettingsStore } from './settingsStore';

/** The scenario file beside a manifest on disk (docs/scenarios.md), or undefined for other schemes. */
function scenarioFileFor(uri: string): string | undefined {
  return uri.startsWith('file:') ? scenarioPathFor(fileURLToPath(uri)) : undefined;
}

/** A simulation's heap may grow to this size in its worker before the worker is stopped. */
const WORKER_HEAP_MB = 1536;

/**
 * Runs one simulation on a worker thread, so that hovers and diagnostics keep answering while it
 * runs, and stops the worker when the editor cancels the request (or the simulation outgrows
 * its heap). Resolves with `'cancelled'` after a cancellation.
 */
function simulateInWorker(
  request: SimulateWorkerRequest,
  token: CancellationToken,
): Promise<SimulateDocumentResult | 'cancelled'> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(join(__dirname, 'simulateWorker.js'), {
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    });
    let settled = false;
    const finish = (settle: () => void): void => {
      if (settled) return;
      settled = true;
      cancellation.dispose();
      void worker.terminate();
      settle();
    };
    const cancellation = token.onCancellationRequested(() => finish(() => resolve('cancelled')));
    worker.once('message', (response: SimulateWorkerResponse) =>
      finish(() => (response.ok ? resolve(response.result) : reject(new Error(response.message)))),
    );
    worker.once('error', (error) => finish(() => reject(error)));
    worker.once('exit', (code) =>
      finish(() => reject(new Error(`the simulation stopped before it finished (exit code ${code})`))),
    );
    worker.postMessage(request);
  });
}

/**
 * `podline/simulate`: runs the simulator on an open document, with the scenario sent by the
 * client, or the one beside the manifest, or the defaults. Pure work in the core; this handler
 * only finds the texts and never lets a failure reach the connection.
 */
export function registerSimulateHandler(
  connection: Connection,
  documents: TextDocuments<PodlineDocument>,
  settings: SettingsStore,
): void {
  connection.onRequest(lspRequest(simulateRequest), async (params, token): Promise<SimulateResult> => {
    try {
      // The seed as the CLI takes it: a whole number from 0 to 2^53 - 1; anything else is refused.
      if (params.seed !== undefined && !(Number.isSafeInteger(params.seed) && params.seed >= 0))
        throw new ResponseError(
          ErrorCodes.InvalidParams,
          `seed must be a whole number from 0 to ${Number.MAX_SAFE_INTEGER}`,
        );
      const document = documents.get(params.uri);
      if (!document) return { ok: false, error: { kind: 'notOpen', message: `${params.uri} is not open` } };
      let scenarioText: string | null = typeof params.scenario === 'string' ? params.scenario : null;
      let source: ScenarioSource = scenarioText === null ? 'defaults' : 'params';
      const beside = scenarioText === null ? scenarioFileFor(params.uri) : undefined;
      if (beside) {
        // No scenario beside the manifest: the defaults apply. A scenario that is there but
        // cannot be read (or is not a regular file, or is over the parser's limit) is not hidden
        // behind the defaults: the outer catch logs and reports it.
        const read = await readFileBounded(beside, defaultYamlLimits.maxFileLength);
        if (read.ok) {
          scenarioText = new TextDecoder('utf-8').decode(read.bytes);
          source = 'file';
        } else if (read.problem.kind !== 'notFound') {
          throw new Error(`${beside}: ${describeFileProblem(read.problem)}`);
        }
      }
      const { locale } = await settings.get(params.uri);
      const result = await simulateInWorker(
        {
          text: document.getText(),
          options: {
            ...(typeof params.document === 'number' ? { document: params.document } : {}),
            scenarioText,
            ...(typeof params.seed === 'number' ? { seed: params.seed } : {}),
            locale,
          },
        },
        token,
      );
      if (result === 'cancelled')
        throw new ResponseError(LSPErrorCodes.RequestCancelled, 'the simulation was cancelled');
      if (result.ok) return { ok: true, timeline: result.timeline, scenarioSource: source };
      if (result.error.kind === 'scenario') return { ok: false, error: { ...result.error, source } };
      return { ok: false, error: result.error };
    } catch (error) {
      if (error instanceof ResponseError) throw error;
      logError(connection, 'simulate', error, params.uri);
      return {
        ok: false,
        error: { kind: 'internal', message: error instanceof Error ? error.message : String(error) },
      };
    }
  });
}
