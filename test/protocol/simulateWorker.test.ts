// A long simulation does not hold up the editor: the server runs each simulation on a worker
// thread, keeps answering hovers meanwhile, and stops the worker when the request is cancelled.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { CancellationTokenSource, HoverRequest } from 'vscode-languageserver-protocol/node';
import { simulateRequest } from '../../server/src/protocol/simulateProtocol';
import { lspRequest } from './lspMessages';
import { LspTestClient } from './lspTestClient';

const cronJob = `apiVersion: batch/v1
kind: CronJob
metadata: {name: every-minute}
spec:
  schedule: "* * * * *"
  concurrencyPolicy: Allow
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: Never
          containers: [{name: c, image: busybox:1.36}]
`;
// A year of every-minute runs of a day each: about 1,440 Jobs at once, several seconds of work.
const longScenario = 'horizon: 400d\npods: {startLatency: 0, runTime: 1d}\n';

let client: LspTestClient;
before(async () => {
  ({ client } = await LspTestClient.start());
});
after(() => client.kill());

test('hovers are answered while a long simulation runs', async () => {
  const uri = 'file:///work/long-simulation.yaml';
  await client.open(uri, cronJob);
  await client.waitForDiagnostics(uri);
  const source = new CancellationTokenSource();
  const simulation = client.connection.sendRequest(
    lspRequest(simulateRequest),
    { uri, document: 0, scenario: longScenario },
    source.token,
  );
  // Not a timing: the hover must come back while the simulation is still running.
  let simulationSettled = false;
  simulation.then(
    () => (simulationSettled = true),
    () => (simulationSettled = true),
  );
  const hover = await client.connection.sendRequest(HoverRequest.type, {
    textDocument: { uri },
    position: { line: 4, character: 5 },
  });
  assert.ok(hover, 'the hover on concurrencyPolicy has an answer');
  assert.equal(simulationSettled, false, 'the hover waited for the simulation');
  // Cancel the simulation: the request ends with RequestCancelled, and the server still works.
  source.cancel();
  await assert.rejects(simulation, (error: { code?: number }) => error.code === -32800);
  const again = await client.connection.sendRequest(lspRequest(simulateRequest), { uri, document: 0 });
  assert.equal(again.ok, true);
  client.assertNoErrorsLogged();
});
