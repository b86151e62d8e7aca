import { formatMessage } from '../l10n';
import type { MessageArgs } from '../l10n';
import { ruleRegistry } from '../rules/ruleRegistry';
import type { Rule } from '../rules/rule';
import type { RuleReport } from '../findings/finding';
import { resolveKubernetesVersion } from '../schema/kubernetesVersions';
import type { KubernetesVersion } from '../schema/kubernetesVersions';
import type { PodlineSettings } from '../settings';
import { LineIndex } from '../text/offsetRange';
import type { OffsetRange } from '../text/offsetRange';
import { field, rootRef, stringValue } from '../yaml/fieldRef';
import type { Workload } from '../workload/recognizeWorkload';
import { assembleYamlFile, defaultYamlLimits, refuseFile } from '../yaml/parseYamlFile';
import type { YamlFileModel, YamlLimits, YamlProblem } from '../yaml/parseYamlFile';
import type { TextChunk } from '../yaml/yamlChunks';
import { AnalysisCache, ownedFinding } from './analysisCache';
import type { ChunkAnalysis } from './analysisCache';
import { analysisMessages } from './analysisMessages';
import { detectTemplate } from './detectTemplate';
import type { Finding } from '../findings/finding';

/** Everything analysis learned about one file. */
export interface AnalysisResult {
  readonly findings: readonly Finding[];
  /** The Kubernetes version the file was validated for, and whether a comment chose it. */
  readonly kubernetesVersion: KubernetesVersion;
  readonly versionFromComment: boolean;
  readonly yaml: YamlFileModel;
  readonly workloads: readonly Workload[];
}

/**
 * Analyses one file: parses every YAML document, recognises the workloads and runs the rules.
 * A pure function of its inputs that never throws: a failing rule becomes a finding. Given the
 * cache of the file's previous analysis, only the documents that changed are parsed and checked
 * again; the result is the same as without it.
 */
export function analyzeDocument(
  text: string,
  settings: PodlineSettings,
  rules: readonly Rule[] = ruleRegistry,
  cache: AnalysisCache = new AnalysisCache(),
): AnalysisResult {
  const limits = yamlLimits(settings);
  if (refuseFile(text, limits)) return assembleAnalysis(text, settings, rules, []);
  const parse = (textChunks: readonly TextChunk[]): ChunkAnalysis[] =>
    prepareChunks(text, textChunks, 0, false, settings, undefined, cache, rules);
  let chunks = parse(cache.begin(text, settings, rules));
  // A quoted scalar left open reads past the next `---`: such a file is parsed whole.
  if (chunks.some((chunk) => chunk.yaml.crossesMarker)) chunks = parse([{ offset: 0, text }]);
  cache.end();
  return assembleAnalysis(text, settings, rules, chunks);
}

/** The YAML limits of the settings. */
export function yamlLimits(settings: PodlineSettings): YamlLimits {
  return { ...defaultYamlLimits, maxFileLength: settings.maxFileSize };
}

/**
 * Parses and checks some chunks of a file ahead of `analyzeDocument`, which then finds them in
 * the cache: the server prepares a large file this way, a slice at a time. `documentIndex` is the
 * index of the first chunk's first document; `lastBeforeMarker` says whether a `---` follows the
 * last chunk.
 * Without a Kubernetes version (a version comment decides it, and its place in the file is known
 * only once all of it is parsed) the rules are left for `analyzeDocument`.
 */
export function prepareChunks(
  text: string,
  chunks: readonly TextChunk[],
  documentIndex: number,
  lastBeforeMarker: boolean,
  settings: PodlineSettings,
  kubernetesVersion: KubernetesVersion | undefined,
  cache: AnalysisCache,
  rules: readonly Rule[] = ruleRegistry,
): ChunkAnalysis[] {
  cache.use(settings, rules);
  const limits = yamlLimits(settings);
  const prepared: ChunkAnalysis[] = [];
  let index = documentIndex;
  for (const [position, chunk] of chunks.entries()) {
    const analysis = cache.chunk(chunk, index, lastBeforeMarker || position < chunks.length - 1, limits);
    if (kubernetesVersion !== undefined) checkChunk(analysis, rules, settings, kubernetesVersion, text);
    prepared.push(analysis);
    index += analysis.yaml.documents.length;
  }
  return prepared;
}

/**
 * The analysis of a file from the analyses of its chunks, in order (none for a file refused
 * unparsed): the YAML problems of the whole file, the Kubernetes version, and each chunk's
 * rule findings, computed now where the chunk has none for that version.
 */
export function assembleAnalysis(
  text: string,
  settings: PodlineSettings,
  rules: readonly Rule[],
  chunkAnalyses: readonly ChunkAnalysis[],
): AnalysisResult {
  const limits = yamlLimits(settings);
  let chunks = chunkAnalyses;
  let yaml = refuseFile(text, limits);
  if (!yaml) {
    yaml = assembleYamlFile(
      chunks.map((chunk) => chunk.yaml),
      limits,
    );
    // A file nested too deep is not modelled at all.
    if (yaml.documents.length === 0) chunks = [];
  }
  const lines = lazyLineIndex(text);
  const template = detectTemplate(text, yaml);
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
    return {
      findings: [finding],
      yaml,
      workloads: [],
      kubernetesVersion: settings.kubernetesVersion,
      versionFromComment: false,
    };
  }
  const findings: Finding[] = dropConsequentialProblems(
    yaml.problems.map((problem) => problemToFinding(problem, settings, lines, text)).sort(byPosition),
    lines,
  );
  const kubernetes = resolveKubernetesVersion(
    text,
    settings.kubernetesVersion,
    settings.locale,
    yaml.documents,
  );
  if (kubernetes.report) {
    const { range } = kubernetes.report;
    const document = yaml.documents.find(
      (candidate) => candidate.range.start <= range.start && range.start <= candidate.range.end,
    );
    findings.push({ ...kubernetes.report, document: document?.index ?? 0 });
  }
  const workloads: Workload[] = [];
  const syntaxRanges = findings
    .filter((finding) => finding.code === 'yaml/syntax')
    .map((finding) => finding.range);
  for (const chunk of chunks) {
    workloads.push(...chunk.workloads);
    for (const finding of checkChunk(chunk, rules, settings, kubernetes.version, text)) {
      // Text the YAML parser could not read (a pasted transcript) is reported once, as syntax.
      if (syntaxRanges.some((range) => overlaps(range, finding.range))) continue;
      findings.push(finding);
    }
  }
  findings.sort(byPosition);
  return {
    findings,
    yaml,
    workloads,
    kubernetesVersion: kubernetes.version,
    versionFromComment: kubernetes.override?.version !== undefined,
  };
}

/** Gives a chunk the rules' findings for `kubernetesVersion`, unless it has them already. */
function checkChunk(
  chunk: ChunkAnalysis,
  rules: readonly Rule[],
  settings: PodlineSettings,
  kubernetesVersion: KubernetesVersion,
  text: string,
): readonly Finding[] {
  if (chunk.findings?.version !== kubernetesVersion) {
    chunk.findings = {
      version: kubernetesVersion,
      list: checkWorkloads(chunk.workloads, rules, settings, kubernetesVersion, text).map(ownedFinding),
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

/** A line index of the text, built on first use: most files have no YAML problem to place. */
function lazyLineIndex(text: string): Pick<LineIndex, 'positionAt'> {
  let index: LineIndex | undefined;
  return { positionAt: (offset) => (index ??= new LineIndex(text)).positionAt(offset) };
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
  const report = (finding: RuleReport): void => {
    const { errorType, data, ...rest } = finding;
    const merged = errorType ? { ...data, errorType } : data;
    findings.push({ ...rest, document: workload.document.index, ...(merged ? { data: merged } : {}) });
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
  text: string,
): Finding {
  const message = (key: keyof (typeof analysisMessages)['en'], args?: MessageArgs): string =>
    formatMessage(analysisMessages, settings.locale, key, args);
  switch (problem.kind) {
    case 'syntax': {
      const { key, range } = describeSyntaxProblem(problem.yamlCode, problem.range, text);
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

/** Picks a clearer message for the YAML mistakes people make most, and the range to underline. */
function describeSyntaxProblem(
  yamlCode: string,
  range: OffsetRange,
  text: string,
): { key: 'syntax' | 'syntaxColonInPlainValue' | 'syntaxImplicitKey' | 'syntaxTab'; range: OffsetRange } {
  switch (yamlCode) {
    case 'BLOCK_AS_IMPLICIT_KEY': {
      // `image: repo/name: tag` — underline the whole value up to the end of its line.
      const lineEnd = text.slice(range.start).search(/[\r\n]|\s+#/);
      const end = lineEnd === -1 ? text.length : range.start + lineEnd;
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
