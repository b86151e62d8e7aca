/**
 * The shapes a file's YAML is read into: the model of a file and of one chunk of it, the problems
 * found reading them and the limits that bound the work. Shared by both readers (`parseYamlFile.ts`
 * and the plain-YAML reader `simpleYaml.ts`), which is why they live apart from either.
 */

import type { OffsetRange } from '../text/offsetRange';
import type { YamlDocumentModel } from './yamlModel';

/** Limits that keep parsing bounded on hostile input; the server's settings can raise the size. */
export interface YamlLimits {
  /** Files longer than this many UTF-16 code units are not parsed. */
  readonly maxFileLength: number;
  /** Nodes nested deeper than this are not modelled. */
  readonly maxDepth: number;
  /** At most this many syntax problems are reported per file. */
  readonly maxSyntaxProblems: number;
}

/** The default limits. */
export const defaultYamlLimits: YamlLimits = {
  maxFileLength: 2 * 1024 * 1024,
  maxDepth: 200,
  maxSyntaxProblems: 50,
};

/** A problem found while reading the YAML itself, before any Kubernetes rule runs. */
export type YamlProblem =
  | {
      readonly kind: 'syntax';
      readonly yamlCode: string;
      readonly detail: string;
      readonly range: OffsetRange;
      readonly document: number;
    }
  | {
      readonly kind: 'duplicateKey';
      readonly key: string;
      readonly path: string;
      readonly range: OffsetRange;
      readonly firstRange: OffsetRange;
      readonly document: number;
    }
  | {
      readonly kind: 'nonScalarKey';
      readonly path: string;
      readonly range: OffsetRange;
      readonly document: number;
    }
  | {
      readonly kind: 'tooDeep';
      readonly depth: number;
      readonly path: string;
      readonly range: OffsetRange;
      readonly document: number;
    }
  | {
      readonly kind: 'excessiveAliasing';
      readonly expandedNodes: number;
      readonly range: OffsetRange;
      readonly document: number;
    }
  | {
      readonly kind: 'tooManyProblems';
      readonly omitted: number;
      readonly range: OffsetRange;
      readonly document: number;
    }
  | {
      readonly kind: 'tooLarge';
      readonly length: number;
      readonly limit: number;
      readonly range: OffsetRange;
    }
  | { readonly kind: 'binary'; readonly range: OffsetRange }
  | { readonly kind: 'internal'; readonly detail: string; readonly range: OffsetRange };

/** The YAML model of a whole file: its documents and the problems found reading them. */
export interface YamlFileModel {
  readonly documents: readonly YamlDocumentModel[];
  readonly problems: readonly YamlProblem[];
}

/**
 * The documents of one stretch of a file, parsed on their own: the whole file, or the text from
 * one `---` marker to the next (see `splitYamlDocuments`). Ranges are offsets into the file and
 * document indexes count from the file's first document.
 */
export interface YamlChunkModel {
  readonly documents: readonly YamlDocumentModel[];
  /** Syntax problems, in source order and not yet limited to `maxSyntaxProblems`. */
  readonly syntaxProblems: readonly YamlProblem[];
  /** Every other problem: duplicate keys, non-scalar keys, depth, aliasing. */
  readonly problems: readonly YamlProblem[];
  /** Syntax problems outside any document, reported only for a file without documents. */
  readonly streamProblems: readonly YamlProblem[];
  /**
   * True when the chunk swallowed the `---` marker after it (a quoted scalar left open reads on
   * to the next quote, wherever it is): the file must then be parsed whole.
   */
  readonly crossesMarker: boolean;
  /** Set when a collection nests too deep to compose safely: the whole file is then not modelled. */
  readonly tooDeep: YamlProblem | undefined;
}

/** Where a chunk sits in its file. */
export interface ChunkPosition {
  /** The chunk's first character's offset in the file. */
  readonly offset: number;
  /** The index in the file of the chunk's first document. */
  readonly documentIndex: number;
  /**
   * True when a `---` marker follows the chunk in the file. The marker ends whatever the chunk
   * left open (a flow collection, a quoted scalar) in a particular way, so the chunk is parsed
   * with it.
   */
  readonly beforeMarker?: boolean;
}

/** A repeated key, with copies of both ranges: problems own their ranges, apart from the model's (see `moveDocuments`). */
export function duplicateKeyProblem(
  key: string,
  path: string,
  range: OffsetRange,
  firstRange: OffsetRange,
  document: number,
): YamlProblem {
  return { kind: 'duplicateKey', key, path, range: { ...range }, firstRange: { ...firstRange }, document };
}

/**
 * The syntax problems a file reports: the first `maxSyntaxProblems`, then one `tooManyProblems`
 * in place of the rest (at the first one left out), so a broken file gets a readable list.
 */
export function limitSyntaxProblems(
  syntaxProblems: readonly YamlProblem[],
  limits: YamlLimits,
): YamlProblem[] {
  const shown = syntaxProblems.slice(0, limits.maxSyntaxProblems);
  if (syntaxProblems.length > shown.length) {
    const last = syntaxProblems[shown.length];
    if (last && last.kind === 'syntax') {
      shown.push({
        kind: 'tooManyProblems',
        omitted: syntaxProblems.length - shown.length,
        range: { ...last.range },
        document: last.document,
      });
    }
  }
  return shown;
}
