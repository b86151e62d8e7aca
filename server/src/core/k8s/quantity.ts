/**
 * Kubernetes resource quantities (`k8s.io/apimachinery/pkg/api/resource`, ParseQuantity) read as
 * exact fractions, so that rules can compare a request with its limit and test a value's sign
 * and integrality as the API server does. The syntax check itself, with its messages, is the
 * schema's (`schema/validateSchema.ts`); a text it refuses reads as undefined here.
 */

/** A quantity's exact value: numerator over a positive denominator. */
export interface Quantity {
  readonly numerator: bigint;
  readonly denominator: bigint;
}

const decimalSuffixes: Readonly<Record<string, number>> = {
  n: -9,
  u: -6,
  m: -3,
  '': 0,
  k: 3,
  M: 6,
  G: 9,
  T: 12,
  P: 15,
  E: 18,
};
const binarySuffixes: Readonly<Record<string, number>> = {
  Ki: 10,
  Mi: 20,
  Gi: 30,
  Ti: 40,
  Pi: 50,
  Ei: 60,
};

/** ParseQuantity's grammar: sign, digits with at most one point, then a suffix. */
const quantityPattern = /^([+-]?)(\d*)(?:\.(\d*))?([a-zA-Z]*[-+]?\d*)$/;

/** Reads a quantity as written (a string, or a YAML number); undefined when ParseQuantity refuses it. */
export function parseQuantity(value: string | number): Quantity | undefined {
  const text = typeof value === 'number' ? numberText(value) : value;
  if (text === undefined) return undefined;
  const match = quantityPattern.exec(text);
  if (!match) return undefined;
  const [, sign = '', whole = '', fraction = '', suffix = ''] = match;
  if (whole === '' && fraction === '') return undefined;
  let numerator = BigInt(`${whole}${fraction}` || '0');
  let denominator = 10n ** BigInt(fraction.length);
  if (sign === '-') numerator = -numerator;
  let exponent10 = 0;
  let exponent2 = 0;
  if (suffix in decimalSuffixes) exponent10 = decimalSuffixes[suffix] ?? 0;
  else if (suffix in binarySuffixes) exponent2 = binarySuffixes[suffix] ?? 0;
  else {
    const exponent = /^[eE]([-+]?\d{1,18})$/.exec(suffix);
    if (!exponent) return undefined;
    exponent10 = Number(exponent[1]);
    // Go's inf.Dec takes exponents this large; a manifest never needs them, and BigInt powers
    // that size would cost more than they tell.
    if (Math.abs(exponent10) > 64) return undefined;
  }
  if (exponent10 > 0) numerator *= 10n ** BigInt(exponent10);
  if (exponent10 < 0) denominator *= 10n ** BigInt(-exponent10);
  numerator *= 2n ** BigInt(exponent2);
  return { numerator, denominator };
}

/** A YAML number as the JSON text sigs.k8s.io/yaml hands to the decoder. */
function numberText(value: number): string | undefined {
  if (!Number.isFinite(value)) return undefined;
  return String(value);
}

/** -1, 0 or 1 as `a` is less than, equal to or greater than `b`. */
export function compareQuantities(a: Quantity, b: Quantity): number {
  const left = a.numerator * b.denominator;
  const right = b.numerator * a.denominator;
  return left < right ? -1 : left > right ? 1 : 0;
}

/** True when the quantity is below zero (ValidateNonnegativeQuantity). */
export function isNegativeQuantity(q: Quantity): boolean {
  return q.numerator < 0n;
}

/**
 * True when the quantity is a whole number. Kubernetes asks `MilliValue() % 1000 == 0`, which
 * rounds up to the milli unit first; the same rounding is applied here.
 */
export function isWholeQuantity(q: Quantity): boolean {
  const milli = ceilDiv(q.numerator * 1000n, q.denominator);
  return milli % 1000n === 0n;
}

/** `Value()`: the quantity rounded up to an integer, as Kubernetes' Quantity.Value does. */
export function quantityValue(q: Quantity): bigint {
  return ceilDiv(q.numerator, q.denominator);
}

function ceilDiv(a: bigint, b: bigint): bigint {
  const quotient = a / b;
  return a % b !== 0n && a > 0n ? quotient + 1n : quotient;
}
