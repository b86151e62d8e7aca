import { resolve } from 'node:path';
import { analyzeDocument } from '../core/analysis/analyzeDocument';
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
}

/** The whole JSON report. */
export interface JsonReport {
  readonly version: 1;
  readonly files: readonly { readonly path: string; readonly findings: readonly JsonFinding[] }[];
  /** Files that were named or found but not checked, and why; present only when there are some. */
  readonly notChecked?: readonly { readonly path: string; readonly reason: string }[];
}

/** The result of checking one file: its findings, or why it was not read. */
export type FileCheck =
  | { readonly path: string; readonly findings: readonly JsonFinding[] }
  | { readonly path: string; readonly problem: FileProblem };

/**
 * Reads and analyses one file; the work each CLI worker thread does. Only a regular file of at
 * most `settings.maxFileSize` bytes is read (files/readFileBounded.ts).
 */
export function checkFile(cwd: string, path: string, settings: PodlineSettings): FileCheck {
  const read = readFileBoundedSync(resolve(cwd, path), settings.maxFileSize);
  if (!read.ok) return { path, problem: read.problem };
  const text = decodeText(read.bytes);
  const lines = new LineIndex(text);
  return {
    path,
    findings: analyzeDocument(text, settings).findings.map((finding) => toJsonFinding(finding, lines)),
  };
}

/** Decodes a file as VS Code does: UTF-8, a byte order mark dropped, invalid bytes replaced. */
export function decodeText(bytes: Buffer): string {
  return new TextDecoder('utf-8', { fatal: false, ignoreBOM: false }).decode(bytes);
}

function toJsonFinding(finding: Finding, lines: LineIndex): JsonFinding {
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
