/**
 * A worker thread of `podline check`: analyses the files it is sent and posts each result back,
 * so that a large folder uses every core.
 */
import { parentPort } from 'node:worker_threads';
import type { PodlineSettings } from '../core/settings';
import { checkFile } from './checkFile';

/** A batch of files for a worker. */
export interface CheckWorkerRequest {
  readonly cwd: string;
  readonly settings: PodlineSettings;
  readonly files: readonly { readonly index: number; readonly path: string }[];
}

parentPort?.on('message', (request: CheckWorkerRequest) => {
  for (const file of request.files) {
    parentPort?.postMessage({
      index: file.index,
      result: checkFile(request.cwd, file.path, request.settings),
    });
  }
  parentPort?.postMessage({ done: true });
});
