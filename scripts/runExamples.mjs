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
process.stdout.write(`Reports written to ${join('out', 'examples')}/report.txt and report.json\n\n`);

// Explanations: what the CronJob's schedule means and the objects the controllers would create.
process.stdout.write('Schedule explained (podline cron "* * * * *" --count 3):\n\n');
process.stdout.write(`${podline(['cron', '* * * * *', '--count', '3', '--from', '2026-11-23T09:00:00Z'])}\n`);
const preview = podline(['preview', 'examples/job-pi.yaml']);
writeFileSync(join(outDir, 'job-pi.created-objects.yaml'), preview);
process.stdout.write(
  `The pods the Job controller would create: ${join('out', 'examples')}/job-pi.created-objects.yaml\n\n`,
);

// Simulations: the pod timeline of each valid example as text and as a standalone HTML page.
for (const name of ['job-pi', 'cronjob-hello', 'daemonset-fluentd']) {
  const manifest = `examples/${name}.yaml`;
  writeFileSync(join(outDir, `${name}.timeline.txt`), podline(['simulate', manifest]));
  podline([
    'simulate',
    manifest,
    '--format',
    'html',
    '--out',
    join(outDir, `${name}.timeline.html`),
    '--force',
  ]);
  process.stdout.write(
    `Simulated ${manifest}: ${join('out', 'examples', `${name}.timeline.html`)} (open it in a browser) and .timeline.txt\n`,
  );
}
process.stdout.write(`\n${podline(['simulate', 'examples/job-pi.yaml'])}`);
