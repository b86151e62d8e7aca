import type { OffsetRange } from '../text/offsetRange';
import type { YamlChunkModel, YamlProblem } from './parseYamlFile';
import type { YamlNode } from './yamlModel';

/** A stretch of a file that holds whole YAML documents, and where it starts. */
export interface TextChunk {
  readonly offset: number;
  readonly text: string;
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
  const chunks: TextChunk[] = [];
  let chunkStart = 0;
  let lineStart = 0;
  while (lineStart < text.length) {
    const first = text.charCodeAt(lineStart);
    if (first === 0x25 /* % */) return undefined;
    if ((first === 0x2d /* - */ || first === 0x2e) /* . */ && isMarker(text, lineStart, first)) {
      if (first === 0x2e) return undefined;
      if (lineStart > chunkStart)
        chunks.push({ offset: chunkStart, text: text.slice(chunkStart, lineStart) });
      chunkStart = lineStart;
    }
    const newline = text.indexOf('\n', lineStart);
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  if (chunkStart < text.length || chunks.length === 0)
    chunks.push({ offset: chunkStart, text: text.slice(chunkStart) });
  return chunks;
}

/** `---` or `...` followed by a space, a tab, a line break or the end: the lexer's test. */
function isMarker(text: string, at: number, char: number): boolean {
  if (text.charCodeAt(at + 1) !== char || text.charCodeAt(at + 2) !== char) return false;
  const after = text[at + 3];
  return after === undefined || after === ' ' || after === '\t' || after === '\n' || after === '\r';
}

/** The writable view of a range that `moveYamlChunk` moves in place. */
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
 * Moves a chunk's model after the text before it changed: ranges by `delta` characters and
 * document indexes by `indexDelta`. In place, allocating nothing, because a large file has
 * hundreds of thousands of nodes after a keystroke: the chunk must own every range object
 * in it, and whoever holds the chunk sees it move.
 */
export function moveYamlChunk(chunk: YamlChunkModel, delta: number, indexDelta: number): void {
  for (const document of chunk.documents) {
    (document as { index: number }).index += indexDelta;
    moveRange(document.range, delta);
    moveNodes(document.root, delta);
  }
  for (const problems of [chunk.syntaxProblems, chunk.problems, chunk.streamProblems]) {
    for (const problem of problems) moveProblem(problem, delta, indexDelta);
  }
  if (chunk.tooDeep) moveProblem(chunk.tooDeep, delta, indexDelta);
}

function moveProblem(problem: YamlProblem, delta: number, indexDelta: number): void {
  moveRange(problem.range, delta);
  if ('document' in problem) (problem as { document: number }).document += indexDelta;
  if (problem.kind === 'duplicateKey') moveRange(problem.firstRange, delta);
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
