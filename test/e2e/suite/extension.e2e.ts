// End-to-end tests that run inside a real VS Code extension host, with the real language client
// starting the real language server. Loaded by ./index.ts, which provides mocha's TDD globals.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { contributedCommands } from '../../../server/src/protocol/podlineCommands';

/** The API that the extension's `activate` returns (client/src/extension.ts). */
interface PodlineApi {
  outputChannel: vscode.LogOutputChannel;
  languageStatus: vscode.LanguageStatusItem;
  simulationPanels(): { title: string; outcome: string | null; error: string | null }[];
}

const EXTENSION_ID = 'podline.podline';
const DIAGNOSTICS_TIMEOUT_MS = 30_000;

function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, name);
}

async function openInEditor(uri: vscode.Uri): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document);
  return document;
}

/**
 * Resolves with the diagnostics of `uri` once `accept` approves them, checking now and at every
 * change: the language server publishes asynchronously, and a fixed sleep would be either slow or
 * flaky. Rejects after `timeoutMs` with the last diagnostics seen, to explain the failure.
 */
function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (diagnostics: readonly vscode.Diagnostic[]) => boolean,
  timeoutMs: number,
): Promise<readonly vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const finish = (action: () => void): void => {
      clearTimeout(timer);
      subscription.dispose();
      action();
    };
    const check = (): void => {
      const diagnostics = vscode.languages.getDiagnostics(uri);
      if (accept(diagnostics)) finish(() => resolve(diagnostics));
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((changed) => changed.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      const seen = vscode.languages.getDiagnostics(uri).map((d) => ({
        severity: vscode.DiagnosticSeverity[d.severity],
        source: d.source,
        code: typeof d.code === 'object' ? d.code.value : d.code,
        message: d.message,
        range: [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character],
      }));
      finish(() =>
        reject(new Error(`No matching diagnostic within ${timeoutMs} ms; saw ${JSON.stringify(seen)}`)),
      );
    }, timeoutMs);
    check();
  });
}

/** A diagnostic's code as a string, whether the server sent a plain code or one with a link. */
function codeOf(diagnostic: vscode.Diagnostic): string | number | undefined {
  return typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
}

suite('Podline in VS Code', () => {
  test('reports a duplicate key as an error on the second key', async () => {
    const uri = workspaceFile('job-duplicate-key.yaml');
    await openInEditor(uri);
    const isDuplicateKey = (d: vscode.Diagnostic): boolean =>
      d.source === 'podline' && codeOf(d) === 'yaml/duplicate-key';
    const diagnostics = await waitForDiagnostics(
      uri,
      (all) => all.some(isDuplicateKey),
      DIAGNOSTICS_TIMEOUT_MS,
    );

    const duplicates = diagnostics.filter(isDuplicateKey);
    assert.equal(duplicates.length, 1, 'exactly one duplicate-key diagnostic');
    const [duplicate] = duplicates;
    assert.ok(duplicate);
    assert.equal(duplicate.severity, vscode.DiagnosticSeverity.Error);
    // Line 4 (0-based) is `  name: nightly-report-copy`: the second `name` under `metadata`,
    // whose key spans characters 2 to 6.
    assert.deepEqual(
      [
        duplicate.range.start.line,
        duplicate.range.start.character,
        duplicate.range.end.line,
        duplicate.range.end.character,
      ],
      [4, 2, 4, 6],
    );
  });

  test('exports its output channel and language status, and shows its output', async () => {
    const extension = vscode.extensions.getExtension<PodlineApi>(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is loaded`);
    const api = await extension.activate();
    assert.ok(api, 'activate() returns the API');
    assert.equal(api.outputChannel.name, 'Podline');

    await openInEditor(workspaceFile('job-duplicate-key.yaml'));
    assert.notEqual(api.languageStatus.text.trim(), '', 'the language status item has text');

    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes(contributedCommands.showOutput), 'podline.showOutput is registered');
    await vscode.commands.executeCommand(contributedCommands.showOutput);
  });

  test('Select Kubernetes Version sets the workspace setting, and refuses a version Podline lacks', async () => {
    const configuration = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('podline');
    const before = configuration().inspect<string>('kubernetesVersion')?.workspaceValue;
    try {
      const set = await vscode.commands.executeCommand(contributedCommands.selectKubernetesVersion, '1.35');
      assert.equal(set, '1.35');
      assert.equal(configuration().inspect<string>('kubernetesVersion')?.workspaceValue, '1.35');
      const refused = await vscode.commands.executeCommand(
        contributedCommands.selectKubernetesVersion,
        '9.99',
      );
      assert.equal(refused, undefined);
      assert.equal(
        configuration().get<string>('kubernetesVersion'),
        '1.35',
        'an unsupported version changes nothing',
      );
    } finally {
      await configuration().update('kubernetesVersion', before, vscode.ConfigurationTarget.Workspace);
    }
  });

  test('hover on backoffLimit explains the retries as Kubernetes counts them', async () => {
    const uri = workspaceFile('job-pi.yaml');
    const document = await openInEditor(uri);
    await waitForDiagnostics(uri, () => true, DIAGNOSTICS_TIMEOUT_MS);
    const line = document
      .getText()
      .split('\n')
      .findIndex((text) => text.startsWith('  backoffLimit'));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      uri,
      new vscode.Position(line, 4),
    );
    const text = hovers
      .flatMap((hover) => hover.contents)
      .map((content) => (typeof content === 'string' ? content : content.value))
      .join('\n');
    // backoffLimit 4 with restartPolicy Never: up to 5 pods in all (kubernetes-behaviour §3.1).
    assert.match(text, /the 5th failed pod/);
  });

  test('a code lens summarises the Job above it', async () => {
    const uri = workspaceFile('job-pi.yaml');
    await openInEditor(uri);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>(
      'vscode.executeCodeLensProvider',
      uri,
    );
    const titles = lenses.map((lens) => lens.command?.title ?? '');
    assert.ok(
      titles.some((title) => /Job/.test(title) && /8 completions, 3 at a time/.test(title)),
      `lens titles: ${titles.join(' | ')}`,
    );
  });

  test('Preview Created Objects opens the pods the Job controller would create', async () => {
    const uri = workspaceFile('job-pi.yaml');
    await openInEditor(uri);
    await vscode.commands.executeCommand(contributedCommands.previewCreatedObjects, {
      uri: uri.toString(),
      document: 0,
    });
    const preview = await new Promise<vscode.TextDocument>((resolve, reject) => {
      const find = (): vscode.TextDocument | undefined =>
        vscode.workspace.textDocuments.find((candidate) => candidate.uri.scheme === 'podline-preview');
      const found = find();
      if (found) return resolve(found);
      const timer = setTimeout(() => reject(new Error('no preview document opened')), DIAGNOSTICS_TIMEOUT_MS);
      const subscription = vscode.workspace.onDidOpenTextDocument(() => {
        const opened = find();
        if (!opened) return;
        clearTimeout(timer);
        subscription.dispose();
        resolve(opened);
      });
    });
    const content = preview.getText();
    assert.match(content, /kind: Pod/);
    assert.match(content, /job-name: pi/);
    assert.match(content, /batch\.kubernetes\.io\/job-name: pi/);
  });

  test('Run Simulation opens the timeline panel, which shows the Job completing', async () => {
    const extension = vscode.extensions.getExtension<PodlineApi>(EXTENSION_ID);
    assert.ok(extension);
    const api = await extension.activate();
    const uri = workspaceFile('job-pi.yaml');
    await openInEditor(uri);
    await waitForDiagnostics(uri, () => true, DIAGNOSTICS_TIMEOUT_MS);
    await vscode.commands.executeCommand(contributedCommands.runSimulation, {
      uri: uri.toString(),
      document: 0,
    });
    const started = Date.now();
    let panels = api.simulationPanels();
    while (
      !panels.some((panel) => panel.outcome !== null || panel.error !== null) &&
      Date.now() - started < DIAGNOSTICS_TIMEOUT_MS
    ) {
      // The panel asks the server for the timeline; poll the host's view of it.
      await new Promise((resolve) => setTimeout(resolve, 100));
      panels = api.simulationPanels();
    }
    const [panel] = panels;
    assert.ok(panel, 'a simulation panel is open');
    assert.equal(panel.error, null);
    // completions 8 at parallelism 3 with pods that succeed: the Job completes.
    assert.equal(panel.outcome, 'Complete');
    assert.match(panel.title, /Job pi/);
  });
});
