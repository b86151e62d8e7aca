// Runs the end-to-end suite (test/e2e/suite) in VS Code desktop through @vscode/test-electron, the
// ecosystem's usual runner: `npm run test:electron`. It downloads VS Code on first use, so it
// needs internet access; machines without it use test/e2e/vscode.test.ts instead.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  // This file runs compiled, from out/test/e2e/.
  const repoRoot = resolve(__dirname, '..', '..', '..');
  // VS Code may write to the opened folder, so it gets a scratch copy of the fixtures.
  const workspacePath = mkdtempSync(join(tmpdir(), 'podline-e2e-workspace-'));
  cpSync(join(repoRoot, 'test', 'e2e', 'workspace'), workspacePath, { recursive: true });
  try {
    await runTests({
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: join(__dirname, 'suite', 'index.js'),
      // Other installed extensions could react to the same YAML files and skew the results.
      launchArgs: [workspacePath, '--disable-extensions'],
    });
  } finally {
    rmSync(workspacePath, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error('The end-to-end suite failed:', error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
