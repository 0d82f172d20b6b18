// Benchmark books as .xlsx: the deterministic CSVs of ../shared/bench/gen_scale.py turned
// into a workbook with tabs Customers, Deals and Reps, and the time of a bare streaming
// read of its sheets (inflate + find every cell, no values, no tables), the floor that
// the "ratio to a bare streaming read" figure divides by.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createInflateRaw } from 'node:zlib';
import { Readable } from 'node:stream';
import { csvReader, importTs } from './bundle.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const TABS = [
  ['Customers', 'customers.csv'],
  ['Deals', 'deals.csv'],
  ['Reps', 'reps.csv'],
];

/** The .xlsx module, bundled on the fly so the script runs from a fresh checkout. */
function xlsxModule() {
  return importTs('xlsx', "export * from './src/node/xlsx/index.ts'; export { readZip } from './src/node/xlsx/zip-archive.ts';", 'node');
}


const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

export async function makeScaleXlsx(dir, nCustomers, nDeals) {
  const csvDir = mkdtempSync(join(tmpdir(), 'tierwise-csv-'));
  try {
    execFileSync('python3', [join(root, '../shared/bench/gen_scale.py'), csvDir, String(nCustomers), String(nDeals)]);
    const csvRows = await csvReader();
    const tabs = TABS.map(([name, file]) => ({
      name,
      rows: csvRows(readFileSync(join(csvDir, file), 'utf8')).map((row, r) =>
        r === 0 ? row : row.map((field) => (field === '' ? null : PLAIN_NUMBER.test(field) ? Number(field) : field)),
      ),
    }));
    const { createXlsx } = await xlsxModule();
    const path = join(dir, `scale-${nCustomers}-${nDeals}.xlsx`);
    await createXlsx(path, tabs);
    return path;
  } finally {
    rmSync(csvDir, { recursive: true, force: true });
  }
}

/** Milliseconds to stream-inflate every worksheet part and count its `<c` elements. */
export async function timeBareRead(path) {
  const { readZip } = await xlsxModule();
  const start = performance.now();
  const entries = readZip(readFileSync(path)).filter((e) => /^xl\/worksheets\/[^/]+\.xml$/.test(e.name));
  let cells = 0;
  for (const entry of entries) {
    let carry = 0;
    const inflate = Readable.from([entry.compressed]).pipe(createInflateRaw({ chunkSize: 1 << 18 }));
    for await (const chunk of inflate) {
      // A `<c` split across chunks: the last byte of the previous chunk was '<'.
      if (carry && chunk[0] === 0x63 && (chunk[1] === 0x20 || chunk[1] === 0x3e)) cells++;
      for (let at = chunk.indexOf(0x3c); at >= 0; at = chunk.indexOf(0x3c, at + 1)) {
        if (chunk[at + 1] === 0x63 && (chunk[at + 2] === 0x20 || chunk[at + 2] === 0x3e)) cells++;
      }
      carry = chunk[chunk.length - 1] === 0x3c ? 1 : 0;
    }
  }
  return { ms: performance.now() - start, cells };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dir = tmpdir(), customers = '50000', deals = '500000'] = process.argv.slice(2);
  const path = await makeScaleXlsx(dir, Number(customers), Number(deals));
  const bare = await timeBareRead(path);
  writeFileSync(1, `${path}\nbare streaming read: ${bare.ms.toFixed(0)} ms, ${bare.cells} cells\n`);
}
