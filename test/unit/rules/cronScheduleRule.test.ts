import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeDocument } from '../../../server/src/core/analysis/analyzeDocument';
import { computeQuickFixes } from '../../../server/src/core/fixes/quickFixes';
import { failOnReport } from '../failOnReport';
import { parseCronSchedule } from '../../../server/src/core/cron/parseCronSchedule';
import { listTimeZoneNames } from '../../../server/src/core/cron/loadTimeZone';
import {
  cronScheduleRule,
  shortestGap,
  shortestGapLowerBound,
} from '../../../server/src/core/rules/cronScheduleRule';
import { defaultSettings } from '../../../server/src/core/settings';
import { cronJob } from './ruleTestSupport';

const withSchedule = (schedule: string, extra = '  timeZone: Etc/UTC', jobSpec = ''): string =>
  cronJob(extra, jobSpec).replace('"*/5 * * * *"', schedule);

function findings(text: string): { code: string; severity: string; marked: string; errorType: unknown }[] {
  return analyzeDocument(text, defaultSettings, [cronScheduleRule]).findings.map((finding) => ({
    code: finding.code,
    severity: finding.severity,
    marked: text.slice(finding.range.start, finding.range.end),
    errorType: finding.data?.['errorType'],
  }));
}

// Each case from cron-dialect.md: what robfig accepts and rejects, with the range inside the string.
const cases: [string, string, { code: string; severity: string; marked: string; errorType?: unknown }[]][] = [
  ['a valid schedule in a zone', withSchedule('"30 9 * * 1-5"'), []],
  [
    'minute 60 is out of range',
    withSchedule('"60 * * * *"'),
    [{ code: 'cronjob/schedule-syntax', severity: 'error', marked: '60', errorType: 'Invalid' }],
  ],
  [
    'day of week 7',
    withSchedule('"0 9 * * 7"'),
    [{ code: 'cronjob/schedule-weekday-7', severity: 'error', marked: '7', errorType: 'Invalid' }],
  ],
  [
    'six fields',
    withSchedule('"0 0 9 * * *"'),
    [{ code: 'cronjob/schedule-six-fields', severity: 'error', marked: '0 0 9 * * *', errorType: 'Invalid' }],
  ],
  [
    'a TZ prefix',
    withSchedule('"TZ=Asia/Tokyo 0 9 * * *"', ''),
    [{ code: 'cronjob/schedule-tz', severity: 'error', marked: 'TZ=Asia/Tokyo', errorType: 'Invalid' }],
  ],
  [
    // The API server accepts it (validateScheduleFormat: cron.ParseStandard parses it); only the
    // controller finds no time to run it, so it is a warning.
    '30 February never fires',
    withSchedule('"0 0 30 2 *"'),
    [
      {
        code: 'cronjob/schedule-never-fires',
        severity: 'warning',
        marked: '"0 0 30 2 *"',
        errorType: undefined,
      },
    ],
  ],
  [
    '*/7 minutes is uneven at the wrap',
    withSchedule('"*/7 * * * *"'),
    [{ code: 'cronjob/schedule-step', severity: 'warning', marked: '*/7', errorType: undefined }],
  ],
  ['*/15 divides 60', withSchedule('"*/15 * * * *"'), []],
  [
    '*/61 selects minute 0 only',
    withSchedule('"*/61 * * * *"'),
    [{ code: 'cronjob/schedule-step', severity: 'warning', marked: '*/61', errorType: undefined }],
  ],
  [
    'day of month and day of week OR',
    withSchedule('"0 0 13 * 5"'),
    [{ code: 'cronjob/schedule-day-or', severity: 'warning', marked: '13 * 5', errorType: undefined }],
  ],
  ['*/1 in day of month counts as a star (AND)', withSchedule('"0 0 */1 * 5"'), []],
  [
    'no timeZone is information',
    withSchedule('"0 9 * * *"', ''),
    [{ code: 'cronjob/no-time-zone', severity: 'info', marked: '"0 9 * * *"', errorType: undefined }],
  ],
  [
    'timeZone Local',
    withSchedule('"0 9 * * *"', '  timeZone: Local'),
    [{ code: 'cronjob/time-zone', severity: 'error', marked: 'Local', errorType: 'Invalid' }],
  ],
  [
    'timeZone with the wrong case',
    withSchedule('"0 9 * * *"', '  timeZone: america/new_york'),
    [{ code: 'cronjob/time-zone', severity: 'error', marked: 'america/new_york', errorType: 'Invalid' }],
  ],
  [
    'timeZone UTC+5 is not a Go zone',
    withSchedule('"0 9 * * *"', '  timeZone: UTC+5'),
    [{ code: 'cronjob/time-zone', severity: 'error', marked: 'UTC+5', errorType: 'Invalid' }],
  ],
  ['timeZone US/Eastern is a Go link', withSchedule('"0 9 * * *"', '  timeZone: US/Eastern'), []],
  ['@every 90m', withSchedule('"@every 90m"'), []],
  [
    '@every 1d is not Go',
    withSchedule('"@every 1d"'),
    [{ code: 'cronjob/schedule-syntax', severity: 'error', marked: '1d', errorType: 'Invalid' }],
  ],
  [
    'every minute with a 10-minute deadline under Forbid',
    withSchedule(
      '"* * * * *"',
      '  timeZone: Etc/UTC\n  concurrencyPolicy: Forbid',
      '      activeDeadlineSeconds: 600',
    ),
    [{ code: 'cronjob/schedule-overlap', severity: 'warning', marked: '"* * * * *"', errorType: undefined }],
  ],
  [
    'hourly with a 10-minute deadline',
    withSchedule('"0 * * * *"', '  timeZone: Etc/UTC', '      activeDeadlineSeconds: 600'),
    [],
  ],
];

for (const [name, text, expected] of cases) {
  test(`schedule: ${name}`, () => {
    assert.deepEqual(
      findings(text).map((finding) => ({
        ...finding,
        ...(finding.errorType === undefined ? { errorType: undefined } : {}),
      })),
      expected.map((finding) => ({ errorType: undefined, ...finding })),
    );
  });
}

test('the overlap warning says what Forbid does', () => {
  const text = withSchedule(
    '"* * * * *"',
    '  timeZone: Etc/UTC\n  concurrencyPolicy: Forbid',
    '      activeDeadlineSeconds: 600',
  );
  const [finding] = analyzeDocument(text, defaultSettings, [cronScheduleRule]).findings;
  assert.match(finding?.message ?? '', /every 60 s but a Job may run 10 min.*Forbid, runs are skipped/);
});

function fixed(text: string, code: string): string {
  const result = analyzeDocument(text, defaultSettings);
  const finding = result.findings.find((candidate) => candidate.code === code);
  assert.ok(finding, code);
  const [fix] = computeQuickFixes({
    text,
    yaml: result.yaml,
    finding,
    locale: 'en',
    reportError: failOnReport,
  });
  assert.ok(fix, `no fix for ${code}`);
  return [...fix.edits]
    .sort((a, b) => b.range.start - a.range.start)
    .reduce(
      (current, edit) => current.slice(0, edit.range.start) + edit.newText + current.slice(edit.range.end),
      text,
    );
}

test('quick fixes: TZ prefix to spec.timeZone, weekday 7 to 0, time zone case', () => {
  const tz = fixed(withSchedule('"TZ=Asia/Tokyo 0 9 * * *"', ''), 'cronjob/schedule-tz');
  assert.match(tz, /\n  schedule: "0 9 \* \* \*"\n  timeZone: Asia\/Tokyo\n/);
  assert.ok(!analyzeDocument(tz, defaultSettings).findings.some((finding) => finding.severity === 'error'));
  assert.match(fixed(withSchedule('"0 9 * * 7"'), 'cronjob/schedule-weekday-7'), /schedule: "0 9 \* \* 0"/);
  assert.match(
    fixed(withSchedule('"0 9 * * 5-7"'), 'cronjob/schedule-weekday-7'),
    /schedule: "0 9 \* \* 5-6,0"/,
  );
  assert.match(
    fixed(withSchedule('"0 9 * * *"', '  timeZone: america/new_york'), 'cronjob/time-zone'),
    /timeZone: America\/New_York/,
  );
});

test('hostile schedules give a clear error quickly and never throw', () => {
  for (const schedule of [
    '"' + '1,'.repeat(400) + '"',
    '"@every 999999h"',
    '"*/99999999999999999999 * * * *"',
    '"\\u0000 * * * *"',
    '"' + 'x'.repeat(5000) + '"',
  ]) {
    assert.doesNotThrow(() => findings(withSchedule(schedule)));
  }
});

test('the quick lower bound of the gap between runs never exceeds the gap found by searching, in any zone', () => {
  // Every zone for the schedules clock changes affect most; a few zones for the others.
  const cases: [string, readonly string[]][] = [
    ['30 2 * * *', listTimeZoneNames()],
    ['0 1,3 * * *', listTimeZoneNames()],
    ...['0 */2 * * *', '59 23 * * 6', '0 0 1 * *', '@every 90m'].map((text): [string, readonly string[]] => [
      text,
      ['Africa/Casablanca', 'Antarctica/Troll', 'Australia/Lord_Howe', 'Europe/Berlin', 'America/New_York'],
    ]),
  ];
  for (const [text, zones] of cases) {
    const parsed = parseCronSchedule(text);
    assert.ok(parsed.ok, text);
    const bound = shortestGapLowerBound(parsed);
    for (const zone of zones) assert.ok(bound <= shortestGap(text, parsed, zone), `${text} in ${zone}`);
  }
  // Enough to spare the search for a daily schedule and a deadline of half an hour or less.
  const daily = parseCronSchedule('0 3 * * *');
  assert.ok(daily.ok);
  assert.equal(shortestGapLowerBound(daily), 30 * 60_000);
});
