/**
 * Podline's own protocol between the language server and the extension, declared once and
 * imported by both sides. Each side wraps these method names in its LSP library's message types;
 * this module itself imports no library so that every side (and the webview) can use it.
 */

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
export const documentStatusNotification = { method: 'podline/documentStatus' } as const;

/** Every message of Podline's protocol, by its discriminant. */
export type PodlineNotification = {
  readonly method: typeof documentStatusNotification.method;
  readonly params: DocumentStatusParams;
};

/** Client → server request: analyse these files from disk and publish their diagnostics. */
export const checkFilesRequest = { method: 'podline/checkFiles' } as const;

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
