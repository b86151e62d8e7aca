import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyzeDocument } from '../core/analysis/analyzeDocument';
import type { Finding } from '../core/analysis/finding';
import { formatMessage } from '../core/l10n';
import type { Locale, MessageArgs } from '../core/l10n';
import { isSupportedKubernetesVersion, supportedKubernetesVersions } from '../core/schema/kubernetesVersions';
import { defaultSettings } from '../core/settings';
import { LineIndex } from '../core/text/offsetRange';
import type { LineCharacter } from '../core/text/offsetRange';
import { cliMessages } from './cliMessages';
import { parseOptions } from './parseOptions';
import { toSarif } from './toSarif';
import { podlineVersion } from '../version';
import type { CliEnvironment, CliResult } from './runCli';

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

const formats = ['text', 'json', 'sarif'] as const;

/** `podline check`: analyses files and folders and reports findings as text or JSON. */
export function runCheckCommand(
  argv: readonly string[],
  environment: CliEnvironment,
  envLocale: Locale,
): CliResult {
  const parsed = parseOptions(
    argv,
    {
      format: { values: formats },
      locale: { values: ['en', 'zh-CN'] },
      'kubernetes-version': { values: supportedKubernetesVersions },
    },
    envLocale,
  );
  const say = (key: keyof (typeof cliMessages)['en'], args?: MessageArgs): string =>
    formatMessage(cliMessages, parsed.locale, key, args);
  if (parsed.error) return { stdout: '', stderr: `${parsed.error}\n`, exitCode: 2 };
  if (parsed.positionals.length === 0) return { stdout: '', stderr: `${say('noFiles')}\n`, exitCode: 2 };

  const files: string[] = [];
  for (const target of parsed.positionals) {
    try {
      const found = collectFiles(resolve(environment.cwd, target), target);
      if (found.length === 0)
        return { stdout: '', stderr: `${say('noYamlFiles', { path: target })}\n`, exitCode: 2 };
      files.push(...found);
    } catch (error) {
      return {
        stdout: '',
        stderr: `${say('cannotRead', { path: target, reason: describeIoError(error) })}\n`,
        exitCode: 2,
      };
    }
  }

  const kubernetesVersion = parsed.values['kubernetes-version'];
  const settings = {
    ...defaultSettings,
    locale: parsed.locale,
    ...(kubernetesVersion && isSupportedKubernetesVersion(kubernetesVersion) ? { kubernetesVersion } : {}),
  };
  const report: { path: string; findings: JsonFinding[] }[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = decodeText(readFileSync(resolve(environment.cwd, file)));
    } catch (error) {
      return {
        stdout: '',
        stderr: `${say('cannotRead', { path: file, reason: describeIoError(error) })}\n`,
        exitCode: 2,
      };
    }
    const lines = new LineIndex(text);
    const findings = analyzeDocument(text, settings).findings.map((finding) => toJsonFinding(finding, lines));
    report.push({ path: file, findings });
  }

  const all = report.flatMap((file) => file.findings);
  const errors = all.filter((finding) => finding.severity === 'error').length;
  const warnings = all.filter((finding) => finding.severity === 'warning').length;
  const format = parsed.values['format'] ?? 'text';
  const json: JsonReport = { version: 1, files: report };
  const stdout =
    format === 'json'
      ? `${JSON.stringify(json, null, 2)}\n`
      : format === 'sarif'
        ? `${JSON.stringify(toSarif(json, podlineVersion), null, 2)}\n`
        : formatText(report, say('summary', { errors, warnings, files: report.length }));
  return { stdout, stderr: '', exitCode: errors > 0 ? 1 : 0 };
}

/** Decodes a file as VS Code does: UTF-8, a byte order mark dropped, invalid bytes replaced. */
function decodeText(bytes: Buffer): string {
  return new TextDecoder('utf-8', { fatal: false, ignoreBOM: false }).decode(bytes);
}

/** Lists the YAML files under a folder (sorted, skipping dependency and VCS folders), or the file itself. */
function collectFiles(absolute: string, shown: string): string[] {
  if (!statSync(absolute).isDirectory()) return [shown];
  const found: string[] = [];
  const walk = (folder: string, shownFolder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
    )) {
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && !entry.name.startsWith('.'))
          walk(join(folder, entry.name), join(shownFolder, entry.name));
      } else if (entry.isFile() && /\.ya?ml$/i.test(entry.name)) {
        found.push(join(shownFolder, entry.name));
      }
    }
  };
  walk(absolute, shown);
  return found;
}

function describeIoError(error: unknown): string {
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

function formatText(
  report: readonly { path: string; findings: readonly JsonFinding[] }[],
  summary: string,
): string {
  const out: string[] = [];
  for (const file of report) {
    for (const finding of file.findings) {
      const { line, character } = finding.range.start;
      out.push(
        `${file.path}:${line + 1}:${character + 1}: ${finding.severity} [${finding.code}] ${finding.message}`,
      );
    }
  }
  out.push(summary);
  return `${out.join('\n')}\n`;
}
