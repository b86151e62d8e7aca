import type { OffsetRange } from '../text/offsetRange';

/** A node of Podline's YAML model: every node knows its source range and its field path. */
export type YamlNode = YamlMap | YamlSeq | YamlScalar | YamlAlias;

interface YamlNodeBase {
  readonly range: OffsetRange;
  /** The field path in the API server's syntax, e.g. `spec.template.spec.containers[0].name`. */
  readonly path: string;
}

/** A mapping; entries keep source order, duplicates included. */
export interface YamlMap extends YamlNodeBase {
  readonly kind: 'map';
  readonly entries: readonly YamlMapEntry[];
}

/** One `key: value` pair of a mapping. */
export interface YamlMapEntry {
  /** The key as the API server's JSON conversion sees it (YAML 1.1 scalars stringified). */
  readonly key: string;
  readonly keyRange: OffsetRange;
  /** False for a key that is not a scalar (`? [a]`), which Kubernetes cannot decode. */
  readonly keyIsScalar: boolean;
  /** Null for `key:` with no value. */
  readonly value: YamlNode | null;
}

/** A sequence. */
export interface YamlSeq extends YamlNodeBase {
  readonly kind: 'seq';
  readonly items: readonly (YamlNode | null)[];
}

/** How a scalar was written, which decides how Kubernetes types it. */
export type ScalarStyle = 'plain' | 'single' | 'double' | 'block';

/** A scalar with its YAML 1.1 value (as Kubernetes' YAML decoder reads it) and its source text. */
export interface YamlScalar extends YamlNodeBase {
  readonly kind: 'scalar';
  readonly value: string | number | boolean | null;
  readonly style: ScalarStyle;
  /** An explicit tag such as `!!str`, or null. */
  readonly tag: string | null;
}

/** An alias (`*name`); `target` is the anchored node, or null when the anchor is unknown. */
export interface YamlAlias extends YamlNodeBase {
  readonly kind: 'alias';
  readonly anchor: string;
  readonly target: YamlNode | null;
}

/** One YAML document of a file (`---` separated). */
export interface YamlDocumentModel {
  readonly index: number;
  readonly range: OffsetRange;
  /** Null for an empty document. */
  readonly root: YamlNode | null;
  /** True when the YAML parser reported an error inside this document. */
  readonly hasSyntaxErrors: boolean;
}

/** Returns the value of `key` in `map`, the last one when the key is duplicated. */
export function getEntry(map: YamlMap, key: string): YamlMapEntry | undefined {
  for (let i = map.entries.length - 1; i >= 0; i--) {
    const entry = map.entries[i];
    if (entry?.key === key) return entry;
  }
  return undefined;
}

/** Returns the string value of a scalar node, or undefined for anything else. */
export function scalarString(node: YamlNode | null | undefined): string | undefined {
  return node?.kind === 'scalar' && typeof node.value === 'string' ? node.value : undefined;
}

/** Appends a map key to a field path the way Kubernetes' `field.Path` prints it. */
export function childPath(parent: string, key: string): string {
  if (/^[A-Za-z_$][\w$]*$/.test(key)) return parent === '' ? key : `${parent}.${key}`;
  return `${parent}[${key}]`;
}

/** Appends a sequence index to a field path. */
export function indexPath(parent: string, index: number): string {
  return `${parent}[${index}]`;
}

/** Finds the innermost node whose range contains `offset` (for hovers and code actions). */
export function findNodeAt(root: YamlNode | null, offset: number): YamlNode | null {
  let current: YamlNode | null = root;
  let found: YamlNode | null = null;
  while (current && offset >= current.range.start && offset <= current.range.end) {
    found = current;
    let next: YamlNode | null = null;
    if (current.kind === 'map') {
      // Keys first: a value's range ends where the next key starts, so a cursor on the first
      // character of a key would otherwise land in the previous value.
      if (current.entries.some((entry) => offset >= entry.keyRange.start && offset <= entry.keyRange.end))
        return current;
      for (const entry of current.entries) {
        if (entry.value && offset >= entry.value.range.start && offset <= entry.value.range.end) {
          next = entry.value;
          break;
        }
      }
    } else if (current.kind === 'seq') {
      next =
        current.items.find((item) => item && offset >= item.range.start && offset <= item.range.end) ?? null;
    }
    current = next;
  }
  return found;
}
