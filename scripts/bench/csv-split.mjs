// Time to read, decode and split one CSV file the way `tierwise score` reads a CSV book
// (readCsvTable: bytes → text → delimiter → records → table; a deals file by column, as
// text and field offsets). Used by the bench runner and runnable alone:
// `node scripts/bench/csv-split.mjs FILE [FILE…]` (each read by column when named deals.csv).
import { basename, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importTs } from './bundle.mjs';

/** The CSV module bundled on the fly, so the script runs from a fresh checkout. */
const csvModule = () => importTs('csv-split', "export { readCsvTable } from './src/node/csv/read.ts';", 'node');

let loaded;

/** Milliseconds to read, decode and split `path` into a table, with the rows found. */
export async function timeCsvSplit(path) {
  loaded ??= await csvModule();
  const byColumn = basename(path) === 'deals.csv';
  const started = performance.now();
  const read = await loaded.readCsvTable(path, 'Bench', { byColumn });
  const ms = performance.now() - started;
  if (read === null) throw new Error(`${path} does not exist`);
  return { ms, rows: byColumn ? read.table.cells.rowCount : read.table.rows.length, format: read.format };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const paths = process.argv.slice(2);
  if (paths.length === 0) {
    console.error('usage: node scripts/bench/csv-split.mjs FILE [FILE…]');
    process.exit(2);
  }
  for (const path of paths) {
    const { ms, rows, format } = await timeCsvSplit(path);
    console.log(`${path}: ${rows.toLocaleString('en')} rows in ${ms.toFixed(0)} ms (${format.encoding}, ${JSON.stringify(format.delimiter)})`);
  }
}
