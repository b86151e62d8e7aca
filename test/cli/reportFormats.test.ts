// The report formats CI tools read, each checked against the format's own rules: GitHub
// workflow commands read back as the runner reads them (its escaping of `%`, line breaks, `:`
// and `,`), JUnit XML parsed back by a strict XML reader; and the exit code policy (--fail-on),
// --quiet and --summary, which apply to every format.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { parseXml } from './strictXml';
import type { XmlElement } from './strictXml';

const root = join(__dirname, '..', '..', '..');
const cli = join(root, 'dist', 'cli', 'podline.js');
const work = mkdtempSync(join(tmpdir(), 'podline-formats-'));
after(() => rmSync(work, { recursive: true, force: true }));

function podline(
  args: string[],
  cwd = root,
  input?: string,
): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [cli, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 30_000,
    env: { ...process.env, LANG: 'C', LC_ALL: '', LC_MESSAGES: '' },
    ...(input === undefined ? {} : { input }),
  });
  assert.equal(result.error, undefined, `podline ${args.join(' ')} did not finish: ${String(result.error)}`);
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const kustomize = join('test', 'fixtures', 'rendered', 'kustomize-build.yaml');
const mistakes = join('examples', 'job-with-mistakes.yaml');

/** A workflow command read as the Actions runner reads it (`ActionCommand.TryParseV2`). */
function readCommand(line: string): { command: string; properties: Record<string, string>; message: string } {
  const match = /^::([a-z-]+)(?: ([^]*?))?::([^]*)$/.exec(line);
  assert.ok(match, `not a workflow command: ${line}`);
  const unescapeData = (text: string): string =>
    text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
  const unescapeProperty = (text: string): string =>
    text
      .replace(/%0D/g, '\r')
      .replace(/%0A/g, '\n')
      .replace(/%3A/g, ':')
      .replace(/%2C/g, ',')
      .replace(/%25/g, '%');
  const properties: Record<string, string> = {};
  for (const pair of (match[2] ?? '').split(',').filter((part) => part !== '')) {
    const equals = pair.indexOf('=');
    assert.ok(equals > 0, `a property without a value: ${pair}`);
    properties[pair.slice(0, equals)] = unescapeProperty(pair.slice(equals + 1));
  }
  return { command: match[1] ?? '', properties, message: unescapeData(match[3] ?? '') };
}

test("--format github: one workflow command per finding, at the finding's lines and columns", () => {
  const { status, stdout } = podline(['check', '--format', 'github', mistakes]);
  assert.equal(status, 1);
  const lines = stdout.trimEnd().split('\n');
  assert.ok(
    lines.includes(
      '::error file=examples/job-with-mistakes.yaml,line=14,col=11,endLine=14,endColumn=15,title=yaml/duplicate-key::' +
        'Duplicate key "name" (first on line 12): `kubectl apply -f` silently keeps the last value; kustomize, Flux and Argo CD reject the file',
    ),
    stdout,
  );
  // Info and hints are notices; each line is a command.
  assert.ok(lines.some((line) => line.startsWith('::notice file=examples/job-with-mistakes.yaml,line=6,')));
  assert.ok(
    lines.every((line) => readCommand(line).properties['file'] === 'examples/job-with-mistakes.yaml'),
  );
});

test("--format github escapes %, line breaks, ':' and ',' as the runner unescapes them", () => {
  const file = 'we,ird::name%.yaml';
  writeFileSync(
    join(work, file),
    'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: "bad%\\nname\\r::x\\x01\\u202e"\nspec:\n  ttlSecondsAfterFinished: 60\n  template:\n    spec:\n      restartPolicy: Never\n      containers: [{name: main, image: "busybox:1.36", resources: {requests: {cpu: 1m}}}]\n',
  );
  const { status, stdout } = podline(['check', '--format', 'github', file, 'missing,file.yaml'], work);
  assert.equal(status, 2);
  const lines = stdout.trimEnd().split('\n');
  // One line per command: no value could break a line and start a command of its own.
  assert.equal(lines.length, 2, stdout);
  const [finding, missing] = lines.map(readCommand);
  assert.equal(finding?.command, 'error');
  assert.deepEqual(finding?.properties, {
    file,
    line: '4',
    col: '9',
    endLine: '4',
    endColumn: '36',
    title: 'metadata/name',
  });
  // The raw text of the finding, with the controls the runner does not escape made visible.
  assert.match(finding?.message ?? '', /^Invalid name "bad%\nname\r::x\\u0001\\u202e": a lowercase RFC 1123/);
  assert.match(lines[0] ?? '', /file=we%2Cird%3A%3Aname%25\.yaml,/);
  assert.match(lines[0] ?? '', /"bad%25%0Aname%0D::x\\u0001\\u202e"/);
  assert.equal(missing?.properties['file'], 'missing,file.yaml');
  assert.equal(missing?.message, "podline: cannot read 'missing,file.yaml': no such file or folder");
});

function children(element: XmlElement | undefined, name: string): XmlElement[] {
  return (element?.children ?? []).filter((child) => child.name === name);
}

test('--format junit: a testsuite per file, a testcase per workload, failures for errors, warnings as output', () => {
  const { status, stdout } = podline(['check', '--format', 'junit', mistakes, kustomize, 'missing.yaml']);
  assert.equal(status, 2);
  const report = parseXml(stdout);
  assert.equal(report.name, 'testsuites');
  const suites = children(report, 'testsuite');
  assert.deepEqual(
    suites.map((suite) => suite.attributes['name']),
    [mistakes, kustomize, 'missing.yaml'],
  );
  // The counts are the elements' own.
  for (const suite of suites) {
    const cases = children(suite, 'testcase');
    assert.equal(suite.attributes['tests'], String(cases.length));
    assert.equal(
      suite.attributes['failures'],
      String(cases.filter((c) => children(c, 'failure').length > 0).length),
    );
    assert.equal(
      suite.attributes['errors'],
      String(cases.filter((c) => children(c, 'error').length > 0).length),
    );
  }
  assert.equal(report.attributes['tests'], '6');
  assert.equal(report.attributes['failures'], '3');
  assert.equal(report.attributes['errors'], '1');

  const [withMistakes, rendered, missing] = suites;
  assert.deepEqual(
    children(withMistakes, 'testcase').map((c) => c.attributes['name']),
    ['Job calculate-pi', 'Job broken'],
  );
  const duplicate = children(children(withMistakes, 'testcase')[0], 'failure')[0];
  assert.equal(duplicate?.attributes['type'], 'yaml/duplicate-key');
  assert.equal(
    duplicate?.text,
    'examples/job-with-mistakes.yaml:14:11: error [yaml/duplicate-key] Duplicate key "name" (first on line 12): `kubectl apply -f` silently keeps the last value; kustomize, Flux and Argo CD reject the file',
  );
  // A warning does not fail its testcase under the default --fail-on error: it is output.
  const daemonSet = children(rendered, 'testcase')[0];
  assert.equal(daemonSet?.attributes['name'], 'DaemonSet prod-fluentd-elasticsearch');
  assert.equal(children(daemonSet, 'failure').length, 0);
  assert.match(children(daemonSet, 'system-out')[0]?.text ?? '', /:21:16: warning \[lint\/frozen-registry\]/);
  // A file not checked is an error: the test could not run.
  assert.equal(
    children(children(missing, 'testcase')[0], 'error')[0]?.attributes['message'],
    'no such file or folder',
  );

  // With --fail-on warning the warning fails its testcase, and the run.
  const strict = podline(['check', '--format', 'junit', '--fail-on', 'warning', kustomize]);
  assert.equal(strict.status, 1);
  const strictCase = children(children(parseXml(strict.stdout), 'testsuite')[0], 'testcase')[0];
  assert.equal(children(strictCase, 'failure')[0]?.attributes['type'], 'lint/frozen-registry');
});

test('--format junit is well-formed XML whatever the file names and messages hold', () => {
  const file = 'x\u0001<&>"\'\u202e\t.yaml';
  writeFileSync(
    join(work, file),
    'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: "a<b>&\\"c\\x01\\x1b\\uFFFE\\n]]>"\nspec:\n  template:\n    spec:\n      restartPolicy: Always\n      containers: [{name: main, image: busybox}]\n',
  );
  const { status, stdout } = podline(['check', '--format', 'junit', file], work);
  assert.equal(status, 1);
  const report = parseXml(stdout);
  const suite = children(report, 'testsuite')[0];
  // Control and bidi characters are shown as escapes; markup characters come back as they were.
  assert.equal(suite?.attributes['name'], 'x\\u0001<&>"\'\\u202e\\t.yaml');
  const failure = children(children(suite, 'testcase')[0], 'failure')[0];
  assert.match(failure?.attributes['message'] ?? '', /^Invalid name "a<b>&"c\\u0001\\u001b\\ufffe\\n\]\]>"/);
  assert.match(failure?.text ?? '', /\[job\/restart-policy\]/);
});

test('--fail-on chooses which findings fail the run; the default stays errors only', () => {
  // kustomize-build.yaml has an error, a warning and hints; job-pi.yaml has info and a hint.
  const warningOnly = join(work, 'warning.yaml');
  writeFileSync(
    warningOnly,
    readFileSync(join(root, 'examples', 'job-pi.yaml'), 'utf8')
      .replace('perl:5.34.0', 'k8s.gcr.io/perl:5.34.0')
      .replace('backoffLimit: 4', 'backoffLimit: 4\n  ttlSecondsAfterFinished: 60'),
  );
  const exit = (args: string[]): number | null => podline(['check', ...args]).status;
  assert.equal(exit([warningOnly]), 0);
  assert.equal(exit(['--fail-on', 'error', warningOnly]), 0);
  assert.equal(exit(['--fail-on', 'warning', warningOnly]), 1);
  const infoOnly = join('examples', 'job-pi.yaml');
  assert.equal(exit(['--fail-on', 'warning', infoOnly]), 0);
  assert.equal(exit(['--fail-on', 'info', infoOnly]), 1);
  assert.equal(exit(['--fail-on', 'info', join('examples', 'daemonset-fluentd.yaml')]), 0);
  const bad = podline(['check', '--fail-on', 'hint', infoOnly]);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--fail-on must be one of error, warning, info, not 'hint'/);
  // A file not checked still exits 2, whatever --fail-on says.
  assert.equal(exit(['--fail-on', 'info', 'missing.yaml', infoOnly]), 2);
});

test('--quiet reports errors only, in every format, and refuses a --fail-on it would hide', () => {
  const text = podline(['check', '--quiet', kustomize]);
  assert.equal(text.status, 1);
  assert.deepEqual(text.stdout.trimEnd().split('\n'), [
    `${kustomize}:77:22: error [job/restart-policy] A Job does not accept restartPolicy Always: use OnFailure or Never`,
    // The summary still counts every finding.
    '1 error(s), 1 warning(s) in 1 file(s) checked.',
  ]);
  const json = JSON.parse(podline(['check', '--quiet', '--format', 'json', kustomize]).stdout) as {
    files: { findings: { severity: string }[] }[];
  };
  assert.deepEqual(
    json.files[0]?.findings.map((finding) => finding.severity),
    ['error'],
  );
  const github = podline(['check', '--quiet', '--format', 'github', kustomize]).stdout;
  assert.equal(github.trimEnd().split('\n').length, 1);
  const refused = podline(['check', '--quiet', '--fail-on', 'warning', kustomize]);
  assert.equal(refused.status, 2);
  assert.equal(refused.stdout, '');
  assert.match(refused.stderr, /--quiet shows errors only, so it cannot be used with --fail-on warning/);
});

test('--summary: one line of counts at the end, on stderr where stdout is one document', () => {
  const json = podline(['check', '--summary', '--format', 'json', kustomize]);
  assert.doesNotThrow(() => JSON.parse(json.stdout));
  assert.equal(json.stderr, '1 error(s), 1 warning(s) in 1 file(s) checked.\n');
  const junit = podline(['check', '--summary', '--format', 'junit', kustomize]);
  assert.doesNotThrow(() => parseXml(junit.stdout));
  assert.match(junit.stderr, /^1 error\(s\), 1 warning\(s\) in 1 file\(s\) checked\.\n$/);
  const github = podline(['check', '--summary', '--format', 'github', kustomize]);
  assert.equal(github.stdout.trimEnd().split('\n').at(-1), '1 error(s), 1 warning(s) in 1 file(s) checked.');
  // Without --summary, a machine format's stderr stays empty; with --fail-on info it counts notes too.
  assert.equal(podline(['check', '--format', 'sarif', kustomize]).stderr, '');
  const all = podline(['check', '--summary', '--format', 'sarif', '--fail-on', 'info', kustomize]);
  assert.equal(all.stderr, '1 error(s), 1 warning(s), 2 info or hint finding(s) in 1 file(s) checked.\n');
  // Chinese, like every other message.
  const chinese = podline(['check', '--summary', '--format', 'json', '--locale', 'zh-CN', kustomize]);
  assert.equal(chinese.stderr, '共检查 1 个文件：1 个错误，1 个警告。\n');
});

test('the formats report standard input at its templates too', () => {
  const helm = readFileSync(join(root, 'test', 'fixtures', 'rendered', 'helm-template.yaml'), 'utf8');
  const github = podline(['check', '--format', 'github', '-'], root, helm);
  assert.ok(
    github.stdout
      .split('\n')
      .some((line) =>
        line.startsWith(
          '::error file=batch-jobs/templates/job.yaml,line=13,col=11,endLine=13,endColumn=15,title=yaml/duplicate-key::',
        ),
      ),
    github.stdout,
  );
  const junit = parseXml(podline(['check', '--format', 'junit', '-'], root, helm).stdout);
  const job = children(junit, 'testsuite').find(
    (suite) => suite.attributes['name'] === 'batch-jobs/templates/job.yaml',
  );
  assert.deepEqual(
    children(job, 'testcase').map((c) => [
      c.attributes['name'],
      c.attributes['file'],
      children(c, 'failure').length,
    ]),
    [['Job release-name-pi', 'batch-jobs/templates/job.yaml', 1]],
  );
});
