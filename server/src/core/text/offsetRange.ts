/** A half-open range of UTF-16 offsets into a document's text, as JavaScript strings index it. */
export interface OffsetRange {
  readonly start: number;
  readonly end: number;
}

/** A zero-based line and UTF-16 character, as LSP positions count them. */
export interface LineCharacter {
  readonly line: number;
  readonly character: number;
}

/** One line of a text, without its line break, and the offset it starts at. */
export interface TextLine {
  readonly start: number;
  readonly text: string;
}

/** The line of `text` that holds `offset` (clamped into the text), as LSP counts lines. */
export function lineAt(text: string, offset: number): TextLine {
  const index = new LineIndex(text);
  const { line } = index.positionAt(offset);
  const start = index.lineStart(line);
  let end = line + 1 < index.lineCount ? index.lineStart(line + 1) : text.length;
  while (end > start && (text.charCodeAt(end - 1) === 10 || text.charCodeAt(end - 1) === 13)) end--;
  return { start, text: text.slice(start, end) };
}

/** Maps offsets to LSP-style line/character positions and back, in O(log lines). */
export class LineIndex {
  private readonly lineStarts: number[];

  constructor(private readonly text: string) {
    this.lineStarts = lineStarts(text);
  }

  /** The number of lines, counting an empty last line. */
  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** The position of `offset`, clamped into the text. */
  positionAt(offset: number): LineCharacter {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.lineStarts[mid] ?? 0) <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - (this.lineStarts[low] ?? 0) };
  }

  /** The offset of `position`, clamped to its line and to the text. */
  offsetAt(position: LineCharacter): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[position.line] ?? 0;
    const next = this.lineStarts[position.line + 1] ?? this.text.length;
    return Math.max(start, Math.min(start + position.character, next));
  }

  /** The offset where line `line` starts. */
  lineStart(line: number): number {
    return this.lineStarts[Math.max(0, Math.min(line, this.lineStarts.length - 1))] ?? 0;
  }
}

/** The offsets where the lines of `text` start, the first at 0; LSP counts \r\n, \n and a lone \r as line ends. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10) starts.push(i + 1);
    else if (code === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/** A copy of a string that shares no memory with it: a slice keeps the whole string it came from alive. */
export function ownCopy(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}
