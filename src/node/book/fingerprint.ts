import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
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
}

/** A file's bytes and their fingerprint; bytes are null when the file does not exist. */
export interface ReadFile {
  readonly bytes: Buffer | null;
  readonly fingerprint: Fingerprint;
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Reads a file once, for both its parser and its fingerprint. */
export async function readFingerprinted(path: string): Promise<ReadFile> {
  const bytes = await readIfExists(path);
  return { bytes, fingerprint: { path, sha256: bytes === null ? null : sha256(bytes) } };
}

/** Refuses, with one sentence naming the first file that differs, when any input changed since it was read. */
export async function assertUnchanged(fingerprints: readonly Fingerprint[]): Promise<void> {
  const now = await Promise.all(fingerprints.map(async ({ path }) => (await readFingerprinted(path)).fingerprint.sha256));
  const changed = fingerprints.find((fingerprint, i) => fingerprint.sha256 !== now[i]);
  if (changed) throw new BookError(`${changed.path} changed while Tierwise was working on it; nothing was written — run the command again.`);
}

async function readIfExists(path: string): Promise<Buffer | null> {
  try {
    return await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
