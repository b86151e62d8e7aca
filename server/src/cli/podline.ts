/** The `podline` command line: the same analysis as the language server, for CI and terminals. */
import { fstatSync } from 'node:fs';
import { isatty } from 'node:tty';
import { readStreamBounded } from '../files/readFileBounded';
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

/**
 * A failed write to standard output (EPIPE from `| head -1`, ENOSPC, a closed descriptor) ends
 * the run with exit code 2 and one line on standard error, not a stack trace.
 */
function onOutputError(error: Error & { code?: string }): void {
  const reason =
    error.code === 'EPIPE' ? 'the reader closed the pipe (EPIPE)' : (error.code ?? error.message);
  try {
    process.stderr.write(`podline: cannot write the output: ${reason}\n`);
  } catch {
    // Standard error is gone too: the exit code is all that is left.
  }
  process.exit(2);
}
process.stdout.on('error', onOutputError);
process.stderr.on('error', () => process.exit(2));

void runCli(process.argv.slice(2), {
  env: process.env,
  now: Date.now(),
  cwd: process.cwd(),
  progress: terminalProgress(),
  stdin: {
    // Asked of the descriptor, so that a terminal's stream is never opened.
    isTerminal: isatty(0),
    read: (limit) => {
      try {
        // `podline check - < folder` would read as empty.
        if (fstatSync(0).isDirectory()) return Promise.resolve({ ok: false, problem: { kind: 'folder' } });
        return readStreamBounded(process.stdin, limit);
      } catch (error) {
        // Node cannot make a stream of a closed descriptor (`podline check - <&-`).
        const message = error instanceof Error ? error.message : String(error);
        return Promise.resolve({ ok: false, problem: { kind: 'io', message } });
      }
    },
  },
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
