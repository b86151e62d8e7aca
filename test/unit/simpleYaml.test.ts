import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { defaultYamlLimits, parseYamlChunkWithLibrary } from '../../server/src/core/yaml/parseYamlFile';
import type { ChunkPosition } from '../../server/src/core/yaml/parseYamlFile';
import { readSimpleChunk } from '../../server/src/core/yaml/simpleYaml';
import { splitYamlDocuments } from '../../server/src/core/yaml/yamlChunks';
import { loadCorpus, mutate, randomStream } from '../fuzz/fuzzHarness';

// The simple reader reads plain block YAML without the yaml library's parser. Wherever it
// accepts a chunk, its model must be the library's: every node, value, range, path and problem.

const limits = defaultYamlLimits;

/** Reads one chunk both ways; true when the simple reader accepted it (and agreed). */
function agrees(text: string, at: ChunkPosition, label: string): boolean {
  const simple = readSimpleChunk(text, limits, at);
  if (!simple) return false;
  assert.deepStrictEqual(
    simple,
    parseYamlChunkWithLibrary(text, limits, at),
    `${label}: ${JSON.stringify(text)}`,
  );
  return true;
}

/** Every chunk of a file as analysis reads it, and the whole file as one chunk. */
function checkFile(text: string, label: string): { chunks: number; accepted: number } {
  let accepted = 0;
  const chunks = splitYamlDocuments(text) ?? [];
  for (const [index, chunk] of chunks.entries()) {
    const at = { offset: chunk.offset, documentIndex: index, beforeMarker: index < chunks.length - 1 };
    if (agrees(chunk.text, at, `${label} chunk ${index}`)) accepted++;
  }
  agrees(text, { offset: 0, documentIndex: 0 }, `${label} whole`);
  return { chunks: chunks.length, accepted };
}

async function benchmarkWorkloads(): Promise<string[]> {
  const url = pathToFileURL(join(__dirname, '..', '..', '..', 'bench', 'generateWorkloads.mjs')).href;
  const { generateWorkloadFile } = (await import(url)) as {
    generateWorkloadFile: (count: number, withErrors: boolean) => { text: string };
  };
  return [generateWorkloadFile(100, false).text, generateWorkloadFile(100, true).text];
}

test('the simple reader reads the benchmark workloads, every document, as the yaml library does', async () => {
  for (const [index, text] of (await benchmarkWorkloads()).entries()) {
    const { chunks, accepted } = checkFile(text, `workload ${index}`);
    // The files with errors have one syntax error (a duplicate key is not one).
    assert.equal(accepted, chunks, `workload ${index}: every document is plain block YAML`);
  }
});

test('the simple reader agrees with the yaml library on the corpus and 3,000 mutations of it', () => {
  const corpus = loadCorpus();
  let chunks = 0;
  let accepted = 0;
  for (const [index, text] of corpus.entries()) {
    const counts = checkFile(text, `corpus ${index}`);
    chunks += counts.chunks;
    accepted += counts.accepted;
    // The same file with Windows line breaks.
    checkFile(text.replaceAll('\n', '\r\n'), `corpus ${index} (CRLF)`);
  }
  // Most of the seed manifests and documentation examples are plain block YAML.
  assert.ok(accepted / chunks > 0.6, `accepted ${accepted} of ${chunks} corpus documents`);
  console.log(`accepted ${accepted} of ${chunks} corpus documents`);
  const random = randomStream(11);
  let mutatedAccepted = 0;
  for (let i = 0; i < 3000; i++) {
    let text = corpus[Math.floor(random() * corpus.length)] ?? '';
    for (let round = 1 + Math.floor(random() * 3); round > 0; round--) text = mutate(text, random);
    if (i % 4 === 0) text = text.replaceAll('\n', '\r\n');
    mutatedAccepted += checkFile(text, `mutation ${i}`).accepted;
  }
  assert.ok(mutatedAccepted > 800, `accepted ${mutatedAccepted} mutated documents`);
});

test('the simple reader agrees with the yaml library on YAML 1.1 scalars, keys and layouts', () => {
  const scalars = [
    ...['yes', 'Yes', 'YES', 'no', 'No', 'on', 'On', 'off', 'OFF', 'y', 'Y', 'n', 'N', 'true', 'False'],
    ...['~', 'null', 'Null', 'NULL', 'nil', 'none', 'nan', '.nan', '.NaN', '.inf', '-.Inf', '+.INF'],
    ...['0', '-0', '+1', '007', '0777', '08', '0o17', '0b101', '0x1F', '0xg', '1_000', '190:20:30', '1:60'],
    ...[
      '1.5',
      '1.',
      '.5',
      '1e3',
      '1E-3',
      '1e309',
      '-1e309',
      '6.8523015e+5',
      '685.230_15e+03',
      '99999999999999999999',
    ],
    ...['2001-12-14', '2001-12-14t21:59:43.10-05:00', '2001-12-14 21:59:43.10 -5', '12:30', '1.2.3'],
    ...['100m', '128Mi', '1Gi', 'python:3.12-slim', 'http://x:8080/a', 'a#b', 'a,b', 'a[0]', 'a]b', 'a}b'],
    ...[
      'e1',
      'E5',
      '1e',
      'e',
      '-1',
      '--flag',
      '-',
      '-x',
      'é',
      '𝔘',
      'x y  z',
      "it's",
      'say "hi"',
      '<<',
      '<x',
      '=',
      'a: b',
      'a:',
    ],
  ];
  const texts: string[] = [];
  for (const scalar of scalars) {
    texts.push(
      `key: ${scalar}\n`,
      `${scalar}: value\n`,
      `- ${scalar}\n`,
      `k: [${scalar}, x]\n`,
      `k: [x, ${scalar} ]\n`,
    );
    texts.push(
      `k: '${scalar}'\n`,
      `k: "${scalar}"\n`,
      `'${scalar}': 1\n`,
      `"${scalar}": 1\n`,
      `k: ${scalar} # c\n`,
    );
  }
  texts.push(
    'a: 1\nb:\n  c: x # hi\n  d:\n  - p\n  - q: 1\n    r: 2\n\n# end\n',
    "# lead\n\n---  # c\na:\n  - \n  -\n    x: 1\nb: 'it''s'   # c\n",
    'a:\n  b: 1\n    # deeper\n  # same\n    # deeper2\nc: 2\n',
    'a:\n  b: 1\n\n    # deeper\nc: 2\n',
    'a: 1\n\n  # c\n',
    'a:\n  b:\nc: 1\n',
    'a:\n  b:   \nc: 1\n',
    'a:\n  b: # x\nc: 1\n',
    'a:\n  b:\n    # deeper\n\n    # deeper\nc: 1\n',
    'a:\n  - x\n  -\nc: 1\n',
    '- a:\n- b\n',
    'a:\n  b:\n# c\nc: 1\n',
    // Found by the fuzzer: comments after a collection's last line, and where its range ends.
    'x:\n  a:\n    b: # c\n  d: 1\n',
    'x:\n  a:\n    b:\n    # c\n  d: 1\n',
    'x:\n  a:\n  - b: 1\n    # deeper\n  c: 2\n',
    'x:\n  a:\n  - b: 1\n   # deeper\n  c: 2\n',
    'x:\n  a:\n    - b\n      # deeper\n  c: 2\n',
    'a:\n  - |\n    x\n  # c\n\n',
    'a:\n  b:\n\n\nc: 1\n',
    'a:\n  b: 1\n    # deeper\n\n  # same\n\nc: 1\n',
    'a:\n  b:\n\n  # c\n\n# d\n\nc: 1\n',
    'a:\n  - x\n  -\n# c\n    # d\nb:\n  - \n  # e\nc: 1\n',
    'a:\n  b:\n  # c\nc:\n- \n-\nd: 1\n',
    '- a\n  # c\n- b\n',
    '- a: 1\n  # c\n',
    'a:\n- x\n  # c\nb: 1\n',
    'a:\n- x\n# c\n- y\n  # d\n',
    'x:\n  - a: 1\n    # c\n  - b\n',
    '\n\n  a: 1\n  b: 2\n',
    'a:   \nb: # c\nc:\n  # d\ne: 1',
    '- \n-\n-  # c\n- x\n-   a: 1\n    b: 2\n',
    'a: b\nc\n',
    'a: b\n  c\n',
    '- a\n  b\n',
    'a:\n  b: 1\n c: 2\n',
    'a:\n  - x\n  y: 1\n',
    'a: 1\na: 2\nb:\n  c: 1\n  c: 2\n',
    'k: [a, b,]\n',
    'k: [a,, b]\n',
    'k: [a\n, b]\n',
    'k: []   # c\ne: {}\nf: { }\ng: {a: 1}\n',
    'r: {requests: {cpu: 100m, memory: 64Mi}, limits: {memory: 128Mi}}\n',
    '- {name: a, value: "1"}\n- {name: b}\n- [x, {y: z}]\n- [a]: b\n',
    "k: {a: [1, 2], 'b c': 'd', \"e\": yes, 0x1F: ~}\n",
    'k: {a:b}\n',
    'k: {a: }\n',
    'k: {a}\n',
    'k: {a: 1,}\n',
    'k: {a: 1, a: 2}\n',
    'k: [{a: 1}, [b], []]\n',
    'k: {? a: 1}\n',
    'k: { a: 1 , b : 2 }\n',
    'k: {a: 1} # c\n',
    'k: {a: 1}x\n',
    'k: {"a":1}\n',
    'k: {a: b c, d: -1, e: -}\n',
    'k: {a: [b, c}\n',
    'k: {a: 1\n  , b: 2}\n',
    'k: "a"x\n',
    "k: 'a' 'b'\n",
    'k: "a\\"b"\n',
    'k: ["sh", "-c", "echo \\"hi\\" && printf \'%s\\\\n\' x\\tz \\/ \\u00e9 \\ud83d\\ude00"]\n',
    'k: "\\b\\f\\r\\\\"\n',
    'k: "\\x41 \\e \\N \\_ \\0 \\a \\v \\L \\P \\U0001F600 \\ "\n',
    'k: "\\u12"\n',
    'k: "\\uD800"\n',
    'k: "a\\\n  b"\n',
    '"k\\"": 1\n',
    'k: {"a\\"b": "c\\\\"}\n',
    'k: "a\n  b"\n',
    'k: |\n  text\n',
    'a: |\n  x\n  y\nb: 1\n',
    'a: |\n  x\n\n  y\n\n\nb: 1\n',
    'a: |-\n  x\n  # c\n# d\nb: 1\n',
    'a: |+\n  x\n\n\nb: 1\n',
    'a: |+\n  x\n\n  \n# c\nb: 1\n',
    '- |\n  x\n- y\n',
    '- >\n  x\n  y\n\n  z\n- >-\n  a\n\n\n  b\n\n',
    'a:\n  b: |  # c\n    x\n      z\nc: 1\n',
    'a: |\n  x\n\n  # c\n\nb: 1\n',
    'a: |\n\n  x\nb: 1\n',
    'a: |\n   \n  x\nb: 1\n',
    'a: |\n  x\n     \n  y\nb: 1\n',
    'a: >\n  x\n    y\n  z\n',
    'a: |2\n   x\n',
    'a: |\nb: 1\n',
    'a: |\n  x',
    'a: |x\n  x\n',
    'a: >+\n  x\n  y\n\n',
    '- a: |\n    x\n  b: |\n   y\n',
    '- a: |\n   x\n',
    '- a: |\n  x\n',
    'a:\n  - |\n    x\n  -  >\n     y\n',
    'k: &a 1\nl: *a\n',
    'k: !!str 1\n',
    '? a\n: b\n',
    'a: b: c\n',
    'a:b: c\n',
    'a : b\n',
    '---\n',
    '--- a: 1\n',
    '---\na: 1\n...\n',
    '# only a comment\n',
    '',
    'a: 1\n---\nb: 2\n',
  );
  for (let i = 0; i < 40; i++) texts.push(`${'  '.repeat(i)}k${i}:\n`.repeat(1) + 'x: 1\n');
  const deep =
    Array.from({ length: 80 }, (_, i) => `${'  '.repeat(i)}k:\n`).join('') + `${'  '.repeat(80)}v: 1\n`;
  texts.push(deep);
  let accepted = 0;
  for (const [index, text] of [...texts, ...texts.map((text) => text.replaceAll('\n', '\r\n'))].entries()) {
    for (const beforeMarker of [false, true]) {
      if (agrees(text, { offset: 7, documentIndex: 2, beforeMarker }, `case ${index}`)) accepted++;
    }
  }
  assert.ok(accepted > texts.length, `accepted ${accepted} of ${texts.length * 2}`);
});

test('the simple reader leaves to the yaml library what it does not read itself', () => {
  const at = { offset: 0, documentIndex: 0, beforeMarker: false };
  for (const text of [
    'k: |2\n   text\n',
    'k: |\n  x\n   \n  y\n',
    'k: >\n  x\n    y\n',
    'k: &a 1\nl: *a\n',
    'k: !!str 1\n',
    'k: "\\x41"\n',
    'a:\tb\n',
    'a: b\rc: d\n',
    '\uFEFFa: b\n',
    '<<: {a: 1}\n',
    'a: b: c\n',
    '---\n',
    '# only a comment\n',
  ]) {
    assert.equal(readSimpleChunk(text, limits, at), undefined, JSON.stringify(text));
  }
  assert.ok(readSimpleChunk('kind: Job\nspec:\n  parallelism: 2\n', limits, at));
  assert.ok(readSimpleChunk('args:\n  - |\n    echo one\n    echo two\n', limits, at));
});
