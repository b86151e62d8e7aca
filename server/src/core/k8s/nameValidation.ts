/**
 * Kubernetes' name and label syntax, as `k8s.io/apimachinery/pkg/util/validation` defines it.
 * Each function returns the problems found (empty when valid), as short English gists that the
 * rules translate through their own catalogs by kind.
 */

const dns1123LabelPattern = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const dns1123SubdomainPattern = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const qualifiedNamePartPattern = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;

/** Why a name, label key or value is invalid. */
export type NameProblem =
  | 'empty'
  | 'tooLong'
  | 'dns1123Label'
  | 'dns1123Subdomain'
  | 'qualifiedNamePart'
  | 'qualifiedNamePrefix'
  | 'qualifiedNameSlashes'
  | 'labelValue';

/** RFC 1123 label: at most 63 lowercase alphanumerics or `-`, alphanumeric at both ends. */
export function checkDns1123Label(value: string): NameProblem[] {
  const problems: NameProblem[] = [];
  if (value.length > 63) problems.push('tooLong');
  if (!dns1123LabelPattern.test(value)) problems.push('dns1123Label');
  return problems;
}

/** RFC 1123 subdomain: at most 253 characters of dot-separated labels. */
export function checkDns1123Subdomain(value: string): NameProblem[] {
  const problems: NameProblem[] = [];
  if (value.length > 253) problems.push('tooLong');
  if (!dns1123SubdomainPattern.test(value)) problems.push('dns1123Subdomain');
  return problems;
}

/** A qualified name (label and annotation keys): an optional DNS-subdomain prefix and `/`, then a name of at most 63. */
export function checkQualifiedName(value: string): NameProblem[] {
  const parts = value.split('/');
  if (parts.length > 2) return ['qualifiedNameSlashes'];
  const name = parts.length === 2 ? (parts[1] ?? '') : value;
  const problems: NameProblem[] = [];
  if (parts.length === 2) {
    const prefix = parts[0] ?? '';
    if (prefix.length === 0 || checkDns1123Subdomain(prefix).length > 0) problems.push('qualifiedNamePrefix');
  }
  if (name.length === 0) problems.push('empty');
  else {
    if (name.length > 63) problems.push('tooLong');
    if (!qualifiedNamePartPattern.test(name)) problems.push('qualifiedNamePart');
  }
  return problems;
}

/** A label value: empty, or at most 63 characters of the qualified-name-part alphabet. */
export function checkLabelValue(value: string): NameProblem[] {
  if (value === '') return [];
  const problems: NameProblem[] = [];
  if (value.length > 63) problems.push('tooLong');
  if (!qualifiedNamePartPattern.test(value)) problems.push('labelValue');
  return problems;
}

/** Recognises text that was meant to be replaced before use: `$ITEM`, `${X}`, `{{ x }}`, `<project>`, `%s`. */
export function findPlaceholder(value: string): string | undefined {
  return /\$\{?[A-Za-z_][A-Za-z0-9_]*\}?|\{\{.*?\}\}|\{%.*?%\}|<[A-Za-z_][\w-]*>|%[sd]/.exec(value)?.[0];
}
