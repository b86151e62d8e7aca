// Derives a strict JSON schema for Job, CronJob and DaemonSet from Podline's generated schema
// data (server/src/core/schema/data/schemaData.ts) for the newest Kubernetes version Podline
// ships, so that yaml-language-server validates the benchmark's files offline against the same
// API. It mirrors the upstream "standalone-strict" schemas: unknown fields are forbidden
// (additionalProperties: false), most types are nullable, int-or-string and quantities are
// oneOf string/number, enums and required fields are kept, descriptions feed hovers.
//
// Usage: node bench/buildPeerSchema.mjs [output.json]   (default bench/tmp/k8s.json)
import * as esbuild from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dataFile = join(root, 'server', 'src', 'core', 'schema', 'data', 'schemaData.ts');

/** Loads the TypeScript data module by compiling it in memory. */
async function loadSchemaData() {
  const { code } = await esbuild.transform(readFileSync(dataFile, 'utf8'), {
    loader: 'ts',
    format: 'esm',
  });
  return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}

const nullable = (type) => ({ type: [type, 'null'] });

/** The JSON schema of one field type of the data (`[]T`, `{}T`, a scalar or a definition). */
function typeSchema(type) {
  if (type.startsWith('[]')) return { ...nullable('array'), items: typeSchema(type.slice(2)) };
  if (type.startsWith('{}'))
    return { ...nullable('object'), additionalProperties: typeSchema(type.slice(2)) };
  switch (type) {
    case 'string':
    case 'boolean':
    case 'number':
      return nullable(type);
    case 'integer':
      return nullable('integer');
    case 'int32':
    case 'int64':
      return { ...nullable('integer'), format: type };
    case 'IntOrString':
      return { oneOf: [nullable('string'), { type: 'integer' }], format: 'int-or-string' };
    case 'Quantity':
      return { oneOf: [nullable('string'), { type: 'number' }] };
    case 'Time':
      return { ...nullable('string'), format: 'date-time' };
    case 'object':
      return nullable('object');
    default:
      return { $ref: `#/definitions/${type}` };
  }
}

/** Builds the schema for `version` (default: the newest the data has). */
export async function buildPeerSchema(version) {
  const data = await loadSchemaData();
  const target = version ?? data.schemaVersions[0];
  const index = data.schemaVersions.indexOf(target);
  if (index === -1) throw new Error(`no schema data for Kubernetes ${target}`);
  const bit = 1 << index;
  const rootsByDefinition = new Map(
    Object.entries(data.schemaRoots).map(([key, definition]) => {
      const kind = key.slice(key.lastIndexOf('/') + 1);
      return [definition, { apiVersion: key.slice(0, key.lastIndexOf('/')), kind }];
    }),
  );
  const definitions = {};
  for (const [name, rows] of Object.entries(data.schemaDefinitions)) {
    const properties = {};
    const required = [];
    for (const [field, versions, requiredIn, type, description, enumValues] of rows) {
      if ((versions & bit) === 0) continue;
      const schema = typeSchema(type);
      const text = data.schemaDescriptions[description];
      if (text) schema.description = text;
      if (enumValues !== undefined) schema.enum = [...enumValues.split('|'), null];
      properties[field] = schema;
      if ((requiredIn & bit) !== 0) required.push(field);
    }
    const rootOf = rootsByDefinition.get(name);
    if (rootOf) {
      properties.apiVersion = { ...properties.apiVersion, enum: [rootOf.apiVersion] };
      properties.kind = { ...properties.kind, enum: [rootOf.kind] };
    }
    definitions[name] = {
      ...nullable('object'),
      properties,
      ...(required.length > 0 ? { required } : {}),
      additionalProperties: false,
    };
  }
  // One branch per kind, chosen by `kind`, so each document is validated against its own
  // definition only: the cheapest correct set-up for the peer.
  const branches = Object.entries(data.schemaRoots).map(([key, definition]) => ({
    if: { properties: { kind: { const: key.slice(key.lastIndexOf('/') + 1) } }, required: ['kind'] },
    then: { $ref: `#/definitions/${definition}` },
  }));
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: `podline-bench-kubernetes-${target}`,
    description: `Job, CronJob and DaemonSet of Kubernetes ${target}, derived from Podline's schema data.`,
    type: 'object',
    allOf: branches,
    definitions,
  };
}

/** Writes the schema to `file` and returns its file:// URI. */
export async function writePeerSchema(file = join(root, 'bench', 'tmp', 'k8s.json')) {
  const schema = await buildPeerSchema();
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(schema, null, 1)}\n`);
  return pathToFileURL(resolve(file)).href;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const uri = await writePeerSchema(process.argv[2]);
  process.stdout.write(`${uri}\n`);
}
