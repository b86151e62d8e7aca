// Generates server/src/core/schema/data/schemaData.ts: the fields of batch/v1 Job and CronJob and
// apps/v1 DaemonSet, pod template included, for every Kubernetes minor version Podline supports.
//
//   node scripts/generateSchemas.mjs [--modules <node_modules dir>] [--check]
//   node scripts/generateSchemas.mjs --compare <version>=<format>:<module>
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
// - @pulumi/kubernetes 4.29.0 (Kubernetes 1.35) and 4.34.2 (Kubernetes 1.37): types/input.d.ts
//   has every field, whether it is required, and the OpenAPI descriptions, but types numbers,
//   enums, Quantity and Time as plain numbers and strings; those are completed from
//   kubernetes-models like cdk8s-plus's. A numeric field no kubernetes-models version has (new in
//   1.37) is accepted as any number. Nothing else carries 1.35 or 1.37: cdk8s-plus stops at 33
//   and 34, kubernetes-models jumps from 4.5.1 (1.33) to 5.1.0 (1.36), and @kubernetes/client-node
//   1.4.0 is v1.34.0 while 2.0.0 to 2.0.2 are all release-1.36 (their headers' spec version).
//   Versions were told apart by fields of known release: 4.26.0 to 4.29.0 add 1.35's
//   PodSpec.workloadRef (Workload API, alpha) and PodCertificateProjection.userAnnotations to
//   1.34, and have no schedulingGroup; 4.30.0 to 4.33.0 replace workloadRef by 1.36's
//   schedulingGroup; 4.34.0 to 4.34.2 (identical input.d.ts) add 1.37's JobSpec.scheduling
//   (scheduling.k8s.io/v1alpha3), PodSpec.evictionResponders and VolumeMount.bindMountOptions.
//   Checked with --compare against shipped versions before being trusted. @pulumi/kubernetes
//   4.33.0 (the 1.36 series) read as 1.36, completed without kubernetes-models 5.1.0, against
//   5.1.0: the same fields, and the same type, required flag, enum and description on 560; of the
//   other 19, 10 descriptions differ only in Markdown escapes and spacing, 6 are the apiVersion
//   and kind descriptions kubernetes-models leaves empty, and 3 are what only 5.1.0 could give (two
//   numeric fields newer than 1.33, Toleration.operator's Gt and Lt), which the shipped 1.35 and
//   1.37 data do take from 5.1.0. That is after two corrections for the provider's own changes:
//   it keeps fields Kubernetes removed so that old programs compile (ObjectMeta.clusterName,
//   PodResourceClaim.source, EphemeralVolumeSource.readOnly: pulumiRemovedFields, dropped) and
//   marks ProjectedVolumeSource.sources required (pulumiOptionalFields). 4.29.0 read as 1.34
//   against cdk8s-plus-34 differs by the same kinds of text plus exactly 1.35's changes: the two
//   fields above, the GA wording of JobSpec.managedBy, Toleration.operator's description naming
//   Gt and Lt, PodFailurePolicyOnPodConditionsPattern.status no longer required, and three
//   reworded descriptions (Container.resizePolicy, PodSpec.resourceClaims,
//   PersistentVolumeClaimSpec.resources).
//   4.34.x also brings back 1.35's PodSpec.workloadRef, word for word, beside schedulingGroup,
//   although KEP-5832 tombstoned it when 1.36 replaced it; it is dropped from 1.37 (`removed`).
// Each package is installed under the name in `sources` (the devDependencies in package.json).
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
// `--compare 1.36=pulumi:<module>`: reads another package for a shipped version and prints how its
// data differs from the shipped data, to check a source before trusting it. Writes nothing.
const compareIndex = argv.indexOf('--compare');
const compareSource =
  compareIndex === -1
    ? undefined
    : (() => {
        const m = /^(\d+\.\d+)=([\w-]+):(.+)$/.exec(argv[compareIndex + 1] ?? '');
        if (!m) throw new Error('--compare takes <version>=<format>:<module>');
        return { version: m[1], format: m[2], module: m[3] };
      })();

/** The supported versions, newest first, and the installed package each is read from. */
const sources = [
  {
    version: '1.37',
    format: 'pulumi',
    module: 'pulumi-kubernetes-1-37',
    // 1.35's Workload reference, which 1.36 replaced with schedulingGroup: 4.30.0 to 4.33.0
    // (Kubernetes 1.36) dropped it, 4.34.x brought it back word for word beside schedulingGroup.
    removed: ['core.v1.PodSpec.workloadRef'],
  },
  { version: '1.36', format: 'kubernetes-models', module: 'kubernetes-models-1-36' },
  { version: '1.35', format: 'pulumi', module: 'pulumi-kubernetes-1-35' },
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

// ---------------------------------------------------------------------------------------------
// @pulumi/kubernetes

/**
 * Reads types/input.d.ts of @pulumi/kubernetes: `export declare namespace <group>` holds
 * `namespace <version>`, which holds one `interface <Kind>` per definition (and a `<Kind>Patch`
 * twin, not read). Every value is wrapped in `pulumi.Input<...>`; numbers are plain `number`,
 * enums, Quantity and Time plain `string`, IntOrString `number | string`; those are completed
 * from kubernetes-models like cdk8s-plus's (enrich).
 */
/**
 * Fields @pulumi/kubernetes keeps after Kubernetes removed them, so that old programs still
 * compile; no API server of a supported version has them (`--compare` against 1.36 and 1.34).
 */
const pulumiRemovedFields = [
  'meta.v1.ObjectMeta.clusterName',
  'core.v1.PodResourceClaim.source',
  'core.v1.EphemeralVolumeSource.readOnly',
];
/** Fields @pulumi/kubernetes marks required that the API's OpenAPI document does not. */
const pulumiOptionalFields = ['core.v1.ProjectedVolumeSource.sources'];

function readPulumi(source) {
  const packageDir = join(modulesDir, source.module);
  const packageVersion = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')).version;
  const text = readFileSync(join(packageDir, 'types/input.d.ts'), 'utf8');
  /** `core.v1.PodSpec` → interface body */
  const interfaces = new Map();
  let group;
  let version;
  for (const m of text.matchAll(
    /^export declare namespace (\w+) \{$|^ {4}namespace (\w+) \{$|^ {8}interface (\w+) \{\n([\s\S]*?)^ {8}\}$/gm,
  )) {
    if (m[1]) group = m[1];
    else if (m[2]) version = m[2];
    else interfaces.set(`${group}.${version}.${m[3]}`, m[4]);
  }
  const definitions = new Map();
  const pending = [];

  const unwrap = (typeText) => {
    let text = typeText
      .replace(/\s+/g, ' ')
      .replace(/ \| undefined\b/g, '')
      .trim();
    for (let m = text.match(/^pulumi\.Input<(.*)>$/); m; m = text.match(/^pulumi\.Input<(.*)>$/))
      text = m[1].trim();
    return text;
  };
  const typeOf = (typeText) => {
    const text = unwrap(typeText);
    if (text === 'string' || text === 'boolean' || text === 'number') return text;
    if (text === 'number | string') return 'IntOrString';
    if (text === 'any') return 'object';
    if (/^"[^"]*"$/.test(text) || /^string \| enums\.[\w.]+$/.test(text)) return 'string';
    const array = text.match(/^(.+)\[\]$/);
    if (array) return `[]${typeOf(array[1])}`;
    const map = text.match(/^\{ \[key: string\]: (.+); \}$/);
    if (map) return `{}${typeOf(map[1])}`;
    const reference = text.match(/^inputs\.(\w+\.\w+\.\w+)$/);
    if (!reference || !interfaces.has(reference[1]))
      throw new Error(`unexpected type "${text}" in ${source.module}`);
    if (scalarDefinitions[reference[1]]) return scalarDefinitions[reference[1]];
    pending.push(reference[1]);
    return reference[1];
  };

  const readDefinition = (name) => {
    if (definitions.has(name)) return;
    const definition = { fields: new Map() };
    definitions.set(name, definition);
    const isRoot = Object.values(roots).includes(name);
    for (const property of readProperties(interfaces.get(name), '(\\w+)')) {
      const path = `${name}.${property.name}`;
      if (pulumiRemovedFields.includes(path) || source.removed?.includes(path)) continue;
      let type;
      if (isRoot && opaqueRootFields.has(property.name)) type = 'object';
      else type = typeOf(property.typeText);
      definition.fields.set(property.name, {
        type,
        required: !property.optional && !pulumiOptionalFields.includes(path),
        description: docText(property.doc),
      });
    }
  };

  for (const name of Object.values(roots)) readDefinition(name);
  while (pending.length > 0) readDefinition(pending.shift());
  return { definitions, provenance: `@pulumi/kubernetes@${packageVersion}` };
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
      // @pulumi/kubernetes types Quantity and Time as plain strings.
      if (
        version.format === 'pulumi' &&
        base === 'string' &&
        donor &&
        /(Quantity|Time)$/.test(donor.type) &&
        donor.type.replace(/(Quantity|Time)$/, 'string') === field.type
      )
        field.type = donor.type;
      if (base === 'string' && donor?.enumValues && donor.type === field.type)
        field.enumValues = donor.enumValues;
      if (field.description === '' && donor) field.description = donor.description;
    }
  }
}

/** Prints, per definition, the fields two readings of one version disagree on. */
function printComparison(a, b) {
  const counts = { onlyA: 0, onlyB: 0, type: 0, required: 0, enum: 0, description: 0, layout: 0, same: 0 };
  const names = [...new Set([...a.definitions.keys(), ...b.definitions.keys()])].sort();
  console.log(`Kubernetes ${a.version}: A = ${a.provenance}, B = ${b.provenance}`);
  for (const name of names) {
    const fa = a.definitions.get(name)?.fields;
    const fb = b.definitions.get(name)?.fields;
    if (!fa || !fb) {
      console.log(`  ${name}: only in ${fa ? 'A' : 'B'}`);
      counts[fa ? 'onlyA' : 'onlyB'] += (fa ?? fb).size;
      continue;
    }
    for (const field of [...new Set([...fa.keys(), ...fb.keys()])].sort()) {
      const x = fa.get(field);
      const y = fb.get(field);
      const where = `  ${name}.${field}`;
      if (!x || !y) {
        console.log(`${where}: only in ${x ? 'A' : 'B'}`);
        counts[x ? 'onlyA' : 'onlyB']++;
        continue;
      }
      let differs = false;
      if (x.type !== y.type) {
        console.log(`${where}: type ${x.type} / ${y.type}`);
        counts.type++;
        differs = true;
      }
      if (x.required !== y.required) {
        console.log(`${where}: required ${x.required} / ${y.required}`);
        counts.required++;
        differs = true;
      }
      if ((x.enumValues ?? []).join('|') !== (y.enumValues ?? []).join('|')) {
        console.log(`${where}: enum ${(x.enumValues ?? []).join('|')} / ${(y.enumValues ?? []).join('|')}`);
        counts.enum++;
        differs = true;
      }
      if (x.description !== y.description) {
        // kubernetes-models escapes Markdown (`\*`); layout differs between generators.
        const words = (text) =>
          text
            .replace(/\\([*_])/g, '$1')
            .replace(/\s+/g, ' ')
            .trim();
        const wording = words(x.description) !== words(y.description);
        console.log(`${where}: description differs${wording ? '' : ' (only in escapes and spacing)'}`);
        counts[wording ? 'description' : 'layout']++;
        differs = true;
      }
      if (!differs) counts.same++;
    }
  }
  console.log(
    `${counts.same} fields alike; only in A ${counts.onlyA}, only in B ${counts.onlyB}; differing type ${counts.type}, required ${counts.required}, enum ${counts.enum}, description ${counts.description} (and ${counts.layout} only in escapes and spacing)`,
  );
}

// ---------------------------------------------------------------------------------------------
// Merging and writing

async function read(source) {
  const data =
    source.format === 'kubernetes-models'
      ? await readKubernetesModels(source)
      : source.format === 'pulumi'
        ? readPulumi(source)
        : readCdk8sPlus(source);
  return { ...source, ...data };
}

/** The kubernetes-models versions that complete `index`'s: nearest newer first, then older ones. */
function donorsFor(index, candidates = versions) {
  return [...candidates.slice(0, index).reverse(), ...candidates.slice(index + 1)].filter(
    (v) => v.format === 'kubernetes-models',
  );
}

const versions = [];
for (const source of sources) versions.push(await read(source));
const unresolved = [];
for (const [index, version] of versions.entries()) {
  if (version.format !== 'kubernetes-models') enrich(version, donorsFor(index), unresolved);
}
if (compareSource) {
  const shipped = versions.find((v) => v.version === compareSource.version);
  if (!shipped) throw new Error(`--compare: ${compareSource.version} is not a shipped version`);
  const other = await read(compareSource);
  // Completed as if it replaced the shipped version: the shipped data itself is no donor.
  const others = versions.map((v) => (v === shipped ? other : v));
  if (other.format !== 'kubernetes-models') enrich(other, donorsFor(others.indexOf(other), others), []);
  printComparison(shipped, other);
  process.exit(0);
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
