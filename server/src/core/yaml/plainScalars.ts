/**
 * How Kubernetes types a plain scalar (unquoted, without a tag): go-yaml v2's `resolve`
 * (`sigs.k8s.io/yaml/goyaml.v2/resolve.go`), which `sigs.k8s.io/yaml` runs before it converts
 * YAML to JSON for the API server and kubectl, and how that conversion spells a key that is not
 * a string (`yamlMapKeyToString`).
 *
 * It is YAML 1.1 typing with go-yaml's own choices, which the yaml library's YAML 1.1 schema does
 * not share: base-60 numbers are strings (`1:30`), so are a float without digits (`e1`, `.`)
 * and a float out of range (`1e309`); `0o17` is an octal integer; underscores are dropped before
 * a number is parsed.
 */

/** The first characters go-yaml looks at further (`resolveTable`); any other scalar is a string. */
export function mayBeTyped(source: string): boolean {
  return source === '' || hint(source.charCodeAt(0)) !== 0;
}

const sign = 0x53; // 'S'
const digit = 0x44; // 'D'
const inMap = 0x4d; // 'M'
const dot = 0x2e; // '.'

function hint(c: number): number {
  if (c >= 0x30 && c <= 0x39) return digit;
  switch (c) {
    case 0x2b /* + */:
    case 0x2d /* - */:
      return sign;
    case 0x2e /* . */:
      return dot;
    case 0x79 /* y */:
    case 0x59 /* Y */:
    case 0x6e /* n */:
    case 0x4e /* N */:
    case 0x74 /* t */:
    case 0x54 /* T */:
    case 0x66 /* f */:
    case 0x46 /* F */:
    case 0x6f /* o */:
    case 0x4f /* O */:
    case 0x7e /* ~ */:
      return inMap;
    default:
      return 0;
  }
}

/** go-yaml's `resolveMap`: booleans, nulls and the special floats, spelled exactly. */
const resolveMap = new Map<string, boolean | null | number>([
  ...['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON'].map((s) => [s, true] as const),
  ...['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF'].map(
    (s) => [s, false] as const,
  ),
  ...['', '~', 'null', 'Null', 'NULL'].map((s) => [s, null] as const),
  ...['.nan', '.NaN', '.NAN'].map((s) => [s, Number.NaN] as const),
  ...['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF'].map((s) => [s, Infinity] as const),
  ...['-.inf', '-.Inf', '-.INF'].map((s) => [s, -Infinity] as const),
]);

/** A plain scalar as go-yaml types it: what kind of Go value, and the value. */
type Resolved =
  | { readonly kind: 'str'; readonly value: string }
  | { readonly kind: 'bool'; readonly value: boolean }
  | { readonly kind: 'null'; readonly value: null }
  | { readonly kind: 'int' | 'uint' | 'float'; readonly value: number };

/** `strconv.ParseFloat`'s syntax for go-yaml's floats (`yamlStyleFloat`). */
const yamlStyleFloat = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
/** What `strconv.ParseFloat` accepts from a scalar starting with `.`: no underscores, no prefix. */
const dotFloat = /^\.[0-9]+(?:[eE][-+]?[0-9]+)?$/;
/** `strconv.ParseInt(s, 0, 64)`'s syntax: a sign, then a base prefix or a leading 0 for octal. */
const goInteger = /^([-+]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/;

const int64Max = 2n ** 63n - 1n;
const uint64Max = 2n ** 64n - 1n;

function resolve(source: string): Resolved {
  if (resolveMap.has(source)) {
    const mapped = resolveMap.get(source) ?? null;
    if (mapped === null) return { kind: 'null', value: null };
    return typeof mapped === 'boolean' ? { kind: 'bool', value: mapped } : { kind: 'float', value: mapped };
  }
  const kind = hint(source.charCodeAt(0));
  if (kind === dot) {
    const value = Number(source);
    if (dotFloat.test(source) && Number.isFinite(value)) return { kind: 'float', value };
  } else if (kind === digit || kind === sign) {
    const plain = source.replaceAll('_', '');
    const integer = goInteger.exec(plain);
    if (integer) {
      const [, signText = '', digits = ''] = integer;
      const magnitude = BigInt(/^0[0-7]/.test(digits) ? `0o${digits.slice(1)}` : digits);
      const value = signText === '-' ? -magnitude : magnitude;
      if (value >= -int64Max - 1n && value <= int64Max) return { kind: 'int', value: Number(value) };
      // `strconv.ParseUint` takes no sign.
      if (signText === '' && value <= uint64Max) return { kind: 'uint', value: Number(value) };
    }
    if (yamlStyleFloat.test(plain)) {
      const value = Number(plain);
      // Out of range is an error for `strconv.ParseFloat`: the scalar stays a string.
      if (Number.isFinite(value)) return { kind: 'float', value };
    }
  }
  return { kind: 'str', value: source };
}

/** A plain scalar's value as Kubernetes reads it. */
export function plainScalarValue(source: string): string | number | boolean | null {
  return mayBeTyped(source) ? resolve(source).value : source;
}

/**
 * A plain key as the API server's JSON conversion spells it: integers in decimal, floats as Go's
 * `strconv.FormatFloat(f, 'g', -1, 32)` with `.inf` and `.nan`, booleans as `true`/`false`. A
 * null key (which Kubernetes rejects) keeps its spelling.
 */
export function plainKeyText(source: string): string {
  if (!mayBeTyped(source)) return source;
  const resolved = resolve(source);
  switch (resolved.kind) {
    case 'str':
      return resolved.value;
    case 'null':
      return source;
    case 'bool':
    case 'int':
    case 'uint':
      return String(resolved.value);
    case 'float':
      return formatFloat32(resolved.value);
  }
}

/** Go's `strconv.FormatFloat(value, 'g', -1, 32)`, with `sigs.k8s.io/yaml`'s names for the specials. */
export function formatFloat32(value: number): string {
  const f = Math.fround(value);
  if (Number.isNaN(f)) return '.nan';
  if (f === Infinity) return '.inf';
  if (f === -Infinity) return '-.inf';
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  const negative = f < 0;
  const magnitude = Math.abs(f);
  // The shortest decimal that reads back as the same 32-bit float.
  let digits = '';
  let exponent = 0;
  for (let precision = 1; precision <= 9; precision++) {
    const text = magnitude.toExponential(precision - 1);
    if (Math.fround(Number(text)) === magnitude || precision === 9) {
      const [mantissa = '', exp = '0'] = text.split('e');
      digits = mantissa.replace('.', '').replace(/0+$/, '') || '0';
      exponent = Number(exp);
      break;
    }
  }
  let text: string;
  // %e when the exponent is below -4 or at least 6 (Go's rule for the shortest precision).
  if (exponent < -4 || exponent >= 6) {
    const mantissa = digits.length > 1 ? `${digits[0] ?? ''}.${digits.slice(1)}` : digits;
    const size = Math.abs(exponent);
    text = `${mantissa}e${exponent < 0 ? '-' : '+'}${size < 10 ? '0' : ''}${size}`;
  } else if (exponent < 0) {
    text = `0.${'0'.repeat(-exponent - 1)}${digits}`;
  } else {
    const integer = digits.slice(0, exponent + 1).padEnd(exponent + 1, '0');
    const fraction = digits.slice(exponent + 1);
    text = fraction ? `${integer}.${fraction}` : integer;
  }
  return negative ? `-${text}` : text;
}
