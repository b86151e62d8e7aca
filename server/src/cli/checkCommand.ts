import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { formatMessage } from '../core/l10n';
import type { Locale, MessageArgs } from '../core/l10n';
import { isSupportedKubernetesVersion, supportedKubernetesVersions } from '../core/schema/kubernetesVersions';
import { defaultSettings } from '../core/settings';
import { checkFiles } from './checkFiles';
import { describeIoError } from './checkFile';
import type { JsonFinding, JsonReport } from './checkFile';
import { cliMessages } from './cliMessages';
import { parseOptions } from './parseOptions';
import { toSarif } from './toSarif';
import { podlineVersion } from '../version';
import type { CliEnvironment, CliResult } from './cliEnvironment';

export type { JsonFinding, JsonReport } from './checkFile';

const formats = ['text', 'json', 'sarif'] as const;

/** `podline check`: analyses files and folders and reports findings as text or JSON. */
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
  const checks = await checkFiles(environment.cwd, files, settings, (done, total) =>
    environment.progress?.(done, total),
  );
  const report: { path: string; findings: readonly JsonFinding[] }[] = [];
  for (const check of checks) {
    if ('ioError' in check) {
      return {
        stdout: '',
        stderr: `${say('cannotRead', { path: check.path, reason: check.ioError })}\n`,
        exitCode: 2,
      };
    }
    report.push(check);
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
