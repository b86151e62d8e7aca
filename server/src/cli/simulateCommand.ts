/**
 * `podline simulate <file>`: runs one workload of a manifest through Podline's controller models
 * and prints the timeline, as JSON (docs/scenarios.md) or as text that reads like
 * `kubectl get pods -w` followed by the `kubectl describe` events. A thin shell over the pure core.
 */

import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { defaultSettings } from '../core/settings';
import { defaultYamlLimits } from '../core/yaml/parseYamlFile';
import { readFileBoundedSync } from '../files/readFileBounded';
import { decodeText } from './checkFile';
import { describeFileProblem } from './fileProblems';
import { escapeForTerminal, escapeStringsDeep } from './terminalText';
import { writeTimelinePage } from './writeOutput';
import { defineCatalog, formatMessage } from '../core/l10n';
import type { Locale, MessageArgs } from '../core/l10n';
import { formatTimelineText, scenarioPathFor, simulateDocument } from '../core/simulator';
import { loadWebviewAssets, renderTimelineHtml } from './timelineHtml';
import { parseOptions } from './parseOptions';
import type { CliEnvironment, CliResult } from './cliEnvironment';

const messages = defineCatalog(
  {
    noFile: 'podline simulate: name one manifest file, for example: podline simulate job.yaml',
    htmlNeedsOut: 'podline simulate: --format html needs --out <file.html>.',
    cannotWrite: "podline simulate: cannot write '{path}': {reason}",
    htmlWritten: 'Timeline written to {path}',
    tooManyFiles: 'podline simulate: name exactly one manifest file.',
    cannotRead: "podline simulate: cannot read '{path}': {reason}",
    badDocument: "podline simulate: --document must be a whole number from 0, not '{value}'.",
    badSeed: "podline simulate: --seed must be a whole number from 0 to 9007199254740991, not '{value}'.",
    scenarioError: '{path}:{line}:{column}: {message}',
    scenarioInvalid: 'podline simulate: the scenario has {count} error(s); nothing was simulated.',
    documentError: 'podline simulate: {path}: {message}',
    workloadError: 'podline simulate: {path}: {message}',
    scenarioUsed: 'Scenario: {path}',
  },
  {
    noFile: 'podline simulate：请指定一个清单文件，例如：podline simulate job.yaml',
    htmlNeedsOut: 'podline simulate：--format html 需要 --out <文件.html>。',
    cannotWrite: "podline simulate：无法写入 '{path}'：{reason}",
    htmlWritten: '时间线已写入 {path}',
    tooManyFiles: 'podline simulate：只能指定一个清单文件。',
    cannotRead: "podline simulate：无法读取 '{path}'：{reason}",
    badDocument: "podline simulate：--document 必须是从 0 开始的整数，而不是 '{value}'。",
    badSeed: "podline simulate：--seed 必须是 0 到 9007199254740991 之间的整数，而不是 '{value}'。",
    scenarioError: '{path}:{line}:{column}：{message}',
    scenarioInvalid: 'podline simulate：场景中有 {count} 个错误；没有进行模拟。',
    documentError: 'podline simulate：{path}：{message}',
    workloadError: 'podline simulate：{path}：{message}',
    scenarioUsed: '场景：{path}',
  },
);

/** The scenario file Podline looks for beside a manifest (re-exported for the CLI's callers). */
export { scenarioPathFor };

/** A scenario is read as a YAML file within the parser's default limit (2 MiB). */
const MAX_SCENARIO_BYTES = defaultYamlLimits.maxFileLength;

/** `podline simulate <file> [--document N] [--scenario file] [--seed N] [--format text|json|html] [--out file] [--force]`. */
export function runSimulateCommand(
  argv: readonly string[],
  environment: CliEnvironment,
  envLocale: Locale,
): CliResult {
  const parsed = parseOptions(
    argv,
    {
      document: {},
      scenario: {},
      seed: {},
      format: { values: ['text', 'json', 'html'] },
      force: { flag: true },
      out: {},
      locale: { values: ['en', 'zh-CN'] },
    },
    envLocale,
  );
  const locale = parsed.locale;
  const say = (key: keyof (typeof messages)['en'], args?: MessageArgs): string =>
    formatMessage(messages, locale, key, args);
  const fail = (text: string): CliResult => ({ stdout: '', stderr: `${text}\n`, exitCode: 2 });
  if (parsed.error) return fail(parsed.error);
  if (parsed.positionals.length === 0) return fail(say('noFile'));
  if (parsed.positionals.length > 1) return fail(say('tooManyFiles'));
  const file = parsed.positionals[0] ?? '';

  const documentText = parsed.values['document'];
  let document: number | undefined;
  if (documentText !== undefined) {
    if (!/^\d+$/.test(documentText) || !Number.isSafeInteger(Number(documentText))) {
      return fail(say('badDocument', { value: documentText }));
    }
    document = Number(documentText);
  }
  const seedText = parsed.values['seed'];
  let seed: number | undefined;
  if (seedText !== undefined) {
    if (!/^\d+$/.test(seedText) || !Number.isSafeInteger(Number(seedText)))
      return fail(say('badSeed', { value: seedText }));
    seed = Number(seedText);
  }

  const manifest = readFileBoundedSync(resolve(environment.cwd, file), defaultSettings.maxFileSize);
  if (!manifest.ok)
    return fail(say('cannotRead', { path: file, reason: describeFileProblem(manifest.problem, locale) }));
  const text = decodeText(manifest.bytes);

  // An explicit --scenario must exist; the file beside the manifest is used when it is there.
  let scenarioPath = parsed.values['scenario'];
  if (scenarioPath === undefined) {
    const beside = scenarioPathFor(file);
    if (existsSync(resolve(environment.cwd, beside))) scenarioPath = beside;
  }
  let scenarioText: string | null = null;
  if (scenarioPath !== undefined) {
    const scenario = readFileBoundedSync(resolve(environment.cwd, scenarioPath), MAX_SCENARIO_BYTES);
    if (!scenario.ok)
      return fail(
        say('cannotRead', { path: scenarioPath, reason: describeFileProblem(scenario.problem, locale) }),
      );
    scenarioText = decodeText(scenario.bytes);
  }

  const result = simulateDocument(text, {
    ...(document === undefined ? {} : { document }),
    scenarioText,
    ...(seed === undefined ? {} : { seed }),
    locale,
  });
  if (!result.ok) {
    const error = result.error;
    switch (error.kind) {
      case 'scenario': {
        const lines = error.errors.map((problem) =>
          say('scenarioError', {
            path: scenarioPath ?? '',
            line: problem.line,
            column: problem.column,
            message: problem.message,
          }),
        );
        lines.push(say('scenarioInvalid', { count: error.errors.length }));
        return fail(lines.join('\n'));
      }
      case 'document':
        return fail(say('documentError', { path: file, message: error.message }));
      case 'workload': {
        const where =
          error.line !== null && scenarioPath !== undefined ? `${scenarioPath}:${error.line}` : file;
        return fail(say('workloadError', { path: where, message: error.message }));
      }
    }
  }
  const format = parsed.values['format'] ?? 'text';
  if (format === 'html') {
    // The standalone page: the panel's own rendering code and the timeline, no network.
    const out = parsed.values['out'];
    if (out === undefined) return fail(say('htmlNeedsOut'));
    let assets: { script: string; css: string };
    try {
      assets = loadWebviewAssets();
    } catch (error) {
      return fail(
        say('cannotRead', {
          path: 'dist/webview',
          reason: error instanceof Error ? error.message : String(error),
        }),
      );
    }
    const title = `${result.timeline.kind} ${result.timeline.name}`;
    const written = writeTimelinePage({
      cwd: environment.cwd,
      out,
      inputs: [file, scenarioPathFor(file), ...(scenarioPath === undefined ? [] : [scenarioPath])],
      force: parsed.values['force'] === 'true',
      content: renderTimelineHtml(result.timeline, title, locale, assets.script, assets.css),
      locale,
    });
    if (!written.ok) return fail(say('cannotWrite', { path: out, reason: written.reason }));
    return { stdout: `${say('htmlWritten', { path: out })}\n`, stderr: '', exitCode: 0 };
  }
  if (format === 'json')
    return { stdout: `${JSON.stringify(result.timeline, null, 2)}\n`, stderr: '', exitCode: 0 };
  const header =
    scenarioPath === undefined ? '' : `${say('scenarioUsed', { path: escapeForTerminal(scenarioPath) })}\n`;
  // Every value from the manifest and the scenario is escaped before the text is laid out.
  return {
    stdout: header + formatTimelineText(escapeStringsDeep(result.timeline), locale),
    stderr: '',
    exitCode: 0,
  };
}
