import { DiagnosticSeverity } from 'vscode-languageserver/node';
import type { Diagnostic, Range } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';

/** What turning offsets into positions needs of a document. */
type Positions = Pick<TextDocument, 'positionAt'>;
import { placeFinding } from '../core/analysis/analyzeDocument';
import type { AnalysisResult, PlacedChunk } from '../core/analysis/analyzeDocument';
import type { Finding, Severity } from '../core/findings/finding';

const severities: Readonly<Record<Severity, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Turns a core finding into an LSP diagnostic; the finding's code and data travel with it. */
export function toDiagnostic(finding: Finding, document: Positions): Diagnostic {
  return {
    range: { start: document.positionAt(finding.range.start), end: document.positionAt(finding.range.end) },
    severity: severities[finding.severity],
    code: finding.code,
    source: 'podline',
    message: finding.message,
    data: { ...finding.data, path: finding.path, document: finding.document },
  };
}

/** A chunk's findings as diagnostics, at one place in the file. */
interface PlacedDiagnostics {
  readonly line: number;
  readonly offset: number;
  readonly documentIndex: number;
  readonly diagnostics: readonly Diagnostic[];
}

/** Each chunk's findings as diagnostics where they were last published, by the chunk's list of findings. */
const chunkDiagnostics = new WeakMap<readonly Finding[], PlacedDiagnostics>();
/** Each chunk's findings' positions, counted from the chunk's first line. */
const chunkPositions = new WeakMap<readonly Finding[], readonly Range[]>();

/**
 * The diagnostics of an analysis, in the order of its findings. A chunk's findings are converted
 * once and kept: a chunk that has not moved gives the same diagnostics again, one that moved is
 * re-based by its starting line, and the file's other findings are converted afresh.
 */
export function diagnosticsOf(result: AnalysisResult, document: Positions): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  let current: PlacedChunk | undefined;
  let placed: readonly Diagnostic[] = [];
  let index = 0;
  result.visitFindings((finding, chunk) => {
    if (!chunk) {
      diagnostics.push(toDiagnostic(finding, document));
      return;
    }
    if (chunk !== current) {
      current = chunk;
      placed = placedDiagnostics(chunk);
      index = 0;
    }
    const diagnostic = placed[index++];
    if (diagnostic) diagnostics.push(diagnostic);
  });
  return diagnostics;
}

function placedDiagnostics(chunk: PlacedChunk): readonly Diagnostic[] {
  const list = chunk.findings;
  const known = chunkDiagnostics.get(list);
  if (
    known &&
    known.line === chunk.line &&
    known.documentIndex === chunk.documentIndex &&
    (known.offset === chunk.offset || !list.some(hasRanges))
  )
    return known.diagnostics;
  let positions = chunkPositions.get(list);
  if (!positions) {
    positions = list.map((finding) => ({
      start: chunk.analysis.positionAt(finding.range.start),
      end: chunk.analysis.positionAt(finding.range.end),
    }));
    chunkPositions.set(list, positions);
  }
  const diagnostics = list.map((finding, index) => {
    const at = positions[index] as Range;
    const onFile = placeFinding(finding, chunk);
    return {
      range: {
        start: { line: at.start.line + chunk.line, character: at.start.character },
        end: { line: at.end.line + chunk.line, character: at.end.character },
      },
      severity: severities[onFile.severity],
      code: onFile.code,
      source: 'podline',
      message: onFile.message,
      data: { ...onFile.data, path: onFile.path, document: onFile.document },
    };
  });
  chunkDiagnostics.set(list, {
    line: chunk.line,
    offset: chunk.offset,
    documentIndex: chunk.documentIndex,
    diagnostics,
  });
  return diagnostics;
}

/** True when a finding's data holds offsets, which move with the chunk's offset. */
function hasRanges(finding: Finding): boolean {
  return Object.values(finding.data ?? {}).some(
    (value) => typeof value === 'object' && value !== null && 'start' in value && 'end' in value,
  );
}
