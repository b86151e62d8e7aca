/**
 * What a CronJob's settings do with its schedule: concurrencyPolicy against the time between runs
 * and the longest a Job may take, startingDeadlineSeconds and missed runs, the history limits,
 * suspend, and the names of the Jobs it creates (kubernetes-behaviour §2.2, §3.2, §3.4, §4.1 items 2–3).
 */

import { computeNextRuns, parseCronSchedule } from '../cron';
import type { ParsedSchedule } from '../cron';
import { defineCatalog, formatMessage } from '../l10n';
import type { Locale, MessageArgs } from '../l10n';
import { field, stringValue } from '../yaml/fieldRef';
import type { Workload } from '../workload/recognizeWorkload';
import { noteAt, workloadModel } from '../workload/workloadModel';
import type { WorkloadRefs } from '../workload/workloadRefs';
import { code, formatDuration, formatRfc3339 } from './explainFormat';
import type { JobSettings } from './jobSettings';

/** A CronJob's schedule as the controller reads it. */
export interface CronJobSchedule {
  readonly schedule: ParsedSchedule;
  /** `spec.timeZone`, or UTC standing in for the controller's local zone. */
  readonly timeZone: string;
  /** True when no `spec.timeZone` is set and UTC is assumed. */
  readonly zoneAssumed: boolean;
}

/** Reads and parses `spec.schedule` and `spec.timeZone`; undefined when the schedule is invalid. */
export function readCronJobSchedule(refs: WorkloadRefs): CronJobSchedule | undefined {
  const text = stringValue(field(refs.spec, 'schedule'));
  if (text === undefined) return undefined;
  const parsed = parseCronSchedule(text);
  if (!parsed.ok) return undefined;
  const zone = stringValue(field(refs.spec, 'timeZone'));
  return { schedule: parsed, timeZone: zone ?? 'UTC', zoneAssumed: zone === undefined };
}

/** The next `count` scheduled times strictly after `now` (epoch ms). */
export function nextScheduledTimes(schedule: CronJobSchedule, now: number, count: number): number[] {
  return computeNextRuns(schedule.schedule, now, schedule.timeZone, count).runs;
}

/** The name of the Job a CronJob creates for a scheduled time: `<name>-<Unix minutes>`. */
export function cronJobJobName(cronJobName: string, scheduledMs: number): string {
  return `${cronJobName}-${Math.floor(Math.floor(scheduledMs / 1000) / 60)}`;
}

/** The shortest time (seconds) between consecutive runs over the next few runs; undefined when unknown. */
export function shortestRunInterval(schedule: CronJobSchedule, now: number): number | undefined {
  if (schedule.schedule.type === 'every') return Math.max(1, Math.floor(schedule.schedule.durationMs / 1000));
  const runs = nextScheduledTimes(schedule, now, 25);
  let shortest: number | undefined;
  for (let i = 1; i < runs.length; i++) {
    const gap = Math.round(((runs[i] ?? 0) - (runs[i - 1] ?? 0)) / 1000);
    if (shortest === undefined || gap < shortest) shortest = gap;
  }
  return shortest;
}

/** A CronJob's settings after defaulting (§2.2). */
export interface CronJobSettings {
  readonly concurrencyPolicy: string;
  readonly startingDeadlineSeconds: number | undefined;
  readonly successfulJobsHistoryLimit: number;
  readonly failedJobsHistoryLimit: number;
  readonly suspend: boolean;
}

/**
 * The CronJob's own settings, from the workload's defaulted model. A concurrencyPolicy the API
 * server rejects is kept as written, so that the explanation can say it is not one it knows.
 */
export function readCronJobSettings(workload: Workload): CronJobSettings {
  const model = workloadModel(workload);
  if (model.kind !== 'CronJob')
    return {
      concurrencyPolicy: 'Allow',
      startingDeadlineSeconds: undefined,
      successfulJobsHistoryLimit: 3,
      failedJobsHistoryLimit: 1,
      suspend: false,
    };
  const spec = model.spec;
  return {
    concurrencyPolicy: noteAt(model, 'spec.concurrencyPolicy')?.value ?? spec.concurrencyPolicy,
    startingDeadlineSeconds: spec.startingDeadlineMs === null ? undefined : spec.startingDeadlineMs / 1000,
    successfulJobsHistoryLimit: spec.successfulJobsHistoryLimit,
    failedJobsHistoryLimit: spec.failedJobsHistoryLimit,
    suspend: spec.suspend,
  };
}

/** This module's cronJobExplainMessages, in English and Simplified Chinese. */
export const cronJobExplainMessages = defineCatalog(
  {
    concurrencyHeading: '**concurrencyPolicy**',
    allow:
      '`Allow`{defaulted}: a Job starts at every scheduled time, even while earlier ones are still running.',
    forbid:
      '`Forbid`: while a Job of this CronJob is still running, a scheduled time is skipped (event `JobAlreadyActive`). When the running Job ends, the most recent skipped time may still start, {late}; several skipped times are never made up.',
    forbidLateWithin: 'if that is within startingDeadlineSeconds ({deadline}) of it',
    forbidLateAny: 'however late, since there is no startingDeadlineSeconds',
    replace:
      '`Replace`: at each scheduled time the running Job is deleted with its pods (event `SuccessfulDelete`) and a new one starts.',
    unknownPolicy: '{value}: not a concurrency policy (Allow, Forbid or Replace).',
    defaultedMark: ' (the default)',
    intervalDeadlineShort:
      'This schedule runs every {interval} at the shortest, and each Job ends within its activeDeadlineSeconds ({deadline}), so a Job is over before the next one is due and the policy seldom comes into play.',
    allowOverlap:
      'This schedule runs every {interval} at the shortest. A Job that takes longer overlaps with the next: with activeDeadlineSeconds {deadline}, up to {count} Jobs can run at once.',
    allowNoDeadline:
      'This schedule runs every {interval} at the shortest, and the jobTemplate sets no activeDeadlineSeconds: a Job that takes longer overlaps with the next, and nothing limits how many run at once.',
    forbidOverlap:
      'This schedule runs every {interval} at the shortest: a Job that takes longer{deadlineNote} makes the next scheduled times skip.',
    forbidDeadlineNote: ' (up to its activeDeadlineSeconds, {deadline})',
    replaceOverlap:
      'This schedule runs every {interval} at the shortest: a Job that needs longer{deadlineNote} is deleted by the next run before it can finish.',
    startingHeading: '**startingDeadlineSeconds**',
    starting:
      'A run that cannot start within {deadline} of its scheduled time is skipped, without an event. After the controller was down or the CronJob was suspended, only the most recent missed time is started, and only if it is less than {deadline} old; missed runs are never made up one by one.',
    startingShort:
      'Older documentation warns about values under 10 s because the controller used to check every 10 s; the current controller wakes up 100 ms after each scheduled time, but a busy controller can still be late by more than {deadline}.',
    startingUnset:
      'Unset: a late run starts however late it is. After the controller was down or the CronJob was suspended, only the most recent missed time is started; missed runs are never made up one by one. More than 100 missed times only raise a `TooManyMissedTimes` warning event.',
    historyHeading: '**History**',
    history:
      'Keeps the {succeeded} newest succeeded Job{ss} and the {failed} newest failed Job{fs} (with their pods); older finished Jobs are deleted, oldest start time first. A limit of 0 keeps none. Running Jobs are never deleted.',
    historyTtl:
      'The jobTemplate’s ttlSecondsAfterFinished ({ttl}) deletes finished Jobs after that time anyway, possibly before these limits do.',
    suspendHeading: '**suspend**',
    suspended:
      'Suspended: no new Jobs are created; Jobs already running go on. When resumed, at most the most recent missed time is started{within}.',
    notSuspended:
      'Runs on schedule. `suspend: true` stops new Jobs without touching running ones; on resume at most the most recent missed time is started{within}.',
    withinDeadline: ', and only if it is less than {deadline} old',
    namesHeading: '**Jobs created**',
    names:
      'Each Job is named `{name}-<scheduled time in Unix minutes>`; the next ones: {list}. Their pods are named `<job name>-<suffix>`. The suffix takes up to 11 characters, which is why a CronJob name may have at most 52.',
    namesNoRuns: 'Each Job is named `{name}-<scheduled time in Unix minutes>`.',
    zoneAssumed:
      'Times in UTC, assumed: without `spec.timeZone` the controller uses its own local zone, usually UTC.',
    zoneSet: 'Times in {zone}.',
    jobTemplate:
      'Each Job is a copy of this template, with the CronJob as its owner; the API server applies the Job defaults when the Job is created (not to the CronJob itself). Jobs already created are not changed when the template changes.',
  },
  {
    concurrencyHeading: '**concurrencyPolicy**',
    allow: '`Allow`{defaulted}：每个调度时间都会启动一个 Job，即使之前的 Job 仍在运行。',
    forbid:
      '`Forbid`：只要此 CronJob 的某个 Job 仍在运行，调度时间就会被跳过（事件 `JobAlreadyActive`）。运行中的 Job 结束后，最近一次被跳过的时间仍可能启动，{late}；多次被跳过的时间不会逐一补跑。',
    forbidLateWithin: '前提是距它不超过 startingDeadlineSeconds（{deadline}）',
    forbidLateAny: '无论晚了多久，因为没有设置 startingDeadlineSeconds',
    replace:
      '`Replace`：每个调度时间都会删除正在运行的 Job 及其 Pod（事件 `SuccessfulDelete`），然后启动新的 Job。',
    unknownPolicy: '{value}：不是有效的并发策略（Allow、Forbid 或 Replace）。',
    defaultedMark: '（默认值）',
    intervalDeadlineShort:
      '此调度最短每 {interval} 运行一次，而每个 Job 都会在其 activeDeadlineSeconds（{deadline}）内结束，因此下一次运行前上一个 Job 已经结束，该策略很少起作用。',
    allowOverlap:
      '此调度最短每 {interval} 运行一次。耗时更长的 Job 会与下一个重叠：activeDeadlineSeconds 为 {deadline} 时，最多可能同时运行 {count} 个 Job。',
    allowNoDeadline:
      '此调度最短每 {interval} 运行一次，且 jobTemplate 未设置 activeDeadlineSeconds：耗时更长的 Job 会与下一个重叠，同时运行的 Job 数量没有限制。',
    forbidOverlap:
      '此调度最短每 {interval} 运行一次：耗时更长的 Job{deadlineNote}会导致之后的调度时间被跳过。',
    forbidDeadlineNote: '（最长到其 activeDeadlineSeconds，{deadline}）',
    replaceOverlap:
      '此调度最短每 {interval} 运行一次：需要更长时间的 Job{deadlineNote}会在完成前被下一次运行删除。',
    startingHeading: '**startingDeadlineSeconds**',
    starting:
      '无法在调度时间后 {deadline} 内启动的运行会被跳过，且不产生事件。控制器停机或 CronJob 挂起之后，只会启动最近一次错过的时间，且仅当它距今不到 {deadline}；错过的运行不会逐一补跑。',
    startingShort:
      '旧文档提醒不要使用小于 10 秒的值，因为控制器过去每 10 秒检查一次；现在的控制器会在每个调度时间之后 100 毫秒被唤醒，但繁忙的控制器仍可能延迟超过 {deadline}。',
    startingUnset:
      '未设置：迟到的运行无论晚了多久都会启动。控制器停机或 CronJob 挂起之后，只会启动最近一次错过的时间；错过的运行不会逐一补跑。错过超过 100 次只会产生 `TooManyMissedTimes` 警告事件。',
    historyHeading: '**历史记录**',
    history:
      '保留最新的 {succeeded} 个成功的 Job 和 {failed} 个失败的 Job（及其 Pod）；更早结束的 Job 按开始时间从旧到新删除。上限为 0 表示不保留。正在运行的 Job 永远不会被删除。',
    historyTtl: 'jobTemplate 的 ttlSecondsAfterFinished（{ttl}）到时也会删除已结束的 Job，可能早于这些上限。',
    suspendHeading: '**suspend**',
    suspended:
      '已挂起：不再创建新的 Job；已在运行的 Job 继续运行。恢复后最多启动最近一次错过的时间{within}。',
    notSuspended:
      '按调度运行。`suspend: true` 会停止创建新的 Job，但不影响正在运行的 Job；恢复后最多启动最近一次错过的时间{within}。',
    withinDeadline: '，且仅当它距今不到 {deadline}',
    namesHeading: '**创建的 Job**',
    names:
      '每个 Job 命名为 `{name}-<以 Unix 分钟表示的调度时间>`；接下来的几个：{list}。它们的 Pod 命名为 `<Job 名称>-<后缀>`。后缀最多占 11 个字符，因此 CronJob 名称最多 52 个字符。',
    namesNoRuns: '每个 Job 命名为 `{name}-<以 Unix 分钟表示的调度时间>`。',
    zoneAssumed: '时间按 UTC 计算（假定）：未设置 `spec.timeZone` 时控制器使用它自己的本地时区，通常为 UTC。',
    zoneSet: '时间按 {zone} 计算。',
    jobTemplate:
      '每个 Job 都是此模板的副本，所有者为该 CronJob；API 服务器在创建 Job 时应用 Job 的默认值（不会应用到 CronJob 本身）。模板修改后，已创建的 Job 不会改变。',
  },
);

type Key = keyof (typeof cronJobExplainMessages)['en'];

/** What the CronJob explanations need. */
export interface CronJobExplainInput {
  readonly workload: Workload;
  readonly refs: WorkloadRefs;
  readonly job: JobSettings;
  readonly now: number;
  readonly locale: Locale;
}

function sayer(locale: Locale): (key: Key, args?: MessageArgs) => string {
  return (key, args) => formatMessage(cronJobExplainMessages, locale, key, args);
}

/** Markdown explaining concurrencyPolicy against this schedule and the Jobs' possible duration. */
export function explainConcurrencyPolicy(input: CronJobExplainInput): string {
  const { refs, job, now, locale } = input;
  const say = sayer(locale);
  const settings = readCronJobSettings(input.workload);
  const written = stringValue(field(refs.spec, 'concurrencyPolicy')) !== undefined;
  const deadlineSeconds = job.activeDeadlineSeconds;
  const deadline = deadlineSeconds === undefined ? '' : formatDuration(deadlineSeconds, locale);
  const lines = [say('concurrencyHeading')];
  const policy = settings.concurrencyPolicy;
  if (policy === 'Allow') lines.push(say('allow', { defaulted: written ? '' : say('defaultedMark') }));
  else if (policy === 'Forbid')
    lines.push(
      say('forbid', {
        late:
          settings.startingDeadlineSeconds === undefined
            ? say('forbidLateAny')
            : say('forbidLateWithin', { deadline: formatDuration(settings.startingDeadlineSeconds, locale) }),
      }),
    );
  else if (policy === 'Replace') lines.push(say('replace'));
  else {
    lines.push(say('unknownPolicy', { value: code(policy) }));
    return lines.join('\n\n');
  }
  const schedule = readCronJobSchedule(refs);
  const intervalSeconds = schedule ? shortestRunInterval(schedule, now) : undefined;
  if (intervalSeconds !== undefined) {
    const interval = formatDuration(intervalSeconds, locale);
    if (deadlineSeconds !== undefined && deadlineSeconds < intervalSeconds) {
      lines.push(say('intervalDeadlineShort', { interval, deadline }));
    } else if (policy === 'Allow') {
      lines.push(
        deadlineSeconds === undefined
          ? say('allowNoDeadline', { interval })
          : say('allowOverlap', { interval, deadline, count: Math.ceil(deadlineSeconds / intervalSeconds) }),
      );
    } else {
      const deadlineNote = deadlineSeconds === undefined ? '' : say('forbidDeadlineNote', { deadline });
      lines.push(say(policy === 'Forbid' ? 'forbidOverlap' : 'replaceOverlap', { interval, deadlineNote }));
    }
  }
  return lines.join('\n\n');
}

/** Markdown explaining startingDeadlineSeconds and missed runs. */
export function explainStartingDeadline(input: CronJobExplainInput): string {
  const say = sayer(input.locale);
  const settings = readCronJobSettings(input.workload);
  const lines = [say('startingHeading')];
  const seconds = settings.startingDeadlineSeconds;
  if (seconds === undefined) {
    lines.push(say('startingUnset'));
  } else {
    const deadline = formatDuration(seconds, input.locale);
    lines.push(say('starting', { deadline }));
    if (seconds < 10) lines.push(say('startingShort', { deadline }));
  }
  return lines.join('\n\n');
}

/** Markdown explaining the two history limits. */
export function explainHistoryLimits(input: CronJobExplainInput): string {
  const say = sayer(input.locale);
  const settings = readCronJobSettings(input.workload);
  const succeeded = settings.successfulJobsHistoryLimit;
  const failed = settings.failedJobsHistoryLimit;
  const lines = [
    say('historyHeading'),
    say('history', { succeeded, failed, ss: succeeded === 1 ? '' : 's', fs: failed === 1 ? '' : 's' }),
  ];
  const ttl = input.job.ttlSecondsAfterFinished;
  if (ttl !== undefined) lines.push(say('historyTtl', { ttl: formatDuration(ttl, input.locale) }));
  return lines.join('\n\n');
}

/** Markdown explaining the CronJob's suspend. */
export function explainCronJobSuspend(input: CronJobExplainInput): string {
  const say = sayer(input.locale);
  const settings = readCronJobSettings(input.workload);
  const within =
    settings.startingDeadlineSeconds === undefined
      ? ''
      : say('withinDeadline', { deadline: formatDuration(settings.startingDeadlineSeconds, input.locale) });
  return [say('suspendHeading'), say(settings.suspend ? 'suspended' : 'notSuspended', { within })].join(
    '\n\n',
  );
}

/** Markdown naming the Jobs the CronJob will create next. */
export function explainCreatedJobNames(input: CronJobExplainInput, count = 3): string | undefined {
  const say = sayer(input.locale);
  const name = stringValue(field(input.refs.metadata, 'name'));
  if (name === undefined) return undefined;
  const schedule = readCronJobSchedule(input.refs);
  const runs = schedule ? nextScheduledTimes(schedule, input.now, count) : [];
  const lines = [say('namesHeading')];
  if (!schedule || runs.length === 0) {
    lines.push(say('namesNoRuns', { name }));
    return lines.join('\n\n');
  }
  const list = runs
    .map((run) => `${code(cronJobJobName(name, run))} (${formatRfc3339(run, schedule.timeZone)})`)
    .join(', ');
  lines.push(
    say('names', { name, list }),
    schedule.zoneAssumed ? say('zoneAssumed') : say('zoneSet', { zone: code(schedule.timeZone) }),
  );
  return lines.join('\n\n');
}

/** Markdown for the jobTemplate key: how Jobs are made from it, and their names. */
export function explainJobTemplate(input: CronJobExplainInput): string {
  const say = sayer(input.locale);
  return [say('jobTemplate'), explainCreatedJobNames(input)]
    .filter((part) => part !== undefined)
    .join('\n\n');
}
