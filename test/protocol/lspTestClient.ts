/**
 * A JSON-RPC client that drives the real `podline-language-server --stdio` as a child process,
 * the way an editor does. Waits are on events with a timeout, never on sleeps.
 */
import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  MessageType,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import type {
  InitializeResult,
  ProtocolConnection,
  PublishDiagnosticsParams,
  TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';

export const serverPath = join(__dirname, '..', '..', '..', 'dist', 'server', 'languageServer.js');

/** A started server and the connection to it. */
export class LspTestClient {
  private readonly diagnostics = new Map<string, PublishDiagnosticsParams[]>();
  private readonly waiters: {
    uri: string;
    predicate: (params: PublishDiagnosticsParams) => boolean;
    resolve: (params: PublishDiagnosticsParams) => void;
  }[] = [];
  private readonly versions = new Map<string, number>();
  readonly stderr: string[] = [];
  /** The messages the server logged (window/logMessage). */
  readonly logs: string[] = [];
  /** The messages the server logged as errors: each is a failure a handler or feature caught. */
  readonly errors: string[] = [];
  private readonly logWaiters: {
    predicate: (message: string) => boolean;
    resolve: (message: string) => void;
  }[] = [];

  private constructor(
    readonly process: ChildProcessWithoutNullStreams,
    readonly connection: ProtocolConnection,
  ) {
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      const list = this.diagnostics.get(params.uri) ?? [];
      list.push(params);
      this.diagnostics.set(params.uri, list);
      for (const waiter of [...this.waiters]) {
        if (waiter.uri === params.uri && waiter.predicate(params)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve(params);
        }
      }
    });
    process.stderr.on('data', (chunk: Buffer) => this.stderr.push(chunk.toString()));
    connection.onNotification('window/logMessage', (params: { type: number; message: string }) => {
      this.logs.push(params.message);
      if (params.type === MessageType.Error) this.errors.push(params.message);
      for (const waiter of this.logWaiters.filter((candidate) => candidate.predicate(params.message))) {
        this.logWaiters.splice(this.logWaiters.indexOf(waiter), 1);
        waiter.resolve(params.message);
      }
    });
  }

  /** Starts the server and completes the initialize handshake. */
  static async start(
    settings: Record<string, unknown> = {},
    locale = 'en',
    /** False: the client declares workspace/configuration and never answers it. */
    answersConfiguration = true,
  ): Promise<{ client: LspTestClient; result: InitializeResult }> {
    const child = spawn(process.execPath, [serverPath, '--stdio'], { stdio: 'pipe' });
    const connection = createProtocolConnection(
      new StreamMessageReader(child.stdout),
      new StreamMessageWriter(child.stdin),
    );
    const client = new LspTestClient(child, connection);
    connection.onRequest(ConfigurationRequest.type, (params) =>
      answersConfiguration
        ? params.items.map((item) => (item.section === 'podline' ? settings : null))
        : new Promise<never>(() => undefined),
    );
    connection.listen();
    const result = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      // The tests' files live in temporary folders: those are the workspace.
      workspaceFolders: [{ uri: pathToFileURL(tmpdir()).toString(), name: 'tmp' }],
      locale,
      capabilities: {
        workspace: { configuration: true },
        textDocument: { publishDiagnostics: { versionSupport: true } },
      },
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return { client, result };
  }

  /** Resolves with the first message the server logged (or logs within `timeoutMs`) that satisfies `predicate`. */
  waitForLog(predicate: (message: string) => boolean, timeoutMs = 60_000): Promise<string> {
    const known = this.logs.find(predicate);
    if (known !== undefined) return Promise.resolve(known);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no matching log message within ${timeoutMs} ms:\n${this.logs.join('\n')}`)),
        timeoutMs,
      );
      this.logWaiters.push({
        predicate,
        resolve: (message) => {
          clearTimeout(timer);
          resolve(message);
        },
      });
    });
  }

  /**
   * Fails when the server logged an error since the last call: a caught failure is still a bug,
   * and the tests must see it even though the server kept answering.
   */
  assertNoErrorsLogged(): void {
    const errors = this.errors.splice(0);
    if (errors.length > 0) throw new Error(`the server logged errors:\n${errors.join('\n')}`);
  }

  /** Every publishDiagnostics received so far for `uri`, in order. */
  diagnosticsFor(uri: string): readonly PublishDiagnosticsParams[] {
    return this.diagnostics.get(uri) ?? [];
  }

  /** Opens a document. */
  async open(uri: string, text: string, languageId = 'yaml'): Promise<void> {
    this.versions.set(uri, 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId, version: 1, text },
    });
  }

  /** Sends an edit and returns the new version. */
  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<number> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: changes,
    });
    return version;
  }

  /** Resolves with the first diagnostics for `uri` (already received or future) that satisfy `predicate`. */
  waitForDiagnostics(
    uri: string,
    predicate: (params: PublishDiagnosticsParams) => boolean = () => true,
    timeoutMs = 10_000,
  ): Promise<PublishDiagnosticsParams> {
    const known = this.diagnostics.get(uri)?.find(predicate);
    if (known) return Promise.resolve(known);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error(
              `no matching diagnostics for ${uri} within ${timeoutMs} ms; stderr: ${this.stderr.join('')}`,
            ),
          ),
        timeoutMs,
      );
      this.waiters.push({
        uri,
        predicate,
        resolve: (params) => {
          clearTimeout(timer);
          resolve(params);
        },
      });
    });
  }

  /** Shuts the server down as an editor does and resolves with its exit code. */
  async shutdown(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) =>
      this.process.once('exit', (code) => resolve(code)),
    );
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    const code = await exited;
    this.connection.dispose();
    return code;
  }

  /** Kills the server if a test failed before shutting it down. */
  kill(): void {
    if (this.process.exitCode === null) this.process.kill('SIGKILL');
  }
}
