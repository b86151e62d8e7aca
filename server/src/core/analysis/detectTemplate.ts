import type { OffsetRange } from '../text/offsetRange';
import type { YamlDocumentModel, YamlNode } from '../yaml/yamlModel';

/** Where a file shows that it is a template (Jinja, Helm, Go templates) rather than a manifest. */
export interface TemplateMarker {
  readonly range: OffsetRange;
  readonly marker: string;
}

const markerPattern = /\{%-?[\s\S]*?-?%\}|\{\{-?[\s\S]*?-?\}\}/g;

/**
 * Recognises a template: a `{% %}` block anywhere outside comments, or a `{{ }}` expression in a
 * plain scalar or outside any value. `{{ }}` inside a quoted or block string is left alone,
 * because real manifests carry Go templates there (`kubectl -o go-template='{{.metadata.name}}'`).
 */
export function detectTemplate(
  text: string,
  documentsAt: (offset: number) => readonly YamlDocumentModel[],
): TemplateMarker | undefined {
  markerPattern.lastIndex = 0;
  for (let match = markerPattern.exec(text); match; match = markerPattern.exec(text)) {
    const start = match.index;
    if (isInComment(text, start)) continue;
    const range = { start, end: start + match[0].length };
    if (match[0].startsWith('{%')) return { range, marker: match[0] };
    // Only a scalar of the document the marker starts in can hold it.
    const quotedRanges = collectQuotedRanges(documentsAt(start));
    if (!quotedRanges.some((quoted) => quoted.start <= start && start < quoted.end))
      return { range, marker: match[0] };
  }
  return undefined;
}

function isInComment(text: string, offset: number): boolean {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /(^|\s)#/.test(text.slice(lineStart, offset));
}

function collectQuotedRanges(documents: readonly YamlDocumentModel[]): OffsetRange[] {
  const ranges: OffsetRange[] = [];
  const stack: (YamlNode | null)[] = documents.map((document) => document.root);
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node) continue;
    if (node.kind === 'scalar' && node.style !== 'plain') ranges.push(node.range);
    else if (node.kind === 'seq') stack.push(...node.items);
    else if (node.kind === 'map') for (const entry of node.entries) stack.push(entry.value);
  }
  return ranges;
}
