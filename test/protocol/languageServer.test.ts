import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { after, afterEach, before, test } from 'node:test';
import {
  CodeActionRequest,
  CodeLensRequest,
  CompletionRequest,
  DiagnosticSeverity,
  HoverRequest,
  TextDocumentSyncKind,
} from 'vscode-languageserver-protocol/node';
import type { CodeAction, CompletionItem, InitializeResult } from 'vscode-languageserver-protocol/node';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  checkFilesRequest,
  documentStatusNotification,
  podlineMessages,
} from '../../server/src/protocol/podlineProtocol';
import { internalCommands } from '../../server/src/protocol/podlineCommands';
import { previewRequest } from '../../server/src/protocol/previewProtocol';
import { simulateRequest } from '../../server/src/protocol/simulateProtocol';
import { lspNotification, lspRequest } from './lspMessages';
import { LspTestClient, serverPath } from './lspTestClient';

const jobWithDuplicate = `apiVersion: batch/v1
kind: Job
metadata:
  name: pi
spec:
  template:
    spec:
      containers:
      - name: pi
        image: perl:5.34
        name: pi-image
      restartPolicy: Never
`;

let client: LspTestClient;
let initializeResult: InitializeResult;

before(async () => {
  ({ client, result: initializeResult } = await LspTestClient.start());
});

after(() => client.kill());

// A failure the server caught and logged fails the test that caused it.
afterEach(() => client.assertNoErrorsLogged());

test('initialize announces incremental document sync', () => {
  const sync = initializeResult.capabilities.textDocumentSync;
  assert.equal(typeof sync === 'object' ? sync.change : sync, TextDocumentSyncKind.Incremental);
  assert.equal(initializeResult.serverInfo?.name, 'podline-language-server');
});

test('didOpen publishes a duplicate-key error at the exact range of the second key', async () => {
  await client.open('file:///work/job.yaml', jobWithDuplicate);
  const { diagnostics } = await client.waitForDiagnostics('file:///work/job.yaml');
  const errors = diagnostics.filter((candidate) => candidate.severity === DiagnosticSeverity.Error);
  assert.equal(errors.length, 1);
  const [diagnostic] = errors;
  assert.equal(diagnostic?.code, 'yaml/duplicate-key');
  assert.equal(diagnostic?.source, 'podline');
  assert.equal(diagnostic?.severity, DiagnosticSeverity.Error);
  // Line 11 (1-based) is "        name: pi-image": the key spans characters 8-12.
  assert.deepEqual(diagnostic?.range, {
    start: { line: 10, character: 8 },
    end: { line: 10, character: 12 },
  });
  assert.deepEqual((diagnostic?.data as { path?: string }).path, 'spec.template.spec.containers[0].name');
});

test('an incremental didChange that removes the duplicate clears the diagnostics', async () => {
  const version = await client.change('file:///work/job.yaml', [
    { range: { start: { line: 10, character: 0 }, end: { line: 11, character: 0 } }, text: '' },
  ]);
  const params = await client.waitForDiagnostics(
    'file:///work/job.yaml',
    (candidate) => candidate.version === version,
  );
  assert.deepEqual(
    params.diagnostics.filter((diagnostic) => diagnostic.severity === DiagnosticSeverity.Error),
    [],
  );
  // What remains are lints, each with its stable code.
  assert.ok(params.diagnostics.every((diagnostic) => String(diagnostic.code).startsWith('lint/')));
});

test('an edit that breaks the YAML is reported where the break is', async () => {
  const version = await client.change('file:///work/job.yaml', [
    { range: { start: { line: 9, character: 15 }, end: { line: 9, character: 24 } }, text: 'perl: 5.34' },
  ]);
  const params = await client.waitForDiagnostics(
    'file:///work/job.yaml',
    (candidate) => candidate.version === version,
  );
  assert.deepEqual(
    params.diagnostics
      .filter((diagnostic) => diagnostic.severity === DiagnosticSeverity.Error)
      .map((diagnostic) => [diagnostic.code, diagnostic.range.start.line]),
    [['yaml/syntax', 9]],
  );
});

test('edits in a file of many documents keep every diagnostic where its document now is', async () => {
  const uri = 'file:///work/many.yaml';
  const job = (name: string): string =>
    `apiVersion: batch/v1\nkind: Job\nmetadata: {name: ${name}}\nspec:\n  ttlSecondsAfterFinished: 60\n  template:\n    spec:\n      restartPolicy: Never\n      containers: [{name: c, image: busybox:1.36, resources: {requests: {cpu: 1m}}}]\n`;
  // Three clean Jobs and one whose restartPolicy the API server rejects, on line 37 (0-based).
  const documents = [
    job('a'),
    job('b'),
    job('c'),
    job('d').replace('restartPolicy: Never', 'restartPolicy: Always'),
  ];
  await client.open(uri, documents.join('---\n'));
  const errorsOf = async (version: number): Promise<[string, number][]> =>
    (await client.waitForDiagnostics(uri, (candidate) => candidate.version === version)).diagnostics
      .filter((diagnostic) => diagnostic.severity === DiagnosticSeverity.Error)
      .map((diagnostic) => [String(diagnostic.code), diagnostic.range.start.line]);
  assert.deepEqual(await errorsOf(1), [['job/restart-policy', 37]]);
  // Two lines typed into the first document move the error of the last one down by two.
  let version = await client.change(uri, [
    { range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: '# one\n# two\n' },
  ]);
  assert.deepEqual(await errorsOf(version), [['job/restart-policy', 39]]);
  // A mistake typed into the second document joins it; the others stay as they were.
  version = await client.change(uri, [
    { range: { start: { line: 16, character: 2 }, end: { line: 16, character: 2 } }, text: 'x' },
  ]);
  assert.deepEqual(await errorsOf(version), [
    ['schema/unknown-field', 16],
    ['job/restart-policy', 39],
  ]);
  // Removing the first document (now twelve lines with its `---`) moves everything up by twelve.
  version = await client.change(uri, [
    { range: { start: { line: 0, character: 0 }, end: { line: 12, character: 0 } }, text: '' },
  ]);
  assert.deepEqual(await errorsOf(version), [
    ['schema/unknown-field', 4],
    ['job/restart-policy', 27],
  ]);
});

test('documents that are not workloads get no workload diagnostics', async () => {
  await client.open('file:///work/service.yaml', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n');
  const { diagnostics } = await client.waitForDiagnostics('file:///work/service.yaml');
  assert.deepEqual(diagnostics, []);
});

test('hostile files each get a clear finding and the server keeps serving', async () => {
  let seed = 1;
  let randomBytes = '';
  for (let i = 0; i < 100_000; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    randomBytes += String.fromCharCode(seed >> 23);
  }
  let aliasBomb = 'a: &a ["x","x","x","x","x","x","x","x","x"]\n';
  const names = 'abcdefghij';
  for (let i = 1; i < names.length; i++)
    aliasBomb += `${names[i]}: &${names[i]} [${Array(9)
      .fill(`*${names[i - 1]}`)
      .join(',')}]\n`;
  const cases: [string, string, string][] = [
    ['random-bytes', randomBytes, 'file/binary'],
    ['ten-megabytes', `data: "${'x'.repeat(10 * 1024 * 1024)}"\n`, 'file/too-large'],
    ['deep', `${'['.repeat(10_000)}${']'.repeat(10_000)}`, 'yaml/too-deep'],
    ['alias-bomb', aliasBomb, 'yaml/excessive-aliasing'],
  ];
  for (const [name, text, code] of cases) {
    const uri = `file:///work/${name}.yaml`;
    await client.open(uri, text);
    const { diagnostics } = await client.waitForDiagnostics(uri);
    assert.ok(
      diagnostics.some((diagnostic) => diagnostic.code === code),
      `${name}: expected ${code}, got ${diagnostics.map((diagnostic) => diagnostic.code).join(', ')}`,
    );
  }
  // The server is still alive and answers for an ordinary document.
  await client.open('file:///work/after.yaml', 'a: 1\na: 2\n');
  const { diagnostics } = await client.waitForDiagnostics('file:///work/after.yaml');
  assert.equal(diagnostics[0]?.code, 'yaml/duplicate-key');
});

test('textDocument/codeAction offers the quick fixes of a finding, keyed on its code', async () => {
  const uri = 'file:///work/restart.yaml';
  await client.open(uri, jobWithDuplicate.replace('        name: pi-image\n', '').replace('Never', 'Always'));
  const { diagnostics } = await client.waitForDiagnostics(uri);
  const diagnostic = diagnostics.find((candidate) => candidate.code === 'job/restart-policy');
  assert.ok(diagnostic);
  const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri },
    range: diagnostic.range,
    context: { diagnostics: [diagnostic] },
  })) as CodeAction[];
  assert.deepEqual(
    actions.map((action) => [action.title, action.isPreferred]),
    [
      ['Set restartPolicy to Never', true],
      ['Set restartPolicy to OnFailure', false],
    ],
  );
  // Line 11 is "      restartPolicy: Always": the value spans characters 21-27.
  assert.deepEqual(actions[0]?.edit?.changes?.[uri], [
    { range: { start: { line: 10, character: 21 }, end: { line: 10, character: 27 } }, newText: 'Never' },
  ]);
});

test('podline/checkFiles analyses files from disk and publishes their diagnostics', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'podline-check-files-'));
  try {
    writeFileSync(join(folder, 'a.yaml'), jobWithDuplicate);
    writeFileSync(join(folder, 'b.yaml'), 'apiVersion: v1\nkind: ConfigMap\n');
    const uris = ['a.yaml', 'b.yaml', 'missing.yaml'].map((name) =>
      pathToFileURL(join(folder, name)).toString(),
    );
    const result = await client.connection.sendRequest(lspRequest(checkFilesRequest), { uris });
    assert.deepEqual(result, { checked: 2, errors: 1, warnings: 0, unreadable: 1 });
    const { diagnostics } = await client.waitForDiagnostics(uris[0] ?? '');
    assert.ok(diagnostics.some((diagnostic) => diagnostic.code === 'yaml/duplicate-key'));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('podline/checkFiles refuses FIFOs, links to devices and files over podline.maxFileSize, and goes on', async () => {
  // Before, a FIFO blocked the read forever (and every later read behind it), and /dev/zero was
  // read until the server ran out of memory.
  const folder = mkdtempSync(join(tmpdir(), 'podline-check-hostile-'));
  try {
    writeFileSync(join(folder, 'a.yaml'), jobWithDuplicate);
    spawnSync('mkfifo', [join(folder, 'pipe.yaml')]);
    symlinkSync('/dev/zero', join(folder, 'zero.yaml'));
    writeFileSync(join(folder, 'huge.yaml'), `data: "${'x'.repeat(3 * 1024 * 1024)}"\n`);
    const uris = ['pipe.yaml', 'zero.yaml', 'huge.yaml', 'a.yaml'].map((name) =>
      pathToFileURL(join(folder, name)).toString(),
    );
    const result = await client.connection.sendRequest(lspRequest(checkFilesRequest), { uris });
    assert.deepEqual(result, { checked: 1, errors: 1, warnings: 0, unreadable: 3 });
    const again = await client.connection.sendRequest(lspRequest(checkFilesRequest), {
      uris: [uris[3] ?? ''],
    });
    assert.deepEqual(again, { checked: 1, errors: 1, warnings: 0, unreadable: 0 });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test("every request of Podline's protocol is handled, and the status notification arrives", async () => {
  const statuses: { uri: string; state: string }[] = [];
  const listener = client.connection.onNotification(lspNotification(documentStatusNotification), (params) => {
    statuses.push({ uri: params.uri, state: params.state });
  });
  try {
    const uri = 'file:///work/protocol.yaml';
    await client.open(uri, jobWithDuplicate);
    await client.waitForDiagnostics(uri);
    // The constants' types reach the call sites: no type parameter is written here.
    const checked = await client.connection.sendRequest(lspRequest(checkFilesRequest), { uris: [] });
    assert.equal(checked.checked, 0);
    const preview = await client.connection.sendRequest(lspRequest(previewRequest), { uri, document: 0 });
    assert.equal(preview.ok, true);
    const simulated = await client.connection.sendRequest(lspRequest(simulateRequest), { uri, document: 0 });
    assert.equal(simulated.ok, true);
    // A seed the CLI would refuse is refused here too, with the protocol's InvalidParams.
    for (const seed of [-1, 1.5, 2 ** 60]) {
      await assert.rejects(
        client.connection.sendRequest(lspRequest(simulateRequest), { uri, document: 0, seed }),
        (error: { code?: number }) => error.code === -32602,
      );
    }
    assert.deepEqual(
      podlineMessages.requests.map((request) => request.method).sort(),
      [checkFilesRequest, previewRequest, simulateRequest].map((request) => request.method).sort(),
      'a request is declared but not exercised here',
    );
    assert.ok(statuses.some((status) => status.uri === uri && status.state === 'analysed'));
  } finally {
    listener.dispose();
  }
});

test('hover on a schedule explains it; completion offers presets; a code lens shows the next run', async () => {
  const uri = 'file:///work/cron.yaml';
  const text =
    'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: hello\nspec:\n  schedule: "30 9 * * 1-5"\n  timeZone: Asia/Shanghai\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers: [{name: hello, image: busybox:1.36}]\n          restartPolicy: OnFailure\n';
  await client.open(uri, text);
  await client.waitForDiagnostics(uri);
  const hover = await client.connection.sendRequest(HoverRequest.type, {
    textDocument: { uri },
    position: { line: 5, character: 14 },
  });
  const markdown =
    hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
  assert.match(markdown, /Monday through Friday/);
  assert.match(markdown, /Asia\/Shanghai/);
  const completions = (await client.connection.sendRequest(CompletionRequest.type, {
    textDocument: { uri },
    position: { line: 5, character: 13 },
  })) as CompletionItem[];
  assert.ok(
    completions.some((item) => item.label.includes('*/5')),
    'a preset for every five minutes',
  );
  const lenses = (await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } })) ?? [];
  assert.ok(lenses.some((lens) => /Asia\/Shanghai/.test(lens.command?.title ?? '')));
  // The "▶ Simulate" lens runs the command the client registers, named in one place.
  assert.ok(lenses.some((lens) => lens.command?.command === internalCommands.simulate));
});

test('shutdown and exit end the process with code 0', async () => {
  assert.equal(await client.shutdown(), 0);
});

test('settings from workspace/configuration apply: zh-CN messages', async () => {
  const { client: chinese } = await LspTestClient.start({ locale: 'zh-CN' });
  try {
    await chinese.open('file:///work/dup.yaml', 'a: 1\na: 2\n');
    const { diagnostics } = await chinese.waitForDiagnostics('file:///work/dup.yaml');
    assert.match(diagnostics[0]?.message as string, /重复的键 "a"/);
    assert.equal(await chinese.shutdown(), 0);
  } finally {
    chinese.kill();
  }
});

test('the display language from initialize is used when the locale setting is auto', async () => {
  const { client: chinese } = await LspTestClient.start({ locale: 'auto' }, 'zh-cn');
  try {
    await chinese.open('file:///work/dup.yaml', 'a: 1\na: 2\n');
    const { diagnostics } = await chinese.waitForDiagnostics('file:///work/dup.yaml');
    assert.match(diagnostics[0]?.message as string, /重复的键/);
    assert.equal(await chinese.shutdown(), 0);
  } finally {
    chinese.kill();
  }
});

test('without a transport argument the server explains its usage and exits with 2', () => {
  const result = spawnSync(process.execPath, [serverPath], { encoding: 'utf8', timeout: 10_000 });
  assert.equal(result.status, 2);
  assert.match(result.stderr, /Usage: podline-language-server --stdio/);
});
