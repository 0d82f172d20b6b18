import { createHash } from 'node:crypto';
import { type FileLimit, readInputChunks, readInputFile } from '../input-file.js';
import { BookError } from './book-error.js';

/**
 * What a command knew of one input file when it read it: its SHA-256, or that it did
 * not exist. Before a command writes anything it reads every input again and compares
 * (issue 12: a book replaced while a long `score --in-place` ran got its edits applied
 * by row number to another customer's row). The content decides, not size or mtime: a
 * file put back with the same bytes is the same book, and a same-size rewrite within one
 * mtime tick is not.
 */
export interface Fingerprint {
  readonly path: string;
  readonly sha256: string | null;
  /** The cap it was read under, to read it again the same way. */
  readonly limit: FileLimit;
}

/** A file's bytes and their fingerprint; bytes are null when the file does not exist. */
export interface ReadFile {
  readonly bytes: Buffer | null;
  readonly fingerprint: Fingerprint;
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Reads a file once, for both its parser and its fingerprint: a regular file, up to its cap (input-file.ts). */
export async function readFingerprinted(path: string, limit: FileLimit): Promise<ReadFile> {
  const bytes = readInputFile(path, limit);
  return { bytes, fingerprint: { path, sha256: bytes === null ? null : sha256(bytes), limit } };
}

/** Refuses, with one sentence naming the first file that differs, when any input changed since it was read. */
export async function assertUnchanged(fingerprints: readonly Fingerprint[]): Promise<void> {
  const now = fingerprints.map(({ path, limit }) => fileSha256(path, limit));
  const changed = fingerprints.find((fingerprint, i) => fingerprint.sha256 !== now[i]);
  if (changed) throw new BookError(`${changed.path} changed while Tierwise was working on it; nothing was written — run the command again.`);
}

/** The SHA-256 of the file as readInputFile reads it, streamed: no copy of the whole file is made. */
function fileSha256(path: string, limit: FileLimit): string | null {
  const hash = createHash('sha256');
  return readInputChunks(path, limit, (chunk) => hash.update(chunk)) ? hash.digest('hex') : null;
}
