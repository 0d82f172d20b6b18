import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Summary } from '../../src/app/summary.js';
import { OWNED } from '../../src/app/owned-columns.js';
import { runCli } from '../../src/node/commands.js';
import { readCsvTable } from '../../src/node/csv/index.js';
import { createXlsx, readXlsx } from '../../src/node/xlsx/index.js';
import type { Cell } from '../../src/core/table.js';

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) } });
  return { code, stdout, stderr };
}

const tmp = () => mkdtempSync(join(tmpdir(), 'tierwise-cli-'));

describe('tierwise demo (npm start)', () => {
  it('writes the demo book and prints tiers, segments, top customers with why, and the issues', () => {
    const dir = tmp();
    const out = execFileSync(process.execPath, ['dist/tierwise.mjs', 'demo', '--dir', dir], { encoding: 'utf8' });
    expect(out).toMatch(/Tiers\s+A \d+ · B \d+ · C \d+/);
    expect(out).toMatch(/Segments\s+.*Champions/);
    expect(out).toMatch(/Top customers\n\s+C\d{4}/);
    expect(out).toMatch(/why: high historical revenue/);
    expect(out).toMatch(/Customers row 8, Historical Revenue: 'about 5k' is not a number; left blank/);
    expect(existsSync(join(dir, 'tierwise-demo.tierwise.xlsx'))).toBe(true);
  });

  it('is deterministic: the same summary every time', async () => {
    const a = await cli('demo', '--dir', tmp(), '--json');
    const b = await cli('demo', '--dir', tmp(), '--json');
    const strip = (s: string) => ({ ...JSON.parse(s), output: null });
    expect(strip(a.stdout)).toEqual(strip(b.stdout));
    expect(Summary.parse(JSON.parse(a.stdout)).customers).toBe(498);
  });
});

describe('tierwise score', () => {
  it('scores the rfm-orders book (a CSV folder) and prints only JSON with --json', async () => {
    const dir = rfmOrdersBook();
    const result = await cli('score', dir, '--as-of', '2006-12-31', '--json');
    expect(result.code).toBe(0);
    const summary = Summary.parse(JSON.parse(result.stdout));
    expect(summary.customers).toBe(995);
    expect(summary.issues).toEqual([]);
    expect(summary.segments['No purchases']).toBeUndefined();
    expect(Object.values(summary.segments).reduce((a, b) => a + b, 0)).toBe(995);
    const scored = (await readCsvTable(join(`${dir}.tierwise`, 'customers.csv'), 'Customers'))!.table;
    const col = (h: string) => scored.header.indexOf(h);
    const orders = readFileSync('../shared/datasets/rfm-orders/orders.csv', 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
    const brion = orders.filter((o) => o[0] === 'Brion Stark');
    const row = scored.rows.find((r) => r[0] === 'Brion Stark')!;
    expect(Number(row[col(OWNED.frequency)])).toBe(brion.length);
    expect(Number(row[col(OWNED.monetary)])).toBe(brion.reduce((s, o) => s + Number(o[2]), 0));
  });

  it('handles a messy book: clear issues, every cell of the user kept', async () => {
    const dir = tmp();
    const book = join(dir, 'messy.xlsx');
    const customers: Cell[][] = [
      ['客户编号', 'Company', 'Revenue', 'Revenue', 'Last Contact', 'Potential', 'Notes'],
      ['K1', '=IMPORTXML("http://x.test","//a")', '¥1,234.50', 1, '2024年3月5日', '8', 'ok'],
      [null, null, null, null, null, null, null],
      ['K2', '+cmd|/c calc', '(1,234)', 2, '3/5/2024', 'high', null],
      ['K3', '@SUM(A1)', '1.2万', 3, '2024-02-30', '5', '=1+1'],
      ['K4', 'Plain Co', '$99', 4, '20240305', '', null],
    ];
    const deals: Cell[][] = [
      ['订单编号', '客户编号', '金额', '成交日期', '阶段'],
      ['O1', 'K1', '1,000', '2024/3/5', '赢单'],
      ['O2', 'K2', 'abc', '2024-03-06', 'won'],
      ['O3', 'K3', 500, 'yesterday', 'Closed Won'],
      ['O4', 'K4', 200, '2024-03-01', '输单'],
    ];
    await createXlsx(book, [{ name: 'Customers', rows: customers }, { name: 'Deals', rows: deals }]);
    const result = await cli('score', book, '--as-of', '2024-12-31', '--json');
    expect(result.code).toBe(0);
    const summary = Summary.parse(JSON.parse(result.stdout));
    const said = summary.issues.map((i) => `${i.tab}!${i.row} ${i.column}: ${i.message}`);
    expect(said).toContainEqual(expect.stringMatching(/^Customers!1 Revenue: the header 'Revenue' appears more than once/));
    expect(said).toContainEqual(expect.stringMatching(/^Customers!4 Potential: 'high' is not a number/));
    expect(said).toContainEqual(expect.stringMatching(/^Customers!5 Last Contact: '2024-02-30' is not a real date/));
    expect(said).toContainEqual(expect.stringMatching(/^Customers!6 Revenue: .*(currenc|USD|\$)/));
    expect(said).toContainEqual(expect.stringMatching(/^Deals!3 金额: 'abc' is not a number/));
    expect(said).toContainEqual(expect.stringMatching(/^Deals!4 成交日期: 'yesterday' is not a date/));
    const scored = await readXlsx(join(dir, 'messy.tierwise.xlsx'), ['Customers']);
    const tab = scored.tables.get('Customers')!;
    expect(tab.header.slice(0, 7)).toEqual(customers[0]);
    tab.rows.forEach((row, i) => expect(row.slice(0, 7).map((c) => c ?? null)).toEqual(customers[i + 1]));
    expect(tab.rows[0][tab.header.indexOf(OWNED.tier)]).toMatch(/^[ABC]$/);
  });

  it('writes back into the book with --in-place and to a chosen path with --out', async () => {
    const dir = rfmOrdersBook();
    const out = join(tmp(), 'scored');
    expect((await cli('score', dir, '--out', out, '--as-of', '2006-12-31', '--json')).code).toBe(0);
    expect(existsSync(join(out, 'customers.csv'))).toBe(true);
    expect((await cli('score', dir, '--in-place', '--as-of', '2006-12-31', '--json')).code).toBe(0);
    expect(readFileSync(join(dir, 'customers.csv'), 'utf8').split('\n')[0]).toContain(OWNED.score);
  });

  it('exits 2 on a usage error, 1 when the book cannot be scored, naming what is wrong', async () => {
    expect((await cli('score')).code).toBe(2);
    expect((await cli('score', 'a', 'b')).stderr).toMatch(/expected one BOOK/);
    expect((await cli('score', 'x.xlsx', '--as-of', '2024-13-01')).code).toBe(2);
    expect((await cli('frobnicate')).code).toBe(2);
    const missing = await cli('score', join(tmp(), 'nope.xlsx'));
    expect([missing.code, missing.stderr]).toEqual([1, expect.stringMatching(/no such file/)]);
    const dir = tmp();
    // A folder with deals.csv alone is an orders-only book (tests/node/orders-only.test.ts); one with neither file is refused.
    const orders = tmp();
    writeFileSync(join(orders, 'orders.csv'), 'customer_id,order_date,revenue\nC1,2024-01-01,1\n');
    expect((await cli('score', orders)).stderr).toMatch(/has neither deals\.csv nor customers\.csv\..*this one has orders\.csv \(or give Tierwise the export itself/);
    expect((await cli('score', tmp())).stderr).toMatch(/this one has no \.csv, \.tsv or \.txt files\.\n$/);
    const settings = join(dir, 'settings.json');
    writeFileSync(settings, JSON.stringify({ rfm: { binning: 'deciles' } }));
    const bad = await cli('score', rfmOrdersBook(), '--settings', settings);
    expect([bad.code, bad.stderr]).toEqual([1, expect.stringMatching(/settings\.rfm\.binning/)]);
  });

  it('prints help for each command', async () => {
    const help = await cli('score', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/tierwise score BOOK/);
    expect((await cli('--help')).stdout).toMatch(/demo/);
  });
});

/** A CSV book from the R package rfm's example orders: one customer row per distinct customer_id. */
function rfmOrdersBook(): string {
  const dir = tmp();
  const lines = readFileSync('../shared/datasets/rfm-orders/orders.csv', 'utf8').trim().split('\n');
  const orders = lines.slice(1).map((l) => l.split(','));
  const customers = new Map<string, string>();
  for (const o of orders) customers.set(o[0], o[5]);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'customers.csv'), ['Customer ID,Email', ...[...customers].map(([id, email]) => `${id},${email}`)].join('\n') + '\n');
  writeFileSync(join(dir, 'deals.csv'), ['Customer ID,Order Date,Amount', ...orders.map((o) => `${o[0]},${o[1]},${o[2]}`)].join('\n') + '\n');
  return dir;
}
