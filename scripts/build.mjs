// Builds every bundle with esbuild: the extension client, the language server, the CLI, the
// webview, and the compiled tests. Type checking is `tsc -b`'s job, not this script's.
import * as esbuild from 'esbuild';
import { readdirSync, readFileSync, statSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';

const production = process.argv.includes('--production');
const root = new URL('..', import.meta.url).pathname;
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/** Lists the files under `dir` whose names end with one of `suffixes`. */
function findFiles(dir, suffixes) {
  const found = [];
  for (const entry of readdirSync(dir)) {
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) {
      if (entry !== 'fixtures' && entry !== 'node_modules') found.push(...findFiles(full, suffixes));
    } else if (suffixes.some((suffix) => entry.endsWith(suffix))) {
      found.push(full);
    }
  }
  return found;
}

/**
 * The yaml library reads `process.env.LOG_TOKENS` for every token it parses and
 * `process.env.LOG_STREAM` for every document it composes: debugging switches that cost a
 * third of the parse time of a large file, since each read of `process.env` is a call into
 * Node. The bundles never want that logging, so the reads become `false`.
 */
const yamlWithoutDebugSwitches = {
  name: 'yaml-without-debug-switches',
  setup(build) {
    build.onLoad({ filter: /[\\/]node_modules[\\/]yaml[\\/]dist[\\/].*\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      return {
        contents: source.replace(/\b(?:node_)?process\.env\.LOG_(?:TOKENS|STREAM)\b/g, 'false'),
        loader: 'js',
      };
    });
  },
};

const common = {
  bundle: true,
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  absWorkingDir: root,
};
const nodeCommon = {
  ...common,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  define: { PODLINE_VERSION: JSON.stringify(version) },
  plugins: [yamlWithoutDebugSwitches],
};
const shebang = { js: '#!/usr/bin/env node' };

rmSync(join(root, 'dist'), { recursive: true, force: true });
// A production build (for the .vsix) leaves the compiled tests alone.
if (!production) rmSync(join(root, 'out', 'test'), { recursive: true, force: true });

const testEntries = findFiles(join(root, 'test'), ['.test.ts']).map((file) => relative(root, file));
const e2eEntries = ['test/e2e/suite/index.ts', 'test/e2e/runElectron.ts'];

await Promise.all([
  esbuild.build({
    ...nodeCommon,
    entryPoints: { 'client/extension': 'client/src/extension.ts' },
    outdir: 'dist',
    external: ['vscode'],
  }),
  esbuild.build({
    ...nodeCommon,
    entryPoints: {
      'server/languageServer': 'server/src/languageServer.ts',
      'cli/podline': 'server/src/cli/podline.ts',
      'cli/checkWorker': 'server/src/cli/checkWorker.ts',
      'server/simulateWorker': 'server/src/lsp/simulateWorker.ts',
    },
    outdir: 'dist',
    banner: shebang,
  }),
  esbuild.build({
    ...common,
    platform: 'browser',
    target: 'es2022',
    format: 'iife',
    entryPoints: { 'webview/main': 'client/webview/main.ts' },
    outdir: 'dist',
  }),
  production
    ? undefined
    : esbuild.build({
        ...nodeCommon,
        entryPoints: [...testEntries, ...e2eEntries],
        outbase: '.',
        outdir: 'out',
        packages: 'external',
        external: ['vscode'],
      }),
]);
