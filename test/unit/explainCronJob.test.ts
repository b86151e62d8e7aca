/**
 * CronJob explanations (kubernetes-behaviour §2.2 defaults; §3.2: Jobs named `<name>-<Unix minutes>`,
 * concurrencyPolicy, startingDeadlineSeconds and missed runs, history cleanup, suspend).
 * The clock is fixed at 2026-05-01T10:00:30Z.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cronJobJobName } from '../../server/src/core/explain/explainCronJob';
import { assertIncludes, hoverAt, seed } from './explainTestSupport';

/** A CronJob with extra spec lines (2 spaces) and jobTemplate spec lines (6 spaces). */
function cronJob(specExtra: string, jobSpecExtra = '', schedule = '"* * * * *"'): string {
  const indent = (lines: string, spaces: number): string =>
    lines
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => `${' '.repeat(spaces)}${line}\n`)
      .join('');
  return `apiVersion: batch/v1
kind: CronJob
metadata:
  name: report
spec:
  schedule: ${schedule}
${indent(specExtra, 2)}  jobTemplate:
    spec:
${indent(jobSpecExtra, 6)}      template:
        spec:
          restartPolicy: Never
          containers:
          - name: main
            image: busybox:1.36
`;
}

test('the name of a created Job is the CronJob name and the scheduled time in Unix minutes', () => {
  // 2026-05-01T10:01:00Z: 1970–2025 are 56 years with 14 leap days (1972 … 2024) = 20454 days;
  // January to April 2026 add 31 + 28 + 31 + 30 = 120 → 20574 days = 29,626,560 minutes, + 10 h 1 min = 601.
  assert.equal(cronJobJobName('hello', Date.UTC(2026, 4, 1, 10, 1, 0)), 'hello-29627161');
  // Seconds within the minute do not change the name.
  assert.equal(cronJobJobName('hello', Date.UTC(2026, 4, 1, 10, 1, 59)), 'hello-29627161');
});

test('cronjob-hello-v1beta1.yaml: the names of the next Jobs, the zone assumed', () => {
  const markdown = hoverAt(seed('cronjob-hello-v1beta1.yaml'), 'hello', { occurrence: 0 });
  assertIncludes(
    markdown,
    '`hello-29627161` (2026-05-01T10:01:00Z), `hello-29627162` (2026-05-01T10:02:00Z), `hello-29627163` (2026-05-01T10:03:00Z)',
    'Times in UTC, assumed',
    'at most 52',
  );
});

test('cronjob-hello-v1beta1.yaml: startingDeadlineSeconds 10 skips a run that cannot start within 10 s', () => {
  assertIncludes(
    hoverAt(seed('cronjob-hello-v1beta1.yaml'), 'startingDeadlineSeconds'),
    'A run that cannot start within 10 s of its scheduled time is skipped',
    'only the most recent missed time is started, and only if it is less than 10 s old',
  );
});

test('concurrencyPolicy Allow every minute without a deadline', () => {
  assertIncludes(
    hoverAt(seed('cronjob-hello-v1beta1.yaml'), 'concurrencyPolicy'),
    '`Allow`: a Job starts at every scheduled time',
    'runs every 1 min at the shortest, and the jobTemplate sets no activeDeadlineSeconds',
  );
});

test('concurrencyPolicy Allow with a deadline longer than the interval: how many Jobs overlap', () => {
  // 150 s deadline, a run every 60 s: ceil(150 / 60) = 3 Jobs at once at most.
  assertIncludes(
    hoverAt(cronJob('concurrencyPolicy: Allow', 'activeDeadlineSeconds: 150'), 'concurrencyPolicy'),
    'with activeDeadlineSeconds 2 min 30 s, up to 3 Jobs can run at once',
  );
});

test('concurrencyPolicy Forbid with a deadline shorter than the interval', () => {
  // Every 5 min = 300 s; a 30 s deadline ends each Job first.
  assertIncludes(
    hoverAt(
      cronJob(
        'concurrencyPolicy: Forbid\nstartingDeadlineSeconds: 200',
        'activeDeadlineSeconds: 30',
        '"*/5 * * * *"',
      ),
      'concurrencyPolicy',
    ),
    'is skipped (event `JobAlreadyActive`)',
    'if that is within startingDeadlineSeconds (3 min 20 s) of it',
    'runs every 5 min at the shortest, and each Job ends within its activeDeadlineSeconds (30 s)',
  );
});

test('concurrencyPolicy Replace without a deadline', () => {
  assertIncludes(
    hoverAt(cronJob('concurrencyPolicy: Replace', '', '"0 * * * *"'), 'concurrencyPolicy'),
    'the running Job is deleted with its pods',
    'runs every 1 h at the shortest: a Job that needs longer is deleted by the next run before it can finish',
  );
});

test('history limits: defaults 3 and 1, and ttlSecondsAfterFinished', () => {
  assertIncludes(
    hoverAt(seed('cronjob-hello-v1beta1.yaml'), 'successfulJobsHistoryLimit'),
    'Keeps the 3 newest succeeded Jobs and the 1 newest failed Job',
    'Default when unset: `3`.',
  );
  const text = cronJob('failedJobsHistoryLimit: 0', 'ttlSecondsAfterFinished: 600');
  assertIncludes(
    hoverAt(text, 'failedJobsHistoryLimit'),
    'the 0 newest failed Jobs',
    'ttlSecondsAfterFinished (10 min)',
  );
  assertIncludes(
    hoverAt(text, 'ttlSecondsAfterFinished'),
    'deleted 10 min after it finishes',
    'before the history limits (3 succeeded, 0 failed) would',
  );
});

test('suspend and the Job defaults inside a jobTemplate', () => {
  assertIncludes(
    hoverAt(cronJob('suspend: true\nstartingDeadlineSeconds: 60'), 'suspend'),
    'Suspended: no new Jobs are created; Jobs already running go on',
    'and only if it is less than 1 min old',
  );
  assertIncludes(
    hoverAt(cronJob('', 'backoffLimit: 2'), 'backoffLimit'),
    'Default when unset: 6, or 2147483647 when backoffLimitPerIndex is set; in a jobTemplate it is applied not to the CronJob but to each Job it creates.',
  );
});

test('a CronJob in another zone names its Jobs after the instant', () => {
  // 2026-05-01T10:00:30Z is 12:00:30 in Berlin (CEST, +02:00); 09:00 Berlin next comes on 2 May,
  // 07:00Z: 20575 days × 1440 + 420 minutes = 29,628,420.
  const text = cronJob('timeZone: Europe/Berlin', '', '"0 9 * * *"');
  assertIncludes(
    hoverAt(text, 'report'),
    '`report-29628420` (2026-05-02T09:00:00+02:00)',
    'Times in `Europe/Berlin`.',
  );
});

test('Chinese: startingDeadlineSeconds and the created Jobs', () => {
  assertIncludes(
    hoverAt(seed('cronjob-hello-v1beta1.yaml'), 'startingDeadlineSeconds', { locale: 'zh-CN' }),
    '无法在调度时间后 10 秒 内启动的运行会被跳过',
  );
  assertIncludes(
    hoverAt(seed('cronjob-hello-v1beta1.yaml'), 'hello', { locale: 'zh-CN' }),
    '每个 Job 命名为 `hello-<以 Unix 分钟表示的调度时间>`',
  );
});
