import { formatMessage } from '../l10n';
import type { MessageArgs } from '../l10n';
import { ruleRegistry } from '../rules/ruleRegistry';
import type { Rule } from '../rules/rule';
import type { RuleReport } from '../findings/finding';
import { resolveKubernetesVersion } from '../schema/kubernetesVersions';
import type { KubernetesVersion } from '../schema/kubernetesVersions';
import type { PodlineSettings } from '../settings';
import { LineIndex } from '../text/offsetRange';
import type { LineCharacter, OffsetRange } from '../text/offsetRange';
import { field, rootRef, stringValue } from '../yaml/fieldRef';
import type { Workload } from '../workload/recognizeWorkload';
import { defaultYamlLimits, refusalSampleLength, refuseFile } from '../yaml/parseYamlFile';
import { textHead, wholeText } from '../yaml/splitYamlText';
import type { FileText } from '../yaml/splitYamlText';
import type { YamlFileModel, YamlLimits, YamlProblem } from '../yaml/parseYamlFile';
import { limitSyntaxProblems } from '../yaml/yamlFileModel';
import type { TextChunk } from '../yaml/yamlChunks';
import { AnalysisCache } from './analysisCache';
import type { ChunkAnalysis, ChunkModel, WorkloadSummary } from './analysisCache';
import type { YamlDocumentModel } from '../yaml/yamlModel';
import { analysisMessages } from './analysisMessages';
import { detectTemplate } from './detectTemplate';
import type { Finding } from '../findings/finding';

/** Everything analysis learned about one file. */
export interface AnalysisResult {
  /** Every finding, sorted by position. */
  readonly findings: readonly Finding[];
  /** The Kubernetes version the file was validated for, and whether a comment chose it. */
  readonly kubernetesVersion: KubernetesVersion;
  readonly versionFromComment: boolean;
  /** The whole file's model: every document, read again where the cache dropped its model. */
  readonly yaml: YamlFileModel;
  readonly workloads: readonly Workload[];
  readonly documentCount: number;
  /** The kind, name and document of each workload, without reading any model. */
  readonly workloadSummaries: readonly WorkloadSummary[];
  /** The document whose range holds `offset`, reading only that document's chunk. */
  documentAt(offset: number): YamlDocumentModel | undefined;
  /** The workload of a document that `documentAt` gave, if it is one. */
  workloadOf(document: YamlDocumentModel): Workload | undefined;
  /**
   * Visits every finding in the order of `findings` without building that list: a finding of a
   * chunk comes with the chunk (and its offsets, lines and document indexes count from the
   * chunk's), a finding of the whole file without one.
   */
  visitFindings(visit: (finding: Finding, chunk: PlacedChunk | undefined) => void): void;
}

/** A chunk's analysis at its place in one version of a file. */
export interface PlacedChunk {
  readonly analysis: ChunkAnalysis;
  readonly offset: number;
  readonly documentIndex: number;
  /** The line the chunk starts on. */
  readonly line: number;
  /** The chunk's rule findings as published: the remembered list, or fewer after a syntax error. */
  readonly findings: readonly Finding[];
}

/**
 * Analyses one file: parses every YAML document, recognises the workloads and runs the rules.
 * A pure function of its inputs that never throws: a failing rule becomes a finding. Given the
 * cache of the file's previous analysis, only the documents that changed are parsed and checked
 * again; the result is the same as without it.
 */
export function analyzeDocument(
  text: FileText,
  settings: PodlineSettings,
  rules: readonly Rule[] = ruleRegistry,
  cache: AnalysisCache = new AnalysisCache(),
): AnalysisResult {
  const limits = yamlLimits(settings);
  const refused = refuseText(text, limits);
  if (refused) return assembleAnalysis(text, settings, rules, [], cache, refused);
  const parse = (textChunks: readonly TextChunk[]): ChunkAnalysis[] =>
    prepareChunks(textChunks, false, settings, undefined, cache, rules);
  let chunks = parse(cache.begin(text, settings, rules));
  // A quoted scalar left open reads past the next `---`: such a file is parsed whole.
  if (chunks.some((chunk) => chunk.crossesMarker)) chunks = parse([{ offset: 0, text: wholeText(text) }]);
  cache.end();
  return assembleAnalysis(text, settings, rules, chunks, cache, undefined);
}

/** `refuseFile` on the file's length and its first 64 KiB, without joining a text kept by document. */
function refuseText(text: FileText, limits: YamlLimits): YamlFileModel | undefined {
  return refuseFile(text.length, textHead(text, refusalSampleLength), limits);
}

/** The YAML limits of the settings. */
export function yamlLimits(settings: PodlineSettings): YamlLimits {
  return { ...defaultYamlLimits, maxFileLength: settings.maxFileSize };
}

/**
 * Parses and checks some chunks of a file ahead of `analyzeDocument`, which then finds them in
 * the cache: the server prepares a large file this way, a slice at a time. `lastBeforeMarker`
 * says whether a `---` follows the last chunk, `chunksAfter` how many chunks of the file follow it.
 * Without a Kubernetes version (a version comment decides it, and its place in the file is known
 * only once all of it is parsed) the rules are left for `analyzeDocument`.
 */
export function prepareChunks(
  chunks: readonly TextChunk[],
  lastBeforeMarker: boolean,
  settings: PodlineSettings,
  kubernetesVersion: KubernetesVersion | undefined,
  cache: AnalysisCache,
  rules: readonly Rule[] = ruleRegistry,
  chunksAfter = 0,
): ChunkAnalysis[] {
  cache.use(settings, rules);
  const limits = yamlLimits(settings);
  const prepared: ChunkAnalysis[] = [];
  // An index loop: `entries()` would allocate a pair per chunk of a large file, per keystroke.
  for (let position = 0; position < chunks.length; position++) {
    const chunk = chunks[position] as TextChunk;
    const after = chunksAfter + chunks.length - 1 - position;
    const analysis = cache.chunk(chunk, after, lastBeforeMarker || position < chunks.length - 1, limits);
    if (kubernetesVersion !== undefined) {
      checkChunk(analysis, cache, rules, settings, kubernetesVersion);
      cache.settle(analysis);
    }
    prepared.push(analysis);
  }
  return prepared;
}

/**
 * The analysis of a file from the analyses of its chunks, in order (none for a file refused
 * unparsed): the YAML problems of the whole file, the Kubernetes version, and each chunk's
 * rule findings, computed now where the chunk has none for that version. Nothing is built per
 * chunk: each chunk's findings stay relative to it.
 */
function assembleAnalysis(
  text: FileText,
  settings: PodlineSettings,
  rules: readonly Rule[],
  chunkAnalyses: readonly ChunkAnalysis[],
  cache: AnalysisCache,
  /** The model of a file refused unparsed (too large, not text), as `refuseText` gave it. */
  refused: YamlFileModel | undefined,
): AnalysisResult {
  const limits = yamlLimits(settings);
  const tooDeep = chunkAnalyses.find((chunk) => chunk.tooDeep);
  // A file nested too deep is not modelled at all.
  const analyses = refused || tooDeep ? [] : chunkAnalyses;
  const file = new FileAnalysis(text, cache, analyses);
  const yamlProblems: readonly YamlProblem[] =
    refused?.problems ??
    (tooDeep?.tooDeep ? [tooDeepProblem(chunkAnalyses, tooDeep)] : file.problems(limits));
  const template =
    // Each chunk searched its own text once; a file refused unparsed is not called a template.
    chunkAnalyses.some((chunk) => chunk.templateMarker)
      ? detectTemplate(wholeText(text), file.documentsAt)
      : undefined;
  if (template) {
    // A template is not a manifest: one finding says so, instead of a cascade of YAML and
    // Kubernetes errors about text that the template engine would have replaced.
    const finding: Finding = {
      code: 'file/template',
      severity: 'warning',
      message: formatMessage(analysisMessages, settings.locale, 'template', {
        marker: template.marker.slice(0, 40),
      }),
      range: template.range,
      path: null,
      document: 0,
    };
    return file.finish([finding], [], settings.kubernetesVersion, false, yamlProblems);
  }
  const lines = { positionAt: (offset: number) => file.positionAt(offset) };
  const findings: Finding[] = dropConsequentialProblems(
    yamlProblems
      .map((problem) => problemToFinding(problem, settings, lines, file.restOfLine))
      .sort(byPosition),
    lines,
  );
  // Only a file that names Podline can choose its version in a comment: no other is joined whole.
  const kubernetes = resolveKubernetesVersion(
    chunkAnalyses.some((chunk) => chunk.namesPodline) ? wholeText(text) : '',
    settings.kubernetesVersion,
    settings.locale,
    file.documentsAt,
  );
  if (kubernetes.report) {
    const { range } = kubernetes.report;
    const document = file
      .documentsAt(range.start)
      .find((candidate) => candidate.range.start <= range.start && range.start <= candidate.range.end);
    findings.push({ ...kubernetes.report, document: document?.index ?? 0 });
  }
  findings.sort(byPosition);
  const syntaxRanges = findings
    .filter((finding) => finding.code === 'yaml/syntax')
    .map((finding) => finding.range);
  // Each chunk's place gets its findings in place: a keystroke in a large file builds no second
  // object per chunk.
  const placed: PlacedChunk[] = file.chunks;
  for (const chunk of file.chunks) {
    const list = checkChunk(chunk.analysis, cache, rules, settings, kubernetes.version);
    cache.settle(chunk.analysis);
    chunk.findings = list;
    if (syntaxRanges.length === 0) continue;
    const end = chunk.offset + chunk.analysis.text.length;
    const touched = syntaxRanges.filter((range) => range.start <= end && chunk.offset <= range.end);
    if (touched.length === 0) continue;
    // Text the YAML parser could not read (a pasted transcript) is reported once, as syntax; and a
    // field is not also reported missing when the syntax error is on its line or the next (a TAB
    // that cut a template off its spec, an unquoted `*` schedule read as an alias): the field is
    // there, unreadable. A field missing for another reason is still reported.
    const syntaxLines = touched.map((range) => file.positionAt(range.start).line);
    const unreadable = (finding: Finding): boolean => {
      if (finding.data?.['errorType'] !== 'Required') return false;
      const line = file.positionAt(finding.range.start + chunk.offset).line;
      return syntaxLines.some((syntaxLine) => syntaxLine === line || syntaxLine === line + 1);
    };
    chunk.findings = list.filter(
      (finding) =>
        !unreadable(finding) &&
        touched.every(
          (range) =>
            !overlaps(range, {
              start: finding.range.start + chunk.offset,
              end: finding.range.end + chunk.offset,
            }),
        ),
    );
  }
  return file.finish(
    findings,
    placed,
    kubernetes.version,
    kubernetes.override?.version !== undefined,
    yamlProblems,
  );
}

/** A chunk at its place, whose findings the analysis sets once they are known. */
interface ChunkPlace extends PlacedChunk {
  findings: readonly Finding[];
}

const noFindings: readonly Finding[] = [];

/** Where the chunks of one version of a file are, and the whole file's view of them. */
class FileAnalysis {
  /** Each chunk at its place; its findings are set by the analysis (none until then). */
  readonly chunks: ChunkPlace[];
  readonly documentCount: number;
  private readonly starts: number[];
  private lines: LineIndex | undefined;

  constructor(
    private readonly text: FileText,
    private readonly cache: AnalysisCache,
    analyses: readonly ChunkAnalysis[],
  ) {
    const chunks: ChunkPlace[] = [];
    let offset = 0;
    let documentIndex = 0;
    let line = 0;
    for (const analysis of analyses) {
      chunks.push({ analysis, offset, documentIndex, line, findings: noFindings });
      offset += analysis.text.length;
      documentIndex += analysis.documentCount;
      line += analysis.lineBreaks;
    }
    this.chunks = chunks;
    this.starts = chunks.map((chunk) => chunk.offset);
    this.documentCount = documentIndex;
  }

  /** The chunks whose text holds `offset`: one, or two when it is where one ends and the next starts. */
  private chunksAt(offset: number): Omit<PlacedChunk, 'findings'>[] {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    const found = this.chunks[low];
    if (!found) return [];
    const previous = this.chunks[low - 1];
    return previous && found.offset === offset ? [previous, found] : [found];
  }

  /** The documents whose ranges may hold `offset`, with their models at their place in the file. */
  readonly documentsAt = (offset: number): readonly YamlDocumentModel[] =>
    this.chunksAt(offset).flatMap((chunk) => this.model(chunk).documents);

  model(chunk: Omit<PlacedChunk, 'findings'>): ChunkModel {
    return this.cache.model(chunk.analysis, chunk.offset, chunk.documentIndex);
  }

  /**
   * The text from `offset` to the end of its chunk, which holds the rest of its line: a chunk
   * ends where a line starts.
   */
  readonly restOfLine = (offset: number): string => {
    const chunk = this.chunksAt(offset).at(-1);
    if (!chunk) return wholeText(this.text).slice(offset);
    return chunk.analysis.text.slice(offset - chunk.offset);
  };

  /** The line and character of a file offset, from the chunk's own line index. */
  positionAt(offset: number): LineCharacter {
    const chunk = this.chunksAt(offset).at(-1);
    if (!chunk) return (this.lines ??= new LineIndex(wholeText(this.text))).positionAt(offset);
    const position = chunk.analysis.positionAt(offset - chunk.offset);
    return { line: chunk.line + position.line, character: position.character };
  }

  /** The YAML problems of the file, at their places: syntax problems limited, as `assembleYamlFile` does. */
  problems(limits: YamlLimits): YamlProblem[] {
    const documentsExist = this.chunks.some((chunk) => chunk.analysis.documentCount > 0);
    const syntaxProblems: YamlProblem[] = [];
    const others: YamlProblem[] = [];
    for (const { analysis, offset, documentIndex } of this.chunks) {
      const own = documentsExist
        ? analysis.syntaxProblems
        : [...analysis.syntaxProblems, ...analysis.streamProblems];
      for (const problem of own) syntaxProblems.push(moveProblem(problem, offset, documentIndex));
      for (const problem of analysis.problems) others.push(moveProblem(problem, offset, documentIndex));
    }
    const shown = limitSyntaxProblems(syntaxProblems, limits);
    return [...shown, ...others];
  }

  finish(
    fileFindings: readonly Finding[],
    placed: readonly PlacedChunk[],
    kubernetesVersion: KubernetesVersion,
    versionFromComment: boolean,
    problems: readonly YamlProblem[],
  ): AnalysisResult {
    const chunks: readonly PlacedChunk[] = placed.length > 0 ? placed : this.chunks;
    // Closures over the file's view, for the result's getters, whose `this` is the result.
    const model = (chunk: Omit<PlacedChunk, 'findings'>): ChunkModel => this.model(chunk);
    const chunksAt = (offset: number): Omit<PlacedChunk, 'findings'>[] => this.chunksAt(offset);
    const documentsAt = this.documentsAt;
    const visitFindings = (visit: (finding: Finding, chunk: PlacedChunk | undefined) => void): void =>
      mergeFindings(fileFindings, placed, visit);
    const templateOnly =
      placed.length === 0 && fileFindings.some((finding) => finding.code === 'file/template');
    let findings: Finding[] | undefined;
    let summaries: WorkloadSummary[] | undefined;
    // Both from one pass over the chunks, so that each workload's document is one of the documents.
    let whole: { yaml: YamlFileModel; workloads: readonly Workload[] } | undefined;
    const wholeFile = (): { yaml: YamlFileModel; workloads: readonly Workload[] } => {
      if (!whole) {
        const models = chunks.map((chunk) => model(chunk));
        whole = {
          yaml: { documents: models.flatMap((model) => model.documents), problems },
          workloads: templateOnly ? [] : models.flatMap((model) => model.workloads),
        };
      }
      return whole;
    };
    return {
      get findings() {
        if (!findings) {
          const list: Finding[] = [];
          visitFindings((finding, chunk) => list.push(chunk ? placeFinding(finding, chunk) : finding));
          findings = list;
        }
        return findings;
      },
      kubernetesVersion,
      versionFromComment,
      get yaml() {
        return wholeFile().yaml;
      },
      get workloads() {
        return wholeFile().workloads;
      },
      documentCount: this.documentCount,
      get workloadSummaries() {
        summaries ??= templateOnly
          ? []
          : chunks.flatMap((chunk) =>
              chunk.analysis.workloads.map((summary) => ({
                ...summary,
                document: summary.document + chunk.documentIndex,
              })),
            );
        return summaries;
      },
      documentAt: (offset) =>
        documentsAt(offset).find(
          (document) => document.range.start <= offset && offset <= document.range.end,
        ),
      workloadOf: (document) => {
        if (templateOnly) return undefined;
        for (const chunk of chunksAt(document.range.start)) {
          const found = model(chunk).workloads.find((workload) => workload.document === document);
          if (found) return found;
        }
        return undefined;
      },
      visitFindings,
    };
  }
}

/**
 * Visits the file's own findings and the chunks' in the order a stable sort by position of
 * [file findings..., chunk findings in chunk order...] gives: both runs are sorted, so they are
 * merged, the file's first on a tie. When two chunks' findings are out of order across their
 * boundary (a finding at a chunk's very end), every finding is placed and sorted instead.
 */
function mergeFindings(
  fileFindings: readonly Finding[],
  chunks: readonly PlacedChunk[],
  visit: (finding: Finding, chunk: PlacedChunk | undefined) => void,
): void {
  let lastStart = -1;
  let lastEnd = -1;
  for (const chunk of chunks) {
    const first = chunk.findings[0];
    const last = chunk.findings.at(-1);
    if (!first || !last) continue;
    const start = first.range.start + chunk.offset;
    const end = first.range.end + chunk.offset;
    if (start < lastStart || (start === lastStart && end < lastEnd)) {
      const all = [
        ...fileFindings,
        ...chunks.flatMap((each) => each.findings.map((finding) => placeFinding(finding, each))),
      ].sort(byPosition);
      for (const finding of all) visit(finding, undefined);
      return;
    }
    lastStart = last.range.start + chunk.offset;
    lastEnd = last.range.end + chunk.offset;
  }
  let next = 0;
  for (const chunk of chunks) {
    for (const finding of chunk.findings) {
      const start = finding.range.start + chunk.offset;
      const end = finding.range.end + chunk.offset;
      for (let own = fileFindings[next]; own; own = fileFindings[next]) {
        if (own.range.start > start || (own.range.start === start && own.range.end > end)) break;
        visit(own, undefined);
        next++;
      }
      visit(finding, chunk);
    }
  }
  for (; next < fileFindings.length; next++) visit(fileFindings[next] as Finding, undefined);
}

/** A chunk's finding at the chunk's place in the file: its range, document and the ranges in its data. */
export function placeFinding(
  finding: Finding,
  chunk: Pick<PlacedChunk, 'offset' | 'documentIndex'>,
): Finding {
  if (chunk.offset === 0 && chunk.documentIndex === 0) return finding;
  const data =
    finding.data &&
    Object.fromEntries(
      Object.entries(finding.data).map(([key, value]) => [
        key,
        isRange(value) ? shiftRange(value, chunk.offset) : value,
      ]),
    );
  return {
    ...finding,
    range: shiftRange(finding.range, chunk.offset),
    document: finding.document + chunk.documentIndex,
    ...(data ? { data } : {}),
  };
}

function shiftRange(range: OffsetRange, delta: number): OffsetRange {
  return { start: range.start + delta, end: range.end + delta };
}

/** The problem of the first chunk nested too deep, at the chunk's place in the file. */
function tooDeepProblem(chunks: readonly ChunkAnalysis[], deep: ChunkAnalysis): YamlProblem {
  let offset = 0;
  let documentIndex = 0;
  for (const chunk of chunks) {
    if (chunk === deep) break;
    offset += chunk.text.length;
    documentIndex += chunk.documentCount;
  }
  return moveProblem(deep.tooDeep as YamlProblem, offset, documentIndex);
}

/** A copy of a chunk's problem at the chunk's place in the file. */
function moveProblem(problem: YamlProblem, offset: number, documentIndex: number): YamlProblem {
  if (offset === 0 && documentIndex === 0) return problem;
  const moved = { ...problem, range: shiftRange(problem.range, offset) };
  if ('document' in moved) (moved as { document: number }).document += documentIndex;
  if (moved.kind === 'duplicateKey') return { ...moved, firstRange: shiftRange(moved.firstRange, offset) };
  return moved;
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

/** Gives a chunk the rules' findings for `kubernetesVersion`, unless it has them already. */
function checkChunk(
  chunk: ChunkAnalysis,
  cache: AnalysisCache,
  rules: readonly Rule[],
  settings: PodlineSettings,
  kubernetesVersion: KubernetesVersion,
): readonly Finding[] {
  if (chunk.findings?.version !== kubernetesVersion) {
    // The rules read the chunk's own text, with the model counting from the chunk's start.
    const model = cache.model(chunk, 0, 0);
    chunk.findings = {
      version: kubernetesVersion,
      list: checkWorkloads(model.workloads, rules, settings, kubernetesVersion, chunk.text).sort(byPosition),
    };
  }
  return chunk.findings.list;
}

/** Runs the rules on workloads and applies the user's severities and ignore annotations. */
function checkWorkloads(
  workloads: readonly Workload[],
  rules: readonly Rule[],
  settings: PodlineSettings,
  kubernetesVersion: KubernetesVersion,
  text: string,
): Finding[] {
  const findings: Finding[] = [];
  for (const workload of workloads) {
    const ruleFindings: Finding[] = [];
    for (const rule of rules) {
      if (!rule.kinds.includes(workload.kind)) continue;
      runRule(rule, workload, settings, kubernetesVersion, text, ruleFindings);
    }
    const ignored = ignoredCodes(workload);
    for (const finding of ruleFindings) {
      const adjusted = applyUserSeverity(finding, settings, ignored);
      if (adjusted) findings.push(adjusted);
    }
  }
  return findings;
}

/**
 * One YAML mistake often makes the parser report several errors on the same line, and a broken
 * line can also read as a complex key; the user needs the first error of each line only.
 */
function dropConsequentialProblems(findings: Finding[], lines: Pick<LineIndex, 'positionAt'>): Finding[] {
  const syntaxLines = new Set<number>();
  const kept: Finding[] = [];
  const syntaxFindings = findings.filter((finding) => finding.code === 'yaml/syntax');
  for (const finding of findings) {
    if (finding.code === 'yaml/syntax') {
      const line = lines.positionAt(finding.range.start).line;
      if (syntaxLines.has(line)) continue;
      syntaxLines.add(line);
    } else if (
      finding.code === 'yaml/non-scalar-key' &&
      syntaxFindings.some((syntax) => overlaps(syntax.range, finding.range))
    ) {
      continue;
    }
    kept.push(finding);
  }
  return kept;
}

function overlaps(a: OffsetRange, b: OffsetRange): boolean {
  return a.start <= b.end && b.start <= a.end;
}

/** The codes listed in the object's `podline.dev/ignore` annotation. */
function ignoredCodes(workload: Workload): ReadonlySet<string> {
  const annotations = field(field(rootRef(workload.root), 'metadata'), 'annotations');
  const value = stringValue(field(annotations, 'podline.dev/ignore'));
  return new Set(
    (value ?? '')
      .split(',')
      .map((code) => code.trim())
      .filter((code) => code !== ''),
  );
}

/**
 * Applies `podline.rules` and the ignore annotation to lints and warnings. What the API server
 * would reject (a finding with an error type) stays as it is: silencing it would not make
 * `kubectl apply` succeed.
 */
function applyUserSeverity(
  finding: Finding,
  settings: PodlineSettings,
  ignored: ReadonlySet<string>,
): Finding | undefined {
  if (finding.data?.['errorType'] !== undefined || finding.code.startsWith('internal/')) return finding;
  if (ignored.has(finding.code)) return undefined;
  const setting = settings.rules[finding.code];
  if (setting === undefined) return finding;
  if (setting === 'off') return undefined;
  return { ...finding, severity: setting };
}

function byPosition(a: Finding, b: Finding): number {
  return a.range.start - b.range.start || a.range.end - b.range.end;
}

function runRule(
  rule: Rule,
  workload: Workload,
  settings: PodlineSettings,
  kubernetesVersion: KubernetesVersion,
  text: string,
  findings: Finding[],
): void {
  // A rule reports the ranges of the model's nodes, which move in place when a feature asks for
  // the model at its place in the file: the finding keeps copies, counted from the chunk's start.
  const report = (finding: RuleReport): void => {
    const { errorType, data, range, ...rest } = finding;
    const copied =
      data &&
      Object.fromEntries(
        Object.entries(data).map(([key, value]) => [key, isRange(value) ? { ...value } : value]),
      );
    const merged = errorType ? { ...copied, errorType } : copied;
    findings.push({
      ...rest,
      range: { start: range.start, end: range.end },
      document: workload.document.index,
      ...(merged ? { data: merged } : {}),
    });
  };
  try {
    rule.check({ workload, settings, locale: settings.locale, kubernetesVersion, text, report });
  } catch (error) {
    // One broken rule must not hide the others' findings or the rest of the file.
    // A rule is named by the first code it documents, its main one.
    const name = Object.keys(rule.codes)[0] ?? 'rule';
    const detail = `${name}: ${error instanceof Error ? error.message : String(error)}`;
    findings.push({
      code: 'internal/rule-failure',
      severity: 'warning',
      message: formatMessage(analysisMessages, settings.locale, 'internal', { detail }),
      range: { start: workload.document.range.start, end: workload.document.range.start },
      path: null,
      document: workload.document.index,
    });
  }
}

function problemToFinding(
  problem: YamlProblem,
  settings: PodlineSettings,
  lines: Pick<LineIndex, 'positionAt'>,
  restOfLine: (offset: number) => string,
): Finding {
  const message = (key: keyof (typeof analysisMessages)['en'], args?: MessageArgs): string =>
    formatMessage(analysisMessages, settings.locale, key, args);
  switch (problem.kind) {
    case 'syntax': {
      const lineStart = problem.range.start - lines.positionAt(problem.range.start).character;
      const line = restOfLine(lineStart).split(/[\r\n]/, 1)[0] ?? '';
      // The whole unquoted value is underlined, from its `*` to the end of the line.
      const { key, range } = unquotedAlias.test(line)
        ? {
            key: 'syntaxUnquotedAlias' as const,
            range: { start: lineStart + line.indexOf('*'), end: lineStart + line.trimEnd().length },
          }
        : describeSyntaxProblem(problem.yamlCode, problem.range, restOfLine);
      return {
        code: 'yaml/syntax',
        severity: 'error',
        message: message(key, { detail: problem.detail }),
        range,
        path: null,
        document: problem.document,
        data: { yamlCode: problem.yamlCode },
      };
    }
    case 'duplicateKey':
      return {
        code: 'yaml/duplicate-key',
        severity: 'error',
        message: message('duplicateKey', {
          key: problem.key,
          line: lines.positionAt(problem.firstRange.start).line + 1,
        }),
        range: problem.range,
        path: problem.path,
        document: problem.document,
        data: { key: problem.key, firstRange: problem.firstRange, errorType: 'Duplicate' },
      };
    case 'nonScalarKey':
      return {
        code: 'yaml/non-scalar-key',
        severity: 'error',
        message: message('nonScalarKey'),
        range: problem.range,
        path: problem.path,
        document: problem.document,
      };
    case 'tooDeep':
      return {
        code: 'yaml/too-deep',
        severity: 'warning',
        message: message('tooDeep', { depth: problem.depth }),
        range:
          problem.range.end - problem.range.start > 200
            ? { start: problem.range.start, end: problem.range.start + 1 }
            : problem.range,
        path: problem.path,
        document: problem.document,
      };
    case 'excessiveAliasing':
      return {
        code: 'yaml/excessive-aliasing',
        severity: 'error',
        message: message('excessiveAliasing', { nodes: formatCount(problem.expandedNodes) }),
        range: problem.range,
        path: null,
        document: problem.document,
      };
    case 'tooManyProblems':
      return {
        code: 'yaml/too-many-errors',
        severity: 'info',
        message: message('tooManyProblems', { count: problem.omitted }),
        range: problem.range,
        path: null,
        document: problem.document,
      };
    case 'tooLarge':
      return {
        code: 'file/too-large',
        severity: 'warning',
        message: message('tooLarge', { size: formatSize(problem.length), limit: formatSize(problem.limit) }),
        range: problem.range,
        path: null,
        document: 0,
        data: { length: problem.length, limit: problem.limit },
      };
    case 'binary':
      return {
        code: 'file/binary',
        severity: 'error',
        message: message('binary'),
        range: problem.range,
        path: null,
        document: 0,
      };
    case 'internal':
      return {
        code: 'internal/parse-failure',
        severity: 'warning',
        message: message('internal', { detail: problem.detail }),
        range: problem.range,
        path: null,
        document: 0,
      };
  }
}

/** A line whose value starts with an unquoted `*`, which YAML reads as an alias (an every-5-minutes schedule written bare). */
const unquotedAlias = /^\s*(?:-\s+)?[^\s#:'"][^:#]*:\s+\*/;

/** Picks a clearer message for the YAML mistakes people make most, and the range to underline. */
function describeSyntaxProblem(
  yamlCode: string,
  range: OffsetRange,
  restOfLine: (offset: number) => string,
): { key: 'syntax' | 'syntaxColonInPlainValue' | 'syntaxImplicitKey' | 'syntaxTab'; range: OffsetRange } {
  switch (yamlCode) {
    case 'BLOCK_AS_IMPLICIT_KEY': {
      // `image: repo/name: tag` — underline the whole value up to the end of its line.
      const rest = restOfLine(range.start);
      const lineEnd = rest.search(/[\r\n]|\s+#/);
      const end = range.start + (lineEnd === -1 ? rest.length : lineEnd);
      return { key: 'syntaxColonInPlainValue', range: { start: range.start, end: Math.max(end, range.end) } };
    }
    case 'MISSING_CHAR':
    case 'MULTILINE_IMPLICIT_KEY':
      return { key: 'syntaxImplicitKey', range };
    case 'TAB_AS_INDENT':
      return { key: 'syntaxTab', range };
    default:
      return { key: 'syntax', range };
  }
}

function formatSize(length: number): string {
  if (length >= 1024 * 1024) return `${(length / (1024 * 1024)).toFixed(1)} MB`;
  return `${Math.ceil(length / 1024)} KB`;
}

function formatCount(count: number): string {
  return Math.round(count).toLocaleString('en-US');
}
