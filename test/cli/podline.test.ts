import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

const root = join(__dirname, '..', '..', '..');
const cli = join(root, 'dist', 'cli', 'podline.js');
const seeds = join('test', 'fixtures', 'seed-manifests');

function podline(
  args: string[],
  env: Record<string, string> = {},
): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [cli, ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, LANG: 'C', LC_ALL: '', LC_MESSAGES: '', ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface JsonFinding {
  code: string;
  severity: string;
  message: string;
  path: string | null;
  document: number;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

function findingsByFile(stdout: string): Map<string, JsonFinding[]> {
  const report = JSON.parse(stdout) as {
    version: number;
    files: { path: string; findings: JsonFinding[] }[];
  };
  assert.equal(report.version, 1);
  return new Map(report.files.map((file) => [file.path.split('/').pop() ?? file.path, file.findings]));
}

test('check --format json reports exactly the YAML errors of the seed manifests, with 0-based LSP ranges', () => {
  const { status, stdout, stderr } = podline(['check', '--format', 'json', seeds]);
  assert.equal(stderr, '');
  assert.equal(status, 1);
  const files = findingsByFile(stdout);
  assert.equal(files.size, 22);
  const errors = [...files].flatMap(([file, findings]) =>
    findings.filter((finding) => finding.severity === 'error').map((finding) => ({ file, finding })),
  );
  const brief = errors.map(({ file, finding }) => [file, finding.code, finding.range.start.line + 1]);
  assert.deepEqual(
    brief.filter(([file]) => file !== 'job-pi-parallel-with-transcript.yaml'),
    [
      // EXPECTATIONS.md: CronJob batch/v1beta1 was removed in Kubernetes 1.25.
      ['cronjob-hello-busybox-v1beta1.yaml', 'schema/removed-api-version', 1],
      ['cronjob-hello-v1beta1.yaml', 'schema/removed-api-version', 2],
      // kubernetes-behaviour §1.2: `spec:` indented under template.metadata leaves the template without
      // containers, and is itself an unknown field of the template's metadata.
      ['daemonset-fluentd-broken.yaml', 'pod/containers', 12],
      ['daemonset-fluentd-broken.yaml', 'schema/unknown-field', 16],
      ['daemonset-fluentd-broken.yaml', 'yaml/syntax', 19],
      ['job-calculate-pi-parallel.yaml', 'yaml/duplicate-key', 16],
      ['job-calculate-pi.yaml', 'yaml/duplicate-key', 15],
      // `process-item-$ITEM` is not a DNS-1123 subdomain (§1.1).
      ['job-template-item.yaml', 'metadata/name', 4],
    ],
  );
  const transcript = (files.get('job-pi-parallel-with-transcript.yaml') ?? []).filter(
    (finding) => finding.severity === 'error',
  );
  assert.deepEqual(transcript[0]?.range, {
    start: { line: 17, character: 0 },
    end: { line: 17, character: 28 },
  });
  assert.ok(transcript.every((finding) => finding.code === 'yaml/syntax' && finding.range.start.line >= 17));

  // `        name: pi-image` on line 15: the key covers characters 8 to 12.
  assert.deepEqual(
    files.get('job-calculate-pi.yaml')?.filter((finding) => finding.severity === 'error'),
    [
      {
        code: 'yaml/duplicate-key',
        severity: 'error',
        message:
          'Duplicate key "name" (first on line 13): `kubectl apply -f` silently keeps the last value; kustomize, Flux and Argo CD reject the file',
        path: 'spec.template.spec.containers[0].name',
        document: 0,
        range: { start: { line: 14, character: 8 }, end: { line: 14, character: 12 } },
        errorType: 'Duplicate',
      },
    ],
  );
  // `          image: fluentd/fluentd: v1.4-1`: the value starts at character 17 and ends at 40.
  assert.deepEqual(
    files.get('daemonset-fluentd-broken.yaml')?.find((finding) => finding.code === 'yaml/syntax')?.range,
    {
      start: { line: 18, character: 17 },
      end: { line: 18, character: 40 },
    },
  );
});

test('check exits 0 on a valid file and prints a text summary', () => {
  const { status, stdout } = podline(['check', join(seeds, 'job-pi.yaml')]);
  assert.equal(status, 0);
  assert.match(stdout, /\n0 error\(s\), 0 warning\(s\) in 1 file\(s\) checked\.\n$/);
});

test('text findings read path:line:column: severity [code] message', () => {
  const { status, stdout } = podline(['check', join(seeds, 'job-calculate-pi.yaml')]);
  assert.equal(status, 1);
  assert.match(
    stdout,
    /^\S*job-calculate-pi\.yaml:15:9: error \[yaml\/duplicate-key\] Duplicate key "name"/m,
  );
  assert.match(stdout, /^\S*job-calculate-pi\.yaml:8:1: info \[lint\/job-ttl\] /m);
});

test('--locale zh-CN and a Chinese LANG translate messages', () => {
  const viaOption = podline(['check', '--locale', 'zh-CN', join(seeds, 'job-calculate-pi.yaml')]);
  assert.match(viaOption.stdout, /重复的键 "name"（首次出现在第 13 行）/);
  const viaEnvironment = podline(['check', join(seeds, 'job-calculate-pi.yaml')], { LANG: 'zh_CN.UTF-8' });
  assert.match(viaEnvironment.stdout, /共检查 1 个文件：1 个错误，0 个警告。/);
});

const usageCases: [string, string[], RegExp][] = [
  ['no command', [], /Usage: podline <command>/],
  ['unknown command', ['lint'], /unknown command 'lint'/],
  ['no files', ['check'], /name at least one file or folder/],
  ['unknown option', ['check', '--strict', 'x'], /unknown option '--strict'/],
  [
    'bad format',
    ['check', '--format', 'xml', seeds],
    /--format must be one of text, json, sarif, github, junit, not 'xml'/,
  ],
  ['missing value', ['check', seeds, '--format'], /option '--format' needs a value/],
];
for (const [name, args, message] of usageCases) {
  test(`usage problem (${name}) exits 2 with a clear message`, () => {
    const { status, stdout, stderr } = podline(args);
    assert.equal(status, 2);
    assert.equal(stdout, '');
    assert.match(stderr, message);
  });
}

test('a folder without YAML files is a usage problem, a binary file is a finding, a huge one is not checked', () => {
  const folder = mkdtempSync(join(tmpdir(), 'podline-cli-'));
  writeFileSync(join(folder, 'notes.txt'), 'hello');
  assert.equal(podline(['check', folder]).status, 2);
  const binary = Buffer.alloc(4096);
  for (let i = 0; i < binary.length; i++) binary[i] = (i * 7919) % 256;
  writeFileSync(join(folder, 'random.yaml'), binary);
  writeFileSync(join(folder, 'huge.yaml'), `data: "${'x'.repeat(10 * 1024 * 1024)}"\n`);
  const { status, stdout } = podline(['check', '--format', 'json', folder]);
  rmSync(folder, { recursive: true, force: true });
  // Over the 2 MiB default, huge.yaml is not read at all: the run fails with exit code 2 (a
  // padded broken manifest must not pass CI), and random.yaml is still checked.
  assert.equal(status, 2);
  const files = findingsByFile(stdout);
  assert.deepEqual(
    files.get('random.yaml')?.map((finding) => finding.code),
    ['file/binary'],
  );
  assert.equal(files.get('huge.yaml'), undefined);
  const notChecked = (JSON.parse(stdout) as { notChecked: { path: string; reason: string }[] }).notChecked;
  assert.deepEqual(
    notChecked.map((file) => file.path.split('/').pop()),
    ['huge.yaml'],
  );
  assert.match(
    notChecked[0]?.reason ?? '',
    /over the limit of 2097152 bytes; not checked \(raise it with --max-file-size\)/,
  );
});

test('--format sarif is SARIF 2.1.0 with rule metadata and 1-based regions', () => {
  const { status, stdout } = podline(['check', '--format', 'sarif', join(seeds, 'job-calculate-pi.yaml')]);
  assert.equal(status, 1);
  const sarif = JSON.parse(stdout) as {
    version: string;
    runs: {
      tool: {
        driver: {
          name: string;
          rules: {
            id: string;
            shortDescription: { text: string };
            defaultConfiguration: { level: string };
          }[];
        };
      };
      results: {
        ruleId: string;
        ruleIndex: number;
        level: string;
        locations: {
          physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> };
        }[];
      }[];
    }[];
  };
  assert.equal(sarif.version, '2.1.0');
  const [run] = sarif.runs;
  assert.equal(run?.tool.driver.name, 'Podline');
  const duplicate = run?.results.find((result) => result.ruleId === 'yaml/duplicate-key');
  assert.equal(duplicate?.level, 'error');
  assert.equal(run?.tool.driver.rules[duplicate?.ruleIndex ?? -1]?.id, 'yaml/duplicate-key');
  assert.equal(run?.tool.driver.rules[duplicate?.ruleIndex ?? -1]?.defaultConfiguration.level, 'error');
  assert.equal(
    duplicate?.locations[0]?.physicalLocation.artifactLocation.uri,
    'test/fixtures/seed-manifests/job-calculate-pi.yaml',
  );
  // Line 15, columns 9-13 (1-based, end exclusive): the second `name`.
  assert.deepEqual(duplicate?.locations[0]?.physicalLocation.region, {
    startLine: 15,
    startColumn: 9,
    endLine: 15,
    endColumn: 13,
  });
  // Info and hint findings are SARIF notes.
  assert.ok(run?.results.some((result) => result.ruleId === 'lint/job-ttl' && result.level === 'note'));
});

test('--kubernetes-version chooses the schema: managedBy (alpha in 1.30) is unknown to 1.29', () => {
  const folder = mkdtempSync(join(tmpdir(), 'podline-cli-'));
  try {
    const file = join(folder, 'job.yaml');
    writeFileSync(
      file,
      'apiVersion: batch/v1\nkind: Job\nmetadata: {name: pi}\nspec:\n  managedBy: kubernetes.io/job-controller\n  template:\n    spec:\n      containers: [{name: pi, image: perl:5.34}]\n      restartPolicy: Never\n',
    );
    const old = podline(['check', '--format', 'json', '--kubernetes-version', '1.29', file]);
    assert.equal(old.status, 1);
    assert.match(old.stdout, /"code": "schema\/field-requires-version"/);
    assert.equal(podline(['check', '--kubernetes-version', '1.30', file]).status, 0);
    for (const version of ['1.35', '1.36', '1.37'])
      assert.equal(podline(['check', '--kubernetes-version', version, file]).status, 0, version);
    const unsupported = podline(['check', '--kubernetes-version', '1.12', file]);
    assert.equal(unsupported.status, 2);
    assert.match(unsupported.stderr, /--kubernetes-version must be one of 1\.37, 1\.36, 1\.35, 1\.34, /);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('--kubernetes-version 1.35 and 1.37: a field each has and its neighbours lack', () => {
  const folder = mkdtempSync(join(tmpdir(), 'podline-cli-'));
  try {
    // PodSpec.workloadRef: the Workload API's alpha in 1.35, replaced by schedulingGroup in 1.36.
    const workloadRef = join(folder, 'workload-ref.yaml');
    writeFileSync(
      workloadRef,
      'apiVersion: batch/v1\nkind: Job\nmetadata: {name: pi}\nspec:\n  template:\n    spec:\n      workloadRef: {name: w, podGroup: g}\n      containers: [{name: pi, image: perl:5.34}]\n      restartPolicy: Never\n',
    );
    assert.equal(podline(['check', '--kubernetes-version', '1.35', workloadRef]).status, 0);
    const removed = podline(['check', '--format', 'json', '--kubernetes-version', '1.36', workloadRef]);
    assert.equal(removed.status, 1);
    assert.match(removed.stdout, /"code": "schema\/unknown-field"/);
    assert.match(removed.stdout, /no longer has it \(last seen in 1\.35\)/);
    // JobSpec.scheduling: workload-aware scheduling of Jobs, new (alpha) in 1.37.
    const scheduling = join(folder, 'scheduling.yaml');
    writeFileSync(
      scheduling,
      'apiVersion: batch/v1\nkind: Job\nmetadata: {name: pi}\nspec:\n  scheduling:\n    schedulingPolicy:\n      gang: {minCount: 2}\n  parallelism: 2\n  template:\n    spec:\n      containers: [{name: pi, image: perl:5.34}]\n      restartPolicy: Never\n',
    );
    assert.equal(podline(['check', '--kubernetes-version', '1.37', scheduling]).status, 0);
    assert.equal(podline(['check', scheduling]).status, 0, 'the default is the newest, 1.37');
    const early = podline(['check', '--format', 'json', '--kubernetes-version', '1.36', scheduling]);
    assert.equal(early.status, 1);
    assert.match(early.stdout, /"code": "schema\/field-requires-version"/);
    assert.match(early.stdout, /requires Kubernetes ≥ 1\.37; validating for 1\.36/);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('cron explains a schedule and lists its next runs as JSON', () => {
  const { status, stdout } = podline([
    'cron',
    '30 9 * * 1-5',
    '--time-zone',
    'Asia/Shanghai',
    '--from',
    '2026-11-21T00:00:00Z',
    '--count',
    '2',
    '--format',
    'json',
  ]);
  assert.equal(status, 0);
  // 2026-11-21 is a Saturday: the next weekday 09:30 in UTC+8 is Monday 23 November, 01:30 UTC.
  const report = JSON.parse(stdout) as { description: string };
  assert.match(report.description, /09:30/);
  assert.deepEqual(report, {
    schedule: '30 9 * * 1-5',
    timeZone: 'Asia/Shanghai',
    valid: true,
    error: null,
    description: report.description,
    next: ['2026-11-23T01:30:00Z', '2026-11-24T01:30:00Z'],
  });
  const invalid = podline(['cron', '0 9 * * 7', '--format', 'json']);
  assert.equal(invalid.status, 1);
  assert.equal((JSON.parse(invalid.stdout) as { error: { field: string } }).error.field, 'dayOfWeek');
});

test('a folder of many files is checked on worker threads with results in file order', () => {
  const folder = mkdtempSync(join(tmpdir(), 'podline-cli-'));
  try {
    const valid = readFileSync(join(root, seeds, 'job-pi.yaml'), 'utf8');
    const broken = readFileSync(join(root, seeds, 'job-calculate-pi.yaml'), 'utf8');
    for (let i = 0; i < 150; i++)
      writeFileSync(join(folder, `job-${String(i).padStart(3, '0')}.yaml`), i % 3 === 0 ? broken : valid);
    const { status, stdout } = podline(['check', '--format', 'json', folder]);
    assert.equal(status, 1);
    const report = JSON.parse(stdout) as { files: { path: string; findings: { code: string }[] }[] };
    assert.deepEqual(
      report.files.map((file) => file.path.split('/').pop()),
      Array.from({ length: 150 }, (_, i) => `job-${String(i).padStart(3, '0')}.yaml`),
    );
    const withDuplicates = report.files.filter((file) =>
      file.findings.some((finding) => finding.code === 'yaml/duplicate-key'),
    );
    assert.equal(withDuplicates.length, 50);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('version and help', () => {
  assert.match(podline(['--version']).stdout, /^\d+\.\d+\.\d+\n$/);
  const help = podline(['help']);
  assert.equal(help.status, 0);
  assert.match(
    help.stdout,
    /check \[--format text\|json\|sarif\|github\|junit\] \[--fail-on error\|warning\|info\] \[--quiet\] \[--summary\]/,
  );
});
