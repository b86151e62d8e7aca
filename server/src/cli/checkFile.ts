import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { analyzeDocument } from '../core/analysis/analyzeDocument';
import type { Finding } from '../core/findings/finding';
import type { PodlineSettings } from '../core/settings';
import { LineIndex } from '../core/text/offsetRange';
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
}

/** The result of checking one file: its findings, or why it could not be read. */
export type FileCheck =
  | { readonly path: string; readonly findings: readonly JsonFinding[] }
  | { readonly path: string; readonly ioError: string };

/** Reads and analyses one file; the work each CLI worker thread does. */
export function checkFile(cwd: string, path: string, settings: PodlineSettings): FileCheck {
  let text: string;
  try {
    text = decodeText(readFileSync(resolve(cwd, path)));
  } catch (error) {
    return { path, ioError: describeIoError(error) };
  }
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

/** A short reason for a failed read. */
export function describeIoError(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'EISDIR') return 'is a folder';
  return error instanceof Error ? error.message : String(error);
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
