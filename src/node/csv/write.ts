import { join } from 'node:path';
import type { BookEdits } from '../book/edits.js';
import { readFingerprinted } from '../book/fingerprint.js';
import { realLocation } from '../book/real-location.js';
import { CSV_FILE_LIMIT } from '../limits.js';
import { commitFiles, type StagedFile } from '../book/transaction.js';
import { decodeCsvBytes, decodeCsvHead, encodeCsvText, UnwritableCharacter } from './encoding.js';
import { detectDelimiter, detectNewline, newFileFormat, type CsvFormat } from './format.js';
import { rewriteCsvChunks } from './rewrite.js';
import { serializeCsv } from './serialize.js';
import { recordSpans } from './tokenize.js';

/** Enough of a file to judge its format (see detectDelimiter). */
const HEAD_BYTES = 64 * 1024;

/**
 * The files of a CSV book written to `outDir`: for each tab in `tabFiles` (tab name → file
 * name), our own tabs whole, tabs with cell edits rewritten field by field
 * (rewriteCsvChunks), and, when `copyUnchanged`, every other file as the same bytes. Each
 * file keeps the encoding, BOM, delimiter and line breaks it was read with; a new file
 * takes the format of the book's first existing file, or Excel's "CSV UTF-8" when there is
 * none. `sources` holds each tab's file's bytes as the command read them (null: no such
 * file), or is null for a new book: the files are made from those bytes, never read again, so a
 * file replaced meanwhile cannot receive edits meant for another. Each rewritten file is
 * checked by reading it back with our own tokenizer: it must hold the number of records
 * written. Files not named in `tabFiles` (such as tw-state.json) are the caller's.
 */
export function csvBookFiles(
  sources: ReadonlyMap<string, Uint8Array | null> | null,
  outDir: string,
  tabFiles: Record<string, string>,
  edits: BookEdits,
  copyUnchanged: boolean,
): { files: StagedFile[]; notices: string[] } {
  for (const tab of edits.cells.keys()) {
    if (!Object.hasOwn(tabFiles, tab)) throw new Error(`Cells of tab "${tab}" were edited, but the book has no file for it`);
  }
  const source = (tab: string) => sources?.get(tab) ?? null;
  let bookFormat: CsvFormat | null = null;
  const newFormat = (): CsvFormat => (bookFormat ??= firstFormat(Object.keys(tabFiles).map(source)));
  const files: StagedFile[] = [];
  const notices: string[] = [];
  // A Windows-1252 file that must take a character it has no byte for (a rep named 王伟)
  // is written as Excel's "CSV UTF-8" instead: a "?" in its place would lose the name.
  const inItsEncoding = (file: string, format: CsvFormat, write: (format: CsvFormat) => StagedFile): StagedFile => {
    try {
      return write(format);
    } catch (error) {
      if (!(error instanceof UnwritableCharacter)) throw error;
      notices.push(`${file} was saved in Windows-1252 (Excel's "CSV (Comma delimited)"), which cannot hold "${error.character}": it is now written as UTF-8 with a byte order mark (Excel's "CSV UTF-8"), which Excel opens alike; every other cell is as it was.`);
      return write({ ...format, encoding: 'utf-8-bom' });
    }
  };

  for (const [tab, file] of Object.entries(tabFiles)) {
    const target = join(outDir, file);
    const existing = source(tab);
    const ownTab = edits.ownTabs.get(tab);
    const cells = edits.cells.get(tab);
    if (ownTab !== undefined) {
      const format = existing === null ? newFormat() : formatOf(decodeCsvBytes(existing));
      files.push(inItsEncoding(file, format, (f) => ({ target, bytes: serializeCsv(ownTab.rows, f), check: recordCountCheck(file, f, ownTab.rows.length) })));
    } else if (cells !== undefined && !cells.isEmpty) {
      const decoded = existing === null ? null : decodeCsvBytes(existing);
      const format = decoded === null ? newFormat() : formatOf(decoded);
      files.push(
        inItsEncoding(file, format, (f) => {
          const chunks: Uint8Array[] = [];
          // The byte order mark, if any, goes before the first chunk only.
          const records = rewriteCsvChunks(decoded?.text ?? '', f, cells, (chunk) => chunks.push(encodeCsvText(chunk, f.encoding, chunks.length === 0)));
          return { target, bytes: Buffer.concat(chunks), check: recordCountCheck(file, f, records) };
        }),
      );
    } else if (existing !== null && copyUnchanged) {
      files.push({ target, bytes: existing });
    }
  }
  return { files, notices };
}

/**
 * Writes a CSV book from the files in `sourceDir` (null: a new book) to `outDir` as one
 * transaction (commitFiles): all files replaced together or none.
 */
export async function writeCsvBook(sourceDir: string | null, outDir: string, tabFiles: Record<string, string>, edits: BookEdits): Promise<void> {
  const sources =
    sourceDir === null
      ? null
      : new Map(await Promise.all(Object.entries(tabFiles).map(async ([tab, file]) => [tab, (await readFingerprinted(join(sourceDir, file), CSV_FILE_LIMIT)).bytes] as const)));
  const location = await realLocation(outDir);
  const inPlace = sourceDir !== null && (await realLocation(sourceDir)) === location;
  await commitFiles(location, csvBookFiles(sources, outDir, tabFiles, edits, !inPlace).files, { folder: outDir });
}

/** The writer's check of a CSV file: read back with our own tokenizer, it holds the records written. */
function recordCountCheck(file: string, format: CsvFormat, expected: number): (bytes: Uint8Array) => void {
  return (bytes) => {
    const records = recordSpans(decodeCsvBytes(bytes).text, format.delimiter).length / 2;
    if (records !== expected) throw new Error(`${file} reads back as ${records} rows, not the ${expected} written`);
  };
}

function formatOf({ text, encoding }: { text: string; encoding: CsvFormat['encoding'] }): CsvFormat {
  const delimiter = detectDelimiter(text);
  return { encoding, delimiter, newline: detectNewline(text, delimiter) };
}

/** The format of the first existing file, judged from its head. */
function firstFormat(files: readonly (Uint8Array | null)[]): CsvFormat {
  const bytes = files.find((file) => file !== null);
  return bytes ? formatOf(decodeCsvHead(bytes, HEAD_BYTES)) : newFileFormat;
}
