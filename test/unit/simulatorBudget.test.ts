// The timeline's size is bounded as a whole, not only list by list. An every-minute CronJob
// whose Jobs run a day has about 1,440 active Jobs at a time; each CronJob status sample names
// them all, so 5,000 samples (the per-object cap) would list about seven million names, 148 MB
// of JSON. The budget (TIMELINE_ENTRY_BUDGET entries in all) stops listing once spent, says so
// in a note, and leaves every count of the summary exact.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CronJobStatusSample } from '../../server/src/core/simulator';
import { TIMELINE_ENTRY_BUDGET } from '../../server/src/core/simulator/recorder';
import { simulateDocument } from '../../server/src/core/simulator/simulateDocument';
import { cronJobManifest } from './simulatorSupport';

const manifest = JSON.stringify(
  cronJobManifest({ schedule: '* * * * *', concurrencyPolicy: 'Allow' }, {}, 'every-minute'),
);
const scenario = JSON.stringify({ horizon: '2d', pods: { startLatency: '0s', runTime: '1d' } });

/** Entries as the budget counts them: list items, with a CronJob sample counting the Jobs it names. */
function entries(timeline: {
  events: readonly unknown[];
  pods: readonly { attempts: readonly unknown[] }[];
  jobs: readonly { status: readonly unknown[] }[];
  status: readonly unknown[];
  nodes: readonly unknown[];
}): number {
  const samples = (timeline.status as CronJobStatusSample[]).reduce(
    (sum, sample) => sum + 1 + sample.active.length,
    0,
  );
  const attempts = timeline.pods.reduce((sum, pod) => sum + pod.attempts.length, 0);
  const jobSamples = timeline.jobs.reduce((sum, job) => sum + job.status.length, 0);
  return (
    timeline.events.length +
    timeline.pods.length +
    attempts +
    timeline.jobs.length +
    jobSamples +
    samples +
    timeline.nodes.length
  );
}

test('an every-minute CronJob with day-long Jobs: the timeline stops listing at its budget and says so', () => {
  const result = simulateDocument(manifest, { scenarioText: scenario });
  assert.ok(result.ok);
  const { timeline } = result;
  // Two days of every-minute schedules: 2,879 Jobs. The schedule time at the CronJob's creation
  // is not due (the controller looks for times after creationTimestamp), and the run ends at the
  // horizon before the last one is handled.
  assert.equal(timeline.summary.cronJob?.jobsCreated, 2879);
  // The first Jobs finish after a day, so about 1,440 run at once from then on.
  assert.ok(timeline.summary.peakConcurrency >= 1440);
  // The first thousand nodes are listed whatever the budget (here the default cluster's three).
  const listed = entries(timeline) - Math.min(timeline.nodes.length, 1000);
  assert.ok(listed <= TIMELINE_ENTRY_BUDGET && listed > TIMELINE_ENTRY_BUDGET - 2000, `${listed} entries`);
  assert.ok(JSON.stringify(timeline).length < 30 * 1024 * 1024, 'the timeline JSON is bounded');
  const note = timeline.notes.find((text) => text.startsWith('The timeline lists at most 500000 entries'));
  assert.ok(note, timeline.notes.join('\n'));
  assert.match(note, /from t\+\S+ on, \d+ more were left out/);
  // The lists the budget cut short say what they kept.
  const status = timeline.status as CronJobStatusSample[];
  assert.ok(status.length < 5000 && timeline.omitted.status > 0);
  // A sample is listed whole or not at all: the last one names every Job active at its time,
  // which before the first day ends is every Job created so far (one a minute).
  const last = status.at(-1);
  assert.ok(last && last.time < 86_400);
  assert.equal(last.active.length, Math.floor(last.time / 60));

  const chinese = simulateDocument(manifest, { scenarioText: scenario, locale: 'zh-CN' });
  assert.ok(chinese.ok);
  assert.ok(
    chinese.timeline.notes.some((text) => text.startsWith('时间线总共最多列出 500000 个条目')),
    chinese.timeline.notes.join('\n'),
  );
  // The Chinese notes name what they counted in Chinese, not with English words.
  assert.ok(chinese.timeline.notes.some((text) => text.includes('个状态采样')));
  assert.ok(!chinese.timeline.notes.some((text) => /status samples|\bpods\b|\bevents\b/.test(text)));
});

test('a run within the budget lists everything and has no budget note', () => {
  const small = JSON.stringify({ horizon: '30m', pods: { startLatency: '0s', runTime: '2m' } });
  const result = simulateDocument(manifest, { scenarioText: small });
  assert.ok(result.ok);
  assert.ok(!result.timeline.notes.some((text) => text.includes('entries in all')));
  assert.deepEqual(result.timeline.omitted, { pods: 0, jobs: 0, events: 0, status: 0 });
});
