/**
 * The name checks of apimachinery's `util/validation` (`IsDNS1123Label`, `IsDNS1123Subdomain`,
 * `IsQualifiedName`, the HTTP-path part of `IsDomainPrefixedPath`). They return what is wrong as
 * stable kinds, one per error the API server reports, so that each rule words them in its own
 * translated catalog. Lengths are counted in UTF-8 bytes, as Go's `len` does.
 */

/** One reason a name is invalid, in the order the API server lists them. */
export type NameProblem =
  /** Longer than the limit (`must be no more than N characters`). */
  | { readonly kind: 'tooLong'; readonly limit: number }
  /** A valid subdomain that is not a label (`must not contain dots`). */
  | { readonly kind: 'dots' }
  /** Fails the pattern (`a lowercase RFC 1123 label must consist of …`). */
  | { readonly kind: 'format' }
  /** Empty where a value is needed (`must be non-empty`). */
  | { readonly kind: 'empty' };

/** A problem of a qualified name, with the part it concerns (`prefix part …`, `name part …`). */
export type QualifiedNameProblem =
  | (NameProblem & { readonly part: 'prefix' | 'name' })
  /** More than one `/`: the whole value is not a qualified name. */
  | { readonly kind: 'slashes'; readonly part: 'whole' };

const dns1123Label = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const dns1123LabelPattern = new RegExp(`^${dns1123Label}$`);
const dns1123SubdomainPattern = new RegExp(`^${dns1123Label}(\\.${dns1123Label})*$`);
const qualifiedNamePattern = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const httpPathPattern = /^[A-Za-z0-9/\-._~%!$&'()*+,;=:]+$/;

/** The maximum length of a DNS-1123 label. */
export const dns1123LabelMaxLength = 63;
/** The maximum length of a DNS-1123 subdomain. */
export const dns1123SubdomainMaxLength = 253;
const qualifiedNameMaxLength = 63;

/** The length of a string in UTF-8 bytes, which is what Go's `len` counts. */
export function utf8Length(value: string): number {
  let bytes = 0;
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/** What `IsDNS1123Label` reports for `value` (empty when it is a valid label). */
export function dns1123LabelProblems(value: string): NameProblem[] {
  const problems: NameProblem[] = [];
  if (utf8Length(value) > dns1123LabelMaxLength)
    problems.push({ kind: 'tooLong', limit: dns1123LabelMaxLength });
  if (!dns1123LabelPattern.test(value))
    problems.push(dns1123SubdomainPattern.test(value) ? { kind: 'dots' } : { kind: 'format' });
  return problems;
}

/** What `IsDNS1123Subdomain` reports for `value` (empty when it is a valid subdomain). */
export function dns1123SubdomainProblems(value: string): NameProblem[] {
  const problems: NameProblem[] = [];
  if (utf8Length(value) > dns1123SubdomainMaxLength)
    problems.push({ kind: 'tooLong', limit: dns1123SubdomainMaxLength });
  if (!dns1123SubdomainPattern.test(value)) problems.push({ kind: 'format' });
  return problems;
}

/** What `IsQualifiedName` reports for `value`: an optional subdomain prefix and `/`, then a name. */
export function qualifiedNameProblems(value: string): QualifiedNameProblem[] {
  const parts = value.split('/');
  if (parts.length > 2) return [{ kind: 'slashes', part: 'whole' }];
  const problems: QualifiedNameProblem[] = [];
  const name = parts.length === 2 ? (parts[1] ?? '') : value;
  if (parts.length === 2) {
    const prefix = parts[0] ?? '';
    if (prefix === '') problems.push({ kind: 'empty', part: 'prefix' });
    else
      problems.push(
        ...dns1123SubdomainProblems(prefix).map((problem) => ({ ...problem, part: 'prefix' as const })),
      );
  }
  if (name === '') problems.push({ kind: 'empty', part: 'name' });
  else if (utf8Length(name) > qualifiedNameMaxLength)
    problems.push({ kind: 'tooLong', limit: qualifiedNameMaxLength, part: 'name' });
  if (!qualifiedNamePattern.test(name)) problems.push({ kind: 'format', part: 'name' });
  return problems;
}

/** True when `value` consists of the HTTP path characters of RFC 3986 (at least one). */
export function isHttpPath(value: string): boolean {
  return httpPathPattern.test(value);
}
