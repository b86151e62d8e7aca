import assert from 'node:assert/strict';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import {
  instantOfWallClock,
  instantsOfWallClock,
  listTimeZoneNames,
  loadTimeZone,
  validateTimeZone,
  wallClockAt,
  TIME_ZONE_DATA_VERSION,
  type TimeZone,
  type TimeZoneValidity,
} from '../../server/src/core/cron';

// Validity follows Kubernetes' validateTimeZone (docs/kubernetes-behaviour.md §1.4: not empty, not Local in
// any case, name parts matching [A-Za-z.\-_0-9+]{1,14}) and then Go's time.LoadLocation, which
// accepts exactly the file names of its zone database, case-sensitively.

// [name, verdict]
const validity: readonly (readonly [string, TimeZoneValidity])[] = [
  ['America/New_York', { valid: true }],
  ['US/Eastern', { valid: true }],
  ['Etc/GMT+5', { valid: true }],
  ['Etc/GMT-14', { valid: true }],
  ['UTC', { valid: true }],
  ['Etc/UTC', { valid: true }],
  ['GMT', { valid: true }],
  ['EST5EDT', { valid: true }],
  ['America/Argentina/ComodRivadavia', { valid: true }],
  ['Australia/Lord_Howe', { valid: true }],
  ['Pacific/Chatham', { valid: true }],
  ['america/new_york', { valid: false, reason: 'wrongCase', suggestion: 'America/New_York' }],
  ['AMERICA/NEW_YORK', { valid: false, reason: 'wrongCase', suggestion: 'America/New_York' }],
  ['utc', { valid: false, reason: 'wrongCase', suggestion: 'UTC' }],
  ['us/eastern', { valid: false, reason: 'wrongCase', suggestion: 'US/Eastern' }],
  ['Local', { valid: false, reason: 'local' }],
  ['local', { valid: false, reason: 'local' }],
  ['', { valid: false, reason: 'empty' }],
  ['UTC+5', { valid: false, reason: 'unknown' }],
  ['GMT+25', { valid: false, reason: 'unknown' }],
  ['Europe/Pariss', { valid: false, reason: 'unknown' }],
  ['Europe/', { valid: false, reason: 'unknown' }],
  ['/etc/localtime', { valid: false, reason: 'unknown' }],
  ['../zoneinfo/UTC', { valid: false, reason: 'unknown' }],
  ['America', { valid: false, reason: 'unknown' }],
  ['localtime', { valid: false, reason: 'unknown' }],
  ['posixrules', { valid: false, reason: 'unknown' }],
  ['zone.tab', { valid: false, reason: 'unknown' }],
  [' UTC', { valid: false, reason: 'unknown' }],
];

for (const [name, verdict] of validity) {
  test(`time zone ${JSON.stringify(name)} is ${verdict.valid ? 'valid' : verdict.reason}`, () => {
    assert.deepEqual(validateTimeZone(name), verdict);
  });
}

test('the zone table is Go-shaped, versioned and small', () => {
  const names = listTimeZoneNames();
  // IANA canonical zones plus the `backward` links: about 600 names.
  assert.ok(names.length > 550 && names.length < 700, `${names.length} names`);
  assert.ok(!names.some((n) => n.startsWith('posix/') || n.startsWith('right/')));
  assert.match(TIME_ZONE_DATA_VERSION, /^\d{4}[a-z]$/);
  // The compiled test lives somewhere under the repository; find the data file from there.
  const relative = join('server', 'src', 'core', 'cron', 'timeZoneData.ts');
  let dir = __dirname;
  while (!existsSync(join(dir, relative)) && dirname(dir) !== dir) dir = dirname(dir);
  const file = existsSync(join(dir, relative)) ? join(dir, relative) : join(process.cwd(), relative);
  assert.ok(statSync(file).size < 300_000, 'the data file ships in the package; keep it small');
});

const zone = (name: string): TimeZone => {
  const z = loadTimeZone(name);
  assert.ok(z, `${name} should load`);
  return z;
};
const at = (iso: string): number => Date.parse(iso) / 1000;

// [zone, instant, offset in seconds east of UTC]
const offsets: readonly (readonly [string, string, number])[] = [
  ['UTC', '2026-07-01T00:00:00Z', 0],
  ['America/New_York', '2026-01-15T12:00:00Z', -5 * 3600],
  ['America/New_York', '2026-07-15T12:00:00Z', -4 * 3600],
  ['America/New_York', '2026-03-08T06:59:59Z', -5 * 3600],
  ['America/New_York', '2026-03-08T07:00:00Z', -4 * 3600],
  // Beyond the table's last transition the POSIX rule decides, as in Go.
  ['America/New_York', '2050-07-01T00:00:00Z', -4 * 3600],
  ['America/New_York', '2050-12-01T00:00:00Z', -5 * 3600],
  ['Europe/London', '2026-07-01T00:00:00Z', 3600],
  ['Europe/Dublin', '2026-07-01T00:00:00Z', 3600],
  ['Europe/Dublin', '2026-01-01T00:00:00Z', 0],
  ['Asia/Kolkata', '2026-01-01T00:00:00Z', 5.5 * 3600],
  ['Asia/Kathmandu', '2026-01-01T00:00:00Z', 5.75 * 3600],
  ['Australia/Lord_Howe', '2026-01-01T00:00:00Z', 11 * 3600],
  ['Australia/Lord_Howe', '2026-07-01T00:00:00Z', 10.5 * 3600],
  ['Pacific/Chatham', '2026-01-01T00:00:00Z', 13.75 * 3600],
  ['Pacific/Chatham', '2026-07-01T00:00:00Z', 12.75 * 3600],
  ['Etc/GMT+5', '2026-07-01T00:00:00Z', -5 * 3600],
  ['America/Sao_Paulo', '2018-12-01T00:00:00Z', -2 * 3600],
  ['America/Sao_Paulo', '2026-12-01T00:00:00Z', -3 * 3600],
  // Samoa moved across the date line at the end of 29 December 2011 (local, UTC-10).
  ['Pacific/Apia', '2011-12-30T09:59:59Z', -10 * 3600],
  ['Pacific/Apia', '2011-12-30T10:00:00Z', 14 * 3600],
];

for (const [name, instant, offset] of offsets) {
  test(`${name} is UTC${offset >= 0 ? '+' : ''}${offset / 3600} at ${instant}`, () => {
    assert.equal(zone(name).offsetAt(at(instant)), offset);
  });
}

test('wall clock fields of an instant', () => {
  assert.deepEqual(wallClockAt(zone('America/New_York'), at('2026-11-01T05:30:00Z')), {
    year: 2026,
    month: 11,
    day: 1,
    hour: 1,
    minute: 30,
    second: 0,
    weekday: 0,
  });
  assert.deepEqual(wallClockAt(zone('Pacific/Chatham'), at('2026-01-01T00:00:00Z')), {
    year: 2026,
    month: 1,
    day: 1,
    hour: 13,
    minute: 45,
    second: 0,
    weekday: 4,
  });
});

// [zone, wall time, the instant Go's time.Date returns]: Go's two-lookup rule, which robfig's
// search depends on. In a gap it can land before the gap (New York) or after it (London).
const goDates: readonly (readonly [string, [number, number, number, number, number], string])[] = [
  ['America/New_York', [2025, 3, 9, 2, 30], '2025-03-09T06:30:00Z'],
  ['America/New_York', [2025, 11, 2, 1, 30], '2025-11-02T05:30:00Z'],
  ['Europe/London', [2025, 3, 30, 1, 30], '2025-03-30T01:30:00Z'],
  ['Europe/London', [2025, 10, 26, 1, 30], '2025-10-26T01:30:00Z'],
  ['Australia/Lord_Howe', [2025, 10, 5, 2, 15], '2025-10-04T15:45:00Z'],
  ['Australia/Lord_Howe', [2025, 4, 6, 1, 45], '2025-04-05T15:15:00Z'],
  // Fields overflow and are normalised, as in Go: 31 February is 3 March (2026 is not leap).
  ['UTC', [2026, 2, 31, 0, 0], '2026-03-03T00:00:00Z'],
  ['UTC', [2026, 13, 1, 24, 0], '2027-01-02T00:00:00Z'],
];

for (const [name, [y, mo, d, h, mi], expected] of goDates) {
  test(`time.Date(${y}-${mo}-${d} ${h}:${mi}) in ${name} is ${expected}`, () => {
    assert.equal(instantOfWallClock(zone(name), y, mo, d, h, mi, 0), at(expected));
  });
}

test('a wall time has no instant in a gap and two in an overlap', () => {
  const ny = zone('America/New_York');
  assert.deepEqual(instantsOfWallClock(ny, 2026, 3, 8, 2, 30, 0), []);
  assert.deepEqual(instantsOfWallClock(ny, 2026, 11, 1, 1, 30, 0), [
    at('2026-11-01T05:30:00Z'),
    at('2026-11-01T06:30:00Z'),
  ]);
  assert.deepEqual(instantsOfWallClock(ny, 2026, 7, 1, 12, 0, 0), [at('2026-07-01T16:00:00Z')]);
  // Samoa skipped all of 30 December 2011.
  assert.deepEqual(instantsOfWallClock(zone('Pacific/Apia'), 2011, 12, 30, 12, 0, 0), []);
});

test('every name in the table loads and answers for any instant', () => {
  for (const name of listTimeZoneNames()) {
    const z = zone(name);
    for (const instant of [-1e11, 0, 1.7e9, 4e9, 1e12]) {
      const offset = z.offsetAt(instant);
      assert.ok(
        Number.isInteger(offset) && Math.abs(offset) <= 15 * 3600,
        `${name} at ${instant}: ${offset}`,
      );
    }
  }
});
