/** The `podline` command line: the same analysis as the language server, for CI and terminals. */
import { runCli } from './runCli';

const result = runCli(process.argv.slice(2), {
  env: process.env,
  now: Date.now(),
  cwd: process.cwd(),
});
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
process.exitCode = result.exitCode;
