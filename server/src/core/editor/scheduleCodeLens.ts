/**
 * A code lens above each CronJob's `spec.schedule`: its next run in the CronJob's zone and how far
 * away it is ("next: Mon 09:00 Asia/Shanghai (in 3 h)"), or why there is none. No command: the
 * hover on the same line has the details.
 */

import {
  computeNextRuns,
  formatCronFieldName,
  parseCronSchedule,
  scheduleNeverFires,
  type TimeZone,
} from '../cron';
import type { Locale } from '../l10n';
import { stringValue } from '../yaml/fieldRef';
import type { CodeLensItem, CodeLensProvider } from './editorFeature';
import { formatScheduleEditorMessage as say } from './scheduleEditorMessages';
import {
  cronJobScheduleFields,
  formatRelative,
  formatShortDuration,
  formatWallClock,
  resolveScheduleZone,
  wallClockOfInstant,
} from './scheduleEditorSupport';

/** Within this many days the weekday alone names the next run; beyond it the date is shown. */
const WEEKDAY_ONLY_DAYS = 6;

/** The title of the lens for `schedule` evaluated in `zone` at `now`. */
export function scheduleLensTitle(
  schedule: string,
  zone: ReturnType<typeof resolveScheduleZone>,
  now: number,
  locale: Locale,
): string {
  const parsed = parseCronSchedule(schedule);
  if (!parsed.ok) {
    return parsed.field
      ? say(locale, 'lens.invalidField', { field: formatCronFieldName(parsed.field, locale) })
      : say(locale, 'lens.invalid');
  }
  if (scheduleNeverFires(parsed) !== null) return say(locale, 'lens.never');
  if (zone.kind === 'invalid') return say(locale, 'lens.invalidZone');
  if (parsed.type === 'every') {
    return say(locale, 'lens.every', { duration: formatShortDuration(parsed.durationMs / 1000, locale) });
  }
  const runs = computeNextRuns(parsed, now, zone.name, 1);
  const next = runs.runs[0];
  if (next === undefined) return say(locale, runs.stalled ? 'lens.stalled' : 'lens.noRun');
  return say(locale, zone.kind === 'set' ? 'lens.next' : 'lens.nextAssumed', {
    time: nextRunTime(zone.zone, next, now, locale),
    zone: zone.name,
    relative: formatRelative(next - now, locale),
  });
}

function nextRunTime(zone: TimeZone, run: number, now: number, locale: Locale): string {
  const style = run - now < WEEKDAY_ONLY_DAYS * 86_400_000 ? 'weekdayTime' : 'dateTime';
  return formatWallClock(wallClockOfInstant(zone, run), locale, style);
}

/** One lens above each CronJob schedule of the file. */
export const scheduleCodeLens: CodeLensProvider = (context) => {
  const lenses: CodeLensItem[] = [];
  for (const workload of context.analysis.workloads) {
    const fields = cronJobScheduleFields(workload);
    if (!fields) continue;
    const schedule = stringValue(fields.schedule);
    const range = fields.schedule.keyRange;
    if (schedule === undefined || !range) continue;
    const title = scheduleLensTitle(
      schedule,
      resolveScheduleZone(fields.timeZone),
      context.now,
      context.locale,
    );
    lenses.push({ range, title });
  }
  return lenses;
};
