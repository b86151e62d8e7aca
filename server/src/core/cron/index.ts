/**
 * The cron module: Kubernetes' CronJob schedule dialect (robfig/cron v3.0.1 as the controller
 * uses it), its time zones, and plain-language descriptions. Pure: no Node APIs, no wall clock.
 */

export {
  parseCronSchedule,
  MAX_SCHEDULE_LENGTH,
  type CronItem,
  type CronFieldSpec,
  type CronDescriptor,
  type CronSpecSchedule,
  type CronEverySchedule,
  type ParsedSchedule,
  type CronErrorKind,
  type CronTzPrefix,
  type CronParseFailure,
} from './parseCronSchedule';
export { CRON_FIELDS, CRON_FIELD_BOUNDS, type CronField } from './cronFields';
export { computeNextRuns, MAX_NEXT_RUNS, type NextRuns } from './computeNextRuns';
export { ScheduleTimes } from './scheduleTimes';
export { scheduleNeverFires, type CronNeverFires } from './scheduleNeverFires';
export { describeSchedule } from './describeSchedule';
export { validateTimeZone, type TimeZoneValidity, type TimeZoneInvalidReason } from './validateTimeZone';
export {
  loadTimeZone,
  listTimeZoneNames,
  wallClockAt,
  instantOfWallClock,
  instantsOfWallClock,
  type TimeZone,
} from './loadTimeZone';
export { TIME_ZONE_DATA_VERSION } from './timeZoneData';
export { cronMessages, formatCronMessage, formatCronFieldName, type CronMessageKey } from './cronMessages';
export type { CivilDateTime } from './civilDate';
export { formatCronError } from './formatCronError';
