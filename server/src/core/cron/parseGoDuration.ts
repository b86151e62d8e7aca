/**
 * Go's `time.ParseDuration`, which reads the argument of `@every`. Ported line by line with
 * bigint for Go's uint64 arithmetic, so acceptance and overflow match the controller exactly.
 */

/** Why a Go duration was rejected. */
export type GoDurationError = 'invalid' | 'missingUnit' | 'unknownUnit' | 'overflow';

/** The result of parsing a Go duration: nanoseconds (may be negative) or the reason for rejection. */
export type GoDurationResult =
  | { readonly ok: true; readonly nanoseconds: bigint }
  | { readonly ok: false; readonly error: GoDurationError; readonly unit?: string };

const UNITS: ReadonlyMap<string, bigint> = new Map([
  ['ns', 1n],
  ['us', 1_000n],
  ['\u00b5s', 1_000n], // U+00B5 micro sign
  ['\u03bcs', 1_000n], // U+03BC Greek small letter mu
  ['ms', 1_000_000n],
  ['s', 1_000_000_000n],
  ['m', 60_000_000_000n],
  ['h', 3_600_000_000_000n],
]);

const LIMIT = 1n << 63n;

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

/** Parses a Go duration string such as `1h30m`, `1.5h` or `-90s` exactly as Go does. */
export function parseGoDuration(text: string): GoDurationResult {
  let s = text;
  let neg = false;
  if (s !== '' && (s[0] === '-' || s[0] === '+')) {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return { ok: true, nanoseconds: 0n };
  if (s === '') return { ok: false, error: 'invalid' };
  let total = 0n;
  // Each round consumes at least one character, so the loop is bounded by the text's length.
  while (s !== '') {
    if (!(s[0] === '.' || isDigit(s[0]))) return { ok: false, error: 'invalid' };
    // Consume [0-9]* with Go's overflow checks.
    let i = 0;
    let v = 0n;
    for (; i < s.length && isDigit(s[i]); i++) {
      // Go reports this as a generic "invalid duration"; calling it an overflow is clearer.
      if (v > LIMIT / 10n) return { ok: false, error: 'overflow' };
      v = v * 10n + BigInt(s.charCodeAt(i) - 48);
      if (v > LIMIT) return { ok: false, error: 'overflow' };
    }
    const pre = i > 0;
    s = s.slice(i);
    // Consume (\.[0-9]*)? ; digits beyond uint64 precision are skipped, not rejected.
    let f = 0n;
    let scale = 1;
    let post = false;
    if (s[0] === '.') {
      s = s.slice(1);
      let j = 0;
      let overflow = false;
      for (; j < s.length && isDigit(s[j]); j++) {
        if (overflow) continue;
        if (f > (LIMIT - 1n) / 10n) {
          overflow = true;
          continue;
        }
        const y = f * 10n + BigInt(s.charCodeAt(j) - 48);
        if (y > LIMIT) {
          overflow = true;
          continue;
        }
        f = y;
        scale *= 10;
      }
      post = j > 0;
      s = s.slice(j);
    }
    if (!pre && !post) return { ok: false, error: 'invalid' };
    // Consume the unit: everything up to the next digit or '.'.
    let u = 0;
    while (u < s.length && !(s[u] === '.' || isDigit(s[u]))) u++;
    if (u === 0) return { ok: false, error: 'missingUnit' };
    const unitText = s.slice(0, u);
    s = s.slice(u);
    const unit = UNITS.get(unitText);
    if (unit === undefined) return { ok: false, error: 'unknownUnit', unit: unitText };
    if (v > LIMIT / unit) return { ok: false, error: 'overflow' };
    v *= unit;
    if (f > 0n) {
      // Go computes the fraction in float64 ("nanosecond accurate for fractions of hours").
      v += BigInt(Math.trunc(Number(f) * (Number(unit) / scale)));
      if (v > LIMIT) return { ok: false, error: 'overflow' };
    }
    total += v;
    if (total > LIMIT) return { ok: false, error: 'overflow' };
  }
  if (neg) return { ok: true, nanoseconds: -total };
  if (total > LIMIT - 1n) return { ok: false, error: 'overflow' };
  return { ok: true, nanoseconds: total };
}
