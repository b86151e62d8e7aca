// The CLI against a hostile repository (issue: never lose a file, never hang, never read more
// than the limit): FIFOs and links to devices are refused before anything is read, a file over
// --max-file-size is not checked and fails the run with exit code 2 while the others are still
// reported, and --out never writes over an input or a file Podline did not write.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';

const root = join(__dirname, '..', '..', '..');
const cli = join(root, 'dist', 'cli', 'podline.js');
const work = mkdtempSync(join(tmpdir(), 'podline-hostile-'));
after(() => rmSync(work, { recursive: true, force: true }));

function podline(args: string[]): { status: number | null; stdout: string; stderr: string } {
  // The timeout is the test: a read that blocks on a FIFO would hang here.
  const result = spawnSync(process.execPath, [cli, ...args], {
    cwd: work,
    encoding: 'utf8',
    timeout: 20_000,
    env: { ...process.env, LANG: 'C', LC_ALL: '', LC_MESSAGES: '' },
  });
  assert.equal(result.error, undefined, `podline ${args.join(' ')} did not finish: ${String(result.error)}`);
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const job = `apiVersion: batch/v1
kind: Job
metadata: {name: pi}
spec:
  template:
    spec:
      restartPolicy: Never
      containers: [{name: pi, image: perl:5.34, command: ["perl", "-e", "print 1"]}]
`;

function fresh(name: string): string {
  const folder = join(work, name);
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'job.yaml'), job);
  return folder;
}

test('a FIFO and a link to /dev/zero are refused at once, and the other files are still checked', () => {
  const folder = fresh('special');
  spawnSync('mkfifo', [join(folder, 'pipe.yaml')]);
  symlinkSync('/dev/zero', join(folder, 'zero.yaml'));
  const { status, stdout, stderr } = podline([
    'check',
    '--format',
    'json',
    'special/pipe.yaml',
    'special/zero.yaml',
    'special/job.yaml',
  ]);
  assert.equal(status, 2, stderr);
  const report = JSON.parse(stdout) as {
    files: { path: string }[];
    notChecked: { path: string; reason: string }[];
  };
  assert.deepEqual(
    report.files.map((file) => file.path),
    ['special/job.yaml'],
  );
  assert.deepEqual(report.notChecked, [
    { path: 'special/pipe.yaml', reason: 'a named pipe, not a regular file; only regular files are read' },
    { path: 'special/zero.yaml', reason: 'a device, not a regular file; only regular files are read' },
  ]);
  assert.match(stderr, /cannot read 'special\/pipe\.yaml': a named pipe/);
  assert.match(stderr, /2 file\(s\) not checked \(exit code 2\)/);
});

test('a folder walk does not follow symbolic links, and says which it skipped', () => {
  const folder = fresh('links');
  symlinkSync('/dev/zero', join(folder, 'zero.yaml'));
  symlinkSync('/etc', join(folder, 'etc'));
  const { status, stderr } = podline(['check', 'links']);
  assert.equal(status, 0, stderr);
  assert.match(stderr, /skipped 'links\/etc': symbolic links inside a folder are not followed/);
  assert.match(stderr, /skipped 'links\/zero\.yaml'/);
});

test('a file over --max-file-size is not checked: exit code 2, the option named, the others reported', () => {
  const folder = fresh('large');
  // A broken manifest padded past the limit must not pass CI silently.
  writeFileSync(join(folder, 'padded.yaml'), `${job}  restartPolicy: Always\n${'#'.repeat(4096)}\n`);
  const { status, stdout, stderr } = podline(['check', '--max-file-size', '2K', 'large']);
  assert.equal(status, 2);
  assert.match(
    stderr,
    /cannot read 'large\/padded\.yaml': \d+ bytes, over the limit of 2048 bytes; not checked \(raise it with --max-file-size\)/,
  );
  assert.match(stdout, /0 error\(s\), 0 warning\(s\) in 1 file\(s\) checked/);
  const raised = podline(['check', '--max-file-size', '8K', 'large']);
  assert.equal(
    raised.status,
    1,
    'checked with the higher limit: its restartPolicy under the Job spec is an unknown field',
  );
  assert.match(
    podline(['check', '--max-file-size', 'lots', 'large']).stderr,
    /--max-file-size must be a size in bytes/,
  );
});

test('a missing file is reported and the run goes on', () => {
  fresh('missing');
  const { status, stdout, stderr } = podline(['check', 'missing/nope.yaml', 'missing/job.yaml']);
  assert.equal(status, 2);
  assert.match(stderr, /cannot read 'missing\/nope\.yaml': no such file or folder/);
  assert.match(stdout, /in 1 file\(s\) checked/);
});

test('SARIF: a file not checked makes the run unsuccessful, with a notification naming it', () => {
  const folder = fresh('sarif');
  spawnSync('mkfifo', [join(folder, 'pipe.yaml')]);
  const { status, stdout } = podline(['check', '--format', 'sarif', 'sarif']);
  // The folder walk only lists regular files, so the FIFO is named on the command line instead.
  assert.equal(status, 0);
  const named = podline(['check', '--format', 'sarif', 'sarif/pipe.yaml', 'sarif/job.yaml']);
  assert.equal(named.status, 2);
  const run = (
    JSON.parse(named.stdout) as {
      runs: {
        invocations?: {
          executionSuccessful: boolean;
          toolExecutionNotifications: { level: string; message: { text: string } }[];
        }[];
      }[];
    }
  ).runs[0];
  assert.equal(run?.invocations?.[0]?.executionSuccessful, false);
  assert.equal(run?.invocations?.[0]?.toolExecutionNotifications[0]?.level, 'error');
  assert.match(
    run?.invocations?.[0]?.toolExecutionNotifications[0]?.message.text ?? '',
    /^sarif\/pipe\.yaml: a named pipe/,
  );
  assert.equal((JSON.parse(stdout) as { runs: { invocations?: unknown }[] }).runs[0]?.invocations, undefined);
});

test('simulate --out never writes over the manifest, through a link, or onto the scenario beside it', () => {
  const folder = fresh('out');
  const manifest = join(folder, 'job.yaml');
  symlinkSync('job.yaml', join(folder, 'link.html'));
  for (const out of ['out/job.yaml', 'out/link.html', 'out/job.podline-scenario.yaml']) {
    const { status, stderr } = podline(['simulate', 'out/job.yaml', '--format', 'html', '--out', out]);
    assert.equal(status, 2, `${out}: ${stderr}`);
    assert.match(stderr, /cannot write/);
    assert.equal(readFileSync(manifest, 'utf8'), job, `${out}: the manifest is untouched`);
  }
  assert.equal(existsSync(join(folder, 'job.podline-scenario.yaml')), false);
});

test('simulate --out writes a new page, replaces an earlier page only with --force, and never another file', () => {
  const folder = fresh('pages');
  const page = join(folder, 'job.timeline.html');
  const first = podline([
    'simulate',
    'pages/job.yaml',
    '--format',
    'html',
    '--out',
    'pages/job.timeline.html',
  ]);
  assert.equal(first.status, 0, first.stderr);
  assert.match(readFileSync(page, 'utf8'), /<meta name="generator" content="podline">/);
  const again = podline([
    'simulate',
    'pages/job.yaml',
    '--format',
    'html',
    '--out',
    'pages/job.timeline.html',
  ]);
  assert.equal(again.status, 2);
  assert.match(again.stderr, /a timeline page written earlier; add --force to replace it/);
  const forced = podline([
    'simulate',
    'pages/job.yaml',
    '--format',
    'html',
    '--out',
    'pages/job.timeline.html',
    '--force',
  ]);
  assert.equal(forced.status, 0, forced.stderr);
  writeFileSync(join(folder, 'notes.html'), '<p>mine</p>');
  const other = podline([
    'simulate',
    'pages/job.yaml',
    '--format',
    'html',
    '--out',
    'pages/notes.html',
    '--force',
  ]);
  assert.equal(other.status, 2);
  assert.match(other.stderr, /the file exists and Podline did not write it/);
  assert.equal(readFileSync(join(folder, 'notes.html'), 'utf8'), '<p>mine</p>');
});

test('simulate and preview refuse a manifest or scenario that is not a regular file', () => {
  const folder = fresh('simulate');
  symlinkSync('/dev/zero', join(folder, 'zero.yaml'));
  spawnSync('mkfifo', [join(folder, 'job.podline-scenario.yaml')]);
  const zero = podline(['simulate', 'simulate/zero.yaml']);
  assert.equal(zero.status, 2);
  assert.match(zero.stderr, /a device, not a regular file/);
  const fifo = podline(['simulate', 'simulate/job.yaml']);
  assert.equal(fifo.status, 2);
  assert.match(fifo.stderr, /cannot read 'simulate\/job\.podline-scenario\.yaml': a named pipe/);
  const preview = podline(['preview', 'simulate/zero.yaml']);
  assert.equal(preview.status, 2);
  assert.match(preview.stderr, /a device, not a regular file/);
});

test('text output cannot forge a finding line or a workflow command, nor hide text behind bidi controls', () => {
  fresh('forge');
  // A label value with a newline and a GitHub workflow command, and a file name with an override.
  const forged = job.replace(
    'metadata: {name: pi}',
    'metadata: {name: pi, labels: {app: "x\\n::error file=evil.yaml::forged"}}',
  );
  const name = 'forge/job\u202egpj.yaml';
  writeFileSync(join(work, name), forged);
  const { status, stdout } = podline(['check', name]);
  assert.equal(status, 1);
  assert.ok(!stdout.split('\n').some((line) => line.startsWith('::')), stdout);
  assert.ok(stdout.includes('\\n::error file=evil.yaml::forged'), stdout);
  assert.ok(stdout.includes('forge/job\\u202egpj.yaml:'), stdout);
  assert.ok(!stdout.includes('\u202e'), 'no raw override reaches the terminal');
});

test('SARIF artifact URIs are percent-encoded relative references', () => {
  const folder = fresh('uris');
  for (const file of ['per%cent#hash?q.yaml', 'with space.yaml'])
    writeFileSync(join(folder, file), job.replace('pi:5.34', 'pi'));
  const { stdout } = podline(['check', '--format', 'sarif', 'uris']);
  const uris = (
    JSON.parse(stdout) as {
      runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[];
    }
  ).runs[0]?.results.map((result) => result.locations[0]?.physicalLocation.artifactLocation.uri);
  assert.ok(uris?.includes('uris/per%25cent%23hash%3Fq.yaml'), JSON.stringify(uris));
  assert.ok(uris?.includes('uris/with%20space.yaml'), JSON.stringify(uris));
});

test('a reader that closes the pipe early ends the run with exit code 2 and one line', () => {
  const folder = fresh('pipe');
  writeFileSync(
    join(folder, 'wide.yaml'),
    job.replace('spec:\n  template', 'spec:\n  completions: 400\n  parallelism: 400\n  template'),
  );
  const result = spawnSync(
    'bash',
    [
      '-c',
      `set -o pipefail; "${process.execPath}" "${cli}" simulate pipe/wide.yaml --format json 2>pipe/err.txt | head -c 10 >/dev/null; echo "\${PIPESTATUS[0]}"`,
    ],
    { cwd: work, encoding: 'utf8', timeout: 20_000 },
  );
  assert.equal(result.stdout.trim(), '2');
  assert.equal(
    readFileSync(join(folder, 'err.txt'), 'utf8'),
    'podline: cannot write the output: the reader closed the pipe (EPIPE)\n',
  );
});

test('simulate text output escapes the values it shows: a name cannot start a line of its own', () => {
  const folder = fresh('simulate-forge');
  // The API server rejects this name; the simulation still runs and names the Job in its text.
  writeFileSync(
    join(folder, 'job.yaml'),
    job.replace('metadata: {name: pi}', 'metadata: {name: "pi\\n::error file=evil.yaml::forged"}'),
  );
  const { status, stdout } = podline(['simulate', 'simulate-forge/job.yaml']);
  assert.equal(status, 0);
  assert.ok(!stdout.split('\n').some((line) => line.startsWith('::')), stdout);
  assert.ok(stdout.includes('pi\\n::error file=evil.yaml::forged'), stdout);
});
