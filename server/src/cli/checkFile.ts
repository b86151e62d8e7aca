import { resolve } from 'node:path';
import { analyzeDocument } from '../core/analysis/analyzeDocument';
import type { AnalysisResult } from '../core/analysis/analyzeDocument';
import type { Finding } from '../core/findings/finding';
import type { PodlineSettings } from '../core/settings';
import { LineIndex } from '../core/text/offsetRange';
import { readFileBoundedSync } from '../files/readFileBounded';
import type { FileProblem } from '../files/readFileBounded';
import type { LineCharacter } from '../core/text/offsetRange';

/** One finding as `podline check --format json` prints it (version 1 of the format). */
export interface JsonFinding {
  readonly code: string;
  readonly severity: Finding['severity'];
  readonly message: string;
  readonly path: string | null;
  readonly document: number;
  readonly range: { readonly start: LineCharacter; readonly end: LineCharacter };
  readonly errorType?: string;
  /**
   * Where a finding is in the stream read from standard input, when `path` and `range` name the
   * template a `# Source:` comment gave instead (checkStream.ts).
   */
  readonly stream?: { readonly range: JsonFinding['range'] };
}

/** The kind and name of one YAML document that is a workload; both null for any other document. */
export interface DocumentSummary {
  readonly kind: string | null;
  readonly name: string | null;
}

/** The whole JSON report. */
export interface JsonReport {
  readonly version: 1;
  readonly files: readonly { readonly path: string; readonly findings: readonly JsonFinding[] }[];
  /** Files that were named or found but not checked, and why; present only when there are some. */
  readonly notChecked?: readonly { readonly path: string; readonly reason: string }[];
}

/** A file that was checked: its findings and, for reports by workload (JUnit), its documents. */
export interface CheckedFile {
  readonly path: string;
  readonly findings: readonly JsonFinding[];
  readonly documents: readonly DocumentSummary[];
}

/** The result of checking one file: its findings, or why it was not read. */
export type FileCheck = CheckedFile | { readonly path: string; readonly problem: FileProblem };

/**
 * Reads and analyses one file; the work each CLI worker thread does. Only a regular file of at
 * most `settings.maxFileSize` bytes is read (files/readFileBounded.ts).
 */
export function checkFile(cwd: string, path: string, settings: PodlineSettings): FileCheck {
  const read = readFileBoundedSync(resolve(cwd, path), settings.maxFileSize);
  if (!read.ok) return { path, problem: read.problem };
  const text = decodeText(read.bytes);
  const lines = new LineIndex(text);
  const analysis = analyzeDocument(text, settings);
  return {
    path,
    findings: analysis.findings.map((finding) => toJsonFinding(finding, lines)),
    documents: summarizeDocuments(analysis),
  };
}

/** Each document of an analysed file, with the kind and name of those that are workloads. */
export function summarizeDocuments(analysis: AnalysisResult): DocumentSummary[] {
  const documents: DocumentSummary[] = Array.from({ length: analysis.documentCount }, () => ({
    kind: null,
    name: null,
  }));
  for (const workload of analysis.workloadSummaries) {
    if (workload.document < documents.length)
      documents[workload.document] = { kind: workload.kind, name: workload.name };
  }
  return documents;
}

/** Decodes a file as VS Code does: UTF-8, a byte order mark dropped, invalid bytes replaced. */
export function decodeText(bytes: Buffer): string {
  return new TextDecoder('utf-8', { fatal: false, ignoreBOM: false }).decode(bytes);
}

export function toJsonFinding(finding: Finding, lines: LineIndex): JsonFinding {
  const errorType = finding.data?.['errorType'];
  return {
    code: finding.code,
    severity: finding.severity,
    message: finding.message,
    path: finding.path,
    document: finding.document,
    range: { start: lines.positionAt(finding.range.start), end: lines.positionAt(finding.range.end) },
    ...(typeof errorType === 'string' ? { errorType } : {}),
  };
}
