import assert from 'node:assert/strict';
import { after, afterEach, before, test } from 'node:test';
import { analyzeDocument } from '../../server/src/core/analysis/analyzeDocument';
import { defaultSettings } from '../../server/src/core/settings';
import { LineIndex } from '../../server/src/core/text/offsetRange';
import { LspTestClient } from './lspTestClient';

// Large files take another path through the server the first time: parsed a slice at a time
// (from 256 KB). What the user gets must not change, and typing must never wait for the analysis
// of a version already replaced.

let client: LspTestClient;

before(async () => {
  ({ client } = await LspTestClient.start());
});

after(async () => {
  await client.shutdown();
  client.kill();
});

// A failure the server caught and logged fails the test that caused it.
afterEach(() => client.assertNoErrorsLogged());

/** A file of `count` workloads, one in seven with a mistake of some kind. */
function largeFile(count: number): string {
  const documents: string[] = [];
  for (let i = 0; i < count; i++) {
    const mistake = i % 7 === 3 ? ['duplicate', 'unknown', 'restart', 'schedule', 'syntax'][i % 5] : '';
    const pod = (policy: string): string =>
      `      restartPolicy: ${mistake === 'restart' ? 'Always' : policy}
      containers:
        - name: main
          image: registry.example/app:1.${i}
          resources: {requests: {cpu: 100m, memory: 64Mi}}
          ${mistake === 'unknown' ? 'imagePullPolicyy: Always' : 'imagePullPolicy: IfNotPresent'}
          args: ["--item", "${i}"${mistake === 'syntax' ? ' "broken"' : ''}]`;
    if (i % 2 === 0) {
      documents.push(`apiVersion: batch/v1
kind: Job
metadata:
  name: job-${i}
spec:
  backoffLimit: ${i % 6}
${mistake === 'duplicate' ? '  backoffLimit: 2\n' : ''}  ttlSecondsAfterFinished: 600
  template:
    spec:
${pod('Never')}`);
    } else {
      documents.push(`apiVersion: batch/v1
kind: CronJob
metadata:
  name: cron-${i}
spec:
  schedule: "${mistake === 'schedule' ? '0 3 * *' : `${i % 60} 3 * * *`}"
  timeZone: Europe/Berlin
  startingDeadlineSeconds: 300
  jobTemplate:
    spec:
      template:
        spec:
${pod('OnFailure').replace(/^/gm, '    ')}`);
    }
  }
  return `${documents.join('\n---\n')}\n`;
}

/** Findings as the editor shows them: code and 0-based start and end positions. */
function expected(text: string): string[] {
  const lines = new LineIndex(text);
  return analyzeDocument(text, defaultSettings).findings.map((finding) => {
    const start = lines.positionAt(finding.range.start);
    const end = lines.positionAt(finding.range.end);
    return `${finding.code} ${start.line}:${start.character}-${end.line}:${end.character}`;
  });
}

async function published(uri: string, version: number): Promise<string[]> {
  const { diagnostics } = await client.waitForDiagnostics(
    uri,
    (candidate) => candidate.version === version,
    120_000,
  );
  return diagnostics.map(
    (diagnostic) =>
      `${String(diagnostic.code)} ${diagnostic.range.start.line}:${diagnostic.range.start.character}-${diagnostic.range.end.line}:${diagnostic.range.end.character}`,
  );
}

const what = 'a slice at a time';
for (const count of [700, 1400]) {
  test(`a large file (${count} documents) analysed ${what} gets exactly the findings of one pass`, async () => {
    const text = largeFile(count);
    assert.ok(text.length > 256 * 1024, `${text.length} characters`);
    const uri = `file:///large/${count}.yaml`;
    await client.open(uri, text);
    const want = expected(text);
    assert.ok(want.length > 50, 'the file has findings of every kind');
    assert.deepEqual(await published(uri, 1), want);
    // The server says which way it went (in the Podline output channel).
    await client.waitForLog((message) => message.includes(`${uri} (`) && message.includes(what));
    // The next edit goes through the remembered analysis of each document.
    const version = await client.change(uri, [
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# edited\n' },
    ]);
    assert.deepEqual(await published(uri, version), expected(`# edited\n${text}`));
    assert.ok(
      client.logs.some((message) => message.includes(`${uri} (`) && message.includes('document by document')),
    );
  });

  test(`typing while a large file (${count} documents) is analysed ${what}: the replaced version is never published`, async () => {
    const text = largeFile(count);
    const uri = `file:///large/typing-${count}.yaml`;
    await client.open(uri, text);
    const version = await client.change(uri, [
      { range: { start: { line: 3, character: 8 }, end: { line: 3, character: 8 } }, text: 'x' },
    ]);
    const edited = text.replace('name: job-0', 'name: xjob-0');
    assert.deepEqual(await published(uri, version), expected(edited));
    assert.equal(
      client.diagnosticsFor(uri).filter((params) => params.version === 1).length,
      0,
      'diagnostics of the replaced version were published',
    );
  });
}
