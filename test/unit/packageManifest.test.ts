import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { formatMessage } from '../../server/src/core/l10n';
import { defaultSettings, normalizeSettings, settingDefinitions } from '../../server/src/core/settings';

const root = join(__dirname, '..', '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  contributes: {
    configuration: { properties: Record<string, Record<string, unknown>> };
    commands: { title: string }[];
  };
  engines: { vscode: string };
};

test('package.json contributes exactly the settings the server defines (run `npm run sync-settings`)', () => {
  const properties = manifest.contributes.configuration.properties;
  assert.deepEqual(
    Object.keys(properties).sort(),
    settingDefinitions.map((definition) => `podline.${definition.key}`).sort(),
  );
  for (const definition of settingDefinitions) {
    const property = properties[`podline.${definition.key}`];
    assert.deepEqual(property?.['default'], definition.default, definition.key);
    assert.equal(property?.['type'], definition.type, definition.key);
    assert.deepEqual(property?.['enum'], definition.enum ? [...definition.enum] : undefined, definition.key);
    assert.equal(property?.['markdownDescription'], `%${definition.descriptionKey}%`);
  }
});

test('every %key% of package.json is translated in English and Simplified Chinese', () => {
  const text = readFileSync(join(root, 'package.json'), 'utf8');
  const keys = [...text.matchAll(/"%([^%"]+)%"/g)].map((match) => match[1] ?? '');
  assert.ok(keys.length >= 4);
  for (const file of ['package.nls.json', 'package.nls.zh-cn.json']) {
    const bundle = JSON.parse(readFileSync(join(root, file), 'utf8')) as Record<string, string>;
    for (const key of keys) assert.ok(bundle[key], `${file} lacks ${key}`);
    assert.deepEqual(
      Object.keys(bundle).sort(),
      [...new Set(keys)].sort(),
      `${file} has keys package.json does not use`,
    );
  }
});

test('the client l10n bundle translates every string the client passes to vscode.l10n.t', () => {
  const sources = readdirSync(join(root, 'client', 'src'))
    .filter((file) => file.endsWith('.ts'))
    .map((file) => readFileSync(join(root, 'client', 'src', file), 'utf8'))
    .join('\n');
  const strings = [...sources.matchAll(/l10n\.t\(\s*'([^']+)'/g)].map((match) => match[1] ?? '');
  const bundle = JSON.parse(readFileSync(join(root, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8')) as Record<
    string,
    string
  >;
  assert.ok(strings.length > 5);
  for (const value of strings) assert.ok(bundle[value], `l10n/bundle.l10n.zh-cn.json lacks "${value}"`);
});

test('settings normalisation: wrong types and out-of-range values fall back to defaults; auto follows the display language', () => {
  assert.deepEqual(normalizeSettings({ maxFileSize: 'big', locale: 42 }, 'en'), defaultSettings);
  assert.equal(normalizeSettings({ maxFileSize: 1 }, 'en').maxFileSize, defaultSettings.maxFileSize);
  assert.equal(normalizeSettings({ maxFileSize: 4096.7 }, 'en').maxFileSize, 4096);
  assert.equal(normalizeSettings({ locale: 'auto' }, 'zh-CN').locale, 'zh-CN');
  assert.equal(normalizeSettings({ locale: 'en' }, 'zh-CN').locale, 'en');
  assert.equal(normalizeSettings(null, 'en').locale, 'en');
});

test('formatMessage substitutes placeholders and leaves unknown ones visible', () => {
  const catalog = { en: { hello: 'Hello {name}, {missing}' }, 'zh-CN': { hello: '你好 {name}' } };
  assert.equal(formatMessage(catalog, 'en', 'hello', { name: 'pod' }), 'Hello pod, {missing}');
  assert.equal(formatMessage(catalog, 'zh-CN', 'hello', { name: 'pod' }), '你好 pod');
});

test('engines.vscode admits the VS Code of the end-to-end ring (1.139) and the API version used to compile', () => {
  assert.equal(manifest.engines.vscode, '^1.91.0');
  const types = JSON.parse(
    readFileSync(join(root, 'node_modules', '@types', 'vscode', 'package.json'), 'utf8'),
  ) as { version: string };
  assert.match(types.version, /^1\.91\./);
});
