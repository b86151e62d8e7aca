/**
 * Podline's settings: the one source of truth for their names, types, defaults and the
 * normalisation of whatever a client sends. `package.json` `contributes.configuration` is
 * generated from `settingDefinitions` (scripts/syncSettings.mjs), and a test keeps the two in step.
 */
import { normalizeLocale } from './l10n';
import type { Locale } from './l10n';
import {
  isSupportedKubernetesVersion,
  newestKubernetesVersion,
  normalizeKubernetesVersion,
  supportedKubernetesVersions,
} from './schema/kubernetesVersions';
import type { KubernetesVersion } from './schema/kubernetesVersions';

/** The settings after normalisation: always complete and valid. */
export interface PodlineSettings {
  /** The language of messages; `auto` has already been resolved by the caller. */
  readonly locale: Locale;
  /** Files larger than this many characters get one "too large" finding instead of analysis. */
  readonly maxFileSize: number;
  /** Per-code severity overrides for lints and warnings; `off` silences a code. */
  readonly rules: Readonly<Record<string, RuleSetting>>;
  /** The Kubernetes version manifests are validated for, unless a file's comment overrides it. */
  readonly kubernetesVersion: KubernetesVersion;
  /** How many next runs a schedule's hover lists. */
  readonly nextRuns: number;
}

/** What a user may set for one lint or warning code. */
export type RuleSetting = 'off' | 'error' | 'warning' | 'info' | 'hint';

const ruleSettings: readonly RuleSetting[] = ['off', 'error', 'warning', 'info', 'hint'];

/** How one setting is declared in `package.json`. */
export interface SettingDefinition {
  readonly key: keyof PodlineSettings;
  readonly type: 'string' | 'number' | 'object';
  readonly default: string | number | Readonly<Record<string, string>>;
  /** For an object setting: the values each of its properties may take. */
  readonly valueEnum?: readonly string[];
  readonly enum?: readonly string[];
  readonly minimum?: number;
  readonly maximum?: number;
  /** The `package.nls.json` key of the description. */
  readonly descriptionKey: string;
  readonly scope: 'window' | 'resource' | 'application';
}

/** Every setting, under the `podline.` prefix. */
export const settingDefinitions: readonly SettingDefinition[] = [
  {
    key: 'kubernetesVersion',
    type: 'string',
    default: newestKubernetesVersion,
    enum: supportedKubernetesVersions,
    descriptionKey: 'podline.config.kubernetesVersion',
    scope: 'resource',
  },
  {
    key: 'locale',
    type: 'string',
    default: 'auto',
    enum: ['auto', 'en', 'zh-CN'],
    descriptionKey: 'podline.config.locale',
    scope: 'window',
  },
  {
    key: 'maxFileSize',
    type: 'number',
    default: 2 * 1024 * 1024,
    minimum: 1024,
    maximum: 256 * 1024 * 1024,
    descriptionKey: 'podline.config.maxFileSize',
    scope: 'resource',
  },
  {
    key: 'nextRuns',
    type: 'number',
    default: 5,
    minimum: 1,
    maximum: 50,
    descriptionKey: 'podline.config.nextRuns',
    scope: 'resource',
  },
  {
    key: 'rules',
    type: 'object',
    default: {},
    valueEnum: ruleSettings,
    descriptionKey: 'podline.config.rules',
    scope: 'resource',
  },
];

/** Settings with every default applied and the locale resolved to English. */
export const defaultSettings: PodlineSettings = normalizeSettings(undefined, 'en');

/**
 * Turns whatever a client sent for the `podline` section into valid settings: unknown keys are
 * ignored, wrong types and out-of-range numbers fall back to the default, and a locale of `auto`
 * (or none) becomes `displayLocale`.
 */
export function normalizeSettings(raw: unknown, displayLocale: Locale): PodlineSettings {
  const section: Record<string, unknown> =
    typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const localeSetting = section['locale'];
  const locale =
    typeof localeSetting === 'string' && localeSetting !== 'auto'
      ? normalizeLocale(localeSetting)
      : displayLocale;
  return {
    locale,
    maxFileSize: numberSetting(section['maxFileSize'], 'maxFileSize'),
    rules: rulesSetting(section['rules']),
    kubernetesVersion: kubernetesVersionSetting(section['kubernetesVersion']),
    nextRuns: numberSetting(section['nextRuns'], 'nextRuns'),
  };
}

function kubernetesVersionSetting(value: unknown): KubernetesVersion {
  const normalized = typeof value === 'string' ? normalizeKubernetesVersion(value) : undefined;
  return normalized !== undefined && isSupportedKubernetesVersion(normalized)
    ? normalized
    : newestKubernetesVersion;
}

function rulesSetting(value: unknown): Readonly<Record<string, RuleSetting>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const rules: Record<string, RuleSetting> = {};
  for (const [code, setting] of Object.entries(value as Record<string, unknown>)) {
    if (typeof setting === 'string' && (ruleSettings as readonly string[]).includes(setting))
      rules[code] = setting as RuleSetting;
  }
  return rules;
}

function numberSetting(value: unknown, key: keyof PodlineSettings): number {
  const definition = settingDefinitions.find((candidate) => candidate.key === key);
  const fallback = typeof definition?.default === 'number' ? definition.default : 0;
  if (typeof value !== 'number' || !Number.isFinite(value)) return fallback;
  if (definition?.minimum !== undefined && value < definition.minimum) return fallback;
  if (definition?.maximum !== undefined && value > definition.maximum) return fallback;
  return Math.floor(value);
}
