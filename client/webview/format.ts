/**
 * Formatting of times and numbers for the timeline. Times are seconds after the run's start, as
 * the timeline stores them; units follow kubectl's (`1m30s` becomes `1m 30s` for readability).
 */

const UNITS: readonly (readonly [string, number])[] = [
  ['d', 86_400],
  ['h', 3_600],
  ['m', 60],
];

/**
 * A duration in the largest sensible units: `250ms`, `1.5s`, `1m 30s`, `2h 5m`, `3d 4h`.
 * `decimals` keeps that many decimal places of seconds (for axis labels at fine zoom).
 */
export function formatDuration(seconds: number, decimals = -1): string {
  if (!Number.isFinite(seconds)) return '—';
  if (seconds < 0) return `-${formatDuration(-seconds, decimals)}`;
  if (seconds === 0) return '0s';
  if (seconds < 1 && decimals < 0) return `${trimNumber(seconds * 1000, 0)}ms`;
  if (seconds < 60) return `${trimNumber(seconds, decimals < 0 ? 3 : decimals)}s`;
  const parts: string[] = [];
  let rest = seconds;
  for (const [unit, size] of UNITS) {
    const count = Math.floor(rest / size + 1e-9);
    if (count > 0) parts.push(`${count}${unit}`);
    rest -= count * size;
    // Three parts are enough to read; a year-long run does not need its seconds.
    if (parts.length === 2 && size >= 3_600) return parts.join(' ');
  }
  const secondsText = trimNumber(Math.max(0, rest), decimals < 0 ? 0 : decimals);
  if (secondsText !== '0') parts.push(`${secondsText}s`);
  return parts.join(' ');
}

/** A number with at most `decimals` decimal places and no trailing zeros. */
function trimNumber(value: number, decimals: number): string {
  const fixed = value.toFixed(Math.max(0, Math.min(decimals, 6)));
  return fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
}

/** The instant `seconds` after the RFC 3339 `start`, as `2026-01-05 00:01:30 UTC`; empty when start is unreadable. */
export function formatInstant(start: string, seconds: number): string {
  const base = Date.parse(start);
  if (!Number.isFinite(base) || !Number.isFinite(seconds)) return '';
  const instant = new Date(base + Math.round(seconds * 1000));
  if (Number.isNaN(instant.getTime())) return '';
  const iso = instant.toISOString();
  const fraction = iso.slice(19, 23) === '.000' ? '' : iso.slice(19, 23);
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}${fraction} UTC`;
}

/** A count with the locale's digit grouping. */
export function formatCount(value: number, locale: string): string {
  return Number.isFinite(value) ? value.toLocaleString(locale) : '—';
}
