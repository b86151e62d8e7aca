import { kubernetesSources } from '../findings/codeDoc';
import type { CodeDocs } from '../findings/codeDoc';
import {
  computeNextRuns,
  CRON_FIELD_BOUNDS,
  CRON_FIELDS,
  formatCronError,
  formatCronFieldName,
  parseCronSchedule,
  scheduleNeverFires,
  validateTimeZone,
  describeSchedule,
} from '../cron';
import type { CronParseFailure, ParsedSchedule } from '../cron';
import { defineCatalog, formatMessage } from '../l10n';
import type { MessageArgs } from '../l10n';
import type { OffsetRange } from '../text/offsetRange';
import { field, integerValue, isSet, stringValue } from '../yaml/fieldRef';
import type { FieldRef } from '../yaml/fieldRef';
import { reportApiError } from './reportApiError';
import { defineRule } from './rule';
import type { RuleContext } from './rule';
import { workloadRefs } from '../workload/workloadRefs';

const messages = defineCatalog(
  {
    syntax: 'Invalid schedule: {detail}',
    syntaxField: 'Invalid schedule, {field} field: {detail}',
    neverFires:
      'This schedule never fires ({description}): the CronJob controller reports InvalidSchedule and creates no Jobs',
    timeZoneUnknown: 'Unknown time zone "{value}": use an IANA name such as Europe/Berlin',
    timeZoneCase:
      'Unknown time zone "{value}": time zone names are case-sensitive; did you mean {suggestion}?',
    timeZoneEmpty: 'timeZone must be omitted or a non-empty time zone name',
    timeZoneLocal: 'timeZone must be an explicit IANA time zone, not Local',
    unevenStep:
      '"{item}" does not divide the {field} range {min}-{max} evenly: after {last} the next run is at {first}, a gap of {gap} instead of {step}',
    stepTooLarge: '"{item}" has a step larger than its range, so it selects only {first}',
    dayOr:
      'Both day of month and day of week are restricted: the schedule runs on days matching either (OR), not both',
    noTimeZone: "No timeZone: the schedule runs in the kube-controller-manager's local zone, usually UTC",
    overlap:
      'The schedule can fire every {interval} but a Job may run {deadline} (activeDeadlineSeconds): {consequence}',
    overlapAllow: 'with concurrencyPolicy Allow, Jobs will overlap',
    overlapForbid: 'with concurrencyPolicy Forbid, runs are skipped while a Job is active',
    overlapReplace: 'with concurrencyPolicy Replace, the running Job is deleted when the next one starts',
  },
  {
    syntax: '无效的调度：{detail}',
    syntaxField: '无效的调度，{field}字段：{detail}',
    neverFires: '该调度永远不会触发（{description}）：CronJob 控制器会报告 InvalidSchedule 且不创建任何 Job',
    timeZoneUnknown: '未知时区 "{value}"：请使用 IANA 名称，例如 Asia/Shanghai',
    timeZoneCase: '未知时区 "{value}"：时区名称区分大小写，是否应为 {suggestion}？',
    timeZoneEmpty: 'timeZone 要么省略，要么是非空的时区名称',
    timeZoneLocal: 'timeZone 必须是明确的 IANA 时区，不能是 Local',
    unevenStep:
      '"{item}" 不能整除{field}的范围 {min}-{max}：{last} 之后下一次是 {first}，间隔为 {gap} 而不是 {step}',
    stepTooLarge: '"{item}" 的步长超过了范围，因此只选中 {first}',
    dayOr: '同时限制了日期和星期：调度在满足其一（或）的日子运行，而不是两者同时满足',
    noTimeZone: '未设置 timeZone：调度按 kube-controller-manager 的本地时区运行，通常为 UTC',
    overlap:
      '调度最短每 {interval} 触发一次，但一个 Job 可能运行 {deadline}（activeDeadlineSeconds）：{consequence}',
    overlapAllow: 'concurrencyPolicy 为 Allow 时，Job 会重叠运行',
    overlapForbid: 'concurrencyPolicy 为 Forbid 时，已有 Job 运行期间的调度会被跳过',
    overlapReplace: 'concurrencyPolicy 为 Replace 时，下一个 Job 启动时会删除正在运行的 Job',
  },
);

type Say = (key: keyof (typeof messages)['en'], args?: MessageArgs) => string;

/**
 * A fixed instant for static estimates (the shortest gap between runs), so that analysis stays
 * a pure function of the text: 2025-01-06T00:00:00Z, a Monday.
 */
const referenceInstant = Date.UTC(2025, 0, 6);

/** Where the text of a string scalar starts in the document, when its characters map one to one. */
export function valueTextStart(text: string, ref: FieldRef, value: string): number | undefined {
  const range = ref.valueRange;
  if (!range || ref.node?.kind !== 'scalar') return undefined;
  if (ref.node.style === 'plain' && text.slice(range.start, range.start + value.length) === value)
    return range.start;
  if (
    (ref.node.style === 'double' || ref.node.style === 'single') &&
    text.slice(range.start + 1, range.end - 1) === value
  ) {
    return range.start + 1;
  }
  return undefined;
}

/** The codes this module reports, with their documentation (`docs/rules.md`). */
const codes = {
  'cronjob/schedule-syntax': {
    severity: 'error',
    summary: 'A schedule robfig/cron v3 ParseStandard rejects; the range points at the field and part.',
    source: `${kubernetesSources.batch} validateCronJobSpec (cron.ParseStandard)`,
    example: 'schedule: "60 * * * *"',
  },
  'cronjob/schedule-tz': {
    severity: 'error',
    summary:
      'TZ= or CRON_TZ= in the schedule, which Kubernetes rejects on create; the quick fix moves it to spec.timeZone.',
    source: `${kubernetesSources.batch} validateCronJobSpec`,
    example: 'schedule: "TZ=Asia/Tokyo 0 9 * * *"',
  },
  'cronjob/schedule-weekday-7': {
    severity: 'error',
    summary: 'Day of week 7: Kubernetes cron counts Sunday as 0 only; the quick fix writes 0.',
    source: 'robfig/cron v3 (day of week 0-6)',
    example: 'schedule: "0 9 * * 7"',
  },
  'cronjob/schedule-six-fields': {
    severity: 'error',
    summary: 'Six fields: Kubernetes cron has no seconds (or year) field.',
    source: 'robfig/cron v3 ParseStandard',
    example: 'schedule: "0 0 9 * * *"',
  },
  'cronjob/schedule-never-fires': {
    severity: 'warning',
    summary: 'A schedule that parses but never fires (30 February): the controller creates no Jobs.',
    source: 'pkg/controller/cronjob (InvalidSchedule)',
    example: 'schedule: "0 0 30 2 *"',
  },
  'cronjob/schedule-step': {
    severity: 'warning',
    summary:
      'A */n step that does not divide its range (an uneven gap at the wrap), or a step larger than the range.',
    source: 'robfig/cron v3 getRange',
    example: 'schedule: "*/7 * * * *"',
  },
  'cronjob/schedule-day-or': {
    severity: 'warning',
    summary: 'Day of month and day of week both restricted: they combine with OR, not AND.',
    source: 'robfig/cron v3 dayMatches',
    example: 'schedule: "0 0 13 * 5"',
  },
  'cronjob/no-time-zone': {
    severity: 'info',
    summary: "No timeZone: the schedule runs in the controller's local zone, usually UTC.",
    source: `${kubernetesSources.batch} (timeZone is optional)`,
    example: 'schedule: "0 9 * * *"',
  },
  'cronjob/schedule-overlap': {
    severity: 'warning',
    summary:
      'The schedule fires more often than a Job may run (activeDeadlineSeconds); says what concurrencyPolicy then does.',
    source: 'pkg/controller/cronjob concurrencyPolicy handling',
    example: 'schedule: "* * * * *"\nactiveDeadlineSeconds: 600',
  },
  'cronjob/time-zone': {
    severity: 'error',
    summary: 'timeZone empty, Local, or unknown to Go’s time zone database.',
    source: `${kubernetesSources.batch} validateTimeZone`,
    example: 'timeZone: Local',
  },
} satisfies CodeDocs;
type Code = keyof typeof codes;

/**
 * `spec.schedule` and `spec.timeZone` as Kubernetes checks them (robfig/cron v3 ParseStandard,
 * the TZ ban, Go's time zone database), with ranges inside the string, plus the warnings for
 * schedules that parse but probably do not mean what they say.
 */
export const cronScheduleRule = defineRule({
  codes,
  kinds: ['CronJob'],
  check(context) {
    const refs = workloadRefs(context.workload);
    if (!isSet(refs.spec)) return;
    const say: Say = (key, args = {}) => formatMessage(messages, context.locale, key, args);
    const timeZone = checkTimeZone(context, say, field(refs.spec, 'timeZone'));
    const scheduleRef = field(refs.spec, 'schedule');
    const schedule = stringValue(scheduleRef);
    if (schedule === undefined || schedule === '') return;
    const start = valueTextStart(context.text, scheduleRef, schedule);
    const inside = (from: number, to: number): OffsetRange =>
      start === undefined
        ? (scheduleRef.valueRange ?? { start: 0, end: 0 })
        : { start: start + from, end: start + Math.max(to, from + 1) };
    const parsed = parseCronSchedule(schedule);
    if (!parsed.ok) {
      reportParseFailure(context, say, scheduleRef, parsed, inside);
      return;
    }
    const never = scheduleNeverFires(parsed);
    if (never) {
      // The API server accepts it (validateScheduleFormat only parses it): a warning.
      reportApiError(context, {
        code: 'cronjob/schedule-never-fires',
        ref: scheduleRef,
        severity: 'warning',
        message: say('neverFires', { description: describeSchedule(parsed, schedule, context.locale) }),
      });
      return;
    }
    checkSteps(context, say, scheduleRef, parsed, inside);
    if (
      parsed.type === 'spec' &&
      !parsed.dayOfMonth.star &&
      !parsed.dayOfWeek.star &&
      parsed.descriptor === null
    ) {
      context.report({
        code: 'cronjob/schedule-day-or',
        severity: 'warning',
        message: say('dayOr'),
        range: inside(parsed.dayOfMonth.start, parsed.dayOfWeek.end),
        path: scheduleRef.path,
      });
    }
    if (!isSet(field(refs.spec, 'timeZone'))) {
      reportApiError(context, {
        code: 'cronjob/no-time-zone',
        ref: scheduleRef,
        severity: 'info',
        message: say('noTimeZone'),
      });
    }
    checkOverlap(context, say, scheduleRef, schedule, parsed, timeZone ?? 'UTC');
  },
});

function reportParseFailure(
  context: RuleContext<Code>,
  say: Say,
  ref: FieldRef,
  failure: CronParseFailure,
  inside: (from: number, to: number) => OffsetRange,
): void {
  const detail = formatCronError(failure, context.locale);
  const code =
    failure.kind === 'tzPrefix'
      ? 'cronjob/schedule-tz'
      : failure.kind === 'weekday7'
        ? 'cronjob/schedule-weekday-7'
        : failure.kind === 'sixFields'
          ? 'cronjob/schedule-six-fields'
          : 'cronjob/schedule-syntax';
  const range = inside(failure.start, failure.end);
  const tz = failure.tz;
  context.report({
    code,
    severity: 'error',
    message: failure.field
      ? say('syntaxField', { field: formatCronFieldName(failure.field, context.locale), detail })
      : say('syntax', { detail }),
    range,
    path: ref.path,
    errorType: 'Invalid',
    data: {
      kind: failure.kind,
      field: failure.field,
      ...(tz?.zone && tz.rest?.ok
        ? { zone: tz.zone, removeRange: inside(tz.removeStart, tz.removeEnd) }
        : {}),
      ...(failure.kind === 'weekday7' ? { item: context.text.slice(range.start, range.end) } : {}),
    },
  });
}

function checkTimeZone(context: RuleContext<Code>, say: Say, ref: FieldRef): string | undefined {
  const value = stringValue(ref);
  if (value === undefined) return undefined;
  const validity = validateTimeZone(value);
  if (validity.valid) return value;
  const key =
    validity.reason === 'empty'
      ? 'timeZoneEmpty'
      : validity.reason === 'local'
        ? 'timeZoneLocal'
        : validity.reason === 'wrongCase' && validity.suggestion
          ? 'timeZoneCase'
          : 'timeZoneUnknown';
  reportApiError(context, {
    code: 'cronjob/time-zone',
    ref,
    type: 'Invalid',
    message: say(key, { value, suggestion: validity.suggestion ?? '' }),
    ...(validity.suggestion ? { data: { replacement: validity.suggestion } } : {}),
  });
  return undefined;
}

function checkSteps(
  context: RuleContext<Code>,
  say: Say,
  ref: FieldRef,
  schedule: ParsedSchedule,
  inside: (from: number, to: number) => OffsetRange,
): void {
  if (schedule.type !== 'spec' || schedule.descriptor !== null) return;
  for (const name of CRON_FIELDS) {
    const spec = schedule[name];
    const bounds = CRON_FIELD_BOUNDS[name];
    for (const item of spec.items) {
      if (item.step <= 1 || item.stepStart === null) continue;
      const values: number[] = [];
      for (let value = item.low; value <= item.high && values.length <= 64; value += item.step)
        values.push(value);
      const first = values[0] ?? item.low;
      const last = values[values.length - 1] ?? item.low;
      const fieldName = formatCronFieldName(name, context.locale);
      if (values.length === 1) {
        context.report({
          code: 'cronjob/schedule-step',
          severity: 'warning',
          message: say('stepTooLarge', { item: item.text, first }),
          range: inside(item.start, item.end),
          path: ref.path,
        });
      } else if (item.wildcard && (bounds.max - bounds.min + 1) % item.step !== 0) {
        const size = bounds.max - bounds.min + 1;
        context.report({
          code: 'cronjob/schedule-step',
          severity: 'warning',
          message: say('unevenStep', {
            item: item.text,
            field: fieldName,
            min: bounds.min,
            max: bounds.max,
            first,
            last,
            gap: first + size - last,
            step: item.step,
          }),
          range: inside(item.start, item.end),
          path: ref.path,
        });
      }
    }
  }
}

/**
 * The shortest gap between runs, by time zone and schedule text. Computing it walks 200 runs of
 * robfig's search (milliseconds per schedule); the same schedules recur across the documents of
 * a file and across every re-analysis while typing. It depends only on its key.
 */
const shortestGapCache = new Map<string, number>();
const shortestGapCacheLimit = 10_000;

/**
 * A lower bound of the gap between two runs, cheap to compute, so that the common case (a
 * deadline far shorter than the schedule's period) needs no search. In wall-clock time two runs
 * are never closer than two consecutive times of day the schedule selects (the last and the
 * first of the next day included). Clock changes bring them closer in real time: a jump forward
 * by at most its size, two hours at most in the time zone data (Antarctica/Troll); and when the
 * clock goes back, a time of day in the repeated stretch runs twice (robfig's search matches it
 * twice), the size of the change apart: 30 minutes at least (Australia/Lord_Howe). Times of day
 * less than two hours apart can fall in the same repeated stretch and run minutes apart.
 */
export function shortestGapLowerBound(schedule: ParsedSchedule): number {
  if (schedule.type === 'every') return schedule.durationMs;
  const minutes = schedule.minute.values;
  const times = schedule.hour.values.flatMap((hour) => minutes.map((minute) => hour * 60 + minute));
  const first = times[0];
  const last = times[times.length - 1];
  if (first === undefined || last === undefined) return 0;
  let shortest = first + 24 * 60 - last;
  for (let i = 1; i < times.length; i++) shortest = Math.min(shortest, (times[i] ?? 0) - (times[i - 1] ?? 0));
  const maxClockChange = 2 * 3_600_000;
  const minClockChange = 30 * 60_000;
  const wallClock = shortest * 60_000;
  return wallClock < maxClockChange ? 0 : Math.min(wallClock - maxClockChange, minClockChange);
}

/** The shortest gap between two of the next 200 runs from a fixed instant, in milliseconds. */
export function shortestGap(scheduleText: string, schedule: ParsedSchedule, timeZone: string): number {
  const key = `${timeZone}\u0000${scheduleText}`;
  const cached = shortestGapCache.get(key);
  if (cached !== undefined) return cached;
  const { runs } = computeNextRuns(schedule, referenceInstant, timeZone, 200);
  let shortest = Infinity;
  for (let i = 1; i < runs.length; i++) shortest = Math.min(shortest, (runs[i] ?? 0) - (runs[i - 1] ?? 0));
  if (shortestGapCache.size >= shortestGapCacheLimit) shortestGapCache.clear();
  shortestGapCache.set(key, shortest);
  return shortest;
}

function checkOverlap(
  context: RuleContext<Code>,
  say: Say,
  ref: FieldRef,
  scheduleText: string,
  schedule: ParsedSchedule,
  timeZone: string,
): void {
  const jobSpec = workloadRefs(context.workload).jobSpec;
  if (!jobSpec) return;
  const deadline =
    integerValue(field(jobSpec, 'activeDeadlineSeconds')) ??
    integerValue(field(field(field(jobSpec, 'template'), 'spec'), 'activeDeadlineSeconds'));
  if (deadline === undefined || deadline <= 0) return;
  if (deadline * 1000 <= shortestGapLowerBound(schedule)) return;
  const shortest = shortestGap(scheduleText, schedule, timeZone);
  if (!Number.isFinite(shortest) || deadline * 1000 <= shortest) return;
  const policy = stringValue(field(workloadRefs(context.workload).spec, 'concurrencyPolicy')) ?? 'Allow';
  const consequence = say(
    policy === 'Forbid' ? 'overlapForbid' : policy === 'Replace' ? 'overlapReplace' : 'overlapAllow',
  );
  reportApiError(context, {
    code: 'cronjob/schedule-overlap',
    ref,
    severity: 'warning',
    message: say('overlap', {
      interval: formatDuration(shortest / 1000),
      deadline: formatDuration(deadline),
      consequence,
    }),
  });
}

/** A short duration such as `90 s`, `5 min`, `2 h`, `3 d`. */
export function formatDuration(seconds: number): string {
  if (seconds < 120) return `${Math.round(seconds)} s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} min`;
  if (seconds < 172800) return `${Math.round(seconds / 360) / 10} h`;
  return `${Math.round(seconds / 8640) / 10} d`;
}
