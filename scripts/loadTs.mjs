// Loads a TypeScript module of the core into a build script, bundled on the fly by esbuild, so
// that scripts read the same source of truth as the server.
import * as esbuild from 'esbuild';

/** Imports `path` (relative to the repository root) and returns its exports. */
export async function loadTs(path) {
  const root = new URL('..', import.meta.url).pathname;
  const bundle = await esbuild.build({
    entryPoints: [`${root}${path}`],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    write: false,
    logLevel: 'error',
  });
  const code = bundle.outputFiles[0].text;
  return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}
