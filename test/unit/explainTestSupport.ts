/**
 * Helpers for the explanation, preview and navigation tests: analyse a manifest, hover at a piece
 * of text, list the workload lenses. The clock is fixed: no test depends on the wall clock.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lineAt } from '../../server/src/core/text/offsetRange';
import { analyzeDocument } from '../../server/src/core/analysis/analyzeDocument';
import type { EditorContext } from '../../server/src/core/editor/editorFeature';
import { failOnReport } from './failOnReport';
import { computeCodeLenses, computeHover } from '../../server/src/core/editor/editorFeatures';
import { fieldHover } from '../../server/src/core/editor/fieldHover';
import { workloadCodeLens } from '../../server/src/core/editor/workloadCodeLens';
import type { Locale } from '../../server/src/core/l10n';
import { defaultSettings } from '../../server/src/core/settings';

/** 2026-05-01T10:00:30Z: half a minute past a whole minute, so "every minute" runs next at 10:01:00. */
export const NOW = Date.UTC(2026, 4, 1, 10, 0, 30);

/** The text of a seed manifest (the copies in test/fixtures/seed-manifests). */
export function seed(name: string): string {
  return readFileSync(join(__dirname, '..', '..', '..', 'test', 'fixtures', 'seed-manifests', name), 'utf8');
}

/** An editor context for `text`. */
export function editorContext(text: string, locale: Locale = 'en', now = NOW): EditorContext {
  const settings = { ...defaultSettings, locale };
  const analysis = analyzeDocument(text, settings);
  return {
    lineAt: (offset) => lineAt(text, offset),
    analysis,
    settings,
    locale,
    kubernetesVersion: analysis.kubernetesVersion,
    now,
    localTimeZone: 'UTC',
    reportError: failOnReport,
  };
}

/** Where to hover: the `occurrence`-th (0-based) match of `needle`, `offset` characters into it. */
export interface HoverTarget {
  readonly occurrence?: number;
  readonly offset?: number;
  readonly locale?: Locale;
  readonly now?: number;
}

/** The offset of the `occurrence`-th match of `needle`. */
export function offsetOf(text: string, needle: string, occurrence = 0): number {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    assert.notEqual(at, -1, `"${needle}" (occurrence ${occurrence}) not found`);
  }
  return at;
}

/** The field hover's Markdown at `needle`; fails the test when there is none. */
export function hoverAt(text: string, needle: string, target: HoverTarget = {}): string {
  const context = editorContext(text, target.locale, target.now);
  const offset = offsetOf(text, needle, target.occurrence) + (target.offset ?? 0);
  const hover = computeHover(context, offset, [fieldHover]);
  assert.ok(hover, `no hover at "${needle}"`);
  return hover.markdown;
}

/** The titles of the workload lenses of `text`. */
export function lensTitles(text: string, locale: Locale = 'en'): string[] {
  return computeCodeLenses(editorContext(text, locale), [workloadCodeLens]).map((lens) => lens.title);
}

/** Asserts that `markdown` contains every one of `parts`. */
export function assertIncludes(markdown: string, ...parts: string[]): void {
  for (const part of parts)
    assert.ok(markdown.includes(part), `expected ${JSON.stringify(part)} in:\n${markdown}`);
}

/** A Job manifest: `specExtra` lines at 2 spaces, `podSpecExtra` lines at 6. */
export function jobYaml(specExtra: string, podSpecExtra = 'restartPolicy: Never', name = 'work'): string {
  const indent = (lines: string, spaces: number): string =>
    lines
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => `${' '.repeat(spaces)}${line}`)
      .join('\n');
  return `apiVersion: batch/v1
kind: Job
metadata:
  name: ${name}
spec:
${indent(specExtra, 2)}
  template:
    spec:
${indent(podSpecExtra, 6)}
      containers:
      - name: main
        image: busybox:1.36
`;
}
