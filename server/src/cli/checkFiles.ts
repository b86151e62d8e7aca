import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { PodlineSettings } from '../core/settings';
import { checkFile } from './checkFile';
import type { FileCheck } from './checkFile';
import type { CheckWorkerRequest } from './checkWorker';

/** Below this many files, starting worker threads costs more than it saves. */
const workerThreshold = 64;

/**
 * Checks files in order, on every core when there are many: the files are dealt to worker
 * threads in interleaved batches, and results come back in the original order.
 */
export async function checkFiles(
  cwd: string,
  files: readonly string[],
  settings: PodlineSettings,
  onProgress: (done: number, total: number) => void,
): Promise<FileCheck[]> {
  const workers = Math.min(availableParallelism(), 8);
  if (files.length < workerThreshold || workers < 2) {
    return files.map((path, index) => {
      const result = checkFile(cwd, path, settings);
      onProgress(index + 1, files.length);
      return result;
    });
  }
  const results: (FileCheck | undefined)[] = new Array<FileCheck | undefined>(files.length);
  let done = 0;
  const batches = Array.from({ length: workers }, (_, worker) =>
    files.map((path, index) => ({ index, path })).filter((file) => file.index % workers === worker),
  );
  await Promise.all(
    batches.map(
      (batch) =>
        new Promise<void>((resolve, reject) => {
          const worker = new Worker(join(__dirname, 'checkWorker.js'));
          worker.on('message', (message: { index?: number; result?: FileCheck; done?: boolean }) => {
            if (message.done) {
              void worker.terminate().then(() => resolve());
              return;
            }
            if (message.index !== undefined && message.result) {
              results[message.index] = message.result;
              onProgress(++done, files.length);
            }
          });
          worker.on('error', reject);
          const request: CheckWorkerRequest = { cwd, settings, files: batch };
          worker.postMessage(request);
        }),
    ),
  );
  return results.map(
    (result, index) =>
      result ?? {
        path: files[index] ?? '',
        problem: { kind: 'io', message: 'the worker thread gave no result' },
      },
  );
}
