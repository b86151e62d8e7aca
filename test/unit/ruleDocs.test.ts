import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ruleDocs } from '../../server/src/core/rules/ruleDocs';

const root = join(__dirname, '..', '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = join(dir, entry);
    return statSync(full).isDirectory() ? sourceFiles(full) : full.endsWith('.ts') ? [full] : [];
  });
}

test('every finding code in the core is documented, and every documented code exists', () => {
  const pattern =
    /'((?:yaml|file|internal|podline|schema|metadata|workload|pod|job|cronjob|daemonset|lint)\/[a-z0-9-]+)'/g;
  const used = new Set<string>();
  for (const file of sourceFiles(join(root, 'server', 'src', 'core'))) {
    if (file.endsWith('ruleDocs.ts')) continue;
    for (const match of readFileSync(file, 'utf8').matchAll(pattern)) used.add(match[1] ?? '');
  }
  const documented = new Set(ruleDocs.map((doc) => doc.code));
  assert.deepEqual(
    [...used].filter((code) => !documented.has(code)).sort(),
    [],
    'codes without documentation in ruleDocs.ts',
  );
  assert.deepEqual(
    [...documented].filter((code) => !used.has(code)).sort(),
    [],
    'documented codes that nothing reports',
  );
  assert.equal(documented.size, ruleDocs.length, 'a code is documented twice');
});

test('docs/rules.md is generated from ruleDocs.ts (run `npm run docs:rules`)', () => {
  const result = spawnSync(process.execPath, [join(root, 'scripts', 'generateRuleDocs.mjs'), '--check'], {
    encoding: 'utf8',
  });
  assert.equal(result.status, 0, result.stderr);
});
