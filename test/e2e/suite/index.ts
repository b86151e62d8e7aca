// The test runner that VS Code loads into the extension host (`extensionTestsPath`): both the
// code-server harness (test/e2e/vscodeServer.ts) and @vscode/test-electron call its `run()`.
//
// esbuild bundles this file on its own, so the suite files are not emitted beside it for mocha to
// find: each is imported here instead. The imports are dynamic because a suite file calls mocha's
// `suite`/`test` as soon as it is evaluated, which works only after the 'pre-require' event has
// installed those functions; esbuild still bundles them, evaluating each at its import().
import Mocha from 'mocha';
import { existsSync, watch } from 'node:fs';
import { basename, dirname } from 'node:path';
import { format } from 'node:util';

/** Every suite file, by the name mocha reports; add new `*.e2e.ts` files here. */
const suiteFiles: ReadonlyArray<readonly [string, () => Promise<unknown>]> = [
  ['extension.e2e.ts', () => import('./extension.e2e.js')],
];

// The handshake with test/e2e/vscodeServer.ts for its screenshot: VS Code reports the suite's end
// only after stopping the extension host, when diagnostics are already gone from the editor, so
// the runner asks for the screenshot itself and waits for the harness to say it has taken it.
const SCREENSHOT_REQUEST = '[podline-e2e] screenshot requested';
const SCREENSHOT_DONE_FILE_VARIABLE = 'PODLINE_E2E_SCREENSHOT_DONE_FILE';
const SCREENSHOT_WAIT_MS = 20_000;

/** Resolves once `file` exists, or after `timeoutMs` at the latest: the screenshot is only a courtesy. */
function waitForFile(file: string, timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    const watcher = watch(dirname(file), (_event, name) => {
      if (name === basename(file) && existsSync(file)) finish();
    });
    const timer = setTimeout(() => finish(), timeoutMs);
    function finish(): void {
      clearTimeout(timer);
      watcher.close();
      resolve();
    }
    if (existsSync(file)) finish();
  });
}

/** Lets the harness, if it asked through the environment, photograph the workbench as the suite left it. */
async function pauseForScreenshot(): Promise<void> {
  const doneFile = process.env[SCREENSHOT_DONE_FILE_VARIABLE];
  if (doneFile === undefined || doneFile === '') return;
  const done = waitForFile(doneFile, SCREENSHOT_WAIT_MS);
  console.log(SCREENSHOT_REQUEST);
  await done;
}

export async function run(): Promise<void> {
  // Colours would reach the log as escape codes; the timeout allows for the language server's start.
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000 });
  // VS Code's web harness receives the extension host's console as text with the arguments merely
  // joined, not substituted into mocha's printf-style formats; formatting here keeps the report readable.
  Mocha.reporters.Base.consoleLog = (...data: unknown[]) => console.log(format(...data));
  for (const [file, load] of suiteFiles) {
    mocha.suite.emit('pre-require', globalThis, file, mocha);
    const loaded = await load();
    mocha.suite.emit('require', loaded, file, mocha);
    mocha.suite.emit('post-require', globalThis, file, mocha);
  }
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  await pauseForScreenshot();
  if (failures > 0) throw new Error(`${failures} end-to-end test(s) failed.`);
}
