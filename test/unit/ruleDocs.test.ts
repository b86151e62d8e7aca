import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { codeGroups, ruleDocs } from '../../server/src/core/analysis/ruleDocs';
import type { RuleReport } from '../../server/src/core/findings/finding';
import { reportApiError } from '../../server/src/core/rules/reportApiError';
import { defineRule } from '../../server/src/core/rules/rule';
import type { RuleContext } from '../../server/src/core/rules/rule';
import { ruleRegistry } from '../../server/src/core/rules/ruleRegistry';
import { rootRef } from '../../server/src/core/yaml/fieldRef';

const root = join(__dirname, '..', '..', '..');
const core = join(root, 'server', 'src', 'core');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = join(dir, entry);
    return statSync(full).isDirectory() ? sourceFiles(full) : full.endsWith('.ts') ? [full] : [];
  });
}

/** The core's files by path relative to `server/src/core`, with their text. */
const coreSources = new Map(
  sourceFiles(core).map((file) => [relative(core, file).split('\\').join('/'), readFileSync(file, 'utf8')]),
);

const codeLiteral = `'((?:${codeGroups.join('|')})/[a-z0-9-]+)'`;
/**
 * A code written as a key, `'job/ttl': {`, declares its documentation (or keys a table of quick
 * fixes); anywhere else (`code: 'job/ttl'`, an argument, a comparison) the code is reported or
 * read. Prettier writes no space before a key's colon and one before a ternary's.
 */
const declaredPattern = new RegExp(`${codeLiteral}:`, 'g');
const usedPattern = new RegExp(`${codeLiteral}(?!:)`, 'g');

function codesIn(text: string, pattern: RegExp): Set<string> {
  return new Set([...text.matchAll(pattern)].map((match) => match[1] ?? ''));
}

/** The module that reports the codes a module documents, where they are two modules. */
const reportedBy: Readonly<Record<string, string>> = {
  'analysis/analysisCodes.ts': 'analysis/analyzeDocument.ts',
};

test('every finding code in the core is documented once, and every documented code is reported', () => {
  const used = new Set([...coreSources.values()].flatMap((text) => [...codesIn(text, usedPattern)]));
  const documented = ruleDocs.map((doc) => doc.code);
  assert.deepEqual(
    [...used].filter((code) => !documented.includes(code)).sort(),
    [],
    'codes without documentation (document them beside the code that reports them)',
  );
  assert.deepEqual(
    documented.filter((code) => !used.has(code)).sort(),
    [],
    'documented codes that nothing reports',
  );
  assert.deepEqual(
    documented.filter((code, index) => documented.indexOf(code) !== index),
    [],
    'codes documented twice',
  );
});

test('each module documents the codes it reports, and reports the codes it documents', () => {
  const documenting = [...coreSources].filter(([, text]) => text.includes('satisfies CodeDocs'));
  assert.ok(documenting.length > ruleRegistry.length / 2, 'the modules that document codes are found');
  for (const [path, text] of documenting) {
    const reporter = reportedBy[path] ?? path;
    const reported = codesIn(coreSources.get(reporter) ?? '', usedPattern);
    const unreported = [...codesIn(text, declaredPattern)].filter((code) => !reported.has(code));
    assert.deepEqual(unreported, [], `${path} documents codes ${reporter} does not report`);
  }
});

test('every rule documents its codes, in a known group, with a summary and a source', () => {
  for (const rule of ruleRegistry) assert.ok(Object.keys(rule.codes).length > 0, 'a rule without codes');
  for (const doc of ruleDocs) {
    assert.ok(codeGroups.includes(doc.code.split('/')[0] ?? ''), `${doc.code}: add its group to codeGroups`);
    assert.match(doc.code, /^[a-z]+\/[a-z0-9-]+$/, doc.code);
    assert.ok(doc.summary.endsWith('.'), `${doc.code}: a summary is one sentence`);
    assert.notEqual(doc.source, '', `${doc.code}: no source`);
  }
});

test('a rule can report only the codes it documents (the compiler checks it)', () => {
  const reports: string[] = [];
  const doc = { severity: 'warning', summary: 'A test code.', source: 'this test', example: '' } as const;
  const finding = { severity: 'warning', message: 'm', range: { start: 0, end: 0 }, path: null } as const;
  const reportAnyCode = (context: RuleContext): void => context.report({ ...finding, code: 'test/any' });
  const rule = defineRule({
    codes: { 'test/documented': doc },
    kinds: ['Job'],
    check(context) {
      context.report({ ...finding, code: 'test/documented' });
      // @ts-expect-error: not one of the rule's codes.
      context.report({ ...finding, code: 'test/undocumented' });
      // @ts-expect-error: not one of the rule's codes.
      reportApiError(context, { code: 'test/undocumented', ref: rootRef(null), message: 'm' });
      // @ts-expect-error: a helper must say which codes it reports, here any.
      reportAnyCode(context);
    },
  });
  rule.check({
    report: (report: RuleReport) => void reports.push(report.code),
  } as unknown as RuleContext<'test/documented'>);
  assert.deepEqual(reports, ['test/documented', 'test/undocumented', 'test/undocumented', 'test/any']);
});

test('docs/rules.md is generated from the documented codes (run `npm run docs:rules`)', () => {
  const result = spawnSync(process.execPath, [join(root, 'scripts', 'generateRuleDocs.mjs'), '--check'], {
    encoding: 'utf8',
  });
  assert.equal(result.status, 0, result.stderr);
});
