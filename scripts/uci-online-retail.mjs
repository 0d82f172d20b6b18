// The worked example of issue 10: the UCI Online Retail invoices (541,909 lines, 2010-12-01
// to 2011-12-09; https://archive.ics.uci.edu/dataset/352/online+retail, CC BY 4.0) given to
// the real command as one CSV file, its deals, with no Customers tab and no settings.
//
//   npm run build && node scripts/uci-online-retail.mjs FILE [--as-of YYYY-MM-DD]
//
// FILE is the invoices as CSV (InvoiceNo, StockCode, Description, Quantity, InvoiceDate,
// UnitPrice, CustomerID, Country), or as the .parquet copy many analysis repositories keep,
// which is turned into CSV first with DuckDB (the @duckdb/node-api devDependency). The data
// is not in this repository: keep it outside it. Prints what the README's worked example
// quotes: rows, customers made from the deals, tiers and their shares, refund rows, customers
// whose refunds leave them at 0 or less, rows with a missing or placeholder id, and time.
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const root = resolve(import.meta.dirname, '..');
const cli = join(root, 'dist/tierwise.mjs');
// The day of the last invoice: the data's own "today".
const LAST_INVOICE_DAY = '2011-12-09';

const { values, positionals } = parseArgs({ options: { 'as-of': { type: 'string', default: LAST_INVOICE_DAY } }, allowPositionals: true });
if (positionals.length !== 1) throw new Error('usage: node scripts/uci-online-retail.mjs FILE.csv|FILE.parquet [--as-of YYYY-MM-DD]');
if (!existsSync(cli)) throw new Error('dist/tierwise.mjs is missing: run `npm run build` first');
const work = mkdtempSync(join(tmpdir(), 'tierwise-uci-'));

try {
  const csv = positionals[0].endsWith('.parquet') ? await parquetToCsv(resolve(positionals[0]), work) : resolve(positionals[0]);
  const rows = await countRecords(csv);
  const started = process.hrtime.bigint();
  const out = execFileSync(process.execPath, [cli, 'score', csv, '--out', join(work, 'out'), '--as-of', values['as-of'], '--json'], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const summary = JSON.parse(out);

  const n = (x) => x.toLocaleString('en-US');
  const share = (x) => `${((100 * x) / summary.customers).toFixed(1)}%`;
  const { A, B, C } = summary.tiers;
  const lines = [
    `UCI Online Retail, ${basename(csv)}, as of ${summary.asOf}: \`tierwise score\` on the invoices alone`,
    `rows                        ${n(rows)}`,
    `customers derived           ${n(summary.customersDerived?.customers ?? 0)} (from ${Object.values(summary.customersDerived?.from ?? {}).join(', ')})`,
    `orders (invoices) merged    ${n(summary.deals.linesMerged + summary.deals.ordersMerged)} lines into ${n(summary.deals.ordersMerged)} orders`,
    `scored on                   ${summary.score.dimensions.map((d) => `${d.label} ${d.weight}`).join(', ')}${summary.score.fromDeals ? ' (from the deals)' : ''}`,
    `tiers A / B / C             ${n(A)} / ${n(B)} / ${n(C)} = ${share(A)} / ${share(B)} / ${share(C)}`,
    `refund rows                 ${n(summary.deals.refunds)}`,
    `customers with net <= 0     ${n(summary.deals.netSpendAtOrBelowZero)}`,
    `rows with no customer id    ${n(summary.deals.missingIds)} (blank or a placeholder such as (blank) or N/A)`,
    `CLV model reliable          ${summary.clv ? summary.clv.reliable : 'not computed'}`,
    `time                        ${seconds.toFixed(1)} s for the command (read, score, write)`,
  ];
  console.log(lines.join('\n'));
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** The .parquet copy as CSV, the way a user's export would look (ids written 17850.0). */
async function parquetToCsv(parquet, dir) {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const connection = await (await DuckDBInstance.create(':memory:')).connect();
  const csv = join(dir, `${basename(parquet, '.parquet')}.csv`);
  const quoted = (path) => `'${path.replaceAll("'", "''")}'`;
  await connection.run(`COPY (SELECT * FROM read_parquet(${quoted(parquet)})) TO ${quoted(csv)} (HEADER, DELIMITER ',')`);
  return csv;
}

/** Data rows of a CSV file: line ends outside quotes, less the header line. */
async function countRecords(path) {
  let records = 0;
  let quoted = false;
  let last = 10;
  for await (const chunk of createReadStream(path)) {
    for (const byte of chunk) {
      if (byte === 34) quoted = !quoted;
      else if (byte === 10 && !quoted) records++;
      last = byte;
    }
  }
  if (last !== 10) records++;
  return records - 1;
}
