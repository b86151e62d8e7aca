import { Composer, isAlias, isMap, isScalar, isSeq, Parser } from 'yaml';
import type { Alias, CST, Document, Node as AstNode, Scalar, YAMLError } from 'yaml';
import type { OffsetRange } from '../text/offsetRange';
import { plainKeyText, plainScalarValue } from './plainScalars';
import { readSimpleChunk } from './simpleYaml';
import { defaultYamlLimits, duplicateKeyProblem, limitSyntaxProblems } from './yamlFileModel';
import type { ChunkPosition, YamlChunkModel, YamlFileModel, YamlLimits, YamlProblem } from './yamlFileModel';
import { childPath, indexPath } from './yamlModel';
import type { ScalarStyle, YamlDocumentModel, YamlMapEntry, YamlNode } from './yamlModel';

// The file model's types are declared in yamlFileModel.ts; callers may keep importing them from here.
export { defaultYamlLimits, duplicateKeyProblem };
export type { ChunkPosition, YamlChunkModel, YamlFileModel, YamlLimits, YamlProblem };

/**
 * Parses a file into Podline's multi-document YAML model. Plain scalars are typed as Kubernetes'
 * decoder (go-yaml v2 behind sigs.k8s.io/yaml) types them (`plainScalars.ts`): `yes` and `on` are
 * booleans, `0777` is octal. Never throws.
 */
export function parseYamlFile(text: string, limits: YamlLimits = defaultYamlLimits): YamlFileModel {
  const refused = refuseFile(text.length, text.slice(0, refusalSampleLength), limits);
  if (refused) return refused;
  return assembleYamlFile([parseYamlChunk(text, limits)], limits);
}

/** How much of the start of a file `refuseFile` reads. */
export const refusalSampleLength = 65536;

/**
 * The model of a file that is not parsed at all: too large, or not text. Undefined for a file
 * that should be parsed. Reads the file's length and its first `refusalSampleLength` characters.
 */
export function refuseFile(length: number, head: string, limits: YamlLimits): YamlFileModel | undefined {
  if (length > limits.maxFileLength) {
    return {
      documents: [],
      problems: [{ kind: 'tooLarge', length, limit: limits.maxFileLength, range: firstLine(head) }],
    };
  }
  if (looksBinary(head)) return { documents: [], problems: [{ kind: 'binary', range: firstLine(head) }] };
  return undefined;
}

/**
 * Parses one chunk of a file. Never throws: a failure of the yaml library becomes an `internal`
 * problem.
 */
export function parseYamlChunk(
  text: string,
  limits: YamlLimits,
  at: ChunkPosition = { offset: 0, documentIndex: 0 },
): YamlChunkModel {
  try {
    return readSimpleChunk(text, limits, at) ?? buildModel(text, limits, at);
  } catch (error) {
    // The yaml library is not expected to throw, but a stack overflow on pathological nesting
    // is possible; the user then gets one finding instead of a dead server.
    const detail = error instanceof Error ? error.message : String(error);
    const range = firstLine(text);
    return {
      documents: [],
      syntaxProblems: [],
      problems: [
        { kind: 'internal', detail, range: { start: range.start + at.offset, end: range.end + at.offset } },
      ],
      streamProblems: [],
      crossesMarker: false,
      tooDeep: undefined,
    };
  }
}

/** `parseYamlChunk` with the yaml library alone: the reference the simple reader is tested against. */
export function parseYamlChunkWithLibrary(
  text: string,
  limits: YamlLimits,
  at: ChunkPosition = { offset: 0, documentIndex: 0 },
): YamlChunkModel {
  return buildModel(text, limits, at);
}

/** The model of a file from its chunks, in order; syntax problems are limited here. */
export function assembleYamlFile(chunks: readonly YamlChunkModel[], limits: YamlLimits): YamlFileModel {
  const tooDeep = chunks.find((chunk) => chunk.tooDeep)?.tooDeep;
  if (tooDeep) return { documents: [], problems: [tooDeep] };
  const documents = chunks.flatMap((chunk) => chunk.documents);
  // An empty stream still has errors to report (for example a lone `]`).
  const syntaxProblems = chunks.flatMap((chunk) =>
    documents.length === 0 ? [...chunk.syntaxProblems, ...chunk.streamProblems] : chunk.syntaxProblems,
  );
  const shown = limitSyntaxProblems(syntaxProblems, limits);
  return { documents, problems: [...shown, ...chunks.flatMap((chunk) => chunk.problems)] };
}

function firstLine(text: string): OffsetRange {
  const newline = text.search(/[\r\n]/);
  return { start: 0, end: Math.min(newline === -1 ? text.length : newline, 200) };
}

/** A NUL or many control characters in the first 64 KiB mean the file is not text. */
function looksBinary(text: string): boolean {
  const sample = text.slice(0, refusalSampleLength);
  if (sample.length === 0) return false;
  if (sample.includes('\0')) return true;
  const suspicious = sample.match(/[\x01-\x08\x0E-\x1F\x7F\uFFFD]/g)?.length ?? 0;
  return suspicious / sample.length > 0.05;
}

function buildModel(text: string, limits: YamlLimits, at: ChunkPosition): YamlChunkModel {
  const composer = new Composer({ version: '1.1', uniqueKeys: false, strict: false });
  const problems: YamlProblem[] = [];
  const syntaxProblems: YamlProblem[] = [];
  const documents: YamlDocumentModel[] = [];
  const offset = at.offset;
  const source = at.beforeMarker ? `${text}---\n` : text;

  let markerStartedDocument = false;
  const addDocument = (astDocument: Document.Parsed): void => {
    // The marker parsed after the chunk starts a document of the next chunk.
    if (at.beforeMarker && astDocument.range[0] >= text.length) {
      markerStartedDocument ||= astDocument.range[0] === text.length;
      return;
    }
    const index = at.documentIndex + documents.length;
    const seen = new Set<string>();
    for (const error of astDocument.errors) {
      const problem = toSyntaxProblem(error, index, source, offset);
      // yaml often reports two codes for one mistake at the same place; one finding is enough.
      const key = `${problem.range.start}:${problem.range.end}`;
      if (seen.has(key)) continue;
      seen.add(key);
      syntaxProblems.push(problem);
    }
    const builder = new ModelBuilder(index, limits, problems, offset);
    const root = astDocument.contents ? builder.build(astDocument.contents, '', 0) : null;
    builder.checkAliasExpansion(root);
    const [start = 0, , end = text.length] = astDocument.range;
    documents.push({
      index,
      range: { start: start + offset, end: end + offset },
      root,
      hasSyntaxErrors: astDocument.errors.length > 0,
    });
  };

  // One document at a time, from concrete syntax to model, so that a large file's tokens and
  // syntax trees never all live at once: less memory, and much less garbage collection.
  let documentTokens = 0;
  for (const token of new Parser().parse(source)) {
    if (token.type === 'document') {
      // The yaml library composes nested collections recursively and relies on catching a stack
      // overflow; so close to the stack's end V8 itself can abort the process. The concrete
      // syntax tree is built without recursion, so its depth is measured first and a deep file
      // stops here.
      const deepest = findTooDeepOffset(token, limits.maxDepth);
      if (deepest !== undefined) {
        const range = { start: deepest + offset, end: Math.min(deepest + 1, text.length) + offset };
        const document = at.documentIndex + documentTokens;
        return {
          documents: [],
          syntaxProblems: [],
          problems: [],
          streamProblems: [],
          crossesMarker: false,
          tooDeep: { kind: 'tooDeep', depth: limits.maxDepth, path: '', range, document },
        };
      }
      documentTokens++;
    }
    for (const astDocument of composer.next(token)) addDocument(astDocument);
  }
  for (const astDocument of composer.end()) addDocument(astDocument);

  const streamProblems = composer
    .streamInfo()
    .errors.map((error) => toSyntaxProblem(error, at.documentIndex, source, offset));
  const crossesMarker = at.beforeMarker === true && !markerStartedDocument;
  return { documents, syntaxProblems, problems, streamProblems, crossesMarker, tooDeep: undefined };
}

/** The offset of the first collection nested deeper than `maxDepth`, found without recursion. */
function findTooDeepOffset(document: CST.Document, maxDepth: number): number | undefined {
  const stack: [CST.Token, number][] = document.value ? [[document.value, 0]] : [];
  while (stack.length > 0) {
    const [token, depth] = stack.pop() ?? [document, 0];
    if (token.type !== 'block-map' && token.type !== 'block-seq' && token.type !== 'flow-collection')
      continue;
    if (depth + 1 > maxDepth) return token.offset;
    for (const item of token.items as readonly { key?: CST.Token | null; value?: CST.Token }[]) {
      if (item.key) stack.push([item.key, depth + 1]);
      if (item.value) stack.push([item.value, depth + 1]);
    }
  }
  return undefined;
}

function toSyntaxProblem(error: YAMLError, document: number, text: string, offset: number): YamlProblem {
  const [start, rawEnd] = error.pos;
  let end = Math.min(Math.max(rawEnd, start), text.length);
  if (end === start) end = Math.min(start + 1, text.length);
  const detail = error.message.split('\n')[0] ?? error.message;
  return {
    kind: 'syntax',
    yamlCode: error.code,
    detail,
    range: { start: start + offset, end: end + offset },
    document,
  };
}

/** Builds model nodes from the yaml library's AST, with paths, anchors and checks. */
class ModelBuilder {
  private readonly anchors = new Map<string, YamlNode>();
  private reportedTooDeep = false;

  constructor(
    private readonly document: number,
    private readonly limits: YamlLimits,
    private readonly problems: YamlProblem[],
    /** Added to every range: where the parsed text starts in the file. */
    private readonly offset: number,
  ) {}

  build(node: AstNode | Alias, path: string, depth: number): YamlNode | null {
    const range = this.rangeOf(node);
    if (depth > this.limits.maxDepth) {
      if (!this.reportedTooDeep) {
        this.reportedTooDeep = true;
        this.problems.push({
          kind: 'tooDeep',
          depth: this.limits.maxDepth,
          path,
          range,
          document: this.document,
        });
      }
      return null;
    }
    let result: YamlNode | null = null;
    if (isAlias(node)) {
      result = {
        kind: 'alias',
        anchor: node.source,
        target: this.anchors.get(node.source) ?? null,
        range,
        path,
      };
    } else if (isScalar(node)) {
      result = {
        kind: 'scalar',
        value: scalarValue(node),
        style: scalarStyle(node),
        tag: explicitTag(node),
        range,
        path,
      };
    } else if (isSeq(node)) {
      const items = node.items.map((item, index) =>
        item && typeof item === 'object'
          ? this.build(item as AstNode, indexPath(path, index), depth + 1)
          : null,
      );
      result = { kind: 'seq', items, range, path };
    } else if (isMap(node)) {
      result = { kind: 'map', entries: this.buildEntries(node.items, path, depth), range, path };
    }
    const anchor = (node as { anchor?: string }).anchor;
    if (anchor && result) this.anchors.set(anchor, result);
    return result;
  }

  private buildEntries(
    items: readonly { key: unknown; value: unknown }[],
    path: string,
    depth: number,
  ): YamlMapEntry[] {
    const entries: YamlMapEntry[] = [];
    const firstByKey = new Map<string, OffsetRange>();
    for (const pair of items) {
      const keyNode = pair.key as AstNode | null;
      const keyIsScalar = keyNode === null || isScalar(keyNode);
      const key = keyNode === null ? '' : isScalar(keyNode) ? keyString(keyNode) : '';
      const valueNode = pair.value as AstNode | null;
      const keyRange = keyNode
        ? this.rangeOf(keyNode)
        : valueNode
          ? { start: this.rangeOf(valueNode).start, end: this.rangeOf(valueNode).start }
          : { start: this.offset, end: this.offset };
      const entryPath = childPath(path, key);
      if (!keyIsScalar) {
        this.problems.push({ kind: 'nonScalarKey', path, range: { ...keyRange }, document: this.document });
      } else {
        const first = firstByKey.get(key);
        if (first) {
          this.problems.push(duplicateKeyProblem(key, entryPath, keyRange, first, this.document));
        } else {
          firstByKey.set(key, keyRange);
        }
      }
      const value =
        valueNode && typeof valueNode === 'object' ? this.build(valueNode, entryPath, depth + 1) : null;
      entries.push({ key, keyRange, keyIsScalar, value });
    }
    return entries;
  }

  private rangeOf(node: AstNode | Alias): OffsetRange {
    const range = node.range;
    if (!range) return { start: this.offset, end: this.offset };
    return { start: range[0] + this.offset, end: range[1] + this.offset };
  }

  /**
   * Rejects documents whose aliases would expand into an enormous object, as Kubernetes'
   * decoder does ("document contains excessive aliasing"). Counts are memoised per node, so an
   * alias bomb costs time linear in its source, not in its expansion.
   */
  checkAliasExpansion(root: YamlNode | null): void {
    if (!root || this.anchors.size === 0) return;
    const memo = new Map<YamlNode, { nodes: number; aliases: number }>();
    const count = (node: YamlNode | null): { nodes: number; aliases: number } => {
      if (!node) return { nodes: 0, aliases: 0 };
      const known = memo.get(node);
      if (known) return known;
      // Guard against cycles through a not-yet-finished anchor.
      memo.set(node, { nodes: 1, aliases: 0 });
      let result = { nodes: 1, aliases: 0 };
      if (node.kind === 'alias') {
        const inner = count(node.target);
        result = { nodes: inner.nodes, aliases: inner.aliases + 1 };
      } else if (node.kind === 'seq' || node.kind === 'map') {
        const children = node.kind === 'seq' ? node.items : node.entries.map((entry) => entry.value);
        for (const child of children) {
          const inner = count(child);
          result = { nodes: result.nodes + inner.nodes, aliases: result.aliases + inner.aliases };
        }
      }
      memo.set(node, result);
      return result;
    };
    const total = count(root);
    if (isExcessiveAliasing(total.nodes, total.aliases)) {
      const firstAlias = findFirstAlias(root);
      this.problems.push({
        kind: 'excessiveAliasing',
        expandedNodes: total.nodes,
        range: { ...(firstAlias?.range ?? root.range) },
        document: this.document,
      });
    }
  }
}

/** go-yaml v2's rule (`allowedAliasRatio` in decode.go), applied to the fully expanded counts. */
function isExcessiveAliasing(decodeCount: number, aliasCount: number): boolean {
  if (decodeCount > 1e7) return true;
  const low = 400_000;
  const high = 4_000_000;
  const allowed =
    decodeCount <= low
      ? 0.99
      : decodeCount >= high
        ? 0.1
        : 0.99 - 0.89 * ((decodeCount - low) / (high - low));
  return aliasCount > 100 && decodeCount > 1000 && aliasCount / decodeCount > allowed;
}

function findFirstAlias(node: YamlNode | null): YamlNode | null {
  const stack: (YamlNode | null)[] = [node];
  while (stack.length > 0) {
    const current = stack.pop();
    if (!current) continue;
    if (current.kind === 'alias') return current;
    if (current.kind === 'seq')
      for (let i = current.items.length - 1; i >= 0; i--) stack.push(current.items[i] ?? null);
    if (current.kind === 'map')
      for (let i = current.entries.length - 1; i >= 0; i--) stack.push(current.entries[i]?.value ?? null);
  }
  return null;
}

/** True for a plain scalar without a tag, which Kubernetes types by go-yaml's rules. */
function isPlainUntagged(node: Scalar): node is Scalar & { source: string } {
  return node.type === 'PLAIN' && node.tag === undefined && typeof node.source === 'string';
}

function keyString(node: Scalar): string {
  return isPlainUntagged(node) ? plainKeyText(node.source) : keyText(node.value, node.source);
}

function scalarValue(node: Scalar): string | number | boolean | null {
  return isPlainUntagged(node) ? plainScalarValue(node.source) : modelValue(node.value, node.source);
}

function scalarStyle(node: Scalar): ScalarStyle {
  switch (node.type) {
    case 'QUOTE_SINGLE':
      return 'single';
    case 'QUOTE_DOUBLE':
      return 'double';
    case 'BLOCK_FOLDED':
    case 'BLOCK_LITERAL':
      return 'block';
    default:
      return 'plain';
  }
}

function explicitTag(node: Scalar): string | null {
  return typeof node.tag === 'string' ? node.tag : null;
}

/** A scalar's value as the model keeps it: JSON-like types, the source text for anything else (dates). */
function modelValue(value: unknown, source: string | undefined): string | number | boolean | null {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value === null)
    return value;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return source ?? value.toISOString();
  return source ?? null;
}

/** A key as the API server's JSON conversion sees it. */
function keyText(value: unknown, source: string | undefined): string {
  // The YAML 1.1 merge key `<<` arrives as a symbol; keep its spelling.
  if (typeof value === 'symbol') return source ?? '<<';
  if (value === null || value === undefined) return source ?? '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  return source ?? '';
}
