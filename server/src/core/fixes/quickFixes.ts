import type { Finding } from '../findings/finding';
import type { ReportError } from '../findings/reportError';
import { defineCatalog, formatMessage } from '../l10n';
import type { Locale } from '../l10n';
import type { OffsetRange } from '../text/offsetRange';
import type { YamlFileModel } from '../yaml/parseYamlFile';
import type { YamlMap, YamlMapEntry, YamlNode } from '../yaml/yamlModel';

/** One text replacement, in offsets of the document's current text. */
export interface TextEdit {
  readonly range: OffsetRange;
  readonly newText: string;
}

/** A quick fix: a title for the user, and the edits that make it. */
export interface QuickFix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  /** The fix a user most likely wants, offered first (and by "fix all" commands). */
  readonly preferred: boolean;
}

const messages = defineCatalog(
  {
    setValue: 'Set {field} to {value}',
    insertField: 'Add {field}: {value}',
    replaceApiVersion: 'Change apiVersion to {value}',
    quoteValue: 'Quote the value',
    removeField: 'Remove {field}',
    removeDuplicate: 'Remove this duplicate "{key}" (keep the first)',
    moveTimeZone: 'Move the time zone to spec.timeZone: {zone}',
    sundayZero: 'Write Sunday as 0',
  },
  {
    setValue: '将 {field} 设为 {value}',
    insertField: '添加 {field}: {value}',
    replaceApiVersion: '将 apiVersion 改为 {value}',
    quoteValue: '给值加上引号',
    removeField: '删除 {field}',
    removeDuplicate: '删除这个重复的 "{key}"（保留第一个）',
    moveTimeZone: '将时区移到 spec.timeZone: {zone}',
    sundayZero: '将星期日写作 0',
  },
);

/** Everything a fix provider may look at. */
export interface FixContext {
  readonly text: string;
  readonly yaml: YamlFileModel;
  readonly finding: Finding;
  readonly locale: Locale;
  /** Told of a fix provider that threw (a bug: an ambiguous fix returns nothing instead). */
  readonly reportError: ReportError;
}

type FixProvider = (context: FixContext) => QuickFix[];

/**
 * Quick fixes keyed on finding codes, never on message text: each provider reads what it needs
 * from the finding's data and the YAML model, and returns nothing when the fix is ambiguous.
 */
const providers: Readonly<Record<string, FixProvider>> = {
  'job/restart-policy': (context) => restartPolicyFixes(context, ['Never', 'OnFailure']),
  'daemonset/restart-policy': (context) => restartPolicyFixes(context, ['Always']),
  'pod/container-restart-policy': (context) =>
    context.finding.data?.['replacement'] === 'Always'
      ? replaceScalarFix(context, 'restartPolicy', 'Always')
      : [],
  'schema/removed-api-version': (context) => {
    const replacement = context.finding.data?.['replacement'];
    if (typeof replacement !== 'string') return [];
    return [
      {
        title: formatMessage(messages, context.locale, 'replaceApiVersion', { value: replacement }),
        edits: [{ range: context.finding.range, newText: replacement }],
        preferred: true,
      },
    ];
  },
  'yaml/syntax': quoteValueFix,
  'yaml/duplicate-key': (context) => {
    const entry = findEntryByKeyRange(context, context.finding.range);
    const key = context.finding.data?.['key'];
    if (!entry || typeof key !== 'string') return [];
    return [
      {
        title: formatMessage(messages, context.locale, 'removeDuplicate', { key }),
        edits: [removeEntryEdit(context.text, entry.map, entry.entry)],
        preferred: false,
      },
    ];
  },
  'schema/unknown-field': removeFieldFix,
  'cronjob/time-zone': (context) => {
    const replacement = context.finding.data?.['replacement'];
    return typeof replacement === 'string' ? replaceScalarFix(context, 'timeZone', replacement) : [];
  },
  'cronjob/schedule-weekday-7': (context) => {
    // The finding marks the 7; widen to its list item, bounded by spaces, commas or quotes.
    let start = context.finding.range.start;
    while (start > 0 && !/[\s,"']/.test(context.text.charAt(start - 1))) start--;
    let end = context.finding.range.end;
    while (end < context.text.length && !/[\s,"']/.test(context.text.charAt(end))) end++;
    const item = context.text.slice(start, end);
    // `7` is Sunday, written 0; `5-7` becomes `5-6,0`. A step or anything else is left alone.
    const replacement =
      item === '7'
        ? '0'
        : /^([0-6]|mon|tue|wed|thu|fri|sat)-7$/i.test(item)
          ? `${item.slice(0, -2)}-6,0`
          : undefined;
    if (replacement === undefined) return [];
    return [
      {
        title: formatMessage(messages, context.locale, 'sundayZero'),
        edits: [{ range: { start, end }, newText: replacement }],
        preferred: true,
      },
    ];
  },
  'cronjob/schedule-tz': moveTimeZoneFix,
  'job/generated-label': removeFieldFix,
  'job/selector': (context) => (context.finding.data?.['removable'] === true ? removeFieldFix(context) : []),
};

/** The quick fixes for one finding; empty when none is unambiguous, or (reported) when its provider throws. */
export function computeQuickFixes(context: FixContext): QuickFix[] {
  const provider = providers[context.finding.code];
  if (!provider) return [];
  try {
    return provider(context);
  } catch (error) {
    context.reportError(`quickFix:${context.finding.code}`, error);
    return [];
  }
}

/** The codes that have quick fixes, for the code action provider's registration. */
export const fixableCodes: readonly string[] = Object.keys(providers);

function restartPolicyFixes(context: FixContext, values: readonly string[]): QuickFix[] {
  if (context.finding.data?.['omitted'] === true) {
    // The pod spec has no restartPolicy: add it beside the pod spec's first key.
    const podSpec = findMapByPath(context, context.finding.path?.replace(/\.restartPolicy$/, '') ?? '');
    const first = podSpec?.entries[0];
    if (!podSpec || !first || podSpec.entries.length === 0) return [];
    const lineStart = context.text.lastIndexOf('\n', first.keyRange.start - 1) + 1;
    const indent = context.text.slice(lineStart, first.keyRange.start);
    if (!/^[ ]*$/.test(indent)) return [];
    return values.map((value, index) => ({
      title: formatMessage(messages, context.locale, 'insertField', { field: 'restartPolicy', value }),
      edits: [{ range: { start: lineStart, end: lineStart }, newText: `${indent}restartPolicy: ${value}\n` }],
      preferred: index === 0,
    }));
  }
  return values.flatMap((value, index) =>
    replaceScalarFix(context, 'restartPolicy', value).map((fix) => ({ ...fix, preferred: index === 0 })),
  );
}

/** `schedule: "TZ=Asia/Tokyo 0 9 * * *"` → `schedule: "0 9 * * *"` plus `timeZone: Asia/Tokyo`. */
function moveTimeZoneFix(context: FixContext): QuickFix[] {
  const zone = context.finding.data?.['zone'];
  const remove = context.finding.data?.['removeRange'] as OffsetRange | undefined;
  if (typeof zone !== 'string' || !remove) return [];
  const spec = findMapByPath(context, 'spec');
  if (!spec || spec.entries.some((entry) => entry.key === 'timeZone')) return [];
  const lineStart = context.text.lastIndexOf('\n', context.finding.range.start - 1) + 1;
  const indent = /^[ ]*/.exec(context.text.slice(lineStart))?.[0] ?? '';
  const lineEnd = context.text.indexOf('\n', context.finding.range.start);
  if (lineEnd === -1) return [];
  return [
    {
      title: formatMessage(messages, context.locale, 'moveTimeZone', { zone }),
      edits: [
        { range: remove, newText: '' },
        { range: { start: lineEnd + 1, end: lineEnd + 1 }, newText: `${indent}timeZone: ${zone}\n` },
      ],
      preferred: true,
    },
  ];
}

function replaceScalarFix(context: FixContext, field: string, value: string): QuickFix[] {
  const node = findNodeAtRange(context, context.finding.range);
  if (node?.kind !== 'scalar') return [];
  return [
    {
      title: formatMessage(messages, context.locale, 'setValue', { field, value }),
      edits: [{ range: node.range, newText: value }],
      preferred: true,
    },
  ];
}

/** `image: repo/name: tag` → `image: "repo/name: tag"`, for the one syntax error whose fix is clear. */
function quoteValueFix(context: FixContext): QuickFix[] {
  if (context.finding.data?.['yamlCode'] !== 'BLOCK_AS_IMPLICIT_KEY') return [];
  const value = context.text.slice(context.finding.range.start, context.finding.range.end);
  if (value.includes('\n') || value.length === 0) return [];
  const quoted = `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  return [
    {
      title: formatMessage(messages, context.locale, 'quoteValue'),
      edits: [{ range: context.finding.range, newText: quoted }],
      preferred: true,
    },
  ];
}

function removeFieldFix(context: FixContext): QuickFix[] {
  const found =
    findEntryByKeyRange(context, context.finding.range) ??
    findEntryByValueRange(context, context.finding.range);
  if (!found) return [];
  return [
    {
      title: formatMessage(messages, context.locale, 'removeField', { field: found.entry.key }),
      edits: [removeEntryEdit(context.text, found.map, found.entry)],
      preferred: false,
    },
  ];
}

/** Removes an entry: its whole lines in block style, or the entry and its comma in flow style. */
function removeEntryEdit(text: string, map: YamlMap, entry: YamlMapEntry): TextEdit {
  const end = entry.value ? Math.max(entry.value.range.end, entry.keyRange.end) : entry.keyRange.end;
  const lineStart = text.lastIndexOf('\n', entry.keyRange.start - 1) + 1;
  const before = text.slice(lineStart, entry.keyRange.start);
  if (/^[ ]*$/.test(before)) {
    const lineEnd = text.indexOf('\n', end);
    return { range: { start: lineStart, end: lineEnd === -1 ? text.length : lineEnd + 1 }, newText: '' };
  }
  // Flow style (`{a: 1, b: 2}`) or the first key of a sequence item: remove the entry and one comma.
  const index = map.entries.indexOf(entry);
  const next = map.entries[index + 1];
  if (next) return { range: { start: entry.keyRange.start, end: next.keyRange.start }, newText: '' };
  const previous = map.entries[index - 1];
  const previousEnd = previous?.value?.range.end ?? previous?.keyRange.end;
  return { range: { start: previousEnd ?? entry.keyRange.start, end }, newText: '' };
}

function documentRoots(context: FixContext): YamlNode[] {
  const document = context.yaml.documents[context.finding.document];
  return document?.root ? [document.root] : [];
}

function walk(roots: YamlNode[], visit: (node: YamlNode) => boolean): void {
  const stack = [...roots];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node || visit(node)) continue;
    if (node.kind === 'seq') for (const item of node.items) if (item) stack.push(item);
    if (node.kind === 'map') for (const entry of node.entries) if (entry.value) stack.push(entry.value);
  }
}

function findEntryByKeyRange(
  context: FixContext,
  range: OffsetRange,
): { map: YamlMap; entry: YamlMapEntry } | undefined {
  let found: { map: YamlMap; entry: YamlMapEntry } | undefined;
  walk(documentRoots(context), (node) => {
    if (found || node.kind !== 'map') return found !== undefined;
    const entry = node.entries.find(
      (candidate) => candidate.keyRange.start === range.start && candidate.keyRange.end === range.end,
    );
    if (entry) found = { map: node, entry };
    return false;
  });
  return found;
}

function findEntryByValueRange(
  context: FixContext,
  range: OffsetRange,
): { map: YamlMap; entry: YamlMapEntry } | undefined {
  let found: { map: YamlMap; entry: YamlMapEntry } | undefined;
  walk(documentRoots(context), (node) => {
    if (found || node.kind !== 'map') return found !== undefined;
    const entry = node.entries.find(
      (candidate) => candidate.value?.range.start === range.start && candidate.value.range.end === range.end,
    );
    if (entry) found = { map: node, entry };
    return false;
  });
  return found;
}

function findNodeAtRange(context: FixContext, range: OffsetRange): YamlNode | undefined {
  let found: YamlNode | undefined;
  walk(documentRoots(context), (node) => {
    if (node.range.start === range.start && node.range.end === range.end) found = node;
    return found !== undefined;
  });
  return found;
}

function findMapByPath(context: FixContext, path: string): YamlMap | undefined {
  let found: YamlMap | undefined;
  walk(documentRoots(context), (node) => {
    if (node.kind === 'map' && node.path === path) found = node;
    return found !== undefined;
  });
  return found;
}
