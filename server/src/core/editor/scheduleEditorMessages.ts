/**
 * Every user-visible string of the schedule editor features (hover, code lens, completion of
 * `spec.schedule` and `spec.timeZone`), in English and Simplified Chinese. Descriptions of the
 * schedules themselves come from the cron module (describeSchedule), not from here.
 */

import { defineCatalog, formatMessage, type Locale, type MessageArgs } from '../l10n';

/** The schedule editor features' message catalog. */
export const scheduleEditorMessages = defineCatalog(
  {
    'hover.scheduleTitle': '**CronJob schedule** {schedule}',
    'hover.invalid': 'Invalid schedule: {detail}',
    'hover.invalidField': 'Invalid schedule, {field} field: {detail}',
    'hover.neverFires': 'The CronJob controller reports InvalidSchedule and creates no Jobs.',
    'hover.zoneSet': 'Time zone: {zone} (spec.timeZone).',
    'hover.zoneAssumed':
      "Time zone: {zone}, assumed. Without spec.timeZone the schedule runs in the kube-controller-manager's local zone, usually UTC.",
    'hover.zoneInvalid':
      'spec.timeZone "{zone}" is not a zone Kubernetes knows: the API server rejects this CronJob, so no runs are shown.',
    'hover.nextRuns': 'Next runs',
    'hover.localColumn': 'Your time ({zone})',
    'hover.sameZone': 'This is also your local time zone.',
    'hover.noMoreRuns': "No further run within robfig/cron's five-year search.",
    'hover.noRuns': "No run within robfig/cron's five-year search: the controller creates no Jobs.",
    'hover.stalled':
      "After this, robfig/cron's search never ends: the controller would stop scheduling this CronJob.",
    'hover.everyFrom':
      "Counted from now for illustration: the controller counts from the CronJob's creation or its last scheduled run.",

    'times.once': 'once',
    'times.twice': 'twice',
    'times.n': '{n} times',
    'times.about': 'about {n} times',
    'frequency.perDay': 'Runs {times} a day.',
    'frequency.perWeek': 'Runs {times} a week.',
    'frequency.perMonth': 'Runs {times} a month.',
    'frequency.perYear': 'Runs {times} a year.',
    'frequency.perFourYears': 'Runs {times} every four years.',
    'frequency.perWeekEachDay': 'Runs {times} a week, {perDay} on each day it runs.',
    'frequency.perMonthEachDay': 'Runs {times} a month, {perDay} on each day it runs.',
    'frequency.perYearEachDay': 'Runs {times} a year, {perDay} on each day it runs.',
    'frequency.inMonths': '{sentence} Only in {months}.',
    'frequency.everyLong': 'Runs once every {duration}.',

    'dst.every': 'Clock changes do not move @every runs: it counts elapsed time.',
    'dst.none': '{zone} has no daylight-saving or offset change in the coming year.',
    'dst.forward':
      'Next clock change in {zone}: {date}, clocks go forward {shift} at {time} (UTC{from} to UTC{to}).',
    'dst.back':
      'Next clock change in {zone}: {date}, clocks go back {shift} at {time} (UTC{from} to UTC{to}).',
    'dst.skippedOne': 'The run at {times} that day is skipped: that wall time does not exist.',
    'dst.skippedMany': 'The runs at {times} that day are skipped: those wall times do not exist.',
    'dst.doubledOne': 'The run at {times} fires twice: that wall time occurs twice.',
    'dst.doubledMany': 'The runs at {times} fire twice: those wall times occur twice.',
    'dst.onceInOverlap': 'The run at {times} fires once, although that wall time occurs twice.',
    'dst.unaffected': 'No run falls in the change: the schedule keeps its wall-clock times.',
    'dst.quirkExtra':
      'Around this change robfig/cron also runs at {times}, which the wall clock alone would not predict.',
    'dst.quirkMissing':
      'Around this change robfig/cron does not run at {times}, although the wall clock would predict it.',
    'dst.andMore': '{list} and {count} more',

    'tz.title': '**Time zone** {zone}',
    'tz.offsetNow': 'Current offset: UTC{offset}.',
    'tz.forward': 'Next change: {date} at {time} local time, clocks go forward {shift} to UTC{to}.',
    'tz.back': 'Next change: {date} at {time} local time, clocks go back {shift} to UTC{to}.',
    'tz.noDst': 'No DST: no offset change in the coming year.',
    'tz.localAhead': 'Your local zone, {zone}, is {difference} ahead.',
    'tz.localBehind': 'Your local zone, {zone}, is {difference} behind.',
    'tz.localSame': 'Your local zone, {zone}, shows the same time.',
    'tz.dataVersion': 'Zone data: tzdata {version}, as Go names its zones.',
    'tz.empty': 'timeZone must be omitted or a non-empty time zone name.',
    'tz.local': 'timeZone must be an explicit IANA time zone, not Local.',
    'tz.wrongCase':
      'Unknown time zone "{zone}": time zone names are case-sensitive; did you mean {suggestion}?',
    'tz.unknown': 'Unknown time zone "{zone}": use an IANA name such as Europe/Berlin.',

    'lens.next': 'next: {time} {zone} ({relative})',
    'lens.nextAssumed': 'next: {time} {zone}, assumed ({relative})',
    'lens.never': 'never fires',
    'lens.invalid': 'invalid schedule',
    'lens.invalidField': 'invalid schedule ({field} field)',
    'lens.invalidZone': 'invalid time zone',
    'lens.noRun': 'no run in the next five years',
    'lens.stalled': 'never fires again',
    'lens.every': 'every {duration}, from the last scheduled run',

    'relative.minutes': 'in {m} min',
    'relative.hours': 'in {h} h',
    'relative.hoursMinutes': 'in {h} h {m} min',
    'relative.days': 'in {d} d',
    'relative.daysHours': 'in {d} d {h} h',
    'unit.days': '{n} d',
    'unit.hours': '{n} h',
    'unit.minutes': '{n} min',
    'unit.seconds': '{n} s',
    'join.units': ' ',
    'join.list': ', ',
    'join.last': ' and ',
    'join.sentences': ' ',

    'format.dateTime': '{weekday} {date} {time}',
    'format.weekdayTime': '{weekday} {time}',
    'format.date': '{weekday} {date}',
    'names.weekdays': 'Sun,Mon,Tue,Wed,Thu,Fri,Sat',

    'completion.zoneDetail': 'UTC{offset} now',
  },
  {
    'hover.scheduleTitle': '**CronJob 调度** {schedule}',
    'hover.invalid': '无效的调度：{detail}',
    'hover.invalidField': '无效的调度，{field}字段：{detail}',
    'hover.neverFires': 'CronJob 控制器会报告 InvalidSchedule，且不创建任何 Job。',
    'hover.zoneSet': '时区：{zone}（spec.timeZone）。',
    'hover.zoneAssumed':
      '时区：{zone}（推定）。未设置 spec.timeZone 时，调度按 kube-controller-manager 的本地时区运行，通常为 UTC。',
    'hover.zoneInvalid':
      'spec.timeZone "{zone}" 不是 Kubernetes 认识的时区：API 服务器会拒绝此 CronJob，因此不显示运行时间。',
    'hover.nextRuns': '接下来的运行',
    'hover.localColumn': '你的本地时间（{zone}）',
    'hover.sameZone': '这也是你的本地时区。',
    'hover.noMoreRuns': '在 robfig/cron 五年的搜索范围内没有更多运行。',
    'hover.noRuns': '在 robfig/cron 五年的搜索范围内没有任何运行：控制器不会创建 Job。',
    'hover.stalled': '此后 robfig/cron 的搜索不会结束：控制器将停止调度此 CronJob。',
    'hover.everyFrom': '此处从现在起算，仅作示意：控制器从 CronJob 创建或上次调度的时间起算。',

    'times.once': '1 次',
    'times.twice': '2 次',
    'times.n': '{n} 次',
    'times.about': '约 {n} 次',
    'frequency.perDay': '每天运行 {times}。',
    'frequency.perWeek': '每周运行 {times}。',
    'frequency.perMonth': '每月运行 {times}。',
    'frequency.perYear': '每年运行 {times}。',
    'frequency.perFourYears': '每四年运行 {times}。',
    'frequency.perWeekEachDay': '每周运行 {times}，每个运行日 {perDay}。',
    'frequency.perMonthEachDay': '每月运行 {times}，每个运行日 {perDay}。',
    'frequency.perYearEachDay': '每年运行 {times}，每个运行日 {perDay}。',
    'frequency.inMonths': '{sentence}仅限{months}。',
    'frequency.everyLong': '每 {duration}运行一次。',

    'dst.every': '时钟调整不会移动 @every 的运行：它按经过的时间计算。',
    'dst.none': '{zone} 在未来一年内没有夏令时或偏移调整。',
    'dst.forward': '{zone} 的下一次时钟调整：{date} {time}，时钟拨快 {shift}（UTC{from} 改为 UTC{to}）。',
    'dst.back': '{zone} 的下一次时钟调整：{date} {time}，时钟拨慢 {shift}（UTC{from} 改为 UTC{to}）。',
    'dst.skippedOne': '当天 {times} 的运行会被跳过：这个时刻不存在。',
    'dst.skippedMany': '当天 {times} 的运行会被跳过：这些时刻不存在。',
    'dst.doubledOne': '{times} 的运行会触发两次：这个时刻出现两次。',
    'dst.doubledMany': '{times} 的运行会各触发两次：这些时刻各出现两次。',
    'dst.onceInOverlap': '{times} 的运行只触发一次，尽管这个时刻出现两次。',
    'dst.unaffected': '没有运行落在调整的时段内：调度保持原来的本地时刻。',
    'dst.quirkExtra': '在这次调整前后，robfig/cron 还会在 {times} 运行，这不是按本地时刻能预料的。',
    'dst.quirkMissing': '在这次调整前后，robfig/cron 不会在 {times} 运行，尽管按本地时刻本应运行。',
    'dst.andMore': '{list}，另有 {count} 个',

    'tz.title': '**时区** {zone}',
    'tz.offsetNow': '当前偏移：UTC{offset}。',
    'tz.forward': '下一次调整：本地时间 {date} {time}，时钟拨快 {shift}，改为 UTC{to}。',
    'tz.back': '下一次调整：本地时间 {date} {time}，时钟拨慢 {shift}，改为 UTC{to}。',
    'tz.noDst': '无夏令时：未来一年内没有偏移调整。',
    'tz.localAhead': '你的本地时区 {zone} 比它快 {difference}。',
    'tz.localBehind': '你的本地时区 {zone} 比它慢 {difference}。',
    'tz.localSame': '你的本地时区 {zone} 与它时间相同。',
    'tz.dataVersion': '时区数据：tzdata {version}，按 Go 的时区名称。',
    'tz.empty': 'timeZone 要么省略，要么是非空的时区名称。',
    'tz.local': 'timeZone 必须是明确的 IANA 时区，不能是 Local。',
    'tz.wrongCase': '未知时区 "{zone}"：时区名称区分大小写，是否应为 {suggestion}？',
    'tz.unknown': '未知时区 "{zone}"：请使用 IANA 名称，例如 Asia/Shanghai。',

    'lens.next': '下次：{time} {zone}（{relative}）',
    'lens.nextAssumed': '下次：{time} {zone}，推定时区（{relative}）',
    'lens.never': '永远不会触发',
    'lens.invalid': '无效的调度',
    'lens.invalidField': '无效的调度（{field}字段）',
    'lens.invalidZone': '无效的时区',
    'lens.noRun': '未来五年内没有运行',
    'lens.stalled': '不会再触发',
    'lens.every': '每 {duration}，从上次调度起算',

    'relative.minutes': '{m} 分钟后',
    'relative.hours': '{h} 小时后',
    'relative.hoursMinutes': '{h} 小时 {m} 分钟后',
    'relative.days': '{d} 天后',
    'relative.daysHours': '{d} 天 {h} 小时后',
    'unit.days': '{n} 天',
    'unit.hours': '{n} 小时',
    'unit.minutes': '{n} 分钟',
    'unit.seconds': '{n} 秒',
    'join.units': ' ',
    'join.list': '、',
    'join.last': '和',
    'join.sentences': '',

    'format.dateTime': '{date} {weekday} {time}',
    'format.weekdayTime': '{weekday} {time}',
    'format.date': '{date} {weekday}',
    'names.weekdays': '周日,周一,周二,周三,周四,周五,周六',

    'completion.zoneDetail': '当前 UTC{offset}',
  },
);

/** A key of the schedule editor catalog. */
export type ScheduleEditorMessageKey = keyof (typeof scheduleEditorMessages)['en'];

/** Renders one message of the schedule editor catalog. */
export function formatScheduleEditorMessage(
  locale: Locale,
  key: ScheduleEditorMessageKey,
  args: MessageArgs = {},
): string {
  return formatMessage(scheduleEditorMessages, locale, key, args);
}
