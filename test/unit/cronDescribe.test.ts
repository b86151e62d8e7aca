import assert from 'node:assert/strict';
import { test } from 'node:test';
import cronstrue from 'cronstrue';
import {
  cronMessages,
  describeSchedule,
  parseCronSchedule,
  type ParsedSchedule,
} from '../../server/src/core/cron';

// The descriptions must say what robfig will do (cron-dialect.md, "Where the npm libraries
// differ"): cronstrue phrases ordinary schedules, but never sees the raw text, and Podline phrases
// @every, the descriptors, the day-of-month OR day-of-week rule and never-firing dates itself.

const parse = (text: string): ParsedSchedule => {
  const result = parseCronSchedule(text);
  assert.ok(result.ok, `${text} should parse`);
  return result;
};

// [schedule, English, Simplified Chinese]
const descriptions: readonly (readonly [string, string, string])[] = [
  ['*/5 * * * *', 'Every 5 minutes', '每隔 5 分钟'],
  ['30 1 * * *', 'At 01:30', '在01:30'],
  // A step larger than the range keeps only minute 0 (cronstrue alone says "every 61 minutes").
  ['*/61 * * * *', 'Every hour', '每小时'],
  // A step that does not divide the hour stops before it wraps: say where.
  [
    '*/7 * * * *',
    'Every 7 minutes, minutes 0 through 56 past the hour',
    '每隔 7 分钟, 在整点后的第 0 到 56 分钟',
  ],
  ['*-5 * * * *', 'Every minute', '每分钟'],
  ['5,5 1,,2 * * *', 'At 01:05 and 02:05', '在 01:05 和 02:05'],
  // */1 is a star: Fridays only.
  ['0 0 */1 * 5', 'At 00:00, only on Friday', '在00:00, 仅星期五'],
  // */2 is not a star: odd days OR Fridays, and the description must say "or".
  [
    '0 0 */2 * 5',
    'At 00:00, every 2 days in a month, between day 1 and 31 of the month, or on Friday',
    '在00:00, 每隔 2 天, 限每月的  1 号 至  31 号 之间, 或者为星期五',
  ],
  [
    '0 0 1,15 * 1-5',
    'At 00:00, on day 1 and 15 of the month, or Monday through Friday',
    '在00:00, 限每月 1 号 和  15 号, 或者为星期一至星期五',
  ],
  // OR with a day of month that allows every day is every day.
  ['0 0 1-31 * 5', 'At 00:00', '在00:00'],
  // OR where the date can never occur: only the weekday runs.
  ['0 0 30 2 1', 'At 00:00, only on Monday, only in February', '在00:00, 仅星期一, 仅于二月份'],
  [
    '15 10 * * 1/2',
    'At 10:15, only on Monday, Wednesday, and Friday',
    '在10:15, 仅星期一, 星期三, 和 星期五',
  ],
  [
    '0 0 29 2 *',
    'At 00:00, on day 29 of the month, only in February (29 February occurs only in leap years)',
    '在00:00, 限每月 29 号, 仅于二月份（2 月 29 日只在闰年出现）',
  ],
  ['0 0 30 2 *', 'Never runs: day 30 never occurs in February', '永远不会运行：2月没有 30 号'],
  ['0 0 31 4,6 *', 'Never runs: day 31 never occurs in April and June', '永远不会运行：4月和6月没有 31 号'],
  ['0 0 30,31 2 *', 'Never runs: days 30 and 31 never occur in February', '永远不会运行：2月没有 30和31 号'],
  ['0 , * * *', 'Never runs: the hour field selects no value', '永远不会运行：小时字段没有选中任何值'],
  ['@yearly', 'Once a year, at 00:00 on 1 January', '每年一次，在 1 月 1 日 00:00'],
  ['@annually', 'Once a year, at 00:00 on 1 January', '每年一次，在 1 月 1 日 00:00'],
  ['@monthly', 'Once a month, at 00:00 on day 1', '每月一次，在 1 号 00:00'],
  ['@weekly', 'Once a week, at 00:00 on Sunday', '每周一次，在星期日 00:00'],
  ['@daily', 'Once a day, at 00:00', '每天一次，在 00:00'],
  ['@midnight', 'Once a day, at 00:00', '每天一次，在 00:00'],
  ['@hourly', 'Once an hour, at minute 0', '每小时一次，在整点'],
  [
    '@every 90m',
    "Every 1 hour 30 minutes, counted from the CronJob's creation or its last scheduled run, not aligned to the clock",
    '每隔 1 小时 30 分钟，从 CronJob 创建或上次调度的时间起算，不与时钟对齐',
  ],
  [
    '@every 500ms',
    "Every 1 second, counted from the CronJob's creation or its last scheduled run, not aligned to the clock (500ms becomes 1 second: @every counts whole seconds, at least 1)",
    '每隔 1 秒，从 CronJob 创建或上次调度的时间起算，不与时钟对齐（500ms 按 1 秒 计：@every 以整秒计算，至少 1 秒）',
  ],
];

for (const [schedule, en, zh] of descriptions) {
  test(`describes ${schedule}`, () => {
    const parsed = parse(schedule);
    assert.equal(describeSchedule(parsed, schedule, 'en'), en);
    assert.equal(describeSchedule(parsed, schedule, 'zh-CN'), zh);
  });
}

test('describing leaves cronstrue usable with its own locales', () => {
  describeSchedule(parse('0 0 1 * 1'), '0 0 1 * 1', 'en');
  // Our "or" variants are separate locales; cronstrue's English is untouched.
  assert.equal(
    cronstrue.toString('0 0 1 * 1', { use24HourTimeFormat: true }),
    'At 00:00, on day 1 of the month, and on Monday',
  );
});

test('the catalog is complete in both languages and placeholders match', () => {
  const keys = Object.keys(cronMessages.en) as (keyof typeof cronMessages.en)[];
  assert.deepEqual(Object.keys(cronMessages['zh-CN']).sort(), [...keys].sort());
  for (const key of keys) {
    const en = cronMessages.en[key];
    const zh = cronMessages['zh-CN'][key];
    assert.ok(en.length > 0 && zh.length > 0, key);
    const placeholders = (text: string): string[] =>
      [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
    assert.deepEqual(placeholders(zh), placeholders(en), key);
  }
});
