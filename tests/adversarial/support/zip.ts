import { readFileSync, writeFileSync } from 'node:fs';
import { inflateEntry, readZip, writeZip, type ZipPart } from '../../../src/node/xlsx/zip-archive.js';

/**
 * Workbooks made wrong on purpose, at the zip level: parts rewritten, dropped or added
 * (deflated honestly), and central-directory fields patched to lie.
 */

/** The parts of a workbook file as text-or-bytes by name. */
export function parts(path: string): Map<string, Buffer> {
  return new Map(readZip(readFileSync(path)).map((entry) => [entry.name, inflateEntry(entry)]));
}

/** Rewrites the workbook at `path`: `change` returns a part's new content, or null to drop it. */
export function rewriteParts(path: string, change: (name: string, content: Buffer) => Buffer | string | null, add: Record<string, string | Buffer> = {}): void {
  const out: ZipPart[] = [];
  for (const [name, content] of parts(path)) {
    const changed = change(name, content);
    if (changed !== null) out.push({ name, content: Buffer.from(changed), dosTime: 0 });
  }
  for (const [name, content] of Object.entries(add)) out.push({ name, content: Buffer.from(content), dosTime: 0 });
  writeFileSync(path, writeZip(out));
}

/**
 * Offsets in the file of `part`'s central-directory record, local header and data, read
 * here without readZip (whose checks the bombs made here are meant to trip).
 */
export function recordsOf(file: Buffer, part: string): { central: number; local: number; dataAt: number; compressedSize: number } {
  const end = file.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = file.readUInt32LE(end + 16);
  for (let i = 0; i < file.readUInt16LE(end + 10); i++) {
    const nameLength = file.readUInt16LE(at + 28);
    if (file.toString('utf8', at + 46, at + 46 + nameLength) === part) {
      const local = file.readUInt32LE(at + 42);
      const dataAt = local + 30 + file.readUInt16LE(local + 26) + file.readUInt16LE(local + 28);
      return { central: at, local, dataAt, compressedSize: file.readUInt32LE(at + 20) };
    }
    at += 46 + nameLength + file.readUInt16LE(at + 30) + file.readUInt16LE(at + 32);
  }
  throw new Error(`no part ${part}`);
}

/** Sets the uncompressed size that the central directory declares for `part` (APPNOTE 4.3.12, offset 24). */
export function declareSize(path: string, part: string, size: number): void {
  const file = readFileSync(path);
  file.writeUInt32LE(size, recordsOf(file, part).central + 24);
  writeFileSync(path, file);
}
