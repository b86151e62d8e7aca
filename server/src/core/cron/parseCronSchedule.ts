/**
 * The CronJob schedule parser: robfig/cron v3.0.1 `ParseStandard`, which the CronJob controller
 * and the API server's validation both call, plus Kubernetes' ban on `TZ` in the schedule.
 *
 * robfig is lenient in ways most cron libraries are not (empty list items, `*-N`, a leading `+`,
 * steps larger than the range) and strict in others (no weekday 7, no seconds field), so every
 * accept/reject decision below follows its parser.go step by step. Only the wording of errors is
 * ours, and where robfig reports several problems in one item we name the most useful one.
 *
 * The `cron-parser` dependency is deliberately not used, here or in computeNextRuns.ts: it
 * disagrees with robfig on which schedules exist (it accepts weekday 7, seconds, L, # and H, and
 * rejects `@every`, empty items, `+5` and `*-N`), on the meaning of `*\/1` in the day fields, on
 * weekday steps, and on daylight saving, so every answer it gave would need robfig's anyway.
 */

import type { MessageArgs } from '../l10n';
import { CRON_FIELDS, CRON_FIELD_BOUNDS } from './cronFields';
import type { CronField } from './cronFields';
import type { CronMessageKey } from './cronMessages';
import { parseGoDuration } from './parseGoDuration';

const NAMES: Partial<Record<CronField, ReadonlyMap<string, number>>> = {
  month: new Map(
    ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].map((n, i) => [
      n,
      i + 1,
    ]),
  ),
  dayOfWeek: new Map(['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'].map((n, i) => [n, i])),
};

/** Podline's own limit on schedule length; Kubernetes has none, but no real schedule comes close. */
export const MAX_SCHEDULE_LENGTH = 1000;

/** One comma-separated item of a field, as robfig reads it. */
export interface CronItem {
  /** UTF-16 offsets of the item in the schedule text. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** The effective first and last value and the step (`a/n` already widened to `a-max/n`). */
  readonly low: number;
  readonly high: number;
  readonly step: number;
  /** Offsets of the step number, when the item has one. */
  readonly stepStart: number | null;
  readonly stepEnd: number | null;
  /** The item began with `*` or `?`. */
  readonly wildcard: boolean;
}

/** One parsed field: where it is, what it selects, and robfig's star flag. */
export interface CronFieldSpec {
  readonly field: CronField;
  /** UTF-16 offsets of the field in the schedule text (for a descriptor: the descriptor). */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly items: readonly CronItem[];
  /**
   * The selected values, ascending and without duplicates. A list rather than robfig's uint64
   * bit set: the minute field needs 60 bits, beyond JavaScript's 32-bit bitwise operators, and
   * a bigint would not survive JSON on its way to the client.
   */
  readonly values: readonly number[];
  /**
   * robfig's star bit: some item is `*` or `?` with no step or a step of 1 (`*`, `?`, `*\/1`,
   * `?/1`, also `*-5`). For the day fields it switches day matching from OR to AND.
   */
  readonly star: boolean;
}

/** The descriptors robfig accepts (besides `@every`). */
export type CronDescriptor =
  '@yearly' | '@annually' | '@monthly' | '@weekly' | '@daily' | '@midnight' | '@hourly';

/** A successfully parsed five-field schedule or fixed descriptor. */
export interface CronSpecSchedule {
  readonly ok: true;
  readonly type: 'spec';
  readonly descriptor: CronDescriptor | null;
  readonly minute: CronFieldSpec;
  readonly hour: CronFieldSpec;
  readonly dayOfMonth: CronFieldSpec;
  readonly month: CronFieldSpec;
  readonly dayOfWeek: CronFieldSpec;
}

/** A successfully parsed `@every <duration>`. */
export interface CronEverySchedule {
  readonly ok: true;
  readonly type: 'every';
  /** The delay robfig uses: the duration truncated to whole seconds, at least one second. */
  readonly durationMs: number;
  /** True when that delay differs from what was written (`@every 1500ms`, `@every 0s`, `@every -1h`). */
  readonly adjusted: boolean;
  /** The duration as written, and its offsets in the schedule text. */
  readonly durationText: string;
  readonly durationStart: number;
  readonly durationEnd: number;
}

/** A schedule that Kubernetes accepts. */
export type ParsedSchedule = CronSpecSchedule | CronEverySchedule;

/** Stable identifiers of the ways a schedule can be rejected. */
export type CronErrorKind =
  | 'empty'
  | 'tooLong'
  | 'tzPrefix'
  | 'tooFewFields'
  | 'sixFields'
  | 'tooManyFields'
  | 'unknownDescriptor'
  | 'badDuration'
  | 'syntax'
  | 'outOfRange'
  | 'reversedRange'
  | 'zeroStep'
  | 'weekday7';

/** What a schedule with `TZ` in it says about the zone, for a quick fix to spec.timeZone. */
export interface CronTzPrefix {
  /** The zone of a leading `TZ=zone ` or `CRON_TZ=zone `; null when `TZ` appears elsewhere. */
  readonly zone: string | null;
  /** The range to delete to drop the prefix (it includes the whitespace after the zone). */
  readonly removeStart: number;
  readonly removeEnd: number;
  /** The rest of the schedule, parsed; null when there is no prefix or nothing follows it. */
  readonly rest: ParsedSchedule | CronParseFailure | null;
}

/** Why a schedule is rejected, where, and the arguments of its message. */
export interface CronParseFailure {
  readonly ok: false;
  readonly kind: CronErrorKind;
  readonly field: CronField | null;
  /** UTF-16 offsets of the offending part inside the schedule text. */
  readonly start: number;
  readonly end: number;
  /** The catalog message (cronMessages.ts) that explains it, and its arguments. */
  readonly messageKey: CronMessageKey;
  readonly args: MessageArgs;
  /** Present for kind 'tzPrefix'. */
  readonly tz?: CronTzPrefix;
}

function fail(
  kind: CronErrorKind,
  field: CronField | null,
  start: number,
  end: number,
  messageKey: CronMessageKey,
  args: MessageArgs = {},
): CronParseFailure {
  return { ok: false, kind, field, start, end, messageKey, args };
}

/** Go's unicode.IsSpace, which strings.Fields and strings.TrimSpace split on. */
function isGoSpace(code: number): boolean {
  if (code <= 0xff) return code === 0x20 || (code >= 0x09 && code <= 0x0d) || code === 0x85 || code === 0xa0;
  return (
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}

interface Token {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** strings.Fields with offsets: the maximal runs of non-space characters in text[begin, end). */
function splitFields(text: string, begin: number, end: number): Token[] {
  const tokens: Token[] = [];
  let i = begin;
  while (i < end) {
    while (i < end && isGoSpace(text.charCodeAt(i))) i++;
    const start = i;
    while (i < end && !isGoSpace(text.charCodeAt(i))) i++;
    if (i > start) tokens.push({ text: text.slice(start, i), start, end: i });
  }
  return tokens;
}

/** strings.ToLower for the purpose of matching month and weekday names. */
function goLower(text: string): string {
  // Go lower-cases U+0130 (capital I with dot) to a plain "i", so "FRİ" is Friday to robfig;
  // JavaScript's toLowerCase adds a combining dot. No other non-ASCII letter lowers into a name.
  return text.replace(/[A-Z\u0130]/g, (ch) => (ch === '\u0130' ? 'i' : ch.toLowerCase()));
}

type IntResult = { ok: true; value: number } | { ok: false; reason: 'syntax' | 'range' };

/** strconv.Atoi on a 64-bit platform: optional sign, decimal digits, int64 range. */
function goAtoi(text: string): IntResult {
  const match = /^([+-]?)([0-9]+)$/.exec(text);
  if (match === null) return { ok: false, reason: 'syntax' };
  const digits = (match[2] ?? '').replace(/^0+(?=.)/, '');
  const limit = match[1] === '-' ? '9223372036854775808' : '9223372036854775807';
  if (digits.length > limit.length || (digits.length === limit.length && digits > limit)) {
    return { ok: false, reason: 'range' };
  }
  const value = Number(digits);
  return { ok: true, value: match[1] === '-' ? -value : value };
}

const FIELD_NAME_HINT: Partial<Record<CronField, string>> = {
  month: 'JAN-DEC',
  dayOfWeek: 'SUN-SAT',
};

/** The Quartz or Jenkins symbol (L, W, #, H) a bad token uses, if that explains it. */
function quartzSymbol(token: string, item: string): string | null {
  if (item.includes('#')) return '#';
  const upper = token.toUpperCase();
  if (upper === 'H' || upper.startsWith('H(')) return 'H';
  if (/^(?:[0-9]*L|L-?[0-9]*)$/.test(upper)) return 'L';
  if (/^(?:LW|[0-9]*W)$/.test(upper)) return 'W';
  return null;
}

/** Explains why a token that should be a number is not one. */
function explainBadNumber(field: CronField, token: Token, item: Token): CronParseFailure {
  const symbol = quartzSymbol(token.text, item.text);
  if (symbol !== null) {
    // Quartz and Jenkins syntax is the usual reason for a letter in a numeric field.
    return fail('syntax', field, item.start, item.end, 'error.unsupportedSymbol', {
      token: item.text,
      symbol,
    });
  }
  if (token.text === '' || token.text === '+' || token.text === '-') {
    return fail('syntax', field, item.start, item.end, 'error.emptyValue', { token: item.text });
  }
  const hint = FIELD_NAME_HINT[field];
  return hint === undefined
    ? fail('syntax', field, token.start, token.end, 'error.notANumber', { token: token.text })
    : fail('syntax', field, token.start, token.end, 'error.notANumberOrName', {
        token: token.text,
        names: hint,
      });
}

type ValueResult = { ok: true; value: number } | { ok: false; failure: CronParseFailure };

/** robfig's parseIntOrName followed by mustParseInt's negativity check. */
function parseValue(field: CronField, token: Token, item: Token, allowNames: boolean): ValueResult {
  const names = allowNames ? NAMES[field] : undefined;
  const named = names?.get(goLower(token.text));
  if (named !== undefined) return { ok: true, value: named };
  const parsed = goAtoi(token.text);
  if (!parsed.ok) {
    if (parsed.reason === 'range') {
      return {
        ok: false,
        failure: fail('syntax', field, token.start, token.end, 'error.numberTooLarge', { token: token.text }),
      };
    }
    return { ok: false, failure: explainBadNumber(field, token, item) };
  }
  if (parsed.value < 0) {
    // Only a step can be negative here: a leading '-' elsewhere splits the range instead.
    return {
      ok: false,
      failure: fail('syntax', field, item.start, item.end, 'error.negativeStep', { token: item.text }),
    };
  }
  return { ok: true, value: parsed.value };
}

/** Splits `text` on `separator`, keeping offsets (strings.Split). */
function splitToken(token: Token, separator: string): Token[] {
  const parts: Token[] = [];
  let start = 0;
  for (;;) {
    const at = token.text.indexOf(separator, start);
    const end = at < 0 ? token.text.length : at;
    parts.push({ text: token.text.slice(start, end), start: token.start + start, end: token.start + end });
    if (at < 0) return parts;
    start = at + separator.length;
  }
}

type ItemResult = { ok: true; item: CronItem; star: boolean } | { ok: false; failure: CronParseFailure };

/** robfig's getRange for one list item. */
function parseItem(field: CronField, item: Token): ItemResult {
  const { min, max } = CRON_FIELD_BOUNDS[field];
  const rangeAndStep = splitToken(item, '/');
  const rangePart = rangeAndStep[0] ?? item;
  const lowAndHigh = splitToken(rangePart, '-');
  const lowToken = lowAndHigh[0] ?? rangePart;
  const singleValue = lowAndHigh.length === 1;
  let start: number;
  let end: number;
  let star = false;
  let wildcard = false;
  let highToken: Token | null = null;
  if (lowToken.text === '*' || lowToken.text === '?') {
    // Whatever follows a '-' after a wildcard is never looked at: `*-5` and even `*-x` mean `*`.
    start = min;
    end = max;
    star = true;
    wildcard = true;
  } else {
    const low = parseValue(field, lowToken, item, true);
    if (!low.ok) return low;
    start = low.value;
    if (lowAndHigh.length === 1) {
      end = start;
    } else if (lowAndHigh.length === 2) {
      highToken = lowAndHigh[1] ?? null;
      const high = parseValue(field, highToken ?? lowToken, item, true);
      if (!high.ok) return high;
      end = high.value;
    } else {
      return {
        ok: false,
        failure: fail('syntax', field, item.start, item.end, 'error.tooManyHyphens', { token: item.text }),
      };
    }
  }
  let step = 1;
  let stepToken: Token | null = null;
  if (rangeAndStep.length === 2) {
    stepToken = rangeAndStep[1] ?? null;
    const parsed = parseValue(field, stepToken ?? item, item, false);
    if (!parsed.ok) return parsed;
    step = parsed.value;
    // "N/step" means "N-max/step".
    if (singleValue) end = max;
    if (step > 1) star = false;
  } else if (rangeAndStep.length > 2) {
    return {
      ok: false,
      failure: fail('syntax', field, item.start, item.end, 'error.tooManySlashes', { token: item.text }),
    };
  }
  // robfig checks start < min, end > max, start > end, step == 0, in that order. We also check
  // start > max before the reversal, so that `7/2` in the weekday field reports the 7.
  const weekday7 = field === 'dayOfWeek' && (start === 7 || end === 7);
  const outOfRange = (value: number, token: Token): ItemResult => ({
    ok: false,
    failure: weekday7
      ? fail('weekday7', field, token.start, token.end, 'error.weekday7', { token: token.text })
      : fail('outOfRange', field, token.start, token.end, 'error.outOfRange', { value, min, max }),
  });
  if (!wildcard) {
    if (start < min || start > max) return outOfRange(start, lowToken);
    if (end > max) return outOfRange(end, highToken ?? lowToken);
    if (start > end) {
      return {
        ok: false,
        failure: fail('reversedRange', field, rangePart.start, rangePart.end, 'error.reversedRange', {
          low: start,
          high: end,
        }),
      };
    }
  }
  if (step === 0) {
    const at = stepToken ?? item;
    return {
      ok: false,
      failure: fail('zeroStep', field, at.start, at.end, 'error.zeroStep', { token: item.text }),
    };
  }
  return {
    ok: true,
    star,
    item: {
      start: item.start,
      end: item.end,
      text: item.text,
      low: start,
      high: end,
      step,
      stepStart: stepToken?.start ?? null,
      stepEnd: stepToken?.end ?? null,
      wildcard,
    },
  };
}

type FieldResult = { ok: true; spec: CronFieldSpec } | { ok: false; failure: CronParseFailure };

/** robfig's getField: a comma list whose empty items are silently skipped (`1,,2` and `1,`). */
function parseField(field: CronField, token: Token): FieldResult {
  const items: CronItem[] = [];
  const selected = new Array<boolean>(64).fill(false);
  let star = false;
  for (const part of splitToken(token, ',')) {
    if (part.text === '') continue;
    const result = parseItem(field, part);
    if (!result.ok) return result;
    items.push(result.item);
    star ||= result.star;
    // getBits: at most 60 iterations, however large the step.
    for (let v = result.item.low; v <= result.item.high; v += result.item.step) selected[v] = true;
  }
  const values: number[] = [];
  selected.forEach((on, v) => {
    if (on) values.push(v);
  });
  return {
    ok: true,
    spec: { field, start: token.start, end: token.end, text: token.text, items, values, star },
  };
}

function fixedField(
  field: CronField,
  value: number | 'all',
  start: number,
  end: number,
  text: string,
): CronFieldSpec {
  const { min, max } = CRON_FIELD_BOUNDS[field];
  const values: number[] = [];
  if (value === 'all') for (let v = min; v <= max; v++) values.push(v);
  else values.push(value);
  return { field, start, end, text, items: [], values, star: value === 'all' };
}

const DESCRIPTORS: Readonly<Record<CronDescriptor, readonly (number | 'all')[]>> = {
  // minute, hour, day of month, month, day of week: robfig's parseDescriptor tables.
  '@yearly': [0, 0, 1, 1, 'all'],
  '@annually': [0, 0, 1, 1, 'all'],
  '@monthly': [0, 0, 1, 'all', 'all'],
  '@weekly': [0, 0, 'all', 'all', 0],
  '@daily': [0, 0, 'all', 'all', 'all'],
  '@midnight': [0, 0, 'all', 'all', 'all'],
  '@hourly': [0, 'all', 'all', 'all', 'all'],
};

function isDescriptor(text: string): text is CronDescriptor {
  return Object.prototype.hasOwnProperty.call(DESCRIPTORS, text);
}

/** Trims Go whitespace from both ends of text[begin, end), returning the new bounds. */
function trimGoSpace(text: string, begin: number, end: number): [number, number] {
  let b = begin;
  let e = end;
  while (b < e && isGoSpace(text.charCodeAt(b))) b++;
  while (e > b && isGoSpace(text.charCodeAt(e - 1))) e--;
  return [b, e];
}

/** robfig's parseDescriptor for text[begin, end), which starts with '@'. */
function parseDescriptor(text: string, begin: number, end: number): ParsedSchedule | CronParseFailure {
  const spec = text.slice(begin, end);
  if (isDescriptor(spec)) {
    const fields = DESCRIPTORS[spec];
    const make = (i: number): CronFieldSpec => {
      const field = CRON_FIELDS[i] ?? 'minute';
      return fixedField(field, fields[i] ?? 'all', begin, end, spec);
    };
    return {
      ok: true,
      type: 'spec',
      descriptor: spec,
      minute: make(0),
      hour: make(1),
      dayOfMonth: make(2),
      month: make(3),
      dayOfWeek: make(4),
    };
  }
  const every = '@every ';
  if (spec.startsWith(every)) {
    const durationStart = begin + every.length;
    const durationText = spec.slice(every.length);
    const parsed = parseGoDuration(durationText);
    if (!parsed.ok) {
      const [tb, te] = trimGoSpace(text, durationStart, end);
      if ((tb !== durationStart || te !== end) && parseGoDuration(text.slice(tb, te)).ok) {
        // "@every 1h " (a quoted YAML string keeps the space): Go reads the space as part of the unit.
        return fail('badDuration', null, begin, end, 'error.descriptorWhitespace', {
          descriptor: spec,
          suggestion: every + text.slice(tb, te),
        });
      }
      const key: CronMessageKey =
        parsed.error === 'missingUnit'
          ? 'error.durationMissingUnit'
          : parsed.error === 'unknownUnit'
            ? 'error.durationUnknownUnit'
            : parsed.error === 'overflow'
              ? 'error.durationOverflow'
              : 'error.durationInvalid';
      const [s, e] = durationText === '' ? [begin, end] : [durationStart, end];
      return fail('badDuration', null, s, e, key, { duration: durationText, unit: parsed.unit ?? '' });
    }
    // robfig's Every: below one second becomes one second, then the sub-second part is dropped.
    const second = 1_000_000_000n;
    const requested = parsed.nanoseconds < second ? second : parsed.nanoseconds;
    const delay = requested - (requested % second);
    return {
      ok: true,
      type: 'every',
      durationMs: Number(delay / 1_000_000n),
      adjusted: delay !== parsed.nanoseconds,
      durationText,
      durationStart,
      durationEnd: end,
    };
  }
  const [b, e] = trimGoSpace(text, begin, end);
  const trimmed = text.slice(b, e);
  if (isDescriptor(trimmed)) {
    return fail('unknownDescriptor', null, begin, end, 'error.descriptorWhitespace', {
      descriptor: spec,
      suggestion: trimmed,
    });
  }
  if (/^@every(?:$|[^A-Za-z0-9])/.test(trimmed)) {
    return fail('unknownDescriptor', null, begin, end, 'error.everySpacing', { descriptor: spec });
  }
  const lower = trimmed.toLowerCase();
  if (isDescriptor(lower) || lower.startsWith('@every ')) {
    const suggestion = isDescriptor(lower) ? lower : '@every' + trimmed.slice(6);
    return fail('unknownDescriptor', null, begin, end, 'error.descriptorCase', {
      descriptor: spec,
      suggestion,
    });
  }
  return fail('unknownDescriptor', null, begin, end, 'error.unknownDescriptor', { descriptor: spec });
}

/** robfig's Parser.Parse, minus the TZ prefix, for text[begin, end). */
function parseStandard(text: string, begin: number, end: number): ParsedSchedule | CronParseFailure {
  if (begin < end && text[begin] === '@') return parseDescriptor(text, begin, end);
  const tokens = splitFields(text, begin, end);
  if (tokens.length === 0) return fail('empty', null, begin, end, 'error.empty');
  if (tokens.length !== 5) {
    const first = tokens[0];
    const last = tokens[tokens.length - 1];
    const s = first?.start ?? begin;
    const e = last?.end ?? end;
    if (tokens.length === 1 && first !== undefined && first.text.startsWith('@')) {
      // " @daily": robfig only recognises a descriptor at the very first character.
      return fail('tooFewFields', null, s, e, 'error.descriptorNotFirst', {
        descriptor: first.text,
        count: 1,
      });
    }
    if (tokens.length < 5)
      return fail('tooFewFields', null, s, e, 'error.tooFewFields', { count: tokens.length });
    if (tokens.length === 6) return fail('sixFields', null, s, e, 'error.sixFields', { count: 6 });
    const extra = tokens[5];
    return fail('tooManyFields', null, extra?.start ?? s, e, 'error.tooManyFields', { count: tokens.length });
  }
  const specs: CronFieldSpec[] = [];
  for (let i = 0; i < 5; i++) {
    const token = tokens[i];
    const field = CRON_FIELDS[i];
    if (token === undefined || field === undefined) return fail('empty', null, begin, end, 'error.empty');
    const result = parseField(field, token);
    if (!result.ok) return result.failure;
    specs.push(result.spec);
  }
  const [minute, hour, dayOfMonth, month, dayOfWeek] = specs;
  if (!minute || !hour || !dayOfMonth || !month || !dayOfWeek)
    return fail('empty', null, begin, end, 'error.empty');
  return { ok: true, type: 'spec', descriptor: null, minute, hour, dayOfMonth, month, dayOfWeek };
}

/** Builds the 'tzPrefix' failure for a schedule that contains "TZ". */
function tzFailure(text: string): CronParseFailure {
  if (text.startsWith('TZ=') || text.startsWith('CRON_TZ=')) {
    const eq = text.indexOf('=');
    // robfig ends the zone at the first ASCII space only (and panics if there is none).
    const space = text.indexOf(' ');
    const zoneEnd = space < 0 ? text.length : space;
    const zone = text.slice(eq + 1, zoneEnd);
    const [restStart, restEnd] = trimGoSpace(text, zoneEnd, text.length);
    const rest = space < 0 ? null : parseStandard(text, restStart, restEnd);
    const failure = fail('tzPrefix', null, 0, zoneEnd, 'error.tzPrefix', { zone });
    return { ...failure, tz: { zone, removeStart: 0, removeEnd: space < 0 ? text.length : restStart, rest } };
  }
  const at = text.indexOf('TZ');
  const failure = fail('tzPrefix', null, at, at + 2, 'error.tzAnywhere');
  return { ...failure, tz: { zone: null, removeStart: at, removeEnd: at + 2, rest: null } };
}

/**
 * Parses a CronJob schedule as Kubernetes does on create: robfig/cron v3 ParseStandard, then the
 * ban on "TZ" anywhere in the string. Never throws; a rejection comes back as a failure value.
 */
export function parseCronSchedule(text: string): ParsedSchedule | CronParseFailure {
  if (typeof text !== 'string' || text.length === 0) return fail('empty', null, 0, 0, 'error.empty');
  if (text.length > MAX_SCHEDULE_LENGTH) {
    return fail('tooLong', null, 0, text.length, 'error.tooLong', {
      length: text.length,
      max: MAX_SCHEDULE_LENGTH,
    });
  }
  // Kubernetes checks with strings.Contains(schedule, "TZ"): case-sensitive, anywhere.
  if (text.includes('TZ')) return tzFailure(text);
  return parseStandard(text, 0, text.length);
}
