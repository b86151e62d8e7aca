/**
 * Hover on a CronJob's `spec.timeZone` (key or value): the zone's offset now, its next offset
 * change (or that it has none), how it relates to the user's zone, or why Kubernetes rejects it.
 * Offsets come from the cron module's zone table (Go's view of tzdata), never from the host's ICU.
 */

import { loadTimeZone, TIME_ZONE_DATA_VERSION, type TimeZone } from '../cron';
import type { Locale } from '../l10n';
import { stringValue } from '../yaml/fieldRef';
import type { HoverProvider, PositionContext } from './editorFeature';
import { formatScheduleEditorMessage as say } from './scheduleEditorMessages';
import {
  codeSpan,
  cronJobScheduleFields,
  escapeMarkdown,
  formatClock,
  formatOffset,
  formatShortDuration,
  formatWallClock,
  nextOffsetChange,
  resolveScheduleZone,
  timeZoneErrorMessage,
  wallClockOfInstant,
} from './scheduleEditorSupport';

/** The hover for `spec.timeZone` of a CronJob. */
export const timeZoneHover: HoverProvider = (context) => {
  const fields = cronJobScheduleFields(context.workload);
  if (!fields || context.path !== fields.timeZone.path) return undefined;
  const range = context.onKey ? fields.timeZone.keyRange : fields.timeZone.valueRange;
  // `timeZone:` with no value (or null) means "not set": nothing to explain.
  if (!range || fields.timeZone.node === null) return undefined;
  const zone = resolveScheduleZone(fields.timeZone);
  const shown = zone.kind === 'invalid' ? zone.value : (stringValue(fields.timeZone) ?? '');
  const title = say(context.locale, 'tz.title', { zone: codeSpan(shown) });
  if (zone.kind === 'invalid') {
    const error = timeZoneErrorMessage(context.locale, zone.value, zone.reason, zone.suggestion);
    return { markdown: `${title}\n\n${escapeMarkdown(error)}`, range };
  }
  return { markdown: `${title}\n\n${timeZoneHoverMarkdown(zone.zone, context)}`, range };
};

/** The hover's Markdown body for a valid zone, at `context.now`. */
export function timeZoneHoverMarkdown(
  zone: TimeZone,
  context: Pick<PositionContext, 'locale' | 'now' | 'localTimeZone'>,
): string {
  const { locale } = context;
  const nowSeconds = Math.floor(context.now / 1000);
  const offset = zone.offsetAt(nowSeconds);
  const parts = [say(locale, 'tz.offsetNow', { offset: formatOffset(offset) })];
  const change = nextOffsetChange(zone, nowSeconds);
  if (change === null) {
    parts.push(say(locale, 'tz.noDst'));
  } else {
    const before = wallClockOfInstant({ name: zone.name, offsetAt: () => change.before }, change.at * 1000);
    parts.push(
      say(locale, change.after > change.before ? 'tz.forward' : 'tz.back', {
        date: formatWallClock(before, locale, 'date'),
        time: formatClock(before),
        shift: formatShortDuration(Math.abs(change.after - change.before), locale),
        to: formatOffset(change.after),
      }),
    );
  }
  const local = localComparison(zone, context.localTimeZone, nowSeconds, locale);
  if (local !== undefined) parts.push(local);
  parts.push(say(locale, 'tz.dataVersion', { version: TIME_ZONE_DATA_VERSION }));
  return parts.map(escapeMarkdown).join('\n\n');
}

function localComparison(
  zone: TimeZone,
  localName: string,
  nowSeconds: number,
  locale: Locale,
): string | undefined {
  const local = loadTimeZone(localName);
  if (local === null || localName === zone.name) return undefined;
  const difference = local.offsetAt(nowSeconds) - zone.offsetAt(nowSeconds);
  if (difference === 0) return say(locale, 'tz.localSame', { zone: localName });
  return say(locale, difference > 0 ? 'tz.localAhead' : 'tz.localBehind', {
    zone: localName,
    difference: formatShortDuration(Math.abs(difference), locale),
  });
}
