import assert from 'node:assert/strict';
import { after, afterEach, before, test } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-protocol/node';
import { LspTestClient } from './lspTestClient';

let client: LspTestClient;

before(async () => {
  ({ client } = await LspTestClient.start());
});

after(async () => {
  await client.shutdown();
  client.kill();
});

const job = (extra = ''): string =>
  `apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: pi\nspec:\n${extra}  template:\n    spec:\n      containers:\n      - name: pi\n        image: perl:5.34\n      restartPolicy: Never\n`;

/** Opens `text` and returns its diagnostics as `[code, 0-based line]`. */
async function open(name: string, text: string): Promise<[string, number][]> {
  const uri = `file:///hostile/${name}.yaml`;
  await client.open(uri, text);
  const { diagnostics } = await client.waitForDiagnostics(uri, () => true, 60_000);
  return diagnostics
    .filter(
      (diagnostic) =>
        diagnostic.severity === DiagnosticSeverity.Error ||
        diagnostic.severity === DiagnosticSeverity.Warning,
    )
    .map((diagnostic) => [String(diagnostic.code), diagnostic.range.start.line]);
}

// A failure the server caught and logged fails the test that caused it.
afterEach(() => client.assertNoErrorsLogged());

test('CRLF line ends: findings on the right lines', async () => {
  const text = job()
    .replace('        image: perl:5.34\n', '        image: perl:5.34\n        name: again\n')
    .replace(/\n/g, '\r\n');
  assert.deepEqual(await open('crlf', text), [['yaml/duplicate-key', 10]]);
});

test('a byte order mark before the first key changes nothing', async () => {
  assert.deepEqual(await open('bom', `\uFEFF${job()}`), []);
});

test('tabs used for indentation are a syntax error where the tab is', async () => {
  const findings = await open(
    'tabs',
    job().replace('    spec:\n      containers', '    spec:\n\tcontainers'),
  );
  assert.ok(
    findings.some(([code, line]) => code === 'yaml/syntax' && line === 7),
    JSON.stringify(findings),
  );
});

test('numbers Kubernetes cannot hold: 1e309 is not an int32, -0 is zero', async () => {
  const huge = await open('huge-number', job('  backoffLimit: 1e309\n'));
  assert.ok(
    huge.some(([code, line]) => code === 'schema/type' && line === 5),
    JSON.stringify(huge),
  );
  assert.deepEqual(await open('negative-zero', job('  backoffLimit: -0\n')), []);
});

test('a 1 MB line and a 50 MB file: analysed, or one clear finding, and the server stays up', async () => {
  const longLine = await open(
    'long-line',
    job().replace('image: perl:5.34', `image: "${'a'.repeat(1024 * 1024)}"`),
  );
  assert.ok(
    longLine.every(
      ([code]) => code.startsWith('lint/') || code === 'schema/type' || code === 'lint/image-reference',
    ),
    JSON.stringify(longLine),
  );
  assert.deepEqual(await open('fifty-megabytes', `data: "${'x'.repeat(50 * 1024 * 1024)}"\n`), [
    ['file/too-large', 0],
  ]);
});

test('50,000 documents: over the default size limit, one finding; the server still answers', async () => {
  const documents = Array.from(
    { length: 50_000 },
    (_, i) => `kind: ConfigMap\nmetadata: {name: c${i}}\n`,
  ).join('---\n');
  assert.deepEqual(await open('fifty-thousand', documents), [['file/too-large', 0]]);
  assert.deepEqual(await open('after', 'a: 1\na: 2\n'), [['yaml/duplicate-key', 1]]);
});
