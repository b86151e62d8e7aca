import { parentPort } from 'node:worker_threads';
import { AnalysisCache } from '../core/analysis/analysisCache';
import { prepareChunks } from '../core/analysis/analyzeDocument';
import type { PrepareReply, PrepareRequest } from './parallelAnalysis';

// The second thread of a large file's first analysis (see `parallelAnalysis.ts`): it parses and
// checks the chunks it is given and answers twice, first with what the diagnostics need (the
// problems and findings, small), then with the models the editor features need (large, and
// slower to copy between threads).
parentPort?.on('message', (request: PrepareRequest) => {
  const reply = (message: PrepareReply): void => parentPort?.postMessage(message);
  try {
    const chunks = request.ranges.map(([start, end]) => ({
      offset: start,
      text: request.text.slice(start, end),
    }));
    const prepared = prepareChunks(
      request.text,
      chunks,
      0,
      false,
      request.settings,
      request.kubernetesVersion,
      new AnalysisCache(),
    );
    reply({
      id: request.id,
      kind: 'findings',
      chunks: prepared.map((chunk) => ({
        yaml: {
          ...chunk.yaml,
          documents: chunk.yaml.documents.map((document) => ({ ...document, root: null })),
        },
        workloads: [],
        findings: chunk.findings,
      })),
    });
    reply({ id: request.id, kind: 'models', chunks: prepared });
  } catch (error) {
    reply({ id: request.id, kind: 'failed', detail: error instanceof Error ? error.message : String(error) });
  }
});
