/**
 * The POSIX TZ rule that ends every TZif file ("EST5EDT,M3.2.0,M11.1.0"), parsed and evaluated
 * exactly as Go's `time.tzset` does. Go's embedded zone data is "slim": it lists transitions only
 * up to the year the current rules began and derives every later offset from this rule, so our
 * offsets must come from the same arithmetic, quirks included, to match the CronJob controller.
 */

import { SECONDS_PER_DAY, daysFromCivil, civilFromDays, daysInMonth, isLeapYear } from './civilDate';

interface TzRuleDate {
  readonly kind: 'julian' | 'dayOfYear' | 'monthWeekDay';
  readonly day: number;
  readonly week: number;
  readonly month: number;
  /** Seconds after local midnight at which the change happens. */
  readonly time: number;
}

/** A parsed POSIX TZ rule; offsets are in seconds east of UTC, as Go stores them. */
export interface PosixTzRule {
  readonly stdOffset: number;
  /** Absent when the zone has no daylight saving time. */
  readonly dst?: {
    readonly offset: number;
    readonly start: TzRuleDate;
    readonly end: TzRuleDate;
  };
}

interface Cursor {
  s: string;
}

function parseName(c: Cursor): boolean {
  const s = c.s;
  if (s.length === 0) return false;
  if (s[0] !== '<') {
    for (let i = 0; i < s.length; i++) {
      if ('0123456789,-+'.includes(s[i] ?? '')) {
        if (i < 3) return false;
        c.s = s.slice(i);
        return true;
      }
    }
    if (s.length < 3) return false;
    c.s = '';
    return true;
  }
  const close = s.indexOf('>');
  if (close < 0) return false;
  c.s = s.slice(close + 1);
  return true;
}

function parseNum(c: Cursor, min: number, max: number): number | null {
  const s = c.s;
  if (s.length === 0) return null;
  let num = 0;
  let i = 0;
  for (; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code < 48 || code > 57) break;
    num = num * 10 + (code - 48);
    if (num > max) return null;
  }
  if (i === 0 || num < min) return null;
  c.s = s.slice(i);
  return num;
}

function parseOffset(c: Cursor): number | null {
  if (c.s.length === 0) return null;
  let neg = false;
  if (c.s[0] === '+') c.s = c.s.slice(1);
  else if (c.s[0] === '-') {
    c.s = c.s.slice(1);
    neg = true;
  }
  // tzcode permits hours up to 24 * 7 here, although POSIX does not; Go follows tzcode.
  const hours = parseNum(c, 0, 24 * 7);
  if (hours === null) return null;
  let off = hours * 3600;
  if (c.s[0] === ':') {
    c.s = c.s.slice(1);
    const mins = parseNum(c, 0, 59);
    if (mins === null) return null;
    off += mins * 60;
    if (c.s[0] === ':') {
      c.s = c.s.slice(1);
      const secs = parseNum(c, 0, 59);
      if (secs === null) return null;
      off += secs;
    }
  }
  return neg ? -off : off;
}

function parseRuleDate(c: Cursor): TzRuleDate | null {
  if (c.s.length === 0) return null;
  let kind: TzRuleDate['kind'];
  let day: number | null;
  let week = 0;
  let month = 0;
  if (c.s[0] === 'J') {
    c.s = c.s.slice(1);
    kind = 'julian';
    day = parseNum(c, 1, 365);
  } else if (c.s[0] === 'M') {
    c.s = c.s.slice(1);
    kind = 'monthWeekDay';
    const mon = parseNum(c, 1, 12);
    if (mon === null || c.s[0] !== '.') return null;
    c.s = c.s.slice(1);
    const wk = parseNum(c, 1, 5);
    if (wk === null || c.s[0] !== '.') return null;
    c.s = c.s.slice(1);
    day = parseNum(c, 0, 6);
    month = mon;
    week = wk;
  } else {
    kind = 'dayOfYear';
    day = parseNum(c, 0, 365);
  }
  if (day === null) return null;
  let time = 2 * 3600;
  if (c.s[0] === '/') {
    c.s = c.s.slice(1);
    const t = parseOffset(c);
    if (t === null) return null;
    time = t;
  }
  return { kind, day, week, month, time };
}

/** Parses a POSIX TZ string as Go's tzset does; null when Go would reject it. */
export function parsePosixTzRule(text: string): PosixTzRule | null {
  const c: Cursor = { s: text };
  if (!parseName(c)) return null;
  const std = parseOffset(c);
  if (std === null) return null;
  // POSIX offsets are added to local time to get UTC; ours are added to UTC, hence the negation.
  const stdOffset = 0 - std;
  if (c.s.length === 0 || c.s[0] === ',') return { stdOffset };
  if (!parseName(c)) return null;
  let dstOffset: number;
  if (c.s.length === 0 || c.s[0] === ',') {
    dstOffset = stdOffset + 3600;
  } else {
    const dst = parseOffset(c);
    if (dst === null) return null;
    dstOffset = 0 - dst;
  }
  if (c.s.length === 0) c.s = ',M3.2.0,M11.1.0';
  // The TZ definition does not mention ';' here but tzcode (and so Go) accepts it.
  if (c.s[0] !== ',' && c.s[0] !== ';') return null;
  c.s = c.s.slice(1);
  const start = parseRuleDate(c);
  if (start === null || c.s[0] !== ',') return null;
  c.s = c.s.slice(1);
  const end = parseRuleDate(c);
  if (end === null || c.s.length > 0) return null;
  return { stdOffset, dst: { offset: dstOffset, start, end } };
}

const DAYS_BEFORE = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334] as const;

/** Go's tzruleTime: seconds after the start of the (UTC) year at which the rule takes effect. */
function ruleTime(year: number, r: TzRuleDate, off: number): number {
  let s = 0;
  switch (r.kind) {
    case 'julian':
      s = (r.day - 1) * SECONDS_PER_DAY;
      if (isLeapYear(year) && r.day >= 60) s += SECONDS_PER_DAY;
      break;
    case 'dayOfYear':
      s = r.day * SECONDS_PER_DAY;
      break;
    case 'monthWeekDay': {
      // Zeller's congruence with Go's truncating integer division.
      const m1 = ((r.month + 9) % 12) + 1;
      const yy0 = r.month <= 2 ? year - 1 : year;
      const yy1 = Math.trunc(yy0 / 100);
      const yy2 = yy0 % 100;
      let dow =
        (Math.trunc((26 * m1 - 2) / 10) + 1 + yy2 + Math.trunc(yy2 / 4) + Math.trunc(yy1 / 4) - 2 * yy1) % 7;
      if (dow < 0) dow += 7;
      let d = r.day - dow;
      if (d < 0) d += 7;
      for (let i = 1; i < r.week; i++) {
        if (d + 7 >= daysInMonth(year, r.month)) break;
        d += 7;
      }
      d += DAYS_BEFORE[r.month - 1] ?? 0;
      if (isLeapYear(year) && r.month > 2) d++;
      s = d * SECONDS_PER_DAY;
      break;
    }
  }
  return s + r.time - off;
}

/** One UTC year of a rule, evaluated: the cron search asks about the same year thousands of times. */
interface RuleYear {
  readonly from: number;
  readonly to: number;
  readonly startSec: number;
  readonly endSec: number;
  readonly stdOffset: number;
  readonly dstOffset: number;
}

const ruleYears = new WeakMap<PosixTzRule, RuleYear>();

/** The offset (seconds east of UTC) the rule gives at `unixSeconds`, computed as Go's tzset does. */
export function posixTzOffset(rule: PosixTzRule, unixSeconds: number): number {
  const dst = rule.dst;
  if (dst === undefined) return rule.stdOffset;
  // From 1970 on, Go's seconds-into-the-year is plain subtraction, so a year can be reused.
  if (unixSeconds >= 0) {
    let cached = ruleYears.get(rule);
    if (cached === undefined || unixSeconds < cached.from || unixSeconds >= cached.to) {
      const year = civilFromDays(Math.floor(unixSeconds / SECONDS_PER_DAY)).year;
      let startSec = ruleTime(year, dst.start, rule.stdOffset);
      let endSec = ruleTime(year, dst.end, dst.offset);
      let stdOffset = rule.stdOffset;
      let dstOffset = dst.offset;
      if (endSec < startSec) {
        [startSec, endSec] = [endSec, startSec];
        [stdOffset, dstOffset] = [dstOffset, stdOffset];
      }
      cached = {
        from: daysFromCivil(year, 1, 1) * SECONDS_PER_DAY,
        to: daysFromCivil(year + 1, 1, 1) * SECONDS_PER_DAY,
        startSec,
        endSec,
        stdOffset,
        dstOffset,
      };
      ruleYears.set(rule, cached);
    }
    const ysec = unixSeconds - cached.from;
    return ysec < cached.startSec || ysec >= cached.endSec ? cached.stdOffset : cached.dstOffset;
  }
  // Go picks the rule's year from the UTC calendar, not the local one, and adds a truncated
  // remainder; copying that keeps any edge-of-year oddity identical to the controller's.
  const days = Math.floor(unixSeconds / SECONDS_PER_DAY);
  const year = civilFromDays(days).year;
  const yday = days - daysFromCivil(year, 1, 1);
  const ysec = yday * SECONDS_PER_DAY + (unixSeconds % SECONDS_PER_DAY);
  let startSec = ruleTime(year, dst.start, rule.stdOffset);
  let endSec = ruleTime(year, dst.end, dst.offset);
  let stdOffset = rule.stdOffset;
  let dstOffset = dst.offset;
  if (endSec < startSec) {
    // Southern hemisphere: the "daylight" period wraps the new year, so the roles swap.
    [startSec, endSec] = [endSec, startSec];
    [stdOffset, dstOffset] = [dstOffset, stdOffset];
  }
  if (ysec < startSec) return stdOffset;
  if (ysec >= endSec) return stdOffset;
  return dstOffset;
}
