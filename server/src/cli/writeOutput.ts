/**
 * Writing a timeline page without ever losing a file the user wrote: the output may not be an
 * input (the manifest, its scenario, the scenario file beside it), through a symbolic link or
 * not; an existing file is replaced only when Podline wrote it (a timeline page) and `--force`
 * is given; the page is written to a temporary file beside it and renamed into place, so a
 * failed write leaves the old file as it was.
 */

import {
  closeSync,
  lstatSync,
  openSync,
  readSync,
  realpathSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { defineCatalog, formatMessage } from '../core/l10n';
import type { Locale } from '../core/l10n';

const messages = defineCatalog(
  {
    isInput: "it is {input}, an input of this run; choose another file (for example '{suggestion}')",
    isScenario: 'it would become the scenario Podline reads beside the manifest; choose a .html file',
    notPodline: 'the file exists and Podline did not write it; choose another file',
    notFile: 'it exists and is not a regular file',
    needsForce: 'it is a timeline page written earlier; add --force to replace it',
    failed: '{reason}',
  },
  {
    isInput: "它是本次运行的输入 {input}；请换一个文件（例如 '{suggestion}'）",
    isScenario: '它会成为 Podline 在清单旁读取的场景文件；请使用 .html 文件',
    notPodline: '文件已存在且不是 Podline 写的；请换一个文件',
    notFile: '它已存在且不是普通文件',
    needsForce: '它是之前写的时间线页面；加上 --force 才会替换它',
    failed: '{reason}',
  },
);

/** What a timeline page's head says, and how Podline recognises a page it wrote. */
const GENERATOR_MARK = '<meta name="generator" content="podline">';

/** Where to write, what may not be overwritten, and the page. */
export interface TimelinePageWrite {
  readonly cwd: string;
  readonly out: string;
  /** The run's inputs, as given (relative to `cwd`); they need not exist. */
  readonly inputs: readonly string[];
  readonly force: boolean;
  readonly content: string;
  readonly locale: Locale;
}

/** The real path of `path`, or of its folder joined with its name when it does not exist. */
function realPathOf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    try {
      return join(realpathSync(dirname(path)), basename(path));
    } catch {
      return path;
    }
  }
}

function startsWithGeneratorMark(path: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const head = Buffer.alloc(16384);
    const read = readSync(fd, head, 0, head.length, 0);
    return head.subarray(0, read).toString('utf8').includes(GENERATOR_MARK);
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Writes the page, or says in the user's language why it did not. Never throws. */
export function writeTimelinePage(request: TimelinePageWrite): { ok: true } | { ok: false; reason: string } {
  const say = (key: keyof (typeof messages)['en'], args = {}): { ok: false; reason: string } => ({
    ok: false,
    reason: formatMessage(messages, request.locale, key, args),
  });
  const out = resolve(request.cwd, request.out);
  const target = realPathOf(out);
  for (const input of request.inputs) {
    if (realPathOf(resolve(request.cwd, input)) === target)
      return say('isInput', {
        input,
        suggestion: `${basename(input).replace(/\.[^.]*$/, '')}.timeline.html`,
      });
  }
  if (/\.podline-scenario\.ya?ml$/i.test(basename(target))) return say('isScenario');
  let exists = false;
  try {
    const stats = lstatSync(target);
    exists = true;
    if (!stats.isFile()) return say('notFile');
  } catch {
    exists = false;
  }
  if (exists) {
    if (!startsWithGeneratorMark(target)) return say('notPodline');
    if (!request.force) return say('needsForce');
  }
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, request.content, { flag: 'wx' });
    renameSync(temporary, target);
    return { ok: true };
  } catch (error) {
    rmSync(temporary, { force: true });
    return say('failed', { reason: error instanceof Error ? error.message : String(error) });
  }
}
