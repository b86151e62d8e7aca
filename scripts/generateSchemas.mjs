// Generates server/src/core/schema/data/schemaData.ts: the fields of batch/v1 Job and CronJob and
// apps/v1 DaemonSet, pod template included, for every Kubernetes minor version Podline supports.
//
//   node scripts/generateSchemas.mjs [--modules <node_modules dir>] [--check]
//
// Where the data comes from: no npm package ships the
// API server's OpenAPI document, so each version is read from a package generated from it:
// - kubernetes-models 5.1.0 (Kubernetes 1.36: on every definition read here it has exactly the
//   fields of @kubernetes/client-node 2.0.1, generated from release-1.36, and 1.36-only ones such
//   as PodSpec.schedulingGroup) and 4.5.1 (Kubernetes 1.33). Their .d.ts files give the fields,
//   required fields, references, string enums and descriptions; their precompiled ajv validators
//   tell integer from number and carry the int32/int64 formats, so each numeric field is probed.
// - cdk8s-plus-NN (Kubernetes 1.NN: 1.29 to 1.32 and 1.34): lib/imports/k8s.d.ts is `cdk8s import
//   k8s@1.NN`'s output, with an `@schema io.k8s.api...#field` tag on every field. It keeps
//   required fields, descriptions, Quantity and IntOrString, but loses enums and integer formats;
//   those come from the same definition's same field in the nearest newer kubernetes-models
//   version (a field's integer width never changes, and enums only gain values, so a newer enum
//   never rejects a value an older API server accepts).
// No npm package carries Kubernetes 1.35, so it is not supported. Each package is installed under
// the name in `sources` (the devDependencies in package.json); the version each covers was checked
// by fingerprinting fields whose release is known, and against @kubernetes/client-node's models.
//
// The output is deduplicated across versions: one description table, and per field one row per
// distinct (type, description, enum) with a bit mask of the versions that have it. The file is
// formatted with the project's Prettier settings, so regenerating from the same packages gives
// the same bytes; `--check` compares instead of writing and exits 1 on a difference.
import { createRequire } from 'node:module';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as prettier from 'prettier';

const root = new URL('..', import.meta.url).pathname;
const outFile = join(root, 'server/src/core/schema/data/schemaData.ts');
const argv = process.argv.slice(2);
const modulesIndex = argv.indexOf('--modules');
const modulesDir = modulesIndex === -1 ? join(root, 'node_modules') : resolve(argv[modulesIndex + 1]);
const checkOnly = argv.includes('--check');

/** The supported versions, newest first, and the installed package each is read from. */
const sources = [
  { version: '1.36', format: 'kubernetes-models', module: 'kubernetes-models-1-36' },
  { version: '1.34', format: 'cdk8s-plus', module: 'cdk8s-plus-34' },
  { version: '1.33', format: 'kubernetes-models', module: 'kubernetes-models-1-33' },
  { version: '1.32', format: 'cdk8s-plus', module: 'cdk8s-plus-32' },
  { version: '1.31', format: 'cdk8s-plus', module: 'cdk8s-plus-31' },
  { version: '1.30', format: 'cdk8s-plus', module: 'cdk8s-plus-30' },
  { version: '1.29', format: 'cdk8s-plus', module: 'cdk8s-plus-29' },
];

/** The objects Podline validates: `apiVersion/kind` → the definition of the object. */
const roots = {
  'batch/v1/Job': 'batch.v1.Job',
  'batch/v1/CronJob': 'batch.v1.CronJob',
  'apps/v1/DaemonSet': 'apps.v1.DaemonSet',
};

// Definitions that are scalars or free-form in JSON, whatever the source calls them.
const scalarDefinitions = {
  'meta.v1.Time': 'Time',
  'meta.v1.MicroTime': 'Time',
  'resource.Quantity': 'Quantity',
  'intstr.IntOrString': 'IntOrString',
  // FieldsV1 is a raw JSON tree (managedFields), decoded without a schema.
  'meta.v1.FieldsV1': 'object',
};

/**
 * Fields that every source has but that are not validated here: `status` is cleared by the API
 * server on create and holds nothing a manifest author controls, so it is accepted as any object.
 */
const opaqueRootFields = new Set(['status']);

// ---------------------------------------------------------------------------------------------
// Types: a small expression language shared with the validator.
//   string | boolean | int32 | int64 | integer | number | IntOrString | Quantity | Time | object
//   <definition name> | []<type> | {}<type>      (array of, map of string to)

/** Removes the enum list that the OpenAPI descriptions append, and normalises layout. */
function cleanDescription(text) {
  return text
    .replace(/\*\\\//g, '*/')
    .replace(/\n*\s*Possible enum values:[\s\S]*$/, '')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The text of a JSDoc block without its delimiters, stars and `@tag` lines. */
function docText(block) {
  const lines = block
    .replace(/^\/\*\*/, '')
    .replace(/\*\/$/, '')
    .split('\n')
    .map((line) => line.replace(/^\s*\* ?/, ''));
  const kept = [];
  for (const line of lines) {
    if (/^@\w+/.test(line.trim())) break;
    kept.push(line);
  }
  return cleanDescription(kept.join('\n'));
}

/** Reads a TypeScript type that ends at the `;` closing the property, braces balanced. */
function readTypeText(text, start) {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === '{' || c === '<' || c === '(') depth++;
    else if (c === '}' || c === '>' || c === ')') depth--;
    else if (c === ';' && depth === 0) return { type: text.slice(start, i).trim(), end: i + 1 };
  }
  throw new Error(`unterminated type at ${start}`);
}

/** Splits an interface body into properties: name, optional marker, type text and doc. */
function readProperties(body, namePattern) {
  const properties = [];
  const pattern = new RegExp(`(\\/\\*\\*[\\s\\S]*?\\*\\/)?\\s*${namePattern}(\\??):\\s*`, 'g');
  let match;
  while ((match = pattern.exec(body))) {
    const { type, end } = readTypeText(body, pattern.lastIndex);
    properties.push({ doc: match[1] ?? '', name: match[2], optional: match[3] === '?', typeText: type });
    pattern.lastIndex = end;
  }
  return properties;
}

// ---------------------------------------------------------------------------------------------
// kubernetes-models

/** The canonical short name (`core.v1.Container`) of a kubernetes-models or apimachinery file. */
function modelsDefinitionName(file) {
  const apimachinery = file.match(/apimachinery\/(.+)\.d\.ts$/);
  if (apimachinery) {
    const parts = apimachinery[1].split('/');
    // apis/meta/v1/ObjectMeta, api/resource/Quantity, util/intstr/IntOrString
    if (parts[0] === 'apis') return `${parts[1]}.${parts[2]}.${parts[3]}`;
    return `${parts[parts.length - 2]}.${parts[parts.length - 1]}`;
  }
  const models = file.match(/kubernetes-models-[\d-]+\/(.+)\.d\.ts$/);
  if (!models) throw new Error(`not a kubernetes-models file: ${file}`);
  const parts = models[1].split('/');
  if (parts.length === 2) return `core.${parts[0]}.${parts[1]}`;
  return `${parts[0].split('.')[0]}.${parts[1]}.${parts[2]}`;
}

async function readKubernetesModels(source) {
  const packageDir = join(modulesDir, source.module);
  const requireFromPackage = createRequire(join(packageDir, 'package.json'));
  const apimachineryDir = dirname(requireFromPackage.resolve('@kubernetes-models/apimachinery/package.json'));
  const packageVersion = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')).version;
  const apimachineryVersion = JSON.parse(readFileSync(join(apimachineryDir, 'package.json'), 'utf8')).version;

  /** @type {Map<string, {fields: Map<string, object>}>} */
  const definitions = new Map();
  const pending = [];

  const resolveImport = (fromFile, specifier) => {
    if (specifier.startsWith('.'))
      return resolve(dirname(fromFile), specifier.replace(/\.js$/, '') + '.d.ts');
    const apimachinery = specifier.match(/^@kubernetes-models\/apimachinery\/(.+)$/);
    if (apimachinery) return join(apimachineryDir, apimachinery[1] + '.d.ts');
    throw new Error(`unexpected import ${specifier} in ${fromFile}`);
  };

  const typeOf = (typeText, imports, fromFile) => {
    const text = typeText.replace(/\s+/g, ' ').trim();
    if (text === 'string' || text === 'boolean' || text === 'number') return { type: text };
    if (/^"[^"]*"( \| "[^"]*")*$/.test(text)) {
      return { type: 'string', enumValues: [...text.matchAll(/"([^"]*)"/g)].map((m) => m[1]).sort() };
    }
    const array = text.match(/^Array<(.+)>$/);
    if (array) {
      const inner = typeOf(array[1], imports, fromFile);
      return { ...inner, type: `[]${inner.type}` };
    }
    const map = text.match(/^\{ \[key: string\]: (.+); \}$/);
    if (map) {
      const inner = typeOf(map[1], imports, fromFile);
      return { ...inner, type: `{}${inner.type}` };
    }
    if (/^I\w+$/.test(text)) {
      const target = imports.get(text);
      if (!target) throw new Error(`unresolved type ${text} in ${fromFile}`);
      const name = modelsDefinitionName(target);
      if (scalarDefinitions[name]) return { type: scalarDefinitions[name] };
      pending.push({ name, file: target });
      return { type: name };
    }
    throw new Error(`unexpected type "${text}" in ${fromFile}`);
  };

  const readDefinition = async (name, file) => {
    if (definitions.has(name)) return;
    const text = readFileSync(file, 'utf8');
    const imports = new Map();
    for (const m of text.matchAll(/^import \{ ([^}]+) \} from "([^"]+)";$/gm)) {
      for (const imported of m[1].split(',').map((s) => s.trim())) {
        if (imported.startsWith('I')) imports.set(imported, resolveImport(file, m[2]));
      }
    }
    const iface = text.match(/^export interface I\w+(?: extends [\w, ]+)? \{\n([\s\S]*?)^\}/m);
    if (!iface) throw new Error(`no interface in ${file}`);
    const exported = text.match(/export (?:type )?\{ I\w+ as I(IoK8s\w+),/);
    const schemaFile = exported
      ? join(file.includes('apimachinery') ? apimachineryDir : packageDir, '_schemas', `${exported[1]}.js`)
      : undefined;
    const definition = { fields: new Map() };
    definitions.set(name, definition);
    // 5.x ships ES modules, 4.x CommonJS ones whose exports arrive as `default`.
    const schemaModule =
      schemaFile && existsSync(schemaFile) ? await import(pathToFileURL(schemaFile).href) : {};
    const validator = schemaModule.validate ?? schemaModule.default?.validate;
    for (const property of readProperties(iface[1], '"([^"]+)"')) {
      const isRoot = Object.values(roots).includes(name);
      let field;
      if (isRoot && opaqueRootFields.has(property.name)) field = { type: 'object' };
      else if (isRoot && (property.name === 'apiVersion' || property.name === 'kind'))
        field = { type: 'string' };
      else field = typeOf(property.typeText, imports, file);
      if (field.type.replace(/^(\[\]|\{\})+/, '') === 'number') {
        if (!validator) throw new Error(`no validator to probe ${name}.${property.name}`);
        field = {
          ...field,
          type: field.type.replace(/number$/, probeNumber(validator, property.name, field.type)),
        };
      }
      definition.fields.set(property.name, {
        ...field,
        // kubernetes-models types apiVersion and kind as required (TypeMeta); the OpenAPI does not.
        required:
          !property.optional && !(isRoot && (property.name === 'apiVersion' || property.name === 'kind')),
        description: docText(property.doc),
      });
    }
  };

  for (const [rootKey, name] of Object.entries(roots)) {
    const [group, version, kind] = rootKey.split('/');
    await readDefinition(name, join(packageDir, group, version, `${kind}.d.ts`));
  }
  while (pending.length > 0) {
    const next = pending.shift();
    await readDefinition(next.name, next.file);
  }
  return {
    definitions,
    provenance: `kubernetes-models@${packageVersion} with @kubernetes-models/apimachinery@${apimachineryVersion}`,
  };
}

/**
 * Tells the JSON type of a numeric field from the package's compiled ajv validator. A fraction is
 * refused by integer fields with a `type` error, and fails the int32/int64 format check too, which
 * ajv runs separately; the error's format names the width.
 */
function probeNumber(validate, fieldName, type) {
  const wrap = (value) => (type.startsWith('[]') ? [value] : type.startsWith('{}') ? { key: value } : value);
  validate({ [fieldName]: wrap(0.5) });
  const errors = (validate.errors ?? []).filter(
    (error) => error.instancePath === `/${fieldName}` || error.instancePath.startsWith(`/${fieldName}/`),
  );
  if (!errors.some((error) => error.keyword === 'type')) return 'number';
  const format = errors.find((error) => error.keyword === 'format')?.params.format;
  return format === 'int32' || format === 'int64' ? format : 'integer';
}

// ---------------------------------------------------------------------------------------------
// cdk8s-plus

function schemaTagName(tag) {
  return tag
    .replace(/^io\.k8s\.api\./, '')
    .replace(/^io\.k8s\.apimachinery\.pkg\.apis\./, '')
    .replace(/^io\.k8s\.apimachinery\.pkg\.(api|util)\./, '');
}

function readCdk8sPlus(source) {
  const packageDir = join(modulesDir, source.module);
  const packageVersion = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')).version;
  const text = readFileSync(join(packageDir, 'lib/imports/k8s.d.ts'), 'utf8');
  /** interface name → { schema name, body } */
  const interfaces = new Map();
  for (const m of text.matchAll(
    /(\/\*\*(?:(?!\*\/)[\s\S])*?\*\/)\nexport interface (\w+) \{\n([\s\S]*?)^\}/gm,
  )) {
    const tag = m[1].match(/@schema (\S+)/);
    if (tag) interfaces.set(m[2], { schemaName: schemaTagName(tag[1]), body: m[3] });
  }
  const byKind = {
    'batch.v1.Job': 'KubeJobProps',
    'batch.v1.CronJob': 'KubeCronJobProps',
    'apps.v1.DaemonSet': 'KubeDaemonSetProps',
  };
  const definitions = new Map();
  const pending = [];

  const typeOf = (typeText) => {
    const text = typeText.replace(/\s+/g, ' ').trim();
    if (text === 'string' || text === 'boolean' || text === 'number') return text;
    if (text === 'Date') return 'Time';
    if (text === 'any') return 'object';
    if (text === 'Quantity' || text === 'IntOrString') return text;
    const array = text.match(/^(.+)\[\]$/);
    if (array) return `[]${typeOf(array[1])}`;
    const map = text.match(/^\{ \[key: string\]: (.+); \}$/);
    if (map) return `{}${typeOf(map[1])}`;
    const target = interfaces.get(text);
    if (!target) throw new Error(`unexpected type "${text}" in ${source.module}`);
    if (scalarDefinitions[target.schemaName]) return scalarDefinitions[target.schemaName];
    pending.push(text);
    return target.schemaName;
  };

  const readDefinition = (interfaceName, name) => {
    if (definitions.has(name)) return;
    const { body } = interfaces.get(interfaceName);
    const definition = { fields: new Map() };
    definitions.set(name, definition);
    const isRoot = Object.values(roots).includes(name);
    if (isRoot) {
      // `cdk8s import` leaves out what the construct sets itself (apiVersion, kind) and status.
      definition.fields.set('apiVersion', { type: 'string', required: false, description: '' });
      definition.fields.set('kind', { type: 'string', required: false, description: '' });
      definition.fields.set('status', { type: 'object', required: false, description: '' });
    }
    for (const property of readProperties(body, 'readonly (\\w+)')) {
      const tag = property.doc.match(/@schema \S+#(\S+)/);
      if (!tag) throw new Error(`no @schema tag on ${interfaceName}.${property.name}`);
      definition.fields.set(tag[1], {
        type: typeOf(property.typeText),
        required: !property.optional,
        description: docText(property.doc),
      });
    }
  };

  for (const [name, interfaceName] of Object.entries(byKind)) readDefinition(interfaceName, name);
  while (pending.length > 0) {
    const interfaceName = pending.shift();
    readDefinition(interfaceName, interfaces.get(interfaceName).schemaName);
  }
  return { definitions, provenance: `cdk8s-plus-${source.module.split('-').pop()}@${packageVersion}` };
}

/**
 * Gives a cdk8s-plus version what `cdk8s import` loses, from the nearest newer version read from
 * kubernetes-models: integer formats, enums, and the descriptions of apiVersion and kind.
 */
function enrich(version, donors, unresolved) {
  for (const [name, definition] of version.definitions) {
    for (const [fieldName, field] of definition.fields) {
      const donor = donors.map((d) => d.definitions.get(name)?.fields.get(fieldName)).find(Boolean);
      const base = field.type.replace(/^(\[\]|\{\})+/, '');
      if (base === 'number') {
        const donorBase = donor?.type.replace(/^(\[\]|\{\})+/, '');
        if (donorBase && ['int32', 'int64', 'integer', 'number'].includes(donorBase)) {
          field.type = field.type.replace(/number$/, donorBase);
        } else {
          unresolved.push(`${name}.${fieldName}`);
        }
      }
      if (base === 'string' && donor?.enumValues && donor.type === field.type)
        field.enumValues = donor.enumValues;
      if (field.description === '' && donor) field.description = donor.description;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Merging and writing

const versions = [];
for (const source of sources) {
  const data =
    source.format === 'kubernetes-models' ? await readKubernetesModels(source) : readCdk8sPlus(source);
  versions.push({ ...source, ...data });
}
const unresolved = [];
for (const [index, version] of versions.entries()) {
  if (version.format !== 'cdk8s-plus') continue;
  // Nearest newer first, then older ones for fields that were removed since.
  const donors = [...versions.slice(0, index).reverse(), ...versions.slice(index + 1)].filter(
    (v) => v.format === 'kubernetes-models',
  );
  enrich(version, donors, unresolved);
}
if (unresolved.length > 0) {
  // A numeric field no kubernetes-models version knows: accept any number rather than guess a width.
  console.warn(
    `numeric fields without a known format (validated as numbers): ${[...new Set(unresolved)].join(', ')}`,
  );
}

const descriptions = [];
const descriptionIndex = new Map();
const indexOfDescription = (text) => {
  if (!descriptionIndex.has(text)) {
    descriptionIndex.set(text, descriptions.length);
    descriptions.push(text);
  }
  return descriptionIndex.get(text);
};

const definitionNames = [...new Set(versions.flatMap((v) => [...v.definitions.keys()]))].sort();
const definitions = {};
for (const name of definitionNames) {
  const fieldNames = [
    ...new Set(versions.flatMap((v) => [...(v.definitions.get(name)?.fields.keys() ?? [])])),
  ].sort();
  const rows = [];
  for (const fieldName of fieldNames) {
    const variants = new Map();
    versions.forEach((version, bit) => {
      const field = version.definitions.get(name)?.fields.get(fieldName);
      if (!field) return;
      const enumText = field.enumValues ? field.enumValues.join('|') : '';
      const key = JSON.stringify([field.type, field.description, enumText]);
      const variant = variants.get(key) ?? { mask: 0, required: 0, field, enumText };
      variant.mask |= 1 << bit;
      if (field.required) variant.required |= 1 << bit;
      variants.set(key, variant);
    });
    for (const variant of [...variants.values()].sort((a, b) => lowestBit(a.mask) - lowestBit(b.mask))) {
      const row = [
        fieldName,
        variant.mask,
        variant.required,
        variant.field.type,
        indexOfDescription(variant.field.description),
      ];
      if (variant.enumText) row.push(variant.enumText);
      rows.push(row);
    }
  }
  definitions[name] = rows;
}

function lowestBit(mask) {
  return Math.log2(mask & -mask);
}

const header = `// Generated by scripts/generateSchemas.mjs; do not edit by hand.
// ${versions.map((v) => `Kubernetes ${v.version}: ${v.provenance}`).join('\n// ')}
// ${definitionNames.length} definitions, ${Object.values(definitions).reduce((n, rows) => n + rows.length, 0)} field rows, ${descriptions.length} descriptions.
`;
const body = `${header}
/**
 * One field of a definition in some of the supported versions: its name, the versions that have
 * it (bit i set for \`schemaVersions[i]\`), the versions where it is required, its type, the index
 * of its description in \`schemaDescriptions\`, and its enum values joined by \`|\` if it has some.
 * Types: string, boolean, int32, int64, integer, number, IntOrString, Quantity, Time, object (any
 * JSON object, not validated), a definition name, \`[]T\` (array of T) or \`{}T\` (map of string to T).
 */
export type SchemaFieldRow = readonly [
  name: string,
  versions: number,
  required: number,
  type: string,
  description: number,
  enumValues?: string,
];

/** The supported Kubernetes versions, newest first; bit i of a row's masks is version i. */
export const schemaVersions = ${JSON.stringify(versions.map((v) => v.version))} as const;

/** Where each version's data was read from. */
export const schemaSources: readonly string[] = ${JSON.stringify(versions.map((v) => v.provenance))};

/** The object definitions by \`apiVersion/kind\`. */
export const schemaRoots: Readonly<Record<string, string>> = ${JSON.stringify(roots)};

/** Each definition's fields, sorted by name. */
export const schemaDefinitions: Readonly<Record<string, readonly SchemaFieldRow[]>> = ${JSON.stringify(definitions)};

/** Field descriptions, from the OpenAPI document of the version(s) that use them. */
export const schemaDescriptions: readonly string[] = ${JSON.stringify(descriptions)};
`;
const options = (await prettier.resolveConfig(outFile)) ?? {};
const formatted = await prettier.format(body, { ...options, filepath: outFile });
if (checkOnly) {
  const current = existsSync(outFile) ? readFileSync(outFile, 'utf8') : '';
  if (current !== formatted) {
    console.error(
      `${outFile} is not what the installed packages generate; run node scripts/generateSchemas.mjs`,
    );
    process.exit(1);
  }
  console.log(`${outFile} is up to date.`);
} else {
  writeFileSync(outFile, formatted);
  console.log(
    `Wrote ${outFile}: ${Buffer.byteLength(formatted)} bytes, ${definitionNames.length} definitions, ${descriptions.length} descriptions.`,
  );
}
