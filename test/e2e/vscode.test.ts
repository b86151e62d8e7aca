// Runs the end-to-end suite (test/e2e/suite) in a real VS Code extension host: the VS Code server
// from the npm package `code-server`, driven in Debian's Chromium. The first run installs that
// server into .vscode-test/ (several minutes), hence the generous timeout.
import * as assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { runExtensionTests, type VscodeServerPaths } from './vscodeServer';

// This file runs compiled, from out/test/e2e/.
const repoRoot = resolve(__dirname, '..', '..', '..');
const INSTALL_AND_RUN_TIMEOUT_MS = 15 * 60_000;
const SUITE_TIMEOUT_MS = 5 * 60_000;

interface SetupModule {
  ensureVscodeServer(): Promise<VscodeServerPaths>;
}

test('the end-to-end suite passes in a real VS Code', { timeout: INSTALL_AND_RUN_TIMEOUT_MS }, async () => {
  const testsPath = join(repoRoot, 'out', 'test', 'e2e', 'suite', 'index.js');
  for (const built of [join(repoRoot, 'dist', 'client', 'extension.js'), testsPath]) {
    assert.ok(existsSync(built), `${built} is missing: run \`npm run build\` first`);
  }

  // The installer is plain ESM outside the bundle; a computed specifier keeps esbuild from inlining it.
  const setupUrl = pathToFileURL(join(repoRoot, 'scripts', 'setupVscodeServer.mjs')).href;
  const setup = (await import(setupUrl)) as SetupModule;
  const server = await setup.ensureVscodeServer();

  // The web build writes edits back to disk, so the suite gets a scratch copy of the fixtures.
  const workspacePath = mkdtempSync(join(tmpdir(), 'podline-e2e-workspace-'));
  cpSync(join(repoRoot, 'test', 'e2e', 'workspace'), workspacePath, { recursive: true });
  try {
    const started = Date.now();
    const result = await runExtensionTests({
      server,
      extensionPath: repoRoot,
      testsPath,
      workspacePath,
      timeoutMs: SUITE_TIMEOUT_MS,
      screenshotPath: join(repoRoot, 'out', 'e2e', 'vscode.png'),
    });
    console.log(`--- VS Code extension host output (${Math.round((Date.now() - started) / 1000)} s) ---`);
    console.log(result.output);
    console.log('--- end of VS Code extension host output ---');

    assert.equal(result.exitCode, 0, 'the suite exits with code 0');
    // A suite that loaded no test would also exit with 0; mocha's summary shows that it ran some.
    const passing = /^\s*(\d+) passing\b/m.exec(result.output);
    assert.ok(passing && Number(passing[1]) > 0, 'mocha reports at least one passing test');
  } finally {
    rmSync(workspacePath, { recursive: true, force: true });
  }
});
