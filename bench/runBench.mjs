// The side-by-side benchmark: Podline's language server and yaml-language-server (given a local
// Kubernetes JSON schema, so it validates offline), driven by the same small LSP client over
// stdio on the same generated files. One server at a time, never in parallel; runs interleave
// the servers and repeat, and the report gives medians and ratios.
//
// Usage: npm run bench [-- --quick] [--sizes 1,100] [--repeats N] [--write]
//   --quick      sizes 1, 100 and 1,000, three repeats (for development)
//   --sizes      document counts to run (default 1,100,1000,5000)
//   --repeats    runs per size, variant and server (default 5, and 3 for 5,000 documents)
//   --servers    podline,yaml (default both)
//   --write      replace the generated section of bench/RESULTS.md with this run's tables
//   --podline-node-args / --yaml-node-args   extra node options for one server (e.g. --cpu-prof)
//   --podline-server   another build of Podline's server to run (default dist/server/languageServer.js)
//   --variant NAME=PATH   also run another build of Podline's server, as an extra column (repeatable)
//   --peer DIR   yaml-language-server's package folder (default node_modules/yaml-language-server)
//   --render FILE   print the tables of an earlier run from its bench/tmp/results-*.json, run nothing
// It expects the Podline server built (npm run bench runs scripts/build.mjs first).
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { clearTimeout, setTimeout } from 'node:timers';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import { writePeerSchema } from './buildPeerSchema.mjs';
import { generateWorkloadFile, probePositions } from './generateWorkloads.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const tmp = join(root, 'bench', 'tmp');

/** A fast typist: one keystroke every this many milliseconds. */
const keystrokeIntervalMs = 100;
const keystrokes = 10;
/** Quiet time after the handshake and after each phase, so phases do not overlap. */
const settleMs = 500;
const diagnosticsTimeoutMs = 300_000;
/** The largest file Podline accepts; the default (2 MiB) would skip the big files. */
const podlineMaxFileSize = 256 * 1024 * 1024;

const { values: options } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    sizes: { type: 'string' },
    repeats: { type: 'string' },
    servers: { type: 'string', default: 'podline,yaml' },
    write: { type: 'boolean', default: false },
    'podline-server': { type: 'string' },
    peer: { type: 'string' },
    render: { type: 'string' },
    variant: { type: 'string', multiple: true, default: [] },
    'podline-node-args': { type: 'string', default: '' },
    'yaml-node-args': { type: 'string', default: '' },
  },
});

const sizes = (options.sizes ?? (options.quick ? '1,100,1000' : '1,100,1000,5000'))
  .split(',')
  .map((size) => Number(size.trim()));
const repeatsFor = (size) =>
  options.repeats !== undefined ? Number(options.repeats) : options.quick ? 3 : size >= 5000 ? 3 : 5;
const splitArgs = (text) => text.split(' ').filter((arg) => arg !== '');

// ---------------------------------------------------------------------------------------------
// The servers

/**
 * Copies the built server aside (the server and its analysis worker), so a rebuild during the
 * run cannot pull it from under us.
 */
function snapshotPodlineServer() {
  const builtDirectory = join(root, 'dist', 'server');
  const built = join(builtDirectory, 'languageServer.js');
  if (!existsSync(built)) throw new Error(`${built} is missing: run node scripts/build.mjs first`);
  mkdirSync(join(tmp, 'podline'), { recursive: true });
  for (const name of readdirSync(builtDirectory)) {
    if (name.endsWith('.js') || name.endsWith('.js.map'))
      copyFileSync(join(builtDirectory, name), join(tmp, 'podline', name));
  }
  return join(tmp, 'podline', 'languageServer.js');
}

/** Where yaml-language-server is installed: the project's devDependency, or `--peer DIR`. */
const peerDirectory = resolve(options.peer ?? join(root, 'node_modules', 'yaml-language-server'));

function peerServerPath() {
  const path = join(peerDirectory, 'bin', 'yaml-language-server');
  if (!existsSync(path))
    throw new Error(
      `yaml-language-server is not installed at ${peerDirectory}: ` +
        'npm install --save-dev --save-exact --engine-strict=false yaml-language-server@2.0.0',
    );
  return path;
}

function peerVersion() {
  return JSON.parse(readFileSync(join(peerDirectory, 'package.json'), 'utf8')).version;
}

/** What each server is started with and which settings it is given. */
function serverDefinitions(schemaUri) {
  return {
    podline: {
      name: 'Podline',
      script: options['podline-server'] ? resolve(options['podline-server']) : snapshotPodlineServer(),
      source: options['podline-server'] ?? 'dist/server/languageServer.js',
      nodeArgs: splitArgs(options['podline-node-args']),
      settings: { podline: { maxFileSize: podlineMaxFileSize, locale: 'en' } },
      versioned: true,
    },
    yaml: {
      name: `yaml-language-server ${peerVersion()}`,
      script: peerServerPath(),
      source: relative(root, peerDirectory),
      nodeArgs: splitArgs(options['yaml-node-args']),
      settings: {
        yaml: {
          schemas: { [schemaUri]: '*.yaml' },
          validate: true,
          hover: true,
          completion: true,
          format: { enable: false },
          schemaStore: { enable: false },
          kubernetesCRDStore: { enable: false },
        },
        http: { proxy: '', proxyStrictSSL: false },
        '[yaml]': {},
        editor: {},
      },
      // yaml-language-server publishes diagnostics without a version.
      versioned: false,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The client: one implementation for both servers.

class BenchClient {
  /** Every publishDiagnostics received, with the time it arrived. */
  published = [];
  waiters = [];
  stderr = '';
  /** What the server logged (window/logMessage): Podline says how it analysed a large file. */
  logs = [];

  constructor(server) {
    this.server = server;
    this.child = spawn(process.execPath, [...server.nodeArgs, server.script, '--stdio'], {
      stdio: 'pipe',
      cwd: tmp,
    });
    this.exited = new Promise((resolveExit) => this.child.once('exit', (code) => resolveExit(code)));
    this.child.stderr.on('data', (chunk) => {
      this.stderr = (this.stderr + chunk.toString()).slice(-4000);
    });
    this.connection = createProtocolConnection(
      new StreamMessageReader(this.child.stdout),
      new StreamMessageWriter(this.child.stdin),
    );
    this.connection.onNotification('textDocument/publishDiagnostics', (params) => {
      const entry = { at: performance.now(), params };
      this.published.push(entry);
      for (const waiter of [...this.waiters]) {
        if (waiter.predicate(entry)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve(entry);
        }
      }
    });
    // Answer what an editor answers: settings by section, and null for anything else.
    this.connection.onRequest('workspace/configuration', (params) =>
      params.items.map((item) => server.settings[item.section ?? ''] ?? null),
    );
    this.connection.onNotification('window/logMessage', (params) => this.logs.push(params.message));
    this.connection.onRequest(() => null);
    this.connection.onNotification(() => undefined);
    this.connection.listen();
  }

  get pid() {
    return this.child.pid;
  }

  async initialize() {
    await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(tmp).href,
      workspaceFolders: [{ uri: pathToFileURL(tmp).href, name: 'bench' }],
      locale: 'en',
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false } },
        textDocument: {
          synchronization: { dynamicRegistration: false },
          publishDiagnostics: { versionSupport: true, relatedInformation: true },
          hover: { contentFormat: ['markdown', 'plaintext'] },
        },
      },
      initializationOptions: {},
    });
    await this.connection.sendNotification('initialized', {});
    await this.connection.sendNotification('workspace/didChangeConfiguration', {
      settings: this.server.settings,
    });
  }

  /** Resolves with the first publishDiagnostics (already received or future) that satisfies `predicate`. */
  waitForDiagnostics(predicate, what) {
    const known = this.published.find(predicate);
    if (known) return Promise.resolve(known);
    return new Promise((resolveWait, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(`${this.server.name}: no diagnostics ${what} within ${diagnosticsTimeoutMs} ms`));
      }, diagnosticsTimeoutMs);
      this.waiters.push({
        predicate,
        resolve: (entry) => {
          clearTimeout(timer);
          resolveWait(entry);
        },
      });
      this.exited.then((code) =>
        reject(new Error(`${this.server.name} exited (${code}) ${what}; stderr: ${this.stderr}`)),
      );
    });
  }

  /** The process's peak resident memory so far, in bytes (VmHWM). */
  peakMemory() {
    const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
    const match = /^VmHWM:\s+(\d+) kB/m.exec(status);
    return match ? Number(match[1]) * 1024 : NaN;
  }

  async shutdown() {
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), this.exited]);
      await this.connection.sendNotification('exit');
    } catch {
      this.child.kill('SIGKILL');
    }
    await this.exited;
    clearTimeout(timer);
    this.connection.dispose();
  }
}

// ---------------------------------------------------------------------------------------------
// One run: one server, one file.

/**
 * Starts a server, opens the file and measures: time to first diagnostics, hover round trips,
 * the wait from the last of a burst of keystrokes to the diagnostics of the final version, and
 * peak memory. Checks the diagnostics against the errors the file is known to have.
 */
async function runOnce(server, workload) {
  const client = new BenchClient(server);
  try {
    await client.initialize();
    await sleep(settleMs);
    const uri = pathToFileURL(workload.file).href;
    const loadBefore = loadavg()[0];

    // Open: the clock starts when didOpen is sent.
    const openedAt = performance.now();
    await client.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'yaml', version: 1, text: workload.text },
    });
    const opened = await client.waitForDiagnostics(
      (entry) => entry.params.uri === uri && (!server.versioned || entry.params.version === 1),
      'after didOpen',
    );
    const openMs = opened.at - openedAt;
    const check = checkDiagnostics(server, workload, opened.params.diagnostics);
    await sleep(settleMs);

    // Hover at a few positions, one after the other.
    const hovers = [];
    for (const probe of workload.probes.hovers) {
      const sentAt = performance.now();
      const result = await client.connection.sendRequest('textDocument/hover', {
        textDocument: { uri },
        position: probe.position,
      });
      hovers.push({ name: probe.name, ms: performance.now() - sentAt, answered: result !== null });
    }
    await sleep(settleMs);

    // The same pattern with a request no server knows: the round trip of the transport itself
    // (JSON-RPC over pipes, both event loops), which no server's own work can go below.
    const emptyRoundTrips = [];
    for (let index = 0; index < workload.probes.hovers.length; index++) {
      const sentAt = performance.now();
      await client.connection.sendRequest('podlineBench/noSuchMethod', {}).catch(() => undefined);
      emptyRoundTrips.push(performance.now() - sentAt);
    }
    await sleep(settleMs);

    // A burst of keystrokes at the end of a label value in the middle of the file, then the
    // wait for the diagnostics of the final version.
    const before = client.published.length;
    const { line, character } = workload.probes.typing;
    let version = 1;
    const typingStart = performance.now();
    let lastSentAt = typingStart;
    for (let index = 0; index < keystrokes; index++) {
      const due = typingStart + index * keystrokeIntervalMs;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      version++;
      lastSentAt = performance.now();
      await client.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [
          {
            range: {
              start: { line, character: character + index },
              end: { line, character: character + index },
            },
            text: 'abcdefghijklmnopqrstuvwxyz'[index % 26],
          },
        ],
      });
    }
    const finalVersion = version;
    const sentLast = lastSentAt;
    const edited = await client.waitForDiagnostics(
      (entry) =>
        entry.params.uri === uri &&
        (server.versioned ? entry.params.version === finalVersion : entry.at > sentLast),
      'after the last keystroke',
    );
    const editMs = edited.at - sentLast;
    // Diagnostics published while typing (for an intermediate version) are wasted work.
    const intermediate = client.published.slice(before).filter((entry) => entry !== edited).length;
    const editCheck = checkDiagnostics(server, workload, edited.params.diagnostics);
    const peak = client.peakMemory();
    return {
      how: client.logs.filter((message) => message.startsWith('Analysed ')),
      openMs,
      editMs,
      hovers,
      emptyRoundTrips,
      peakBytes: peak,
      diagnostics: opened.params.diagnostics.length,
      check,
      editCheck,
      intermediate,
      load: (loadBefore + loadavg()[0]) / 2,
    };
  } finally {
    await client.shutdown();
  }
}

/**
 * Which injected errors a server reported (a diagnostic on the error's line), and how many
 * diagnostics it reported in a file without errors. yaml-language-server knows nothing of
 * Kubernetes' own rules (`api-rule`), so only the schema-level errors are required of it.
 */
function checkDiagnostics(server, workload, diagnostics) {
  const errorLines = new Set(
    diagnostics.filter((d) => d.severity === 1 || d.severity === undefined).map((d) => d.range.start.line),
  );
  const missed = workload.injected.filter(
    (error) => !errorLines.has(error.line) && (server.versioned || error.error !== 'api-rule'),
  );
  const errors = diagnostics.filter((d) => d.severity === 1 || d.severity === undefined).length;
  const unexpected = workload.injected.length === 0 ? errors : 0;
  return { missed, unexpected };
}

function assertValidates(server, workload, check, when) {
  if (check.missed.length > 0) {
    const list = check.missed.map((error) => `${error.error} on line ${error.line + 1}`).join(', ');
    throw new Error(
      `${server.name} did not report known errors in ${workload.name} (${when}): ${list}. ` +
        'It is not validating; refusing to time it.',
    );
  }
  if (check.unexpected > 0)
    throw new Error(
      `${server.name} reported ${check.unexpected} errors in the clean ${workload.name} (${when})`,
    );
}

// ---------------------------------------------------------------------------------------------
// Reporting

function median(values) {
  const sorted = values.filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const formatMs = (ms) =>
  !Number.isFinite(ms) ? '–' : ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
/** Milliseconds with a decimal below 10 ms, where whole milliseconds would hide the ratio. */
const formatShortMs = (ms) => (Number.isFinite(ms) && ms < 10 ? `${ms.toFixed(1)} ms` : formatMs(ms));
const formatMb = (bytes) => (!Number.isFinite(bytes) ? '–' : `${Math.round(bytes / 2 ** 20)} MB`);
const formatRatio = (a, b) =>
  !Number.isFinite(a) || !Number.isFinite(b) || b === 0 ? '–' : (a / b).toFixed(2);
const formatCount = (count) => count.toLocaleString('en-US');
const formatSize = (bytes) =>
  bytes >= 2 ** 20 ? `${(bytes / 2 ** 20).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;

function machineDescription() {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1] ?? cpus()[0]?.model ?? 'unknown';
  return {
    cores: cpus().length,
    model,
    memory: `${Math.round(totalmem() / 2 ** 30)} GiB`,
    node: process.version,
  };
}

function renderTables(results, servers, context) {
  const metrics = [
    ['Time to first diagnostics (didOpen → publishDiagnostics)', (run) => run.openMs, formatMs],
    [
      `Edit to diagnostics (${keystrokes} keystrokes ${keystrokeIntervalMs} ms apart; last keystroke → diagnostics of that version)`,
      (run) => run.editMs,
      formatMs,
    ],
    ['First hover after open (round trip)', (run) => run.hovers[0]?.ms ?? NaN, formatMs],
    [
      'Hover round trip (median of the hover positions, the first included)',
      (run) => median(run.hovers.map((h) => h.ms)),
      formatShortMs,
    ],
    [
      'Round trip of a request no server knows, sent the same way (the floor under every hover)',
      (run) => median(run.emptyRoundTrips ?? []),
      formatShortMs,
    ],
    ['Peak memory (VmHWM of the server process)', (run) => run.peakBytes, formatMb],
  ];
  const peer = servers.find((server) => server.id === 'yaml');
  const ours = servers.filter((server) => server !== peer);
  const lines = [];
  lines.push(`Run of ${context.date}: \`${context.command}\``);
  lines.push('');
  lines.push(
    `Machine: ${context.machine.cores} cores (\`nproc\`), ${context.machine.model}, ${context.machine.memory}, ` +
      `Node ${context.machine.node}. Load average (1 min) during the runs: median ${context.load.median.toFixed(2)}, ` +
      `${context.load.min.toFixed(2)}–${context.load.max.toFixed(2)}.`,
  );
  lines.push('');
  lines.push(
    `Servers: ${ours.map((server) => `${server.name}${server.source ? ` (\`${server.source}\`)` : ''}`).join(', ')}` +
      `${peer ? ` and ${peer.name} (schema \`bench/tmp/k8s.json\` from \`bench/buildPeerSchema.mjs\`)` : ''}; ` +
      `Podline is given podline.maxFileSize ${podlineMaxFileSize}. Medians of ${context.repeatsText}; ` +
      'ratio = Podline / yaml-language-server (goal ≤ 0.50 for times, ≤ 1.00 for memory).',
  );
  const columns = [
    ...ours.map((server) => server.name),
    ...(peer ? ['yaml-language-server'] : []),
    ...(peer ? ours.map((server) => (ours.length > 1 ? `ratio ${server.name}` : 'ratio')) : []),
  ];
  for (const [title, pick, format] of metrics) {
    lines.push('');
    lines.push(`#### ${title}`);
    lines.push('');
    lines.push(`| documents | file | errors | ${columns.join(' | ')} |`);
    lines.push(`| ---: | ---: | --- | ${columns.map(() => '---:').join(' | ')} |`);
    for (const size of context.sizes) {
      for (const withErrors of [false, true]) {
        const key = `${size}:${withErrors}`;
        const value = (server) => median((results[server.id]?.[key] ?? []).map(pick));
        const theirs = peer ? value(peer) : NaN;
        const cells = [
          ...ours.map((server) => format(value(server))),
          ...(peer ? [format(theirs)] : []),
          ...(peer ? ours.map((server) => formatRatio(value(server), theirs)) : []),
        ];
        lines.push(
          `| ${formatCount(size)} | ${formatSize(context.fileSizes[key])} | ${withErrors ? 'yes' : 'no'} | ${cells.join(' | ')} |`,
        );
      }
    }
  }
  lines.push('');
  const runsOf = (server) => Object.values(results[server.id] ?? {}).flat();
  lines.push(
    'Hovers answered (not null): ' +
      servers
        .map((server) => {
          const hovers = runsOf(server).flatMap((run) => run.hovers);
          return `${server.name} ${hovers.filter((hover) => hover.answered).length}/${hovers.length}`;
        })
        .join(', ') +
      '.',
  );
  lines.push(
    'Diagnostics published for intermediate versions while typing: ' +
      servers
        .map((server) => `${server.name} ${runsOf(server).reduce((sum, run) => sum + run.intermediate, 0)}`)
        .join(', ') +
      '.',
  );
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Main

/** Rewrites the tables of an earlier run from its JSON (bench/tmp/results-*.json). */
function renderSaved(file) {
  const { context, results } = JSON.parse(readFileSync(file, 'utf8'));
  context.sizes ??= [...new Set(Object.keys(context.fileSizes).map((key) => Number(key.split(':')[0])))];
  context.servers ??= Object.keys(results).map((id) => ({
    id,
    name: id === 'yaml' ? context.peerName : id === 'podline' ? 'Podline' : `Podline ${id.slice(8)}`,
    source: '',
  }));
  return renderTables(results, context.servers, context);
}

async function main() {
  if (options.render) {
    process.stdout.write(`${renderSaved(options.render)}\n`);
    return;
  }
  mkdirSync(tmp, { recursive: true });
  const schemaUri = await writePeerSchema(join(tmp, 'k8s.json'));
  const definitions = serverDefinitions(schemaUri);
  const servers = options.servers.split(',').map((name) => {
    const server = definitions[name.trim()];
    if (!server) throw new Error(`unknown server ${name}: use podline or yaml`);
    return { id: name.trim(), ...server };
  });
  for (const variant of options.variant) {
    const [name, path] = variant.split('=');
    if (!name || !path || !existsSync(path))
      throw new Error(`--variant ${variant}: expected NAME=PATH to a server`);
    const podline = definitions.podline;
    servers.splice(servers.length - (servers.at(-1)?.id === 'yaml' ? 1 : 0), 0, {
      ...podline,
      id: `variant:${name}`,
      name: `Podline ${name}`,
      script: resolve(path),
      source: path,
    });
  }

  const workloads = new Map();
  const fileSizes = {};
  for (const size of sizes) {
    for (const withErrors of [false, true]) {
      const { text, injected } = generateWorkloadFile(size, withErrors);
      const name = `workload-${size}${withErrors ? '-errors' : ''}.yaml`;
      const file = join(tmp, name);
      writeFileSync(file, text);
      fileSizes[`${size}:${withErrors}`] = Buffer.byteLength(text);
      workloads.set(`${size}:${withErrors}`, { name, file, text, injected, probes: probePositions(text) });
    }
  }

  // Every server must find the known errors of a small file before anything is timed.
  for (const server of servers) {
    for (const withErrors of [false, true]) {
      const { text, injected } = generateWorkloadFile(20, withErrors);
      const name = `check-20${withErrors ? '-errors' : ''}.yaml`;
      const file = join(tmp, name);
      writeFileSync(file, text);
      const run = await runOnce(server, { name, file, text, injected, probes: probePositions(text) });
      assertValidates(server, { name }, run.check, 'after didOpen');
      assertValidates(server, { name }, run.editCheck, 'after typing');
    }
    process.stderr.write(`${server.name}: validates (known errors found, clean file clean)\n`);
  }

  const results = {};
  const loads = [];
  const maxRepeats = Math.max(...sizes.map(repeatsFor));
  for (let repeat = 0; repeat < maxRepeats; repeat++) {
    for (const size of sizes) {
      if (repeat >= repeatsFor(size)) continue;
      for (const withErrors of [false, true]) {
        const key = `${size}:${withErrors}`;
        const workload = workloads.get(key);
        // Alternate which server goes first, so drift does not favour one of them.
        const order = repeat % 2 === 0 ? servers : [...servers].reverse();
        for (const server of order) {
          const run = await runOnce(server, workload);
          assertValidates(server, workload, run.check, 'after didOpen');
          assertValidates(server, workload, run.editCheck, 'after typing');
          loads.push(run.load);
          ((results[server.id] ??= {})[key] ??= []).push(run);
          process.stderr.write(
            `#${repeat + 1} ${size} docs${withErrors ? ' +errors' : ''} ${server.name}: open ${formatMs(run.openMs)}, ` +
              `edit ${formatMs(run.editMs)}, hover ${run.hovers.map((h) => formatShortMs(h.ms)).join('/')}, ` +
              `empty request ${run.emptyRoundTrips.map(formatShortMs).join('/')}, ` +
              `peak ${formatMb(run.peakBytes)}, ${run.diagnostics} diagnostics, load ${run.load.toFixed(2)}\n` +
              run.how.map((message) => `    ${message}\n`).join(''),
          );
        }
      }
    }
  }

  const repeatsText = [...new Set(sizes.map(repeatsFor))]
    .map(
      (count) => `${count} runs (${sizes.filter((size) => repeatsFor(size) === count).join(', ')} documents)`,
    )
    .join(', ');
  const sortedLoads = [...loads].sort((a, b) => a - b);
  const context = {
    date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    command: ['npm run bench', ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : [])].join(
      ' ',
    ),
    machine: machineDescription(),
    load: { median: median(loads), min: sortedLoads[0] ?? NaN, max: sortedLoads.at(-1) ?? NaN },
    podlineVersion: JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version,
    peerName: definitions.yaml.name,
    repeatsText,
    fileSizes,
    sizes,
    servers: servers.map(({ id, name, source }) => ({ id, name, source })),
  };
  const tables = renderTables(results, servers, context);
  process.stdout.write(`${tables}\n`);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  writeFileSync(join(tmp, `results-${stamp}.json`), JSON.stringify({ context, results }, null, 1));
  writeFileSync(join(tmp, `results-${stamp}.md`), `${tables}\n`);
  if (options.write) {
    const resultsFile = join(root, 'bench', 'RESULTS.md');
    const current = readFileSync(resultsFile, 'utf8');
    const begin = '<!-- bench:begin -->';
    const end = '<!-- bench:end -->';
    const from = current.indexOf(begin);
    const to = current.indexOf(end);
    if (from === -1 || to === -1) throw new Error(`${resultsFile} has no ${begin} … ${end} section`);
    writeFileSync(
      resultsFile,
      `${current.slice(0, from + begin.length)}\n\n${tables}\n\n${current.slice(to)}`,
    );
    process.stderr.write(`wrote ${resolve(resultsFile)}\n`);
  }
}

await main();
