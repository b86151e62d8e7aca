/** The five fields of a CronJob schedule and their ranges, as robfig/cron v3's `bounds` gives them. */

/** The five fields of a standard CronJob schedule. */
export type CronField = 'minute' | 'hour' | 'dayOfMonth' | 'month' | 'dayOfWeek';

/** The fields in schedule order. */
export const CRON_FIELDS: readonly CronField[] = ['minute', 'hour', 'dayOfMonth', 'month', 'dayOfWeek'];

/** The value range of each field (robfig's `bounds`). */
export const CRON_FIELD_BOUNDS: Readonly<Record<CronField, { readonly min: number; readonly max: number }>> =
  {
    minute: { min: 0, max: 59 },
    hour: { min: 0, max: 23 },
    dayOfMonth: { min: 1, max: 31 },
    month: { min: 1, max: 12 },
    dayOfWeek: { min: 0, max: 6 },
  };
