import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src/node/commands.js';
import { readXlsx } from '../../../src/node/xlsx/index.js';

/**
 * LibreOffice saving a CSV file as a workbook names its one sheet after the file, in lower
 * case (tests/fixtures/csv-files/make.sh): a book made from customers.csv has a tab
 * "customers". It is the Customers tab, as it would be in Excel or Google Sheets, where tab
 * names differ by more than case.
 */
const FIXTURES = join(import.meta.dirname, '../../fixtures/csv-files');

async function score(file: string): Promise<{ code: number; out: string; output: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'tierwise-tab-names-'));
  const book = join(dir, file);
  copyFileSync(join(FIXTURES, file), book);
  let out = '';
  const code = await runCli(['score', book, '--as-of', '2026-11-01'], { stdout: { write: (t: string) => (out += t) }, stderr: { write: (t: string) => (out += t) } });
  return { code, out, output: book.replace(/\.xlsx$/, '.tierwise.xlsx') };
}

describe('tab names that differ from the settings only in case', () => {
  it('scores the "customers" tab of a book LibreOffice made from customers.csv, writing our columns into it', async () => {
    const { code, out, output } = await score('customers-libreoffice.xlsx');
    expect(code, out).toBe(0);
    expect(out).toMatch(/Scored 12 customers/);
    const book = await readXlsx(output, ['customers']);
    expect(book.sheetNames.filter((name) => name.toLowerCase() === 'customers')).toEqual(['customers']);
    const table = book.tables.get('customers')!;
    expect(table.header).toEqual(expect.arrayContaining(['Customer ID', 'Name', 'TW Score', 'TW Tier']));
    expect(table.rows.every((row) => ['A', 'B', 'C'].includes(row[table.header.indexOf('TW Tier')] as string))).toBe(true);
  });

  it('reads the deals of a book LibreOffice made from deals.csv from its "deals" tab', async () => {
    const { code, out, output } = await score('deals-libreoffice.xlsx');
    expect(code, out).toBe(0);
    expect(out).toMatch(/Scored 12 customers .*\n[\s\S]*from the deals/);
    const book = await readXlsx(output, ['deals', 'Customers']);
    expect(book.sheetNames.filter((name) => name.toLowerCase() === 'deals')).toEqual(['deals']);
    expect(book.tables.get('deals')!.rows).toHaveLength(24);
    expect(book.tables.get('Customers')!.rows).toHaveLength(12);
  });
});
