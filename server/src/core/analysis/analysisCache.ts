import type { Rule } from '../rules/rule';
import type { KubernetesVersion } from '../schema/kubernetesVersions';
import type { PodlineSettings } from '../settings';
import { recognizeWorkload } from '../workload/recognizeWorkload';
import type { Workload } from '../workload/recognizeWorkload';
import { parseYamlChunk } from '../yaml/parseYamlFile';
import type { ChunkPosition, YamlChunkModel, YamlLimits } from '../yaml/parseYamlFile';
import { moveRange, moveYamlChunk, splitYamlDocuments } from '../yaml/yamlChunks';
import type { TextChunk } from '../yaml/yamlChunks';
import type { OffsetRange } from '../text/offsetRange';
import type { Finding } from '../findings/finding';

/** What analysis keeps of one chunk of a file (see `splitYamlDocuments`). */
export interface ChunkAnalysis {
  /** The chunk's model, at the chunk's current place in the file. */
  readonly yaml: YamlChunkModel;
  readonly workloads: readonly Workload[];
  /** The rules' findings for the chunk's workloads, for one Kubernetes version. */
  findings: { readonly version: KubernetesVersion; readonly list: readonly Finding[] } | undefined;
}

interface Entry {
  analysis: ChunkAnalysis;
  at: ChunkPosition;
  /** The last analysis that used the entry. */
  used: number;
}

/**
 * Remembers the analysis of each document of one file between edits, so that typing in one
 * document of a large file parses and checks only that document again. Documents before the
 * edit are reused as they are; those after it are moved, in place, by the length of the edit.
 * So a result analysed with a cache is valid until the next analysis with the same cache:
 * keep only the latest.
 *
 * Entries are keyed by the chunk's text; an analysis drops every entry it did not use, so the
 * cache holds one file's documents at most. A change of settings or rules empties it.
 */
export class AnalysisCache {
  private readonly entries = new Map<string, Entry[]>();
  private settings: PodlineSettings | undefined;
  private rules: readonly Rule[] | undefined;
  private generation = 0;

  /**
   * @param splitDocuments false to parse every file whole, as one chunk (the reference
   * behaviour that tests compare the split against).
   */
  constructor(private readonly splitDocuments = true) {}

  /** Starts an analysis of a file; returns its chunks. */
  begin(text: string, settings: PodlineSettings, rules: readonly Rule[]): readonly TextChunk[] {
    this.use(settings, rules);
    this.generation++;
    return (this.splitDocuments ? splitYamlDocuments(text) : undefined) ?? [{ offset: 0, text }];
  }

  /** True when the cache remembers nothing: the next analysis parses the whole file. */
  get empty(): boolean {
    return this.entries.size === 0;
  }

  /** Empties the cache when the settings or the rules differ from those it was filled with. */
  use(settings: PodlineSettings, rules: readonly Rule[]): void {
    if (settings === this.settings && rules === this.rules) return;
    this.entries.clear();
    this.settings = settings;
    this.rules = rules;
  }

  /** The analysis of one chunk at its place in the file: remembered, moved, or parsed now. */
  chunk(chunk: TextChunk, documentIndex: number, beforeMarker: boolean, limits: YamlLimits): ChunkAnalysis {
    const at: ChunkPosition = { offset: chunk.offset, documentIndex, beforeMarker };
    const candidates = this.entries.get(chunk.text);
    // The last chunk is parsed without a marker after it, every other one with a marker.
    const unused =
      candidates?.filter((entry) => entry.used !== this.generation && sameEnding(entry.at, at)) ?? [];
    const entry = unused.find((candidate) => samePosition(candidate.at, at)) ?? unused[0];
    if (entry) {
      entry.used = this.generation;
      if (!samePosition(entry.at, at)) {
        moveChunk(entry.analysis, at.offset - entry.at.offset, documentIndex - entry.at.documentIndex);
        entry.at = at;
      }
      return entry.analysis;
    }
    // Parsing a copy of the text that is not a slice of the file's text keeps the values the
    // model holds (slices of what was parsed) from keeping every old version of the file alive.
    const own = this.splitDocuments ? ownCopy(chunk.text) : chunk.text;
    const yaml = parseYamlChunk(own, limits, at);
    const analysis: ChunkAnalysis = { yaml, workloads: workloadsOf(yaml), findings: undefined };
    const created: Entry = { analysis, at, used: this.generation };
    if (candidates) candidates.push(created);
    else this.entries.set(own, [created]);
    return analysis;
  }

  /** Ends an analysis: forgets the chunks it did not use. */
  end(): void {
    for (const [text, candidates] of this.entries) {
      const kept = candidates.filter((entry) => entry.used === this.generation);
      if (kept.length === 0) this.entries.delete(text);
      else if (kept.length !== candidates.length) this.entries.set(text, kept);
    }
  }
}

function samePosition(a: ChunkPosition, b: ChunkPosition): boolean {
  return a.offset === b.offset && a.documentIndex === b.documentIndex;
}

function sameEnding(a: ChunkPosition, b: ChunkPosition): boolean {
  return a.beforeMarker === b.beforeMarker;
}

function workloadsOf(yaml: YamlChunkModel): Workload[] {
  const workloads: Workload[] = [];
  for (const document of yaml.documents) {
    const workload = recognizeWorkload(document);
    if (workload) workloads.push(workload);
  }
  return workloads;
}

/** Moves a chunk's analysis, in place, after the text before it changed. */
function moveChunk(analysis: ChunkAnalysis, delta: number, indexDelta: number): void {
  moveYamlChunk(analysis.yaml, delta, indexDelta);
  for (const finding of analysis.findings?.list ?? []) {
    moveRange(finding.range, delta);
    (finding as { document: number }).document += indexDelta;
    for (const value of Object.values(finding.data ?? {})) if (isRange(value)) moveRange(value, delta);
  }
}

/**
 * A finding the cache can move: its range, and the offsets in its data (for example the range
 * a quick fix removes, always a `{ start, end }` range), copied so that no other object shares
 * them.
 */
export function ownedFinding(finding: Finding): Finding {
  const data =
    finding.data &&
    Object.fromEntries(
      Object.entries(finding.data).map(([key, value]) => [key, isRange(value) ? { ...value } : value]),
    );
  return { ...finding, range: { ...finding.range }, ...(data ? { data } : {}) };
}

function isRange(value: unknown): value is OffsetRange {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { start?: unknown; end?: unknown };
  return (
    typeof candidate.start === 'number' &&
    typeof candidate.end === 'number' &&
    Object.keys(value).length === 2
  );
}

/** A copy of a string that shares no memory with it. */
function ownCopy(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}
