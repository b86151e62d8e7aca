import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { AnalysisCache, ChunkAnalysis } from '../core/analysis/analysisCache';
import { moveChunk } from '../core/analysis/analysisCache';
import { assembleAnalysis, prepareChunks } from '../core/analysis/analyzeDocument';
import type { AnalysisResult } from '../core/analysis/analyzeDocument';
import { ruleRegistry } from '../core/rules/ruleRegistry';
import type { KubernetesVersion } from '../core/schema/kubernetesVersions';
import type { PodlineSettings } from '../core/settings';
import { splitYamlDocuments } from '../core/yaml/yamlChunks';
import type { TextChunk } from '../core/yaml/yamlChunks';

/** What the main thread asks the analysis worker: parse and check these stretches of the text. */
export interface PrepareRequest {
  readonly id: number;
  readonly text: string;
  /** [start, end) offsets of consecutive chunks; the last one ends the file. */
  readonly ranges: readonly (readonly [number, number])[];
  readonly settings: PodlineSettings;
  readonly kubernetesVersion: KubernetesVersion;
}

/** The worker's answers; chunk document indexes count from 0 at the first chunk it was given. */
export type PrepareReply =
  | { readonly id: number; readonly kind: 'findings' | 'models'; readonly chunks: ChunkAnalysis[] }
  | { readonly id: number; readonly kind: 'failed'; readonly detail: string };

/** Files at least this long are analysed on two threads the first time. */
export const parallelMinimumLength = 512 * 1024;

/**
 * The first analysis of a large file on two threads: this one parses and checks the first half
 * of the file's documents while a worker thread does the second half. The findings come back
 * first and are published at once; the worker's models follow and go into the file's cache, so
 * that the final `analyzeDocument` finds every document there and returns exactly what a
 * single thread would have.
 */
export class ParallelAnalysis {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, (reply: PrepareReply) => void>();
  private busy = false;

  constructor(private readonly workerPath = join(__dirname, 'analysisWorker.js')) {}

  /**
   * Whether a file is worth two threads: long, split into many documents, analysed for the
   * first time, with no version comment (whose effect on every document is known only once the
   * whole file is parsed), and the worker free.
   */
  suits(text: string, cache: AnalysisCache): boolean {
    return !this.busy && text.length >= parallelMinimumLength && cache.empty && !text.includes('podline');
  }

  /**
   * Analyses `text` on two threads. `publish` receives the findings as soon as both halves are
   * checked, then the result is returned once the worker's models are in the cache. Undefined
   * when the file cannot be split or the worker fails: the caller then analyses it on one thread.
   */
  async analyze(
    text: string,
    settings: PodlineSettings,
    cache: AnalysisCache,
    stillWanted: () => boolean,
    publish: (findings: AnalysisResult) => Promise<void>,
    analyzeWithCache: () => AnalysisResult,
  ): Promise<AnalysisResult | undefined> {
    const chunks = splitYamlDocuments(text);
    if (!chunks || chunks.length < 8) return undefined;
    const split = splitPoint(chunks);
    const theirs = chunks.slice(split);
    const version = settings.kubernetesVersion;
    this.busy = true;
    try {
      const { findings, models } = this.send(text, theirs, settings, version);
      const ours = await prepareInSlices(
        text,
        chunks.slice(0, split),
        true,
        settings,
        version,
        cache,
        stillWanted,
      );
      if (!ours) return undefined;
      const ourDocuments = ours.reduce((sum, chunk) => sum + chunk.yaml.documents.length, 0);

      const light = await findings;
      if (light.kind === 'failed' || !stillWanted()) return undefined;
      // A quoted scalar left open reads past a `---`: the file is then parsed whole, on one thread.
      if ([...ours, ...light.chunks].some((chunk) => chunk.yaml.crossesMarker)) return undefined;
      for (const chunk of light.chunks) moveChunk(chunk, 0, ourDocuments);
      const early = assembleAnalysis(text, settings, ruleRegistry, [...ours, ...light.chunks]);
      // A template marker is judged with the quoted strings of the models, which the early
      // findings lack: such a file waits for the models.
      if (!early.findings.some((finding) => finding.code === 'file/template')) await publish(early);

      const heavy = await models;
      if (heavy.kind === 'failed') return undefined;
      // Kept even when the user has typed meanwhile: the cache moves each document to where the
      // next version has it, and reparses only the one that changed.
      let documentIndex = 0;
      heavy.chunks.forEach((analysis, index) => {
        const chunk = theirs[index] as TextChunk;
        const beforeMarker = index < theirs.length - 1;
        const prepared = { offset: chunk.offset, documentIndex, beforeMarker };
        const at = { offset: chunk.offset, documentIndex: ourDocuments + documentIndex, beforeMarker };
        documentIndex += analysis.yaml.documents.length;
        cache.adopt(chunk, prepared, at, analysis);
      });
      if (!stillWanted()) return undefined;
      return analyzeWithCache();
    } finally {
      this.busy = false;
    }
  }

  /** Stops the worker. */
  dispose(): void {
    void this.worker?.terminate();
    this.worker = undefined;
  }

  private send(
    text: string,
    chunks: readonly TextChunk[],
    settings: PodlineSettings,
    kubernetesVersion: KubernetesVersion,
  ): { findings: Promise<PrepareReply>; models: Promise<PrepareReply> } {
    const worker = this.start();
    const id = this.nextId++;
    const failed = (detail: string): PrepareReply => ({ id, kind: 'failed', detail });
    let resolveFindings: (reply: PrepareReply) => void = () => undefined;
    let resolveModels: (reply: PrepareReply) => void = () => undefined;
    const findings = new Promise<PrepareReply>((resolve) => (resolveFindings = resolve));
    const models = new Promise<PrepareReply>((resolve) => (resolveModels = resolve));
    this.pending.set(id, (reply) => {
      if (reply.kind === 'findings') return resolveFindings(reply);
      this.pending.delete(id);
      resolveFindings(reply.kind === 'failed' ? reply : failed('no findings'));
      resolveModels(reply);
    });
    const request: PrepareRequest = {
      id,
      text,
      ranges: chunks.map((chunk) => [chunk.offset, chunk.offset + chunk.text.length] as const),
      settings,
      kubernetesVersion,
    };
    try {
      worker.postMessage(request);
    } catch (error) {
      this.pending.get(id)?.(failed(String(error)));
    }
    return { findings, models };
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.workerPath);
    // An idle worker must not keep the server alive after the editor has gone.
    worker.unref();
    worker.on('message', (reply: PrepareReply) => this.pending.get(reply.id)?.(reply));
    const fail = (detail: string): void => {
      if (this.worker === worker) this.worker = undefined;
      for (const [id, resolve] of [...this.pending]) resolve({ id, kind: 'failed', detail });
      this.pending.clear();
    };
    worker.on('error', (error) => fail(error.message));
    worker.on('exit', (code) => fail(`analysis worker exited with code ${code}`));
    this.worker = worker;
    return worker;
  }
}

/** How long this thread works before it lets other messages (an edit, a hover) through. */
const sliceMs = 25;

/**
 * `prepareChunks` a slice at a time, letting other messages through between slices, and
 * stopping (undefined) as soon as the analysis is no longer wanted: a fast typist in a large
 * file never waits for the analysis of a version already replaced.
 */
export async function prepareInSlices(
  text: string,
  chunks: readonly TextChunk[],
  lastBeforeMarker: boolean,
  settings: PodlineSettings,
  kubernetesVersion: KubernetesVersion | undefined,
  cache: AnalysisCache,
  stillWanted: () => boolean,
): Promise<ChunkAnalysis[] | undefined> {
  const prepared: ChunkAnalysis[] = [];
  let documentIndex = 0;
  let next = 0;
  while (next < chunks.length) {
    const sliceStart = performance.now();
    while (next < chunks.length && performance.now() - sliceStart < sliceMs) {
      const [analysis] = prepareChunks(
        text,
        [chunks[next] as TextChunk],
        documentIndex,
        lastBeforeMarker || next < chunks.length - 1,
        settings,
        kubernetesVersion,
        cache,
        ruleRegistry,
      );
      if (analysis) {
        prepared.push(analysis);
        documentIndex += analysis.yaml.documents.length;
      }
      next++;
    }
    await new Promise((resolve) => setImmediate(resolve));
    if (!stillWanted()) return undefined;
  }
  return prepared;
}

/** Where to split the chunks: half of the text on each side. */
function splitPoint(chunks: readonly TextChunk[]): number {
  const last = chunks[chunks.length - 1];
  const half = last ? (last.offset + last.text.length) / 2 : 0;
  const index = chunks.findIndex((chunk) => chunk.offset >= half);
  return Math.min(Math.max(index, 1), chunks.length - 1);
}
