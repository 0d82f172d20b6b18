import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Summary } from '../../src/app/summary.js';
import { runCli } from '../../src/node/commands.js';
import { type CsvFormat, readCsvTable } from '../../src/node/csv/index.js';

/**
 * CSV files as people save them (issue 10 item 7): the same twelve customers as Excel,
 * LibreOffice and Python write them, in each encoding, delimiter and name a user's folder
 * may hold (how each fixture was made: tests/fixtures/csv-files/SOURCES.md). Each is scored
 * as the Customers tab of a book and must come back under its own name, in its own format,
 * with every cell it had.
 */
const FIXTURES = join(import.meta.dirname, '../fixtures/csv-files');
const AS_OF = ['--as-of', '2026-11-01'];

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) } });
  return { code, stdout, stderr };
}

/** A book folder holding `files` (name in the book → fixture). */
function book(files: Record<string, string>): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'tierwise-csv-files-')), 'book');
  mkdirSync(dir);
  for (const [name, fixture] of Object.entries(files)) copyFileSync(join(FIXTURES, fixture), join(dir, name));
  return dir;
}

async function scored(dir: string, command = 'score') {
  const result = await cli(command, dir, ...AS_OF, '--json');
  expect([result.code, result.stderr]).toEqual([0, '']);
  return Summary.parse(JSON.parse(result.stdout));
}

const SAVED: [string, string, string, CsvFormat][] = [
  ['LibreOffice "Text CSV", UTF-8 without a BOM', 'customers-utf8.csv', 'customers.csv', { encoding: 'utf-8', delimiter: ',', newline: '\n' }],
  ['Excel\'s "CSV UTF-8" shape (BOM, CRLF), written by Python', 'customers-utf8-bom.csv', 'customers.csv', { encoding: 'utf-8-bom', delimiter: ',', newline: '\r\n' }],
  ['semicolon-separated, as Excel writes CSV in many European locales (LibreOffice)', 'customers-semicolon.csv', 'customers.csv', { encoding: 'utf-8', delimiter: ';', newline: '\n' }],
  ['"Unicode text": UTF-16LE with its BOM, tab-separated .txt (LibreOffice)', 'customers-utf16le.txt', 'Customers.txt', { encoding: 'utf-16le', delimiter: '\t', newline: '\n' }],
  ['UTF-16BE with its BOM, tab-separated, CRLF (Python)', 'customers-utf16be.txt', 'customers.txt', { encoding: 'utf-16be', delimiter: '\t', newline: '\r\n' }],
  ['GBK, as Chinese Excel saves "CSV" (LibreOffice)', 'customers-gbk.csv', 'CUSTOMERS.CSV', { encoding: 'gb18030', delimiter: ',', newline: '\n' }],
];

describe('a Customers file as people save it', () => {
  it.each(SAVED)('%s: scored, and written back under its name in its own encoding, BOM, delimiter and line ends', async (_, fixture, name, format) => {
    const dir = book({ [name]: fixture, 'deals.csv': 'deals.csv' });
    const summary = await scored(dir);
    expect(summary.customers).toBe(12);
    expect(summary.customersDerived ?? null).toBeNull();

    const out = `${dir}.tierwise`;
    expect(readdirSync(out).filter((file) => /^customers/i.test(file))).toEqual([name]);
    const before = (await readCsvTable(join(dir, name), 'Customers'))!;
    const after = (await readCsvTable(join(out, name), 'Customers'))!;
    expect(before.format).toEqual(format);
    expect(after.format).toEqual(format);
    const width = before.table.header.length;
    expect(after.table.header.slice(0, width)).toEqual(before.table.header);
    expect(after.table.rows.map((row) => row.slice(0, width))).toEqual(before.table.rows);
    expect(after.table.rows.find((row) => row[0] === 'C02')![1]).toBe('北京星河科技有限公司');
    const tiers = after.table.rows.map((row) => row[after.table.header.indexOf('TW Tier')]);
    expect(new Set(tiers)).toEqual(new Set(['A', 'B', 'C']));
  });
});

describe('one "Unicode text" export given alone as the book', () => {
  it('is read as the deals, and the customers made from it are written in its format: UTF-16LE, BOM, tabs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tierwise-csv-files-'));
    const file = join(dir, 'Orders.txt');
    copyFileSync(join(FIXTURES, 'deals-utf16le.txt'), file);
    const summary = await scored(file);
    expect(summary.customersDerived?.customers).toBe(12);
    const out = join(dir, 'Orders.tierwise');
    expect(readFileSync(join(out, 'deals.csv'))).toEqual(readFileSync(file));
    const customers = (await readCsvTable(join(out, 'customers.csv'), 'Customers'))!;
    expect(customers.format).toEqual({ encoding: 'utf-16le', delimiter: '\t', newline: '\n' });
    expect(customers.table.rows.map((row) => row[0])).toContain('C12');
  });
});

describe('file names in a CSV book', () => {
  it('reads Customers.csv, DEALS.CSV and Reps.tsv as the book, and writes each back under the same name', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'tierwise-csv-files-')), 'book');
    cpSync(join(FIXTURES, 'mixed-case'), dir, { recursive: true });
    const summary = await scored(dir, 'propose');
    expect(summary.customers).toBe(12);
    const out = `${dir}.tierwise`;
    expect(readdirSync(out).filter((file) => !file.startsWith('tw-')).sort()).toEqual(['Customers.csv', 'DEALS.CSV', 'Reps.tsv']);
    const customers = (await readCsvTable(join(out, 'Customers.csv'), 'Customers'))!.table;
    const owners = customers.rows.map((row) => row[customers.header.indexOf('TW Proposed Owner')]);
    expect(new Set(owners)).toEqual(new Set(['Anna Schmidt', '王伟']));
    // The output is a book too, read again by the same names.
    expect((await scored(out)).customers).toBe(12);
  });

  it('refuses two files for one tab in one sentence naming both, and writes nothing', async () => {
    const dir = book({ 'customers.csv': 'customers-utf8.csv', 'Customers.tsv': 'customers-utf16le.txt', 'deals.csv': 'deals.csv' });
    const result = await cli('score', dir, ...AS_OF);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `tierwise score: ${dir}: Customers.tsv and customers.csv both hold the Customers tab, so Tierwise cannot tell which is the book; keep one of them in the folder and run again.\n`,
    );
    expect(existsSync(`${dir}.tierwise`)).toBe(false);
  });

  it('replaces the file an earlier output folder has for a tab rather than add a second one beside it', async () => {
    const dir = book({ 'customers.csv': 'customers-utf8.csv', 'deals.csv': 'deals.csv' });
    await scored(dir);
    renameSync(join(dir, 'customers.csv'), join(dir, 'Customers.csv'));
    await scored(dir);
    const out = `${dir}.tierwise`;
    expect(readdirSync(out).filter((file) => /^customers/i.test(file))).toEqual(['customers.csv']);
    expect((await scored(out)).customers).toBe(12);
  });
});

describe('a Windows-1252 file, as Excel saves "CSV (Comma delimited)" on Western Windows (LibreOffice)', () => {
  const WESTERN_NAMES = ['Müller GmbH', 'Société Générale', 'José García, S.A.', 'Größe & Söhne', 'Ærø Fisk ApS', 'Zoë’s Bakery – “Fine” € Goods', 'Åsa Öberg AB'];

  it('is read with its accented letters, and written back in Windows-1252 with every cell it had', async () => {
    const dir = book({ 'customers.csv': 'customers-windows1252.csv', 'deals.csv': 'deals.csv' });
    expect((await scored(dir)).customers).toBe(12);
    const before = (await readCsvTable(join(dir, 'customers.csv'), 'Customers'))!;
    const after = (await readCsvTable(join(`${dir}.tierwise`, 'customers.csv'), 'Customers'))!;
    expect(before.format).toEqual({ encoding: 'windows-1252', delimiter: ',', newline: '\n' });
    expect(before.table.rows.map((row) => row[1])).toEqual(expect.arrayContaining(WESTERN_NAMES));
    expect(after.format).toEqual(before.format);
    const width = before.table.header.length;
    expect(after.table.rows.map((row) => row.slice(0, width))).toEqual(before.table.rows);
  });

  it('takes text it cannot hold (王伟, the → of a reason) by becoming "CSV UTF-8", says so once, and loses no cell', async () => {
    const dir = book({ 'customers.csv': 'customers-windows1252.csv', 'deals.csv': 'deals.csv', 'reps.tsv': 'mixed-case/Reps.tsv' });
    const before = (await readCsvTable(join(dir, 'customers.csv'), 'Customers'))!;
    const proposed = await cli('propose', dir, ...AS_OF, '--in-place');
    expect(proposed.code).toBe(0);
    expect(proposed.stderr).toMatch(/^tierwise propose: customers\.csv was saved in Windows-1252 \(Excel's "CSV \(Comma delimited\)"\), which cannot hold "[^"]+": it is now written as UTF-8 with a byte order mark \(Excel's "CSV UTF-8"\)[^\n]*\n$/);

    const after = (await readCsvTable(join(dir, 'customers.csv'), 'Customers'))!;
    expect(after.format.encoding).toBe('utf-8-bom');
    const width = before.table.header.length;
    expect(after.table.rows.map((row) => row.slice(0, width))).toEqual(before.table.rows);
    const owners = after.table.rows.map((row) => row[after.table.header.indexOf('TW Proposed Owner')]);
    expect(new Set(owners)).toEqual(new Set(['Anna Schmidt', '王伟']));
  });
});
