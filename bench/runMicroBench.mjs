// Builds bench/microBench.ts with esbuild and runs it: `npm run bench:micro`.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
await esbuild.build({
  entryPoints: [`${root}bench/microBench.ts`],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  outfile: `${root}bench/tmp/microBench.cjs`,
  logLevel: 'error',
});
const result = spawnSync(process.execPath, [`${root}bench/tmp/microBench.cjs`], { stdio: 'inherit' });
process.exit(result.status ?? 1);
