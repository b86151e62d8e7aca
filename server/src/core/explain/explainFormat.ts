/**
 * Small formatting helpers shared by the explanations: durations, ordinals and lists in English
 * and Simplified Chinese. Numbers stay digits in both languages, so tests can find them.
 */

import { defineCatalog, formatMessage } from '../l10n';
import type { Locale } from '../l10n';
import { civilFromSeconds } from '../cron/civilDate';
import { loadTimeZone } from '../cron/loadTimeZone';

/** This module's formatMessages, in English and Simplified Chinese. */
export const formatMessages = defineCatalog(
  {
    days: '{n} d',
    hours: '{n} h',
    minutes: '{n} min',
    seconds: '{n} s',
    ordinal: '{n}{suffix}',
    and: ' and ',
    or: ' or ',
    comma: ', ',
    unlimited: 'no limit',
  },
  {
    days: '{n} 天',
    hours: '{n} 小时',
    minutes: '{n} 分钟',
    seconds: '{n} 秒',
    ordinal: '第 {n} 次',
    and: ' 和 ',
    or: ' 或 ',
    comma: '、',
    unlimited: '无上限',
  },
);

/** "2 min 30 s", "1 h", "0 s"; Chinese "2 分钟 30 秒". Whole seconds; negative values read as 0. */
export function formatDuration(totalSeconds: number, locale: Locale): string {
  let rest = Math.max(0, Math.round(totalSeconds));
  const days = Math.floor(rest / 86400);
  rest -= days * 86400;
  const hours = Math.floor(rest / 3600);
  rest -= hours * 3600;
  const minutes = Math.floor(rest / 60);
  const seconds = rest - minutes * 60;
  const parts: string[] = [];
  if (days > 0) parts.push(formatMessage(formatMessages, locale, 'days', { n: days }));
  if (hours > 0) parts.push(formatMessage(formatMessages, locale, 'hours', { n: hours }));
  if (minutes > 0) parts.push(formatMessage(formatMessages, locale, 'minutes', { n: minutes }));
  if (seconds > 0 || parts.length === 0)
    parts.push(formatMessage(formatMessages, locale, 'seconds', { n: seconds }));
  // Very long spans read best with their two largest units only.
  return parts.slice(0, 2).join(' ');
}

/** "1st", "2nd", "11th", "23rd"; Chinese "第 4 次" (the noun follows in the sentence). */
export function formatOrdinal(n: number, locale: Locale): string {
  const tens = n % 100;
  const units = n % 10;
  const suffix =
    tens >= 11 && tens <= 13 ? 'th' : units === 1 ? 'st' : units === 2 ? 'nd' : units === 3 ? 'rd' : 'th';
  return formatMessage(formatMessages, locale, 'ordinal', { n, suffix });
}

/** "a, b and c" / "a、b 和 c"; with `or`, "a, b or c" / "a、b 或 c". */
export function formatList(
  items: readonly string[],
  locale: Locale,
  conjunction: 'and' | 'or' = 'and',
): string {
  if (items.length <= 1) return items[0] ?? '';
  const head = items.slice(0, -1).join(formatMessage(formatMessages, locale, 'comma'));
  return `${head}${formatMessage(formatMessages, locale, conjunction)}${items[items.length - 1] ?? ''}`;
}

/** "no limit" / "无上限", for limits set to the largest int32. */
export function formatUnlimited(locale: Locale): string {
  return formatMessage(formatMessages, locale, 'unlimited');
}

/** The largest value an int32 field holds: Kubernetes' "no limit" for backoffLimit. */
export const MAX_INT32 = 2147483647;

/** Wraps text in backticks for Markdown, escaping any backtick inside. */
export function code(text: string | number): string {
  const value = String(text);
  return value.includes('`') ? `\`\` ${value} \`\`` : `\`${value}\``;
}

/** Makes manifest text safe inside Markdown prose (no links, emphasis or HTML from user input). */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, (character) => `\\${character}`);
}

/**
 * An instant as Go's `time.RFC3339` prints it in `zoneName` ("2026-05-01T10:00:00+02:00", or a
 * trailing `Z` at offset 0), the format of the CronJob scheduled-timestamp annotation. An unknown
 * zone prints in UTC.
 */
export function formatRfc3339(epochMs: number, zoneName: string): string {
  const zone = loadTimeZone(zoneName) ?? loadTimeZone('UTC');
  const seconds = Math.floor(epochMs / 1000);
  const offset = zone?.offsetAt(seconds) ?? 0;
  const wall = civilFromSeconds(seconds + offset);
  const pad = (n: number, width = 2): string => String(Math.abs(n)).padStart(width, '0');
  const date = `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}`;
  const time = `${pad(wall.hour)}:${pad(wall.minute)}:${pad(wall.second)}`;
  if (offset === 0) return `${date}T${time}Z`;
  const abs = Math.abs(offset);
  return `${date}T${time}${offset < 0 ? '-' : '+'}${pad(Math.floor(abs / 3600))}:${pad(Math.floor((abs % 3600) / 60))}`;
}
