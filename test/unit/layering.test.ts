// The layering of the code, checked rather than only written down (README, "Architecture"):
// no module of the server, the client or the webview imports itself back through any chain of
// imports, type imports included; and the lint configuration rejects a forbidden import and an
// import cycle, shown on deliberately broken copies of real modules.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { test } from 'node:test';
import { ESLint } from 'eslint';
import ts from 'typescript';

const root = join(__dirname, '..', '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((entry) => {
      const full = join(dir, entry);
      if (statSync(full).isDirectory()) return sourceFiles(full);
      return full.endsWith('.ts') && !full.endsWith('.d.ts') ? [full] : [];
    });
}

/** Each file's relative imports (values and types), resolved to files, as TypeScript reads them. */
function importGraph(files: readonly string[]): Map<string, string[]> {
  const known = new Set(files);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = info.importedFiles
      .map((imported) => imported.fileName)
      .filter((name) => name.startsWith('.'))
      .map((name) => resolve(dirname(file), name))
      .flatMap((base) => [`${base}.ts`, join(base, 'index.ts')].filter((candidate) => known.has(candidate)));
    graph.set(file, targets);
  }
  return graph;
}

/** The strongly connected components with more than one file (Tarjan's algorithm), i.e. the cycles. */
function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (file: string): void => {
    index.set(file, next);
    low.set(file, next);
    next++;
    stack.push(file);
    onStack.add(file);
    for (const target of graph.get(file) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(file, Math.min(low.get(file) ?? 0, low.get(target) ?? 0));
      } else if (onStack.has(target)) {
        low.set(file, Math.min(low.get(file) ?? 0, index.get(target) ?? 0));
      }
    }
    if (low.get(file) === index.get(file)) {
      const component: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop();
        if (member === undefined) break;
        onStack.delete(member);
        component.push(relative(root, member));
      } while (member !== file);
      if (component.length > 1 || (graph.get(file) ?? []).includes(file)) found.push(component.sort());
    }
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return found;
}

test('no import cycles in the server, the client or the webview, type imports included', () => {
  const files = ['server/src', 'client/src', 'client/webview'].flatMap((dir) => sourceFiles(join(root, dir)));
  assert.ok(files.length > 100, `only ${files.length} source files found`);
  assert.deepEqual(cycles(importGraph(files)), []);
});

test('the cycle finder itself sees a cycle of type imports', () => {
  const a = join(root, 'a.ts');
  const b = join(root, 'b.ts');
  assert.deepEqual(
    cycles(
      new Map([
        [a, [b]],
        [b, [a]],
      ]),
    ),
    [['a.ts', 'b.ts']],
  );
});

/** Lints `text` as if it were the file at `path`, with the project's configuration. */
async function lintAs(path: string, text: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: root });
  const [result] = await eslint.lintText(text, { filePath: join(root, path) });
  return (result?.messages ?? []).map((message) => `${message.ruleId ?? 'parse'}: ${message.message}`);
}

test('the lint configuration rejects an import that breaks the layers', async () => {
  // The YAML layer reaching up into the rules would make every rule depend on itself.
  const path = 'server/src/core/yaml/fieldRef.ts';
  const text = `${readFileSync(join(root, path), 'utf8')}
import { ruleRegistry } from '../rules/ruleRegistry';
export const brokenLayering = ruleRegistry.length;
`;
  const messages = await lintAs(path, text);
  assert.ok(
    messages.some(
      (m) => m.startsWith('import-x/no-restricted-paths:') && m.includes("'yaml' may import only"),
    ),
    messages.join('\n'),
  );
  const clean = await lintAs(path, readFileSync(join(root, path), 'utf8'));
  assert.deepEqual(clean, []);
});

test('the lint configuration rejects an import cycle', async () => {
  // parseCronSchedule.ts imports cronFields.ts; a value import back is a cycle.
  const path = 'server/src/core/cron/cronFields.ts';
  const text = `${readFileSync(join(root, path), 'utf8')}
import { parseCronSchedule } from './parseCronSchedule';
export const brokenCycle = parseCronSchedule;
`;
  const messages = await lintAs(path, text);
  assert.ok(
    messages.some((m) => m.startsWith('import-x/no-cycle:')),
    messages.join('\n'),
  );
});

test('the lint configuration keeps editor libraries and Node out of the core', async () => {
  const path = 'server/src/core/text/offsetRange.ts';
  const text = `${readFileSync(join(root, path), 'utf8')}
import { readFileSync } from 'node:fs';
import { TextDocuments } from 'vscode-languageserver';
export const impure = [readFileSync, TextDocuments];
`;
  const messages = await lintAs(path, text);
  assert.equal(messages.filter((m) => m.startsWith('no-restricted-imports:')).length, 2, messages.join('\n'));
});
