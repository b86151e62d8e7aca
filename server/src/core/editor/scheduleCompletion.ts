/**
 * Completion of a CronJob's `spec.schedule` (common presets, each described by the cron module)
 * and `spec.timeZone` (every zone name Go knows, with its offset now). It works from the text of
 * the line, so that it also answers on `schedule:` with no value yet, and it replaces the value
 * already written: inside quotes the text between them, otherwise the whole plain value.
 */

import { describeSchedule, listTimeZoneNames, loadTimeZone, parseCronSchedule } from '../cron';
import type { Locale } from '../l10n';
import type { OffsetRange } from '../text/offsetRange';
import type { CompletionItem, CompletionProvider, PositionContext } from './editorFeature';
import { formatScheduleEditorMessage as say } from './scheduleEditorMessages';
import { cronJobScheduleFields, formatOffset } from './scheduleEditorSupport';

/**
 * The schedule presets offered, most common first. Every one is a schedule Kubernetes accepts
 * and that runs (a unit test parses each).
 */
export const SCHEDULE_PRESETS: readonly string[] = [
  '* * * * *',
  '*/5 * * * *',
  '*/15 * * * *',
  '*/30 * * * *',
  '0 * * * *',
  '0 */6 * * *',
  '0 0 * * *',
  '0 9 * * 1-5',
  '0 0 * * 0',
  '0 0 1 * *',
  '0 0 1 1 *',
  '@hourly',
  '@daily',
  '@weekly',
  '@monthly',
  '@yearly',
  '@every 30m',
  '@every 1h',
  '@every 1h30m',
];

/** Where the value of a `schedule:` or `timeZone:` key is on the cursor's line. */
interface ValueSlot {
  readonly key: 'schedule' | 'timeZone';
  /** The range to replace; it contains the cursor. */
  readonly range: OffsetRange;
  /** The value's quote when it is quoted (the range is then inside the quotes). */
  readonly quote: '"' | "'" | null;
  /** False when the opening quote has no closing one yet. */
  readonly closed: boolean;
  /** True when nothing separates the colon from the cursor, so a space must be inserted. */
  readonly needsSpace: boolean;
}

const KEY_LINE = /^(\s*(?:-\s+)?)(["']?)(schedule|timeZone)\2([ \t]*):/;

function valueSlot(context: PositionContext): ValueSlot | undefined {
  const fields = cronJobScheduleFields(context.workload);
  if (!fields) return undefined;
  const { offset } = context;
  const { start: lineStart, text: line } = context.lineAt(offset);
  const lineEnd = lineStart + line.length;
  const match = KEY_LINE.exec(line);
  if (!match) return undefined;
  const key = match[3] === 'schedule' ? 'schedule' : 'timeZone';
  // Only the CronJob's own spec.schedule / spec.timeZone, found by the key's position.
  const keyRange = fields[key].keyRange;
  if (!keyRange || keyRange.start < lineStart || keyRange.start > lineEnd) return undefined;
  const colonEnd = lineStart + match[0].length;
  if (offset < colonEnd) return undefined;
  const after = line.slice(match[0].length);
  const spaces = after.length - after.trimStart().length;
  const valueStart = colonEnd + spaces;
  const rest = after.slice(spaces);
  const first = rest.charAt(0);
  if (first === '"' || first === "'") {
    const closing = rest.indexOf(first, 1);
    const start = valueStart + 1;
    const end = closing === -1 ? valueStart + rest.trimEnd().length : valueStart + closing;
    if (offset < start || offset > end) return undefined;
    return { key, range: { start, end }, quote: first, closed: closing !== -1, needsSpace: false };
  }
  const comment = rest.search(/[ \t]#/);
  const body = (comment === -1 ? rest : rest.slice(0, comment)).trimEnd();
  if (body === '') {
    // No value yet: insert at the cursor, after the colon and any spaces.
    return {
      key,
      range: { start: offset, end: offset },
      quote: null,
      closed: true,
      needsSpace: offset === colonEnd,
    };
  }
  const end = valueStart + body.length;
  if (offset < valueStart || offset > end) return undefined;
  return { key, range: { start: valueStart, end }, quote: null, closed: true, needsSpace: false };
}

/** Wraps a value for the slot: as it is inside quotes, otherwise quoted when `quote` is asked for. */
function insertion(slot: ValueSlot, value: string, quote: boolean): string {
  if (slot.quote !== null) return slot.closed ? value : `${value}${slot.quote}`;
  const text = quote ? `"${value}"` : value;
  return slot.needsSpace ? ` ${text}` : text;
}

function scheduleItems(slot: ValueSlot, locale: Locale): CompletionItem[] {
  return SCHEDULE_PRESETS.map((preset, index) => {
    const parsed = parseCronSchedule(preset);
    const description = parsed.ok ? describeSchedule(parsed, preset, locale) : '';
    return {
      label: preset,
      insertText: insertion(slot, preset, true),
      range: slot.range,
      detail: description,
      kind: 'value',
      sortText: String(index).padStart(3, '0'),
    };
  });
}

function timeZoneItems(slot: ValueSlot, context: PositionContext): CompletionItem[] {
  const nowSeconds = Math.floor(context.now / 1000);
  return listTimeZoneNames().map((name) => {
    const zone = loadTimeZone(name);
    const offset = zone === null ? '' : formatOffset(zone.offsetAt(nowSeconds));
    return {
      label: name,
      insertText: insertion(slot, name, false),
      range: slot.range,
      ...(zone === null ? {} : { detail: say(context.locale, 'completion.zoneDetail', { offset }) }),
      kind: 'enum',
    };
  });
}

/** Completion of `spec.schedule` presets and `spec.timeZone` names in a CronJob. */
export const scheduleCompletion: CompletionProvider = (context) => {
  const slot = valueSlot(context);
  if (!slot) return undefined;
  return slot.key === 'schedule' ? scheduleItems(slot, context.locale) : timeZoneItems(slot, context);
};
