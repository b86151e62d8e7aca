/**
 * Podline's own protocol between the language server and the extension, declared once and
 * imported by both sides: each message is one constant (`defineMessage.ts`) that every side turns
 * into its LSP library's message type with its adapter. This module imports no library, so that
 * every side (and the webview) can use it. `podlineMessages` lists every message of the protocol,
 * the preview and simulation requests included.
 */

import { defineNotification, defineRequest } from './defineMessage';
import { previewRequest } from './previewProtocol';
import { simulateRequest } from './simulateProtocol';

/** The server's summary of one open YAML document, sent after every analysis. */
export interface DocumentStatusParams {
  readonly uri: string;
  /** The document version the summary belongs to. */
  readonly version: number;
  /** The workloads found, in document order. */
  readonly workloads: readonly {
    readonly kind: 'Job' | 'CronJob' | 'DaemonSet';
    readonly name: string | null;
    /** The 0-based index of the workload's YAML document in the file. */
    readonly document: number;
  }[];
  readonly errors: number;
  readonly warnings: number;
  /** The Kubernetes version the file was validated for, and whether a `# podline:` comment chose it. */
  readonly kubernetesVersion: string;
  readonly versionFromComment: boolean;
  /** `skipped` when the file was too large or binary and was not analysed. */
  readonly state: 'analysed' | 'skipped';
}

/** Server → client notification: the status of a document after analysis. */
export const documentStatusNotification = defineNotification<DocumentStatusParams>('podline/documentStatus');

/** The files of one batch of "Podline: Check Workspace". */
export interface CheckFilesParams {
  readonly uris: readonly string[];
}

/** What one batch found. */
export interface CheckFilesResult {
  readonly checked: number;
  readonly errors: number;
  readonly warnings: number;
  /** Files that could not be read. */
  readonly unreadable: number;
}

/** Client → server request: analyse these files from disk and publish their diagnostics. */
export const checkFilesRequest = defineRequest<CheckFilesParams, CheckFilesResult>('podline/checkFiles');

/** Every message of Podline's protocol: the requests the server handles, the notifications it sends. */
export const podlineMessages = {
  requests: [checkFilesRequest, previewRequest, simulateRequest],
  serverNotifications: [documentStatusNotification],
} as const;
