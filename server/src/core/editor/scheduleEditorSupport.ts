/**
 * What the schedule hover, code lens and completion share: finding a CronJob's `spec.schedule`
 * and `spec.timeZone`, the zone the controller will use, time formatting in any zone without
 * `Date` or `Intl` (the cron module's zone engine decides every offset, as Go would), the next
 * clock change of a zone and what it does to a schedule, and how often a schedule runs.
 */

import {
  computeNextRuns,
  formatCronMessage,
  instantsOfWallClock,
  loadTimeZone,
  validateTimeZone,
  wallClockAt,
  type CivilDateTime,
  type CronSpecSchedule,
  type ParsedSchedule,
  type TimeZone,
  type TimeZoneInvalidReason,
} from '../cron';
import { civilFromDays, civilFromSeconds, SECONDS_PER_DAY } from '../cron/civilDate';
import type { Locale } from '../l10n';
import { field, stringValue, type FieldRef } from '../yaml/fieldRef';
import { workloadRefs } from '../workload/workloadRefs';
import type { PodlineSettings } from '../settings';
import type { Workload } from '../workload/recognizeWorkload';
import { formatScheduleEditorMessage as say, type ScheduleEditorMessageKey } from './scheduleEditorMessages';

/** How many next runs to show: the `podline.nextRuns` setting (normalised to 1-50 by settings.ts). */
export function nextRunCount(settings: PodlineSettings): number {
  return settings.nextRuns;
}

/** A CronJob's schedule and time zone fields. */
export interface CronJobScheduleFields {
  readonly schedule: FieldRef;
  readonly timeZone: FieldRef;
}

/** The `spec.schedule` and `spec.timeZone` fields of a CronJob; undefined for any other document. */
export function cronJobScheduleFields(workload: Workload | undefined): CronJobScheduleFields | undefined {
  if (workload?.kind !== 'CronJob') return undefined;
  const spec = workloadRefs(workload).spec;
  return { schedule: field(spec, 'schedule'), timeZone: field(spec, 'timeZone') };
}

/** The zone the controller evaluates a schedule in, and how Podline knows it. */
export type ScheduleZone =
  | { readonly kind: 'set'; readonly name: string; readonly zone: TimeZone }
  | { readonly kind: 'assumed'; readonly name: string; readonly zone: TimeZone }
  | {
      readonly kind: 'invalid';
      readonly value: string;
      readonly reason: TimeZoneInvalidReason;
      readonly suggestion?: string;
    };

/** The UTC zone, without a table lookup. */
export const UTC_ZONE: TimeZone = { name: 'UTC', offsetAt: () => 0 };

/**
 * `spec.timeZone` when it is valid; UTC (the kube-controller-manager's usual local zone) when it
 * is absent; the reason when the API server would reject it.
 */
export function resolveScheduleZone(timeZone: FieldRef): ScheduleZone {
  if (timeZone.node === null) return { kind: 'assumed', name: 'UTC', zone: UTC_ZONE };
  const value = stringValue(timeZone);
  if (value === undefined) {
    const shown = timeZone.node.kind === 'scalar' ? String(timeZone.node.value) : timeZone.node.kind;
    return { kind: 'invalid', value: shown, reason: 'unknown' };
  }
  const validity = validateTimeZone(value);
  const zone = validity.valid ? loadTimeZone(value) : null;
  if (zone !== null) return { kind: 'set', name: value, zone };
  if (validity.valid) return { kind: 'invalid', value, reason: 'unknown' };
  return validity.suggestion === undefined
    ? { kind: 'invalid', value, reason: validity.reason }
    : { kind: 'invalid', value, reason: validity.reason, suggestion: validity.suggestion };
}

/** The message explaining why a spec.timeZone value is rejected. */
export function timeZoneErrorMessage(
  locale: Locale,
  value: string,
  reason: TimeZoneInvalidReason,
  suggestion?: string,
): string {
  switch (reason) {
    case 'empty':
      return say(locale, 'tz.empty');
    case 'local':
      return say(locale, 'tz.local');
    case 'wrongCase':
      if (suggestion !== undefined) return say(locale, 'tz.wrongCase', { zone: value, suggestion });
      return say(locale, 'tz.unknown', { zone: value });
    case 'unknown':
      return say(locale, 'tz.unknown', { zone: value });
  }
}

// ---------------------------------------------------------------------------------------------
// Formatting

function pad(n: number, width = 2): string {
  return String(Math.abs(n)).padStart(width, '0');
}

/** `+05:30`, `-04:00`, `+00:00` (seconds only when a historical offset has them). */
export function formatOffset(seconds: number): string {
  const sign = seconds < 0 ? '-' : '+';
  const abs = Math.abs(seconds);
  const rest = abs % 60;
  return `${sign}${pad(Math.floor(abs / 3600))}:${pad(Math.floor((abs % 3600) / 60))}${rest === 0 ? '' : `:${pad(rest)}`}`;
}

/** `09:00`, or `09:00:15` when the seconds are not zero (`@every` runs). */
export function formatClock(w: CivilDateTime): string {
  return `${pad(w.hour)}:${pad(w.minute)}${w.second === 0 ? '' : `:${pad(w.second)}`}`;
}

/** `2026-03-09`. */
export function formatIsoDate(w: { year: number; month: number; day: number }): string {
  return `${w.year < 0 ? '-' : ''}${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

function weekdayName(locale: Locale, weekday: number): string {
  return say(locale, 'names.weekdays').split(',')[weekday] ?? String(weekday);
}

/** How much of a wall-clock reading to show. */
export type WallTimeStyle = 'dateTime' | 'weekdayTime' | 'date';

/** A wall-clock reading in the locale's order: `Mon 2026-03-09 09:00` or `2026-03-09 周一 09:00`. */
export function formatWallClock(w: CivilDateTime, locale: Locale, style: WallTimeStyle = 'dateTime'): string {
  const key: ScheduleEditorMessageKey =
    style === 'dateTime' ? 'format.dateTime' : style === 'weekdayTime' ? 'format.weekdayTime' : 'format.date';
  return say(locale, key, {
    weekday: weekdayName(locale, w.weekday),
    date: formatIsoDate(w),
    time: formatClock(w),
  });
}

/** The wall clock in `zone` at epoch millisecond `ms`. */
export function wallClockOfInstant(zone: TimeZone, ms: number): CivilDateTime {
  return wallClockAt(zone, Math.floor(ms / 1000));
}

/** A duration in seconds as `1 h 30 min`, `2 d 4 h`, `45 s`; at most two units. */
export function formatShortDuration(seconds: number, locale: Locale): string {
  const total = Math.max(0, Math.round(seconds));
  const units: [ScheduleEditorMessageKey, number][] = [
    ['unit.days', Math.floor(total / SECONDS_PER_DAY)],
    ['unit.hours', Math.floor((total % SECONDS_PER_DAY) / 3600)],
    ['unit.minutes', Math.floor((total % 3600) / 60)],
    ['unit.seconds', total % 60],
  ];
  const first = units.findIndex(([, n]) => n > 0);
  if (first === -1) return say(locale, 'unit.seconds', { n: 0 });
  return units
    .slice(first, first + 2)
    .filter(([, n]) => n > 0)
    .map(([key, n]) => say(locale, key, { n }))
    .join(say(locale, 'join.units'));
}

/** How far ahead an instant is: `in 25 min`, `in 3 h`, `in 2 d 4 h` (never less than a minute). */
export function formatRelative(deltaMs: number, locale: Locale): string {
  const minutes = Math.max(1, Math.round(deltaMs / 60_000));
  if (minutes < 60) return say(locale, 'relative.minutes', { m: minutes });
  if (minutes < 24 * 60) {
    const h = Math.floor(minutes / 60);
    const m = minutes % 60;
    return m === 0 ? say(locale, 'relative.hours', { h }) : say(locale, 'relative.hoursMinutes', { h, m });
  }
  const hours = Math.round(minutes / 60);
  const d = Math.floor(hours / 24);
  const h = hours % 24;
  return h === 0 ? say(locale, 'relative.days', { d }) : say(locale, 'relative.daysHours', { d, h });
}

/** Joins items as a localised list, showing at most `max` of them. */
export function joinList(items: readonly string[], locale: Locale, max = 4): string {
  if (items.length > max) {
    return say(locale, 'dst.andMore', {
      list: items.slice(0, max).join(say(locale, 'join.list')),
      count: items.length - max,
    });
  }
  if (items.length <= 1) return items.join('');
  return (
    items.slice(0, -1).join(say(locale, 'join.list')) + say(locale, 'join.last') + items[items.length - 1]
  );
}

/** Escapes text so that Markdown shows it literally (table cells included). */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`);
}

/** Control characters shown as spaces, so a schedule never breaks the hover's layout. */
export function visibleText(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ');
}

/** An inline code span that shows `text` literally, whatever backticks it contains. */
export function codeSpan(text: string, maxLength = 120): string {
  let shown = visibleText(text);
  if (shown.length > maxLength) shown = `${shown.slice(0, maxLength)}…`;
  let longest = 0;
  for (const run of shown.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(longest + 1);
  const padding = shown.startsWith('`') || shown.endsWith('`') || shown.trim() === '' ? ' ' : '';
  return `${fence}${padding}${shown}${padding}${fence}`;
}

// ---------------------------------------------------------------------------------------------
// Zones

/** One change of a zone's UTC offset. */
export interface OffsetChange {
  /** The instant of the change, Unix seconds. */
  readonly at: number;
  readonly before: number;
  readonly after: number;
}

/**
 * The first change of `zone`'s offset after `fromSeconds`, within `horizonDays` (a year and a
 * bit covers every DST rule). It steps a day at a time and bisects to the second, so two changes
 * within one day (which no zone has) would be missed.
 */
export function nextOffsetChange(
  zone: TimeZone,
  fromSeconds: number,
  horizonDays = 400,
): OffsetChange | null {
  const before = zone.offsetAt(fromSeconds);
  let low = fromSeconds;
  for (let day = 1; day <= horizonDays; day++) {
    const high = fromSeconds + day * SECONDS_PER_DAY;
    if (zone.offsetAt(high) !== before) {
      let lo = low;
      let hi = high;
      // The offset is `before` at lo and different at hi.
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (zone.offsetAt(mid) === before) lo = mid;
        else hi = mid;
      }
      return { at: hi, before, after: zone.offsetAt(hi) };
    }
    low = high;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Schedules

function has(values: readonly number[], value: number): boolean {
  return values.includes(value);
}

/** robfig's day rule: AND when either day field carries the star bit, otherwise OR. */
function dayMatches(s: CronSpecSchedule, day: number, weekday: number): boolean {
  const dom = has(s.dayOfMonth.values, day);
  const dow = has(s.dayOfWeek.values, weekday);
  return s.dayOfMonth.star || s.dayOfWeek.star ? dom && dow : dom || dow;
}

/** Whether a wall-clock reading is one the schedule names (ignoring whether it exists). */
export function matchesWallClock(s: CronSpecSchedule, w: CivilDateTime): boolean {
  return (
    w.second === 0 &&
    has(s.minute.values, w.minute) &&
    has(s.hour.values, w.hour) &&
    has(s.month.values, w.month) &&
    dayMatches(s, w.day, w.weekday)
  );
}

function timesPhrase(locale: Locale, value: number): string {
  const rounded = Math.round(value * 10) / 10;
  if (Math.abs(value - Math.round(value)) < 0.05) {
    const n = Math.round(value);
    if (n === 1) return say(locale, 'times.once');
    if (n === 2) return say(locale, 'times.twice');
    return say(locale, 'times.n', { n });
  }
  return say(locale, 'times.about', { n: rounded });
}

/** The days of a four-year window (one full leap cycle, short of century years). */
const FREQUENCY_WINDOW_DAYS = 1461;

/**
 * How often a schedule runs, in words: per day when it runs every day, otherwise per week, month,
 * year or four years, whichever gives at least one run; restricted months are named. DST changes
 * are left out here (the DST sentence covers them). `fromDay` is the first day counted, in days
 * since 1970-01-01.
 */
export function describeFrequency(schedule: ParsedSchedule, fromDay: number, locale: Locale): string {
  if (schedule.type === 'every') {
    const seconds = schedule.durationMs / 1000;
    if (seconds <= SECONDS_PER_DAY) {
      return say(locale, 'frequency.perDay', { times: timesPhrase(locale, SECONDS_PER_DAY / seconds) });
    }
    return say(locale, 'frequency.everyLong', { duration: formatShortDuration(seconds, locale) });
  }
  const perDay = schedule.minute.values.length * schedule.hour.values.length;
  // Both day fields starred: every day of the selected months, no need to count.
  const everyDay = schedule.dayOfMonth.star && schedule.dayOfWeek.star;
  let matchingDays = 0;
  let daysInMonths = 0;
  for (let d = fromDay; d < fromDay + FREQUENCY_WINDOW_DAYS; d++) {
    const date = civilFromDays(d);
    if (!has(schedule.month.values, date.month)) continue;
    daysInMonths++;
    const weekday = (((d + 4) % 7) + 7) % 7;
    if (everyDay || dayMatches(schedule, date.day, weekday)) matchingDays++;
  }
  if (perDay === 0 || matchingDays === 0 || daysInMonths === 0) return '';
  const total = perDay * matchingDays;
  const monthCount = schedule.month.values.length;
  const eachDay = { perDay: timesPhrase(locale, perDay) };
  let sentence: string;
  if (matchingDays === daysInMonths) {
    sentence = say(locale, 'frequency.perDay', { times: timesPhrase(locale, perDay) });
  } else {
    const perWeek = total / (daysInMonths / 7);
    const perMonth = total / (4 * monthCount);
    const perYear = total / 4;
    const withDays = perDay > 1;
    if (perWeek >= 0.95) {
      sentence = say(locale, withDays ? 'frequency.perWeekEachDay' : 'frequency.perWeek', {
        times: timesPhrase(locale, perWeek),
        ...eachDay,
      });
    } else if (perMonth >= 0.95) {
      sentence = say(locale, withDays ? 'frequency.perMonthEachDay' : 'frequency.perMonth', {
        times: timesPhrase(locale, perMonth),
        ...eachDay,
      });
    } else if (perYear >= 0.95) {
      sentence = say(locale, withDays ? 'frequency.perYearEachDay' : 'frequency.perYear', {
        times: timesPhrase(locale, perYear),
        ...eachDay,
      });
    } else {
      sentence = say(locale, 'frequency.perFourYears', { times: timesPhrase(locale, total) });
    }
  }
  if (monthCount < 12) {
    const names = formatCronMessage(locale, 'names.months').split(',');
    const months = schedule.month.values.map((m) => names[m - 1] ?? String(m));
    sentence = say(locale, 'frequency.inMonths', { sentence, months: joinList(months, locale, 12) });
  }
  return sentence;
}

/** What a zone's next offset change does to a schedule, computed with the cron engine. */
export interface DstEffect {
  readonly change: OffsetChange;
  /** Wall times the schedule names that the change skips (spring forward). */
  readonly skipped: readonly CivilDateTime[];
  /** Wall times that occur twice (fall back) and fire twice, as robfig does. */
  readonly doubled: readonly CivilDateTime[];
  /** Wall times that occur twice but fire once. */
  readonly once: readonly CivilDateTime[];
  /** Runs robfig makes around the change that the wall clock alone does not predict, and the reverse. */
  readonly extra: readonly number[];
  readonly missing: readonly number[];
}

/**
 * How far beyond the skipped or repeated hour the wall clock and robfig's search are compared.
 * Short, because a schedule that fires every minute makes robfig's search the hover's main cost.
 */
const DST_MARGIN_SECONDS = 10 * 60;

/**
 * Finds the zone's next offset change after `nowMs` and compares, in the hours around it, the
 * schedule's wall times (none exist in a gap, two instants in an overlap) with the runs robfig's
 * search really produces. Null when the zone has no change in the coming year.
 */
export function dstEffect(schedule: CronSpecSchedule, zone: TimeZone, nowMs: number): DstEffect | null {
  const change = nextOffsetChange(zone, Math.floor(nowMs / 1000));
  if (change === null) return null;
  const low = Math.min(change.before, change.after);
  const high = Math.max(change.before, change.after);
  const from = change.at - (high - low) - DST_MARGIN_SECONDS;
  const to = change.at + (high - low) + DST_MARGIN_SECONDS;

  const skipped: CivilDateTime[] = [];
  const overlapping: { wall: CivilDateTime; instants: number[] }[] = [];
  const expected = new Set<number>();
  // Every wall-clock minute that can name an instant in the window, read as if it were UTC.
  const firstLocal = Math.ceil((from + low) / 60) * 60;
  for (let local = firstLocal; local <= to + high; local += 60) {
    const wall = civilFromSeconds(local);
    if (!matchesWallClock(schedule, wall)) continue;
    const instants = instantsOfWallClock(
      zone,
      wall.year,
      wall.month,
      wall.day,
      wall.hour,
      wall.minute,
      wall.second,
    ).filter((t) => t > from && t <= to);
    const inGap =
      change.after > change.before && local >= change.at + change.before && local < change.at + change.after;
    if (inGap) skipped.push(wall);
    if (instants.length === 2) overlapping.push({ wall, instants });
    for (const t of instants) expected.add(t);
  }

  const actual = new Set<number>();
  // Enough runs to cover the window, plus room for a few that robfig adds on its own; asking
  // for more would walk on for days past the window (a daily schedule's 1000th run is years away).
  const runs = computeNextRuns(schedule, from * 1000, zone.name, expected.size + 8).runs;
  for (const run of runs) {
    const t = run / 1000;
    if (t > to) break;
    actual.add(t);
  }
  const doubled: CivilDateTime[] = [];
  const once: CivilDateTime[] = [];
  for (const { wall, instants } of overlapping) {
    const fired = instants.filter((t) => actual.has(t)).length;
    if (fired === 2) doubled.push(wall);
    else if (fired === 1) once.push(wall);
  }
  const overlapInstants = new Set(overlapping.flatMap((o) => o.instants));
  const extra = [...actual].filter((t) => !expected.has(t)).map((t) => t * 1000);
  const missing = [...expected].filter((t) => !actual.has(t) && !overlapInstants.has(t)).map((t) => t * 1000);
  return { change, skipped, doubled, once, extra, missing };
}
