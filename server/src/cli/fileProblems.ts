/**
 * The CLI's words for a file it did not read (files/readFileBounded.ts), in English and
 * Simplified Chinese. A file over the size limit names the option that raises the limit, where
 * the command has one.
 */

import { defineCatalog, formatMessage } from '../core/l10n';
import type { Locale } from '../core/l10n';
import type { FileProblem } from '../files/readFileBounded';

const messages = defineCatalog(
  {
    notFound: 'no such file or folder',
    permission: 'permission denied',
    folder: 'is a folder',
    fifo: 'a named pipe, not a regular file; only regular files are read',
    device: 'a device, not a regular file; only regular files are read',
    socket: 'a socket, not a regular file; only regular files are read',
    other: 'not a regular file; only regular files are read',
    tooLarge: '{size} bytes, over the limit of {limit} bytes; not checked',
    tooLargeOption: '{size} bytes, over the limit of {limit} bytes; not checked (raise it with {option})',
    overLimit: 'more than {limit} bytes, over the limit; not checked',
    overLimitOption: 'more than {limit} bytes, over the limit; not checked (raise it with {option})',
    io: '{message}',
  },
  {
    notFound: '没有这个文件或文件夹',
    permission: '权限不足',
    folder: '是一个文件夹',
    fifo: '是命名管道，不是普通文件；只读取普通文件',
    device: '是设备，不是普通文件；只读取普通文件',
    socket: '是套接字，不是普通文件；只读取普通文件',
    other: '不是普通文件；只读取普通文件',
    tooLarge: '{size} 字节，超过 {limit} 字节的上限；未检查',
    tooLargeOption: '{size} 字节，超过 {limit} 字节的上限；未检查（可用 {option} 调高）',
    overLimit: '超过 {limit} 字节的上限；未检查',
    overLimitOption: '超过 {limit} 字节的上限；未检查（可用 {option} 调高）',
    io: '{message}',
  },
);

/** Why a file was not read, for a CLI message; `sizeOption` is the option that raises the limit. */
export function describeFileProblem(problem: FileProblem, locale: Locale, sizeOption?: string): string {
  const say = (key: keyof (typeof messages)['en'], args = {}): string =>
    formatMessage(messages, locale, key, args);
  switch (problem.kind) {
    case 'notRegular':
      return say(problem.type);
    case 'tooLarge': {
      // A size read past the limit is only a lower bound: "more than the limit" is all that is known.
      const args = { size: problem.size, limit: problem.limit, option: sizeOption ?? '' };
      if (problem.atLeast) return say(sizeOption === undefined ? 'overLimit' : 'overLimitOption', args);
      return say(sizeOption === undefined ? 'tooLarge' : 'tooLargeOption', args);
    }
    case 'io':
      return say('io', { message: problem.message });
    default:
      return say(problem.kind);
  }
}
