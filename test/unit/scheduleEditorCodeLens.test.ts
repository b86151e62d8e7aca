import assert from 'node:assert/strict';
import { test } from 'node:test';
import { computeCodeLenses } from '../../server/src/core/editor/editorFeatures';
import { scheduleCodeLens } from '../../server/src/core/editor/scheduleCodeLens';
import { cronJobYaml, editorContext } from './scheduleEditorTestSupport';

// [name, schedule as written, timeZone line, now, locale, expected title]
const cases: readonly (readonly [string, string, string | undefined, string, 'en' | 'zh-CN', string])[] = [
  // 2026-01-05T00:00Z is Monday 08:00 in Shanghai (UTC+8, no DST).
  [
    'the next run in the CronJob zone',
    '"0 9 * * 1-5"',
    'Asia/Shanghai',
    '2026-01-05T00:00:00Z',
    'en',
    'next: Mon 09:00 Asia/Shanghai (in 1 h)',
  ],
  [
    'in Chinese',
    '"0 9 * * 1-5"',
    'Asia/Shanghai',
    '2026-01-05T00:00:00Z',
    'zh-CN',
    '下次：周一 09:00 Asia/Shanghai（1 小时后）',
  ],
  [
    'minutes ahead',
    '"*/15 * * * *"',
    'Asia/Shanghai',
    '2026-01-05T00:05:00Z',
    'en',
    'next: Mon 08:15 Asia/Shanghai (in 10 min)',
  ],
  [
    'no timeZone: UTC, assumed',
    '"0 9 * * 1-5"',
    undefined,
    '2026-01-05T00:00:00Z',
    'en',
    'next: Mon 09:00 UTC, assumed (in 9 h)',
  ],
  [
    'hours and minutes ahead',
    '"30 10 * * *"',
    undefined,
    '2026-01-05T00:00:00Z',
    'en',
    'next: Mon 10:30 UTC, assumed (in 10 h 30 min)',
  ],
  [
    'a run more than a week away shows its date',
    '"0 0 1 1 *"',
    'UTC',
    '2026-01-05T00:00:00Z',
    'en',
    'next: Fri 2027-01-01 00:00 UTC (in 361 d)',
  ],
  // New York is UTC-5 in January: Saturday 2026-01-10 06:00 UTC is 01:00 local.
  [
    'days and hours ahead',
    '"0 1 * * 6"',
    'America/New_York',
    '2026-01-05T00:00:00Z',
    'en',
    'next: Sat 01:00 America/New_York (in 5 d 6 h)',
  ],
  [
    'no run within five years',
    '"0 0 29 2 *"',
    'UTC',
    '2096-03-01T00:00:00Z',
    'en',
    'no run in the next five years',
  ],
  ['never fires', '"0 0 31 4 *"', 'UTC', '2026-01-05T00:00:00Z', 'en', 'never fires'],
  ['never fires, in Chinese', '"0 0 30 2 *"', 'UTC', '2026-01-05T00:00:00Z', 'zh-CN', '永远不会触发'],
  [
    'an invalid field',
    '"0 0 * * 7"',
    'UTC',
    '2026-01-05T00:00:00Z',
    'en',
    'invalid schedule (day of week field)',
  ],
  ['an invalid schedule', '"@reboot"', 'UTC', '2026-01-05T00:00:00Z', 'en', 'invalid schedule'],
  ['an empty schedule', '""', 'UTC', '2026-01-05T00:00:00Z', 'en', 'invalid schedule'],
  ['an invalid time zone', '"0 0 * * *"', 'Europe/Londn', '2026-01-05T00:00:00Z', 'en', 'invalid time zone'],
  [
    '@every',
    '"@every 1h30m"',
    'UTC',
    '2026-01-05T00:00:00Z',
    'en',
    'every 1 h 30 min, from the last scheduled run',
  ],
  ['@every in Chinese', '"@every 45m"', 'UTC', '2026-01-05T00:00:00Z', 'zh-CN', '每 45 分钟，从上次调度起算'],
];

for (const [name, schedule, timeZone, now, locale, expected] of cases) {
  test(`schedule code lens: ${name}`, () => {
    const text = cronJobYaml(schedule, timeZone);
    const lenses = computeCodeLenses(editorContext(text, now, { locale }), [scheduleCodeLens]);
    assert.equal(lenses.length, 1);
    assert.equal(lenses[0]?.title, expected);
    const key = text.indexOf('schedule:');
    assert.deepEqual(lenses[0]?.range, { start: key, end: key + 'schedule'.length });
    assert.equal(lenses[0]?.command, undefined);
  });
}

test('schedule code lens: one per CronJob of the file, none for a Job', () => {
  const text = [
    cronJobYaml('"0 9 * * *"', 'UTC', 'first'),
    '---',
    'apiVersion: batch/v1',
    'kind: Job',
    'metadata:',
    '  name: once',
    'spec:',
    '  schedule: "0 9 * * *"',
    '---',
    cronJobYaml('"0 10 * * *"', 'UTC', 'second'),
  ].join('\n');
  const lenses = computeCodeLenses(editorContext(text, '2026-01-05T00:00:00Z'), [scheduleCodeLens]);
  assert.deepEqual(
    lenses.map((lens) => lens.title),
    ['next: Mon 09:00 UTC (in 9 h)', 'next: Mon 10:00 UTC (in 10 h)'],
  );
});
