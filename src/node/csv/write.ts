import { join } from 'node:path';
import type { Cell } from '../../core/table.js';
import type { BookEdits, TabEdits } from '../book/edits.js';
import { readFingerprinted } from '../book/fingerprint.js';
import { realLocation } from '../book/real-location.js';
import { CSV_FILE_LIMIT } from '../limits.js';
import { commitFiles, type StagedFile } from '../book/transaction.js';
import { csvEncodingOf, decodeCsvBytes, decodeCsvHead, decodeCsvStart, encodeCsvText, encodesBackExactly, UnwritableCharacter } from './encoding.js';
import { detectDelimiter, detectNewline, FORMAT_CHARS, newFileFormat, type CsvFormat } from './format.js';
import { FileBytes } from './file-bytes.js';
import { rewriteCsvChunks } from './rewrite.js';
import { cellText, quoteField, serializeCsv } from './serialize.js';
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
      const format = existing === null ? newFormat() : sourceFormat(existing);
      files.push(inItsEncoding(file, format, (f) => ({ target, bytes: serializeCsv(ownTab.rows, f), check: recordCountCheck(file, f, ownTab.rows.length) })));
    } else if (cells !== undefined && !cells.isEmpty) {
      const format = existing === null ? newFormat() : sourceFormat(existing);
      files.push(
        inItsEncoding(file, format, (f) => {
          const { bytes, records } = rewrittenCsv(existing, format.encoding, f, cells);
          return { target, bytes, check: recordCountCheck(file, f, records) };
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

/**
 * The file `source` (null: none yet; read as `sourceEncoding`) with `edits`, written in
 * `format`, and its number of records. Issue 13 item 3, "write only what changed": when the source is written in its
 * own encoding and its bytes are exactly what its text encodes back to (encodesBackExactly:
 * UTF-8, Windows-1252), the user's cells are never decoded. The bytes are read as Latin-1,
 * one character per byte, which rewriteCsvChunks splits as it splits text: the delimiter,
 * quotes and line breaks are ASCII, and no byte of a multi-byte UTF-8 character is. So each
 * record's own bytes are copied, and only the edited cells are encoded, as the same
 * one-character-per-byte text. A GB18030 or UTF-16 file, one whose UTF-8 after its byte
 * order mark is malformed, and a Windows-1252 file that must become UTF-8 to hold a cell
 * (inItsEncoding) are decoded, rewritten as text and encoded again, as before; both ways
 * write the same bytes wherever the first applies.
 */
function rewrittenCsv(source: Uint8Array | null, sourceEncoding: CsvFormat['encoding'], format: CsvFormat, edits: TabEdits): { bytes: Uint8Array; records: number } {
  const file = new FileBytes();
  const { encoding, delimiter } = format;
  let records: number;
  if (source !== null && sourceEncoding === encoding && encodesBackExactly(source, encoding)) {
    const mark = encodeCsvText('', encoding); // the byte order mark, or nothing
    const body = Buffer.from(source.buffer, source.byteOffset + mark.length, source.byteLength - mark.length);
    file.append(mark, 0);
    // Numbers, dates and booleans are ASCII, whose bytes are their characters in both encodings.
    const field = (cell: Cell) => {
      const text = quoteField(cellText(cell), delimiter);
      return typeof cell === 'string' && !ASCII.test(text) ? Buffer.from(encodeCsvText(text, encoding, false)).toString('latin1') : text;
    };
    records = rewriteCsvChunks(body.toString('latin1'), format, edits, (chunk, done) => file.append(chunk, done), field);
  } else {
    const text = source === null ? '' : decodeCsvBytes(source).text;
    let first = true;
    // The byte order mark, if any, goes before the first chunk only.
    records = rewriteCsvChunks(text, format, edits, (chunk, done) => {
      file.append(encodeCsvText(chunk, encoding, first), done);
      first = false;
    });
  }
  return { bytes: file.bytes(), records };
}

const ASCII = /^[\x00-\x7f]*$/;

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

/** The format of a file read whole, judged from as little of it as detection reads (FORMAT_CHARS). */
function sourceFormat(bytes: Uint8Array): CsvFormat {
  const encoding = csvEncodingOf(bytes);
  return formatOf({ text: decodeCsvStart(bytes, encoding, FORMAT_CHARS), encoding });
}

/** The format of the first existing file, judged from its head. */
function firstFormat(files: readonly (Uint8Array | null)[]): CsvFormat {
  const bytes = files.find((file) => file !== null);
  return bytes ? formatOf(decodeCsvHead(bytes, HEAD_BYTES)) : newFileFormat;
}
