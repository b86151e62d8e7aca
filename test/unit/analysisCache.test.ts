import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AnalysisCache } from '../../server/src/core/analysis/analysisCache';
import { analyzeDocument } from '../../server/src/core/analysis/analyzeDocument';
import type { AnalysisResult } from '../../server/src/core/analysis/analyzeDocument';
import { ruleRegistry } from '../../server/src/core/rules/ruleRegistry';
import { defaultSettings } from '../../server/src/core/settings';
import { splitYamlDocuments, splitYamlDocumentsAfter } from '../../server/src/core/yaml/yamlChunks';
import { diagnosticsOf, toDiagnostic } from '../../server/src/lsp/toDiagnostic';
import { warmUpFile } from '../../server/src/lsp/warmUp';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { loadCorpus, mutate, randomStream } from '../fuzz/fuzzHarness';

// Analysis splits a file at its `---` markers and parses each document on its own, and the
// language server keeps each document's analysis between edits. Both must give exactly what
// parsing the whole file at once gives: the same findings, ranges, model and workloads.

const settings = { ...defaultSettings, maxFileSize: 64 * 1024 * 1024 };

/** The parts of a result that users see or that editor features read. */
function observable(result: AnalysisResult): unknown {
  return {
    findings: result.findings,
    documents: result.yaml.documents,
    problems: result.yaml.problems,
    workloads: result.workloads.map((workload) => ({
      kind: workload.kind,
      apiVersion: workload.apiVersion,
      document: workload.document,
    })),
    kubernetesVersion: result.kubernetesVersion,
    versionFromComment: result.versionFromComment,
    documentCount: result.documentCount,
    workloadSummaries: result.workloadSummaries,
  };
}

function whole(text: string): unknown {
  return observable(analyzeDocument(text, settings, ruleRegistry, new AnalysisCache(false)));
}

test('splitting at document markers: chunks start at each `---` line and cover the file', () => {
  const text = 'a: 1\n---\nb: 2\n--- # c\nc: 3\n---x: 4\n  ---\n';
  const chunks = splitYamlDocuments(text);
  assert.deepEqual(
    chunks?.map((chunk) => [chunk.offset, chunk.text]),
    [
      [0, 'a: 1\n'],
      [5, '---\nb: 2\n'],
      [14, '--- # c\nc: 3\n---x: 4\n  ---\n'],
    ],
  );
  assert.deepEqual(splitYamlDocuments('---\r\na: 1\r\n---\r\n')?.length, 2);
  assert.deepEqual(splitYamlDocuments(''), [{ offset: 0, text: '' }]);
  // Directives and document end markers tie documents together: such files are parsed whole.
  assert.equal(splitYamlDocuments('%YAML 1.1\n---\na: 1\n'), undefined);
  assert.equal(splitYamlDocuments('a: 1\n...\n---\nb: 2\n'), undefined);
});

test('a file analysed document by document gives what the whole file gives (corpus and 400 mutations)', () => {
  const corpus = loadCorpus();
  const random = randomStream(7);
  const inputs = [...corpus];
  for (let i = 0; i < 400; i++) {
    let text = corpus[Math.floor(random() * corpus.length)] ?? '';
    for (let round = 1 + Math.floor(random() * 3); round > 0; round--) text = mutate(text, random);
    inputs.push(text);
  }
  // Markers in odd places: inside block scalars, flow collections and quoted scalars, and a BOM.
  inputs.push(
    'a: |\n  text\n---\nb: [1,\n---\n2]\nc: "x\n---\ny"\n',
    '\uFEFF---\na: 1\n---\n',
    '# comment only\n',
    '---\n---\n---\n',
    'a: &x 1\n---\nb: *x\n',
  );
  for (const [index, text] of inputs.entries()) {
    assert.deepStrictEqual(observable(analyzeDocument(text, settings)), whole(text), `input ${index}`);
  }
});

/** The corpus joined into one multi-document file. */
function bigFile(): string {
  return loadCorpus()
    .map((text) => text.replace(/^---\n/, ''))
    .join('\n---\n');
}

test('after edits anywhere, the remembered analysis gives what a fresh analysis gives', () => {
  const cache = new AnalysisCache();
  const random = randomStream(11);
  let text = bigFile();
  analyzeDocument(text, settings, ruleRegistry, cache);
  for (let i = 0; i < 80; i++) {
    text = mutate(text, random);
    const incremental = analyzeDocument(text, settings, ruleRegistry, cache);
    assert.deepStrictEqual(observable(incremental), whole(text), `edit ${i}`);
  }
});

test('moving, repeating and removing whole documents keeps every finding in place', () => {
  const cache = new AnalysisCache();
  const documents = bigFile().split('\n---\n');
  const edits = [
    // A new document at the top moves every other one.
    ['apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}', ...documents],
    // The same document twice: two chunks with the same text.
    [documents[3] ?? '', ...documents, documents[3] ?? ''],
    documents.slice(5),
    [...documents].reverse(),
    // A version comment changes what every rule checks.
    ['# podline: kubernetes=1.29', ...documents],
    documents,
  ];
  for (const [index, edit] of edits.entries()) {
    const text = edit.join('\n---\n');
    assert.deepStrictEqual(
      observable(analyzeDocument(text, settings, ruleRegistry, cache)),
      whole(text),
      `edit ${index}`,
    );
  }
});

test('an edit in one document leaves the others as they were and changed settings start afresh', () => {
  const cache = new AnalysisCache();
  const documents = bigFile().split('\n---\n');
  const before = analyzeDocument(documents.join('\n---\n'), settings, ruleRegistry, cache);
  documents[documents.length - 1] += '\n# edited';
  const after = analyzeDocument(documents.join('\n---\n'), settings, ruleRegistry, cache);
  // Documents before the edit are reused, not parsed again.
  assert.equal(after.yaml.documents[0], before.yaml.documents[0]);
  assert.equal(after.yaml.documents[5], before.yaml.documents[5]);
  const other = { ...settings, locale: 'zh-CN' as const };
  const translated = analyzeDocument(documents.join('\n---\n'), other, ruleRegistry, cache);
  assert.notEqual(translated.yaml.documents[0], before.yaml.documents[0]);
  assert.deepStrictEqual(
    observable(translated),
    observable(analyzeDocument(documents.join('\n---\n'), other)),
  );
});

test("the server's warm-up file is valid and exercises every kind", () => {
  for (let round = 0; round < 5; round++) {
    const result = analyzeDocument(warmUpFile(round), defaultSettings);
    assert.deepEqual(
      result.findings.filter((finding) => finding.severity === 'error' || finding.severity === 'warning'),
      [],
    );
    assert.deepEqual(
      ['Job', 'CronJob', 'DaemonSet'].map((kind) => result.workloads.filter((w) => w.kind === kind).length),
      [7, 7, 6],
    );
  }
});

/**
 * Random edits of the kinds that move what follows them: typing, new and deleted lines, `---`
 * markers added and removed, whole documents pasted; in the file's own line breaks.
 */
function edit(text: string, random: () => number, newline: string): string {
  const at = Math.floor(random() * (text.length + 1));
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  switch (Math.floor(random() * 7)) {
    case 0:
      return text.slice(0, at) + 'x' + text.slice(at);
    case 1:
      return text.slice(0, lineStart) + `  extra: 1${newline}` + text.slice(lineStart);
    case 2: {
      const next = text.indexOf('\n', lineStart);
      return next === -1 ? text.slice(0, lineStart) : text.slice(0, lineStart) + text.slice(next + 1);
    }
    case 3:
      return text.slice(0, lineStart) + `---${newline}` + text.slice(lineStart);
    case 4: {
      const marker = text.indexOf(`${newline}---${newline}`, at);
      return marker === -1 ? text : text.slice(0, marker) + text.slice(marker + 3 + newline.length);
    }
    case 5:
      return (
        text.slice(0, lineStart) +
        `kind: Job${newline}apiVersion: batch/v1${newline}---${newline}` +
        text.slice(lineStart)
      );
    default:
      return mutate(text, random).replace(/\r?\n/g, newline);
  }
}

/** The published diagnostics, with the chunks' kept diagnostics, against converting a fresh analysis. */
function assertSameDiagnostics(result: AnalysisResult, text: string, version: number, message: string): void {
  const document = TextDocument.create('file:///test.yaml', 'yaml', version, text);
  const fresh = analyzeDocument(text, settings, ruleRegistry, new AnalysisCache(false));
  assert.deepStrictEqual(
    diagnosticsOf(result, document),
    fresh.findings.map((finding) => toDiagnostic(finding, document)),
    message,
  );
}

for (const newline of ['\n', '\r\n']) {
  const name = newline === '\n' ? 'LF' : 'CRLF';
  test(`${name}: after edits that change line counts and markers, findings, diagnostics and documents equal a fresh analysis`, () => {
    const cache = new AnalysisCache();
    const random = randomStream(newline === '\n' ? 23 : 29);
    let text = bigFile().replace(/\n/g, newline);
    assertSameDiagnostics(analyzeDocument(text, settings, ruleRegistry, cache), text, 0, 'open');
    for (let i = 0; i < 120; i++) {
      const before = splitYamlDocuments(text)?.map((chunk) => chunk.text);
      text = edit(text, random, newline);
      if (before)
        assert.deepStrictEqual(splitYamlDocumentsAfter(text, before), splitYamlDocuments(text), `split ${i}`);
      const incremental = analyzeDocument(text, settings, ruleRegistry, cache);
      assert.deepStrictEqual(observable(incremental), whole(text), `edit ${i}`);
      assertSameDiagnostics(incremental, text, i + 1, `diagnostics after edit ${i}`);
    }
  });
}

test('with a small model budget, dropped models are read again and give the same analysis, hovers included', () => {
  const cache = new AnalysisCache(true, 4096);
  const random = randomStream(31);
  let text = bigFile();
  analyzeDocument(text, settings, ruleRegistry, cache);
  for (let i = 0; i < 40; i++) {
    text = edit(text, random, '\n');
    const incremental = analyzeDocument(text, settings, ruleRegistry, cache);
    const reference = analyzeDocument(text, settings, ruleRegistry, new AnalysisCache(false));
    for (let probe = 0; probe < 5; probe++) {
      const offset = Math.floor(random() * text.length);
      const expected = reference.yaml.documents.find(
        (document) => document.range.start <= offset && offset <= document.range.end,
      );
      const found = incremental.documentAt(offset);
      assert.deepStrictEqual(found, expected, `document at ${offset} after edit ${i}`);
      assert.deepStrictEqual(
        found && incremental.workloadOf(found)?.kind,
        expected && reference.workloads.find((workload) => workload.document === expected)?.kind,
        `workload at ${offset} after edit ${i}`,
      );
    }
    assert.deepStrictEqual(observable(incremental), observable(reference), `edit ${i}`);
    assertSameDiagnostics(incremental, text, i, `diagnostics after edit ${i}`);
  }
});

test('reading a later document before the findings leaves every finding where it is', () => {
  // A hover or a workload's model asked for first moves that chunk's model to its place in the
  // file; the findings the rules took from it must not move with it and then again.
  const job = (name: string): string =>
    `apiVersion: batch/v1\nkind: Job\nmetadata: {name: ${name}}\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers: [{name: main, image: busybox}]\n`;
  const text = `${job('first')}---\n${job('second')}---\n${job('third')}`;
  const expected = whole(text);
  const featuresFirst = analyzeDocument(text, settings, ruleRegistry, new AnalysisCache());
  assert.ok(featuresFirst.documentAt(text.length - 2));
  void featuresFirst.yaml.documents;
  assert.deepEqual(observable(featuresFirst), expected);
  assert.ok(featuresFirst.findings.some((finding) => finding.document === 2));
});
