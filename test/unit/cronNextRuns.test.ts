import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  computeNextRuns,
  parseCronSchedule,
  scheduleNeverFires,
  type CronNeverFires,
  type ParsedSchedule,
} from '../../server/src/core/cron';

// Expectations follow robfig/cron v3.0.1 spec.go (Next, dayMatches) as cron-dialect.md describes
// it: the search starts at the next whole second after `from`, a wall time skipped by
// spring-forward does not run that day, one repeated by fall-back runs twice, and nothing is
// found beyond five years. Each line was also checked against robfig v3.0.1 itself (compiled with
// Go 1.19 against tzdata 2025b); the Lord_Howe, Chatham and Apia lines record robfig's own
// behaviour there, which the comments explain from the code.

const parse = (text: string): ParsedSchedule => {
  const result = parseCronSchedule(text);
  assert.ok(result.ok, `${text} should parse`);
  return result;
};

const ms = (iso: string): number => Date.parse(iso);
const iso = (t: number): string => new Date(t).toISOString().replace('.000Z', 'Z');

// [schedule, zone, from, expected runs (UTC)]
const cases: readonly (readonly [string, string, string, readonly string[]])[] = [
  // UTC basics. A CronJob created exactly at a schedule instant does not run at that instant.
  ['0 23 * * *', 'UTC', '2026-11-21T22:30:00Z', ['2026-11-21T23:00:00Z', '2026-11-22T23:00:00Z']],
  ['0 23 * * *', 'UTC', '2026-11-21T23:00:00Z', ['2026-11-22T23:00:00Z']],
  ['0 23 * * *', 'UTC', '2026-11-21T22:59:59.999Z', ['2026-11-21T23:00:00Z']],
  [
    '*/15 * * * *',
    'UTC',
    '2026-01-01T00:07:00Z',
    ['2026-01-01T00:15:00Z', '2026-01-01T00:30:00Z', '2026-01-01T00:45:00Z'],
  ],
  ['*/61 * * * *', 'UTC', '2026-01-01T00:00:00Z', ['2026-01-01T01:00:00Z', '2026-01-01T02:00:00Z']],
  // The star rule: */1 is a star, so only Fridays; */2 is not, so odd days OR Fridays.
  [
    '0 0 */1 * 5',
    'UTC',
    '2026-01-01T00:00:00Z',
    ['2026-01-02T00:00:00Z', '2026-01-09T00:00:00Z', '2026-01-16T00:00:00Z'],
  ],
  [
    '0 0 */2 * 5',
    'UTC',
    '2026-01-01T00:00:00Z',
    [
      '2026-01-02T00:00:00Z',
      '2026-01-03T00:00:00Z',
      '2026-01-05T00:00:00Z',
      '2026-01-07T00:00:00Z',
      '2026-01-09T00:00:00Z',
    ],
  ],
  // A weekday step stops at Saturday: 1/2 is Monday, Wednesday, Friday, never Sunday.
  [
    '0 0 * * 1/2',
    'UTC',
    '2026-01-04T00:00:00Z',
    ['2026-01-05T00:00:00Z', '2026-01-07T00:00:00Z', '2026-01-09T00:00:00Z', '2026-01-12T00:00:00Z'],
  ],
  ['@weekly', 'UTC', '2026-01-01T00:00:00Z', ['2026-01-04T00:00:00Z', '2026-01-11T00:00:00Z']],
  ['@yearly', 'UTC', '2026-06-01T00:00:00Z', ['2027-01-01T00:00:00Z', '2028-01-01T00:00:00Z']],
  ['0 0 29 2 *', 'UTC', '2025-01-01T00:00:00Z', ['2028-02-29T00:00:00Z', '2032-02-29T00:00:00Z']],
  // America/New_York springs forward on 2026-03-08 (02:00 EST -> 03:00 EDT): 02:00 and 02:30
  // do not exist that day, so robfig skips those runs; 01:30 exists and runs.
  [
    '30 1 * * *',
    'America/New_York',
    '2026-03-06T12:00:00Z',
    ['2026-03-07T06:30:00Z', '2026-03-08T06:30:00Z', '2026-03-09T05:30:00Z'],
  ],
  ['0 2 * * *', 'America/New_York', '2026-03-06T12:00:00Z', ['2026-03-07T07:00:00Z', '2026-03-09T06:00:00Z']],
  [
    '30 2 * * *',
    'America/New_York',
    '2026-03-06T12:00:00Z',
    ['2026-03-07T07:30:00Z', '2026-03-09T06:30:00Z'],
  ],
  // It falls back on 2026-11-01 (02:00 EDT -> 01:00 EST): 01:30 happens twice and runs twice.
  [
    '30 1 * * *',
    'America/New_York',
    '2026-10-30T12:00:00Z',
    ['2026-10-31T05:30:00Z', '2026-11-01T05:30:00Z', '2026-11-01T06:30:00Z', '2026-11-02T06:30:00Z'],
  ],
  [
    '0 2 * * *',
    'America/New_York',
    '2026-10-30T12:00:00Z',
    ['2026-10-31T06:00:00Z', '2026-11-01T07:00:00Z', '2026-11-02T07:00:00Z'],
  ],
  // Europe/London springs forward at 01:00 GMT on 2026-03-29: 01:30 is skipped, 02:00 exists.
  ['30 1 * * *', 'Europe/London', '2026-03-27T12:00:00Z', ['2026-03-28T01:30:00Z', '2026-03-30T00:30:00Z']],
  ['0 2 * * *', 'Europe/London', '2026-03-27T12:00:00Z', ['2026-03-28T02:00:00Z', '2026-03-29T01:00:00Z']],
  // It falls back at 02:00 BST on 2026-10-25: 01:30 runs twice, 02:00 once.
  [
    '30 1 * * *',
    'Europe/London',
    '2026-10-23T12:00:00Z',
    ['2026-10-24T00:30:00Z', '2026-10-25T00:30:00Z', '2026-10-25T01:30:00Z', '2026-10-26T01:30:00Z'],
  ],
  ['0 2 * * *', 'Europe/London', '2026-10-23T12:00:00Z', ['2026-10-24T01:00:00Z', '2026-10-25T02:00:00Z']],
  // Australia/Lord_Howe shifts by 30 minutes (+10:30 <-> +11). On 2025-10-05 it springs forward
  // at 02:00 to 02:30. robfig runs `30 1` at 01:30 and then again at 02:30: after 01:30 its hour
  // loop adds one hour to 01:00 and lands on 02:30, whose minute matches.
  [
    '30 1 * * *',
    'Australia/Lord_Howe',
    '2025-10-03T00:00:00Z',
    ['2025-10-03T15:00:00Z', '2025-10-04T15:00:00Z', '2025-10-04T15:30:00Z', '2025-10-05T14:30:00Z'],
  ],
  // On 2025-04-06 it falls back at 02:00 to 01:30. robfig then walks whole hours from a :30
  // wall time and misses midnight on 7 April: a skipped day.
  [
    '0 0 * * *',
    'Australia/Lord_Howe',
    '2025-04-04T00:00:00Z',
    ['2025-04-04T13:00:00Z', '2025-04-05T13:00:00Z', '2025-04-07T13:30:00Z', '2025-04-08T13:30:00Z'],
  ],
  // Pacific/Chatham (+12:45 / +13:45) springs forward at 02:45 on 2026-09-27: Go resolves the
  // missing 02:45 to the instant of the change, 03:45 local, and robfig runs there.
  [
    '45 2 * * *',
    'Pacific/Chatham',
    '2026-09-25T00:00:00Z',
    ['2026-09-25T14:00:00Z', '2026-09-26T14:00:00Z', '2026-09-27T13:00:00Z'],
  ],
];

for (const [schedule, zone, from, expected] of cases) {
  test(`${schedule} in ${zone} after ${from}`, () => {
    const result = computeNextRuns(parse(schedule), ms(from), zone, expected.length);
    assert.deepEqual(result.runs.map(iso), expected);
    assert.equal(result.horizonReached, false);
    assert.equal(result.stalled, false);
  });
}

// [schedule, zone, from]: no run within robfig's five-year window.
const horizons: readonly (readonly [string, string, string])[] = [
  ['0 0 30 2 *', 'UTC', '2026-01-01T00:00:00Z'],
  ['0 0 31 4,6,9,11 *', 'UTC', '2026-01-01T00:00:00Z'],
  // 2100 is not a leap year, so after 2096 the next 29 February is in 2104, beyond 2101.
  ['0 0 29 2 *', 'UTC', '2096-03-01T00:00:00Z'],
  ['0 , * * *', 'UTC', '2026-01-01T00:00:00Z'],
  [', * * * *', 'America/New_York', '2026-01-01T00:00:00Z'],
  ['0 0 , * *', 'UTC', '2026-01-01T00:00:00Z'],
];

for (const [schedule, zone, from] of horizons) {
  test(`${schedule} has no run within five years of ${from}`, () => {
    const started = performance.now();
    const result = computeNextRuns(parse(schedule), ms(from), zone, 3);
    assert.deepEqual(result.runs, []);
    assert.equal(result.horizonReached, true);
    assert.ok(performance.now() - started < 500);
  });
}

test('the horizon stops a series part-way', () => {
  const result = computeNextRuns(parse('0 0 29 2 *'), ms('2090-01-01T00:00:00Z'), 'UTC', 5);
  assert.deepEqual(result.runs.map(iso), ['2092-02-29T00:00:00Z', '2096-02-29T00:00:00Z']);
  assert.equal(result.horizonReached, true);
});

test('@every runs at from + d, truncated to the second, not aligned to the clock', () => {
  const result = computeNextRuns(parse('@every 90m'), ms('2026-01-01T00:00:00.999Z'), 'UTC', 3);
  assert.deepEqual(result.runs.map(iso), [
    '2026-01-01T01:30:00Z',
    '2026-01-01T03:00:00Z',
    '2026-01-01T04:30:00Z',
  ]);
  const odd = computeNextRuns(parse('@every 1500ms'), ms('2026-01-01T00:00:00.250Z'), 'America/New_York', 2);
  assert.deepEqual(odd.runs.map(iso), ['2026-01-01T00:00:01Z', '2026-01-01T00:00:02Z']);
  // The zone does not matter to @every.
  const ny = computeNextRuns(parse('@every 1h'), ms('2026-03-08T06:30:00Z'), 'America/New_York', 2);
  assert.deepEqual(ny.runs.map(iso), ['2026-03-08T07:30:00Z', '2026-03-08T08:30:00Z']);
});

test('@every with a huge delay stops where a JavaScript date ends', () => {
  const result = computeNextRuns(parse('@every 2562047h'), ms('2026-01-01T00:00:00Z'), 'UTC', 1000);
  assert.ok(result.runs.length > 0 && result.runs.length < 1000);
  assert.equal(result.horizonReached, true);
});

test("robfig's Next loops forever in Pacific/Apia at the end of 2011; we report it and stop", () => {
  // Samoa skipped 30 December 2011. Go's time.Date for that day returns 29 December, so
  // robfig's day loop (which has no year check) adds a day and lands on the 29th for ever.
  const started = performance.now();
  const result = computeNextRuns(parse('0 0 31 * *'), ms('2011-11-01T00:00:00Z'), 'Pacific/Apia', 3);
  assert.deepEqual(result.runs, []);
  assert.equal(result.stalled, true);
  assert.ok(performance.now() - started < 5000);
});

for (const zone of ['Australia/Lord_Howe', 'Pacific/Chatham', 'America/Sao_Paulo', 'America/Havana']) {
  test(`many runs in ${zone} finish quickly and never repeat`, () => {
    for (const schedule of ['*/30 * * * *', '0 2 * * *', '30 1 * * *', '0 0 * * *', '15 2 * * 0']) {
      const started = performance.now();
      const result = computeNextRuns(parse(schedule), ms('2024-01-01T00:00:00Z'), zone, 1000);
      assert.equal(result.runs.length, 1000);
      assert.ok(performance.now() - started < 3000, `${schedule} in ${zone} took too long`);
      for (let i = 1; i < result.runs.length; i++) {
        assert.ok((result.runs[i] ?? 0) > (result.runs[i - 1] ?? 0), `${schedule} in ${zone} went backwards`);
      }
    }
  });
}

test('bad arguments give no runs instead of throwing', () => {
  const s = parse('* * * * *');
  assert.deepEqual(computeNextRuns(s, Number.NaN, 'UTC', 3).runs, []);
  assert.deepEqual(computeNextRuns(s, 0, 'UTC', Number.NaN).runs, []);
  assert.deepEqual(computeNextRuns(s, 0, 'UTC', -5).runs, []);
  assert.equal(computeNextRuns(s, 0, 'UTC', 1e12).runs.length, 1000);
  assert.equal(computeNextRuns(s, 0, 'UTC', 2.7).runs.length, 2);
  const unknown = computeNextRuns(s, 0, 'Mars/Olympus_Mons', 3);
  assert.deepEqual([unknown.runs, unknown.unknownTimeZone], [[], true]);
  assert.equal(computeNextRuns(s, 0, 'Local', 3).unknownTimeZone, true);
});

// [schedule, why it never runs (null: it can run)]
const neverCases: readonly (readonly [string, CronNeverFires | null])[] = [
  ['0 0 30 2 *', { reason: 'impossibleDate', days: [30], months: [2] }],
  ['0 0 31 4,6 *', { reason: 'impossibleDate', days: [31], months: [4, 6] }],
  ['0 0 30,31 2 *', { reason: 'impossibleDate', days: [30, 31], months: [2] }],
  ['0 0 29 2 *', null],
  ['0 0 31 4,7 *', null],
  // OR: the weekday can supply the day even when the date cannot.
  ['0 0 30 2 1', null],
  // AND (the weekday field is a star): the impossible date decides.
  ['0 0 30 2 */1', { reason: 'impossibleDate', days: [30], months: [2] }],
  ['0 , * * *', { reason: 'emptyField', field: 'hour' }],
  [', 0 * * *', { reason: 'emptyField', field: 'minute' }],
  ['0 0 * , *', { reason: 'emptyField', field: 'month' }],
  ['0 0 , * *', { reason: 'emptyField', field: 'dayOfMonth' }],
  ['0 0 * * ,', { reason: 'emptyField', field: 'dayOfWeek' }],
  ['0 0 , * 1', null],
  ['@every 1h', null],
  ['@yearly', null],
];

for (const [schedule, expected] of neverCases) {
  test(`${schedule} ${expected === null ? 'can run' : `never runs (${expected.reason})`}`, () => {
    assert.deepEqual(scheduleNeverFires(parse(schedule)), expected);
  });
}
