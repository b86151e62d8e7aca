import type { OffsetRange } from '../text/offsetRange';
import { duplicateKeyProblem } from './yamlFileModel';
import type { ChunkPosition, YamlChunkModel, YamlLimits, YamlProblem } from './yamlFileModel';
import { plainKeyText, plainScalarValue } from './plainScalars';
import { childPath, indexPath } from './yamlModel';
import type { ScalarStyle, YamlMapEntry, YamlNode, YamlScalar } from './yamlModel';

/**
 * Reads the YAML most manifests are written in without the yaml library's parser: block
 * mappings and sequences, scalars on one line (plain, single-quoted, and double-quoted with the
 * escapes JSON has too), block scalars, one-line flow collections of such scalars, and comments. Plain scalars are
 * typed as Kubernetes types them (`plainScalars.ts`), as the library-based reader does too.
 *
 * Returns undefined as soon as the text holds anything else, or anything the yaml library would
 * report as an error: the library then reads the chunk. Where it returns a model, that model
 * equals the library's, node for node and range for range (the tests compare the two on every
 * input of the test and fuzz corpora). The library stays the reference; this reader exists
 * because it is about fifteen times faster on the files it accepts.
 */
export function readSimpleChunk(
  text: string,
  limits: YamlLimits,
  at: ChunkPosition,
): YamlChunkModel | undefined {
  // A chunk read before a marker must end its last line, or the marker would continue it.
  if (at.beforeMarker === true && !text.endsWith('\n')) return undefined;
  if (unusualCharacter.test(text) || endsWithoutContent(text)) return undefined;
  try {
    return new SimpleReader(text, limits, at).read();
  } catch (error) {
    if (error === notSimple) return undefined;
    throw error;
  }
}

/**
 * Characters that the reader leaves to the library: tabs (invalid as indentation, and folded
 * specially), a carriage return that does not start a Windows line break, other control
 * characters, line and paragraph separators, a byte order mark and non-characters.
 */
const unusualCharacter = /[\0-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]|\r(?!\n)/;

/** True when the text's last line has no line break and holds only spaces or a comment. */
function endsWithoutContent(text: string): boolean {
  if (text.length === 0 || text.endsWith('\n')) return false;
  const last = text.slice(text.lastIndexOf('\n') + 1).trimStart();
  return last === '' || last.startsWith('#');
}

/** Thrown, never escaping `readSimpleChunk`, when the text is not simple. */
const notSimple = new Error('not simple YAML');

function bail(): never {
  throw notSimple;
}

/** The escapes of a double-quoted scalar that mean the same in JSON: `\"`, `\\`, `\/`, `\b`, `\f`, `\n`, `\r`, `\t`. */
const jsonEscapes = new Set([0x22, 0x5c, 0x2f, 0x62, 0x66, 0x6e, 0x72, 0x74]);

/** Deeper nesting than this is left to the library, which also enforces `maxDepth`. */
const maxSimpleDepth = 64;
/** The yaml library refuses implicit keys longer than 1024 characters. */
const maxKeyLength = 1000;

const space = 0x20;
const newline = 0x0a;
const carriageReturn = 0x0d;
const hash = 0x23;
const colon = 0x3a;
const dash = 0x2d;
const singleQuote = 0x27;
const doubleQuote = 0x22;
const backslash = 0x5c;

class SimpleReader {
  private readonly problems: YamlProblem[] = [];
  /** The start of the current content line, or -1 past the last one. */
  private line = -1;
  /** The current content line's indentation. */
  private indent = 0;
  /** Where the current content (a key, a dash, a value) starts. */
  private content = 0;
  /** The current line's end: its line break or the end of the text. */
  private eol = 0;
  /** The end (after its line break) of the last content line read. */
  private lastLineEnd = 0;
  /** Whether the last value read was empty (`key:` or `-` alone), and with a comment after it. */
  private endsEmpty: 'no' | 'bare' | 'commented' = 'no';
  private readonly maxDepth: number;

  constructor(
    private readonly text: string,
    limits: YamlLimits,
    private readonly at: ChunkPosition,
  ) {
    this.maxDepth = Math.min(limits.maxDepth, maxSimpleDepth);
  }

  read(): YamlChunkModel {
    const { text, at } = this;
    this.advanceTo(0, true);
    if (this.line === -1) bail();
    const start = this.line;
    if (this.startsMarker(this.line)) {
      // `---` alone on its line, perhaps with a comment.
      const after = this.skipSpaces(this.line + 3);
      if (after !== this.eol && !(after > this.line + 3 && text.charCodeAt(after) === hash)) bail();
      this.advanceTo(this.lineEnd(this.eol), false);
      // An empty document: the library gives it a null root at a particular place.
      if (this.line === -1) bail();
    }
    const root = this.node(-1, '', 0);
    // A document ending with an empty value ends earlier in the library's count.
    if (this.line !== -1 || this.endsEmpty !== 'no') bail();
    const offset = at.offset;
    return {
      documents: [
        {
          index: at.documentIndex,
          range: { start: start + offset, end: text.length + offset },
          root,
          hasSyntaxErrors: false,
        },
      ],
      syntaxProblems: [],
      problems: this.problems,
      streamProblems: [],
      crossesMarker: false,
      tooDeep: undefined,
    };
  }

  /** Moves to the first content line at or after the line starting at `from`, skipping blank and comment lines. */
  private advanceTo(from: number, markerAllowed: boolean): void {
    const text = this.text;
    let p = from;
    while (p < text.length) {
      let q = p;
      while (text.charCodeAt(q) === space) q++;
      const c = text.charCodeAt(q);
      if (q === text.length) break;
      if (c === newline || c === carriageReturn || c === hash) {
        const end = text.indexOf('\n', q);
        if (end === -1) break;
        p = end + 1;
        continue;
      }
      if (q === p) {
        // Directives and document markers are the library's business, except the marker that
        // starts the chunk.
        if (c === 0x25 /* % */) bail();
        if ((c === dash || c === 0x2e) /* . */ && this.isMarker(p, c) && !(markerAllowed && c === dash))
          bail();
      }
      this.line = p;
      this.indent = q - p;
      this.content = q;
      const end = text.indexOf('\n', q);
      this.eol = end === -1 ? text.length : this.breakStart(end);
      return;
    }
    this.line = -1;
  }

  private startsMarker(at: number): boolean {
    return this.text.charCodeAt(at) === dash && this.isMarker(at, dash);
  }

  private isMarker(at: number, char: number): boolean {
    const text = this.text;
    if (text.charCodeAt(at + 1) !== char || text.charCodeAt(at + 2) !== char) return false;
    const after = text.charCodeAt(at + 3);
    return at + 3 === text.length || after === space || after === newline || after === carriageReturn;
  }

  /** Where the line break at `newlineAt` (a `\n`) starts: at its `\r` in a Windows line break. */
  private breakStart(newlineAt: number): number {
    return this.text.charCodeAt(newlineAt - 1) === carriageReturn ? newlineAt - 1 : newlineAt;
  }

  /** The position after the line break at `eol` (`\n` or `\r\n`), or the end of the text. */
  private lineEnd(eol: number): number {
    if (eol >= this.text.length) return eol;
    return this.text.charCodeAt(eol) === carriageReturn ? eol + 2 : eol + 1;
  }

  private skipSpaces(from: number): number {
    let p = from;
    while (this.text.charCodeAt(p) === space) p++;
    return p;
  }

  /** True when the current line is a sequence entry: `-` followed by a space or the line's end. */
  private isDashLine(): boolean {
    const text = this.text;
    if (text.charCodeAt(this.content) !== dash) return false;
    return this.content + 1 === this.eol || text.charCodeAt(this.content + 1) === space;
  }

  /** The block collection on the current line, which is indented more than `parentIndent`. */
  private node(parentIndent: number, path: string, depth: number): YamlNode {
    if (this.indent <= parentIndent) bail();
    return this.isDashLine() ? this.seq(this.indent, path, depth) : this.map(this.indent, path, depth);
  }

  private map(indent: number, path: string, depth: number): YamlNode {
    if (depth > this.maxDepth) bail();
    const text = this.text;
    const start = this.content;
    const entries: YamlMapEntry[] = [];
    let firstByKey: Map<string, OffsetRange> | undefined;
    for (;;) {
      const keyStart = this.content;
      const keyEnd = this.keyEnd(keyStart);
      if (keyEnd === -1) bail();
      const key = this.keyText(keyStart, keyEnd);
      const keyRange = this.range(keyStart, keyEnd);
      const entryPath = childPath(path, key);
      firstByKey = this.checkDuplicate(entries, key, keyRange, entryPath, firstByKey);
      const valueStart = this.skipSpaces(keyEnd + 1);
      let value: YamlNode;
      if (valueStart === this.eol || text.charCodeAt(valueStart) === hash) {
        this.lastLineEnd = this.lineEnd(this.eol);
        this.advanceTo(this.lastLineEnd, false);
        if (this.line !== -1 && this.indent > indent) value = this.node(indent, entryPath, depth + 1);
        else if (this.line !== -1 && this.indent === indent && this.isDashLine())
          value = this.seq(indent, entryPath, depth + 1);
        else value = this.emptyScalar(valueStart, entryPath);
      } else {
        value = this.inlineValue(valueStart, entryPath, depth + 1, indent);
      }
      entries.push({ key, keyRange, keyIsScalar: true, value });
      if (this.line === -1 || this.indent < indent) break;
      if (this.indent > indent) bail();
      if (this.isDashLine()) break;
    }
    return { kind: 'map', entries, range: this.range(start, this.collectionEnd()), path };
  }

  private seq(indent: number, path: string, depth: number): YamlNode {
    if (depth > this.maxDepth) bail();
    const text = this.text;
    const start = this.content;
    const items: YamlNode[] = [];
    for (;;) {
      const itemStart = this.skipSpaces(this.content + 1);
      const itemPath = indexPath(path, items.length);
      let item: YamlNode;
      if (itemStart === this.eol || text.charCodeAt(itemStart) === hash) {
        this.lastLineEnd = this.lineEnd(this.eol);
        this.advanceTo(this.lastLineEnd, false);
        if (this.line !== -1 && this.indent > indent) item = this.node(indent, itemPath, depth + 1);
        else item = this.emptyScalar(itemStart, itemPath);
      } else if (text.charCodeAt(itemStart) === 0x5b || text.charCodeAt(itemStart) === 0x7b) {
        // `- [a]` or `- {a: 1}`: a flow collection (or, followed by `:`, a key the library reads).
        item = this.inlineValue(itemStart, itemPath, depth + 1, indent);
      } else if (this.keyEnd(itemStart) !== -1) {
        // `- key: value`: a mapping whose keys line up with this first one.
        this.indent = itemStart - this.line;
        this.content = itemStart;
        item = this.map(this.indent, itemPath, depth + 1);
      } else {
        item = this.inlineValue(itemStart, itemPath, depth + 1, indent);
      }
      items.push(item);
      if (this.line === -1 || this.indent < indent) break;
      if (this.indent > indent) bail();
      if (!this.isDashLine()) break;
    }
    return { kind: 'seq', items, range: this.range(start, this.collectionEnd()), path };
  }

  /**
   * The end of a collection that ends here, as the library counts it: after its last content
   * line, unless its last value is empty (see the end). Comment lines between it and the next
   * content that are indented more deeply than that content are left to the library: which
   * collection's range takes them depends on how its parser attaches them.
   */
  private collectionEnd(): number {
    const text = this.text;
    const limit = this.line === -1 ? text.length : this.line;
    const nextIndent = this.line === -1 ? 0 : this.indent;
    const last = this.lastLineEnd;
    let comments = false;
    for (let p = last; p < limit;) {
      let q = p;
      while (text.charCodeAt(q) === space) q++;
      const lineBreak = text.indexOf('\n', q);
      if (q < text.length && text.charCodeAt(q) === hash) {
        if (q - p > nextIndent) bail();
        comments = true;
      }
      p = lineBreak === -1 ? text.length : lineBreak + 1;
    }
    if (this.endsEmpty === 'no') return last;
    // An empty value with a comment, or followed by comment lines, runs to the next content;
    // a bare one ends before its line break.
    if (this.endsEmpty === 'commented' || comments) return this.line === -1 ? text.length : this.content;
    return text.charCodeAt(last - 1) === newline ? this.breakStart(last - 1) : last;
  }

  /**
   * If the content at `at` is an implicit key followed by `:` and a space or the line's end,
   * the key's end (the colon's position); otherwise -1. Keys the reader does not handle bail.
   */
  private keyEnd(at: number): number {
    const text = this.text;
    const eol = this.eol;
    const first = text.charCodeAt(at);
    if (first === singleQuote || first === doubleQuote) {
      const close = this.quotedEnd(at, first);
      if (close === -1 || text.charCodeAt(close + 1) !== colon) return -1;
      return close + 2 === eol || text.charCodeAt(close + 2) === space ? close + 1 : -1;
    }
    for (let p = at; p < eol; p++) {
      const c = text.charCodeAt(p);
      if (c === colon) {
        if (p + 1 === eol || text.charCodeAt(p + 1) === space) {
          if (p === at || text.charCodeAt(p - 1) === space || !plainCanStart(text, at, eol)) bail();
          if (p - at > maxKeyLength) bail();
          return p;
        }
      } else if (c === hash && p > at && text.charCodeAt(p - 1) === space) {
        return -1;
      }
    }
    return -1;
  }

  /** The key as the model spells it (see `keyText` in parseYamlFile). */
  private keyText(start: number, end: number): string {
    const text = this.text;
    const first = text.charCodeAt(start);
    if (first === singleQuote || first === doubleQuote) return this.quotedValue(start, end - 1, first);
    return this.plainKey(start, end);
  }

  /** A plain key's spelling; the merge key `<<` is left to the library. */
  private plainKey(start: number, end: number): string {
    const source = this.text.slice(start, end);
    if (source === '<<') bail();
    return plainKeyText(source);
  }

  /** A value that starts at `at` on the current line and ends with it; then moves to the next content line. */
  private inlineValue(at: number, path: string, depth: number, parentIndent: number): YamlNode {
    const text = this.text;
    const eol = this.eol;
    const first = text.charCodeAt(at);
    if (first === 0x7c /* | */ || first === 0x3e /* > */) return this.blockScalar(at, path, parentIndent);
    let node: YamlNode;
    let end: number;
    if (first === singleQuote || first === doubleQuote) {
      ({ node, end } = this.quotedScalar(at, path));
    } else if (first === 0x5b /* [ */ || first === 0x7b /* { */) {
      ({ node, end } = this.flowCollection(at, path, depth));
    } else {
      if (!plainCanStart(text, at, eol)) bail();
      // A plain scalar runs to a comment (` #`) or the line's end; `: ` inside it is an error.
      end = eol;
      for (let p = at; p < eol; p++) {
        const c = text.charCodeAt(p);
        if (c === colon && (p + 1 === eol || text.charCodeAt(p + 1) === space)) bail();
        if (c === hash && text.charCodeAt(p - 1) === space) {
          end = p;
          break;
        }
      }
      while (text.charCodeAt(end - 1) === space) end--;
      const source = text.slice(at, end);
      node = this.scalar(plainScalarValue(source), 'plain', at, end, path);
    }
    // After a quoted scalar or a flow collection: spaces, then the line's end or a comment.
    const rest = this.skipSpaces(end);
    if (rest !== eol && !(rest > end && text.charCodeAt(rest) === hash)) bail();
    // A more indented line after it would continue a plain scalar or be an error: the callers
    // leave both to the library.
    this.lastLineEnd = this.lineEnd(eol);
    this.advanceTo(this.lastLineEnd, false);
    return node;
  }

  /**
   * A block scalar (`|`, `|-`, `|+`, `>`, `>-`, `>+`) whose indentation its first line gives. Left
   * to the library: an explicit indentation, empty lines holding spaces that could be content,
   * and in a folded scalar, lines indented more deeply (they keep their line breaks).
   */
  private blockScalar(at: number, path: string, parentIndent: number): YamlNode {
    const text = this.text;
    const folded = text.charCodeAt(at) === 0x3e;
    let p = at + 1;
    const chomp = text.charCodeAt(p);
    const keep = chomp === 0x2b; /* + */
    const strip = chomp === dash;
    if (keep || strip) p++;
    const afterHeader = this.skipSpaces(p);
    if (afterHeader !== this.eol && !(afterHeader > p && text.charCodeAt(afterHeader) === hash)) bail();
    // Every line of the scalar, the header's included, must end with a line break.
    let lineStart = this.lineEnd(this.eol);
    if (lineStart === this.eol) bail();
    const lines: string[] = [];
    let blockIndent = -1;
    let contentLines = 0;
    let lastContentEnd = -1;
    while (lineStart < text.length) {
      let q = lineStart;
      while (text.charCodeAt(q) === space) q++;
      const lineBreak = text.indexOf('\n', q);
      if (lineBreak === -1) bail();
      const contentEnd = this.breakStart(lineBreak);
      const spaces = q - lineStart;
      if (q === contentEnd) {
        if (spaces > 0 && (blockIndent === -1 || spaces > blockIndent)) bail();
        lines.push('');
      } else {
        if (blockIndent === -1) {
          if (spaces <= parentIndent) bail();
          blockIndent = spaces;
        }
        if (spaces < blockIndent) break;
        if (folded && spaces > blockIndent) bail();
        lines.push(text.slice(lineStart + blockIndent, contentEnd));
        contentLines = lines.length;
        lastContentEnd = lineBreak + 1;
      }
      lineStart = lineBreak + 1;
    }
    if (contentLines === 0) bail();
    const content = lines.slice(0, contentLines);
    let value = folded ? foldLines(content) : content.join('\n');
    if (!strip) value += '\n';
    // Keeping, the scalar takes its trailing empty lines, up to the next content.
    if (keep) value += '\n'.repeat(lines.length - contentLines);
    const end = keep ? lineStart : lastContentEnd;
    const node = this.scalar(value, 'block', at, end, path);
    this.lastLineEnd = end;
    this.advanceTo(end, false);
    return node;
  }

  /** A flow collection on one line: `[a, "b"]`, `{cpu: 100m, memory: 64Mi}`, nested. */
  private flowCollection(at: number, path: string, depth: number): { node: YamlNode; end: number } {
    if (depth > this.maxDepth) bail();
    const text = this.text;
    const isMap = text.charCodeAt(at) === 0x7b; /* { */
    const close = isMap ? 0x7d /* } */ : 0x5d; /* ] */
    const items: YamlNode[] = [];
    const entries: YamlMapEntry[] = [];
    let firstByKey: Map<string, OffsetRange> | undefined;
    let p = this.skipSpaces(at + 1);
    let end = p;
    if (text.charCodeAt(p) !== close) {
      for (;;) {
        if (isMap) {
          const keyEnd = this.flowKeyEnd(p);
          const first = text.charCodeAt(p);
          const key =
            first === singleQuote || first === doubleQuote
              ? this.quotedValue(p, keyEnd - 1, first)
              : this.plainKey(p, keyEnd);
          const keyRange = this.range(p, keyEnd);
          const entryPath = childPath(path, key);
          firstByKey = this.checkDuplicate(entries, key, keyRange, entryPath, firstByKey);
          const value = this.flowValue(this.skipSpaces(keyEnd + 1), entryPath, depth + 1);
          entries.push({ key, keyRange, keyIsScalar: true, value: value.node });
          end = value.end;
        } else {
          const item = this.flowValue(p, indexPath(path, items.length), depth + 1);
          items.push(item.node);
          end = item.end;
        }
        const next = this.skipSpaces(end);
        const c = text.charCodeAt(next);
        if (c === close) {
          end = next;
          break;
        }
        if (c !== 0x2c /* , */) bail();
        p = this.skipSpaces(next + 1);
        // A trailing comma, an empty entry or a line break inside the brackets: the library's case.
        const after = text.charCodeAt(p);
        if (p >= this.eol || after === close || after === 0x2c) bail();
      }
    }
    const range = this.range(at, end + 1);
    this.endsEmpty = 'no';
    const node: YamlNode = isMap
      ? { kind: 'map', entries, range, path }
      : { kind: 'seq', items, range, path };
    return { node, end: end + 1 };
  }

  /** A value inside a flow collection: a nested collection, a quoted scalar or a plain one. */
  private flowValue(at: number, path: string, depth: number): { node: YamlNode; end: number } {
    const text = this.text;
    const first = text.charCodeAt(at);
    if (first === 0x5b || first === 0x7b) return this.flowCollection(at, path, depth);
    if (first === singleQuote || first === doubleQuote) return this.quotedScalar(at, path);
    // Inside brackets `-` starts a plain scalar only before a character that may follow it.
    if (!plainCanStart(text, at, this.eol) || (first === dash && isFlowEnd(text.charCodeAt(at + 1)))) bail();
    let end = at;
    while (end < this.eol) {
      const c = text.charCodeAt(end);
      if (c === 0x2c /* , */ || c === 0x5d /* ] */ || c === 0x7d /* } */) break;
      if (isFlowSpecial(c)) bail();
      end++;
    }
    while (text.charCodeAt(end - 1) === space) end--;
    const source = text.slice(at, end);
    return { node: this.scalar(plainScalarValue(source), 'plain', at, end, path), end };
  }

  /** The end of a key inside braces, which `: ` must follow; anything else is the library's. */
  private flowKeyEnd(at: number): number {
    const text = this.text;
    const first = text.charCodeAt(at);
    let end: number;
    if (first === singleQuote || first === doubleQuote) {
      const close = this.quotedEnd(at, first);
      if (close === -1) bail();
      end = close + 1;
    } else {
      if (!plainCanStart(text, at, this.eol)) bail();
      end = at;
      while (end < this.eol && text.charCodeAt(end) !== colon) {
        const c = text.charCodeAt(end);
        if (c === 0x2c || c === 0x5d || c === 0x7d || c === space || isFlowSpecial(c)) bail();
        end++;
      }
    }
    if (text.charCodeAt(end) !== colon || text.charCodeAt(end + 1) !== space) bail();
    if (end - at > maxKeyLength) bail();
    return end;
  }

  /** A one-line quoted scalar starting at `at`, and the position after its closing quote. */
  private quotedScalar(at: number, path: string): { node: YamlScalar; end: number } {
    const quote = this.text.charCodeAt(at);
    const close = this.quotedEnd(at, quote);
    if (close === -1) bail();
    const style = quote === singleQuote ? 'single' : 'double';
    return {
      node: this.scalar(this.quotedValue(at, close, quote), style, at, close + 1, path),
      end: close + 1,
    };
  }

  /** The position of a quoted scalar's closing quote on the current line, or -1. */
  private quotedEnd(at: number, quote: number): number {
    const text = this.text;
    for (let p = at + 1; p < this.eol; p++) {
      const c = text.charCodeAt(p);
      if (c === quote) {
        if (quote === singleQuote && text.charCodeAt(p + 1) === singleQuote) {
          p++;
          continue;
        }
        return p;
      }
      if (c === backslash && quote === doubleQuote) {
        // JSON's escapes; YAML's others (`\x41`, `\e`, `\N`, a line break...) are the library's.
        const escaped = text.charCodeAt(p + 1);
        if (escaped === 0x75 /* u */) {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(p + 2, p + 6))) bail();
          p += 5;
        } else if (jsonEscapes.has(escaped)) {
          p++;
        } else {
          bail();
        }
      }
    }
    return -1;
  }

  /** The value of a one-line quoted scalar from its opening to its closing quote. */
  private quotedValue(open: number, close: number, quote: number): string {
    const inner = this.text.slice(open + 1, close);
    if (quote === singleQuote) return inner.includes("''") ? inner.replaceAll("''", "'") : inner;
    // `quotedEnd` let through only the escapes YAML and JSON share, with the same meaning.
    return inner.includes('\\') ? (JSON.parse(`"${inner}"`) as string) : inner;
  }

  private scalar(
    value: string | number | boolean | null,
    style: ScalarStyle,
    start: number,
    end: number,
    path: string,
  ): YamlScalar {
    this.endsEmpty = 'no';
    return { kind: 'scalar', value, style, tag: null, range: this.range(start, end), path };
  }

  /** The null scalar the library puts where a missing value would start. */
  private emptyScalar(at: number, path: string): YamlScalar {
    const scalar = this.scalar(null, 'plain', at, at, path);
    this.endsEmpty = this.text.charCodeAt(at) === hash ? 'commented' : 'bare';
    return scalar;
  }

  private range(start: number, end: number): OffsetRange {
    const offset = this.at.offset;
    return { start: start + offset, end: end + offset };
  }

  /** Reports a repeated key as the library-based reader does; returns the key index when one is kept. */
  private checkDuplicate(
    entries: readonly YamlMapEntry[],
    key: string,
    keyRange: OffsetRange,
    path: string,
    index: Map<string, OffsetRange> | undefined,
  ): Map<string, OffsetRange> | undefined {
    let first: OffsetRange | undefined;
    let byKey = index;
    if (!byKey && entries.length >= 16) {
      byKey = new Map();
      for (const entry of entries) if (!byKey.has(entry.key)) byKey.set(entry.key, entry.keyRange);
    }
    if (byKey) {
      first = byKey.get(key);
      if (!first) byKey.set(key, keyRange);
    } else {
      first = entries.find((entry) => entry.key === key)?.keyRange;
    }
    if (first) this.problems.push(duplicateKeyProblem(key, path, keyRange, first, this.at.documentIndex));
    return byKey;
  }
}

/**
 * The lines of a folded block scalar, all at its indentation: a line break between two lines
 * becomes a space, and each empty line between them a line break.
 */
function foldLines(lines: readonly string[]): string {
  let value = '';
  let empty = 0;
  for (const [index, line] of lines.entries()) {
    if (line === '') {
      empty++;
      continue;
    }
    if (index > 0) value += empty > 0 ? '\n'.repeat(empty) : ' ';
    empty = 0;
    value += line;
  }
  return value;
}

/**
 * True when a plain scalar may start at `at`: not with an indicator, except `-` before a
 * non-space (`-1`, `--flag`). `?` and `:` before a non-space are valid YAML too, but rare
 * enough to leave to the library.
 */
function plainCanStart(text: string, at: number, eol: number): boolean {
  const c = text.charCodeAt(at);
  if (c === dash) return at + 1 < eol && text.charCodeAt(at + 1) !== space;
  return !isIndicator(c);
}

function isIndicator(c: number): boolean {
  switch (c) {
    case 0x3f /* ? */:
    case colon:
    case 0x2c /* , */:
    case 0x5b /* [ */:
    case 0x5d /* ] */:
    case 0x7b /* { */:
    case 0x7d /* } */:
    case hash:
    case 0x26 /* & */:
    case 0x2a /* * */:
    case 0x21 /* ! */:
    case 0x7c /* | */:
    case 0x3e /* > */:
    case singleQuote:
    case doubleQuote:
    case 0x25 /* % */:
    case 0x40 /* @ */:
    case 0x60 /* ` */:
    case dash:
    case space:
      return true;
    default:
      return false;
  }
}

function isFlowEnd(c: number): boolean {
  return c === 0x2c || c === 0x5d || c === 0x5b || c === 0x7b || c === 0x7d;
}

/** Characters a plain scalar inside brackets may not hold (or that the reader leaves to the library). */
function isFlowSpecial(c: number): boolean {
  return (
    c === colon ||
    c === hash ||
    c === 0x5b ||
    c === 0x7b ||
    c === 0x7d ||
    c === singleQuote ||
    c === doubleQuote
  );
}
