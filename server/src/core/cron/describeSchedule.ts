/**
 * Plain-language descriptions of schedules. cronstrue does the phrasing of ordinary five-field
 * schedules, but it speaks a different dialect, so it never sees the user's text: we hand it a
 * canonical expression rebuilt from what robfig actually selected (`*\/61` becomes `0`, `*-5`
 * becomes `*`, `5,5` becomes `5`), and we phrase ourselves what it gets wrong: `@every`, the
 * descriptors, schedules that never run, and the OR between day of month and day of week (its
 * English says "and on Friday" for an OR; we give it a locale that says "or").
 */

import cronstrue from 'cronstrue';
// Registers the zh_CN locale on the same cronstrue instance; bundles only the locale we speak.
import 'cronstrue/locales/zh_CN';
import type { Locale as CronstrueLocale } from 'cronstrue/dist/i18n/locale';
import type { Locale } from '../l10n';
import { daysInMonth } from './civilDate';
import { formatCronFieldName, formatCronMessage, joinCronList } from './cronMessages';
import { CRON_FIELD_BOUNDS, type CronField } from './cronFields';
import type { CronSpecSchedule, ParsedSchedule } from './parseCronSchedule';
import { scheduleNeverFires } from './scheduleNeverFires';

const CRONSTRUE_LOCALE: Readonly<Record<Locale, string>> = { en: 'en', 'zh-CN': 'zh_CN' };

/** Our variants of cronstrue's locales, registered once, that phrase the day OR as an "or". */
function podlineLocale(locale: Locale): string {
  const name = `podline_${CRONSTRUE_LOCALE[locale]}`;
  const locales = cronstrue.locales;
  if (locales[name] === undefined) {
    const base = locales[CRONSTRUE_LOCALE[locale]] ?? locales['en'];
    if (base === undefined) return CRONSTRUE_LOCALE[locale];
    const derived = Object.create(base) as CronstrueLocale;
    // cronstrue uses these two only for a weekday list or range when the day of month is set too,
    // which in robfig (and in Vixie cron) means "either day matches".
    if (locale === 'en') {
      derived.commaAndOnX0 = () => ', or on %s';
      derived.commaAndX0ThroughX1 = () => ', or %s through %s';
    } else {
      derived.commaAndOnX0 = () => ', 或者为%s';
      derived.commaAndX0ThroughX1 = () => ', 或者为%s至%s';
    }
    locales[name] = derived;
  }
  return name;
}

/** Rewrites a field's selected values as the plainest expression cronstrue describes correctly. */
function canonicalField(field: CronField, values: readonly number[]): string {
  const { min, max } = CRON_FIELD_BOUNDS[field];
  if (values.length === max - min + 1) return '*';
  const first = values[0];
  const second = values[1];
  const last = values[values.length - 1];
  // A regular step, for the fields where "every N" reads naturally; months and weekdays read
  // better as names ("January, June and November") than as "every 5 months".
  if (
    (field === 'minute' || field === 'hour' || field === 'dayOfMonth') &&
    values.length >= 3 &&
    first !== undefined &&
    second !== undefined &&
    last !== undefined &&
    second - first > 1 &&
    values.every((v, i) => v === first + i * (second - first))
  ) {
    const step = second - first;
    // `*\/N` only when the step divides the range, so that "every N" is true across the wrap too;
    // otherwise the explicit range makes cronstrue say where the sequence stops.
    return first === min && last + step > max && (max - min + 1) % step === 0
      ? `*/${step}`
      : `${first}-${last}/${step}`;
  }
  const parts: string[] = [];
  for (let i = 0; i < values.length;) {
    let j = i;
    while (j + 1 < values.length && values[j + 1] === (values[j] ?? 0) + 1) j++;
    const a = values[i];
    const b = values[j];
    if (a !== undefined && b !== undefined) {
      if (j - i >= 2) parts.push(`${a}-${b}`);
      else for (let k = i; k <= j; k++) parts.push(String(values[k]));
    }
    i = j + 1;
  }
  return parts.join(',');
}

/** The canonical five-field expression for a parsed schedule, with robfig's day logic made explicit. */
function canonicalExpression(s: CronSpecSchedule): { expression: string; leapDayOnly: boolean } {
  const months = s.month.values;
  // Days of the month that exist in at least one selected month (February has a 29th).
  const realDays = s.dayOfMonth.values.filter((d) => months.some((m) => d <= daysInMonth(2000, m)));
  let dom: string;
  let dow: string;
  let domDecides: boolean;
  if (s.dayOfMonth.star || s.dayOfWeek.star) {
    // AND, where the starred field allows every day.
    dom = s.dayOfMonth.star ? '*' : canonicalField('dayOfMonth', s.dayOfMonth.values);
    dow = s.dayOfWeek.star ? '*' : canonicalField('dayOfWeek', s.dayOfWeek.values);
    domDecides = !s.dayOfMonth.star && s.dayOfWeek.star;
  } else if (realDays.length === 0) {
    // OR, but no selected day of the month ever occurs: the weekdays alone decide.
    dom = '*';
    dow = canonicalField('dayOfWeek', s.dayOfWeek.values);
    domDecides = false;
  } else if (s.dayOfWeek.values.length === 0) {
    dom = canonicalField('dayOfMonth', realDays);
    dow = '*';
    domDecides = true;
  } else if (realDays.length === 31 || s.dayOfWeek.values.length === 7) {
    // OR with a field that allows every day: every day.
    dom = '*';
    dow = '*';
    domDecides = false;
  } else {
    dom = canonicalField('dayOfMonth', realDays);
    dow = canonicalField('dayOfWeek', s.dayOfWeek.values);
    domDecides = false;
  }
  const leapDayOnly =
    domDecides &&
    realDays.length > 0 &&
    realDays.every((d) => d === 29) &&
    months.every((m) => m === 2 || daysInMonth(2000, m) < 29);
  const expression = [
    canonicalField('minute', s.minute.values),
    canonicalField('hour', s.hour.values),
    dom,
    canonicalField('month', months),
    dow,
  ].join(' ');
  return { expression, leapDayOnly };
}

/** "1 hour 30 minutes", "1 小时 30 分钟". */
function formatDuration(ms: number, locale: Locale): string {
  const total = Math.floor(ms / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const parts: string[] = [];
  if (hours > 0)
    parts.push(formatCronMessage(locale, hours === 1 ? 'unit.hour' : 'unit.hours', { n: hours }));
  if (minutes > 0)
    parts.push(formatCronMessage(locale, minutes === 1 ? 'unit.minute' : 'unit.minutes', { n: minutes }));
  if (seconds > 0 || parts.length === 0) {
    parts.push(formatCronMessage(locale, seconds === 1 ? 'unit.second' : 'unit.seconds', { n: seconds }));
  }
  return parts.join(formatCronMessage(locale, 'join.units'));
}

/** Describes a schedule Kubernetes accepted, in plain English or Simplified Chinese. */
export function describeSchedule(schedule: ParsedSchedule, text: string, locale: Locale): string {
  if (schedule.type === 'every') {
    const duration = formatDuration(schedule.durationMs, locale);
    const description = formatCronMessage(locale, 'describe.every', { duration });
    return schedule.adjusted
      ? formatCronMessage(locale, 'describe.everyRounded', {
          description,
          written: schedule.durationText,
          duration,
        })
      : description;
  }
  const never = scheduleNeverFires(schedule);
  if (never !== null) {
    const monthNames = formatCronMessage(locale, 'names.months').split(',');
    const reason =
      never.reason === 'emptyField'
        ? formatCronMessage(locale, 'describe.neverEmptyField', {
            fieldName: formatCronFieldName(never.field, locale),
          })
        : formatCronMessage(
            locale,
            never.days.length === 1 ? 'describe.neverImpossibleDay' : 'describe.neverImpossibleDays',
            {
              days: joinCronList(never.days.map(String), locale),
              months: joinCronList(
                never.months.map((m) => monthNames[m - 1] ?? String(m)),
                locale,
              ),
            },
          );
    return formatCronMessage(locale, 'describe.never', { reason });
  }
  switch (schedule.descriptor) {
    case '@yearly':
    case '@annually':
      return formatCronMessage(locale, 'describe.yearly');
    case '@monthly':
      return formatCronMessage(locale, 'describe.monthly');
    case '@weekly':
      return formatCronMessage(locale, 'describe.weekly');
    case '@daily':
    case '@midnight':
      return formatCronMessage(locale, 'describe.daily');
    case '@hourly':
      return formatCronMessage(locale, 'describe.hourly');
    case null:
      break;
  }
  const { expression, leapDayOnly } = canonicalExpression(schedule);
  let description: string;
  try {
    description = cronstrue.toString(expression, {
      locale: podlineLocale(locale),
      use24HourTimeFormat: true,
      throwExceptionOnParseError: true,
    });
  } catch {
    // cronstrue is a phrasing aid; if it ever fails on a canonical expression, say it plainly.
    return formatCronMessage(locale, 'describe.fallback', { expression: text.trim() || expression });
  }
  return leapDayOnly ? formatCronMessage(locale, 'describe.leapYearOnly', { description }) : description;
}
