import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { inflateRawSync } from 'node:zlib';

const root = join(__dirname, '..', '..', '..');

/** Reads the entries of a zip file (a .vsix) from its central directory. */
function readZip(path: string): Map<string, () => Buffer> {
  const zip = readFileSync(path);
  const endOfDirectory = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(endOfDirectory >= 0, 'not a zip file');
  const count = zip.readUInt16LE(endOfDirectory + 10);
  let offset = zip.readUInt32LE(endOfDirectory + 16);
  const entries = new Map<string, () => Buffer>();
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(offset + 10);
    const compressedSize = zip.readUInt32LE(offset + 20);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    const localHeader = zip.readUInt32LE(offset + 42);
    const name = zip.toString('utf8', offset + 46, offset + 46 + nameLength);
    entries.set(name, () => {
      const dataStart =
        localHeader + 30 + zip.readUInt16LE(localHeader + 26) + zip.readUInt16LE(localHeader + 28);
      const data = zip.subarray(dataStart, dataStart + compressedSize);
      return method === 8 ? inflateRawSync(data) : data;
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

test(
  'the .vsix builds and contains only the bundles, manifest, translations and docs',
  { timeout: 240_000 },
  () => {
    const out = join(mkdtempSync(join(tmpdir(), 'podline-vsix-')), 'podline.vsix');
    const result = spawnSync(
      process.execPath,
      [
        join(root, 'node_modules', '@vscode', 'vsce', 'vsce'),
        'package',
        '--no-dependencies',
        '--allow-missing-repository',
        '--no-rewrite-relative-links',
        '--out',
        out,
      ],
      { cwd: root, encoding: 'utf8', timeout: 200_000 },
    );
    assert.equal(result.status, 0, `${result.stdout}\n${result.stderr}`);
    const entries = readZip(out);
    const files = [...entries.keys()].filter((name) => name.startsWith('extension/')).sort();
    const required = [
      'extension/package.json',
      'extension/package.nls.json',
      'extension/package.nls.zh-cn.json',
      'extension/readme.md',
      'extension/LICENSE.txt',
      'extension/changelog.md',
      'extension/l10n/bundle.l10n.zh-cn.json',
      'extension/dist/client/extension.js',
      'extension/dist/server/languageServer.js',
      'extension/dist/cli/podline.js',
      'extension/dist/webview/main.js',
      'extension/dist/webview/main.css',
      'extension/syntaxes/cron-schedule.injection.tmLanguage.json',
      'extension/schemas/podline-scenario.schema.json',
    ];
    for (const file of required) assert.ok(files.includes(file), `${file} is missing from the .vsix`);
    const allowed =
      /^extension\/(package(\.nls(\.[\w-]+)?)?\.json|readme\.md|LICENSE\.txt|changelog\.md|l10n\/[\w.-]+\.json|dist\/(client|server|cli|webview)\/[\w.-]+\.(js|css)|syntaxes\/[\w.-]+\.json|schemas\/[\w.-]+\.json|media\/.+)$/;
    const unexpected = files.filter((file) => !allowed.test(file));
    assert.deepEqual(
      unexpected,
      [],
      'the .vsix contains files it should not (sources, tests, maps, node_modules)',
    );

    // The bundled server must not need node_modules: it is self-contained.
    const server = entries.get('extension/dist/server/languageServer.js')?.().toString('utf8') ?? '';
    assert.doesNotMatch(server, /require\("(yaml|vscode-languageserver)[^"]*"\)/);
    // The build drops the yaml library's per-token reads of its debugging switches.
    for (const bundle of [
      'server/languageServer.js',
      'server/simulateWorker.js',
      'cli/podline.js',
      'cli/checkWorker.js',
    ]) {
      const source = entries.get(`extension/dist/${bundle}`)?.().toString('utf8') ?? '';
      assert.ok(source.length > 0, `${bundle} is missing`);
      assert.doesNotMatch(source, /LOG_TOKENS|LOG_STREAM/, bundle);
    }
    const manifest = JSON.parse(entries.get('extension/package.json')?.().toString('utf8') ?? '{}') as {
      name?: string;
      main?: string;
    };
    assert.equal(manifest.name, 'podline');
    assert.equal(manifest.main, './dist/client/extension.js');
  },
);
