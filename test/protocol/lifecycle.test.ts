// The protocol's lifecycle, as the LSP specification's "Server lifecycle" states it: before
// `initialize` a request gets ServerNotInitialized and a notification is dropped, a second
// `initialize` is refused, and after `shutdown` every request gets InvalidRequest. Driven over
// JSON-RPC against the real server, as an editor (or a broken one) would.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { test } from 'node:test';
import {
  createProtocolConnection,
  DidOpenTextDocumentNotification,
  ErrorCodes,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ResponseError,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { serverPath } from './lspTestClient';

const job = `apiVersion: batch/v1
kind: Job
metadata: {name: pi}
spec:
  template:
    spec:
      restartPolicy: Always
      containers: [{name: pi, image: perl:5.34}]
`;

function startServer() {
  const child = spawn(process.execPath, [serverPath, '--stdio'], { stdio: 'pipe' });
  const connection = createProtocolConnection(
    new StreamMessageReader(child.stdout),
    new StreamMessageWriter(child.stdin),
  );
  const published: PublishDiagnosticsParams[] = [];
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    published.push(params);
  });
  connection.listen();
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, connection, published, exited };
}

const initializeParams = {
  processId: process.pid,
  rootUri: null,
  workspaceFolders: null,
  capabilities: {},
};

/** The error a request was answered with. */
async function errorOf(request: Promise<unknown>): Promise<ResponseError<unknown>> {
  try {
    await request;
  } catch (error) {
    assert.ok(error instanceof ResponseError, String(error));
    return error;
  }
  assert.fail('the request was answered without an error');
}

const hoverParams = { textDocument: { uri: 'file:///early.yaml' }, position: { line: 0, character: 0 } };

test('before initialize: a request gets ServerNotInitialized, a notification is dropped', async () => {
  const { child, connection, published, exited } = startServer();
  try {
    const early = await errorOf(connection.sendRequest(HoverRequest.type, hoverParams));
    assert.equal(early.code, ErrorCodes.ServerNotInitialized);
    assert.match(early.message, /'textDocument\/hover' came before 'initialize'/);
    // Opened before initialize: the server must not know the document afterwards.
    await connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: 'file:///early.yaml', languageId: 'yaml', version: 1, text: job },
    });
    const result = await connection.sendRequest(InitializeRequest.type, initializeParams);
    assert.ok(result.capabilities.hoverProvider);
    await connection.sendNotification(InitializedNotification.type, {});
    // A document opened now is analysed; the early one never was.
    await connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: 'file:///later.yaml', languageId: 'yaml', version: 1, text: job },
    });
    while (!published.some((params) => params.uri === 'file:///later.yaml')) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    assert.deepEqual(
      published.filter((params) => params.uri === 'file:///early.yaml'),
      [],
      'the document opened before initialize was analysed',
    );
    assert.equal(await connection.sendRequest(HoverRequest.type, hoverParams), null);

    const again = await errorOf(connection.sendRequest(InitializeRequest.type, initializeParams));
    assert.equal(again.code, ErrorCodes.InvalidRequest);
    // The method a client sends is not a way around the rules.
    const internal = await errorOf(connection.sendRequest('podline/lifecycle/refused', {}));
    assert.equal(internal.code, ErrorCodes.MethodNotFound);
  } finally {
    child.kill('SIGKILL');
    await exited;
    connection.dispose();
  }
});

test('after shutdown: every request gets InvalidRequest, and exit ends the server with 0', async () => {
  const { child, connection, exited } = startServer();
  try {
    await connection.sendRequest(InitializeRequest.type, initializeParams);
    await connection.sendNotification(InitializedNotification.type, {});
    await connection.sendRequest(ShutdownRequest.type);
    const late = await errorOf(connection.sendRequest(HoverRequest.type, hoverParams));
    assert.equal(late.code, ErrorCodes.InvalidRequest);
    assert.match(late.message, /'textDocument\/hover' came after 'shutdown'/);
    const hostile = await errorOf(connection.sendRequest(`x${'\u202e'.repeat(5000)}`, {}));
    assert.equal(hostile.code, ErrorCodes.InvalidRequest);
    assert.ok(hostile.message.length < 200, 'the error quotes a bounded method name');
    await connection.sendNotification(ExitNotification.type);
    assert.equal(await exited, 0);
  } finally {
    child.kill('SIGKILL');
    connection.dispose();
  }
});
