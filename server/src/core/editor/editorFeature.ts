import type { AnalysisResult } from '../analysis/analyzeDocument';
import type { Locale } from '../l10n';
import type { KubernetesVersion } from '../schema/kubernetesVersions';
import type { PodlineSettings } from '../settings';
import type { OffsetRange, TextLine } from '../text/offsetRange';
import type { Workload } from '../workload/recognizeWorkload';
import type { YamlNode } from '../yaml/yamlModel';

import type { ReportError } from '../findings/reportError';

export type { ReportError };

/**
 * What every editor feature of the core (hover, code lens, completion, symbols) is given. The
 * core has no clock and no environment: the LSP layer passes the current instant and the user's
 * local time zone, so the features stay pure and testable with fixed values.
 */
export interface EditorContext {
  /** The line that holds an offset, without its line break (the document is not joined whole for it). */
  readonly lineAt: (offset: number) => TextLine;
  readonly analysis: AnalysisResult;
  readonly settings: PodlineSettings;
  readonly locale: Locale;
  readonly kubernetesVersion: KubernetesVersion;
  /** The current instant, epoch milliseconds. */
  readonly now: number;
  /** The user's IANA time zone (the machine the editor runs on), for "your local time". */
  readonly localTimeZone: string;
  /**
   * Told of a provider that threw: the others still answer, and the failure is not hidden. A
   * provider returns nothing for input that is not its business; a throw is always a bug.
   */
  readonly reportError: ReportError;
}

/** A position in a document and what is there. */
export interface PositionContext extends EditorContext {
  readonly offset: number;
  /** The innermost YAML node at the offset, and whether the offset is on a map key. */
  readonly node: YamlNode | null;
  /** The field path at the offset (`spec.template.spec.restartPolicy`), the key's path when on a key. */
  readonly path: string | null;
  readonly onKey: boolean;
  /** The workload of the document at the offset, when it is one. */
  readonly workload: Workload | undefined;
}

/** Hover content: Markdown, and the range it is about. */
export interface HoverResult {
  readonly markdown: string;
  readonly range: OffsetRange;
}

/** A hover provider returns undefined when the position is not its business. */
export type HoverProvider = (context: PositionContext) => HoverResult | undefined;

/**
 * The client commands a code lens can run, by name: the core does not know the client's command
 * identifiers; the LSP layer maps each name to one of `podlineCommands` (server/src/protocol).
 * `simulate` takes `{ document: <index> }`.
 */
export type LensCommandName = 'simulate';

/** A code lens: a title above `range`, optionally running a command. */
export interface CodeLensItem {
  readonly range: OffsetRange;
  readonly title: string;
  readonly command?: { readonly name: LensCommandName; readonly arguments: readonly unknown[] };
}

/** A code lens provider lists its lenses for the whole document. */
export type CodeLensProvider = (context: EditorContext) => CodeLensItem[];

/** One completion item. */
export interface CompletionItem {
  readonly label: string;
  /** The text inserted; the label when omitted. */
  readonly insertText?: string;
  /** The range replaced; the word at the cursor when omitted. */
  readonly range?: OffsetRange;
  readonly detail?: string;
  readonly documentation?: string;
  readonly kind: 'value' | 'enum' | 'field' | 'snippet';
  readonly sortText?: string;
}

/** A completion provider returns undefined when the position is not its business. */
export type CompletionProvider = (context: PositionContext) => CompletionItem[] | undefined;
