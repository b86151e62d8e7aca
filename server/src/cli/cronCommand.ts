/**
 * `podline cron <schedule>`: checks a CronJob schedule as Kubernetes would, describes it, and
 * lists its next runs. A thin shell over the pure cron core; the caller passes the current time.
 */

import { escapeLinesForTerminal } from './terminalText';
import { defineCatalog, formatMessage } from '../core/l10n';
import type { Locale, MessageArgs } from '../core/l10n';
import {
  computeNextRuns,
  describeSchedule,
  formatCronError,
  instantOfWallClock,
  loadTimeZone,
  parseCronSchedule,
  validateTimeZone,
  wallClockAt,
  MAX_NEXT_RUNS,
  type CronField,
  type TimeZone,
} from '../core/cron';
import { parseOptions } from './parseOptions';

/** The command's output and exit code (0 valid, 1 invalid schedule, 2 usage error). */
export interface CronCommandResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
}

/** `podline cron --format json` output, one object per invocation. */
export interface CronJsonReport {
  readonly schedule: string;
  readonly timeZone: string;
  readonly valid: boolean;
  readonly error: { readonly message: string; readonly field: CronField | null } | null;
  readonly description: string | null;
  readonly next: readonly string[];
}

const messages = defineCatalog(
  {
    missingSchedule: "podline cron: give a schedule, for example: podline cron '*/5 * * * *'",
    tooManyArguments:
      "podline cron: give the schedule as one quoted argument, for example: podline cron '0 3 * * 1-5'",
    badTimeZoneEmpty: 'podline cron: --time-zone must not be empty.',
    badTimeZoneLocal:
      'podline cron: --time-zone Local is not allowed: Kubernetes needs an explicit IANA zone.',
    badTimeZoneCase:
      "podline cron: unknown time zone '{zone}'; zone names are case-sensitive: did you mean '{suggestion}'?",
    badTimeZone: "podline cron: unknown time zone '{zone}' (use an IANA name such as Europe/Berlin or UTC).",
    badFrom:
      "podline cron: --from must be an ISO-8601 date-time such as 2026-03-08T01:30:00Z, not '{value}'.",
    badCount: "podline cron: --count must be a whole number from 0 to {max}, not '{value}'.",
    invalid: 'Invalid schedule: {message}',
    timeZone: 'Time zone: {zone}',
    nextRuns: 'Next runs:',
    noRuns: 'No runs.',
    horizon: 'No further run within five years (the controller looks no further).',
    stalled:
      "After this point robfig/cron's search never ends: the controller would stop scheduling this CronJob.",
    everyFrom: "@every counts from the CronJob's creation or last run; assumed here: {from}.",
  },
  {
    missingSchedule: "podline cron：请给出调度表达式，例如：podline cron '*/5 * * * *'",
    tooManyArguments: "podline cron：请把调度表达式作为一个带引号的参数，例如：podline cron '0 3 * * 1-5'",
    badTimeZoneEmpty: 'podline cron：--time-zone 不能为空。',
    badTimeZoneLocal: 'podline cron：不允许 --time-zone Local：Kubernetes 需要明确的 IANA 时区。',
    badTimeZoneCase: "podline cron：未知时区 '{zone}'；时区名区分大小写，是否应为 '{suggestion}'？",
    badTimeZone: "podline cron：未知时区 '{zone}'（请使用 IANA 名称，例如 Asia/Shanghai 或 UTC）。",
    badFrom: "podline cron：--from 必须是 ISO-8601 日期时间，例如 2026-03-08T01:30:00Z，而不是 '{value}'。",
    badCount: "podline cron：--count 必须是 0 到 {max} 之间的整数，而不是 '{value}'。",
    invalid: '无效的调度表达式：{message}',
    timeZone: '时区：{zone}',
    nextRuns: '接下来的运行时间：',
    noRuns: '没有运行时间。',
    horizon: '五年内没有更多运行（控制器不会再往后查找）。',
    stalled: '此后 robfig/cron 的查找永不结束：控制器将不再调度这个 CronJob。',
    everyFrom: '@every 从 CronJob 创建或上次运行的时间起算；这里假定为 {from}。',
  },
);

const DEFAULT_COUNT = 5;

/** A fixed zone for formatting instants in UTC without a table lookup. */
const UTC_ZONE: TimeZone = { name: 'UTC', offsetAt: () => 0 };

/** "2026-11-21T23:00:00Z": a UTC instant at second precision. */
function formatUtc(ms: number): string {
  const w = wallClockAt(UTC_ZONE, Math.floor(ms / 1000));
  return `${formatDate(w.year, w.month, w.day)}T${formatClock(w.hour, w.minute, w.second)}Z`;
}

function pad(n: number, width = 2): string {
  return String(Math.abs(n)).padStart(width, '0');
}

function formatDate(year: number, month: number, day: number): string {
  return `${year < 0 ? '-' : ''}${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

function formatClock(hour: number, minute: number, second: number): string {
  return `${pad(hour)}:${pad(minute)}:${pad(second)}`;
}

function formatOffset(seconds: number): string {
  const sign = seconds < 0 ? '-' : '+';
  const abs = Math.abs(seconds);
  const hh = pad(Math.floor(abs / 3600));
  const mm = pad(Math.floor((abs % 3600) / 60));
  const ss = abs % 60;
  return `${sign}${hh}:${mm}${ss === 0 ? '' : `:${pad(ss)}`}`;
}

/**
 * Reads `--from`: an ISO-8601 date or date-time. With `Z` or an offset it is an instant; without,
 * it is a wall time in the chosen zone (resolved as the controller's Go code would).
 */
function parseFrom(text: string, zoneName: string): number | null {
  const match =
    /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?(Z|z|[+-]\d{2}(?::?\d{2})?)?$/.exec(
      text.trim(),
    );
  if (match === null) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '', zone] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  // Reject 2026-02-31 rather than rolling it over into March.
  const asUtc = instantOfWallClock(UTC_ZONE, year, month, day, hour, minute, second);
  if (wallClockAt(UTC_ZONE, asUtc).day !== day) return null;
  const ms = Math.floor(Number(`0.${fraction || '0'}`) * 1000);
  if (zone === undefined) {
    const tz = loadTimeZone(zoneName);
    if (tz === null) return null;
    return instantOfWallClock(tz, year, month, day, hour, minute, second) * 1000 + ms;
  }
  let offset = 0;
  if (zone !== 'Z' && zone !== 'z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    offset = sign * (Number(digits.slice(0, 2)) * 3600 + Number(digits.slice(2, 4) || '0') * 60);
  }
  return (asUtc - offset) * 1000 + ms;
}

/** Runs `podline cron`; `now` (epoch ms) is the default for `--from`. */
export function runCronCommand(
  argv: readonly string[],
  now: number,
  defaultLocale: Locale = 'en',
): CronCommandResult {
  const parsed = parseOptions(
    argv,
    {
      'time-zone': {},
      from: {},
      count: {},
      format: { values: ['text', 'json'] },
      locale: { values: ['en', 'zh-CN'] },
    },
    defaultLocale,
  );
  const locale = parsed.locale;
  const say = (key: keyof (typeof messages)['en'], args?: MessageArgs): string =>
    formatMessage(messages, locale, key, args);
  const usage = (text: string): CronCommandResult => ({ stdout: '', stderr: `${text}\n`, exitCode: 2 });
  if (parsed.error !== null) return usage(parsed.error);
  if (parsed.positionals.length === 0) return usage(say('missingSchedule'));
  if (parsed.positionals.length > 1) return usage(say('tooManyArguments'));
  const schedule = parsed.positionals[0] ?? '';

  const timeZone = parsed.values['time-zone'] ?? 'UTC';
  const zoneCheck = validateTimeZone(timeZone);
  if (!zoneCheck.valid) {
    switch (zoneCheck.reason) {
      case 'empty':
        return usage(say('badTimeZoneEmpty'));
      case 'local':
        return usage(say('badTimeZoneLocal'));
      case 'wrongCase':
        return usage(say('badTimeZoneCase', { zone: timeZone, suggestion: zoneCheck.suggestion ?? '' }));
      case 'unknown':
        return usage(say('badTimeZone', { zone: timeZone }));
    }
  }

  let from = now;
  const fromText = parsed.values['from'];
  if (fromText !== undefined) {
    const value = parseFrom(fromText, timeZone);
    if (value === null) return usage(say('badFrom', { value: fromText }));
    from = value;
  }

  let count = DEFAULT_COUNT;
  const countText = parsed.values['count'];
  if (countText !== undefined) {
    if (!/^\d{1,4}$/.test(countText) || Number(countText) > MAX_NEXT_RUNS) {
      return usage(say('badCount', { value: countText, max: MAX_NEXT_RUNS }));
    }
    count = Number(countText);
  }

  const json = parsed.values['format'] === 'json';
  const result = parseCronSchedule(schedule);
  if (!result.ok) {
    const message = formatCronError(result, locale);
    if (json) {
      const report: CronJsonReport = {
        schedule,
        timeZone,
        valid: false,
        error: { message, field: result.field },
        description: null,
        next: [],
      };
      return { stdout: `${JSON.stringify(report)}\n`, stderr: '', exitCode: 1 };
    }
    // Point at the offending part; control characters are shown as spaces to keep the caret aligned.
    const shown = schedule.replace(/[\u0000-\u001f\u007f]/g, ' ');
    const caret = ' '.repeat(result.start) + '^'.repeat(Math.max(1, result.end - result.start));
    const pointer = shown.trim() === '' ? '' : `  ${shown}\n  ${caret}\n`;
    return {
      stdout: escapeLinesForTerminal(`${say('invalid', { message })}\n${pointer}`),
      stderr: '',
      exitCode: 1,
    };
  }

  const description = describeSchedule(result, schedule, locale);
  const runs = computeNextRuns(result, from, timeZone, count);
  if (json) {
    const report: CronJsonReport = {
      schedule,
      timeZone,
      valid: true,
      error: null,
      description,
      next: runs.runs.map(formatUtc),
    };
    return { stdout: `${JSON.stringify(report)}\n`, stderr: '', exitCode: 0 };
  }

  const zone = loadTimeZone(timeZone);
  const lines = [description, say('timeZone', { zone: timeZone })];
  if (result.type === 'every') lines.push(say('everyFrom', { from: formatUtc(from) }));
  if (count > 0) {
    if (runs.runs.length === 0 && !runs.horizonReached) lines.push(say('noRuns'));
    if (runs.runs.length > 0) lines.push(say('nextRuns'));
    for (const run of runs.runs) {
      const seconds = Math.floor(run / 1000);
      const offset = zone?.offsetAt(seconds) ?? 0;
      const w = wallClockAt(zone ?? UTC_ZONE, seconds);
      const local = `${formatDate(w.year, w.month, w.day)} ${formatClock(w.hour, w.minute, w.second)} ${formatOffset(offset)}`;
      lines.push(timeZone === 'UTC' ? `  ${formatUtc(run)}` : `  ${local}  (${formatUtc(run)})`);
    }
    if (runs.horizonReached) lines.push(say('horizon'));
    if (runs.stalled) lines.push(say('stalled'));
  }
  return { stdout: escapeLinesForTerminal(`${lines.join('\n')}\n`), stderr: '', exitCode: 0 };
}
