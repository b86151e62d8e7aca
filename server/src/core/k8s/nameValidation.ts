/**
 * Kubernetes' name and label syntax for the metadata, pod template and selector rules, as short
 * problem kinds those rules word in their catalogs. The checks themselves are apimachinery's
 * `util/validation`, implemented once in `rules/nameSyntax.ts` (UTF-8 byte lengths, Go's order).
 */
import {
  dns1123LabelProblems,
  dns1123SubdomainProblems,
  qualifiedNameProblems,
  utf8Length,
} from './nameSyntax';

/** The label-value alphabet (`IsValidLabelValue`), the same as a qualified name's name part. */
const labelValuePattern = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;

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
  return dns1123LabelProblems(value).map((problem) =>
    problem.kind === 'tooLong' ? 'tooLong' : 'dns1123Label',
  );
}

/** RFC 1123 subdomain: at most 253 characters of dot-separated labels. */
export function checkDns1123Subdomain(value: string): NameProblem[] {
  return dns1123SubdomainProblems(value).map((problem) =>
    problem.kind === 'tooLong' ? 'tooLong' : 'dns1123Subdomain',
  );
}

/** A qualified name (label and annotation keys): an optional DNS-subdomain prefix and `/`, then a name of at most 63. */
export function checkQualifiedName(value: string): NameProblem[] {
  const problems = new Set<NameProblem>();
  for (const problem of qualifiedNameProblems(value)) {
    if (problem.part === 'whole') problems.add('qualifiedNameSlashes');
    else if (problem.part === 'prefix') problems.add('qualifiedNamePrefix');
    else if (problem.kind === 'empty') problems.add('empty');
    else if (problem.kind === 'tooLong') problems.add('tooLong');
    // An empty name also fails the pattern; "must not be empty" says it all.
    else if (!problems.has('empty')) problems.add('qualifiedNamePart');
  }
  return [...problems];
}

/** A label value: empty, or at most 63 characters of the qualified-name-part alphabet. */
export function checkLabelValue(value: string): NameProblem[] {
  if (value === '') return [];
  const problems: NameProblem[] = [];
  if (utf8Length(value) > 63) problems.push('tooLong');
  if (!labelValuePattern.test(value)) problems.push('labelValue');
  return problems;
}

/** Recognises text that was meant to be replaced before use: `$ITEM`, `${X}`, `{{ x }}`, `<project>`, `%s`. */
export function findPlaceholder(value: string): string | undefined {
  return /\$\{?[A-Za-z_][A-Za-z0-9_]*\}?|\{\{.*?\}\}|\{%.*?%\}|<[A-Za-z_][\w-]*>|%[sd]/.exec(value)?.[0];
}
