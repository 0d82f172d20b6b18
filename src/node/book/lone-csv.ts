import { statSync } from 'node:fs';
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { OWN_TABS } from '../../app/owned-columns.js';
import type { Settings } from '../../core/settings/schema.js';
import { readCsvTable, writeCsvBook } from '../csv/index.js';
import { BookError, type LocalBook, csvFiles } from './local-book.js';
import { MemoryWorkbook } from './memory-workbook.js';

/** Names a saved export goes by: Excel's and the shops' `.csv`, tab-separated `.tsv`, Excel's "Text" `.txt`. */
const TEXT_EXTENSIONS = new Set(['.csv', '.tsv', '.txt']);

/**
 * One CSV file given as the book (`tierwise score orders.csv`, issue 10 item 1): an export
 * is the Deals tab of a book that has nothing else. Told by its name, since a CSV named
 * `.xlsx` is refused as the README says.
 */
export function isLoneCsvFile(path: string): boolean {
  return TEXT_EXTENSIONS.has(extname(path).toLowerCase()) && statSync(path).isFile();
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
  const read = await readCsvTable(path, tabs.deals);
  if (!read) throw new BookError(`${path}: no such file or folder`);
  const workbook = new MemoryWorkbook([read.table], new Set(Object.values(OWN_TABS)));
  let state: unknown = null;
  return {
    kind: 'csv',
    path,
    workbook,
    state: { load: () => state, save: (s) => (state = s) },
    async save(outPath) {
      if (resolve(outPath) === resolve(path)) {
        throw new BookError(`${path}: one CSV file cannot take the results in place (they are a folder: customers.csv beside the deals); leave out --in-place to write ${loneCsvOutPath(path)}, or give --out DIR.`);
      }
      const files = csvFiles(tabs);
      await mkdir(outPath, { recursive: true });
      await copyFile(path, join(outPath, files[tabs.deals]));
      await writeCsvBook(outPath, outPath, files, workbook.edits);
      if (state !== null) await writeFile(join(outPath, 'tw-state.json'), `${JSON.stringify(state)}\n`);
    },
  };
}
