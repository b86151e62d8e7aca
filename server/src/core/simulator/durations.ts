/**
 * Durations and instants as scenarios write them and as timelines print them. Durations accept a
 * number of seconds or units ms, s, m, h, d and w (`1m30s`, `1.5h`, `2d`); instants are RFC 3339.
 */

const UNIT_MS: Readonly<Record<string, number>> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

/** Parses `90`, `1m30s`, `1.5h` or `2d` into whole milliseconds; null when it is not a duration. */
export function parseDurationMs(value: unknown): number | null {
  if (typeof value === 'number') {
    return Number.isFinite(value) && value >= 0 ? Math.round(value * 1000) : null;
  }
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (text === '') return null;
  if (/^\d+(?:\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const pattern = /(\d+(?:\.\d+)?)(ms|s|m|h|d|w)/gy;
  let total = 0;
  let consumed = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    total += Number(match[1]) * (UNIT_MS[match[2] ?? ''] ?? Number.NaN);
    consumed = pattern.lastIndex;
  }
  if (consumed !== text.length || !Number.isFinite(total)) return null;
  return Math.round(total);
}

/**
 * Parses an RFC 3339 instant (`2026-01-05T00:00:00Z`, `2026-01-05T08:00:00+08:00`) to epoch
 * milliseconds without the platform's lenient date parser; null when malformed.
 */
export function parseInstantMs(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const match =
    /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/.exec(
      value.trim(),
    );
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  const fraction = match[7] ? Math.floor(Number(`0.${match[7]}`) * 1000) : 0;
  let offsetMinutes = 0;
  if (match[9]) {
    const sign = match[9] === '-' ? -1 : 1;
    const offsetHours = Number(match[10]);
    const offsetMins = Number(match[11]);
    if (offsetHours > 23 || offsetMins > 59) return null;
    offsetMinutes = sign * (offsetHours * 60 + offsetMins);
  }
  // Date.UTC reads a year from 0 to 99 as 1900-1999; setUTCFullYear takes the year as written.
  const instant = new Date(0);
  instant.setUTCFullYear(year, month - 1, day);
  instant.setUTCHours(hour, minute, second, fraction);
  return instant.getTime() - offsetMinutes * 60_000;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Formats epoch milliseconds as RFC 3339 in UTC, with milliseconds only when there are some. */
export function formatInstant(ms: number): string {
  const iso = new Date(ms).toISOString();
  return iso.endsWith('.000Z') ? `${iso.slice(0, -5)}Z` : iso;
}

/** Formats a span of milliseconds the way kubectl prints ages: `90s`, `5m30s`, `2d3h`. */
export function formatSpan(ms: number): string {
  if (ms < 0) return `-${formatSpan(-ms)}`;
  if (ms < 1000) return ms === 0 ? '0s' : `${ms}ms`;
  const totalSeconds = Math.floor(ms / 1000);
  const rest = ms % 1000;
  const days = Math.floor(totalSeconds / 86_400);
  const hours = Math.floor((totalSeconds % 86_400) / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const secondsText =
    rest === 0 ? `${seconds}s` : `${(seconds + rest / 1000).toFixed(3).replace(/0+$/, '')}s`;
  if (days > 0) return `${days}d${hours > 0 ? `${hours}h` : ''}`;
  if (hours > 0) return `${hours}h${minutes > 0 ? `${minutes}m` : ''}`;
  if (minutes > 0) return `${minutes}m${seconds > 0 || rest > 0 ? secondsText : ''}`;
  return secondsText;
}

/** Virtual milliseconds as the seconds the timeline JSON uses (exact to the millisecond). */
export function toSeconds(ms: number): number {
  return ms / 1000;
}
