import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Summary } from '../../src/app/summary.js';
import { runCli } from '../../src/node/commands.js';
import { readCsvTable } from '../../src/node/csv/index.js';
import { createXlsx, readXlsx } from '../../src/node/xlsx/index.js';

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) } });
  return { code, stdout, stderr };
}

const tmp = () => mkdtempSync(join(tmpdir(), 'tierwise-orders-'));
const ORDERS = 'order_id,customer_id,customer_name,email,country,revenue,order_date\n' +
  'O1,C1,Acme Ltd,ann@acme.com,France,100,2024-01-05\nO2,C2,Beta Inc,bo@beta.com,Spain,50,2024-02-05\nO3,C1,Acme Ltd,ann@acme.com,France,70,2024-06-05\n';

describe('tierwise score on an orders-only book', () => {
  it('scores one CSV file given as the book into NAME.tierwise/: customers.csv beside a copy of the deals, and says so', async () => {
    const dir = tmp();
    const file = join(dir, 'orders.csv');
    writeFileSync(file, ORDERS);
    const result = await cli('score', file, '--as-of', '2024-12-31', '--json');
    expect([result.code, result.stderr]).toEqual([0, '']);
    const summary = Summary.parse(JSON.parse(result.stdout));
    expect(summary.output).toBe(join(dir, 'orders.tierwise'));
    expect(summary.customers).toBe(2);
    expect(summary.customersDerived).toMatchObject({ customers: 2, from: { id: 'customer_id', name: 'customer_name', email: 'email', region: 'country' } });
    expect(readFileSync(join(dir, 'orders.tierwise', 'deals.csv'), 'utf8')).toBe(ORDERS);
    expect(readFileSync(file, 'utf8')).toBe(ORDERS);
    const customers = (await readCsvTable(join(dir, 'orders.tierwise', 'customers.csv'), 'Customers'))!.table;
    expect(customers.header.slice(0, 4)).toEqual(['Customer ID', 'Name', 'Email', 'Country']);
    expect(customers.rows.map((r) => r[0])).toEqual(['C1', 'C2']);
    expect(customers.rows[0][customers.header.indexOf('TW Frequency')]).toBe('2');

    const text = await cli('score', file, '--as-of', '2024-12-31');
    expect(text.stdout).toContain('No Customers tab: made it from the 2 distinct customers of Deals (Customer ID from customer_id, Name from customer_name, Email from email, Region from country).');
    // The output is a CSV book: scoring it again reads the Customers tab it now has.
    const again = Summary.parse(JSON.parse((await cli('score', join(dir, 'orders.tierwise'), '--as-of', '2024-12-31', '--json')).stdout));
    expect([again.customers, again.customersDerived, again.issues]).toEqual([2, undefined, []]);
  });

  it('refuses --in-place for one CSV file, whose results are a folder, and writes nothing', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'orders.csv'), ORDERS);
    const result = await cli('score', join(dir, 'orders.csv'), '--in-place');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/one CSV file cannot take the results in place/);
    expect(readdirSync(dir)).toEqual(['orders.csv']);
  });

  it('scores a CSV folder with only deals.csv, adding customers.csv to the output folder', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'deals.csv'), ORDERS);
    const summary = Summary.parse(JSON.parse((await cli('score', dir, '--as-of', '2024-12-31', '--json')).stdout));
    expect(summary.customersDerived?.customers).toBe(2);
    expect(existsSync(join(`${dir}.tierwise`, 'customers.csv'))).toBe(true);
    expect(readdirSync(dir)).toEqual(['deals.csv']);
  });

  it('scores an .xlsx with only a Deals tab, adding a Customers tab to the output workbook', async () => {
    const dir = tmp();
    const book = join(dir, 'shop.xlsx');
    const rows = ORDERS.trim().split('\n').map((line) => line.split(',').map((cell) => (/^\d+$/.test(cell) ? Number(cell) : cell)));
    await createXlsx(book, [{ name: 'Deals', rows }]);
    const summary = Summary.parse(JSON.parse((await cli('score', book, '--as-of', '2024-12-31', '--json')).stdout));
    expect(summary.customersDerived?.customers).toBe(2);
    const out = await readXlsx(join(dir, 'shop.tierwise.xlsx'), ['Customers', 'Deals']);
    const customers = out.tables.get('Customers')!;
    expect(customers.rows.map((r) => [r[0], r[1]])).toEqual([['C1', 'Acme Ltd'], ['C2', 'Beta Inc']]);
    expect(customers.header).toContain('TW Tier');
    expect(out.tables.get('Deals')!.rows.length).toBe(3);
  });

  it('refuses a folder with neither deals.csv nor customers.csv, naming the files a book needs and what it has', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'export.csv'), ORDERS);
    const result = await cli('score', dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `tierwise score: ${dir}: this folder has neither deals.csv nor customers.csv. A CSV book is a folder with deals.csv (one row per deal or order, ` +
        'with its customer), customers.csv (one row per customer; made from the deals when missing) and, to propose owners, reps.csv; ' +
        `this one has export.csv (or give Tierwise the export itself: tierwise score ${join(dir, 'export.csv')}).\n`,
    );
  });
});

describe('tierwise score says what scored', () => {
  it('names the deals’ dimensions when they carry the score, in the text and the JSON', async () => {
    const file = join(tmp(), 'orders.csv');
    writeFileSync(file, ORDERS);
    const text = await cli('score', file, '--as-of', '2024-12-31');
    expect(text.stdout).toMatch(/^Scored on {2}spend \d+% · orders \d+% · days since last order \d+%.* \(from the deals\)$/m);
    const summary = Summary.parse(JSON.parse((await cli('score', file, '--as-of', '2024-12-31', '--json')).stdout));
    expect(summary.score).toMatchObject({ fromDeals: true, tiered: true });
    expect(summary.score!.dimensions.slice(0, 3).map((d) => d.source)).toEqual(['@monetary', '@frequency', '@recencyDays']);
  });

  it('reports a book whose customers all score the same as having no tiers, never all A', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'customers.csv'), 'Customer ID,Owner,Country\nC1,Ann,France\nC2,,Spain\nC3,Bo,Spain\n');
    const text = await cli('score', dir, '--as-of', '2024-12-31');
    expect(text.stdout).toContain('Tiers      none: every customer has the same score');
    expect(text.stdout).not.toMatch(/Tiers +A 3/);
    expect(text.stdout).toContain('  C1    0.00 (no tier)');
    expect(text.stdout).toContain('Every customer (all 3) scored 0.00: the score tells nobody apart, so no tiers were given (TW Tier is left blank).');
    const customers = (await readCsvTable(join(`${dir}.tierwise`, 'customers.csv'), 'Customers'))!.table;
    expect(customers.rows.map((r) => r[customers.header.indexOf('TW Tier')] ?? '')).toEqual(['', '', '']);
  });
});
