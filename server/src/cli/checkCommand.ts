import { lstatSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { formatMessage } from '../core/l10n';
import type { Locale, MessageArgs } from '../core/l10n';
import { isSupportedKubernetesVersion, supportedKubernetesVersions } from '../core/schema/kubernetesVersions';
import { defaultSettings } from '../core/settings';
import { checkFiles } from './checkFiles';
import { decodeText } from './checkFile';
import type { CheckedFile, FileCheck, JsonFinding, JsonReport } from './checkFile';
import { checkStream, stdinPath } from './checkStream';
import { cliMessages } from './cliMessages';
import { describeFileProblem } from './fileProblems';
import { escapeForTerminal } from './terminalText';
import type { FileProblem } from '../files/readFileBounded';
import { parseOptions } from './parseOptions';
import { toGithub } from './toGithub';
import { toJunit } from './toJunit';
import { toSarif } from './toSarif';
import { podlineVersion } from '../version';
import type { CliEnvironment, CliResult } from './cliEnvironment';

export type { JsonFinding, JsonReport } from './checkFile';

const formats = ['text', 'json', 'sarif', 'github', 'junit'] as const;

/** `--fail-on`: the least severe finding that fails the run (exit code 1). */
const failOnLevels = ['error', 'warning', 'info'] as const;

/** How far down each severity is; `--fail-on info` takes hints too: every finding fails. */
const severityRank: Readonly<Record<JsonFinding['severity'], number>> = {
  error: 0,
  warning: 1,
  info: 2,
  hint: 3,
};
const failOnRank: Readonly<Record<(typeof failOnLevels)[number], number>> = { error: 0, warning: 1, info: 3 };

/**
 * `podline check`: analyses files, folders and standard input, and reports the findings as text,
 * JSON, SARIF, GitHub workflow commands or JUnit XML.
 */
export async function runCheckCommand(
  argv: readonly string[],
  environment: CliEnvironment,
  envLocale: Locale,
): Promise<CliResult> {
  const parsed = parseOptions(
    argv,
    {
      format: { values: formats },
      locale: { values: ['en', 'zh-CN'] },
      'kubernetes-version': { values: supportedKubernetesVersions },
      'max-file-size': {},
      'fail-on': { values: failOnLevels },
      quiet: { flag: true },
      summary: { flag: true },
    },
    envLocale,
  );
  const say = (key: keyof (typeof cliMessages)['en'], args?: MessageArgs): string =>
    formatMessage(cliMessages, parsed.locale, key, args);
  if (parsed.error) return { stdout: '', stderr: `${parsed.error}\n`, exitCode: 2 };
  if (parsed.positionals.length === 0) return { stdout: '', stderr: `${say('noFiles')}\n`, exitCode: 2 };
  const failOn =
    parsed.values['fail-on'] === 'warning' || parsed.values['fail-on'] === 'info'
      ? parsed.values['fail-on']
      : 'error';
  const quiet = parsed.values['quiet'] === 'true';
  // Warnings that fail the run but are not shown would fail CI with nothing to read.
  if (quiet && failOn !== 'error')
    return { stdout: '', stderr: `${say('quietFailOn', { level: failOn })}\n`, exitCode: 2 };

  const maxFileSizeText = parsed.values['max-file-size'];
  const maxFileSize =
    maxFileSizeText === undefined ? defaultSettings.maxFileSize : parseByteSize(maxFileSizeText);
  if (maxFileSize === undefined || maxFileSize < MIN_FILE_SIZE || maxFileSize > MAX_FILE_SIZE)
    return {
      stdout: '',
      stderr: `${say('badMaxFileSize', { value: maxFileSizeText ?? '', min: MIN_FILE_SIZE, max: MAX_FILE_SIZE })}\n`,
      exitCode: 2,
    };

  // `-` is standard input, read once wherever it is named. A terminal would wait for typing
  // that a CI job never does: that is a usage problem, said at once.
  const readsStdin = parsed.positionals.includes('-');
  if (readsStdin && (!environment.stdin || environment.stdin.isTerminal))
    return { stdout: '', stderr: `${say('stdinIsTerminal')}\n`, exitCode: 2 };

  // A path that cannot be read is reported and skipped; the others are still checked.
  const files: string[] = [];
  const notChecked: { path: string; problem: FileProblem }[] = [];
  const notes: string[] = [];
  // Where the entries of standard input go among the files' (after the files named before `-`).
  let stdinAt = -1;
  for (const target of parsed.positionals) {
    if (target === '-') {
      if (stdinAt === -1) stdinAt = files.length;
      continue;
    }
    const found = collectFiles(resolve(environment.cwd, target), target, (key, path) =>
      notes.push(say(key, { path })),
    );
    if ('problem' in found) notChecked.push({ path: target, problem: found.problem });
    // A folder named with no YAML in it is most likely a wrong path: a usage problem.
    else if (found.files.length === 0)
      return { stdout: '', stderr: `${say('noYamlFiles', { path: target })}\n`, exitCode: 2 };
    else files.push(...found.files);
  }

  const kubernetesVersion = parsed.values['kubernetes-version'];
  const settings = {
    ...defaultSettings,
    locale: parsed.locale,
    maxFileSize,
    ...(kubernetesVersion && isSupportedKubernetesVersion(kubernetesVersion) ? { kubernetesVersion } : {}),
  };
  let fromStdin: CheckedFile[] = [];
  if (readsStdin && environment.stdin) {
    const read = await environment.stdin.read(maxFileSize);
    if (!read.ok) notChecked.push({ path: stdinPath, problem: read.problem });
    else {
      const text = decodeText(read.bytes);
      // An empty stream is most often a command before the pipe that failed: it does not pass.
      if (text.trim() === '') return { stdout: '', stderr: `${say('stdinEmpty')}\n`, exitCode: 2 };
      fromStdin = checkStream(text, settings);
    }
  }
  const checks: FileCheck[] = await checkFiles(environment.cwd, files, settings, (done, total) =>
    environment.progress?.(done, total),
  );
  if (stdinAt !== -1) checks.splice(stdinAt, 0, ...fromStdin);
  const report: CheckedFile[] = [];
  for (const check of checks) {
    if ('problem' in check) notChecked.push(check);
    else report.push(check);
  }
  const unchecked = notChecked.map(({ path, problem }) => ({
    path,
    reason: describeFileProblem(problem, parsed.locale, '--max-file-size'),
  }));
  const stderr = [
    ...notes,
    ...unchecked.map(({ path, reason }) => say('cannotRead', { path: escapeForTerminal(path), reason })),
    ...(unchecked.length > 0 ? [say('notChecked', { count: unchecked.length })] : []),
  ]
    .map((line) => `${line}\n`)
    .join('');

  const all = report.flatMap((file) => file.findings);
  const count = (severity: JsonFinding['severity']): number =>
    all.filter((finding) => finding.severity === severity).length;
  const errors = count('error');
  const warnings = count('warning');
  const fails = (finding: JsonFinding): boolean => severityRank[finding.severity] <= failOnRank[failOn];
  const failing = all.filter(fails).length;
  // The summary counts every finding, also those `--quiet` leaves out of the report.
  const summary =
    failOn === 'info'
      ? say('summaryAll', { errors, warnings, notes: count('info') + count('hint'), files: report.length })
      : say('summary', { errors, warnings, files: report.length });
  // `--quiet`: errors only, in every format.
  const shown: CheckedFile[] = quiet
    ? report.map((file) => ({
        ...file,
        findings: file.findings.filter((finding) => finding.severity === 'error'),
      }))
    : report;

  const format = parsed.values['format'] ?? 'text';
  const json: JsonReport = {
    version: 1,
    files: shown.map(({ path, findings }) => ({ path, findings })),
    ...(unchecked.length > 0 ? { notChecked: unchecked } : {}),
  };
  let stdout: string;
  // Text always ends with the summary; GitHub's log takes it as a last line; a format whose
  // output is one document (JSON, SARIF, JUnit) gets it on stderr with `--summary`.
  let summaryOnStderr = false;
  switch (format) {
    case 'json':
      stdout = `${JSON.stringify(json, null, 2)}\n`;
      summaryOnStderr = true;
      break;
    case 'sarif':
      stdout = `${JSON.stringify(toSarif(json, podlineVersion), null, 2)}\n`;
      summaryOnStderr = true;
      break;
    case 'junit':
      stdout = toJunit(
        shown,
        unchecked.map(({ path, reason }) => ({ path, message: reason })),
        fails,
      );
      summaryOnStderr = true;
      break;
    case 'github': {
      const lines = toGithub(
        shown,
        unchecked.map(({ path, reason }) => ({ path, message: say('cannotRead', { path, reason }) })),
      );
      if (parsed.values['summary'] === 'true') lines.push(escapeForTerminal(summary));
      stdout = lines.map((line) => `${line}\n`).join('');
      break;
    }
    default:
      stdout = formatText(shown, summary);
  }
  const withSummary =
    summaryOnStderr && parsed.values['summary'] === 'true' ? `${stderr}${summary}\n` : stderr;
  // A file that was not checked does not pass: exit code 2, as for any I/O problem.
  return { stdout, stderr: withSummary, exitCode: unchecked.length > 0 ? 2 : failing > 0 ? 1 : 0 };
}

/** The limits `--max-file-size` accepts: those of the `podline.maxFileSize` setting. */
const MIN_FILE_SIZE = 1024;
const MAX_FILE_SIZE = 256 * 1024 * 1024;

/** `4194304`, `512K`, `4M`, `4MiB`: a size in bytes, or undefined. */
function parseByteSize(text: string): number | undefined {
  const match = /^(\d+)\s*(k|kb|kib|m|mb|mib)?$/i.exec(text.trim());
  if (!match) return undefined;
  const unit = (match[2] ?? '').toLowerCase();
  const factor = unit.startsWith('k') ? 1024 : unit.startsWith('m') ? 1024 * 1024 : 1;
  const value = Number(match[1]) * factor;
  return Number.isSafeInteger(value) ? value : undefined;
}

/**
 * Lists the YAML files under a folder (sorted, skipping dependency and VCS folders), or the path
 * itself when it is not a folder (the read then says what it is). Symbolic links inside a folder
 * are not followed, and each one skipped gets a note.
 */
function collectFiles(
  absolute: string,
  shown: string,
  note: (key: 'skippedFolder' | 'skippedLink', path: string) => void,
): { files: string[] } | { problem: FileProblem } {
  let isFolder: boolean;
  try {
    isFolder = statSync(absolute).isDirectory();
  } catch {
    // The read gives the precise reason (no such file, permission, a dangling link).
    return { files: [shown] };
  }
  if (!isFolder) return { files: [shown] };
  const found: string[] = [];
  const walk = (folder: string, shownFolder: string): void => {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      note('skippedFolder', shownFolder);
      return;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const shownPath = join(shownFolder, entry.name);
      if (entry.isSymbolicLink()) {
        if (/\.ya?ml$/i.test(entry.name) || isFolderLink(join(folder, entry.name)))
          note('skippedLink', shownPath);
      } else if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && !entry.name.startsWith('.'))
          walk(join(folder, entry.name), shownPath);
      } else if (entry.isFile() && /\.ya?ml$/i.test(entry.name)) {
        found.push(shownPath);
      }
    }
  };
  walk(absolute, shown);
  return { files: found };
}

function isFolderLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink() && statSync(path).isDirectory();
  } catch {
    return false;
  }
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
        `${escapeForTerminal(file.path)}:${line + 1}:${character + 1}: ${finding.severity} [${finding.code}] ${escapeForTerminal(finding.message)}`,
      );
    }
  }
  out.push(summary);
  return `${out.join('\n')}\n`;
}
