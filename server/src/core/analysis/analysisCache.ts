import type { Finding } from '../findings/finding';
import type { Rule } from '../rules/rule';
import { versionOverrideMarker } from '../schema/kubernetesVersions';
import type { KubernetesVersion } from '../schema/kubernetesVersions';
import type { PodlineSettings } from '../settings';
import { LineIndex, ownCopy } from '../text/offsetRange';
import type { LineCharacter } from '../text/offsetRange';
import { recognizeWorkload } from '../workload/recognizeWorkload';
import type { Workload, WorkloadKind } from '../workload/recognizeWorkload';
import { parseYamlChunk } from '../yaml/parseYamlFile';
import type { YamlLimits, YamlProblem } from '../yaml/parseYamlFile';
import {
  countLineBreaks,
  moveDocuments,
  splitYamlDocuments,
  splitYamlDocumentsAfter,
} from '../yaml/yamlChunks';
import type { TextChunk } from '../yaml/yamlChunks';
import type { FileText } from '../yaml/splitYamlText';
import { getEntry, scalarString } from '../yaml/yamlModel';
import type { YamlDocumentModel } from '../yaml/yamlModel';

/** A chunk's documents and workloads, and where their ranges and document indexes count from. */
export interface ChunkModel {
  readonly documents: readonly YamlDocumentModel[];
  readonly workloads: readonly Workload[];
  /** The file offset the model's ranges are relative to (0: the chunk's own start). */
  offset: number;
  /** The file index of the chunk's first document as the model counts it (0: its own first). */
  documentIndex: number;
}

/** What the status of a file says about one workload, without its model. */
export interface WorkloadSummary {
  readonly kind: WorkloadKind;
  readonly name: string | null;
  /** The workload's document, counted from the chunk's first document. */
  readonly document: number;
}

/**
 * What analysis keeps of one chunk of a file (see `splitYamlDocuments`): everything counts
 * from the chunk's own start (offsets, lines and document indexes), so a chunk's analysis stays
 * valid, untouched, wherever the chunk moves in the file. The chunk's model is kept while the
 * cache's budget allows and read again when it is needed after that.
 */
export class ChunkAnalysis {
  /** Lines the chunk adds to the file: its line breaks, counted as LSP counts them. */
  readonly lineBreaks: number;
  readonly documentCount: number;
  /** True when the chunk swallowed the `---` after it: the file must then be parsed whole. */
  readonly crossesMarker: boolean;
  readonly tooDeep: YamlProblem | undefined;
  readonly syntaxProblems: readonly YamlProblem[];
  readonly problems: readonly YamlProblem[];
  readonly streamProblems: readonly YamlProblem[];
  readonly workloads: readonly WorkloadSummary[];
  /** Whether the text holds a template marker (`{{`, `{%`), searched once, not on every analysis. */
  readonly templateMarker: boolean;
  /** Whether the text names Podline, so may hold a version comment; searched once. */
  readonly namesPodline: boolean;
  /** The rules' findings for one Kubernetes version, relative to the chunk, sorted by position. */
  findings: { readonly version: KubernetesVersion; readonly list: readonly Finding[] } | undefined;
  /** The model while the cache keeps it (see `AnalysisCache.model`). */
  model: ChunkModel | undefined;
  private lines: LineIndex | undefined;

  constructor(
    /** The chunk's text: a copy of its own, so it keeps no old version of the file alive. */
    readonly text: string,
    readonly beforeMarker: boolean,
    limits: YamlLimits,
  ) {
    const yaml = parseYamlChunk(text, limits, { offset: 0, documentIndex: 0, beforeMarker });
    const workloads = workloadsOf(yaml.documents);
    this.lineBreaks = countLineBreaks(text);
    this.documentCount = yaml.documents.length;
    this.crossesMarker = yaml.crossesMarker;
    this.tooDeep = yaml.tooDeep;
    this.syntaxProblems = yaml.syntaxProblems;
    this.problems = yaml.problems;
    this.streamProblems = yaml.streamProblems;
    this.workloads = workloads.map(summarizeWorkload);
    this.templateMarker = text.includes('{{') || text.includes('{%');
    this.namesPodline = text.includes(versionOverrideMarker);
    this.findings = undefined;
    this.model = { documents: yaml.documents, workloads, offset: 0, documentIndex: 0 };
  }

  /** The line and character of an offset into the chunk, counted from the chunk's start. */
  positionAt(offset: number): LineCharacter {
    this.lines ??= new LineIndex(this.text);
    return this.lines.positionAt(offset);
  }
}

interface Entry {
  readonly analysis: ChunkAnalysis;
  /** The last analysis that used the entry. */
  used: number;
}

/** How much chunk text the cache keeps models for; the default size limit of a file. */
export const defaultModelBudget = 2 * 1024 * 1024;

/**
 * Remembers the analysis of each document of one file between edits, so that typing in one
 * document of a large file parses and checks only that document again. A chunk's analysis is
 * relative to the chunk, so nothing is moved when the text before it changes: only a model an
 * editor feature asks for is moved, in place, to where its chunk now is (`model`). So a result
 * analysed with a cache is valid until the next analysis with the same cache: keep only the
 * latest.
 *
 * Chunks are matched to the previous analysis's in order, and by text where the order changed;
 * an analysis drops every chunk it did not use, so the cache holds one file's documents at most.
 * Models are kept for the most recently used chunks up to `modelBudget` characters of text,
 * which every file within the default size limit fits; beyond it, a dropped model is read again
 * from the chunk's text when it is asked for. A change of settings or rules empties the cache.
 */
export class AnalysisCache {
  private previous: Entry[] = [];
  private current: Entry[] = [];
  private byText: Map<string, Entry[]> | undefined;
  private settings: PodlineSettings | undefined;
  private rules: readonly Rule[] | undefined;
  private limits: YamlLimits | undefined;
  private generation = 0;
  /** The chunks whose models are kept, least recently used first, and their text's length. */
  private readonly kept = new Set<ChunkAnalysis>();
  private keptLength = 0;
  /** True until the first analysis with the current settings ends. */
  private filling = true;

  /**
   * @param splitDocuments false to parse every file whole, as one chunk (the reference
   * behaviour that tests compare the split against).
   * @param modelBudget how many characters of chunk text to keep models for.
   */
  constructor(
    private readonly splitDocuments = true,
    private readonly modelBudget = defaultModelBudget,
  ) {}

  /** Starts an analysis of a file; returns its chunks. */
  begin(text: FileText, settings: PodlineSettings, rules: readonly Rule[]): readonly TextChunk[] {
    this.use(settings, rules);
    this.generation++;
    // A chunk parsed in an analysis that did not finish (a large file parsed a slice at a time,
    // then edited) is still worth finding.
    if (this.current.length > 0) this.previous = [...this.previous, ...this.current];
    this.current = [];
    this.byText = undefined;
    if (typeof text !== 'string') {
      // The editor keeps the text by document: its chunks are already cut, and each is a string
      // of its own that an edit elsewhere leaves as it is.
      return (
        (this.splitDocuments ? text.chunks : undefined) ?? [
          { offset: 0, text: text.getText(), ownText: true },
        ]
      );
    }
    const previous = this.previous.map((entry) => entry.analysis.text);
    const chunks = !this.splitDocuments
      ? undefined
      : previous.length > 0
        ? splitYamlDocumentsAfter(text, previous)
        : splitYamlDocuments(text);
    return chunks ?? [{ offset: 0, text }];
  }

  /** True when the cache remembers nothing: the next analysis parses the whole file. */
  get empty(): boolean {
    return this.previous.length === 0 && this.current.length === 0;
  }

  /** Empties the cache when the settings or the rules differ from those it was filled with. */
  use(settings: PodlineSettings, rules: readonly Rule[]): void {
    if (settings === this.settings && rules === this.rules) return;
    this.previous = [];
    this.current = [];
    this.byText = undefined;
    this.kept.clear();
    this.keptLength = 0;
    this.filling = true;
    this.settings = settings;
    this.rules = rules;
  }

  /**
   * The analysis of the next chunk of the file, in order: remembered, or parsed now. `after` is
   * the number of chunks that follow it in the file.
   */
  chunk(chunk: TextChunk, after: number, beforeMarker: boolean, limits: YamlLimits): ChunkAnalysis {
    this.limits = limits;
    // Most chunks are where they were, counted from the start or from the end of the file.
    const position = this.current.length;
    const fromStart = this.previous[position];
    const fromEnd = this.previous[this.previous.length - 1 - after];
    // When the file has as many chunks as before, a chunk found at neither place is one that was
    // edited: looking for it by text would cost a hash of every chunk's text, per keystroke.
    const sameCount = position + 1 + after === this.previous.length;
    let entry =
      fromStart && this.matches(fromStart, chunk.text, beforeMarker)
        ? fromStart
        : fromEnd && this.matches(fromEnd, chunk.text, beforeMarker)
          ? fromEnd
          : sameCount
            ? undefined
            : this.find(chunk.text, beforeMarker);
    if (!entry) {
      // Parsing a copy of the text that is not a slice of the file's text keeps the values the
      // model holds (slices of what was parsed) from keeping every old version of the file alive.
      const own = this.splitDocuments && !chunk.ownText ? ownCopy(chunk.text) : chunk.text;
      entry = { analysis: new ChunkAnalysis(own, beforeMarker, limits), used: this.generation };
      this.keep(entry.analysis);
    }
    entry.used = this.generation;
    this.current.push(entry);
    return entry.analysis;
  }

  /**
   * Lets go of a checked chunk's model while the cache is being filled by a file's first
   * analysis: the models of a large file's documents then die young, in the collector's cheap
   * young generation, instead of filling the budget and the heap's old generation at once
   * (135 MB for 5,000 documents, most of it garbage a moment later). A model is read again
   * when a feature asks for it.
   */
  settle(analysis: ChunkAnalysis): void {
    if (!this.filling || !this.kept.delete(analysis)) return;
    this.keptLength -= analysis.text.length;
    analysis.model = undefined;
  }

  /** Ends an analysis: forgets the chunks it did not use. */
  end(): void {
    this.filling = false;
    for (const entry of this.previous) {
      if (entry.used !== this.generation) this.drop(entry.analysis);
    }
    this.previous = this.current;
    this.current = [];
    this.byText = undefined;
  }

  /**
   * The model of a chunk with its ranges counted from `offset` and its document indexes from
   * `documentIndex`: moved in place if it counted from elsewhere, read again if it was dropped.
   */
  model(analysis: ChunkAnalysis, offset: number, documentIndex: number): ChunkModel {
    let model = analysis.model;
    if (!model) {
      const yaml = parseYamlChunk(analysis.text, this.limits ?? noLimits, {
        offset: 0,
        documentIndex: 0,
        beforeMarker: analysis.beforeMarker,
      });
      model = {
        documents: yaml.documents,
        workloads: workloadsOf(yaml.documents),
        offset: 0,
        documentIndex: 0,
      };
      analysis.model = model;
    }
    if (model.offset !== offset || model.documentIndex !== documentIndex) {
      moveDocuments(model.documents, offset - model.offset, documentIndex - model.documentIndex);
      model.offset = offset;
      model.documentIndex = documentIndex;
    }
    this.keep(analysis);
    return model;
  }

  private matches(entry: Entry, text: string, beforeMarker: boolean): boolean {
    return (
      entry.used !== this.generation &&
      entry.analysis.beforeMarker === beforeMarker &&
      entry.analysis.text === text
    );
  }

  /** A chunk of the previous analysis with this text, wherever it was. */
  private find(text: string, beforeMarker: boolean): Entry | undefined {
    if (!this.byText) {
      this.byText = new Map();
      for (const entry of this.previous) {
        if (entry.used === this.generation) continue;
        const list = this.byText.get(entry.analysis.text);
        if (list) list.push(entry);
        else this.byText.set(entry.analysis.text, [entry]);
      }
    }
    return this.byText.get(text)?.find((entry) => this.matches(entry, text, beforeMarker));
  }

  /** Marks a chunk's model as the most recently used, dropping the least recently used beyond the budget. */
  private keep(analysis: ChunkAnalysis): void {
    if (this.kept.delete(analysis)) this.keptLength -= analysis.text.length;
    this.kept.add(analysis);
    this.keptLength += analysis.text.length;
    for (const oldest of this.kept) {
      if (this.keptLength <= this.modelBudget || oldest === analysis) break;
      this.kept.delete(oldest);
      this.keptLength -= oldest.text.length;
      oldest.model = undefined;
    }
  }

  private drop(analysis: ChunkAnalysis): void {
    if (this.kept.delete(analysis)) this.keptLength -= analysis.text.length;
  }
}

const noLimits: YamlLimits = { maxFileLength: Number.MAX_SAFE_INTEGER, maxDepth: 200, maxSyntaxProblems: 50 };

function workloadsOf(documents: readonly YamlDocumentModel[]): Workload[] {
  const workloads: Workload[] = [];
  for (const document of documents) {
    const workload = recognizeWorkload(document);
    if (workload) workloads.push(workload);
  }
  return workloads;
}

function summarizeWorkload(workload: Workload): WorkloadSummary {
  const metadata = getEntry(workload.root, 'metadata')?.value;
  const name = metadata?.kind === 'map' ? (scalarString(getEntry(metadata, 'name')?.value) ?? null) : null;
  return { kind: workload.kind, name, document: workload.document.index };
}
