import type { TextDocumentContentChangeEvent, TextDocumentsConfiguration } from 'vscode-languageserver/node';
import type { Position, Range, TextDocument } from 'vscode-languageserver-textdocument';
import { SplitYamlText } from '../core/yaml/splitYamlText';

/**
 * An open document, its text kept by YAML document (`SplitYamlText`) rather than as one string,
 * so that an edit of a large file copies one document's text, not the whole file's. It behaves
 * as vscode-languageserver-textdocument's `TextDocument` does, change by change; the analysis
 * reads `text.chunks`, and the whole text is joined only when a feature asks for it.
 */
export class PodlineDocument implements TextDocument {
  readonly text: SplitYamlText;

  constructor(
    readonly uri: string,
    readonly languageId: string,
    private currentVersion: number,
    content: string,
  ) {
    this.text = new SplitYamlText(content);
  }

  get version(): number {
    return this.currentVersion;
  }

  get lineCount(): number {
    return this.text.lineCount;
  }

  getText(range?: Range): string {
    if (!range) return this.text.getText();
    return this.text.getText(this.offsetAt(range.start), this.offsetAt(range.end));
  }

  positionAt(offset: number): Position {
    return this.text.positionAt(offset);
  }

  offsetAt(position: Position): number {
    return this.text.offsetAt(position);
  }

  getLineRange(line: number): Range {
    const last = this.lineCount - 1;
    if (line > last) {
      return { start: { line: last, character: 0 }, end: this.positionAt(this.text.length) };
    }
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return { start: { line, character: 0 }, end: this.positionAt(this.lineEnd(line)) };
  }

  getEOLCharacters(line: number): string {
    if (line < 0 || line >= this.lineCount) return '';
    return this.text.getText(this.lineEnd(line), this.nextLineStart(line));
  }

  /** Applies the changes of one `didChange` in order, as `TextDocument.update` does. */
  update(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    for (const change of changes) {
      if (isIncremental(change)) {
        const { start, end } = wellFormed(change.range);
        this.text.edit(this.offsetAt(start), this.offsetAt(end), change.text);
      } else if (isFull(change)) {
        this.text.replaceAll(change.text);
      } else {
        throw new Error('Unknown change event received');
      }
    }
    this.currentVersion = version;
  }

  /** The offset after the last character of a line, before its line break. */
  private lineEnd(line: number): number {
    const start = this.offsetAt({ line, character: 0 });
    let end = this.nextLineStart(line);
    while (end > start && isLineBreak(this.text.charCodeAt(end - 1))) end--;
    return end;
  }

  private nextLineStart(line: number): number {
    return line + 1 < this.lineCount ? this.offsetAt({ line: line + 1, character: 0 }) : this.text.length;
  }
}

/** Podline's documents for `TextDocuments`. */
export const podlineDocuments: TextDocumentsConfiguration<PodlineDocument> = {
  create: (uri, languageId, version, content) => new PodlineDocument(uri, languageId, version, content),
  update: (document, changes, version) => {
    document.update(changes, version);
    return document;
  },
};

function isLineBreak(code: number): boolean {
  return code === 10 || code === 13;
}

function isIncremental(
  change: TextDocumentContentChangeEvent,
): change is { range: Range; rangeLength?: number; text: string } {
  const candidate = change as { range?: Range; rangeLength?: unknown; text?: unknown } | null | undefined;
  return (
    candidate !== undefined &&
    candidate !== null &&
    typeof candidate.text === 'string' &&
    candidate.range !== undefined &&
    (candidate.rangeLength === undefined || typeof candidate.rangeLength === 'number')
  );
}

function isFull(change: TextDocumentContentChangeEvent): change is { text: string } {
  const candidate = change as { range?: Range; rangeLength?: unknown; text?: unknown } | null | undefined;
  return (
    candidate !== undefined &&
    candidate !== null &&
    typeof candidate.text === 'string' &&
    candidate.range === undefined &&
    candidate.rangeLength === undefined
  );
}

function wellFormed(range: Range): Range {
  const { start, end } = range;
  if (start.line > end.line || (start.line === end.line && start.character > end.character)) {
    return { start: end, end: start };
  }
  return range;
}
