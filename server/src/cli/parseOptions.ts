import { formatMessage, normalizeLocale } from '../core/l10n';
import type { Locale } from '../core/l10n';
import { cliMessages } from './cliMessages';

/** How one `--name value` option is declared: its allowed values, or any value; or a `--name` flag. */
export interface OptionSpec {
  readonly values?: readonly string[];
  /** A flag takes no value: present, it reads as `'true'`. */
  readonly flag?: boolean;
}

/** Parsed options: `--name value` or `--name=value`, and positional arguments. */
export interface ParsedOptions {
  readonly values: Readonly<Record<string, string>>;
  readonly positionals: readonly string[];
  readonly locale: Locale;
  readonly error: string | null;
}

/** Parses a subcommand's arguments; `--locale` is understood by every subcommand. */
export function parseOptions(
  argv: readonly string[],
  specs: Readonly<Record<string, OptionSpec>>,
  defaultLocale: Locale,
): ParsedOptions {
  const values: Record<string, string> = {};
  const positionals: string[] = [];
  let error: string | null = null;
  // `--locale` decides the language of the other errors, so it is read first.
  const localeIndex = argv.findIndex((arg) => arg === '--locale' || arg.startsWith('--locale='));
  const localeArg =
    localeIndex === -1
      ? undefined
      : argv[localeIndex]?.includes('=')
        ? argv[localeIndex]?.split('=')[1]
        : argv[localeIndex + 1];
  const locale =
    localeArg === 'en' || localeArg === 'zh-CN'
      ? localeArg
      : localeArg === undefined
        ? defaultLocale
        : normalizeLocale(localeArg);
  const say = (key: keyof (typeof cliMessages)['en'], args: Record<string, string>): string =>
    formatMessage(cliMessages, locale, key, args);

  for (let i = 0; i < argv.length && error === null; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const equals = arg.indexOf('=');
    const name = arg.slice(2, equals === -1 ? undefined : equals);
    const spec = specs[name];
    if (!spec) {
      error = say('unknownOption', { option: `--${name}` });
      break;
    }
    if (spec.flag) {
      if (equals !== -1) {
        error = say('unknownOption', { option: arg });
        break;
      }
      values[name] = 'true';
      continue;
    }
    const value = equals === -1 ? argv[++i] : arg.slice(equals + 1);
    if (value === undefined) {
      error = say('missingValue', { option: `--${name}` });
      break;
    }
    if (spec.values && !spec.values.includes(value)) {
      error = say('badValue', { option: `--${name}`, allowed: spec.values.join(', '), value });
      break;
    }
    values[name] = value;
  }
  return { values, positionals, locale, error };
}
