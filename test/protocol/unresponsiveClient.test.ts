// A client the server cannot trust to answer: one that declares workspace/configuration and
// never answers it still gets diagnostics (with the default settings, after a bounded wait),
// and the server says why in its log.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LspTestClient } from './lspTestClient';

const job = `apiVersion: batch/v1
kind: Job
metadata: {name: pi}
spec:
  template:
    spec:
      restartPolicy: Always
      containers: [{name: pi, image: perl:5.34}]
`;

test('a client that never answers workspace/configuration still gets diagnostics, with the defaults', async () => {
  const { client } = await LspTestClient.start({}, 'en', false);
  try {
    const uri = 'file:///work/unanswered.yaml';
    await client.open(uri, job);
    const { diagnostics } = await client.waitForDiagnostics(uri);
    assert.ok(diagnostics.some((diagnostic) => diagnostic.code === 'job/restart-policy'));
    const warning = await client.waitForLog((message) => message.startsWith('[settings]'));
    assert.match(
      warning,
      /did not answer workspace\/configuration within 3000 ms; using the default settings/,
    );
  } finally {
    await client.shutdown();
  }
});
