import type { OffsetRange } from '../text/offsetRange';
import type { YamlDocumentModel, YamlNode } from './yamlModel';

/** A stretch of a file that holds whole YAML documents, and where it starts. */
export interface TextChunk {
  readonly offset: number;
  readonly text: string;
  /** True when the text is a string of its own, not a slice that keeps the whole file alive. */
  readonly ownText?: boolean;
}

/**
 * Splits a file before each `---` marker line. The yaml library's lexer starts a new document at
 * such a line whatever came before it (a block scalar, a flow collection or a quoted scalar all
 * end there), and anchors never reach across documents, so each chunk parses on its own exactly
 * as it does inside the file. Undefined when the file has a directive line (`%YAML`, `%TAG`) or a
 * document end marker (`...`), which tie neighbouring documents together: such a file is parsed
 * whole.
 */
export function splitYamlDocuments(text: string): TextChunk[] | undefined {
  // Only lines starting with `%`, `-` or `.` matter: the search jumps from one to the next
  // instead of walking every line of a large file.
  if (text.charCodeAt(0) === 0x25 /* % */ || text.includes('\n%')) return undefined;
  const chunks: TextChunk[] = [];
  let chunkStart = 0;
  const consider = (lineStart: number): boolean => {
    const first = text.charCodeAt(lineStart);
    if ((first === 0x2d /* - */ || first === 0x2e) /* . */ && isMarker(text, lineStart, first)) {
      if (first === 0x2e) return false;
      if (lineStart > chunkStart)
        chunks.push({ offset: chunkStart, text: text.slice(chunkStart, lineStart) });
      chunkStart = lineStart;
    }
    return true;
  };
  if (!consider(0)) return undefined;
  for (let at = text.indexOf('\n---'); at !== -1; at = text.indexOf('\n---', at + 4)) consider(at + 1);
  for (let at = text.indexOf('\n...'); at !== -1; at = text.indexOf('\n...', at + 4)) {
    if (isMarker(text, at + 1, 0x2e)) return undefined;
  }
  if (chunkStart < text.length || chunks.length === 0)
    chunks.push({ offset: chunkStart, text: text.slice(chunkStart) });
  return chunks;
}

/**
 * `splitYamlDocuments` for a new version of a file split before into `previous` (the chunks'
 * texts, in order): the chunks found unchanged at the start and at the end of the file are
 * taken as they are, and only the text between them is searched for markers. A keystroke in a
 * large file then costs a comparison of each chunk's text, not a search of the whole file.
 */
export function splitYamlDocumentsAfter(text: string, previous: readonly string[]): TextChunk[] | undefined {
  const head: TextChunk[] = [];
  let start = 0;
  for (const chunk of previous) {
    const end = start + chunk.length;
    if (end > text.length) break;
    const same = text.slice(start, end);
    // The chunk ends where it ended before only if a marker line, or the end of the file, follows.
    if (
      same !== chunk ||
      (end < text.length && !(text.charCodeAt(end - 1) === 0x0a && isMarker(text, end, 0x2d)))
    )
      break;
    head.push({ offset: start, text: same });
    start = end;
  }
  if (start === text.length && head.length > 0) return head;
  const tail: TextChunk[] = [];
  let end = text.length;
  for (let index = previous.length - 1; index >= head.length; index--) {
    const chunk = previous[index] as string;
    const chunkStart = end - chunk.length;
    if (chunkStart <= start) break;
    const same = text.slice(chunkStart, end);
    // Every chunk but the file's first starts with a marker line.
    if (same !== chunk || text.charCodeAt(chunkStart - 1) !== 0x0a || !isMarker(text, chunkStart, 0x2d))
      break;
    tail.push({ offset: chunkStart, text: same });
    end = chunkStart;
  }
  const middle = splitYamlDocuments(text.slice(start, end));
  if (!middle) return undefined;
  const between =
    start === end ? [] : middle.map((chunk) => ({ offset: chunk.offset + start, text: chunk.text }));
  return [...head, ...between, ...tail.reverse()];
}

/** The number of line breaks in a text as LSP counts them: `\r\n`, `\n` and a lone `\r`. */
export function countLineBreaks(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) count++;
  if (!text.includes('\r')) return count;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) !== 10) count++;
  }
  return count;
}

/** `---` or `...` followed by a space, a tab, a line break or the end: the lexer's test. */
function isMarker(text: string, at: number, char: number): boolean {
  if (text.charCodeAt(at + 1) !== char || text.charCodeAt(at + 2) !== char) return false;
  const after = text[at + 3];
  return after === undefined || after === ' ' || after === '\t' || after === '\n' || after === '\r';
}

/** The writable view of a range that `moveDocuments` moves in place. */
interface MovableRange {
  start: number;
  end: number;
}

/** Moves a range by `delta` characters, in place. */
export function moveRange(range: OffsetRange, delta: number): void {
  const movable = range as MovableRange;
  movable.start += delta;
  movable.end += delta;
}

/**
 * Moves a chunk's documents to another place in the file: ranges by `delta` characters and
 * document indexes by `indexDelta`. In place, allocating nothing: the chunk must own every
 * range object in its documents, and whoever holds the documents sees them move.
 */
export function moveDocuments(
  documents: readonly YamlDocumentModel[],
  delta: number,
  indexDelta: number,
): void {
  for (const document of documents) {
    (document as { index: number }).index += indexDelta;
    moveRange(document.range, delta);
    moveNodes(document.root, delta);
  }
}

/** Moves every node of a tree; an alias's target is a node of the tree, moved where it stands. */
function moveNodes(root: YamlNode | null, delta: number): void {
  const stack: (YamlNode | null)[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node) continue;
    moveRange(node.range, delta);
    if (node.kind === 'seq') {
      for (const item of node.items) stack.push(item);
    } else if (node.kind === 'map') {
      for (const entry of node.entries) {
        moveRange(entry.keyRange, delta);
        stack.push(entry.value);
      }
    }
  }
}
