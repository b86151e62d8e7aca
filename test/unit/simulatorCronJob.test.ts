import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CronJobStatusSample } from '../../server/src/core/simulator';
import { cronJobManifest, eventReasons, simulateYaml } from './simulatorSupport';

// Numbers follow the CronJob controller in docs/kubernetes-behaviour.md §3.2 and docs/scenarios.md: the
// CronJob is created at the start (2026-01-05T00:00:00Z, Unix minute 29459520), so it never runs
// at that instant; the controller wakes at each schedule time + 100 ms; Jobs are named
// <cronjob>-<scheduled Unix minute>; a Job's pod starts 1 s after creation and runs 10 s unless the
// scenario says otherwise.

const MINUTE0 = 29459520;

test('the first run is the next schedule time after creation, named in Unix minutes, created 100 ms late', () => {
  const timeline = simulateYaml(cronJobManifest({ schedule: '* * * * *' }), { horizon: { jobs: 1 } });
  const job = timeline.jobs[0];
  assert.equal(job?.name, `cron-${MINUTE0 + 1}`);
  assert.equal(job?.scheduledTimestamp, '2026-01-05T00:01:00Z');
  assert.equal(job?.scheduledTime, 60);
  assert.equal(job?.created, 60.1);
  assert.equal(job?.finished, 71.1);
  assert.deepEqual(eventReasons(timeline, 'CronJob'), ['SuccessfulCreate', 'SawCompletedJob']);
  assert.equal(
    timeline.events.find((e) => e.reason === 'SawCompletedJob')?.message,
    `Saw completed job: cron-${MINUTE0 + 1}, condition: Complete`,
  );
  const last = timeline.status.at(-1) as CronJobStatusSample;
  assert.equal(last.lastScheduleTime, '2026-01-05T00:01:00Z');
});

test('history limits: the oldest successful Jobs beyond 3 are deleted when a newer one finishes', () => {
  const timeline = simulateYaml(cronJobManifest({ schedule: '* * * * *' }));
  // Default horizon: 5 Jobs. Job 4 finishes at 4m11.1s, job 5 at 5m11.1s.
  assert.deepEqual(
    timeline.jobs.map((job) => [job.ordinal, job.deleted, job.deletedBy]),
    [
      [1, 251.1, 'historyLimit'],
      [2, 311.1, 'historyLimit'],
      [3, null, null],
      [4, null, null],
      [5, null, null],
    ],
  );
  assert.equal(
    timeline.events.filter((e) => e.reason === 'SuccessfulDelete')[0]?.message,
    `Deleted job cron-${MINUTE0 + 1}`,
  );
  assert.equal(timeline.summary.cronJob?.jobsCreated, 5);
  assert.equal(timeline.summary.cronJob?.jobsDeleted, 2);
  assert.equal(timeline.endReason, 'horizon');
  assert.equal(timeline.end, 311.1);
});

test('failedJobsHistoryLimit 1 keeps only the newest failed Job; each Job runs in the Job model', () => {
  const timeline = simulateYaml(cronJobManifest({ schedule: '* * * * *' }, { backoffLimit: 0 }), {
    pods: { exitCodes: [{ exitCode: 1 }] },
    horizon: { jobs: 3 },
  });
  // Job 1's pod fails at 71.1 s; the Job fails at 72.1 s (batched sync). Job 2 fails at 132.1 s.
  assert.equal(timeline.jobs[0]?.finished, 72.1);
  assert.equal(timeline.jobs[0]?.reason, 'BackoffLimitExceeded');
  assert.equal(timeline.jobs[0]?.deleted, 132.1);
  assert.equal(timeline.jobs[1]?.deleted, 192.1);
  assert.equal(timeline.summary.cronJob?.jobsFailed, 3);
});

test('Forbid with a schedule shorter than the Job: runs are skipped with JobAlreadyActive', () => {
  const timeline = simulateYaml(cronJobManifest({ schedule: '* * * * *', concurrencyPolicy: 'Forbid' }), {
    pods: { startLatency: 0, runTime: '150s', terminationTime: 0 },
    horizon: '6m',
  });
  // Job 1 runs 60.1–210.1 s: the 2 and 3 minute runs are skipped. lastScheduleTime is not
  // advanced, so when job 1 finishes the most recent missed time (00:03) starts at once.
  assert.deepEqual(
    timeline.jobs.map((job) => [job.name, job.created]),
    [
      [`cron-${MINUTE0 + 1}`, 60.1],
      [`cron-${MINUTE0 + 3}`, 210.1],
    ],
  );
  const skipped = timeline.events.filter((e) => e.reason === 'JobAlreadyActive');
  assert.deepEqual(
    skipped.map((e) => e.time),
    [120.1, 180.1, 240.1, 300.1],
  );
  assert.equal(
    skipped[0]?.message,
    'Not starting job because prior execution is running and concurrency policy is Forbid',
  );
  assert.equal(timeline.summary.cronJob?.runsSkipped, 4);
  assert.equal(timeline.summary.peakConcurrency, 1);
});

test('Allow lets runs overlap', () => {
  const timeline = simulateYaml(cronJobManifest({ schedule: '* * * * *' }), {
    pods: { startLatency: 0, runTime: '150s' },
    horizon: '4m',
  });
  assert.equal(timeline.jobs.length, 3);
  // Jobs at 60.1, 120.1 and 180.1 s all run until the first ends at 210.1 s.
  assert.equal(timeline.summary.peakConcurrency, 3);
});

test('Replace deletes the running Job, then creates the new one', () => {
  const timeline = simulateYaml(cronJobManifest({ schedule: '* * * * *', concurrencyPolicy: 'Replace' }), {
    pods: { startLatency: 0, runTime: '150s' },
    horizon: '3m',
  });
  const cronEvents = timeline.events
    .filter((e) => e.object.kind === 'CronJob')
    .map((e) => [e.time, e.reason, e.message]);
  assert.deepEqual(cronEvents, [
    [60.1, 'SuccessfulCreate', `Created job cron-${MINUTE0 + 1}`],
    [120.1, 'SuccessfulDelete', `Deleted job cron-${MINUTE0 + 1}`],
    [120.1, 'SuccessfulCreate', `Created job cron-${MINUTE0 + 2}`],
  ]);
  assert.equal(timeline.jobs[0]?.deletedBy, 'replace');
  assert.equal(timeline.jobs[0]?.outcome, 'Running');
});

test('startingDeadlineSeconds: after a suspension only the most recent missed run starts, and only within the deadline', () => {
  const manifest = cronJobManifest({ schedule: '*/5 * * * *', startingDeadlineSeconds: 100 });
  const within = simulateYaml(manifest, {
    horizon: '17m',
    events: [
      { at: '1m', type: 'suspend' },
      { at: '16m', type: 'resume' },
    ],
  });
  // Runs at 5, 10 and 15 min were missed; 15 min is 60 s old at resume, within 100 s.
  assert.deepEqual(
    within.jobs.map((job) => [job.name, job.created]),
    [[`cron-${MINUTE0 + 15}`, 960]],
  );
  const late = simulateYaml(manifest, {
    horizon: '21m',
    events: [
      { at: '1m', type: 'suspend' },
      { at: '18m', type: 'resume' },
    ],
  });
  // 15 min is 180 s old at resume: dropped silently (no MissSchedule); the next run is at 20 min.
  assert.deepEqual(
    late.jobs.map((job) => [job.name, job.created]),
    [[`cron-${MINUTE0 + 20}`, 1200.1]],
  );
  assert.ok(!eventReasons(late).includes('MissSchedule'));
});

test('more than 100 missed times: TooManyMissedTimes, and the most recent still runs', () => {
  const timeline = simulateYaml(cronJobManifest({ schedule: '* * * * *' }), {
    horizon: { jobs: 1 },
    events: [
      { at: '30s', type: 'suspend' },
      { at: '2h', type: 'resume' },
    ],
  });
  // 120 runs (00:01 … 02:00) were missed.
  const warning = timeline.events.find((e) => e.reason === 'TooManyMissedTimes');
  assert.equal(warning?.type, 'Warning');
  assert.equal(warning?.time, 7200);
  assert.equal(
    warning?.message,
    'too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew',
  );
  assert.equal(timeline.jobs[0]?.name, `cron-${MINUTE0 + 120}`);
  assert.equal(timeline.jobs[0]?.created, 7200);
});

test('spec.timeZone, or the controller zone, decides the schedule times', () => {
  const shanghai = simulateYaml(cronJobManifest({ schedule: '0 9 * * *', timeZone: 'Asia/Shanghai' }), {
    horizon: { jobs: 1 },
  });
  // 09:00 in Shanghai (UTC+8) is 01:00 UTC.
  assert.equal(shanghai.jobs[0]?.scheduledTimestamp, '2026-01-05T01:00:00Z');
  assert.equal(shanghai.jobs[0]?.name, `cron-${MINUTE0 + 60}`);
  const controller = simulateYaml(cronJobManifest({ schedule: '0 9 * * *' }), {
    controllerTimeZone: 'Asia/Shanghai',
    horizon: { jobs: 1 },
  });
  assert.equal(controller.jobs[0]?.scheduledTimestamp, '2026-01-05T01:00:00Z');
  const utc = simulateYaml(cronJobManifest({ schedule: '0 9 * * *' }), { horizon: { jobs: 1 } });
  assert.equal(utc.jobs[0]?.scheduledTimestamp, '2026-01-05T09:00:00Z');
});

test('an unknown zone or a schedule that never fires: a warning and no Jobs', () => {
  const zone = simulateYaml(cronJobManifest({ schedule: '* * * * *', timeZone: 'Mars/Olympus' }));
  assert.equal(zone.jobs.length, 0);
  assert.equal(zone.summary.outcome, 'NotScheduling');
  assert.equal(zone.summary.reason, 'UnknownTimeZone');
  assert.equal(zone.events[0]?.message, 'invalid timeZone: "Mars/Olympus": unknown time zone Mars/Olympus');
  const never = simulateYaml(cronJobManifest({ schedule: '0 0 31 2 *' }));
  assert.equal(never.jobs.length, 0);
  assert.equal(never.summary.reason, 'InvalidSchedule');
  assert.equal(
    never.events[0]?.message,
    'invalid schedule: 0 0 31 2 * : time difference between two schedules is less than 1 second',
  );
});

test('a suspended CronJob creates nothing', () => {
  const timeline = simulateYaml(cronJobManifest({ schedule: '* * * * *', suspend: true }), {
    horizon: '10m',
  });
  assert.equal(timeline.jobs.length, 0);
  assert.equal(timeline.summary.outcome, 'Suspended');
});

test('@every runs from the creation time, not aligned to the clock', () => {
  const timeline = simulateYaml(cronJobManifest({ schedule: '@every 90s' }), {
    start: '2026-01-05T00:00:20Z',
    horizon: { jobs: 2 },
  });
  assert.deepEqual(
    timeline.jobs.map((job) => job.scheduledTimestamp),
    ['2026-01-05T00:01:50Z', '2026-01-05T00:03:20Z'],
  );
});
