/**
 * Hover on a CronJob's `spec.schedule` (key or value): what the schedule means, its next runs in
 * the CronJob's zone and in the user's, how often it runs, and what the zone's next clock change
 * does to it. Everything is computed by the cron module as robfig/cron and the controller would.
 */

import {
  computeNextRuns,
  describeSchedule,
  formatCronError,
  formatCronFieldName,
  loadTimeZone,
  parseCronSchedule,
  scheduleNeverFires,
  type CronParseFailure,
  type CronSpecSchedule,
  type ParsedSchedule,
  type TimeZone,
} from '../cron';
import { daysFromCivil } from '../cron/civilDate';
import type { Locale } from '../l10n';
import { stringValue } from '../yaml/fieldRef';
import type { HoverProvider, HoverResult, PositionContext } from './editorFeature';
import { formatScheduleEditorMessage as say } from './scheduleEditorMessages';
import {
  codeSpan,
  cronJobScheduleFields,
  describeFrequency,
  dstEffect,
  escapeMarkdown,
  formatClock,
  formatOffset,
  formatShortDuration,
  formatWallClock,
  joinList,
  nextRunCount,
  resolveScheduleZone,
  timeZoneErrorMessage,
  visibleText,
  wallClockOfInstant,
  type ScheduleZone,
} from './scheduleEditorSupport';

/** The hover for `spec.schedule` of a CronJob. */
export const scheduleHover: HoverProvider = (context) => {
  const fields = cronJobScheduleFields(context.workload);
  if (!fields || context.path !== fields.schedule.path) return undefined;
  const schedule = stringValue(fields.schedule);
  if (schedule === undefined) return undefined;
  const range = context.onKey ? fields.schedule.keyRange : fields.schedule.valueRange;
  if (!range) return undefined;
  const markdown = scheduleHoverMarkdown(schedule, resolveScheduleZone(fields.timeZone), context);
  return { markdown, range } satisfies HoverResult;
};

/** The hover's Markdown for a schedule evaluated in `zone`, at `context.now`. */
export function scheduleHoverMarkdown(
  schedule: string,
  zone: ScheduleZone,
  context: Pick<PositionContext, 'locale' | 'now' | 'localTimeZone' | 'settings'>,
): string {
  const { locale } = context;
  const parts: string[] = [say(locale, 'hover.scheduleTitle', { schedule: codeSpan(schedule) })];
  const parsed = parseCronSchedule(schedule);
  if (!parsed.ok) {
    parts.push(invalidScheduleMarkdown(schedule, parsed, locale));
    return parts.join('\n\n');
  }
  parts.push(escapeMarkdown(describeSchedule(parsed, schedule, locale)));
  if (scheduleNeverFires(parsed) !== null) {
    parts.push(say(locale, 'hover.neverFires'));
    return parts.join('\n\n');
  }
  if (zone.kind === 'invalid') {
    parts.push(escapeMarkdown(say(locale, 'hover.zoneInvalid', { zone: visibleText(zone.value) })));
    parts.push(escapeMarkdown(timeZoneErrorMessage(locale, zone.value, zone.reason, zone.suggestion)));
    return parts.join('\n\n');
  }

  const runs = computeNextRuns(parsed, context.now, zone.name, nextRunCount(context.settings));
  if (runs.runs.length === 0) {
    parts.push(say(locale, runs.stalled ? 'hover.stalled' : 'hover.noRuns'));
    return parts.join('\n\n');
  }
  const frequency = describeFrequency(parsed, startDay(zone.zone, context.now), locale);
  if (frequency !== '') parts.push(escapeMarkdown(frequency));
  parts.push(
    escapeMarkdown(
      zone.kind === 'set'
        ? say(locale, 'hover.zoneSet', { zone: zone.name })
        : say(locale, 'hover.zoneAssumed', { zone: zone.name }),
    ),
  );
  parts.push(runsTable(runs.runs, zone.zone, context));
  if (runs.stalled) parts.push(say(locale, 'hover.stalled'));
  else if (runs.horizonReached) parts.push(say(locale, 'hover.noMoreRuns'));
  if (parsed.type === 'every') parts.push(say(locale, 'hover.everyFrom'));
  parts.push(escapeMarkdown(dstSentence(parsed, zone.zone, context.now, locale)));
  return parts.join('\n\n');
}

function invalidScheduleMarkdown(schedule: string, failure: CronParseFailure, locale: Locale): string {
  const detail = formatCronError(failure, locale);
  const message = failure.field
    ? say(locale, 'hover.invalidField', { field: formatCronFieldName(failure.field, locale), detail })
    : say(locale, 'hover.invalid', { detail });
  const shown = visibleText(schedule);
  if (shown.trim() === '' || shown.length > 200 || shown.includes('```')) return escapeMarkdown(message);
  // Point at the offending part under the schedule, as the CLI does.
  const caret = ' '.repeat(failure.start) + '^'.repeat(Math.max(1, failure.end - failure.start));
  return `${escapeMarkdown(message)}\n\n\`\`\`text\n${shown}\n${caret}\n\`\`\``;
}

/** Today's date in the zone, in days since 1970-01-01, where the frequency count starts. */
function startDay(zone: TimeZone, now: number): number {
  const w = wallClockOfInstant(zone, now);
  return daysFromCivil(w.year, w.month, w.day);
}

function runsTable(
  runs: readonly number[],
  zone: TimeZone,
  context: Pick<PositionContext, 'locale' | 'localTimeZone'>,
): string {
  const { locale } = context;
  const local = context.localTimeZone === zone.name ? null : loadTimeZone(context.localTimeZone);
  const cell = (z: TimeZone, ms: number, withOffset: boolean): string => {
    const text = formatWallClock(wallClockOfInstant(z, ms), locale);
    return withOffset ? `${text} (UTC${formatOffset(z.offsetAt(Math.floor(ms / 1000)))})` : text;
  };
  const header = [escapeMarkdown(zone.name)];
  if (local) header.push(escapeMarkdown(say(locale, 'hover.localColumn', { zone: local.name })));
  const lines = [
    `**${say(locale, 'hover.nextRuns')}**`,
    '',
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
  ];
  for (const run of runs) {
    const cells = [cell(zone, run, true)];
    if (local) cells.push(cell(local, run, true));
    lines.push(`| ${cells.join(' | ')} |`);
  }
  if (context.localTimeZone === zone.name) lines.push('', say(locale, 'hover.sameZone'));
  return lines.join('\n');
}

/** The sentence about the zone's next clock change and what it does to the schedule. */
function dstSentence(schedule: ParsedSchedule, zone: TimeZone, now: number, locale: Locale): string {
  if (schedule.type === 'every') return say(locale, 'dst.every');
  return describeDstEffect(schedule, zone, now, locale);
}

/** Describes the zone's next offset change and its effect on a five-field schedule. */
export function describeDstEffect(
  schedule: CronSpecSchedule,
  zone: TimeZone,
  now: number,
  locale: Locale,
): string {
  const effect = dstEffect(schedule, zone, now);
  if (effect === null) return say(locale, 'dst.none', { zone: zone.name });
  const { change } = effect;
  // The wall clock just before the change, in the old offset: "clocks go forward at 02:00".
  const before = wallClockOfInstant({ name: zone.name, offsetAt: () => change.before }, change.at * 1000);
  const sentences = [
    say(locale, change.after > change.before ? 'dst.forward' : 'dst.back', {
      zone: zone.name,
      date: formatWallClock(before, locale, 'date'),
      time: formatClock(before),
      shift: formatShortDuration(Math.abs(change.after - change.before), locale),
      from: formatOffset(change.before),
      to: formatOffset(change.after),
    }),
  ];
  const clocks = (walls: readonly { hour: number; minute: number; second: number }[]): string =>
    joinList(
      walls.map((w) => formatClock({ ...w, year: 0, month: 1, day: 1, weekday: 0 })),
      locale,
    );
  const instants = (list: readonly number[]): string =>
    joinList(
      list.map((ms) => {
        const w = wallClockOfInstant(zone, ms);
        return `${formatWallClock(w, locale, 'weekdayTime')} (UTC${formatOffset(zone.offsetAt(Math.floor(ms / 1000)))})`;
      }),
      locale,
    );
  if (effect.skipped.length > 0) {
    sentences.push(
      say(locale, effect.skipped.length === 1 ? 'dst.skippedOne' : 'dst.skippedMany', {
        times: clocks(effect.skipped),
      }),
    );
  }
  if (effect.doubled.length > 0) {
    sentences.push(
      say(locale, effect.doubled.length === 1 ? 'dst.doubledOne' : 'dst.doubledMany', {
        times: clocks(effect.doubled),
      }),
    );
  }
  if (effect.once.length > 0)
    sentences.push(say(locale, 'dst.onceInOverlap', { times: clocks(effect.once) }));
  if (effect.extra.length > 0)
    sentences.push(say(locale, 'dst.quirkExtra', { times: instants(effect.extra) }));
  if (effect.missing.length > 0) {
    sentences.push(say(locale, 'dst.quirkMissing', { times: instants(effect.missing) }));
  }
  if (sentences.length === 1) sentences.push(say(locale, 'dst.unaffected'));
  return sentences.join(say(locale, 'join.sentences'));
}
