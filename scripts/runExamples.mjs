// The README's main job after the build: runs Podline on the bundled examples and writes the
// reports to out/examples/. The examples include deliberate mistakes, so `podline check`
// exiting 1 is expected here; any other exit code is a failure.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const cli = join(root, 'dist', 'cli', 'podline.js');
const outDir = join(root, 'out', 'examples');
mkdirSync(outDir, { recursive: true });

function podline(args) {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0 && result.status !== 1) {
    process.stderr.write(result.stderr);
    throw new Error(`podline ${args.join(' ')} failed with exit code ${result.status}`);
  }
  return result.stdout;
}

process.stdout.write('Validation report (podline check examples):\n\n');
const text = podline(['check', 'examples']);
process.stdout.write(`${text}\n`);
writeFileSync(join(outDir, 'report.txt'), text);
writeFileSync(join(outDir, 'report.json'), podline(['check', '--format', 'json', 'examples']));
process.stdout.write(`Reports written to ${join('out', 'examples')}/report.txt and report.json\n`);
