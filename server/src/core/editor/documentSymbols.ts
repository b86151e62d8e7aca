/**
 * The outline of a YAML file: one symbol per Kubernetes resource ("Job pi"), with its main parts
 * (metadata, spec, the job template, the pod template, containers, volumes, failure rules) nested
 * inside. Ranges are offsets; the LSP layer turns them into positions and symbol kinds.
 */

import { resolve } from '../yaml/fieldRef';
import type { OffsetRange } from '../text/offsetRange';
import { getEntry, scalarString } from '../yaml/yamlModel';
import type { YamlMap, YamlMapEntry, YamlNode } from '../yaml/yamlModel';
import type { EditorContext } from './editorFeature';

/** What a symbol stands for; the LSP layer maps these to its SymbolKind. */
export type DocumentSymbolKind = 'resource' | 'section' | 'list' | 'item' | 'field';

/** One entry of the outline. */
export interface DocumentSymbolItem {
  readonly name: string;
  readonly detail?: string;
  readonly kind: DocumentSymbolKind;
  /** The whole extent: key and value. */
  readonly range: OffsetRange;
  /** What to reveal and highlight: the key, or the resource's name. */
  readonly selectionRange: OffsetRange;
  readonly children: readonly DocumentSymbolItem[];
}

/** Mappings the outline descends into. */
const sections = new Set([
  'metadata',
  'spec',
  'jobTemplate',
  'template',
  'selector',
  'podFailurePolicy',
  'successPolicy',
  'updateStrategy',
  'labels',
  'annotations',
  'affinity',
]);

/** Lists whose items are shown, named by their `name`. */
const namedLists = new Set([
  'containers',
  'initContainers',
  'ephemeralContainers',
  'volumes',
  'ports',
  'env',
]);

/** Mappings whose scalar fields are listed too (the specs, where behaviour is set). */
const fieldBearing = new Set(['spec']);

/** The most symbols one file produces: an outline of a huge file is cut, never slow. */
const MAX_SYMBOLS = 20_000;

function entryRange(entry: YamlMapEntry): OffsetRange {
  return { start: entry.keyRange.start, end: Math.max(entry.keyRange.end, entry.value?.range.end ?? 0) };
}

function scalarDetail(node: YamlNode | null): string | undefined {
  const resolved = resolve(node);
  if (resolved?.kind !== 'scalar') return undefined;
  const text = String(resolved.value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** The symbols of a mapping's entries, descending into the sections and named lists. */
function childrenOf(map: YamlMap, budget: { left: number }, listFields: boolean): DocumentSymbolItem[] {
  const result: DocumentSymbolItem[] = [];
  for (const entry of map.entries) {
    if (budget.left <= 0) break;
    const value = resolve(entry.value);
    const range = entryRange(entry);
    if (value?.kind === 'map' && sections.has(entry.key)) {
      budget.left--;
      const descend = entry.key !== 'labels' && entry.key !== 'annotations';
      result.push({
        name: entry.key,
        kind: 'section',
        range,
        selectionRange: entry.keyRange,
        children: descend ? childrenOf(value, budget, fieldBearing.has(entry.key)) : [],
      });
    } else if (value?.kind === 'seq' && (namedLists.has(entry.key) || entry.key === 'rules')) {
      budget.left--;
      result.push({
        name: entry.key,
        kind: 'list',
        range,
        selectionRange: entry.keyRange,
        children: itemsOf(entry.key, value.items, budget),
      });
    } else if (listFields && entry.key !== 'apiVersion' && entry.key !== 'kind') {
      budget.left--;
      const detail = scalarDetail(entry.value);
      result.push({
        name: entry.key,
        ...(detail !== undefined ? { detail } : {}),
        kind: 'field',
        range,
        selectionRange: entry.keyRange,
        children: [],
      });
    }
  }
  return result;
}

/** The items of a named list: containers by name, rules by number and action. */
function itemsOf(
  key: string,
  items: readonly (YamlNode | null)[],
  budget: { left: number },
): DocumentSymbolItem[] {
  const result: DocumentSymbolItem[] = [];
  items.forEach((item, index) => {
    const node = resolve(item);
    if (!item || node?.kind !== 'map' || budget.left <= 0) return;
    budget.left--;
    const name =
      key === 'rules'
        ? `${index + 1}: ${scalarString(getEntry(node, 'action')?.value) ?? '?'}`
        : (scalarDetail(getEntry(node, 'name')?.value ?? null) ?? `[${index}]`);
    const detail =
      key === 'containers' || key === 'initContainers' || key === 'ephemeralContainers'
        ? scalarDetail(getEntry(node, 'image')?.value ?? null)
        : undefined;
    const nameEntry = getEntry(node, 'name');
    result.push({
      name,
      ...(detail !== undefined ? { detail } : {}),
      kind: 'item',
      range: item.range,
      selectionRange: nameEntry?.value?.range ?? item.range,
      children: [],
    });
  });
  return result;
}

/** The outline of the file: one symbol per document that is a mapping, its main parts inside. */
export function computeDocumentSymbols(context: Pick<EditorContext, 'analysis'>): DocumentSymbolItem[] {
  const budget = { left: MAX_SYMBOLS };
  const symbols: DocumentSymbolItem[] = [];
  for (const document of context.analysis.yaml.documents) {
    if (budget.left <= 0) break;
    const root = resolve(document.root);
    if (root?.kind !== 'map') continue;
    budget.left--;
    const kind = scalarString(getEntry(root, 'kind')?.value);
    const apiVersion = scalarString(getEntry(root, 'apiVersion')?.value);
    const metadata = resolve(getEntry(root, 'metadata')?.value ?? null);
    const nameEntry = metadata?.kind === 'map' ? getEntry(metadata, 'name') : undefined;
    const name =
      scalarDetail(nameEntry?.value ?? null) ??
      scalarDetail(metadata?.kind === 'map' ? (getEntry(metadata, 'generateName')?.value ?? null) : null);
    const kindEntry = getEntry(root, 'kind');
    symbols.push({
      name: [kind ?? `#${document.index}`, name].filter((part) => part !== undefined).join(' '),
      ...(apiVersion !== undefined ? { detail: apiVersion } : {}),
      kind: 'resource',
      range: root.range,
      selectionRange: nameEntry?.value?.range ??
        kindEntry?.keyRange ?? { start: root.range.start, end: root.range.start },
      children: childrenOf(root, budget, false),
    });
  }
  return symbols;
}
