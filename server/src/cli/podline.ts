/** The `podline` command line: the same analysis as the language server, for CI and terminals. */
import { runCli } from './runCli';

/** Shows "checked N/M files" on an interactive terminal, at most ten times a second. */
function terminalProgress(): ((done: number, total: number) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  let last = 0;
  return (done, total) => {
    const now = Date.now();
    if (done < total && now - last < 100) return;
    last = now;
    process.stderr.write(done < total ? `\rpodline: ${done}/${total} files` : '\r\x1b[K');
  };
}

void runCli(process.argv.slice(2), {
  env: process.env,
  now: Date.now(),
  cwd: process.cwd(),
  progress: terminalProgress(),
}).then(
  (result) => {
    process.stdout.write(result.stdout);
    process.stderr.write(result.stderr);
    process.exitCode = result.exitCode;
  },
  (error: unknown) => {
    process.stderr.write(`podline: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
