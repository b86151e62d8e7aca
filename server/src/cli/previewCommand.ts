/**
 * `podline preview <file> [--document N]`: prints, as YAML, what the controllers would create from
 * the workloads of a file (a Job's pods, a CronJob's next Job and its pod, a DaemonSet's pod on a
 * sample node). A thin shell over the pure preview core; the caller passes the current time.
 */

import { resolve } from 'node:path';
import { analyzeDocument } from '../core/analysis/analyzeDocument';
import { defineCatalog, formatMessage } from '../core/l10n';
import type { Locale, MessageArgs } from '../core/l10n';
import { previewDocument, previewFile } from '../core/preview/previewObjects';
import { isSupportedKubernetesVersion, supportedKubernetesVersions } from '../core/schema/kubernetesVersions';
import { defaultSettings } from '../core/settings';
import { readFileBoundedSync } from '../files/readFileBounded';
import { decodeText } from './checkFile';
import { describeFileProblem } from './fileProblems';
import { parseOptions } from './parseOptions';
import type { CliEnvironment, CliResult } from './cliEnvironment';

/** This module's previewCommandMessages, in English and Simplified Chinese. */
export const previewCommandMessages = defineCatalog(
  {
    missingFile: 'podline preview: name one YAML file, for example: podline preview job.yaml',
    tooManyFiles: 'podline preview: name exactly one file.',
    badDocument: "podline preview: --document must be a document number (0 for the first), not '{value}'.",
    noSuchDocument: 'podline preview: {path} has {count} document(s); --document {document} does not exist.',
    cannotRead: "podline preview: cannot read '{path}': {reason}",
    noWorkloads: 'podline preview: {path} has no Job, CronJob or DaemonSet to preview.',
  },
  {
    missingFile: 'podline preview：请指定一个 YAML 文件，例如：podline preview job.yaml',
    tooManyFiles: 'podline preview：只能指定一个文件。',
    badDocument: "podline preview：--document 必须是文档编号（第一个为 0），而不是 '{value}'。",
    noSuchDocument: 'podline preview：{path} 有 {count} 个文档；不存在 --document {document}。',
    cannotRead: "podline preview：无法读取 '{path}'：{reason}",
    noWorkloads: 'podline preview：{path} 中没有可预览的 Job、CronJob 或 DaemonSet。',
  },
);

/**
 * Runs `podline preview`. Exit code 0: objects printed; 2: a usage or I/O problem, or nothing to
 * preview (the chosen document, or the file, has no workload), as `podline simulate` answers it.
 */
export function runPreviewCommand(
  argv: readonly string[],
  environment: CliEnvironment,
  envLocale: Locale,
): CliResult {
  const parsed = parseOptions(
    argv,
    {
      document: {},
      locale: { values: ['en', 'zh-CN'] },
      'kubernetes-version': { values: supportedKubernetesVersions },
    },
    envLocale,
  );
  const locale = parsed.locale;
  const say = (key: keyof (typeof previewCommandMessages)['en'], args?: MessageArgs): string =>
    formatMessage(previewCommandMessages, locale, key, args);
  const usage = (text: string): CliResult => ({ stdout: '', stderr: `${text}\n`, exitCode: 2 });
  if (parsed.error !== null) return usage(parsed.error);
  if (parsed.positionals.length === 0) return usage(say('missingFile'));
  if (parsed.positionals.length > 1) return usage(say('tooManyFiles'));
  const path = parsed.positionals[0] ?? '';
  const documentText = parsed.values['document'];
  if (documentText !== undefined && !/^\d{1,6}$/.test(documentText))
    return usage(say('badDocument', { value: documentText }));

  const read = readFileBoundedSync(resolve(environment.cwd, path), defaultSettings.maxFileSize);
  if (!read.ok) return usage(say('cannotRead', { path, reason: describeFileProblem(read.problem, locale) }));
  const text = decodeText(read.bytes);
  const kubernetesVersion = parsed.values['kubernetes-version'];
  const settings = {
    ...defaultSettings,
    locale,
    ...(kubernetesVersion && isSupportedKubernetesVersion(kubernetesVersion) ? { kubernetesVersion } : {}),
  };
  const analysis = analyzeDocument(text, settings);

  if (documentText !== undefined) {
    const document = Number(documentText);
    const count = analysis.yaml.documents.length;
    if (document >= count) return usage(say('noSuchDocument', { path, count, document }));
    const preview = previewDocument(analysis, document, environment.now, locale);
    return { stdout: preview.text, stderr: '', exitCode: preview.ok ? 0 : 2 };
  }

  const preview = previewFile(analysis, environment.now, locale);
  // Nothing to preview is the same answer as simulate gives: the input cannot be used (exit 2).
  if (!preview.ok) return { stdout: '', stderr: `${say('noWorkloads', { path })}\n`, exitCode: 2 };
  return { stdout: preview.text, stderr: '', exitCode: 0 };
}
