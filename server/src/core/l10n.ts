/**
 * Podline's one localisation mechanism for the core, the server and the CLI: each module
 * declares its messages once with `defineCatalog`, English first, and the compiler refuses a
 * Simplified Chinese catalog that lacks a key. Placeholders are `{name}`.
 */

/** The locales Podline speaks. */
export type Locale = 'en' | 'zh-CN';

/** Arguments substituted into a message's `{name}` placeholders. */
export type MessageArgs = Readonly<Record<string, string | number>>;

/** A message catalog: one English and one Simplified Chinese text per key. */
export interface Catalog<K extends string> {
  readonly en: Readonly<Record<K, string>>;
  readonly 'zh-CN': Readonly<Record<K, string>>;
}

/** Declares a module's messages; both locales must have exactly the same keys. */
export function defineCatalog<K extends string>(
  en: Readonly<Record<K, string>>,
  zhCN: Readonly<Record<K, string>>,
): Catalog<K> {
  return { en, 'zh-CN': zhCN };
}

/** Renders message `key` of `catalog` in `locale`, substituting `{name}` placeholders. */
export function formatMessage<K extends string>(
  catalog: Catalog<K>,
  locale: Locale,
  key: K,
  args: MessageArgs = {},
): string {
  const template = catalog[locale][key] ?? catalog.en[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = args[name];
    return value === undefined ? whole : String(value);
  });
}

/** Maps any locale string (VS Code's `zh-cn`, a POSIX `zh_CN.UTF-8`, ...) to a supported locale. */
export function normalizeLocale(value: unknown): Locale {
  if (typeof value !== 'string') return 'en';
  return /^zh(?:[-_](?:cn|hans|sg))?(?:[.@].*)?$/i.test(value.trim()) || /^zh[-_]hans/i.test(value.trim())
    ? 'zh-CN'
    : 'en';
}
