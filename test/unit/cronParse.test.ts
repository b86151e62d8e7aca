import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  formatCronError,
  parseCronSchedule,
  type CronErrorKind,
  type CronField,
  type CronParseFailure,
  type CronSpecSchedule,
} from '../../server/src/core/cron';

// Every expectation below comes from cron-dialect.md and robfig/cron v3.0.1 parser.go (getField,
// getRange, parseIntOrName, mustParseInt, parseDescriptor, normalizeFields) plus Kubernetes'
// `strings.Contains(schedule, "TZ")` check. The acceptance of each line was also confirmed by
// running robfig v3.0.1's ParseStandard itself.

const spec = (text: string): CronSpecSchedule => {
  const result = parseCronSchedule(text);
  assert.ok(result.ok, `${JSON.stringify(text)} should parse`);
  assert.equal(result.type, 'spec');
  return result;
};

const failure = (text: string): CronParseFailure => {
  const result = parseCronSchedule(text);
  assert.ok(!result.ok, `${JSON.stringify(text)} should be rejected`);
  return result;
};

// [schedule, why robfig accepts it]
const accepted: readonly (readonly [string, string])[] = [
  ['*/5 * * * *', 'a plain step'],
  ['0 0 * * *', 'plain values'],
  ['? ? ? ? ?', '? is *'],
  ['1,,2 * * * *', 'strings.FieldsFunc drops empty list items'],
  ['1, * * * *', 'a trailing comma is an empty item'],
  [',1 * * * *', 'a leading comma is an empty item'],
  [', * * * *', 'a field of only commas selects nothing but parses'],
  ['5,5 * * * *', 'duplicates are OR-ed bits'],
  ['*,1 * * * *', 'a star next to a value'],
  ['+5 * * * *', 'strconv.Atoi accepts a leading +'],
  ['*/+2 * * * *', 'the step goes through Atoi too'],
  ['*-5 * * * *', 'after * the "-" part is never read'],
  ['?-3 * * * *', 'the same for ?'],
  ['*-x * * * *', 'not even when it is not a number'],
  ['05 007 * * *', 'leading zeros'],
  ['*/61 * * * *', 'a step larger than the range keeps only the first value'],
  ['*/9223372036854775807 * * * *', 'the largest step Atoi accepts'],
  ['0\t0\t*\t*\t*', 'tabs separate fields'],
  ['0  0 * * *', 'runs of spaces'],
  [' 0 0 * * * ', 'leading and trailing spaces'],
  ['0 0 * * *\n', 'a trailing newline (a YAML literal block)'],
  ['0\u30000 * * *', 'unicode.IsSpace includes the ideographic space'],
  ['0\u00a00 * * *', 'and the no-break space'],
  ['0 0 * JAN-dec sun-SAT', 'names are case-insensitive'],
  ['0 0 * * FR\u0130', 'Go lower-cases İ to i, so FRİ is Friday'],
  ['0 0 * * 1/2', 'a/n means a-max/n'],
  ['0 0 1/10 * *', 'a/n in the day of month'],
  ['0-59/7 * * * *', 'range with step'],
  ['0 0 30 2 *', 'an impossible date parses (and never fires)'],
  ['0 0 * * 0-6', 'the full weekday range'],
  ['@yearly', 'descriptor'],
  ['@annually', 'descriptor'],
  ['@monthly', 'descriptor'],
  ['@weekly', 'descriptor'],
  ['@daily', 'descriptor'],
  ['@midnight', 'descriptor'],
  ['@hourly', 'descriptor'],
  ['@every 1h30m', 'Go duration'],
  ['@every 1.5h', 'fractions are allowed'],
  ['@every 0', 'Go special-cases "0"'],
  ['@every -1h', 'negative durations parse (and become one second)'],
  ['@every 999999h', 'large but below 2^63 ns'],
  ['@every 1\u00b5s', 'micro sign'],
  ['@every 1\u03bcs', 'Greek mu'],
];

for (const [text, why] of accepted) {
  test(`accepts ${JSON.stringify(text)}: ${why}`, () => {
    assert.equal(parseCronSchedule(text).ok, true);
  });
}

// [schedule, kind, field, start, end] — start/end are UTF-16 offsets of the offending part.
const rejected: readonly (readonly [string, CronErrorKind, CronField | null, number, number])[] = [
  ['', 'empty', null, 0, 0],
  ['   ', 'empty', null, 0, 3],
  ['* * * *', 'tooFewFields', null, 0, 7],
  ['* * * * * *', 'sixFields', null, 0, 11],
  ['* * * * * * *', 'tooManyFields', null, 10, 13],
  [' @daily', 'tooFewFields', null, 1, 7],
  ['0 0 * * 7', 'weekday7', 'dayOfWeek', 8, 9],
  ['0 0 * * 5-7', 'weekday7', 'dayOfWeek', 10, 11],
  ['0 0 * * mon-7', 'weekday7', 'dayOfWeek', 12, 13],
  ['0 0 * * 0-7', 'weekday7', 'dayOfWeek', 10, 11],
  ['0 0 * * 7/1', 'weekday7', 'dayOfWeek', 8, 9],
  ['60 * * * *', 'outOfRange', 'minute', 0, 2],
  ['0,5,60 * * * *', 'outOfRange', 'minute', 4, 6],
  ['1-60 * * * *', 'outOfRange', 'minute', 2, 4],
  ['0 24 * * *', 'outOfRange', 'hour', 2, 4],
  ['0 0 32 * *', 'outOfRange', 'dayOfMonth', 4, 6],
  ['0 0 0 * *', 'outOfRange', 'dayOfMonth', 4, 5],
  ['0 0 1,2,0 * *', 'outOfRange', 'dayOfMonth', 8, 9],
  ['0 0 * 0 *', 'outOfRange', 'month', 6, 7],
  ['0 0 * 13 *', 'outOfRange', 'month', 6, 8],
  ['5-1 * * * *', 'reversedRange', 'minute', 0, 3],
  ['0 0 * dec-jan *', 'reversedRange', 'month', 6, 13],
  ['*/0 * * * *', 'zeroStep', 'minute', 2, 3],
  ['0 0 1/0 * *', 'zeroStep', 'dayOfMonth', 6, 7],
  ['*/-0 * * * *', 'zeroStep', 'minute', 2, 4],
  ['*/-1 * * * *', 'syntax', 'minute', 0, 4],
  ['-1 * * * *', 'syntax', 'minute', 0, 2],
  ['1- * * * *', 'syntax', 'minute', 0, 2],
  ['1-2-3 * * * *', 'syntax', 'minute', 0, 5],
  ['1/2/3 * * * *', 'syntax', 'minute', 0, 5],
  ['jan * * * *', 'syntax', 'minute', 0, 3],
  ['0 0 L * *', 'syntax', 'dayOfMonth', 4, 5],
  ['0 0 15W * *', 'syntax', 'dayOfMonth', 4, 7],
  ['0 0 * * 5#3', 'syntax', 'dayOfWeek', 8, 11],
  ['0 0 * * 5L', 'syntax', 'dayOfWeek', 8, 10],
  ['H * * * *', 'syntax', 'minute', 0, 1],
  ['\u{1d7d8} 0 * * *', 'syntax', 'minute', 0, 2],
  ['0 0 * * \u0000', 'syntax', 'dayOfWeek', 8, 9],
  ['*/99999999999999999999 * * * *', 'syntax', 'minute', 2, 22],
  ['99999999999999999999 * * * *', 'syntax', 'minute', 0, 20],
  ['@reboot', 'unknownDescriptor', null, 0, 7],
  ['@minutely', 'unknownDescriptor', null, 0, 9],
  ['@Daily', 'unknownDescriptor', null, 0, 6],
  ['@daily ', 'unknownDescriptor', null, 0, 7],
  ['@', 'unknownDescriptor', null, 0, 1],
  ['@every', 'unknownDescriptor', null, 0, 6],
  ['@every\t1h', 'unknownDescriptor', null, 0, 9],
  ['@daily * * * *', 'unknownDescriptor', null, 0, 14],
  ['@every ', 'badDuration', null, 0, 7],
  ['@every 1d', 'badDuration', null, 7, 9],
  ['@every 1w', 'badDuration', null, 7, 9],
  ['@every 1H', 'badDuration', null, 7, 9],
  ['@every 1h 30m', 'badDuration', null, 7, 13],
  ['@every 90', 'badDuration', null, 7, 9],
  ['@every .s', 'badDuration', null, 7, 9],
  ['@every 2562048h', 'badDuration', null, 7, 15],
  ['@every 99999999999999999999h', 'badDuration', null, 7, 28],
  ['@every 1h ', 'badDuration', null, 0, 10],
  ['TZ=Europe/Paris 0 3 * * *', 'tzPrefix', null, 0, 15],
  ['CRON_TZ=UTC 0 3 * * *', 'tzPrefix', null, 0, 11],
  ['TZ=UTC', 'tzPrefix', null, 0, 6],
  ['0 3 * * * TZ', 'tzPrefix', null, 10, 12],
  // Kubernetes' check is case-sensitive; robfig then sees six fields.
  ['tz=UTC 0 3 * * *', 'sixFields', null, 0, 16],
  ['0'.repeat(1001), 'tooLong', null, 0, 1001],
];

for (const [text, kind, field, start, end] of rejected) {
  test(`rejects ${JSON.stringify(text.length > 40 ? text.slice(0, 40) + '…' : text)} as ${kind}`, () => {
    const f = failure(text);
    assert.deepEqual([f.kind, f.field, f.start, f.end], [kind, field, start, end]);
    for (const locale of ['en', 'zh-CN'] as const) {
      const message = formatCronError(f, locale);
      assert.ok(message.length > 0);
      assert.doesNotMatch(message, /\{\w+\}/, `unfilled placeholder in ${message}`);
    }
  });
}

// [schedule, English message]: short and naming the offending value.
const messages: readonly (readonly [string, string])[] = [
  ['60 * * * *', 'minute 60 is out of range 0-59'],
  ['0 0 32 * *', 'day of month 32 is out of range 1-31'],
  ['0 0 * 0 *', 'month 0 is out of range 1-12'],
  ['0 0 * * 7', 'day of week 7 is not allowed: Kubernetes cron counts Sunday as 0, so the range is 0-6'],
  ['5-1 * * * *', 'the range 5-1 is reversed: its start must not exceed its end'],
  ['*/0 * * * *', 'the step in "*/0" must be at least 1'],
  ['* * * * * *', 'expected 5 fields, found 6: Kubernetes cron has no seconds or year field'],
  ['@every 1d', 'unknown unit "d" in the duration "1d": Go durations use ns, us, ms, s, m and h (no d or w)'],
  ['@Daily', 'descriptors are case-sensitive: write @daily, not @Daily'],
  ['0 0 L * *', '"L": L is not supported by Kubernetes cron'],
  ['0 0 * foo *', 'month value "foo" is neither a number nor a name (JAN-DEC)'],
];

for (const [text, message] of messages) {
  test(`explains ${JSON.stringify(text)}`, () => {
    assert.equal(formatCronError(failure(text), 'en'), message);
  });
}

test('the TZ prefix carries the zone, the range to delete and the parsed rest', () => {
  const f = failure('TZ=Europe/Paris  0 3 * * *');
  assert.equal(f.tz?.zone, 'Europe/Paris');
  assert.equal(f.tz?.removeStart, 0);
  assert.equal(f.tz?.removeEnd, 17);
  assert.equal(f.tz?.rest?.ok, true);
  const bad = failure('CRON_TZ=UTC 0 3 * * 7');
  assert.equal(bad.tz?.zone, 'UTC');
  assert.equal(bad.tz?.rest?.ok, false);
  assert.equal(bad.tz?.rest && !bad.tz.rest.ok ? bad.tz.rest.kind : null, 'weekday7');
  const elsewhere = failure('0 3 * * * TZ');
  assert.equal(elsewhere.tz?.zone, null);
  assert.equal(
    formatCronError(f, 'en'),
    'Kubernetes rejects TZ or CRON_TZ in the schedule when a CronJob is created; set spec.timeZone: Europe/Paris instead',
  );
});

const range = (from: number, to: number, step = 1): number[] => {
  const values: number[] = [];
  for (let v = from; v <= to; v += step) values.push(v);
  return values;
};

// [schedule, field, selected values, star flag]: robfig's bits and its star bit.
const selections: readonly (readonly [string, CronField, readonly number[], boolean])[] = [
  ['0 0 */1 * 5', 'dayOfMonth', range(1, 31), true],
  ['0 0 ?/1 * 5', 'dayOfMonth', range(1, 31), true],
  ['0 0 * * 5', 'dayOfMonth', range(1, 31), true],
  ['0 0 ? * 5', 'dayOfMonth', range(1, 31), true],
  ['0 0 *-5 * 5', 'dayOfMonth', range(1, 31), true],
  ['0 0 */1,3 * 5', 'dayOfMonth', range(1, 31), true],
  ['0 0 */2 * 5', 'dayOfMonth', range(1, 31, 2), false],
  ['0 0 1-31 * 5', 'dayOfMonth', range(1, 31), false],
  ['0 0 *-5/2 * 5', 'dayOfMonth', range(1, 31, 2), false],
  ['0 0 * * 5', 'dayOfWeek', [5], false],
  ['0 0 * * 1/2', 'dayOfWeek', [1, 3, 5], false],
  ['0 0 * * sun/3', 'dayOfWeek', [0, 3, 6], false],
  ['*/61 * * * *', 'minute', [0], false],
  ['5,5,1,,2 * * * *', 'minute', [1, 2, 5], false],
  ['0-59/7 * * * *', 'minute', range(0, 56, 7), false],
  ['*/9223372036854775807 * * * *', 'minute', [0], false],
  ['0 0 * dec/2 *', 'month', [12], false],
  ['0 0 * jan-mar,nov *', 'month', [1, 2, 3, 11], false],
  [', * * * *', 'minute', [], false],
  ['0 0 * * FR\u0130', 'dayOfWeek', [5], false],
];

for (const [text, field, values, star] of selections) {
  test(`${JSON.stringify(text)} selects ${field} ${JSON.stringify(values)}${star ? ' with the star bit' : ''}`, () => {
    const s = spec(text);
    assert.deepEqual(s[field].values, values);
    assert.equal(s[field].star, star);
  });
}

// [descriptor, minute, hour, dom, month, dow, dom star, dow star]: parseDescriptor's tables.
const descriptors: readonly (readonly [
  string,
  number[],
  number[],
  number[],
  number[],
  number[],
  boolean,
  boolean,
])[] = [
  ['@yearly', [0], [0], [1], [1], range(0, 6), false, true],
  ['@annually', [0], [0], [1], [1], range(0, 6), false, true],
  ['@monthly', [0], [0], [1], range(1, 12), range(0, 6), false, true],
  ['@weekly', [0], [0], range(1, 31), range(1, 12), [0], true, false],
  ['@daily', [0], [0], range(1, 31), range(1, 12), range(0, 6), true, true],
  ['@midnight', [0], [0], range(1, 31), range(1, 12), range(0, 6), true, true],
  ['@hourly', [0], range(0, 23), range(1, 31), range(1, 12), range(0, 6), true, true],
];

for (const [text, minute, hour, dom, month, dow, domStar, dowStar] of descriptors) {
  test(`${text} is robfig's table`, () => {
    const s = spec(text);
    assert.equal(s.descriptor, text);
    assert.deepEqual(
      [s.minute.values, s.hour.values, s.dayOfMonth.values, s.month.values, s.dayOfWeek.values],
      [minute, hour, dom, month, dow],
    );
    assert.deepEqual([s.dayOfMonth.star, s.dayOfWeek.star], [domStar, dowStar]);
  });
}

// [schedule, delay in ms, adjusted]: robfig's Every truncates to whole seconds, minimum 1 s.
const everies: readonly (readonly [string, number, boolean])[] = [
  ['@every 1h30m', 5_400_000, false],
  ['@every 90m', 5_400_000, false],
  ['@every 1.5h', 5_400_000, false],
  ['@every 1h0.5s', 3_600_000, true],
  ['@every 1500ms', 1_000, true],
  ['@every 500ms', 1_000, true],
  ['@every 0', 1_000, true],
  ['@every -1h', 1_000, true],
  ['@every 1\u00b5s', 1_000, true],
  ['@every +5m', 300_000, false],
  ['@every 999999h', 999_999 * 3_600_000, false],
  ['@every 2562047h', 2_562_047 * 3_600_000, false],
];

for (const [text, ms, adjusted] of everies) {
  test(`${text} runs every ${ms} ms`, () => {
    const result = parseCronSchedule(text);
    assert.ok(result.ok && result.type === 'every');
    assert.equal(result.durationMs, ms);
    assert.equal(result.adjusted, adjusted);
  });
}

test('field offsets point into the text, in UTF-16 units', () => {
  const s = spec('\u2003*/15\t9-17  1,15 JAN-jun  mon-fri');
  assert.deepEqual(
    [s.minute, s.hour, s.dayOfMonth, s.month, s.dayOfWeek].map((f) => [f.start, f.end, f.text]),
    [
      [1, 5, '*/15'],
      [6, 10, '9-17'],
      [12, 16, '1,15'],
      [17, 24, 'JAN-jun'],
      [26, 33, 'mon-fri'],
    ],
  );
  assert.deepEqual(
    s.dayOfMonth.items.map((i) => [i.start, i.end, i.text]),
    [
      [12, 13, '1'],
      [14, 16, '15'],
    ],
  );
  assert.deepEqual(
    [s.minute.items[0]?.stepStart, s.minute.items[0]?.stepEnd, s.minute.items[0]?.step],
    [3, 5, 15],
  );
});

test('hostile input is rejected quickly and never throws', () => {
  const inputs = [
    '*/'.repeat(400),
    ','.repeat(999),
    '1-'.repeat(450) + '1 * * * *',
    '\u0000\u0001\u0002 * * * *',
    '@every ' + '9'.repeat(900) + 'h',
    '@every ' + '1.'.repeat(400) + 's',
    '@every ' + '0.'.padEnd(900, '1') + 'h',
    ' '.repeat(1000),
    '\ud800 * * * *',
    'x'.repeat(1_000_000),
  ];
  const started = performance.now();
  for (const text of inputs) {
    const result = parseCronSchedule(text);
    assert.equal(typeof result.ok, 'boolean');
  }
  assert.ok(performance.now() - started < 1000);
  // Not a string at all, as untyped input from a manifest might be.
  assert.equal(parseCronSchedule(undefined as unknown as string).ok, false);
  assert.equal(parseCronSchedule(42 as unknown as string).ok, false);
});
