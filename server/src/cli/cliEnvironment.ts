/** What each CLI command is given and gives back; apart from runCli.ts so that the commands need not import it. */

import type { FileRead } from '../files/readFileBounded';

/** What the CLI needs from its process, passed in so that tests can run it in-process. */
export interface CliEnvironment {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The current instant in epoch milliseconds. */
  readonly now: number;
  readonly cwd: string;
  /** Reports progress of a long check (the terminal shows it; tests leave it out). */
  readonly progress?: (done: number, total: number) => void;
  /** Standard input, for `check -`; without it `-` is refused as a terminal is. */
  readonly stdin?: {
    readonly isTerminal: boolean;
    /** Reads it to its end, but never more than one byte past `limit` (readStreamBounded). */
    read(limit: number): Promise<FileRead>;
  };
}

/** The CLI's whole output and exit code. */
export interface CliResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
}
