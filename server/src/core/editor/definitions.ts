/**
 * Go to definition inside one file: from a `spec.selector.matchLabels` key or value (or a
 * matchExpressions key) to the pod template labels it selects; from a pod template's `subdomain`
 * to the Service of that name; and from a Service's selector to the labels of the workload pods it
 * selects, including the `job-name` label the Job controller adds (kubernetes-behaviour §0.1 step 4).
 */

import { field, fieldAt, items, resolve, rootRef, stringValue } from '../yaml/fieldRef';
import type { FieldRef } from '../yaml/fieldRef';
import { workloadRefs } from '../workload/workloadRefs';
import type { OffsetRange } from '../text/offsetRange';
import type { Workload } from '../workload/recognizeWorkload';
import { getEntry, scalarString } from '../yaml/yamlModel';
import type { YamlDocumentModel, YamlMap, YamlMapEntry } from '../yaml/yamlModel';
import type { EditorContext } from './editorFeature';

/** A place a definition request leads to, in the same file. */
export interface DefinitionTarget {
  /** The whole target (a label entry, a Service document). */
  readonly range: OffsetRange;
  /** What to highlight inside it (a label key or value, a Service's name). */
  readonly selectionRange: OffsetRange;
  /** The 0-based YAML document of the target. */
  readonly document: number;
}

/** The labels the Job controller adds to every pod of a Job, for matching Service selectors. */
const jobNameLabels = ['job-name', 'batch.kubernetes.io/job-name'];

function contains(range: OffsetRange, offset: number): boolean {
  return range.start <= offset && offset <= range.end;
}

/** The mapping entry of `map` whose key or scalar value is under the cursor, and which of the two. */
function entryAt(map: YamlMap | null, offset: number): { entry: YamlMapEntry; onKey: boolean } | undefined {
  if (!map) return undefined;
  for (const entry of map.entries) {
    if (contains(entry.keyRange, offset)) return { entry, onKey: true };
    if (entry.value && entry.value.kind === 'scalar' && contains(entry.value.range, offset))
      return { entry, onKey: false };
  }
  return undefined;
}

function asMap(ref: FieldRef): YamlMap | null {
  return ref.node?.kind === 'map' ? ref.node : null;
}

/** The label entry of a pod template with `key` (and `value`, when given). */
function templateLabel(workload: Workload, key: string, value: string | undefined): YamlMapEntry | undefined {
  const labels = asMap(field(field(workloadRefs(workload).template, 'metadata'), 'labels'));
  if (!labels) return undefined;
  const entry = getEntry(labels, key);
  if (!entry) return undefined;
  if (value !== undefined && scalarLabelValue(entry) !== value) return undefined;
  return entry;
}

function scalarLabelValue(entry: YamlMapEntry): string | undefined {
  const node = resolve(entry.value);
  if (node?.kind !== 'scalar') return undefined;
  return node.value === null ? '' : String(node.value);
}

function target(entry: YamlMapEntry, onKey: boolean, document: YamlDocumentModel): DefinitionTarget {
  const valueRange = entry.value?.range;
  return {
    range: { start: entry.keyRange.start, end: valueRange?.end ?? entry.keyRange.end },
    selectionRange: onKey || !valueRange ? entry.keyRange : valueRange,
    document: document.index,
  };
}

/** From a workload's selector to its own template labels. */
function selectorDefinitions(workload: Workload, offset: number): DefinitionTarget[] | undefined {
  const selector = field(workloadRefs(workload).spec, 'selector');
  const found = entryAt(asMap(field(selector, 'matchLabels')), offset);
  if (found) {
    const value = found.onKey ? undefined : scalarLabelValue(found.entry);
    const label = templateLabel(workload, found.entry.key, value);
    return label ? [target(label, found.onKey, workload.document)] : [];
  }
  for (const expression of items(field(selector, 'matchExpressions'))) {
    const keyField = field(expression, 'key');
    if (keyField.valueRange && contains(keyField.valueRange, offset)) {
      const key = stringValue(keyField);
      const label = key === undefined ? undefined : templateLabel(workload, key, undefined);
      return label ? [target(label, true, workload.document)] : [];
    }
  }
  return undefined;
}

/** The Services of the file, by name. */
function services(
  context: Pick<EditorContext, 'analysis'>,
): { name: string; document: YamlDocumentModel; root: YamlMap }[] {
  const found: { name: string; document: YamlDocumentModel; root: YamlMap }[] = [];
  for (const document of context.analysis.yaml.documents) {
    const root = document.root;
    if (root?.kind !== 'map' || scalarString(getEntry(root, 'kind')?.value) !== 'Service') continue;
    const name = stringValue(fieldAt(rootRef(root), 'metadata', 'name'));
    if (name !== undefined) found.push({ name, document, root });
  }
  return found;
}

/** From a pod template's subdomain to the Service of that name. */
function subdomainDefinitions(
  context: Pick<EditorContext, 'analysis'>,
  workload: Workload,
  offset: number,
): DefinitionTarget[] | undefined {
  const subdomain = field(workloadRefs(workload).podSpec, 'subdomain');
  const onKey = subdomain.keyRange !== null && contains(subdomain.keyRange, offset);
  const onValue = subdomain.valueRange !== null && contains(subdomain.valueRange, offset);
  if (!onKey && !onValue) return undefined;
  const name = stringValue(subdomain);
  if (name === undefined) return [];
  return services(context)
    .filter((service) => service.name === name)
    .map((service) => {
      const nameRef = fieldAt(rootRef(service.root), 'metadata', 'name');
      return {
        range: service.root.range,
        selectionRange: nameRef.valueRange ?? service.root.range,
        document: service.document.index,
      };
    });
}

/** From a Service's selector to the workload pod labels it selects (the Job controller's job-name too). */
function serviceSelectorDefinitions(
  context: Pick<EditorContext, 'analysis'>,
  root: YamlMap,
  offset: number,
): DefinitionTarget[] | undefined {
  const found = entryAt(asMap(fieldAt(rootRef(root), 'spec', 'selector')), offset);
  if (!found) return undefined;
  const key = found.entry.key;
  const value = found.onKey ? undefined : scalarLabelValue(found.entry);
  const targets: DefinitionTarget[] = [];
  for (const workload of context.analysis.workloads) {
    const label = templateLabel(workload, key, value);
    if (label) {
      targets.push(target(label, found.onKey, workload.document));
      continue;
    }
    if (workload.kind === 'Job' && jobNameLabels.includes(key)) {
      const nameRef = fieldAt(rootRef(workload.root), 'metadata', 'name');
      const jobName = stringValue(nameRef);
      if (
        jobName !== undefined &&
        (value === undefined || value === jobName) &&
        nameRef.valueRange &&
        nameRef.keyRange
      ) {
        targets.push({
          range: { start: nameRef.keyRange.start, end: nameRef.valueRange.end },
          selectionRange: nameRef.valueRange,
          document: workload.document.index,
        });
      }
    }
  }
  return targets;
}

/**
 * The definitions at `offset`: label targets, or Services; empty when there is nothing to go to.
 * A failure is reported through `context.reportError` and gives no targets.
 */
export function computeDefinitions(
  context: Pick<EditorContext, 'analysis' | 'reportError'>,
  offset: number,
): DefinitionTarget[] {
  try {
    const document = context.analysis.yaml.documents.find((candidate) => contains(candidate.range, offset));
    if (!document) return [];
    const workload = context.analysis.workloads.find((candidate) => candidate.document === document);
    if (workload) {
      return selectorDefinitions(workload, offset) ?? subdomainDefinitions(context, workload, offset) ?? [];
    }
    const root = document.root;
    if (root?.kind === 'map' && scalarString(getEntry(root, 'kind')?.value) === 'Service')
      return serviceSelectorDefinitions(context, root, offset) ?? [];
    return [];
  } catch (error) {
    context.reportError('definition', error);
    return [];
  }
}
