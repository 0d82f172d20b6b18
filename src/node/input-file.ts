import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { InputError } from './errors.js';

/**
 * Reading a file the user named, or one a book is made of, without trusting what is at that
 * path: a link to /dev/zero would grow without end and a FIFO would wait forever. The file
 * is opened without blocking (a FIFO with no writer opens at once), and the opened file
 * itself is checked (fstat, so nothing can be swapped in between a check and the read):
 * only a regular file is read, and only up to its cap, counted while reading, since a file
 * may grow after it was looked at.
 */
export interface FileLimit {
  /** The most bytes read; a larger file is refused. */
  readonly maxBytes: number;
  /** What the file is, for the sentence: "settings file", "CSV file", "workbook". */
  readonly what: string;
}

/** The bytes of the file at `path`, or null when nothing is there. */
export function readInputFile(path: string, limit: FileLimit): Buffer | null {
  return withInputFile(path, limit, (fd, size) => readUpTo(fd, path, limit, size));
}

/**
 * Hands the file's bytes to `each` in chunks of one reused buffer (valid only during the
 * call), read as readInputFile reads; false when nothing is there. For a reader that needs
 * no copy of the whole file: on the benchmark machine every megabyte of fresh memory
 * costs ~6 ms when first written.
 */
export function readInputChunks(path: string, limit: FileLimit, each: (chunk: Buffer) => void): boolean {
  const done = withInputFile(path, limit, (fd) => {
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    let length = 0;
    for (;;) {
      const read = readSync(fd, buffer, 0, buffer.length, null);
      if (read === 0) return true;
      length += read;
      if (length > limit.maxBytes) throw tooLarge(path, limit);
      each(buffer.subarray(0, read));
    }
  });
  return done === true;
}

const CHUNK_BYTES = 1 << 20;

/** What `read` makes of the file at `path`, opened and checked (see above), or null when nothing is there. */
function withInputFile<T>(path: string, limit: FileLimit, read: (fd: number, size: number) => T): T | null {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw new InputError(`${path}: a ${limit.what} was expected here, but this is ${kindOf(stats)}; nothing was read.`);
    if (stats.size > limit.maxBytes) throw tooLarge(path, limit);
    return read(fd, stats.size);
  } finally {
    closeSync(fd);
  }
}

function readUpTo(fd: number, path: string, limit: FileLimit, expected: number): Buffer {
  // One byte more than the cap tells a file that grew past it from one that fits exactly.
  let buffer = Buffer.allocUnsafe(Math.min(expected, limit.maxBytes) + 1);
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      if (length > limit.maxBytes) throw tooLarge(path, limit);
      const grown = Buffer.allocUnsafe(Math.min(buffer.length * 2, limit.maxBytes + 1));
      buffer.copy(grown, 0, 0, length);
      buffer = grown;
    }
    const read = readSync(fd, buffer, length, buffer.length - length, null);
    if (read === 0) break;
    length += read;
  }
  if (length > limit.maxBytes) throw tooLarge(path, limit);
  return buffer.subarray(0, length);
}

function tooLarge(path: string, limit: FileLimit): InputError {
  return new InputError(`${path}: this ${limit.what} is larger than ${formatBytes(limit.maxBytes)}, the most Tierwise reads; nothing was read.`);
}

function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** "256 MiB", "1 MiB", "64 KiB": caps are powers of two, so they print whole. */
export function formatBytes(bytes: number): string {
  const units: [number, string][] = [
    [2 ** 30, 'GiB'],
    [2 ** 20, 'MiB'],
    [2 ** 10, 'KiB'],
  ];
  for (const [size, unit] of units) if (bytes >= size) return `${Number((bytes / size).toFixed(1)).toLocaleString('en-US')} ${unit}`;
  return `${bytes} bytes`;
}
