import { normalizeLocale, formatMessage } from '../core/l10n';
import type { Locale, MessageArgs } from '../core/l10n';
import type { CliEnvironment, CliResult } from './cliEnvironment';
import { cliMessages } from './cliMessages';
import { runCheckCommand } from './checkCommand';
import { runCronCommand } from './cronCommand';
import { runPreviewCommand } from './previewCommand';
import { runSimulateCommand } from './simulateCommand';
import { podlineVersion } from '../version';

export type { CliEnvironment, CliResult };

/** Runs one `podline` invocation. */
export async function runCli(argv: readonly string[], environment: CliEnvironment): Promise<CliResult> {
  const locale = localeFromEnvironment(environment.env);
  const [command, ...rest] = argv;
  const say = (key: keyof (typeof cliMessages)['en'], args?: MessageArgs): string =>
    formatMessage(cliMessages, locale, key, args);
  switch (command) {
    case 'check':
      return await runCheckCommand(rest, environment, locale);
    case 'simulate':
      return runSimulateCommand(rest, environment, locale);
    case 'preview':
      return runPreviewCommand(rest, environment, locale);
    case 'cron':
      return runCronCommand(rest, environment.now, locale);
    case 'help':
    case '--help':
    case '-h':
      return { stdout: say('usage'), stderr: '', exitCode: 0 };
    case undefined:
      return { stdout: '', stderr: say('usage'), exitCode: 2 };
    case 'version':
    case '--version':
      return { stdout: `${podlineVersion}\n`, stderr: '', exitCode: 0 };
    default:
      return { stdout: '', stderr: `${say('unknownCommand', { command })}\n`, exitCode: 2 };
  }
}

/** The locale of a terminal: `LC_ALL`, then `LC_MESSAGES`, then `LANG`. */
export function localeFromEnvironment(env: Readonly<Record<string, string | undefined>>): Locale {
  return normalizeLocale(env['LC_ALL'] || env['LC_MESSAGES'] || env['LANG'] || 'en');
}
