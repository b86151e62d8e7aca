import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position } from 'vscode-languageserver-textdocument';
import { RandomStreams } from '../../server/src/core/simulator/random';
import type { RandomStream } from '../../server/src/core/simulator/random';
import { splitYamlDocuments } from '../../server/src/core/yaml/yamlChunks';
import { PodlineDocument } from '../../server/src/lsp/podlineDocument';

// The open document keeps its text by YAML document and edits it piece by piece. Its references
// are plain: vscode-languageserver-textdocument's TextDocument for the text, the lines and the
// positions (what every LSP server built on vscode-languageserver sees), and splitYamlDocuments
// on the whole new text for the chunks the analysis reads.

/** Lines that matter to the split (markers, directives, document ends, line breaks of each kind) and plain content. */
const fragments = [
  '---\n',
  '--- # c\n',
  '---',
  '----\n',
  '...\n',
  '%YAML 1.2\n',
  'apiVersion: batch/v1\n',
  'kind: Job\n',
  '  key: |\n    ---x\n',
  '- item\n',
  '\r\n',
  '\r',
  '\n',
  'a: "open\n',
  '# podline\n',
  'é€😀\n',
  '',
];

const pick = <T>(random: RandomStream, items: readonly T[]): T => items[random.nextInt(items.length)] as T;

function randomText(random: RandomStream, parts: number): string {
  let text = '';
  for (let index = 0; index < parts; index++) text += pick(random, fragments);
  return text;
}

/**
 * A position for an edit, some past the end of their line, some negative. Not past the last
 * line: TextDocument's line table goes wrong on those (it sets the line starts of lines that do
 * not exist), so it is no reference there; the queries below still ask beyond the end.
 */
function randomPosition(random: RandomStream, lineCount: number): Position {
  const line = random.nextInt(lineCount + 1) - 1;
  const character = random.nextInt(14) - 1;
  return { line, character };
}

function assertSame(document: PodlineDocument, reference: TextDocument, context: string): void {
  const text = reference.getText();
  assert.equal(document.getText(), text, context);
  assert.equal(document.lineCount, reference.lineCount, context);
  for (let offset = -1; offset <= text.length + 1; offset++) {
    assert.deepEqual(
      document.positionAt(offset),
      reference.positionAt(offset),
      `${context}: positionAt(${offset})`,
    );
  }
  for (let line = -1; line <= reference.lineCount; line++) {
    for (let character = -1; character < 12; character++) {
      const position = { line, character };
      assert.equal(
        document.offsetAt(position),
        reference.offsetAt(position),
        `${context}: offsetAt(${line}:${character})`,
      );
    }
    assert.deepEqual(document.getLineRange(line), reference.getLineRange(line), `${context}: line ${line}`);
    assert.equal(
      document.getEOLCharacters(line),
      reference.getEOLCharacters(line),
      `${context}: EOL ${line}`,
    );
  }
  const expected = splitYamlDocuments(text);
  const chunks = document.text.chunks;
  assert.deepEqual(
    chunks?.map((chunk) => ({ offset: chunk.offset, text: chunk.text })),
    expected,
    `${context}: chunks`,
  );
}

test('an edited document has the text, lines, positions and chunks of TextDocument and splitYamlDocuments (400 edit runs)', () => {
  const streams = new RandomStreams(20261208);
  for (let run = 0; run < 400; run++) {
    const random = streams.stream(`run-${run}`);
    const initial = randomText(random, random.nextInt(12));
    const document = new PodlineDocument('file:///a.yaml', 'yaml', 1, initial);
    const reference = TextDocument.create('file:///a.yaml', 'yaml', 1, initial);
    assertSame(document, reference, `run ${run}, opened`);
    for (let step = 0; step < 12; step++) {
      const changes = [];
      const count = 1 + random.nextInt(2);
      // Each change of a notification applies to the text the ones before it left.
      const scratch = TextDocument.create('file:///a.yaml', 'yaml', 0, reference.getText());
      for (let index = 0; index < count; index++) {
        let change;
        if (random.nextInt(20) === 0) {
          change = { text: randomText(random, random.nextInt(8)) };
        } else {
          // Ranges given either way round, as editors may send them.
          const start = randomPosition(random, scratch.lineCount);
          const end = random.nextInt(3) === 0 ? start : randomPosition(random, scratch.lineCount);
          change = { range: { start, end }, text: randomText(random, random.nextInt(3)) };
        }
        TextDocument.update(scratch, [change], index + 1);
        changes.push(change);
      }
      const version = step + 2;
      const before = reference.getText();
      document.update(changes, version);
      TextDocument.update(reference, changes, version);
      assert.equal(document.version, version);
      assertSame(
        document,
        reference,
        `run ${run}, step ${step}: ${JSON.stringify(before)} ${JSON.stringify(changes)}`,
      );
    }
  }
});

test('an edit inside one document of many leaves every other chunk the same string', () => {
  const documents = Array.from(
    { length: 50 },
    (_, index) => `---\nkind: Job\nmetadata:\n  name: job-${index}\n`,
  );
  const document = new PodlineDocument('file:///many.yaml', 'yaml', 1, documents.join(''));
  const before = document.text.chunks ?? [];
  assert.equal(before.length, 50);
  // Type a character at the end of job-20's name.
  document.update(
    [{ range: { start: { line: 83, character: 14 }, end: { line: 83, character: 14 } }, text: 'x' }],
    2,
  );
  const after = document.text.chunks ?? [];
  assert.equal(after.length, 50);
  assert.equal(after[20]?.text, '---\nkind: Job\nmetadata:\n  name: job-20x\n');
  const changed = after.flatMap((chunk, index) => (chunk.text === before[index]?.text ? [] : [index]));
  assert.deepEqual(changed, [20]);
  // Untouched far from the edit: the very same strings, so the analysis matches them at once.
  assert.ok(after[0]?.text === before[0]?.text && after[49]?.text === before[49]?.text);
  assert.equal(after[21]?.offset, (before[21]?.offset ?? 0) + 1);
});

test('typing a marker line splits a chunk, deleting one joins two, and a document end marker makes the text one piece', () => {
  const document = new PodlineDocument('file:///m.yaml', 'yaml', 1, 'a: 1\nb: 2\n---\nc: 3\n');
  assert.equal(document.text.chunks?.length, 2);
  document.update(
    [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '---\n' }],
    2,
  );
  assert.deepEqual(
    document.text.chunks?.map((chunk) => chunk.text),
    ['a: 1\n', '---\nb: 2\n', '---\nc: 3\n'],
  );
  document.update(
    [{ range: { start: { line: 1, character: 0 }, end: { line: 2, character: 0 } }, text: '' }],
    3,
  );
  assert.deepEqual(
    document.text.chunks?.map((chunk) => chunk.text),
    ['a: 1\nb: 2\n', '---\nc: 3\n'],
  );
  document.update(
    [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: '...\n' }],
    4,
  );
  assert.equal(document.text.chunks, undefined);
  assert.equal(document.getText(), 'a: 1\nb: 2\n...\n---\nc: 3\n');
});

test('a malformed change is refused as TextDocument refuses it, and the text stays as it was', () => {
  const document = new PodlineDocument('file:///m.yaml', 'yaml', 1, 'a: 1\n');
  assert.throws(() => document.update([{ nonsense: true } as never], 2), /Unknown change event/);
  assert.equal(document.getText(), 'a: 1\n');
});
