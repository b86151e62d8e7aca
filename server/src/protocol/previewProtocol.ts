/**
 * The "Preview Created Objects" request between the extension and the language server, declared
 * once and imported by both sides. Like podlineProtocol.ts, this module imports no library.
 */

import { defineRequest } from './defineMessage';

/** Client → server: what the controllers would create from one document of an open file. */
export interface PreviewParams {
  /** The URI of the open YAML document. */
  readonly uri: string;
  /** The 0-based index of the YAML document in the file (as in findings and code lens arguments). */
  readonly document?: number;
  /**
   * Or the cursor: the server previews the YAML document there (the client does not parse YAML).
   * With neither, every workload of the file is previewed.
   */
  readonly position?: { readonly line: number; readonly character: number };
}

/** The server's answer: read-only YAML text for a virtual document. */
export interface PreviewResult {
  /** True when the document is a workload and `content` holds the created objects. */
  readonly ok: boolean;
  /** YAML with comments; when `ok` is false, one comment saying why there is nothing to show. */
  readonly content: string;
  /** The file's document version the preview was computed from. */
  readonly version: number;
}

/** Client → server request `podline/preview`. */
export const previewRequest = defineRequest<PreviewParams, PreviewResult>('podline/preview');

/**
 * The argument of the preview command (`contributedCommands.previewCreatedObjects` in
 * podlineCommands.ts), optional, and of the code lens that may run it.
 */
export interface PreviewCommandArgument {
  readonly uri?: string;
  readonly document?: number;
}

/** The URI scheme of the read-only virtual preview documents (`podline-preview:/<file>.preview.yaml?…`). */
export const previewScheme = 'podline-preview';
