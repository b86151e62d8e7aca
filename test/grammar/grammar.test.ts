// Runs the TextMate grammar tests (test/grammar/*.yaml, in vscode-tmgrammar-test's assertion
// syntax) for the cron schedule injection grammar, on top of each YAML base grammar installed:
// VS Code's own (RedCMD's YAML grammar, from @codingame/monaco-vscode-yaml-default-extension)
// and the older textmate/yaml.tmbundle grammar (from tm-grammars). An injection is matched
// against the base grammar's scopes, so it is tested on the real thing, not on a stand-in.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { test } from 'node:test';

const root = resolve(__dirname, '..', '..', '..');
const modules = join(root, 'node_modules');
const injection = {
  scopeName: 'source.yaml.cron-schedule.injection.podline',
  path: './syntaxes/cron-schedule.injection.tmLanguage.json',
  injectTo: ['source.yaml'],
};

interface GrammarContribution {
  readonly scopeName?: string;
  readonly path?: string;
  readonly injectTo?: readonly string[];
  readonly language?: string;
}

/** The YAML base grammars the tests can run on: a name and the grammar files (scopes read from them). */
const baseGrammars: readonly { readonly name: string; readonly files: readonly string[] }[] = [
  {
    name: "VS Code's YAML grammar (@codingame/monaco-vscode-yaml-default-extension)",
    files: ['', '-1.0', '-1.1', '-1.2', '-1.3', '-embedded'].map((suffix) =>
      join(
        modules,
        '@codingame',
        'monaco-vscode-yaml-default-extension',
        'resources',
        `yaml${suffix}.tmLanguage.json`,
      ),
    ),
  },
  {
    name: 'textmate/yaml.tmbundle (tm-grammars)',
    files: [join(modules, 'tm-grammars', 'grammars', 'yaml.json')],
  },
];

const installed = baseGrammars.filter((base) => base.files.every((file) => existsSync(file)));

test('package.json contributes the schedule grammar as an injection into YAML', () => {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    contributes?: { grammars?: readonly GrammarContribution[] };
  };
  const entry = manifest.contributes?.grammars?.find((grammar) => grammar.path === injection.path);
  assert.ok(entry, `contributes.grammars has ${injection.path}`);
  assert.equal(entry.scopeName, injection.scopeName);
  assert.deepEqual(entry.injectTo, injection.injectTo);
  assert.equal(entry.language, undefined, 'an injection grammar belongs to no language');
  const grammar = JSON.parse(readFileSync(join(root, injection.path), 'utf8')) as {
    scopeName?: string;
    injectionSelector?: string;
  };
  assert.equal(grammar.scopeName, injection.scopeName);
  assert.match(grammar.injectionSelector ?? '', /^L:source\.yaml\b/);
});

test('a YAML base grammar is installed for the grammar tests', () => {
  assert.ok(
    installed.length > 0,
    `install one of: ${baseGrammars.map((base) => base.name).join('; ')} (devDependencies)`,
  );
});

for (const base of installed) {
  test(`grammar tests on ${base.name}`, () => {
    // vscode-tmgrammar-test reads grammars from a package.json-shaped file, paths relative to it.
    const dir = mkdtempSync(join(tmpdir(), 'podline-grammar-'));
    try {
      const config = join(dir, 'package.json');
      const grammars = [
        ...base.files.map((file) => ({ scopeName: '', path: relative(dir, file) })),
        { ...injection, path: relative(dir, join(root, injection.path)) },
      ];
      writeFileSync(config, JSON.stringify({ contributes: { grammars } }));
      const result = spawnSync(
        process.execPath,
        [
          join(modules, 'vscode-tmgrammar-test', 'dist', 'unit.js'),
          '--compact',
          '--config',
          config,
          join(root, 'test', 'grammar', '*.yaml'),
        ],
        { encoding: 'utf8', timeout: 120_000 },
      );
      assert.equal(result.status, 0, `${result.stdout}\n${result.stderr}`);
      assert.match(result.stdout, /scheduleFields\.yaml/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
