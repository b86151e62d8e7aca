/**
 * Podline's fuzzer: mutates valid manifests structurally and textually, runs every pure entry
 * point on each mutant, and checks that nothing throws, each call stays within a time bound, and
 * the heap stays bounded, and that the plain-YAML reader agrees with the yaml library. Deterministic for a seed, so a failure can be replayed and minimised.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { lineAt } from '../../server/src/core/text/offsetRange';
import { analyzeDocument } from '../../server/src/core/analysis/analyzeDocument';
import { computeNextRuns, parseCronSchedule } from '../../server/src/core/cron';
import {
  computeCodeLenses,
  computeCompletions,
  computeHover,
} from '../../server/src/core/editor/editorFeatures';
import { computeQuickFixes } from '../../server/src/core/fixes/quickFixes';
import { failOnReport } from '../unit/failOnReport';
import { defaultSettings } from '../../server/src/core/settings';
import { defaultYamlLimits, parseYamlChunkWithLibrary } from '../../server/src/core/yaml/parseYamlFile';
import { readSimpleChunk } from '../../server/src/core/yaml/simpleYaml';
import { splitYamlDocuments } from '../../server/src/core/yaml/yamlChunks';
import { formatTimelineText } from '../../server/src/core/simulator/formatTimelineText';
import { simulateDocument } from '../../server/src/core/simulator/simulateDocument';
import { randomScenario } from './scenarioFuzz';

/** A small deterministic PRNG (mulberry32). */
export function randomStream(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const root = join(__dirname, '..', '..', '..');

/** The corpus: seed manifests, documentation examples and examples, as text. */
export function loadCorpus(): string[] {
  const folders = ['test/fixtures/seed-manifests', 'test/fixtures/kubernetes-docs', 'examples'];
  return folders.flatMap((folder) =>
    readdirSync(join(root, folder))
      .filter((name) => name.endsWith('.yaml'))
      .sort()
      .map((name) => readFileSync(join(root, folder, name), 'utf8')),
  );
}

const hostileSnippets = [
  '\u0000',
  '\uFEFF',
  '\r\n',
  '\t',
  '&a [*a, *a]',
  '*missing',
  '{{ x }}',
  '{% if %}',
  '<img src=x onerror=alert(1)>',
  '1e309',
  '-0',
  '99999999999999999999999',
  '"\\u',
  "'",
  '? [a]\n: b',
  '- - - -',
  ': : :',
  '---\n',
  '...\n',
  '%YAML 1.1\n',
  '!!binary x',
  'TZ=Asia/Tokyo ',
  '@every 999999h',
  '*/0',
  '7',
  '\u202E',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
  // YAML's own punctuation, where the plain-YAML reader and the yaml library could part ways.
  ': ',
  '- ',
  ' #',
  '\n  ',
  '\n- ',
  '|\n  text\n',
  '>-\n  a\n\n  b\n',
  '{a: 1, b: [c]}',
  '[1, "2"]',
];

const fieldValues = [
  '-1',
  '0',
  '1',
  '2147483648',
  '"3"',
  'yes',
  'null',
  '[]',
  '{}',
  'Always',
  'Never',
  'Indexed',
  '"* * * * *"',
  '"0 0 30 2 *"',
  'Local',
  '1.5',
];
const fieldNames = [
  'completions',
  'parallelism',
  'backoffLimit',
  'restartPolicy',
  'completionMode',
  'schedule',
  'timeZone',
  'activeDeadlineSeconds',
  'podFailurePolicy',
  'successPolicy',
  'maxSurge',
  'maxUnavailable',
  'selector',
  'unknownField',
];

/** One mutation of `text`, chosen by `random`. */
export function mutate(text: string, random: () => number): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const position = Math.floor(random() * (text.length + 1));
  const lines = text.split('\n');
  const line = Math.floor(random() * lines.length);
  switch (Math.floor(random() * 9)) {
    case 0:
      return text.slice(0, position) + pick(hostileSnippets) + text.slice(position);
    case 1:
      return text.slice(0, position) + text.slice(position + 1 + Math.floor(random() * 20));
    case 2: {
      // Re-indent a line, the most common YAML mistake.
      const delta = Math.floor(random() * 5) - 2;
      const current = lines[line] ?? '';
      lines[line] =
        delta >= 0 ? ' '.repeat(delta) + current : current.replace(new RegExp(`^ {0,${-delta}}`), '');
      return lines.join('\n');
    }
    case 3: {
      // Duplicate a line (duplicate keys, repeated items).
      lines.splice(line, 0, lines[line] ?? '');
      return lines.join('\n');
    }
    case 4: {
      // Replace a scalar value with an odd one.
      const current = lines[line] ?? '';
      lines[line] = current.replace(/: .*$/, `: ${pick(fieldValues)}`);
      return lines.join('\n');
    }
    case 5: {
      // Insert a field at the indentation of the current line.
      const indent = /^ */.exec(lines[line] ?? '')?.[0] ?? '';
      lines.splice(line, 0, `${indent}${pick(fieldNames)}: ${pick(fieldValues)}`);
      return lines.join('\n');
    }
    case 6:
      return lines.filter((_, index) => index !== line).join('\n');
    case 7:
      return text.replace(/\n/g, '\r\n');
    default: {
      // Swap two lines.
      const other = Math.floor(random() * lines.length);
      [lines[line], lines[other]] = [lines[other] ?? '', lines[line] ?? ''];
      return lines.join('\n');
    }
  }
}

/** What went wrong with one input. */
export interface FuzzFailure {
  readonly input: string;
  readonly operation: string;
  readonly error: string;
}

/** Runs every pure entry point on `text`, returning the failures (an exception, or a call over `maxMs`). */
export function exercise(text: string, random: () => number, maxMs: number): FuzzFailure[] {
  const failures: FuzzFailure[] = [];
  const run = (operation: string, action: () => unknown): unknown => {
    const started = performance.now();
    try {
      return action();
    } catch (error) {
      failures.push({
        input: text,
        operation,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      });
      return undefined;
    } finally {
      const elapsed = performance.now() - started;
      if (elapsed > maxMs)
        failures.push({ input: text, operation, error: `took ${elapsed.toFixed(0)} ms (bound ${maxMs} ms)` });
    }
  };
  const settings = { ...defaultSettings, locale: random() < 0.5 ? ('en' as const) : ('zh-CN' as const) };
  const analysis = run('analyzeDocument', () => analyzeDocument(text, settings)) as
    ReturnType<typeof analyzeDocument> | undefined;
  if (!analysis) return failures;
  for (const finding of analysis.findings.slice(0, 20)) {
    run(`computeQuickFixes ${finding.code}`, () =>
      computeQuickFixes({
        text,
        yaml: analysis.yaml,
        finding,
        locale: settings.locale,
        reportError: failOnReport,
      }),
    );
  }
  const context = {
    lineAt: (offset: number) => lineAt(text, offset),
    analysis,
    settings,
    locale: settings.locale,
    kubernetesVersion: analysis.kubernetesVersion,
    now: Date.UTC(2026, 10, 22, 12),
    localTimeZone: random() < 0.5 ? 'America/New_York' : 'Asia/Shanghai',
    // A provider that throws is a failure of this input, like an exception out of the feature.
    reportError: failOnReport,
  };
  for (let i = 0; i < 5; i++) {
    const offset = Math.floor(random() * (text.length + 1));
    run('computeHover', () => computeHover(context, offset));
    run('computeCompletions', () => computeCompletions(context, offset));
  }
  run('computeCodeLenses', () => computeCodeLenses(context));
  if (analysis.workloads.length > 0) {
    // A scenario made for the run, the defaults, or a mutated one: the simulation and its
    // outputs must hold for any of them.
    const choice = random();
    const scenarioText =
      choice < 0.15 ? null : choice < 0.85 ? randomScenario(random) : mutate(randomScenario(random), random);
    const simulated = run('simulateDocument', () =>
      simulateDocument(text, { scenarioText, locale: settings.locale }),
    ) as ReturnType<typeof simulateDocument> | undefined;
    if (simulated?.ok) {
      run('timeline JSON', () => JSON.stringify(simulated.timeline));
      run('formatTimelineText', () => formatTimelineText(simulated.timeline, settings.locale));
    }
  }
  run('readSimpleChunk', () => checkSimpleReader(text));
  for (const match of text.matchAll(/schedule:\s*["']?([^"'\n]*)/g)) {
    const schedule = match[1] ?? '';
    const parsed = run('parseCronSchedule', () => parseCronSchedule(schedule)) as
      ReturnType<typeof parseCronSchedule> | undefined;
    if (parsed?.ok)
      run('computeNextRuns', () => computeNextRuns(parsed, Date.UTC(2026, 0, 1), 'Europe/London', 50));
  }
  return failures;
}

/** Throws unless the plain-YAML reader, wherever it reads a chunk, gives the yaml library's model. */
function checkSimpleReader(text: string): void {
  const chunks = splitYamlDocuments(text) ?? [{ offset: 0, text }];
  for (const [index, chunk] of chunks.entries()) {
    const at = { offset: chunk.offset, documentIndex: index, beforeMarker: index < chunks.length - 1 };
    const simple = readSimpleChunk(chunk.text, defaultYamlLimits, at);
    if (simple && !isDeepStrictEqual(simple, parseYamlChunkWithLibrary(chunk.text, defaultYamlLimits, at)))
      throw new Error(`the plain-YAML reader and the yaml library disagree on chunk ${index}`);
  }
}

/** Shrinks a failing input line by line, then character by character, while it still fails. */
export function minimise(input: string, fails: (text: string) => boolean, budget = 400): string {
  let current = input;
  let steps = 0;
  for (const unit of ['\n', '']) {
    let changed = true;
    while (changed && steps < budget) {
      changed = false;
      const parts = unit ? current.split(unit) : [...current];
      for (let i = 0; i < parts.length && steps < budget; i++) {
        steps++;
        const candidate = [...parts.slice(0, i), ...parts.slice(i + 1)].join(unit);
        if (fails(candidate)) {
          current = candidate;
          changed = true;
          break;
        }
      }
    }
  }
  return current;
}
