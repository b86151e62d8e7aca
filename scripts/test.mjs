// `npm test`: every ring, in the order that fails fastest. The build, the type check and the
// linters run first; then one `node --test` run over every compiled test (unit, protocol, CLI,
// package, and the end-to-end suite in a real VS Code), whose summary ends the output.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const bin = (name) => join(root, 'node_modules', '.bin', name);

/** The compiled test files: only `*.test.js`, since Node 20 would run every file under a `test` folder. */
function testFiles(dir) {
  return readdirSync(dir)
    .sort()
    .flatMap((entry) => {
      const full = join(dir, entry);
      return statSync(full).isDirectory() ? testFiles(full) : entry.endsWith('.test.js') ? [full] : [];
    });
}

const steps = [
  ['build', process.execPath, [join(root, 'scripts', 'build.mjs')]],
  ['type check', bin('tsc'), ['-b']],
  ['eslint', bin('eslint'), ['--max-warnings', '0', '.']],
  ['prettier', bin('prettier'), ['--check', '--log-level', 'warn', '.']],
  ['tests', process.execPath, ['--test', '--test-concurrency=1']],
];

for (const [name, command, args] of steps) {
  const started = Date.now();
  process.stderr.write(`\n== ${name}\n`);
  // The test list is read after the build step has compiled the tests.
  const fullArgs = name === 'tests' ? [...args, ...testFiles(join(root, 'out', 'test'))] : args;
  const result = spawnSync(command, fullArgs, { cwd: root, stdio: 'inherit' });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    process.stderr.write(
      `== ${name} failed after ${seconds} s (exit code ${result.status ?? result.signal})\n`,
    );
    process.exit(result.status || 1);
  }
  if (name !== 'tests') process.stderr.write(`== ${name} passed in ${seconds} s\n`);
}
