import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runCronCommand } from '../../server/src/cli/cronCommand';

// `podline cron <schedule> [--time-zone Z] [--from ISO] [--count N] [--locale] [--format]`:
// exit 0 for a schedule Kubernetes accepts, 1 for one it rejects, 2 for a usage error.
const NOW = Date.parse('2026-11-21T22:30:00Z');

test('JSON output has exactly the documented shape', () => {
  const result = runCronCommand(['0 23 * * *', '--format', 'json'], NOW);
  assert.equal(result.exitCode, 0);
  assert.equal(result.stderr, '');
  assert.equal(
    result.stdout,
    '{"schedule":"0 23 * * *","timeZone":"UTC","valid":true,"error":null,"description":"At 23:00","next":' +
      '["2026-11-21T23:00:00Z","2026-11-22T23:00:00Z","2026-11-23T23:00:00Z","2026-11-24T23:00:00Z","2026-11-25T23:00:00Z"]}\n',
  );
});

test('an invalid schedule gives valid:false, the error and its field, and exit 1', () => {
  const result = runCronCommand(['0 0 * * 7', '--format', 'json'], NOW);
  assert.equal(result.exitCode, 1);
  assert.deepEqual(JSON.parse(result.stdout), {
    schedule: '0 0 * * 7',
    timeZone: 'UTC',
    valid: false,
    error: {
      message: 'day of week 7 is not allowed: Kubernetes cron counts Sunday as 0, so the range is 0-6',
      field: 'dayOfWeek',
    },
    description: null,
    next: [],
  });
  const count = JSON.parse(runCronCommand(['* * * *', '--format', 'json'], NOW).stdout) as { error: unknown };
  assert.deepEqual(count.error, {
    message: 'expected 5 fields (minute hour day-of-month month day-of-week), found 4',
    field: null,
  });
});

test('the zone, the start and the count are honoured; runs are UTC instants at second precision', () => {
  const result = runCronCommand(
    [
      '30 1 * * *',
      '--time-zone',
      'America/New_York',
      '--from',
      '2026-10-30T12:00:00Z',
      '--count',
      '4',
      '--format=json',
    ],
    NOW,
  );
  const report = JSON.parse(result.stdout) as { timeZone: string; next: string[] };
  assert.equal(report.timeZone, 'America/New_York');
  // Fall-back on 1 November: 01:30 runs twice.
  assert.deepEqual(report.next, [
    '2026-10-31T05:30:00Z',
    '2026-11-01T05:30:00Z',
    '2026-11-01T06:30:00Z',
    '2026-11-02T06:30:00Z',
  ]);
});

test('--from without an offset is a wall time in the zone', () => {
  const result = runCronCommand(
    [
      '0 9 * * *',
      '--time-zone',
      'Europe/Berlin',
      '--from',
      '2026-06-01T09:00',
      '--count',
      '1',
      '--format',
      'json',
    ],
    NOW,
  );
  assert.deepEqual((JSON.parse(result.stdout) as { next: string[] }).next, ['2026-06-02T07:00:00Z']);
  const dateOnly = runCronCommand(
    ['0 9 * * *', '--from', '2026-06-01', '--count', '1', '--format', 'json'],
    NOW,
  );
  assert.deepEqual((JSON.parse(dateOnly.stdout) as { next: string[] }).next, ['2026-06-01T09:00:00Z']);
});

test('a schedule that never fires is valid with no next runs', () => {
  const result = runCronCommand(['0 0 30 2 *', '--format', 'json'], NOW);
  assert.equal(result.exitCode, 0);
  const report = JSON.parse(result.stdout) as { valid: boolean; description: string; next: string[] };
  assert.deepEqual([report.valid, report.next], [true, []]);
  assert.equal(report.description, 'Never runs: day 30 never occurs in February');
});

test('text output shows the description, the zone and local times with their offsets', () => {
  const result = runCronCommand(
    ['30 2 * * *', '--time-zone', 'America/New_York', '--from', '2026-03-06T12:00:00Z', '--count', '2'],
    NOW,
  );
  assert.equal(result.exitCode, 0);
  assert.equal(
    result.stdout,
    [
      'At 02:30',
      'Time zone: America/New_York',
      'Next runs:',
      '  2026-03-07 02:30:00 -05:00  (2026-03-07T07:30:00Z)',
      '  2026-03-09 02:30:00 -04:00  (2026-03-09T06:30:00Z)',
      '',
    ].join('\n'),
  );
});

test('text output points at the error', () => {
  const result = runCronCommand(['*/0 * * * *'], NOW);
  assert.equal(result.exitCode, 1);
  assert.equal(
    result.stdout,
    'Invalid schedule: the step in "*/0" must be at least 1\n  */0 * * * *\n    ^\n',
  );
});

test('Chinese output', () => {
  const result = runCronCommand(['@every 90m', '--locale', 'zh-CN', '--count', '1'], NOW);
  assert.equal(
    result.stdout,
    [
      '每隔 1 小时 30 分钟，从 CronJob 创建或上次调度的时间起算，不与时钟对齐',
      '时区：UTC',
      '@every 从 CronJob 创建或上次运行的时间起算；这里假定为 2026-11-21T22:30:00Z。',
      '接下来的运行时间：',
      '  2026-11-22T00:00:00Z',
      '',
    ].join('\n'),
  );
});

test('the TZ prefix is rejected with a pointer to spec.timeZone', () => {
  const result = runCronCommand(['TZ=Europe/Paris 0 3 * * *', '--format', 'json'], NOW);
  assert.equal(result.exitCode, 1);
  const report = JSON.parse(result.stdout) as { error: { message: string } };
  assert.match(report.error.message, /spec\.timeZone: Europe\/Paris/);
});

// [arguments, message on stderr]: usage errors exit with 2 and print nothing on stdout.
const usageErrors: readonly (readonly [readonly string[], RegExp])[] = [
  [[], /give a schedule/],
  [['0', '0', '*', '*', '*'], /one quoted argument/],
  [['* * * * *', '--time-zone', 'america/new_york'], /did you mean 'America\/New_York'/],
  [['* * * * *', '--time-zone', 'Local'], /Local is not allowed/],
  [['* * * * *', '--time-zone', 'UTC+5'], /unknown time zone 'UTC\+5'/],
  [['* * * * *', '--time-zone', ''], /must not be empty/],
  [['* * * * *', '--from', 'yesterday'], /--from must be an ISO-8601/],
  [['* * * * *', '--from', '2026-02-30T00:00:00Z'], /--from must be an ISO-8601/],
  [['* * * * *', '--count', '-1'], /--count must be a whole number from 0 to 1000/],
  [['* * * * *', '--count', '5000'], /--count must be a whole number/],
  [['* * * * *', '--format', 'yaml'], /--format must be one of text, json/],
  [['* * * * *', '--nope'], /unknown option '--nope'/],
  [['* * * * *', '--count'], /needs a value/],
];

for (const [argv, message] of usageErrors) {
  test(`usage error: podline cron ${argv.join(' ')}`, () => {
    const result = runCronCommand([...argv], NOW);
    assert.equal(result.exitCode, 2);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, message);
  });
}
