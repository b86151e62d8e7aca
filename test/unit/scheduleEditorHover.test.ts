import assert from 'node:assert/strict';
import { test } from 'node:test';
import { computeHover } from '../../server/src/core/editor/editorFeatures';
import { scheduleHover } from '../../server/src/core/editor/scheduleHover';
import { timeZoneHover } from '../../server/src/core/editor/timeZoneHover';
import { cronJobYaml, editorContext, plain } from './scheduleEditorTestSupport';

// Expectations come from cron-dialect.md (robfig skips a wall time that spring-forward removes
// and fires twice at one that fall-back repeats; no timeZone means the controller's zone,
// usually UTC) and from the DST laws of the zones: the US changes at 02:00 local time on the
// second Sunday of March and the first Sunday of November (8 March and 1 November 2026); the
// UK at 01:00 UTC on the last Sunday of March and of October (29 March and 25 October 2026).

interface HoverCase {
  readonly name: string;
  readonly schedule: string;
  readonly timeZone?: string;
  readonly now: string;
  readonly locale?: 'en' | 'zh-CN';
  readonly localTimeZone?: string;
  readonly settings?: Record<string, unknown>;
  readonly contains: readonly string[];
  readonly excludes?: readonly string[];
}

const cases: readonly HoverCase[] = [
  {
    name: 'New York spring forward skips the 02:30 run of 8 March',
    schedule: '"30 2 * * *"',
    timeZone: 'America/New_York',
    now: '2026-03-05T12:00:00Z',
    localTimeZone: 'Europe/London',
    contains: [
      'Time zone: America/New_York (spec.timeZone).',
      '| America/New_York | Your time (Europe/London) |',
      '| Fri 2026-03-06 02:30 (UTC-05:00) | Fri 2026-03-06 07:30 (UTC+00:00) |',
      '| Sat 2026-03-07 02:30 (UTC-05:00) |',
      '| Mon 2026-03-09 02:30 (UTC-04:00) | Mon 2026-03-09 06:30 (UTC+00:00) |',
      'Next clock change in America/New_York: Sun 2026-03-08, clocks go forward 1 h at 02:00 (UTC-05:00 to UTC-04:00).',
      'The run at 02:30 that day is skipped: that wall time does not exist.',
    ],
    excludes: ['2026-03-08 02:30'],
  },
  {
    name: 'New York fall back runs 01:30 twice on 1 November',
    schedule: '"30 1 * * *"',
    timeZone: 'America/New_York',
    now: '2026-10-30T12:00:00Z',
    contains: [
      '| Sun 2026-11-01 01:30 (UTC-04:00) | Sun 2026-11-01 05:30 (UTC+00:00) |',
      '| Sun 2026-11-01 01:30 (UTC-05:00) | Sun 2026-11-01 06:30 (UTC+00:00) |',
      'Next clock change in America/New_York: Sun 2026-11-01, clocks go back 1 h at 02:00 (UTC-04:00 to UTC-05:00).',
      'The run at 01:30 fires twice: that wall time occurs twice.',
    ],
  },
  {
    name: 'several runs inside the New York gap are all skipped',
    schedule: '"*/20 2 * * *"',
    timeZone: 'America/New_York',
    now: '2026-03-05T12:00:00Z',
    contains: ['The runs at 02:00, 02:20 and 02:40 that day are skipped: those wall times do not exist.'],
  },
  {
    name: 'an hourly schedule in New York runs 01:00 twice at fall back',
    schedule: '"0 * * * *"',
    timeZone: 'America/New_York',
    now: '2026-10-30T12:00:00Z',
    contains: ['Runs 24 times a day.', 'The run at 01:00 fires twice'],
  },
  {
    name: 'a New York schedule away from 01:00-03:00 keeps its wall-clock time',
    schedule: '"0 12 * * *"',
    timeZone: 'America/New_York',
    now: '2026-03-05T12:00:00Z',
    contains: ['No run falls in the change: the schedule keeps its wall-clock times.'],
  },
  {
    name: 'London spring forward skips 01:30 on 29 March',
    schedule: "'30 1 * * *'",
    timeZone: 'Europe/London',
    now: '2026-03-27T12:00:00Z',
    contains: [
      '| Sat 2026-03-28 01:30 (UTC+00:00) |',
      '| Mon 2026-03-30 01:30 (UTC+01:00) |',
      'Next clock change in Europe/London: Sun 2026-03-29, clocks go forward 1 h at 01:00 (UTC+00:00 to UTC+01:00).',
      'The run at 01:30 that day is skipped',
    ],
    excludes: ['2026-03-29 01:30'],
  },
  {
    name: 'London fall back, in Chinese: 01:30 runs twice on 25 October',
    schedule: '"30 1 * * *"',
    timeZone: 'Europe/London',
    now: '2026-10-23T12:00:00Z',
    locale: 'zh-CN',
    localTimeZone: 'Asia/Shanghai',
    contains: [
      '**CronJob 调度** `30 1 * * *`',
      '时区：Europe/London（spec.timeZone）。',
      '**接下来的运行**',
      '| Europe/London | 你的本地时间（Asia/Shanghai） |',
      '| 2026-10-25 周日 01:30 (UTC+01:00) | 2026-10-25 周日 08:30 (UTC+08:00) |',
      '| 2026-10-25 周日 01:30 (UTC+00:00) | 2026-10-25 周日 09:30 (UTC+08:00) |',
      'Europe/London 的下一次时钟调整：2026-10-25 周日 02:00，时钟拨慢 1 小时（UTC+01:00 改为 UTC+00:00）。',
      '01:30 的运行会触发两次：这个时刻出现两次。',
      '每天运行 1 次。',
    ],
  },
  {
    name: 'no timeZone: UTC is assumed and said so, next to the local time',
    schedule: '"0 9 * * 1-5"',
    now: '2026-01-05T00:00:00Z',
    localTimeZone: 'Asia/Shanghai',
    contains: [
      'At 09:00, Monday through Friday',
      'Runs 5 times a week.',
      "Time zone: UTC, assumed. Without spec.timeZone the schedule runs in the kube-controller-manager's local zone, usually UTC.",
      '| Mon 2026-01-05 09:00 (UTC+00:00) | Mon 2026-01-05 17:00 (UTC+08:00) |',
      '| Fri 2026-01-09 09:00 (UTC+00:00) | Fri 2026-01-09 17:00 (UTC+08:00) |',
      'UTC has no daylight-saving or offset change in the coming year.',
    ],
    excludes: ['2026-01-10', '2026-01-12'],
  },
  {
    name: 'the local zone is the CronJob zone: one column',
    schedule: '"0 0 * * *"',
    timeZone: 'Asia/Shanghai',
    now: '2026-01-05T00:00:00Z',
    localTimeZone: 'Asia/Shanghai',
    contains: [
      '| Asia/Shanghai |\n| --- |',
      'This is also your local time zone.',
      'Asia/Shanghai has no daylight-saving',
    ],
    excludes: ['Your time'],
  },
  {
    name: 'podline.nextRuns sets how many runs are listed',
    schedule: '"0 0 * * *"',
    now: '2026-01-05T12:00:00Z',
    settings: { nextRuns: 2 },
    contains: ['| Tue 2026-01-06 00:00 (UTC+00:00) |', '| Wed 2026-01-07 00:00 (UTC+00:00) |'],
    excludes: ['2026-01-08'],
  },
  {
    name: 'without podline.nextRuns five runs are listed',
    schedule: '"0 0 * * *"',
    now: '2026-01-05T12:00:00Z',
    contains: ['| Sat 2026-01-10 00:00 (UTC+00:00) |'],
    excludes: ['2026-01-11'],
  },
  {
    name: 'day 30 of February never fires',
    schedule: '"0 0 30 2 *"',
    now: '2026-01-05T00:00:00Z',
    contains: [
      'Never runs: day 30 never occurs in February',
      'The CronJob controller reports InvalidSchedule and creates no Jobs.',
    ],
    excludes: ['Next runs'],
  },
  {
    name: 'weekday 7 is invalid, with its field and a caret under it',
    schedule: '"0 0 * * 7"',
    now: '2026-01-05T00:00:00Z',
    contains: ['Invalid schedule, day of week field: day of week 7 is not allowed', '0 0 * * 7\n        ^\n'],
    excludes: ['Next runs'],
  },
  {
    name: 'six fields are invalid',
    schedule: '"0 0 9 * * *"',
    now: '2026-01-05T00:00:00Z',
    contains: ['Invalid schedule: expected 5 fields, found 6'],
  },
  {
    name: 'an invalid timeZone: no runs, the reason',
    schedule: '"0 0 * * *"',
    timeZone: 'america/new_york',
    now: '2026-01-05T00:00:00Z',
    contains: [
      'spec.timeZone "america/new_york" is not a zone Kubernetes knows',
      'did you mean America/New_York?',
    ],
    excludes: ['Next runs'],
  },
  {
    name: '@every: 16 runs a day, not moved by clock changes',
    schedule: '"@every 1h30m"',
    timeZone: 'Europe/London',
    now: '2026-01-05T00:00:00Z',
    contains: [
      'Runs 16 times a day.',
      '| Mon 2026-01-05 01:30 (UTC+00:00) |',
      '| Mon 2026-01-05 07:30 (UTC+00:00) |',
      "the controller counts from the CronJob's creation or its last scheduled run",
      'Clock changes do not move @every runs',
    ],
  },
  {
    name: 'every 15 minutes is 96 runs a day',
    schedule: '"*/15 * * * *"',
    now: '2026-01-05T00:00:00Z',
    contains: ['Runs 96 times a day.'],
  },
  {
    name: 'monthly',
    schedule: '"0 0 1 * *"',
    now: '2026-01-05T00:00:00Z',
    contains: ['Runs once a month.', '| Sun 2026-02-01 00:00 (UTC+00:00) |'],
  },
  {
    name: 'twice a day in two months only',
    schedule: '"0 6,18 * 1,7 *"',
    now: '2026-01-05T00:00:00Z',
    contains: ['Runs twice a day. Only in January and July.'],
  },
  {
    name: '29 February: once every four years',
    schedule: '"0 0 29 2 *"',
    now: '2026-01-05T00:00:00Z',
    contains: ['Runs once every four years. Only in February.', '| Tue 2028-02-29 00:00 (UTC+00:00) |'],
  },
  {
    // robfig searches five years ahead; after 2096 the next 29 February is in 2104.
    name: '29 February late in a century: no run within the five-year search',
    schedule: '"0 0 29 2 *"',
    now: '2096-03-01T00:00:00Z',
    contains: ["No run within robfig/cron's five-year search: the controller creates no Jobs."],
    excludes: ['Next runs'],
  },
  {
    name: 'OR of day of month and day of week: the 1st and the 15th, or Fridays',
    schedule: '"0 0 1,15 * 5"',
    now: '2026-01-05T00:00:00Z',
    contains: ['| Fri 2026-01-09 00:00 (UTC+00:00) |', '| Thu 2026-01-15 00:00 (UTC+00:00) |'],
  },
];

for (const c of cases) {
  test(`schedule hover: ${c.name}`, () => {
    const text = cronJobYaml(c.schedule, c.timeZone);
    const context = editorContext(text, c.now, {
      ...(c.locale ? { locale: c.locale } : {}),
      ...(c.localTimeZone ? { localTimeZone: c.localTimeZone } : {}),
      ...(c.settings ? { settings: c.settings } : {}),
    });
    const offset = text.indexOf(c.schedule) + 2;
    const hover = computeHover(context, offset, [scheduleHover]);
    assert.ok(hover, 'a hover');
    const shown = plain(hover.markdown);
    for (const expected of c.contains)
      assert.ok(shown.includes(expected), `missing ${expected}\n---\n${shown}`);
    for (const unexpected of c.excludes ?? []) {
      assert.ok(!shown.includes(unexpected), `unexpected ${unexpected}\n---\n${shown}`);
    }
    assert.deepEqual(hover.range, {
      start: text.indexOf(c.schedule),
      end: text.indexOf(c.schedule) + c.schedule.length,
    });
  });
}

test('schedule hover: on the key too, with the key as its range', () => {
  const text = cronJobYaml('"0 9 * * *"', 'Asia/Shanghai');
  const key = text.indexOf('schedule');
  const hover = computeHover(editorContext(text, '2026-01-05T00:00:00Z'), key + 3, [scheduleHover]);
  assert.ok(hover);
  assert.deepEqual(hover.range, { start: key, end: key + 'schedule'.length });
  assert.match(hover.markdown, /At 09:00/);
});

test('schedule hover: not for other fields, nor for a schedule outside a CronJob', () => {
  const text = cronJobYaml('"0 9 * * *"');
  const context = editorContext(text, '2026-01-05T00:00:00Z');
  assert.equal(computeHover(context, text.indexOf('busybox'), [scheduleHover]), undefined);
  const job = 'apiVersion: batch/v1\nkind: Job\nspec:\n  schedule: "0 9 * * *"\n';
  const jobContext = editorContext(job, '2026-01-05T00:00:00Z');
  assert.equal(computeHover(jobContext, job.indexOf('0 9'), [scheduleHover]), undefined);
});

test('schedule hover: markup in a schedule is shown literally', () => {
  const text = cronJobYaml('"*/5 * * * * `x` <b>"');
  const hover = computeHover(editorContext(text, '2026-01-05T00:00:00Z'), text.indexOf('*/5'), [
    scheduleHover,
  ]);
  assert.ok(hover);
  assert.ok(hover.markdown.includes('``*/5 * * * * `x` <b>``'), hover.markdown);
  // Outside code spans and fenced blocks, no raw HTML reaches the renderer.
  let fenced = false;
  for (const line of hover.markdown.split('\n')) {
    if (line.startsWith('```')) fenced = !fenced;
    else if (!fenced) assert.ok(!line.replace(/``.*``/g, '').includes('<b>'), line);
  }
});

interface TimeZoneCase {
  readonly name: string;
  readonly timeZone: string;
  readonly now: string;
  readonly locale?: 'en' | 'zh-CN';
  readonly localTimeZone?: string;
  readonly contains: readonly string[];
}

const timeZoneCases: readonly TimeZoneCase[] = [
  {
    name: 'New York in winter: its offset and the March change',
    timeZone: 'America/New_York',
    now: '2026-01-15T00:00:00Z',
    localTimeZone: 'Asia/Shanghai',
    contains: [
      '**Time zone** `America/New_York`',
      'Current offset: UTC-05:00.',
      'Next change: Sun 2026-03-08 at 02:00 local time, clocks go forward 1 h to UTC-04:00.',
      'Your local zone, Asia/Shanghai, is 13 h ahead.',
      'Zone data: tzdata',
    ],
  },
  {
    name: 'London in summer: the October change',
    timeZone: 'Europe/London',
    now: '2026-07-01T00:00:00Z',
    localTimeZone: 'America/New_York',
    contains: [
      'Current offset: UTC+01:00.',
      'Next change: Sun 2026-10-25 at 02:00 local time, clocks go back 1 h to UTC+00:00.',
      'Your local zone, America/New_York, is 5 h behind.',
    ],
  },
  {
    name: 'Shanghai has no DST',
    timeZone: 'Asia/Shanghai',
    now: '2026-07-01T00:00:00Z',
    localTimeZone: 'Asia/Singapore',
    contains: [
      'Current offset: UTC+08:00.',
      'No DST: no offset change in the coming year.',
      'Your local zone, Asia/Singapore, shows the same time.',
    ],
  },
  {
    name: 'Kolkata: a half-hour offset',
    timeZone: 'Asia/Kolkata',
    now: '2026-07-01T00:00:00Z',
    contains: ['Current offset: UTC+05:30.', 'No DST'],
  },
  {
    name: 'New York in Chinese',
    timeZone: 'America/New_York',
    now: '2026-01-15T00:00:00Z',
    locale: 'zh-CN',
    contains: [
      '**时区** `America/New_York`',
      '当前偏移：UTC-05:00。',
      '下一次调整：本地时间 2026-03-08 周日 02:00，时钟拨快 1 小时，改为 UTC-04:00。',
    ],
  },
  {
    name: 'wrong letter case',
    timeZone: 'europe/london',
    now: '2026-01-15T00:00:00Z',
    contains: [
      'Unknown time zone "europe/london": time zone names are case-sensitive; did you mean Europe/London?',
    ],
  },
  {
    name: 'an unknown zone',
    timeZone: 'Mars/Olympus',
    now: '2026-01-15T00:00:00Z',
    contains: ['Unknown time zone "Mars/Olympus"'],
  },
  {
    name: 'Local is refused',
    timeZone: 'Local',
    now: '2026-01-15T00:00:00Z',
    contains: ['timeZone must be an explicit IANA time zone, not Local.'],
  },
  {
    name: 'an empty string is refused',
    timeZone: '""',
    now: '2026-01-15T00:00:00Z',
    contains: ['timeZone must be omitted or a non-empty time zone name.'],
  },
];

for (const c of timeZoneCases) {
  test(`time zone hover: ${c.name}`, () => {
    const text = cronJobYaml('"0 0 * * *"', c.timeZone);
    const context = editorContext(text, c.now, {
      ...(c.locale ? { locale: c.locale } : {}),
      ...(c.localTimeZone ? { localTimeZone: c.localTimeZone } : {}),
    });
    const offset = text.indexOf(`timeZone: ${c.timeZone}`) + 'timeZone: '.length;
    const hover = computeHover(context, offset, [timeZoneHover]);
    assert.ok(hover, 'a hover');
    const shown = plain(hover.markdown);
    for (const expected of c.contains)
      assert.ok(shown.includes(expected), `missing ${expected}\n---\n${shown}`);
  });
}

test('time zone hover: not when timeZone is absent or on another field', () => {
  const text = cronJobYaml('"0 0 * * *"');
  const context = editorContext(text, '2026-01-15T00:00:00Z');
  assert.equal(computeHover(context, text.indexOf('0 0'), [timeZoneHover]), undefined);
});
