// Every section of docs/kubernetes-behaviour.md the code cites (`kubernetes-behaviour §3.1`, or a
// bare `§3.1` in a file that names the document) exists in it, and the code no longer cites the
// reference outside the repository. A citation to a missing section would send a reader nowhere.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';

const root = join(__dirname, '..', '..', '..');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) return entry === 'fixtures' ? [] : files(full);
    return /\.(ts|mjs|md)$/.test(entry) ? [full] : [];
  });
}

test('every cited section of docs/kubernetes-behaviour.md exists', () => {
  const document = readFileSync(join(root, 'docs', 'kubernetes-behaviour.md'), 'utf8');
  const sections = new Set([...document.matchAll(/^#{2,3} (\d+(?:\.\d+)?)\.? /gm)].map((match) => match[1]));
  assert.ok(sections.has('3.1') && sections.has('4.3'), [...sections].join(' '));
  const sources = [
    ...['server', 'client', 'test', 'scripts', 'bench'].flatMap((dir) => files(join(root, dir))),
    join(root, 'README.md'),
    join(root, 'CONTRIBUTING.md'),
    join(root, 'docs', 'scenarios.md'),
  ];
  const missing: string[] = [];
  for (const file of sources) {
    const text = readFileSync(file, 'utf8');
    assert.ok(
      !text.includes(['k8s', 'semantics'].join('-')),
      `${relative(root, file)} cites a reference outside the repository`,
    );
    for (const match of text.matchAll(/§ ?(\d+(?:\.\d+)?)/g)) {
      if (!sections.has(match[1] ?? '')) missing.push(`${relative(root, file)}: §${match[1]}`);
    }
  }
  assert.deepEqual(missing, []);
});
