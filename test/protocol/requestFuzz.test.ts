// Random requests to the real server: Podline's own (podline/simulate, podline/preview,
// podline/checkFiles) and the editor features, with parameters that fit, that almost fit (an
// unknown URI, a document index out of range, a position past the end, a random scenario) and
// that do not fit at all (wrong types, missing fields, hostile strings). Every request must be
// answered, with a result or a protocol error, the server must log no internal failure, and
// it must still answer correctly afterwards. `npm run fuzz` runs more of them
// (PODLINE_FUZZ_REQUESTS).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ResponseError } from 'vscode-languageserver-protocol/node';
import { randomStream } from '../fuzz/fuzzHarness';
import { randomScenario } from '../fuzz/scenarioFuzz';
import { checkFilesRequest } from '../../server/src/protocol/podlineProtocol';
import { previewRequest } from '../../server/src/protocol/previewProtocol';
import { simulateRequest } from '../../server/src/protocol/simulateProtocol';
import { LspTestClient } from './lspTestClient';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const requests = Number(process.env['PODLINE_FUZZ_REQUESTS'] ?? 300);
const root = join(__dirname, '..', '..', '..');
const examples = ['job-pi.yaml', 'cronjob-hello.yaml', 'daemonset-fluentd.yaml', 'job-with-mistakes.yaml'];
const uris = examples.map((name) => `file:///fuzz/${name}`);

const hostile: Json[] = [
  null,
  true,
  -1,
  1.5,
  2 ** 53,
  1e308,
  '',
  'x'.repeat(10_000),
  '\u202e\u0000',
  [],
  {},
  [1, 2],
  { line: 'a', character: {} },
];

const methods = [
  simulateRequest.method,
  previewRequest.method,
  checkFilesRequest.method,
  'textDocument/hover',
  'textDocument/completion',
  'textDocument/codeLens',
  'textDocument/documentSymbol',
  'textDocument/definition',
  'textDocument/codeAction',
];

function randomParams(method: string, random: () => number): Json {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  if (random() < 0.1) return pick(hostile);
  const fits = random() < 0.7;
  const uri: Json = fits
    ? pick(uris)
    : pick<Json>(['file:///fuzz/closed.yaml', 'untitled:x', '%zz', ...hostile]);
  const position: Json = fits
    ? { line: Math.floor(random() * 30), character: Math.floor(random() * 40) }
    : pick<Json>([{ line: -1, character: 0 }, { line: 1e9, character: 1e9 }, ...hostile]);
  const textDocument: Json = random() < 0.95 ? { uri } : pick(hostile);
  switch (method) {
    case simulateRequest.method: {
      const params: { [key: string]: Json } = {
        uri,
        document: fits ? Math.floor(random() * 2) : pick<Json>([-1, 1e9, 1.5, '0', null]),
      };
      if (random() < 0.7) params['scenario'] = random() < 0.9 ? randomScenario(random) : pick(hostile);
      if (random() < 0.3) params['seed'] = pick<Json>([1, 42, -1, 1.5, 2 ** 53, 'x']);
      return params;
    }
    case previewRequest.method:
      return random() < 0.5 ? { uri, document: pick<Json>([0, 1, -1, 99, 'x']) } : { uri, position };
    case checkFilesRequest.method:
      return {
        uris: fits ? [pick(uris), 'file:///etc/passwd', 'file:///fuzz/%2e%2e/x.yaml'] : pick(hostile),
      };
    case 'textDocument/codeLens':
    case 'textDocument/documentSymbol':
      return { textDocument };
    case 'textDocument/codeAction':
      return {
        textDocument,
        range: fits ? { start: position, end: position } : pick(hostile),
        context: fits ? { diagnostics: [] } : pick(hostile),
      };
    default:
      return { textDocument, position };
  }
}

test(
  `${requests} random requests: each is answered, nothing fails inside the server, and it still works`,
  { timeout: 30 * 60_000 },
  async () => {
    const { client } = await LspTestClient.start();
    try {
      for (const [index, name] of examples.entries()) {
        const uri = uris[index] as string;
        await client.open(uri, readFileSync(join(root, 'examples', name), 'utf8'));
        await client.waitForDiagnostics(uri);
      }
      const random = randomStream(20261208);
      let answered = 0;
      let refused = 0;
      let slowest = { ms: 0, method: '' };
      for (let i = 0; i < requests; i++) {
        const method = methods[Math.floor(random() * methods.length)] ?? 'textDocument/hover';
        const params = randomParams(method, random);
        const started = performance.now();
        try {
          await client.connection.sendRequest(method, params);
          answered++;
        } catch (error) {
          // A protocol error is an answer; anything else (the connection died) is not.
          assert.ok(error instanceof ResponseError, `${method} ${JSON.stringify(params)}: ${String(error)}`);
          refused++;
        }
        const ms = performance.now() - started;
        if (ms > slowest.ms) slowest = { ms, method };
        if (client.errors.length > 0) {
          assert.fail(
            `${method} ${JSON.stringify(params).slice(0, 2000)}: the server logged\n${client.errors.join('\n')}`,
          );
        }
      }
      // Still answering, and correctly.
      const hover = await client.connection.sendRequest<{ contents: { value: string } } | null>(
        'textDocument/hover',
        { textDocument: { uri: uris[1] as string }, position: { line: 6, character: 14 } },
      );
      assert.match(hover?.contents.value ?? '', /every minute/i, 'the schedule hover after the fuzzing');
      process.stdout.write(
        `${answered} answered, ${refused} refused with a protocol error; slowest ${slowest.method} ${slowest.ms.toFixed(0)} ms\n`,
      );
    } finally {
      await client.shutdown();
      client.kill();
    }
  },
);
