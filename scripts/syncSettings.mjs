// Writes package.json's `contributes.configuration` from the server's setting definitions, the
// one source of truth (server/src/core/settings.ts). A unit test fails when the two differ.
import * as esbuild from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
const bundle = await esbuild.build({
  entryPoints: [`${root}server/src/core/settings.ts`],
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  write: false,
});
const module = await import(
  `data:text/javascript;base64,${Buffer.from(bundle.outputFiles[0].text).toString('base64')}`
);

/** The `contributes.configuration` object for the given definitions. */
export function configurationFor(definitions) {
  const properties = {};
  for (const definition of definitions) {
    properties[`podline.${definition.key}`] = {
      type: definition.type,
      default: definition.default,
      ...(definition.enum ? { enum: [...definition.enum] } : {}),
      ...(definition.valueEnum
        ? { additionalProperties: { type: 'string', enum: [...definition.valueEnum] } }
        : {}),
      ...(definition.minimum !== undefined ? { minimum: definition.minimum } : {}),
      ...(definition.maximum !== undefined ? { maximum: definition.maximum } : {}),
      scope: definition.scope,
      markdownDescription: `%${definition.descriptionKey}%`,
    };
  }
  return { title: 'Podline', properties };
}

const path = `${root}package.json`;
const manifest = JSON.parse(readFileSync(path, 'utf8'));
manifest.contributes.configuration = configurationFor(module.settingDefinitions);
writeFileSync(path, `${JSON.stringify(manifest, null, 2)}\n`);
