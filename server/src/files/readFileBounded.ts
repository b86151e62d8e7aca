/**
 * Reading a file Podline did not write, safely: only a regular file is read, and never more than
 * a limit. A repository can commit a symlink to `/dev/zero` or a FIFO, and a file can be
 * hundreds of megabytes; each is refused with the reason before anything is read. The file is
 * opened without blocking (a FIFO would otherwise block on open) and its type and size are taken
 * from the open descriptor, so a path swapped between the check and the read is caught too.
 * Shared by the CLI and the language server; the core never touches the file system.
 */

import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import type { Stats } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';

/** Why a file was not read. */
export type FileProblem =
  | { readonly kind: 'notFound' }
  | { readonly kind: 'permission' }
  | { readonly kind: 'folder' }
  | { readonly kind: 'notRegular'; readonly type: 'fifo' | 'device' | 'socket' | 'other' }
  | {
      readonly kind: 'tooLarge';
      readonly size: number;
      readonly limit: number;
      /** True when the reading stopped one byte past the limit: `size` is then only a lower bound. */
      readonly atLeast?: boolean;
    }
  | { readonly kind: 'io'; readonly message: string };

/** The bytes of a file, or why they were not read. */
export type FileRead =
  { readonly ok: true; readonly bytes: Buffer } | { readonly ok: false; readonly problem: FileProblem };

const openFlags = constants.O_RDONLY | constants.O_NONBLOCK;

function problemOfError(error: unknown): FileProblem {
  const code = (error as { code?: unknown }).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'notFound' };
  if (code === 'EACCES' || code === 'EPERM') return { kind: 'permission' };
  if (code === 'EISDIR') return { kind: 'folder' };
  return { kind: 'io', message: error instanceof Error ? error.message : String(error) };
}

/** The problem with reading a file of this type and size, or undefined when it may be read. */
function problemOfStats(stats: Stats, limit: number): FileProblem | undefined {
  if (stats.isDirectory()) return { kind: 'folder' };
  if (!stats.isFile()) {
    const type = stats.isFIFO()
      ? 'fifo'
      : stats.isCharacterDevice() || stats.isBlockDevice()
        ? 'device'
        : stats.isSocket()
          ? 'socket'
          : 'other';
    return { kind: 'notRegular', type };
  }
  if (stats.size > limit) return { kind: 'tooLarge', size: stats.size, limit };
  return undefined;
}

/**
 * Collects a file's bytes up to one past the limit: the size the file reported is only a hint
 * (a file may grow after fstat, and /proc files report 0), so the reading stops at EOF or when
 * the limit is passed, whichever comes first.
 */
class BoundedReader {
  private readonly chunks: Buffer[] = [];
  private total = 0;
  private ended = false;

  constructor(
    private readonly limit: number,
    private readonly sizeHint: number,
  ) {}

  /** The buffer for the next read, or undefined when the reading is over. */
  next(): Buffer | undefined {
    if (this.ended || this.total > this.limit) return undefined;
    const wanted = this.chunks.length === 0 ? Math.max(this.sizeHint + 1, 1 << 16) : 1 << 20;
    return Buffer.alloc(Math.min(wanted, this.limit + 1 - this.total));
  }

  /** Takes `read` bytes of `chunk`; false at EOF. */
  add(chunk: Buffer, read: number): boolean {
    if (read === 0) {
      this.ended = true;
      return false;
    }
    this.chunks.push(read === chunk.length ? chunk : chunk.subarray(0, read));
    this.total += read;
    return true;
  }

  result(): FileRead {
    if (this.total > this.limit)
      return { ok: false, problem: { kind: 'tooLarge', size: this.total, limit: this.limit, atLeast: true } };
    return { ok: true, bytes: Buffer.concat(this.chunks, this.total) };
  }
}

/** Reads a regular file of at most `limit` bytes. Never throws. */
export function readFileBoundedSync(path: string, limit: number): FileRead {
  let fd: number;
  try {
    fd = openSync(path, openFlags);
  } catch (error) {
    return { ok: false, problem: problemOfError(error) };
  }
  try {
    const refused = problemOfStats(fstatSync(fd), limit);
    if (refused) return { ok: false, problem: refused };
    const reader = new BoundedReader(limit, fstatSync(fd).size);
    for (let chunk = reader.next(); chunk; chunk = reader.next()) {
      if (!reader.add(chunk, readSync(fd, chunk, 0, chunk.length, null))) break;
    }
    return reader.result();
  } catch (error) {
    return { ok: false, problem: problemOfError(error) };
  } finally {
    closeSync(fd);
  }
}

/** Reads a regular file of at most `limit` bytes, without blocking the event loop. Never rejects. */
export async function readFileBounded(path: string, limit: number): Promise<FileRead> {
  let handle;
  try {
    handle = await open(path, openFlags);
  } catch (error) {
    return { ok: false, problem: problemOfError(error) };
  }
  try {
    const stats = await handle.stat();
    const refused = problemOfStats(stats, limit);
    if (refused) return { ok: false, problem: refused };
    const reader = new BoundedReader(limit, stats.size);
    for (let chunk = reader.next(); chunk; chunk = reader.next()) {
      if (!reader.add(chunk, (await handle.read(chunk, 0, chunk.length, null)).bytesRead)) break;
    }
    return reader.result();
  } catch (error) {
    return { ok: false, problem: problemOfError(error) };
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/**
 * Reads a stream (standard input) to its end, but never more than one byte past `limit`: the
 * stream is then destroyed and the answer is `tooLarge`, so an endless or huge input (`< /dev/zero`,
 * a runaway `helm template`) costs at most the limit in memory. Never rejects.
 */
export function readStreamBounded(stream: Readable, limit: number): Promise<FileRead> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let total = 0;
    let settled = false;
    const finish = (result: FileRead): void => {
      if (settled) return;
      settled = true;
      stream.removeListener('data', onData);
      resolve(result);
    };
    const onData = (chunk: Buffer | string): void => {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      const room = limit + 1 - total;
      chunks.push(bytes.length > room ? bytes.subarray(0, room) : bytes);
      total += Math.min(bytes.length, room);
      if (total > limit) {
        finish({ ok: false, problem: { kind: 'tooLarge', size: total, limit, atLeast: true } });
        stream.destroy();
      }
    };
    stream.on('data', onData);
    stream.once('end', () => finish({ ok: true, bytes: Buffer.concat(chunks, total) }));
    stream.once('close', () => finish({ ok: true, bytes: Buffer.concat(chunks, total) }));
    // Kept after the end: an error after `destroy` must not become an uncaught exception.
    stream.on('error', (error) => finish({ ok: false, problem: problemOfError(error) }));
  });
}

/** The problem in plain English, for logs (the CLI translates its own). */
export function describeFileProblem(problem: FileProblem): string {
  switch (problem.kind) {
    case 'notFound':
      return 'no such file or folder';
    case 'permission':
      return 'permission denied';
    case 'folder':
      return 'is a folder';
    case 'notRegular':
      return `not a regular file (${problem.type === 'fifo' ? 'a named pipe' : problem.type === 'device' ? 'a device' : problem.type === 'socket' ? 'a socket' : 'a special file'}); only regular files are read`;
    case 'tooLarge':
      return problem.atLeast
        ? `more than ${problem.limit} bytes, over the limit`
        : `${problem.size} bytes is over the limit of ${problem.limit}`;
    case 'io':
      return problem.message;
  }
}
