/** Supported Kubernetes versions, the per-file override comment, and the schema data itself. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  schemaDefinitions,
  schemaDescriptions,
  schemaRoots,
  schemaVersions,
} from '../../server/src/core/schema/data/schemaData';
import {
  isSupportedKubernetesVersion,
  newestKubernetesVersion,
  normalizeKubernetesVersion,
  parseVersionOverride,
  resolveKubernetesVersion,
  supportedKubernetesVersions,
} from '../../server/src/core/schema/kubernetesVersions';
import { parseYamlFile } from '../../server/src/core/yaml/parseYamlFile';

const root = join(__dirname, '..', '..', '..');

test('supported versions: newest first, every minor from 1.37 down to 1.29', () => {
  assert.deepEqual(supportedKubernetesVersions, [
    '1.37',
    '1.36',
    '1.35',
    '1.34',
    '1.33',
    '1.32',
    '1.31',
    '1.30',
    '1.29',
  ]);
  assert.equal(newestKubernetesVersion, '1.37');
  assert.equal(isSupportedKubernetesVersion('1.35'), true);
  assert.equal(isSupportedKubernetesVersion('1.38'), false);
  assert.equal(isSupportedKubernetesVersion('1.28'), false);
  assert.equal(isSupportedKubernetesVersion('v1.34'), false);
});

const normalized: [string, string | undefined][] = [
  ['1.29', '1.29'],
  ['v1.29', '1.29'],
  ['1.29.3', '1.29'],
  ['v1.30.10', '1.30'],
  [' 1.31 ', '1.31'],
  ['1.029', undefined],
  ['1', undefined],
  ['latest', undefined],
];
for (const [text, expected] of normalized) {
  test(`normalizeKubernetesVersion(${JSON.stringify(text)}) is ${String(expected)}`, () => {
    assert.equal(normalizeKubernetesVersion(text), expected);
  });
}

const overrides: [
  string,
  string,
  { written: string; version: string | undefined; range: string } | undefined,
][] = [
  [
    'a full-line comment',
    '# podline: kubernetes=1.29\napiVersion: batch/v1\n',
    { written: '1.29', version: '1.29', range: '1.29' },
  ],
  [
    'spaces, a v and a patch',
    'kind: Job\n  #  podline : kubernetes = v1.30.2  \n',
    { written: '1.30', version: '1.30', range: 'v1.30.2' },
  ],
  [
    'a trailing comment',
    'apiVersion: batch/v1 # podline: kubernetes=1.33\n',
    { written: '1.33', version: '1.33', range: '1.33' },
  ],
  [
    '1.35, read from @pulumi/kubernetes',
    '# podline: kubernetes=1.35\n',
    { written: '1.35', version: '1.35', range: '1.35' },
  ],
  [
    'an unsupported version',
    '# podline: kubernetes=1.38\n',
    { written: '1.38', version: undefined, range: '1.38' },
  ],
  [
    'not a version at all',
    '# podline: kubernetes=newest\n',
    { written: 'newest', version: undefined, range: 'newest' },
  ],
  [
    'the first of two',
    '# podline: kubernetes=1.31\n---\n# podline: kubernetes=1.32\n',
    { written: '1.31', version: '1.31', range: '1.31' },
  ],
  ['other text in the comment', '# see podline: kubernetes=1.29 docs\n', undefined],
  ['no # before it', 'podline: kubernetes=1.29\n', undefined],
  ['a # inside a value', 'name: a#podline: kubernetes=1.29\n', undefined],
];
for (const [label, text, expected] of overrides) {
  test(`override comment: ${label}`, () => {
    const override = parseVersionOverride(text);
    assert.deepEqual(
      override && {
        written: override.written,
        version: override.version,
        range: text.slice(override.range.start, override.range.end),
      },
      expected,
    );
  });
}

test('override comment: a # line inside a block scalar is text, not a comment, given the parsed documents', () => {
  const text = `apiVersion: batch/v1
kind: Job
spec:
  template:
    spec:
      containers:
      - name: a
        args:
        - |
          # podline: kubernetes=1.29
          echo hi
`;
  assert.equal(
    parseVersionOverride(text, () => parseYamlFile(text).documents),
    undefined,
  );
  const withComment = `# podline: kubernetes=1.30\n${text}`;
  assert.equal(
    parseVersionOverride(withComment, () => parseYamlFile(withComment).documents)?.version,
    '1.30',
  );
});

test('resolveKubernetesVersion: the override wins; an unsupported one is a warning and the setting is used', () => {
  assert.deepEqual(resolveKubernetesVersion('kind: Job\n', '1.33', 'en'), {
    version: '1.33',
    override: undefined,
    report: undefined,
  });
  assert.equal(resolveKubernetesVersion('# podline: kubernetes=1.30\n', '1.33', 'en').version, '1.30');
  assert.equal(resolveKubernetesVersion('# podline: kubernetes=1.35\n', '1.33', 'en').version, '1.35');
  assert.equal(resolveKubernetesVersion('# podline: kubernetes=v1.37.1\n', '1.33', 'en').version, '1.37');
  const text = 'kind: Job\n# podline: kubernetes=1.28\n';
  const resolved = resolveKubernetesVersion(text, '1.34', 'en');
  assert.equal(resolved.version, '1.34');
  assert.equal(resolved.report?.code, 'podline/unknown-kubernetes-version');
  assert.equal(resolved.report?.severity, 'warning');
  assert.equal(
    resolved.report?.message,
    'Podline has no schema for Kubernetes 1.28; supported versions: 1.37, 1.36, 1.35, 1.34, 1.33, 1.32, 1.31, 1.30, 1.29. Validating for 1.34.',
  );
  assert.equal(text.slice(resolved.report?.range.start, resolved.report?.range.end), '1.28');
  assert.deepEqual(resolved.report?.data, { version: '1.28', supported: [...supportedKubernetesVersions] });
  assert.match(
    resolveKubernetesVersion(text, '1.34', 'zh-CN').report?.message ?? '',
    /^Podline 没有 Kubernetes 1\.28/,
  );
});

test('schema data: every referenced definition exists, masks name real versions, descriptions are indexed', () => {
  const all = (1 << schemaVersions.length) - 1;
  const scalars = new Set([
    'string',
    'boolean',
    'int32',
    'int64',
    'integer',
    'number',
    'IntOrString',
    'Quantity',
    'Time',
    'object',
  ]);
  for (const definition of Object.values(schemaRoots)) assert.ok(schemaDefinitions[definition], definition);
  for (const [name, rows] of Object.entries(schemaDefinitions)) {
    const seen = new Map<string, number>();
    for (const [field, versions, required, type, description] of rows) {
      assert.ok(versions > 0 && (versions & ~all) === 0, `${name}.${field} versions`);
      assert.equal(required & ~versions, 0, `${name}.${field} required only where present`);
      // One row per field and version.
      assert.equal((seen.get(field) ?? 0) & versions, 0, `${name}.${field} overlapping rows`);
      seen.set(field, (seen.get(field) ?? 0) | versions);
      const base = type.replace(/^(\[\]|\{\})+/, '');
      assert.ok(scalars.has(base) || schemaDefinitions[base], `${name}.${field}: ${type}`);
      assert.ok(description >= 0 && description < schemaDescriptions.length);
    }
  }
  // Integer widths survive for the versions read from cdk8s-plus, which does not carry them.
  const backoff = schemaDefinitions['batch.v1.JobSpec']?.filter((row) => row[0] === 'backoffLimit');
  assert.ok(backoff?.every((row) => row[3] === 'int32'));
});

// Regenerating needs the schema packages as devDependencies (about 4 s); skipped where they are
// not installed.
const generatorInputs = [
  'pulumi-kubernetes-1-37',
  'kubernetes-models-1-36',
  'pulumi-kubernetes-1-35',
  'kubernetes-models-1-33',
  'cdk8s-plus-29',
];
const haveInputs = generatorInputs.every((name) =>
  existsSync(join(root, 'node_modules', name, 'package.json')),
);
test(
  'schema data: regenerating from the installed packages gives the committed bytes',
  { skip: !haveInputs },
  () => {
    const result = spawnSync(process.execPath, [join(root, 'scripts', 'generateSchemas.mjs'), '--check'], {
      cwd: root,
      encoding: 'utf8',
    });
    assert.equal(result.status, 0, result.stderr);
  },
);
