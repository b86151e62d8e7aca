import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseYamlFile } from '../../server/src/core/yaml/parseYamlFile';
import { findNodeAt, getEntry } from '../../server/src/core/yaml/yamlModel';
import type { YamlNode } from '../../server/src/core/yaml/yamlModel';

/** Walks a model by field names and indexes. */
function at(node: YamlNode | null | undefined, ...steps: (string | number)[]): YamlNode | null {
  let current = node ?? null;
  for (const step of steps) {
    if (!current) return null;
    if (typeof step === 'number') current = current.kind === 'seq' ? (current.items[step] ?? null) : null;
    else current = current.kind === 'map' ? (getEntry(current, step)?.value ?? null) : null;
  }
  return current;
}

const job = `apiVersion: batch/v1
kind: Job
metadata:
  name: pi
  labels:
    app.kubernetes.io/name: pi
spec:
  template:
    spec:
      containers:
      - name: pi
        image: perl:5.34
      restartPolicy: Never
`;

test('every node keeps its field path in the API server syntax and its exact source range', () => {
  const model = parseYamlFile(job);
  const root = model.documents[0]?.root;
  const name = at(root, 'spec', 'template', 'spec', 'containers', 0, 'name');
  assert.equal(name?.path, 'spec.template.spec.containers[0].name');
  const offset = job.indexOf('name: pi\n        image') + 'name: '.length;
  assert.deepEqual(name?.range, { start: offset, end: offset + 2 });
  assert.equal(
    at(root, 'metadata', 'labels', 'app.kubernetes.io/name')?.path,
    'metadata.labels[app.kubernetes.io/name]',
  );
  assert.equal(model.problems.length, 0);
});

test('findNodeAt returns the innermost node under an offset', () => {
  const model = parseYamlFile(job);
  const offset = job.indexOf('perl:5.34') + 3;
  assert.equal(
    findNodeAt(model.documents[0]?.root ?? null, offset)?.path,
    'spec.template.spec.containers[0].image',
  );
});

test('scalars are read with YAML 1.1 rules, as Kubernetes decodes them', () => {
  const model = parseYamlFile('a: yes\nb: on\nc: 0777\nd: "yes"\ne: 1.5\nf: ~\ng: !!str 5\n');
  const root = model.documents[0]?.root ?? null;
  const value = (key: string): unknown => {
    const node = at(root, key);
    return node?.kind === 'scalar' ? node.value : undefined;
  };
  assert.equal(value('a'), true);
  assert.equal(value('b'), true);
  assert.equal(value('c'), 511);
  assert.equal(value('d'), 'yes');
  assert.equal(value('e'), 1.5);
  assert.equal(value('f'), null);
  assert.equal(value('g'), '5');
});

test('documents are split at --- and keep their own index and range', () => {
  const text = 'kind: Service\n---\nkind: Job\n---\n';
  const model = parseYamlFile(text);
  assert.equal(model.documents.length, 3);
  assert.equal(model.documents[1]?.index, 1);
  assert.equal(
    text.slice(model.documents[1]?.range.start, model.documents[1]?.range.end).trim(),
    '---\nkind: Job',
  );
});

test('a duplicate key is reported at the second key with the first one remembered', () => {
  const text = 'a: 1\nb:\n  c: 1\n  c: 2\n';
  const [problem, ...rest] = parseYamlFile(text).problems;
  assert.equal(rest.length, 0);
  assert.equal(problem?.kind, 'duplicateKey');
  if (problem?.kind !== 'duplicateKey') return;
  assert.equal(problem.key, 'c');
  assert.equal(problem.path, 'b.c');
  assert.deepEqual(problem.range, { start: 17, end: 18 });
  assert.deepEqual(problem.firstRange, { start: 10, end: 11 });
});

test('a syntax error keeps the model of what parsed before it', () => {
  const text = 'kind: Job\nspec:\n  parallelism: 2\n\n$ kubectl create -f job.yaml\n';
  const model = parseYamlFile(text);
  assert.equal(model.documents[0]?.hasSyntaxErrors, true);
  const parallelism = at(model.documents[0]?.root, 'spec', 'parallelism');
  assert.equal(parallelism?.kind === 'scalar' ? parallelism.value : undefined, 2);
  const syntax = model.problems.find((problem) => problem.kind === 'syntax');
  assert.equal(syntax?.range.start, text.indexOf('$'));
});

test('an alias bomb is reported once, without expanding it', () => {
  let bomb = 'a: &a ["x","x","x","x","x","x","x","x","x"]\n';
  const names = 'abcdefghij';
  for (let i = 1; i < names.length; i++) {
    bomb += `${names[i]}: &${names[i]} [${Array(9)
      .fill(`*${names[i - 1]}`)
      .join(',')}]\n`;
  }
  const problems = parseYamlFile(bomb).problems;
  assert.equal(problems.length, 1);
  assert.equal(problems[0]?.kind, 'excessiveAliasing');
  // Nine levels of nine-fold aliases over nine scalars expand to more than 9^9 nodes.
  if (problems[0]?.kind === 'excessiveAliasing') assert.ok(problems[0].expandedNodes > 9 ** 9);
});

test('a few ordinary aliases are accepted', () => {
  const text = 'base: &labels {app: pi}\nmetadata:\n  labels: *labels\n';
  assert.deepEqual(parseYamlFile(text).problems, []);
});

test('nesting 10,000 levels deep gives one too-deep problem and no crash', () => {
  const deep = '['.repeat(10000) + ']'.repeat(10000);
  const problems = parseYamlFile(deep).problems;
  assert.equal(problems.filter((problem) => problem.kind === 'tooDeep').length, 1);
});

test('deep block nesting and compact sequences are caught before the parser recurses', () => {
  const compact = `${'- '.repeat(1000)}x\n`;
  let block = '';
  for (let i = 0; i < 300; i++) block += `${' '.repeat(i)}k${i}:\n`;
  for (const text of [compact, block]) {
    const problems = parseYamlFile(text).problems;
    assert.deepEqual(
      problems.map((problem) => problem.kind),
      ['tooDeep'],
    );
  }
  // Real manifests nest a few dozen levels at most, far below the limit.
  assert.deepEqual(parseYamlFile(`${'- '.repeat(150)}x\n`).problems, []);
});

test('random bytes are recognised as binary, a file over the limit as too large', () => {
  let seed = 7;
  let bytes = '';
  for (let i = 0; i < 5000; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    bytes += String.fromCharCode(seed >> 23);
  }
  assert.deepEqual(
    parseYamlFile(bytes).problems.map((problem) => problem.kind),
    ['binary'],
  );
  const large = parseYamlFile('a: 1\n'.repeat(1000), {
    maxFileLength: 1000,
    maxDepth: 200,
    maxSyntaxProblems: 50,
  });
  assert.deepEqual(
    large.problems.map((problem) => problem.kind),
    ['tooLarge'],
  );
});

test('syntax problems are capped, with a count of the rest', () => {
  const text = Array.from({ length: 200 }, (_, i) => `key${i}: [unclosed\n`).join('---\n');
  const problems = parseYamlFile(text, { maxFileLength: 1e6, maxDepth: 200, maxSyntaxProblems: 50 }).problems;
  assert.equal(problems.filter((problem) => problem.kind === 'syntax').length, 50);
  const rest = problems.find((problem) => problem.kind === 'tooManyProblems');
  assert.ok(rest && rest.kind === 'tooManyProblems' && rest.omitted > 0);
});

test('findNodeAt on the first character of a key after a nested map finds that key’s map', () => {
  const text = 'metadata:\n  name: pi\nspec:\n  parallelism: 2\n';
  const model = parseYamlFile(text);
  const node = findNodeAt(model.documents[0]?.root ?? null, text.indexOf('spec'));
  assert.equal(node?.kind, 'map');
  assert.equal(node?.path, '');
});
