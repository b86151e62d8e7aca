/**
 * Every user-visible string of the cron module, in English and Simplified Chinese. Error messages
 * are short and name the offending value; descriptions are Podline's own phrasing for the cases
 * where cronstrue would be wrong (see describeSchedule.ts).
 */

import { defineCatalog, formatMessage, type Locale, type MessageArgs } from '../l10n';
import type { CronField } from './cronFields';

/** The cron module's message catalog. */
export const cronMessages = defineCatalog(
  {
    'field.minute': 'minute',
    'field.hour': 'hour',
    'field.dayOfMonth': 'day of month',
    'field.month': 'month',
    'field.dayOfWeek': 'day of week',

    'error.empty': 'the schedule is empty',
    'error.tooLong': 'the schedule is {length} characters long; Podline checks at most {max}',
    'error.tzPrefix':
      'Kubernetes rejects TZ or CRON_TZ in the schedule when a CronJob is created; set spec.timeZone: {zone} instead',
    'error.tzAnywhere':
      'Kubernetes rejects any schedule containing "TZ" when a CronJob is created; use spec.timeZone for the time zone',
    'error.tooFewFields': 'expected 5 fields (minute hour day-of-month month day-of-week), found {count}',
    'error.descriptorNotFirst':
      'a descriptor such as {descriptor} must start the schedule, with nothing before it',
    'error.sixFields': 'expected 5 fields, found 6: Kubernetes cron has no seconds or year field',
    'error.tooManyFields': 'expected 5 fields, found {count}',
    'error.unknownDescriptor':
      'unknown descriptor {descriptor}; use @yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly or @every <duration>',
    'error.descriptorCase': 'descriptors are case-sensitive: write {suggestion}, not {descriptor}',
    'error.descriptorWhitespace': 'remove the whitespace around {suggestion}: Kubernetes does not accept it',
    'error.everySpacing': '@every must be followed by exactly one space and a duration, such as @every 1h30m',
    'error.durationInvalid': 'invalid duration "{duration}": use Go syntax such as 90m, 1h30m or 1.5h',
    'error.durationMissingUnit': 'the duration "{duration}" needs a unit: ns, us, ms, s, m or h',
    'error.durationUnknownUnit':
      'unknown unit "{unit}" in the duration "{duration}": Go durations use ns, us, ms, s, m and h (no d or w)',
    'error.durationOverflow':
      'the duration "{duration}" is too long: the maximum is about 292 years (2562047h)',
    'error.notANumber': '{fieldName} value "{token}" is not a number',
    'error.notANumberOrName': '{fieldName} value "{token}" is neither a number nor a name ({names})',
    'error.unsupportedSymbol': '"{token}": {symbol} is not supported by Kubernetes cron',
    'error.emptyValue': '"{token}" is missing a number',
    'error.tooManyHyphens': '"{token}" has more than one "-"',
    'error.tooManySlashes': '"{token}" has more than one "/"',
    'error.negativeStep': 'the step in "{token}" is negative',
    'error.numberTooLarge': '"{token}" is too large a number',
    'error.outOfRange': '{fieldName} {value} is out of range {min}-{max}',
    'error.weekday7': 'day of week 7 is not allowed: Kubernetes cron counts Sunday as 0, so the range is 0-6',
    'error.reversedRange': 'the range {low}-{high} is reversed: its start must not exceed its end',
    'error.zeroStep': 'the step in "{token}" must be at least 1',

    'describe.yearly': 'Once a year, at 00:00 on 1 January',
    'describe.monthly': 'Once a month, at 00:00 on day 1',
    'describe.weekly': 'Once a week, at 00:00 on Sunday',
    'describe.daily': 'Once a day, at 00:00',
    'describe.hourly': 'Once an hour, at minute 0',
    'describe.every':
      "Every {duration}, counted from the CronJob's creation or its last scheduled run, not aligned to the clock",
    'describe.everyRounded':
      '{description} ({written} becomes {duration}: @every counts whole seconds, at least 1)',
    'describe.never': 'Never runs: {reason}',
    'describe.neverEmptyField': 'the {fieldName} field selects no value',
    'describe.neverImpossibleDay': 'day {days} never occurs in {months}',
    'describe.neverImpossibleDays': 'days {days} never occur in {months}',
    'describe.leapYearOnly': '{description} (29 February occurs only in leap years)',
    'describe.fallback': 'Runs at the times given by "{expression}"',
    'unit.hour': '{n} hour',
    'unit.hours': '{n} hours',
    'unit.minute': '{n} minute',
    'unit.minutes': '{n} minutes',
    'unit.second': '{n} second',
    'unit.seconds': '{n} seconds',
    'join.units': ' ',
    'join.list': ', ',
    'join.last': ' and ',
    'names.months': 'January,February,March,April,May,June,July,August,September,October,November,December',
  },
  {
    'field.minute': '分钟',
    'field.hour': '小时',
    'field.dayOfMonth': '日期',
    'field.month': '月份',
    'field.dayOfWeek': '星期',

    'error.empty': '调度表达式为空',
    'error.tooLong': '调度表达式长 {length} 个字符；Podline 最多检查 {max} 个字符',
    'error.tzPrefix':
      '创建 CronJob 时 Kubernetes 拒绝在调度表达式中使用 TZ 或 CRON_TZ；请改为设置 spec.timeZone: {zone}',
    'error.tzAnywhere':
      '创建 CronJob 时 Kubernetes 拒绝任何包含 "TZ" 的调度表达式；请用 spec.timeZone 指定时区',
    'error.tooFewFields': '应有 5 个字段（分钟 小时 日期 月份 星期），实际为 {count} 个',
    'error.descriptorNotFirst': '{descriptor} 这样的描述符必须位于调度表达式开头，前面不能有任何字符',
    'error.sixFields': '应有 5 个字段，实际为 6 个：Kubernetes 的 cron 没有秒或年字段',
    'error.tooManyFields': '应有 5 个字段，实际为 {count} 个',
    'error.unknownDescriptor':
      '未知的描述符 {descriptor}；可用 @yearly、@annually、@monthly、@weekly、@daily、@midnight、@hourly 或 @every <时长>',
    'error.descriptorCase': '描述符区分大小写：应写 {suggestion}，而不是 {descriptor}',
    'error.descriptorWhitespace': '请删除 {suggestion} 前后的空白：Kubernetes 不接受',
    'error.everySpacing': '@every 后面必须恰好有一个空格和一个时长，例如 @every 1h30m',
    'error.durationInvalid': '无效的时长 "{duration}"：请使用 Go 语法，例如 90m、1h30m 或 1.5h',
    'error.durationMissingUnit': '时长 "{duration}" 缺少单位：ns、us、ms、s、m 或 h',
    'error.durationUnknownUnit':
      '时长 "{duration}" 中的单位 "{unit}" 未知：Go 时长只支持 ns、us、ms、s、m 和 h（没有 d 或 w）',
    'error.durationOverflow': '时长 "{duration}" 过长：最大约为 292 年（2562047h）',
    'error.notANumber': '{fieldName}值 "{token}" 不是数字',
    'error.notANumberOrName': '{fieldName}值 "{token}" 既不是数字也不是名称（{names}）',
    'error.unsupportedSymbol': '"{token}"：Kubernetes 的 cron 不支持 {symbol}',
    'error.emptyValue': '"{token}" 缺少数字',
    'error.tooManyHyphens': '"{token}" 含有多个 "-"',
    'error.tooManySlashes': '"{token}" 含有多个 "/"',
    'error.negativeStep': '"{token}" 中的步长为负数',
    'error.numberTooLarge': '"{token}" 数值过大',
    'error.outOfRange': '{fieldName} {value} 超出范围 {min}-{max}',
    'error.weekday7': '星期不能为 7：Kubernetes 的 cron 以 0 表示星期日，范围为 0-6',
    'error.reversedRange': '范围 {low}-{high} 首尾颠倒：起点不能大于终点',
    'error.zeroStep': '"{token}" 中的步长至少为 1',

    'describe.yearly': '每年一次，在 1 月 1 日 00:00',
    'describe.monthly': '每月一次，在 1 号 00:00',
    'describe.weekly': '每周一次，在星期日 00:00',
    'describe.daily': '每天一次，在 00:00',
    'describe.hourly': '每小时一次，在整点',
    'describe.every': '每隔 {duration}，从 CronJob 创建或上次调度的时间起算，不与时钟对齐',
    'describe.everyRounded': '{description}（{written} 按 {duration} 计：@every 以整秒计算，至少 1 秒）',
    'describe.never': '永远不会运行：{reason}',
    'describe.neverEmptyField': '{fieldName}字段没有选中任何值',
    'describe.neverImpossibleDay': '{months}没有 {days} 号',
    'describe.neverImpossibleDays': '{months}没有 {days} 号',
    'describe.leapYearOnly': '{description}（2 月 29 日只在闰年出现）',
    'describe.fallback': '按 "{expression}" 给出的时间运行',
    'unit.hour': '{n} 小时',
    'unit.hours': '{n} 小时',
    'unit.minute': '{n} 分钟',
    'unit.minutes': '{n} 分钟',
    'unit.second': '{n} 秒',
    'unit.seconds': '{n} 秒',
    'join.units': ' ',
    'join.list': '、',
    'join.last': '和',
    'names.months': '1月,2月,3月,4月,5月,6月,7月,8月,9月,10月,11月,12月',
  },
);

/** A key of the cron module's catalog. */
export type CronMessageKey = keyof (typeof cronMessages)['en'];

/** Renders one message of the cron catalog. */
export function formatCronMessage(locale: Locale, key: CronMessageKey, args: MessageArgs = {}): string {
  return formatMessage(cronMessages, locale, key, args);
}

/** The localised name of a cron field ("day of month", "日期"). */
export function formatCronFieldName(field: CronField, locale: Locale): string {
  return formatCronMessage(locale, `field.${field}`);
}

/** Joins items as a localised list: "a, b and c" / "a、b和c". */
export function joinCronList(items: readonly string[], locale: Locale): string {
  if (items.length <= 1) return items.join('');
  const separator = formatCronMessage(locale, 'join.list');
  return (
    items.slice(0, -1).join(separator) + formatCronMessage(locale, 'join.last') + items[items.length - 1]
  );
}
