// Writes schemas/podline-scenario.schema.json from server/src/core/simulator/scenarioSchema.ts,
// whose `events` part comes from the event table (scenarioEvents.ts), formatted with the
// project's Prettier settings. `--check` fails instead of writing when the file is out of date
// (a unit test runs it).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as prettier from 'prettier';
import { loadTs } from './loadTs.mjs';

const root = new URL('..', import.meta.url).pathname;
const path = `${root}schemas/podline-scenario.schema.json`;
const { scenarioJsonSchema } = await loadTs('server/src/core/simulator/scenarioSchema.ts');
const options = (await prettier.resolveConfig(path)) ?? {};
const text = await prettier.format(JSON.stringify(scenarioJsonSchema()), { ...options, filepath: path });
if (process.argv.includes('--check')) {
  const current = existsSync(path) ? readFileSync(path, 'utf8') : '';
  if (current !== text) {
    process.stderr.write(
      'schemas/podline-scenario.schema.json is out of date: run `npm run schemas:scenario`.\n',
    );
    process.exit(1);
  }
} else {
  writeFileSync(path, text);
}
