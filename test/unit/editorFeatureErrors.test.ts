/**
 * A feature that fails is reported, never swallowed: the other providers still answer, the core
 * hands the error to `reportError`, and the LSP layer logs it with the feature and the URI.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { computeDefinitions } from '../../server/src/core/editor/definitions';
import type {
  CodeLensProvider,
  CompletionProvider,
  EditorContext,
  HoverProvider,
} from '../../server/src/core/editor/editorFeature';
import {
  computeCodeLenses,
  computeCompletions,
  computeHover,
} from '../../server/src/core/editor/editorFeatures';
import { reportErrorsOf } from '../../server/src/lsp/logError';
import { editorContext } from './explainTestSupport';

const text = 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: pi\n';

/** A context whose reports are collected instead of failing the test. */
function collecting(): { context: EditorContext; reports: { feature: string; error: unknown }[] } {
  const reports: { feature: string; error: unknown }[] = [];
  const context = {
    ...editorContext(text),
    reportError: (feature: string, error: unknown) => reports.push({ feature, error }),
  };
  return { context, reports };
}

const failure = new Error('deliberate');
const throwingHover: HoverProvider = () => {
  throw failure;
};
const answeringHover: HoverProvider = () => ({ markdown: 'answer', range: { start: 0, end: 1 } });
const throwingLens: CodeLensProvider = () => {
  throw failure;
};
const answeringLens: CodeLensProvider = () => [{ range: { start: 0, end: 0 }, title: 'lens' }];
const throwingCompletion: CompletionProvider = () => {
  throw failure;
};
const answeringCompletion: CompletionProvider = () => [{ label: 'item', kind: 'value' }];

test('a throwing hover provider is reported, and the next provider answers', () => {
  const { context, reports } = collecting();
  assert.equal(computeHover(context, 2, [throwingHover, answeringHover])?.markdown, 'answer');
  assert.deepEqual(reports, [{ feature: 'hover:throwingHover', error: failure }]);
});

test('a throwing code lens provider is reported, and the other lenses are still shown', () => {
  const { context, reports } = collecting();
  assert.deepEqual(
    computeCodeLenses(context, [throwingLens, answeringLens]).map((lens) => lens.title),
    ['lens'],
  );
  assert.deepEqual(reports, [{ feature: 'codeLens:throwingLens', error: failure }]);
});

test('a throwing completion provider is reported, and the next provider answers', () => {
  const { context, reports } = collecting();
  assert.deepEqual(
    computeCompletions(context, 2, [throwingCompletion, answeringCompletion]).map((item) => item.label),
    ['item'],
  );
  assert.deepEqual(reports, [{ feature: 'completion:throwingCompletion', error: failure }]);
});

test('a failure while finding definitions is reported and gives no targets', () => {
  const reports: string[] = [];
  const analysis = {
    get yaml(): never {
      throw failure;
    },
  } as unknown as EditorContext['analysis'];
  assert.deepEqual(computeDefinitions({ analysis, reportError: (feature) => reports.push(feature) }, 0), []);
  assert.deepEqual(reports, ['definition']);
});

test('without a failure nothing is reported: the tests’ reporter fails on any report', () => {
  // editorContext's reporter throws, so a provider failing here would fail this test.
  assert.equal(computeHover(editorContext(text), 2, [answeringHover])?.markdown, 'answer');
  assert.throws(() => computeHover(editorContext(text), 2, [throwingHover]), /hover:throwingHover failed/);
});

test('the LSP layer logs a report through connection.console.error with the feature and the URI', () => {
  const logged: string[] = [];
  const connection = { console: { error: (message: string) => logged.push(message) } };
  const report = reportErrorsOf(
    connection as unknown as Parameters<typeof reportErrorsOf>[0],
    'file:///work/job.yaml',
  );
  const { context } = collecting();
  computeHover({ ...context, reportError: report }, 2, [throwingHover, answeringHover]);
  assert.equal(logged.length, 1);
  assert.match(logged[0] ?? '', /^\[hover:throwingHover\] file:\/\/\/work\/job\.yaml: Error: deliberate/);
});
