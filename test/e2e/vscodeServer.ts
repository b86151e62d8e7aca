// Runs an extension's test suite in a real VS Code on a machine that cannot download VS Code: the
// VS Code server inside the npm package `code-server`, opened in Debian's Chromium by Playwright.
// It speaks the protocol of VS Code's own web integration tests (a `payload` query parameter and
// the `codeAutomationLog`/`codeAutomationExit` page functions). That protocol is internal to
// VS Code, so this file is the only one that knows it; see shared/real-vscode-e2e.md.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export interface VscodeServerPaths {
  /** The Node 24 binary that code-server requires. */
  node24: string;
  /** `lib/vscode/out/server-main.js` inside the installed code-server. */
  serverMain: string;
}

export interface ExtensionTestOptions {
  /** Where the VS Code server is installed, as returned by `ensureVscodeServer()`. */
  server: VscodeServerPaths;
  /** The folder holding the extension's package.json. */
  extensionPath: string;
  /** The compiled test index whose `run()` runs the suite inside the extension host. */
  testsPath: string;
  /** The folder opened as the workspace; the web build may write to it, so pass a scratch copy. */
  workspacePath: string;
  /** How long the whole run, from starting the server to the suite's exit, may take. */
  timeoutMs: number;
  /** If set, a screenshot of the workbench is written here before the browser closes. */
  screenshotPath?: string;
}

export interface ExtensionTestResult {
  /** The exit code the extension host reported: 0 when `run()` resolved. */
  exitCode: number;
  /** The workbench log while the suite ran, the extension host's console output (mocha's report) included. */
  output: string;
}

const CHROMIUM = '/usr/bin/chromium';
// Playwright adds `--headless` itself and refuses `--user-data-dir`; the rest keeps Chromium from
// reaching for the network, which is closed here, and from needing a GPU or a sandbox.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const PORT_POLL_MS = 100;
const SCREENSHOT_TIMEOUT_MS = 10_000;
const SCREENSHOT_ATTEMPTS = 5;
const TERMINATION_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
const MAX_SERVER_LOG = 20_000;
// The screenshot handshake with test/e2e/suite/index.ts: the runner logs the request once the
// suite is done, while its editors and diagnostics are still shown (VS Code reports the exit only
// after stopping the extension host), and waits for the file named in the variable to appear.
const SCREENSHOT_REQUEST = '[podline-e2e] screenshot requested';
const SCREENSHOT_DONE_FILE_VARIABLE = 'PODLINE_E2E_SCREENSHOT_DONE_FILE';

/** Asks the kernel for a free loopback port; the tiny race before the server binds it is acceptable in tests. */
function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => {
        if (address !== null && typeof address === 'object') resolve(address.port);
        else reject(new Error('Could not read the probe port'));
      });
    });
  });
}

function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * Kills the server's whole process group: killing only server-main.js would leave the extension
 * host and the language server running, and the remote extension host waits hours for a reconnect.
 */
function killProcessGroup(server: ChildProcess): void {
  if (server.pid === undefined) return;
  try {
    process.kill(-server.pid, 'SIGKILL');
  } catch {
    // The group is already gone.
  }
}

/** Resolves once the server's leader process has exited, so that its scratch folder can be removed. */
function leaderExited(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null || server.pid === undefined)
    return Promise.resolve();
  return new Promise((resolve) => server.once('exit', () => resolve()));
}

/**
 * Runs in the page: loads every CSS background image in it, then waits for two frames. Chromium
 * loads a background image (such as the SVG of an error squiggle) only when it first paints it,
 * so a screenshot taken at once shows the element without it. The frames are bounded by a timer
 * because a page that is not being drawn gets none.
 */
async function whenBackgroundImagesPainted(): Promise<void> {
  const urls = new Set<string>();
  for (const element of Array.from(document.querySelectorAll('*'))) {
    for (const match of getComputedStyle(element).backgroundImage.matchAll(/url\("(.*?)"\)/g)) {
      if (match[1] !== undefined) urls.add(match[1]);
    }
  }
  await Promise.all(
    [...urls].map((url) => {
      const image = new Image();
      image.src = url;
      return image.decode().catch(() => undefined);
    }),
  );
  // Two frames: the first repaints with the images, the second starts once that one is drawn.
  await new Promise((resolve) => {
    requestAnimationFrame(() => requestAnimationFrame(resolve));
    setTimeout(resolve, 1_000);
  });
}

/** Turns a local path into the URI the browser uses for the same path on the server. */
function remoteUri(authority: string, path: string): string {
  return `vscode-remote://${authority}${path}`;
}

export async function runExtensionTests(options: ExtensionTestOptions): Promise<ExtensionTestResult> {
  const scratch = mkdtempSync(join(tmpdir(), 'podline-vscode-'));
  const dirs = {
    home: join(scratch, 'home'),
    serverData: join(scratch, 'server-data'),
    userData: join(scratch, 'user-data'),
    extensions: join(scratch, 'extensions'),
    profile: join(scratch, 'chromium-profile'),
  };
  for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });
  // The web build autosaves edits into the workspace by default; tests must control when files change.
  mkdirSync(join(dirs.userData, 'User'), { recursive: true });
  writeFileSync(join(dirs.userData, 'User', 'settings.json'), JSON.stringify({ 'files.autoSave': 'off' }));

  const output: string[] = [];
  const screenshotDoneFile = join(scratch, 'screenshot-done');
  let screenshot: Promise<void> | undefined;
  let serverLog = '';
  let server: ChildProcess | undefined;
  let context: BrowserContext | undefined;
  const describeFailure = (message: string): Error =>
    new Error(
      `${message}\n--- VS Code output ---\n${output.join('\n')}\n--- server log (end) ---\n${serverLog}`,
    );

  // Every wait below races `stopped`, which rejects on the timeout or on a termination signal.
  let stop: (error: Error) => void = () => undefined;
  const stopped = new Promise<never>((_, reject) => {
    stop = reject;
  });
  stopped.catch(() => undefined);
  const guard = <T>(promise: Promise<T>): Promise<T> => Promise.race([promise, stopped]);
  const timer = setTimeout(
    () => stop(describeFailure(`The run did not finish within ${options.timeoutMs} ms`)),
    options.timeoutMs,
  );

  // The server runs in its own session, so neither a Ctrl-C in the terminal nor this process's
  // death reaches it: its group is killed on exit and on the usual termination signals too.
  let interruptedBy: NodeJS.Signals | undefined;
  const killServer = (): void => {
    if (server) killProcessGroup(server);
  };
  const onSignal = (signal: NodeJS.Signals): void => {
    interruptedBy = signal;
    killServer();
    stop(describeFailure(`Interrupted by ${signal}`));
  };
  // Playwright's own SIGINT handler may exit the process before the cleanup below runs.
  const cleanUpAtExit = (): void => {
    killServer();
    rmSync(scratch, { recursive: true, force: true, maxRetries: 5 });
  };
  process.once('exit', cleanUpAtExit);
  for (const signal of TERMINATION_SIGNALS) process.on(signal, onSignal);

  try {
    const port = await findFreePort();
    const authority = `127.0.0.1:${port}`;
    // `detached` makes the server the leader of a new session and process group (setsid(2)), so
    // that its whole group, extension host and language server included, can be killed at the end.
    server = spawn(
      options.server.node24,
      [
        options.server.serverMain,
        '--host',
        '127.0.0.1',
        '--port',
        String(port),
        '--without-connection-token',
        '--accept-server-license-terms',
        '--enable-smoke-test-driver',
        '--disable-telemetry',
        '--disable-workspace-trust',
        '--server-data-dir',
        dirs.serverData,
        '--user-data-dir',
        dirs.userData,
        '--extensions-dir',
        dirs.extensions,
      ],
      {
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: {
          ...process.env,
          HOME: dirs.home,
          XDG_CONFIG_HOME: join(dirs.home, '.config'),
          XDG_DATA_HOME: join(dirs.home, '.local', 'share'),
          XDG_CACHE_HOME: join(dirs.home, '.cache'),
          XDG_STATE_HOME: join(dirs.home, '.local', 'state'),
          XDG_RUNTIME_DIR: join(dirs.home, '.runtime'),
          // The extension host inherits this environment; the variable also tells the runner to ask.
          ...(options.screenshotPath !== undefined
            ? { [SCREENSHOT_DONE_FILE_VARIABLE]: screenshotDoneFile }
            : {}),
        },
      },
    );
    const appendServerLog = (chunk: Buffer): void => {
      serverLog = (serverLog + chunk.toString()).slice(-MAX_SERVER_LOG);
    };
    server.stdout?.on('data', appendServerLog);
    server.stderr?.on('data', appendServerLog);
    const serverFailed = new Promise<never>((_, reject) => {
      server?.once('exit', (code, signal) =>
        reject(
          describeFailure(`The VS Code server exited (code ${code ?? 'none'}, signal ${signal ?? 'none'})`),
        ),
      );
      server?.once('error', (error) =>
        reject(describeFailure(`The VS Code server failed: ${error.message}`)),
      );
    });
    serverFailed.catch(() => undefined);
    const guardServer = <T>(promise: Promise<T>): Promise<T> => guard(Promise.race([promise, serverFailed]));

    // Polling is the one wait with a fixed step: the server prints nothing reliable when it is ready.
    while (!(await guardServer(portAnswers(port)))) {
      await guardServer(new Promise((resolve) => setTimeout(resolve, PORT_POLL_MS)));
    }

    context = await guardServer(
      chromium.launchPersistentContext(dirs.profile, {
        executablePath: CHROMIUM,
        headless: true,
        args: CHROMIUM_ARGS,
        viewport: { width: 1280, height: 800 },
      }),
    );
    const page = context.pages()[0] ?? (await guardServer(context.newPage()));
    const takeScreenshot = async (path: string): Promise<void> => {
      // A screenshot is for a person to look at; failing to take one must not hide the result.
      try {
        mkdirSync(dirname(path), { recursive: true });
        // Like Playwright's own visual comparisons, wait for two identical screenshots in a row:
        // Chromium paints some images (the squiggles' SVG) only in a frame after the first one.
        let previous: Buffer | undefined;
        for (let attempt = 0; attempt < SCREENSHOT_ATTEMPTS; attempt++) {
          await page.evaluate(whenBackgroundImagesPainted);
          const current = await page.screenshot({ timeout: SCREENSHOT_TIMEOUT_MS });
          const stable = previous?.equals(current) ?? false;
          previous = current;
          if (stable) break;
        }
        if (previous) writeFileSync(path, previous);
      } catch {
        // Ignored on purpose, see above.
      }
    };

    let reportExit: (code: number) => void = () => undefined;
    const exited = new Promise<number>((resolve) => {
      reportExit = resolve;
    });
    // The workbench calls these instead of writing to a terminal: the first with each line of its
    // log, the extension host's console included; the second with the extension host's exit code
    // once the test runner's `run()` has settled (0 when it resolved).
    await guardServer(
      page.exposeFunction('codeAutomationLog', (level: unknown, message: unknown) => {
        // Workbench lines come as strings, forwarded console calls as arrays of their arguments.
        const parts: unknown[] = Array.isArray(message) ? message : [message];
        const text = parts.map((part) => (typeof part === 'string' ? part : JSON.stringify(part))).join(' ');
        output.push(level === 'error' || level === 'warn' ? `[${String(level)}] ${text}` : text);
        if (text === SCREENSHOT_REQUEST && options.screenshotPath !== undefined && screenshot === undefined) {
          screenshot = takeScreenshot(options.screenshotPath).then(() =>
            writeFileSync(screenshotDoneFile, ''),
          );
        }
      }),
    );
    await guardServer(
      page.exposeFunction('codeAutomationExit', (code: unknown) => {
        reportExit(typeof code === 'number' ? code : 1);
      }),
    );

    const payload = [
      ['extensionDevelopmentPath', remoteUri(authority, options.extensionPath)],
      ['extensionTestsPath', remoteUri(authority, options.testsPath)],
      ['skipWelcome', 'true'],
    ];
    const url =
      `http://${authority}/?folder=${encodeURIComponent(options.workspacePath)}` +
      `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    try {
      await guardServer(page.goto(url));
      const exitCode = await guardServer(exited);
      return { exitCode, output: output.join('\n') };
    } finally {
      // Without the runner's request (it failed to load, or the run timed out), the workbench as it
      // is now is the best picture there is.
      if (options.screenshotPath !== undefined && interruptedBy === undefined) {
        await (screenshot ?? takeScreenshot(options.screenshotPath));
      }
    }
  } finally {
    clearTimeout(timer);
    await context?.close().catch(() => undefined);
    if (server) {
      killProcessGroup(server);
      await leaderExited(server);
    }
    process.removeListener('exit', cleanUpAtExit);
    for (const signal of TERMINATION_SIGNALS) process.removeListener(signal, onSignal);
    rmSync(scratch, { recursive: true, force: true, maxRetries: 5 });
    // Listening to a signal cancelled its default action; once cleaned up, let it end the process
    // as it would have, unless someone else (a test runner) handles it.
    if (interruptedBy !== undefined && process.listenerCount(interruptedBy) === 0) {
      process.kill(process.pid, interruptedBy);
    }
  }
}
