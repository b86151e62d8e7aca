// `podline check -`: the output of `helm template`, `kustomize build` or `kubectl kustomize` on
// standard input. A finding after Helm's `# Source:` comment points at the template, at its line
// in the rendered template; a stream without such comments is `<stdin>` at its line in the stream.
// Standard input is bounded like a file, and a terminal is refused at once instead of waited on.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const root = join(__dirname, '..', '..', '..');
const cli = join(root, 'dist', 'cli', 'podline.js');
const helmFixture = join('test', 'fixtures', 'rendered', 'helm-template.yaml');
const helm = readFileSync(join(root, helmFixture), 'utf8');
const example = (name: string): string => readFileSync(join(root, 'examples', name), 'utf8');

function podline(
  args: string[],
  input: string | Buffer | number,
): { status: number | null; stdout: string; stderr: string } {
  // The timeout is part of each test: reading standard input must end.
  const result = spawnSync(process.execPath, [cli, ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 30_000,
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, LANG: 'C', LC_ALL: '', LC_MESSAGES: '' },
    ...(typeof input === 'number' ? { stdio: [input, 'pipe', 'pipe'] } : { input }),
  });
  assert.equal(result.error, undefined, `podline ${args.join(' ')} did not finish: ${String(result.error)}`);
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface Finding {
  code: string;
  severity: string;
  message: string;
  document: number;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  stream?: { range: Finding['range'] };
}
interface Report {
  files: { path: string; findings: Finding[] }[];
  notChecked?: { path: string; reason: string }[];
}

test('Helm output: each finding is reported at its template, at its line in the rendered template', () => {
  const { status, stdout, stderr } = podline(['check', '--format', 'json', '-'], helm);
  assert.equal(stderr, '');
  assert.equal(status, 1);
  const report = JSON.parse(stdout) as Report;
  assert.deepEqual(
    report.files.map((file) => file.path),
    [
      'batch-jobs/templates/configmap.yaml',
      'batch-jobs/templates/daemonset.yaml',
      'batch-jobs/templates/cronjob.yaml',
      'batch-jobs/templates/job.yaml',
    ],
  );
  const job = report.files.find((file) => file.path === 'batch-jobs/templates/job.yaml');
  const duplicate = job?.findings.find((finding) => finding.code === 'yaml/duplicate-key');
  // The template's line 13 (`name: pi-again`) is the stream's line 70; the first `name` of the
  // container is the template's line 10, and the message says so, not the stream's line 67.
  assert.deepEqual(duplicate?.range, {
    start: { line: 12, character: 10 },
    end: { line: 12, character: 14 },
  });
  assert.equal(
    duplicate?.message,
    'Duplicate key "name" (first on line 10): `kubectl apply -f` silently keeps the last value; kustomize, Flux and Argo CD reject the file',
  );
  assert.deepEqual(duplicate?.stream?.range, {
    start: { line: 69, character: 10 },
    end: { line: 69, character: 14 },
  });
  assert.equal(helm.split('\n')[69], '          name: pi-again');
  assert.equal(duplicate?.document, 0);
  const daemonSet = report.files.find((file) => file.path === 'batch-jobs/templates/daemonset.yaml');
  assert.deepEqual(
    daemonSet?.findings.map((finding) => [finding.code, finding.range.start.line + 1]),
    [['lint/frozen-registry', 18]],
  );
});

test('Helm output in text and SARIF: the template path and its line', () => {
  const text = podline(['check', '-'], helm);
  assert.equal(text.status, 1);
  assert.match(text.stdout, /^batch-jobs\/templates\/job\.yaml:13:11: error \[yaml\/duplicate-key\] /m);
  assert.match(text.stdout, /^batch-jobs\/templates\/job\.yaml:17:22: error \[job\/restart-policy\] /m);
  assert.match(text.stdout, /\n2 error\(s\), 1 warning\(s\) in 4 file\(s\) checked\.\n$/);

  const sarif = JSON.parse(podline(['check', '--format', 'sarif', '-'], helm).stdout) as {
    runs: {
      results: {
        ruleId: string;
        locations: {
          physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> };
        }[];
      }[];
    }[];
  };
  const duplicate = sarif.runs[0]?.results.find((result) => result.ruleId === 'yaml/duplicate-key');
  assert.deepEqual(duplicate?.locations[0]?.physicalLocation, {
    artifactLocation: { uri: 'batch-jobs/templates/job.yaml' },
    region: { startLine: 13, startColumn: 11, endLine: 13, endColumn: 15 },
  });
});

test('Kustomize output (no # Source: comments) is <stdin>, at its line in the stream', () => {
  // `kustomize build` writes the documents one after the other, separated by `---`.
  const stream = [example('job-pi.yaml'), example('job-with-mistakes.yaml')].join('---\n');
  const { status, stdout } = podline(['check', '-'], stream);
  assert.equal(status, 1);
  const offset = example('job-pi.yaml').split('\n').length;
  // job-with-mistakes.yaml's duplicate key is on its line 14, so on line 14 + offset of the stream.
  assert.match(
    stdout,
    new RegExp(
      `^<stdin>:${14 + offset}:11: error \\[yaml/duplicate-key\\] Duplicate key "name" \\(first on line ${12 + offset}\\)`,
      'm',
    ),
  );
  assert.match(stdout, /in 1 file\(s\) checked\.\n$/);
});

test('standard input among files is reported where "-" was named, and a mixed stream keeps both placings', () => {
  const stream = `${helm}---\n${example('job-with-mistakes.yaml')}`;
  const { stdout } = podline(
    ['check', '--format', 'json', 'examples/job-pi.yaml', '-', 'examples/cronjob-hello.yaml'],
    stream,
  );
  const report = JSON.parse(stdout) as Report;
  assert.deepEqual(
    report.files.map((file) => file.path),
    [
      'examples/job-pi.yaml',
      'batch-jobs/templates/configmap.yaml',
      'batch-jobs/templates/daemonset.yaml',
      'batch-jobs/templates/cronjob.yaml',
      'batch-jobs/templates/job.yaml',
      '<stdin>',
      'examples/cronjob-hello.yaml',
    ],
  );
  // The documents after the templates have no comment: their lines are the stream's.
  const rest = report.files.find((file) => file.path === '<stdin>');
  const helmLines = helm.split('\n').length;
  assert.deepEqual(
    rest?.findings
      .filter((finding) => finding.severity === 'error')
      .map((finding) => finding.range.start.line + 1),
    [14 + helmLines, 28 + helmLines],
  );
});

test('standard input over --max-file-size is not checked and fails the run; an endless one ends too', () => {
  const large = podline(
    ['check', '--format', 'json', '--max-file-size', '1K', '-'],
    `# ${'x'.repeat(4096)}\n`,
  );
  assert.equal(large.status, 2);
  const report = JSON.parse(large.stdout) as Report;
  assert.deepEqual(report.notChecked, [
    {
      path: '<stdin>',
      reason: 'more than 1024 bytes, over the limit; not checked (raise it with --max-file-size)',
    },
  ]);
  assert.match(large.stderr, /cannot read '<stdin>': more than 1024 bytes/);

  // /dev/zero never ends: the reading stops one byte past the limit.
  const zero = openSync('/dev/zero', 'r');
  try {
    const endless = podline(['check', '-'], zero);
    assert.equal(endless.status, 2);
    assert.match(endless.stderr, /cannot read '<stdin>': more than 2097152 bytes, over the limit/);
  } finally {
    closeSync(zero);
  }
});

test('a terminal on standard input is refused at once with how to pipe instead', (t) => {
  // `script` runs the CLI with a pseudo-terminal as its standard input.
  if (spawnSync('script', ['--version']).error) {
    t.skip('script (util-linux) is not installed');
    return;
  }
  const result = spawnSync('script', ['-qec', `"${process.execPath}" "${cli}" check -`, '/dev/null'], {
    cwd: root,
    encoding: 'utf8',
    timeout: 20_000,
    env: { ...process.env, LANG: 'C', LC_ALL: '', LC_MESSAGES: '' },
  });
  assert.equal(result.error, undefined, 'podline check - waited on the terminal');
  assert.equal(result.status, 2);
  assert.match(
    result.stdout,
    /standard input, which is a terminal here; pipe them in instead, for example: helm template \. \| podline check -/,
  );
});

test('empty standard input is a failure (a failed command before the pipe must not pass)', () => {
  const { status, stdout, stderr } = podline(['check', '-'], '\n  \n');
  assert.equal(status, 2);
  assert.equal(stdout, '');
  assert.match(stderr, /standard input is empty, so nothing was checked/);
});

test('hostile standard input: control characters in a # Source: path are escaped, binary is a finding', () => {
  const evil = `---\n# Source: chart/templates/\u001b[2J\u202ejob.yaml\n${example('job-with-mistakes.yaml')}`;
  const { status, stdout } = podline(['check', '-'], evil);
  assert.equal(status, 1);
  assert.match(stdout, /^chart\/templates\/\\u001b\[2J\\u202ejob\.yaml:14:11: error /m);
  assert.doesNotMatch(stdout, /\u001b|\u202e/);

  const binary = Buffer.alloc(8192);
  for (let i = 0; i < binary.length; i++) binary[i] = (i * 7919) % 256;
  const refused = podline(['check', '--format', 'json', '-'], binary);
  const report = JSON.parse(refused.stdout) as Report;
  assert.deepEqual(
    report.files.map((file) => [file.path, file.findings.map((finding) => finding.code)]),
    [['<stdin>', ['file/binary']]],
  );
});
