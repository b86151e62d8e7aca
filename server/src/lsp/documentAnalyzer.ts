import { performance } from 'node:perf_hooks';
import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { PodlineDocument } from './podlineDocument';
import { AnalysisCache } from '../core/analysis/analysisCache';
import { analyzeDocument } from '../core/analysis/analyzeDocument';
import type { AnalysisResult } from '../core/analysis/analyzeDocument';
import type { PodlineSettings } from '../core/settings';
import { versionOverrideMarker } from '../core/schema/kubernetesVersions';
import { textIncludes } from '../core/yaml/splitYamlText';
import type { DocumentStatusParams } from '../protocol/podlineProtocol';
import { logError } from './logError';
import { prepareInSlices } from './slicedAnalysis';
import type { SettingsStore } from './settingsStore';
import { diagnosticsOf } from './toDiagnostic';

/** Files at least this long are parsed a slice at a time when nothing of them is remembered. */
const slicedMinimumLength = 256 * 1024;

/** How long typing must pause before a document is analysed again. */
const typingDelayMs = 150;

/**
 * Analyses documents after edits, newest version only: each edit restarts the document's timer,
 * and a result for a version that has since changed is thrown away rather than published.
 */
export class DocumentAnalyzer {
  private readonly timers = new Map<string, { timer: NodeJS.Timeout; version: number }>();
  private readonly results = new Map<string, { version: number; result: AnalysisResult }>();
  private readonly durations = new Map<string, { ms: number; incremental: boolean }>();
  /** Each open document's analysis by YAML document, so an edit re-checks only what changed. */
  private readonly caches = new Map<string, AnalysisCache>();
  private scheduledAny = false;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<PodlineDocument>,
    private readonly settings: SettingsStore,
    private readonly onStatus: (status: DocumentStatusParams) => void,
  ) {}

  /** True once any document has been scheduled or analysed. */
  get started(): boolean {
    return this.scheduledAny;
  }

  /** Analyses `document` after `delay` ms, replacing any analysis already scheduled for it. */
  schedule(document: PodlineDocument, delay = this.typingDelay(document)): void {
    this.scheduledAny = true;
    const pending = this.timers.get(document.uri);
    // didOpen fires onDidOpen and then onDidChangeContent for the same version: the second must
    // not push the open's immediate analysis back by the typing delay.
    if (pending?.version === document.version) return;
    if (pending) clearTimeout(pending.timer);
    this.timers.set(document.uri, {
      version: document.version,
      timer: setTimeout(() => {
        this.timers.delete(document.uri);
        void this.analyze(document.uri, document.version);
      }, delay),
    });
  }

  /**
   * How long to wait for typing to pause: as long as the last analysis of the document took,
   * between 25 ms and the full typing delay. A small file is checked almost at once; a large one,
   * whose analysis would block the server, waits for the typist to pause. An edit re-checks only
   * the document it changed, so until one has been timed, its cost is estimated from the length
   * of the file (about 4 ms per MB of splitting it and matching its documents), not from the first
   * analysis. A keystroke that comes sooner than the analysis would take restarts the wait, so
   * typing starts no analysis that costs more than the pauses between keystrokes.
   */
  private typingDelay(document: PodlineDocument): number {
    const last = this.durations.get(document.uri);
    if (last === undefined) return typingDelayMs;
    const estimate = last.incremental ? last.ms : 25 + document.text.length / 250_000;
    return Math.min(typingDelayMs, Math.max(25, Math.round(estimate)));
  }

  /** Re-analyses every open document, e.g. after a settings change. */
  scheduleAll(): void {
    for (const document of this.documents.all()) this.schedule(document, 0);
  }

  /** Forgets a closed document and clears its diagnostics. */
  forget(uri: string): void {
    const pending = this.timers.get(uri);
    if (pending) clearTimeout(pending.timer);
    this.timers.delete(uri);
    this.results.delete(uri);
    this.durations.delete(uri);
    this.caches.delete(uri);
    void this.connection
      .sendDiagnostics({ uri, diagnostics: [] })
      .catch((error: unknown) => logError(this.connection, 'diagnostics', error));
  }

  /** The analysis of the document's current version: the latest one, or a fresh one when it is stale. */
  current(document: PodlineDocument, settings: PodlineSettings): AnalysisResult {
    const latest = this.latest(document);
    if (latest) return latest;
    const result = this.run(document, settings);
    this.results.set(document.uri, { version: document.version, result });
    return result;
  }

  /** The latest analysis of a document, if it is current. */
  latest(document: PodlineDocument): AnalysisResult | undefined {
    const entry = this.results.get(document.uri);
    return entry?.version === document.version ? entry.result : undefined;
  }

  private run(document: PodlineDocument, settings: PodlineSettings): AnalysisResult {
    return analyzeDocument(document.text, settings, undefined, this.cacheFor(document.uri));
  }

  private async analyze(uri: string, version: number): Promise<void> {
    try {
      const settings = await this.settings.get(uri);
      const document = this.documents.get(uri);
      // The document was closed or edited while settings were fetched: a newer run is coming.
      if (!document || document.version !== version) return;
      const started = performance.now();
      // The text as the document keeps it, by YAML document: joining it would copy the whole file.
      const { text } = document;
      const cache = this.cacheFor(uri);
      const incremental = !cache.empty;
      const stillWanted = (): boolean => this.documents.get(uri)?.version === version;
      let how = cache.empty ? 'in one pass' : 'document by document';
      if (cache.empty && text.length >= slicedMinimumLength) {
        // A large file parsed from scratch: a slice at a time, so that the server answers other
        // requests meanwhile and drops the work as soon as the user types.
        const { chunks } = text;
        // A version comment's effect on every document is known once the whole file is parsed.
        const kubernetesVersion = textIncludes(text, versionOverrideMarker)
          ? undefined
          : settings.kubernetesVersion;
        if (chunks) {
          if (!(await prepareInSlices(chunks, settings, kubernetesVersion, cache, stillWanted))) return;
          how = 'a slice at a time';
        }
      }
      const result = this.run(document, settings);
      const duration = performance.now() - started;
      this.durations.set(uri, { ms: duration, incremental });
      if (text.length >= slicedMinimumLength) {
        const size = `${result.documentCount} documents, ${Math.round(text.length / 1024)} KB`;
        this.connection.console.info(`Analysed ${uri} (${size}) ${how} in ${Math.round(duration)} ms`);
      }
      this.results.set(uri, { version, result });
      await this.connection.sendDiagnostics({
        uri,
        version,
        diagnostics: diagnosticsOf(result, document),
      });
      this.onStatus(summarize(uri, version, result));
      // The document's line table is built on its first position lookup: a scan of the whole
      // text. Build it now, while the user reads the diagnostics, not on their first hover.
      setImmediate(() => {
        if (this.documents.get(uri) === document) document.positionAt(0);
      });
    } catch (error) {
      logError(this.connection, 'analysis', error);
    }
  }

  private cacheFor(uri: string): AnalysisCache {
    let cache = this.caches.get(uri);
    if (!cache) {
      cache = new AnalysisCache();
      this.caches.set(uri, cache);
    }
    return cache;
  }
}

function summarize(uri: string, version: number, result: AnalysisResult): DocumentStatusParams {
  let skipped = false;
  let errors = 0;
  let warnings = 0;
  result.visitFindings((finding) => {
    if (finding.code === 'file/too-large' || finding.code === 'file/binary') skipped = true;
    if (finding.severity === 'error') errors++;
    else if (finding.severity === 'warning') warnings++;
  });
  return {
    uri,
    version,
    workloads: result.workloadSummaries.map(({ kind, name, document }) => ({ kind, name, document })),
    errors,
    warnings,
    kubernetesVersion: result.kubernetesVersion,
    versionFromComment: result.versionFromComment,
    state: skipped ? 'skipped' : 'analysed',
  };
}
