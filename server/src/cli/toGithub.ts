/**
 * `podline check --format github`: GitHub Actions workflow commands, one line per finding, so
 * that each finding is an annotation on the pull request's line:
 * `::error file=path,line=14,col=11,endLine=14,endColumn=15,title=yaml/duplicate-key::message`.
 */

import type { Severity } from '../core/findings/finding';
import type { CheckedFile } from './checkFile';
import { escapeForTerminal } from './terminalText';

/**
 * A command's message as the runner reads it: `%`, CR and LF percent-encoded (GitHub's
 * `escapeData`), and every other control or bidi character made visible, so that no value can
 * end the line and start a command of its own.
 */
export function escapeGithubData(text: string): string {
  return escapeForTerminal(text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

/** A command's property value: also `:` and `,`, which end a property (GitHub's `escapeProperty`). */
export function escapeGithubProperty(text: string): string {
  return escapeGithubData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** GitHub's annotation levels: Podline's info and hint become `notice`. */
function githubCommand(severity: Severity): 'error' | 'warning' | 'notice' {
  return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'notice';
}

/**
 * One workflow command per finding, then one `::error` per file that was not checked. Lines and
 * columns are 1-based; the columns are given only for a range on one line, as GitHub's
 * annotations take them.
 */
export function toGithub(
  files: readonly CheckedFile[],
  notChecked: readonly { readonly path: string; readonly message: string }[],
): string[] {
  const lines: string[] = [];
  for (const file of files) {
    for (const finding of file.findings) {
      const { start, end } = finding.range;
      const properties = [
        `file=${escapeGithubProperty(file.path)}`,
        `line=${start.line + 1}`,
        ...(start.line === end.line ? [`col=${start.character + 1}`] : []),
        `endLine=${end.line + 1}`,
        ...(start.line === end.line ? [`endColumn=${end.character + 1}`] : []),
        `title=${escapeGithubProperty(finding.code)}`,
      ];
      lines.push(
        `::${githubCommand(finding.severity)} ${properties.join(',')}::${escapeGithubData(finding.message)}`,
      );
    }
  }
  for (const file of notChecked)
    lines.push(`::error file=${escapeGithubProperty(file.path)}::${escapeGithubData(file.message)}`);
  return lines;
}
