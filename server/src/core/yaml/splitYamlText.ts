import { lineStarts, ownCopy } from '../text/offsetRange';
import type { LineCharacter } from '../text/offsetRange';
import { countLineBreaks, splitYamlDocuments } from './yamlChunks';
import type { TextChunk } from './yamlChunks';

/**
 * A file's text kept as the chunks `splitYamlDocuments` cuts it into (one chunk when it cannot
 * be cut), edited in place: an edit replaces the chunks it touches and their neighbours, cut
 * again, and leaves every other chunk the same string. So a keystroke in a large file allocates
 * about one document's text, not a copy of the whole file, and the analysis finds every other
 * chunk unchanged by identity. Positions count lines and characters as LSP does (`\r\n`, `\n`
 * and a lone `\r` end a line), with the clamping of vscode-languageserver-textdocument's
 * `TextDocument`, which the tests hold this class to (`test/unit/splitYamlText.test.ts`).
 *
 * The text is joined only when asked for whole, and the join is kept until the next edit.
 */
export class SplitYamlText {
  private pieces: string[] = [''];
  /** False when `splitYamlDocuments` refuses the text: it is then one piece. */
  private split = true;
  /** Each piece's offset in the text and its first line. */
  private starts: number[] = [0];
  private firstLines: number[] = [0];
  /** Each piece's line breaks, as LSP counts them. */
  private pieceLineBreaks: number[] = [0];
  /** Each piece's line starts, relative to the piece, built when a position in it is asked for. */
  private pieceLineStarts: (number[] | undefined)[] = [undefined];
  private totalLength = 0;
  private totalLines = 1;
  private joined: string | undefined;
  private chunkList: TextChunk[] | undefined;

  constructor(text: string) {
    this.replaceAll(text);
  }

  /** The text's length in UTF-16 code units. */
  get length(): number {
    return this.totalLength;
  }

  /** The number of lines, counting an empty last line. */
  get lineCount(): number {
    return this.totalLines;
  }

  /** The chunks `splitYamlDocuments` gives for the text, or undefined when it gives none. */
  get chunks(): readonly TextChunk[] | undefined {
    if (!this.split) return undefined;
    this.chunkList ??= this.pieces.map((text, index) => ({
      offset: this.starts[index] ?? 0,
      text,
      ownText: true,
    }));
    return this.chunkList;
  }

  /** The text from `start` to `end` (the whole text by default). */
  getText(start = 0, end = this.totalLength): string {
    if (start <= 0 && end >= this.totalLength) {
      this.joined ??= this.pieces.length === 1 ? (this.pieces[0] ?? '') : this.pieces.join('');
      return this.joined;
    }
    if (this.joined !== undefined) return this.joined.slice(start, end);
    const from = Math.max(0, start);
    const to = Math.min(this.totalLength, end);
    if (to <= from) return '';
    const first = this.pieceAt(from);
    const last = this.pieceAt(to - 1);
    if (first === last)
      return (this.pieces[first] ?? '').slice(from - this.startOf(first), to - this.startOf(first));
    const parts = [(this.pieces[first] ?? '').slice(from - this.startOf(first))];
    for (let index = first + 1; index < last; index++) parts.push(this.pieces[index] ?? '');
    parts.push((this.pieces[last] ?? '').slice(0, to - this.startOf(last)));
    return parts.join('');
  }

  /** The UTF-16 code unit at `offset`, NaN outside the text. */
  charCodeAt(offset: number): number {
    if (offset < 0 || offset >= this.totalLength) return NaN;
    const index = this.pieceAt(offset);
    return (this.pieces[index] ?? '').charCodeAt(offset - this.startOf(index));
  }

  /** Replaces the whole text. */
  replaceAll(text: string): void {
    const chunks = splitYamlDocuments(text);
    this.split = chunks !== undefined;
    this.pieces = chunks ? chunks.map((chunk) => ownCopy(chunk.text)) : [text];
    this.pieceLineStarts = new Array<number[] | undefined>(this.pieces.length);
    this.pieceLineBreaks = this.pieces.map(countLineBreaks);
    this.reindex();
    // Joining the pieces again would give an equal string: keep the one given.
    this.joined = text;
  }

  /** Replaces the text from `start` to `end` with `text`. */
  edit(start: number, end: number, text: string): void {
    const from = Math.max(0, Math.min(start, end, this.totalLength));
    const to = Math.min(this.totalLength, Math.max(start, end));
    if (!this.split) {
      const whole = this.getText();
      this.replaceAll(whole.slice(0, from) + text + whole.slice(to));
      return;
    }
    // The pieces the edit touches and one on each side: a marker line made, or unmade, at either
    // end of the edit changes where the neighbours start or end, and no further.
    const low = Math.max(0, this.pieceAt(from) - 1);
    const high = Math.min(this.pieces.length - 1, this.pieceAt(to) + 1);
    const spanStart = this.startOf(low);
    const span = this.pieces.slice(low, high + 1).join('');
    const edited = span.slice(0, from - spanStart) + text + span.slice(to - spanStart);
    const chunks = splitYamlDocuments(edited);
    if (!chunks) {
      // A directive or a document end marker now ties documents together: one piece.
      const whole = this.getText();
      this.replaceAll(whole.slice(0, from) + text + whole.slice(to));
      return;
    }
    const replacement = chunks.map((chunk) => ownCopy(chunk.text));
    // An empty span that stays empty (the whole text deleted) is the one piece of an empty text.
    if (this.pieces.length > high - low + 1 && replacement.length === 1 && replacement[0] === '') {
      replacement.length = 0;
    }
    // The pieces not edited keep their line starts.
    this.pieces.splice(low, high - low + 1, ...replacement);
    this.pieceLineStarts.splice(low, high - low + 1, ...new Array<undefined>(replacement.length));
    this.pieceLineBreaks.splice(low, high - low + 1, ...replacement.map(countLineBreaks));
    this.reindex();
  }

  /** The position of an offset, clamped into the text and kept before a line's end. */
  positionAt(offset: number): LineCharacter {
    const clamped = Math.max(0, Math.min(offset, this.totalLength));
    const index = this.pieceAt(clamped);
    const piece = this.pieces[index] ?? '';
    const starts = this.lineStartsOf(index);
    const local = clamped - this.startOf(index);
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((starts[mid] ?? 0) <= local) low = mid;
      else high = mid - 1;
    }
    const lineStart = starts[low] ?? 0;
    return {
      line: (this.firstLines[index] ?? 0) + low,
      character: beforeLineEnd(piece, local, lineStart) - lineStart,
    };
  }

  /** The offset of a position, clamped to the text and to the position's line, before its end. */
  offsetAt(position: LineCharacter): number {
    if (position.line >= this.totalLines) return this.totalLength;
    if (position.line < 0) return 0;
    const index = this.pieceOfLine(position.line);
    const piece = this.pieces[index] ?? '';
    const starts = this.lineStartsOf(index);
    const line = position.line - (this.firstLines[index] ?? 0);
    const lineStart = starts[line] ?? 0;
    if (position.character <= 0) return this.startOf(index) + lineStart;
    const next = starts[line + 1] ?? piece.length;
    const local = Math.min(lineStart + position.character, next);
    return this.startOf(index) + beforeLineEnd(piece, local, lineStart);
  }

  private startOf(index: number): number {
    return this.starts[index] ?? 0;
  }

  /** The piece holding `offset`: the last one starting at or before it. */
  private pieceAt(offset: number): number {
    return lastAtOrBefore(this.starts, offset);
  }

  /** The piece holding line `line`: the last one starting on or before it. */
  private pieceOfLine(line: number): number {
    return lastAtOrBefore(this.firstLines, line);
  }

  private lineStartsOf(index: number): number[] {
    let starts = this.pieceLineStarts[index];
    if (!starts) {
      starts = lineStarts(this.pieces[index] ?? '');
      this.pieceLineStarts[index] = starts;
    }
    return starts;
  }

  /** Recomputes where the pieces start; the per-piece lists must already hold one entry per piece. */
  private reindex(): void {
    const count = this.pieces.length;
    const starts = new Array<number>(count);
    const firstLines = new Array<number>(count);
    let offset = 0;
    let line = 0;
    for (let index = 0; index < count; index++) {
      const piece = this.pieces[index] ?? '';
      starts[index] = offset;
      firstLines[index] = line;
      offset += piece.length;
      // Every piece but the last ends with a line break (a marker line follows it), so its last
      // line start is the next piece's first: it adds its line breaks.
      line += this.pieceLineBreaks[index] ?? 0;
    }
    this.starts = starts;
    this.firstLines = firstLines;
    this.totalLength = offset;
    this.totalLines = line + 1;
    this.joined = undefined;
    this.chunkList = undefined;
  }
}

/** The index of the last value at or before `target` in an ascending list that starts at 0. */
function lastAtOrBefore(values: readonly number[], target: number): number {
  let low = 0;
  let high = values.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((values[mid] ?? 0) <= target) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** Moves an offset back over the line break it stands after or inside, not before `lineStart`. */
function beforeLineEnd(text: string, offset: number, lineStart: number): number {
  let at = offset;
  while (at > lineStart) {
    const code = text.charCodeAt(at - 1);
    if (code !== 10 && code !== 13) break;
    at--;
  }
  return at;
}

/** A file's text: a string, or the editor's text kept by YAML document. */
export type FileText = string | SplitYamlText;

/** The whole text, joined if it is kept by document. */
export function wholeText(text: FileText): string {
  return typeof text === 'string' ? text : text.getText();
}

/** The first `length` characters of the text, at most. */
export function textHead(text: FileText, length: number): string {
  return typeof text === 'string' ? text.slice(0, length) : text.getText(0, length);
}

/**
 * Whether the text holds `needle`, searched chunk by chunk when it is kept by document: a needle
 * without a line break or a `-` cannot straddle two chunks (each after the first starts with a
 * `---` line).
 */
export function textIncludes(text: FileText, needle: string): boolean {
  if (typeof text === 'string') return text.includes(needle);
  const chunks = text.chunks;
  if (!chunks || /[\r\n-]/.test(needle)) return text.getText().includes(needle);
  return chunks.some((chunk) => chunk.text.includes(needle));
}
