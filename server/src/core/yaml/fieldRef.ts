import type { OffsetRange } from '../text/offsetRange';
import { childPath, indexPath } from '../yaml/yamlModel';
import type { YamlMap, YamlNode } from '../yaml/yamlModel';

/**
 * A field of a manifest that may or may not be present: its path, its value node (null when the
 * field is absent or `null`), and how to find a place to report on it. Rules navigate with
 * `field` and `item` instead of walking the YAML model by hand.
 */
export interface FieldRef {
  readonly path: string;
  /** The value, with aliases resolved; null when absent or written as `null`. */
  readonly node: YamlNode | null;
  /** The range of the key, when the field is written. */
  readonly keyRange: OffsetRange | null;
  /** The range of the value as written (an alias keeps its own range). */
  readonly valueRange: OffsetRange | null;
  readonly parent: FieldRef | null;
}

/** The root of a document as a field reference. */
/**
 * A field reached by navigation. Its path is spelled only when it is read (a finding's path, a
 * hover): a rule looks at many fields that are absent or fine, and spelling every path it
 * passes was a tenth of the rules' time on a large file.
 */
class NavigatedRef implements FieldRef {
  private spelled: string | undefined;

  constructor(
    readonly parent: FieldRef,
    /** The key, or the index in a sequence. */
    private readonly step: string | number,
    readonly node: YamlNode | null,
    readonly keyRange: OffsetRange | null,
    readonly valueRange: OffsetRange | null,
  ) {}

  get path(): string {
    this.spelled ??=
      typeof this.step === 'number'
        ? indexPath(this.parent.path, this.step)
        : childPath(this.parent.path, this.step);
    return this.spelled;
  }
}

export function rootRef(node: YamlNode | null): FieldRef {
  return { path: '', node: resolve(node), keyRange: null, valueRange: node?.range ?? null, parent: null };
}

/** The same field with another value and value range (a plain object: spread a FieldRef through this). */
export function withValue(ref: FieldRef, node: YamlNode | null, valueRange: OffsetRange | null): FieldRef {
  return { path: ref.path, node, keyRange: ref.keyRange, valueRange, parent: ref.parent };
}

/** Follows aliases (a bounded number of times) to the node they name. */
export function resolve(node: YamlNode | null | undefined): YamlNode | null {
  let current = node ?? null;
  for (let hops = 0; current?.kind === 'alias' && hops < 16; hops++) current = current.target;
  if (current?.kind === 'alias') return null;
  if (current?.kind === 'scalar' && current.value === null) return null;
  return current;
}

/** The child field `key` of a mapping field (the last one when the key is duplicated). */
export function field(parent: FieldRef, key: string): FieldRef {
  const map = parent.node?.kind === 'map' ? parent.node : null;
  let found: YamlMap['entries'][number] | undefined;
  if (map) {
    for (let i = map.entries.length - 1; i >= 0; i--) {
      if (map.entries[i]?.key === key) {
        found = map.entries[i];
        break;
      }
    }
  }
  return new NavigatedRef(
    parent,
    key,
    resolve(found?.value),
    found?.keyRange ?? null,
    found?.value?.range ?? null,
  );
}

/** Follows a dotted list of keys. */
export function fieldAt(parent: FieldRef, ...keys: string[]): FieldRef {
  return keys.reduce(field, parent);
}

/** The items of a sequence field, as field references. */
export function items(parent: FieldRef): FieldRef[] {
  if (parent.node?.kind !== 'seq') return [];
  return parent.node.items.map(
    (node, index) => new NavigatedRef(parent, index, resolve(node), null, node?.range ?? null),
  );
}

/** The entries of a mapping field, with their keys. */
export function entries(parent: FieldRef): { key: string; ref: FieldRef }[] {
  if (parent.node?.kind !== 'map') return [];
  return parent.node.entries.map((entry) => ({
    key: entry.key,
    ref: new NavigatedRef(
      parent,
      entry.key,
      resolve(entry.value),
      entry.keyRange,
      entry.value?.range ?? null,
    ),
  }));
}

/** True when the field is written with a non-null value. */
export function isSet(ref: FieldRef): boolean {
  return ref.node !== null;
}

/** The field's string value, if it is a string scalar. */
export function stringValue(ref: FieldRef): string | undefined {
  return ref.node?.kind === 'scalar' && typeof ref.node.value === 'string' ? ref.node.value : undefined;
}

/** The field's integer value, if it is an integer scalar. */
export function integerValue(ref: FieldRef): number | undefined {
  return ref.node?.kind === 'scalar' && typeof ref.node.value === 'number' && Number.isInteger(ref.node.value)
    ? ref.node.value
    : undefined;
}

/** The field's boolean value, if it is a boolean scalar. */
export function booleanValue(ref: FieldRef): boolean | undefined {
  return ref.node?.kind === 'scalar' && typeof ref.node.value === 'boolean' ? ref.node.value : undefined;
}

/** The field's scalar value of any type, for messages. */
export function scalarText(ref: FieldRef): string {
  if (ref.node?.kind === 'scalar') return String(ref.node.value);
  return ref.node ? ref.node.kind : 'null';
}

/**
 * Where to underline a finding about this field: its value when written, else its key, else
 * the key of the nearest written ancestor (a missing field is reported where it should go).
 */
export function reportRange(ref: FieldRef): OffsetRange {
  if (ref.valueRange && ref.node) return ref.valueRange;
  for (let current: FieldRef | null = ref; current; current = current.parent) {
    if (current.keyRange) return current.keyRange;
    if (current.valueRange && !current.parent)
      return { start: current.valueRange.start, end: current.valueRange.start };
  }
  return { start: 0, end: 0 };
}
