import type { AnalysisCache } from '../core/analysis/analysisCache';
import { prepareChunks } from '../core/analysis/analyzeDocument';
import { ruleRegistry } from '../core/rules/ruleRegistry';
import type { KubernetesVersion } from '../core/schema/kubernetesVersions';
import type { PodlineSettings } from '../core/settings';
import type { TextChunk } from '../core/yaml/yamlChunks';

/** How long the server works on a large file before it lets other messages (an edit, a hover) through. */
const sliceMs = 25;

/**
 * Parses and checks a file's chunks into its cache a slice at a time, letting other messages
 * through between slices, and stops (false) as soon as the analysis is no longer wanted: a fast
 * typist in a large file never waits for the analysis of a version already replaced.
 * `analyzeDocument` then finds every chunk in the cache.
 */
export async function prepareInSlices(
  chunks: readonly TextChunk[],
  settings: PodlineSettings,
  kubernetesVersion: KubernetesVersion | undefined,
  cache: AnalysisCache,
  stillWanted: () => boolean,
): Promise<boolean> {
  let next = 0;
  while (next < chunks.length) {
    const sliceStart = performance.now();
    while (next < chunks.length && performance.now() - sliceStart < sliceMs) {
      prepareChunks(
        [chunks[next] as TextChunk],
        next < chunks.length - 1,
        settings,
        kubernetesVersion,
        cache,
        ruleRegistry,
        chunks.length - 1 - next,
      );
      next++;
    }
    await new Promise((resolve) => setImmediate(resolve));
    if (!stillWanted()) return false;
  }
  return true;
}
