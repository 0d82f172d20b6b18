import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type { StateStore } from '../../app/ports.js';
import { OWN_TABS } from '../../app/owned-columns.js';
import type { Settings } from '../../core/settings/schema.js';
import type { Table } from '../../core/table.js';
import { csvBookFiles, csvTableOf } from '../csv/index.js';
import { unguardOwnText } from '../csv/formula-guard.js';
import { keepingSheets, openXlsxBytes, readPackageTabs, workbookFormat, xlsxFile } from '../xlsx/index.js';
import { BookError } from './book-error.js';
import { assertUnchanged, type Fingerprint, readFingerprinted, type ReadFile, sha256 } from './fingerprint.js';
import { LocalState, STATE_FILE } from './local-state.js';
import { CSV_FILE_LIMIT, STATE_FILE_LIMIT, WORKBOOK_FILE_LIMIT } from '../limits.js';
import { MemoryWorkbook } from './memory-workbook.js';
import { realLocation } from './real-location.js';
import { commitFiles, type StagedFile } from './transaction.js';
import { isLoneCsvFile, loneCsvOutPath, openLoneCsvFile } from './lone-csv.js';
import { folderCsvFiles, isTextFileName } from './csv-file-names.js';

/** An .xlsm is an .xlsx with macros: read and written alike, saved under its own extension. */
export type BookKind = 'xlsx' | 'xlsm' | 'csv';

/**
 * A local book opened for one command: its tabs in memory, its state, and how to save it.
 * `save` commits every file it writes as one transaction (commitFiles), made from the
 * bytes read at open and only if every file read is still as it was (assertUnchanged).
 * The caller holds the book's lock (lockBook) from before the open to after the save.
 */
export interface LocalBook {
  readonly kind: BookKind;
  readonly path: string;
  readonly workbook: MemoryWorkbook;
  readonly state: StateStore;
  /** Resolves to sentences for stderr about how a file had to be written (a changed encoding), if any. */
  save(outPath: string): Promise<readonly string[]>;
  /** A sentence for stderr when the saved state did not read back (local-state.ts); null when it did. */
  stateNotice(): string | null;
}


/** A workbook file is whatever its bytes say it is, whatever its name. */
function workbookKind(path: string, bytes: Buffer | null): 'xlsx' | 'xlsm' {
  if (bytes === null) throw new BookError(`${path}: no such file or folder`);
  const format = workbookFormat(bytes);
  if ('refusal' in format) throw new BookError(`${path}: ${format.refusal}`);
  return format.format;
}

/** Where results go when neither --out nor --in-place is given (DESIGN §3). */
export function siblingOutPath(path: string, kind: BookKind): string {
  if (isLoneCsvFile(path)) return loneCsvOutPath(path);
  const clean = path.replace(/[\\/]+$/, '');
  if (kind === 'csv') return `${clean}.tierwise`;
  return join(dirname(clean), `${basename(clean, extname(clean))}.tierwise.${kind}`);
}

const ownTabNames = new Set<string>(Object.values(OWN_TABS));

/** `customerColumns`: the settings' mapping of the Customers tab, to find the Owner column a CSV book's guard covers. */
export async function openLocalBook(path: string, tabs: Settings['tabs'], customerColumns: Settings['columns']['customers'] = {}): Promise<LocalBook> {
  if (!existsSync(path)) throw new BookError(`${path}: no such file or folder`);
  if (isLoneCsvFile(path)) return openLoneCsvFile(path, tabs);
  if (statSync(path).isDirectory()) return openCsvFolder(path, tabs, customerColumns);
  // One read tells the format and gives the bytes parsed and fingerprinted.
  const read = await readFingerprinted(path, WORKBOOK_FILE_LIMIT);
  return openXlsx(path, workbookKind(path, read.bytes), tabs, read);
}

async function openXlsx(path: string, kind: 'xlsx' | 'xlsm', tabs: Settings['tabs'], read: ReadFile): Promise<LocalBook> {
  if (read.bytes === null) throw new BookError(`${path}: no such file or folder`);
  // The Customers tab is the one commands write into; the other tabs are only read.
  const pkg = keepingSheets(openXlsxBytes(read.bytes, path), [tabs.customers]);
  const wanted = [tabs.customers, tabs.deals, tabs.reps, OWN_TABS.log, OWN_TABS.state];
  const book = readPackageTabs(pkg, path, wanted);
  const stateTable = book.tables.get(OWN_TABS.state);
  book.tables.delete(OWN_TABS.state);
  const workbook = new MemoryWorkbook(book.tables.values(), ownTabNames);
  const state = LocalState.fromCells(stateTable ? [stateTable.header[0], ...stateTable.rows.map((r) => r[0])] : []);
  const fingerprints = [read.fingerprint];
  return {
    kind,
    path,
    workbook,
    state,
    stateNotice: () => state.notice(path),
    async save(outPath) {
      if (outPath !== path && extname(outPath).toLowerCase() !== `.${kind}`) {
        // Excel refuses a package whose extension disagrees with its content type.
        throw new BookError(`${outPath}: this book is an .${kind}${kind === 'xlsm' ? ' (it has macros)' : ''}, so its output must be named .${kind} too.`);
      }
      if (state.changed) for (const tab of state.xlsxTabs(new Date())) workbook.edits.ownTabs.set(tab.name, { rows: tab.rows, hidden: true });
      await commitBook(outPath, [await xlsxFile(pkg, outPath, workbook.edits)], fingerprints, false);
      return [];
    },
  };
}

/**
 * Commits a book's files once every file read is checked unchanged, then takes what was
 * written as what the book now holds, so a second save by the same process (the preview
 * saves after every call) is not refused over its own first one.
 */
export async function commitBook(outPath: string, files: readonly StagedFile[], fingerprints: Fingerprint[], folder: boolean): Promise<void> {
  await commitFiles(await realLocation(outPath), files, { beforeCommit: () => assertUnchanged(fingerprints), folder: folder ? outPath : undefined });
  const written = new Map(await Promise.all(files.map(async (file) => [await realLocation(file.target), file.bytes] as const)));
  for (const [i, fingerprint] of fingerprints.entries()) {
    const bytes = written.get(await realLocation(fingerprint.path));
    if (bytes !== undefined) fingerprints[i] = { ...fingerprint, sha256: sha256(bytes) };
  }
}

/**
 * A folder with neither customers.csv nor deals.csv cannot run any command; say which
 * files a CSV book is made of and which ones the folder has, since the usual mistake is an
 * export under its own name (orders.csv, export.csv).
 */
function missingBookFiles(path: string): string {
  const found = readdirSync(path).filter(isTextFileName).sort();
  return (
    `${path}: this folder has neither deals.csv nor customers.csv. A CSV book is a folder with deals.csv (one row per deal or order, ` +
    `with its customer), customers.csv (one row per customer; made from the deals when missing) and, to propose owners, reps.csv; ` +
    (found.length === 0 ? 'this one has no .csv, .tsv or .txt files.' : `this one has ${found.join(', ')} (or give Tierwise the export itself: tierwise score ${join(path, found[0])}).`)
  );
}

async function openCsvFolder(path: string, tabs: Settings['tabs'], customerColumns: Settings['columns']['customers']): Promise<LocalBook> {
  const files = folderCsvFiles(path, tabs);
  const reads = new Map(await Promise.all(Object.entries(files).map(async ([tab, file]) => [tab, await readFingerprinted(join(path, file), CSV_FILE_LIMIT)] as const)));
  const stateRead = await readFingerprinted(join(path, STATE_FILE), STATE_FILE_LIMIT);
  const tables: Table[] = [];
  for (const [tab, file] of Object.entries(files)) {
    const bytes = reads.get(tab)?.bytes ?? null;
    if (bytes === null) continue;
    // The deals are only read, once, so they are held by column; the other tabs are written to.
    const { table } = csvTableOf(bytes, tab, join(path, file), { ownTab: ownTabNames.has(tab), byColumn: tab === tabs.deals });
    if (ownTabNames.has(tab)) unguardOwnText(table, 'every column');
    else if (tab === tabs.customers) unguardOwnText(table, { ownerMapping: customerColumns });
    tables.push(table);
  }
  if (!tables.some((table) => table.tab === tabs.customers || table.tab === tabs.deals)) throw new BookError(missingBookFiles(path));
  const workbook = new MemoryWorkbook(tables, ownTabNames);
  const stateBytes = stateRead.bytes;
  const state = LocalState.fromJson(stateBytes === null ? null : stateBytes.toString('utf8'));
  const sources = new Map([...reads].map(([tab, read]) => [tab, read.bytes]));
  const fingerprints = [...reads.values(), stateRead].map((read) => read.fingerprint);
  return {
    kind: 'csv',
    path,
    workbook,
    state,
    stateNotice: () => state.notice(path),
    async save(outPath) {
      const inPlace = (await realLocation(outPath)) === (await realLocation(path));
      // Elsewhere, a file the output folder already has for a tab is the one replaced, so
      // that folder never ends up with two files for one tab.
      const { files: staged, notices } = csvBookFiles(sources, outPath, inPlace ? files : folderCsvFiles(outPath, tabs, files), workbook.edits, !inPlace);
      const target = join(outPath, STATE_FILE);
      if (state.changed) {
        for (const file of state.csvFiles(new Date())) {
          const bytes = Buffer.from(file.text);
          staged.push({ target: join(outPath, file.name), bytes, check: file.name === STATE_FILE ? (b) => JSON.parse(Buffer.from(b).toString('utf8')) : undefined });
        }
      } else if (!inPlace && stateBytes !== null) staged.push({ target, bytes: stateBytes });
      await commitBook(outPath, staged, fingerprints, true);
      return notices;
    },
  };
}
