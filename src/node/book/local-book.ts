import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import type { StateStore } from '../../app/ports.js';
import { OWN_TABS } from '../../app/owned-columns.js';
import { stateFromChunks, stateToChunks } from '../../app/state-text.js';
import type { Settings } from '../../core/settings/schema.js';
import type { Table } from '../../core/table.js';
import { readCsvTable, writeCsvBook } from '../csv/index.js';
import { unguardOwnText } from '../csv/formula-guard.js';
import { readXlsx, workbookFormat, writeXlsx } from '../xlsx/index.js';
import { MemoryWorkbook } from './memory-workbook.js';
import { isLoneCsvFile, loneCsvOutPath, openLoneCsvFile } from './lone-csv.js';

/** An .xlsm is an .xlsx with macros: read and written alike, saved under its own extension. */
export type BookKind = 'xlsx' | 'xlsm' | 'csv';

/** A local book opened for one command: its tabs in memory, its state, and how to save it. */
export interface LocalBook {
  readonly kind: BookKind;
  readonly path: string;
  readonly workbook: MemoryWorkbook;
  readonly state: StateStore;
  save(outPath: string): Promise<void>;
}

export class BookError extends Error {}

const STATE_FILE = 'tw-state.json';

/** A folder is a CSV book; a file is whatever its bytes say it is, whatever its name. */
export function bookKind(path: string): BookKind {
  if (statSync(path).isDirectory()) return 'csv';
  const format = workbookFormat(readFileSync(path));
  if ('refusal' in format) throw new BookError(`${path}: ${format.refusal}`);
  return format.format;
}

/** Where results go when neither --out nor --in-place is given (DESIGN §3). */
export function siblingOutPath(path: string): string {
  if (isLoneCsvFile(path)) return loneCsvOutPath(path);
  const clean = path.replace(/[\\/]+$/, '');
  const kind = bookKind(path);
  if (kind === 'csv') return `${clean}.tierwise`;
  return join(dirname(clean), `${basename(clean, extname(clean))}.tierwise.${kind}`);
}

/** File name of each tab in a CSV folder (DESIGN §3 "Local books"). */
export function csvFiles(tabs: Settings['tabs']): Record<string, string> {
  return {
    [tabs.customers]: 'customers.csv',
    [tabs.deals]: 'deals.csv',
    [tabs.reps]: 'reps.csv',
    [OWN_TABS.log]: 'tw-log.csv',
    [OWN_TABS.dashboard]: 'tw-dashboard.csv',
  };
}

const ownTabNames = new Set<string>(Object.values(OWN_TABS));

/** `customerColumns`: the settings' mapping of the Customers tab, to find the Owner column a CSV book's guard covers. */
export async function openLocalBook(path: string, tabs: Settings['tabs'], customerColumns: Settings['columns']['customers'] = {}): Promise<LocalBook> {
  if (!existsSync(path)) throw new BookError(`${path}: no such file or folder`);
  if (isLoneCsvFile(path)) return openLoneCsvFile(path, tabs);
  const kind = bookKind(path);
  return kind === 'csv' ? openCsvFolder(path, tabs, customerColumns) : openXlsx(path, kind, tabs);
}

async function openXlsx(path: string, kind: 'xlsx' | 'xlsm', tabs: Settings['tabs']): Promise<LocalBook> {
  const wanted = [tabs.customers, tabs.deals, tabs.reps, OWN_TABS.log, OWN_TABS.state];
  const book = await readXlsx(path, wanted);
  const stateTable = book.tables.get(OWN_TABS.state);
  book.tables.delete(OWN_TABS.state);
  const workbook = new MemoryWorkbook(book.tables.values(), ownTabNames);
  let state: unknown = stateTable ? stateFromChunks([stateTable.header[0], ...stateTable.rows.map((r) => r[0])]) : null;
  let stateChanged = false;
  return {
    kind,
    path,
    workbook,
    state: { load: () => state, save: (s) => ((state = s), (stateChanged = true)) },
    async save(outPath) {
      if (outPath !== path && extname(outPath).toLowerCase() !== `.${kind}`) {
        // Excel refuses a package whose extension disagrees with its content type.
        throw new BookError(`${outPath}: this book is an .${kind}${kind === 'xlsm' ? ' (it has macros)' : ''}, so its output must be named .${kind} too.`);
      }
      if (stateChanged) {
        workbook.edits.ownTabs.set(OWN_TABS.state, { rows: stateToChunks(state).map((chunk) => [chunk]), hidden: true });
      }
      await writeXlsx(path, outPath, workbook.edits);
    },
  };
}

/**
 * A folder with neither customers.csv nor deals.csv cannot run any command; say which
 * files a CSV book is made of and which ones the folder has, since the usual mistake is an
 * export under its own name (orders.csv, export.csv).
 */
function missingBookFiles(path: string): string {
  const found = readdirSync(path).filter((name) => name.toLowerCase().endsWith('.csv')).sort();
  return (
    `${path}: this folder has neither deals.csv nor customers.csv. A CSV book is a folder with deals.csv (one row per deal or order, ` +
    `with its customer), customers.csv (one row per customer; made from the deals when missing) and, to propose owners, reps.csv; ` +
    (found.length === 0 ? 'this one has no .csv files.' : `this one has ${found.join(', ')} (or give Tierwise the export itself: tierwise score ${join(path, found[0])}).`)
  );
}

async function openCsvFolder(path: string, tabs: Settings['tabs'], customerColumns: Settings['columns']['customers']): Promise<LocalBook> {
  const files = csvFiles(tabs);
  const tables: Table[] = [];
  for (const [tab, file] of Object.entries(files)) {
    const read = await readCsvTable(join(path, file), tab);
    if (!read) continue;
    if (ownTabNames.has(tab)) unguardOwnText(read.table, 'every column');
    else if (tab === tabs.customers) unguardOwnText(read.table, { ownerMapping: customerColumns });
    tables.push(read.table);
  }
  if (!tables.some((table) => table.tab === tabs.customers || table.tab === tabs.deals)) throw new BookError(missingBookFiles(path));
  const workbook = new MemoryWorkbook(tables, ownTabNames);
  const statePath = join(path, STATE_FILE);
  let state: unknown = existsSync(statePath) ? JSON.parse(await readFile(statePath, 'utf8')) : null;
  let stateChanged = false;
  return {
    kind: 'csv',
    path,
    workbook,
    state: { load: () => state, save: (s) => ((state = s), (stateChanged = true)) },
    async save(outPath) {
      await writeCsvBook(path, outPath, files, workbook.edits);
      const target = join(outPath, STATE_FILE);
      if (stateChanged) {
        await mkdir(outPath, { recursive: true });
        await writeFile(target, `${JSON.stringify(state)}\n`);
      } else if (outPath !== path && existsSync(statePath)) {
        await writeFile(target, await readFile(statePath));
      }
    },
  };
}
