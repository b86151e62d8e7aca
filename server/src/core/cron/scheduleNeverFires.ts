/**
 * A cheap, static answer to "can this schedule ever run?", without robfig's five-year search.
 * A schedule that cannot run makes the controller emit an InvalidSchedule warning and create no
 * Jobs, so Podline reports it as an error even though the API server accepts it.
 */

import { daysInMonth } from './civilDate';
import type { CronField } from './cronFields';
import type { ParsedSchedule } from './parseCronSchedule';

/** Why a schedule never runs. */
export type CronNeverFires =
  | { readonly reason: 'emptyField'; readonly field: CronField }
  | {
      readonly reason: 'impossibleDate';
      readonly days: readonly number[];
      readonly months: readonly number[];
    };

/** Says why `schedule` can never run (e.g. `0 0 30 2 *`, `0 0 31 4,6 *`), or null when it can. */
export function scheduleNeverFires(schedule: ParsedSchedule): CronNeverFires | null {
  if (schedule.type === 'every') return null;
  // A lone "," selects nothing, and robfig accepts it.
  for (const field of ['minute', 'hour', 'month'] as const) {
    if (schedule[field].values.length === 0) return { reason: 'emptyField', field };
  }
  const dom = schedule.dayOfMonth;
  const dow = schedule.dayOfWeek;
  const months = schedule.month.values;
  // Every month has every weekday, so a selected weekday always occurs.
  const weekdaysOccur = dow.values.length > 0;
  // 2000 is a leap year, so February counts its 29th: `0 0 29 2 *` does run, every four years.
  const daysOccur = dom.values.some((day) => months.some((month) => day <= daysInMonth(2000, month)));
  if (dom.star || dow.star) {
    // AND: the starred field is "every day", so the other field alone decides.
    if (dom.star && dow.star) return null;
    if (dom.star) return weekdaysOccur ? null : { reason: 'emptyField', field: 'dayOfWeek' };
    if (dom.values.length === 0) return { reason: 'emptyField', field: 'dayOfMonth' };
    return daysOccur ? null : { reason: 'impossibleDate', days: dom.values, months };
  }
  // OR: either field may supply the day.
  if (weekdaysOccur || daysOccur) return null;
  if (dom.values.length === 0) return { reason: 'emptyField', field: 'dayOfMonth' };
  return { reason: 'impossibleDate', days: dom.values, months };
}
