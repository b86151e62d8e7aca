/**
 * `podline check -`: a stream of YAML documents on standard input, as `helm template`,
 * `kustomize build` and `kubectl kustomize` print it. The stream is analysed as one file, as a
 * file of many documents is; each finding is then placed in the document it came from.
 *
 * Helm writes `# Source: chart/templates/job.yaml` after the `---` before each document it
 * rendered. A finding in such a document is reported against that template path, at its line
 * counted from the line after the comment, which is the first line of the rendered template:
 * the path and the line lead to the template. A document without the comment (Kustomize writes
 * none) is reported as `<stdin>`, at its line in the stream. Every finding keeps its place in the
 * stream too (`JsonFinding.stream`).
 */

import { analyzeDocument } from '../core/analysis/analyzeDocument';
import type { PodlineSettings } from '../core/settings';
import { LineIndex } from '../core/text/offsetRange';
import { countLineBreaks } from '../core/yaml/yamlChunks';
import type { LineCharacter } from '../core/text/offsetRange';
import { summarizeDocuments, toJsonFinding } from './checkFile';
import type { CheckedFile, DocumentSummary, JsonFinding } from './checkFile';

/** The path findings of standard input are reported at when no `# Source:` comment names one. */
export const stdinPath = '<stdin>';

/** A stretch of the stream from one `---` marker line to the next (the first from the start). */
export interface StreamSegment {
  /** The offset the segment starts at: its `---` marker, or the start of the stream. */
  readonly offset: number;
  /** The path of its `# Source:` comment, or null. */
  readonly source: string | null;
  /** Where the rendered template starts: the line after `# Source:` (the segment's end at most). */
  readonly contentOffset: number;
}

/** `# Source: chart/templates/job.yaml`, as Helm writes it (a line break may leave a `\r`). */
const sourceComment = /^#\s*Source:\s*(.*?)\s*$/;

function isMarkerAt(text: string, start: number): boolean {
  if (!text.startsWith('---', start)) return false;
  const next = text.charCodeAt(start + 3);
  // NaN at the end of the text; a space, tab, CR or LF after the dashes.
  return Number.isNaN(next) || next === 0x20 || next === 0x09 || next === 0x0d || next === 0x0a;
}

/**
 * Cuts the stream before each `---` marker line, and reads the `# Source:` comment among the
 * comment lines at the head of each piece. The yaml library starts a new document at every such
 * line (yamlChunks.ts), so no document spans two pieces.
 */
export function streamSegments(text: string): StreamSegment[] {
  const segments: StreamSegment[] = [];
  let current = { offset: 0, source: null as string | null, contentOffset: 0 };
  let inHeader = true;
  for (let start = 0; ;) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    if (isMarkerAt(text, start)) {
      if (start > 0) {
        segments.push(current);
        current = { offset: start, source: null, contentOffset: start };
      }
      inHeader = true;
    } else if (inHeader) {
      if (text.charCodeAt(start) === 0x23 /* # */) {
        const match = current.source === null ? sourceComment.exec(text.slice(start, end)) : null;
        if (match?.[1]) {
          current.source = match[1];
          current.contentOffset = newline === -1 ? text.length : newline + 1;
        }
      } else if (text.slice(start, end).trim() !== '') {
        inHeader = false;
      }
    }
    if (newline === -1) break;
    start = newline + 1;
  }
  segments.push(current);
  return segments;
}

/** The findings and documents of one text analysed as a file. */
function analyse(
  text: string,
  settings: PodlineSettings,
): { findings: JsonFinding[]; documents: DocumentSummary[] } {
  const analysis = analyzeDocument(text, settings);
  const lines = new LineIndex(text);
  return {
    findings: analysis.findings.map((finding) => toJsonFinding(finding, lines)),
    documents: summarizeDocuments(analysis),
  };
}

function down(position: LineCharacter, lines: number): LineCharacter {
  return { line: position.line + lines, character: position.character };
}

/**
 * Analyses a stream and reports it by template: one entry for each `# Source:` path (in the
 * order they first appear) and one for `<stdin>` when some documents have no such comment.
 *
 * Each template's document is analysed on its own, from the line after its `# Source:` comment:
 * its lines, and the lines its messages name ("first on line 12"), are then the template's.
 * The documents without a comment are analysed together as the stream they are in, the others
 * blanked to empty lines, so their lines are the stream's.
 */
export function checkStream(text: string, settings: PodlineSettings): CheckedFile[] {
  const segments = streamSegments(text);
  if (segments.every((segment) => segment.source === null))
    return [{ path: stdinPath, ...analyse(text, settings) }];

  const lines = new LineIndex(text);
  const entries = new Map<string, { findings: JsonFinding[]; documents: DocumentSummary[] }>();
  const unnamed: string[] = [];
  let anyUnnamed = false;
  segments.forEach((segment, index) => {
    const end = segments[index + 1]?.offset ?? text.length;
    const source = segment.source;
    if (source === null) {
      unnamed.push(text.slice(segment.offset, end));
      if (text.slice(segment.offset, end).trim() !== '') anyUnnamed = true;
      return;
    }
    unnamed.push('\n'.repeat(countLineBreaks(text.slice(segment.offset, end))));
    const firstLine = lines.positionAt(segment.contentOffset).line;
    const rendered = analyse(text.slice(segment.contentOffset, end), settings);
    let entry = entries.get(source);
    if (!entry) {
      entry = { findings: [], documents: [] };
      entries.set(source, entry);
    }
    const before = entry.documents.length;
    entry.documents.push(...rendered.documents);
    for (const finding of rendered.findings) {
      entry.findings.push({
        ...finding,
        document: finding.document + before,
        stream: {
          range: {
            start: down(finding.range.start, firstLine),
            end: down(finding.range.end, firstLine),
          },
        },
      });
    }
  });
  const named = [...entries].map(([path, entry]) => ({ path, ...entry }));
  if (!anyUnnamed) return named;
  const rest = analyse(unnamed.join(''), settings);
  // Comments before the first `---` alone are no document of their own.
  if (rest.documents.length === 0 && rest.findings.length === 0) return named;
  return [...named, { path: stdinPath, ...rest }];
}
