// `npm test`: every ring, in the order that fails fastest. The build, the type check and the
// linters run first; then one `node --test` run over every compiled test (unit, protocol, CLI,
// package, and the end-to-end suite in a real VS Code), whose summary ends the output.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const bin = (name) => join(root, 'node_modules', '.bin', name);

const steps = [
  ['build', process.execPath, [join(root, 'scripts', 'build.mjs')]],
  ['type check', bin('tsc'), ['-b']],
  ['eslint', bin('eslint'), ['--max-warnings', '0', '.']],
  ['prettier', bin('prettier'), ['--check', '--log-level', 'warn', '.']],
  ['tests', process.execPath, ['--test', '--test-concurrency=1', join(root, 'out', 'test')]],
];

for (const [name, command, args] of steps) {
  const started = Date.now();
  process.stderr.write(`\n== ${name}\n`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    process.stderr.write(
      `== ${name} failed after ${seconds} s (exit code ${result.status ?? result.signal})\n`,
    );
    process.exit(result.status || 1);
  }
  if (name !== 'tests') process.stderr.write(`== ${name} passed in ${seconds} s\n`);
}
