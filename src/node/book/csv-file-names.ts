import { existsSync, readdirSync } from 'node:fs';
import { extname } from 'node:path';
import { OWN_TABS } from '../../app/owned-columns.js';
import type { Settings } from '../../core/settings/schema.js';
import { BookError } from './book-error.js';

/**
 * Names a saved table goes by: Excel's and the shops' `.csv`, tab-separated `.tsv`, and
 * `.txt`, Excel's "Text (Tab delimited)" and "Unicode Text" (UTF-16). What is inside is told
 * by the bytes (encoding.ts, format.ts), never by the extension.
 */
export const TEXT_EXTENSIONS = new Set(['.csv', '.tsv', '.txt']);

export function isTextFileName(name: string): boolean {
  return TEXT_EXTENSIONS.has(extname(name).toLowerCase());
}

/** File name of each tab in a new CSV book (DESIGN §3 "Local books"). */
function csvFiles(tabs: Settings['tabs']): Record<string, string> {
  return {
    [tabs.customers]: 'customers.csv',
    [tabs.deals]: 'deals.csv',
    [tabs.reps]: 'reps.csv',
    [OWN_TABS.log]: 'tw-log.csv',
    [OWN_TABS.dashboard]: 'tw-dashboard.csv',
  };
}

/**
 * The file of each tab in the folder `dir` as the user named it: `Customers.csv`,
 * `DEALS.CSV` and `reps.tsv` are the files of csvFiles' tabs, since people save files under
 * the names their tools and habits give, and Windows and macOS folders ignore case anyway.
 * A tab with no file there gets its name from `fallback` (csvFiles' own names by default).
 * Two files for one tab (`customers.csv` beside `Customers.tsv`) are refused: which one is
 * the book is the user's call, and reading either would ignore the other without a word.
 */
export function folderCsvFiles(dir: string, tabs: Settings['tabs'], fallback: Record<string, string> = csvFiles(tabs)): Record<string, string> {
  const names = folderEntries(dir).filter(isTextFileName);
  const files: Record<string, string> = {};
  for (const [tab, own] of Object.entries(csvFiles(tabs))) {
    const stem = stemOf(own);
    const found = names.filter((name) => stemOf(name).toLowerCase() === stem).sort();
    if (found.length > 1) {
      const listed = `${found.slice(0, -1).join(', ')} and ${found[found.length - 1]}`;
      throw new BookError(`${dir}: ${listed} ${found.length === 2 ? 'both hold' : 'all hold'} the ${tab} tab, so Tierwise cannot tell which is the book; keep one of them in the folder and run again.`);
    }
    files[tab] = found[0] ?? fallback[tab];
  }
  return files;
}

/** The names in a folder; none when it does not exist yet (a new --out). */
function folderEntries(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir) : [];
}

function stemOf(name: string): string {
  return name.slice(0, name.length - extname(name).length);
}
