import { statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { OWN_TABS } from '../../app/owned-columns.js';
import type { Settings } from '../../core/settings/schema.js';
import { csvBookFiles, csvTableOf } from '../csv/index.js';
import { CSV_FILE_LIMIT } from '../limits.js';
import { BookError } from './book-error.js';
import { readFingerprinted } from './fingerprint.js';
import { folderCsvFiles, isTextFileName } from './csv-file-names.js';
import { type LocalBook, commitBook } from './local-book.js';
import { MemoryWorkbook } from './memory-workbook.js';

/**
 * One CSV file given as the book (`tierwise score orders.csv`, issue 10 item 1): an export
 * is the Deals tab of a book that has nothing else. Told by its name, since a CSV named
 * `.xlsx` is refused as the README says.
 */
export function isLoneCsvFile(path: string): boolean {
  return isTextFileName(path) && statSync(path).isFile();
}

/** `orders.csv` → `orders.tierwise/`: the results are a CSV book, a folder. */
export function loneCsvOutPath(path: string): string {
  return join(dirname(path), `${basename(path, extname(path))}.tierwise`);
}

/**
 * The file is read as the Deals tab; saving writes a CSV book into the output folder: a
 * copy of the file as deals.csv (byte for byte), the customers.csv made from it and our own
 * files beside them, so `tierwise score orders.tierwise/` runs on it next time. The file
 * itself is never written: its results do not fit in one CSV.
 */
export async function openLoneCsvFile(path: string, tabs: Settings['tabs']): Promise<LocalBook> {
  const read = await readFingerprinted(path, CSV_FILE_LIMIT);
  if (read.bytes === null) throw new BookError(`${path}: no such file or folder`);
  const { table } = csvTableOf(read.bytes, tabs.deals, path, { byColumn: true });
  const workbook = new MemoryWorkbook([table], new Set(Object.values(OWN_TABS)));
  const fingerprints = [read.fingerprint];
  let state: unknown = null;
  return {
    kind: 'csv',
    path,
    workbook,
    state: { load: () => state, save: (s) => (state = s) },
    // A lone file has no saved state to be unreadable: its state lives in the output folder.
    stateNotice: () => null,
    async save(outPath) {
      if (resolve(outPath) === resolve(path)) {
        throw new BookError(`${path}: one CSV file cannot take the results in place (they are a folder: customers.csv beside the deals); leave out --in-place to write ${loneCsvOutPath(path)}, or give --out DIR.`);
      }
      const files = folderCsvFiles(outPath, tabs);
      const { files: staged, notices } = csvBookFiles(new Map([[tabs.deals, read.bytes]]), outPath, files, workbook.edits, true);
      if (state !== null) staged.push({ target: join(outPath, 'tw-state.json'), bytes: Buffer.from(`${JSON.stringify(state)}\n`) });
      await commitBook(outPath, staged, fingerprints, true);
      return notices;
    },
  };
}
