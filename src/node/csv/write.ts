import { copyFile, mkdir, open, readFile, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { BookEdits } from '../book/edits.js';
import { decodeCsvBytes, encodeCsvText } from './encoding.js';
import { detectDelimiter, detectNewline, newFileFormat, type CsvFormat } from './format.js';
import { rewriteCsvChunks } from './rewrite.js';
import { serializeCsv } from './serialize.js';

/** Enough of a file to judge its format (see detectDelimiter). */
const HEAD_BYTES = 64 * 1024;

/**
 * Writes a CSV book to `outDir`: for each tab in `tabFiles` (tab name → file name), our own
 * tabs whole, tabs with cell edits rewritten field by field (rewriteCsvText), and every
 * other file copied byte for byte, or left alone when writing in place. Each file keeps the
 * encoding, BOM, delimiter and line breaks it was read with; a new file takes the format of
 * the book's first existing file, or Excel's "CSV UTF-8" when there is none.
 *
 * Files are replaced by rename, so an interrupted run never leaves a half-written
 * customers.csv behind. Files not named in `tabFiles` (such as tw-state.json) are the
 * caller's.
 */
export async function writeCsvBook(
  sourceDir: string | null,
  outDir: string,
  tabFiles: Record<string, string>,
  edits: BookEdits,
): Promise<void> {
  for (const tab of edits.cells.keys()) {
    if (!Object.hasOwn(tabFiles, tab)) throw new Error(`Cells of tab "${tab}" were edited, but the book has no file for it`);
  }
  await mkdir(outDir, { recursive: true });
  const sourcePaths = Object.values(tabFiles).map((file) => (sourceDir === null ? null : join(sourceDir, file)));
  const inPlace = sourceDir !== null && resolve(sourceDir) === resolve(outDir);
  let bookFormat: CsvFormat | null = null;
  const newFormat = async (): Promise<CsvFormat> => (bookFormat ??= await firstFormat(sourcePaths));

  for (const [tab, file] of Object.entries(tabFiles)) {
    const source = sourceDir === null ? null : join(sourceDir, file);
    const target = join(outDir, file);
    const ownTab = edits.ownTabs.get(tab);
    const cells = edits.cells.get(tab);
    if (ownTab !== undefined) {
      const existing = source === null ? null : await readIfExists(source);
      const format = existing === null ? await newFormat() : formatOf(decodeCsvBytes(existing));
      const bytes = serializeCsv(ownTab.rows, format);
      await replaceFile(target, (temporary) => writeFile(temporary, bytes));
    } else if (cells !== undefined && !cells.isEmpty) {
      const existing = source === null ? null : await readIfExists(source);
      const decoded = existing === null ? null : decodeCsvBytes(existing);
      const format = decoded === null ? await newFormat() : formatOf(decoded);
      const chunks: Uint8Array[] = [];
      // The byte order mark, if any, goes before the first chunk only.
      const bodyEncoding = format.encoding === 'utf-8-bom' ? 'utf-8' : format.encoding;
      rewriteCsvChunks(decoded?.text ?? '', format, cells, (chunk) =>
        chunks.push(encodeCsvText(chunk, chunks.length === 0 ? format.encoding : bodyEncoding)),
      );
      await replaceFile(target, (temporary) => writeFile(temporary, Buffer.concat(chunks)));
    } else if (source !== null && !inPlace) {
      await copyIfExists(source, target);
    }
  }
}

function formatOf({ text, encoding }: { text: string; encoding: CsvFormat['encoding'] }): CsvFormat {
  const delimiter = detectDelimiter(text);
  return { encoding, delimiter, newline: detectNewline(text, delimiter) };
}

/**
 * The format of the first existing file, judged from its head cut after a line feed (0x0A
 * is never part of a multi-byte character in UTF-8 or GB18030).
 */
async function firstFormat(paths: readonly (string | null)[]): Promise<CsvFormat> {
  for (const path of paths) {
    const head = path === null ? null : await readIfExists(path, HEAD_BYTES + 1);
    if (head === null) continue;
    const lastLineFeed = head.lastIndexOf(0x0a);
    const whole = head.length <= HEAD_BYTES || lastLineFeed < 0;
    return formatOf(decodeCsvBytes(whole ? head : head.subarray(0, lastLineFeed + 1)));
  }
  return newFileFormat;
}

/** The file's bytes (only the first `limit` when given), or null when it does not exist. */
async function readIfExists(path: string, limit?: number): Promise<Uint8Array | null> {
  try {
    if (limit === undefined) return await readFile(path);
    const handle = await open(path, 'r');
    try {
      const buffer = new Uint8Array(limit);
      const { bytesRead } = await handle.read(buffer, 0, limit, 0);
      return buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

async function copyIfExists(source: string, target: string): Promise<void> {
  try {
    await replaceFile(target, (temporary) => copyFile(source, temporary));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/** Writes the new content beside `target` and renames it over the target. */
async function replaceFile(target: string, writeTo: (temporary: string) => Promise<void>): Promise<void> {
  const temporary = `${target}.${process.pid}.tmp`;
  await writeTo(temporary);
  await rename(temporary, target);
}
