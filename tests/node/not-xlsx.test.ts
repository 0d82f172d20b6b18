import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/node/commands.js';
import { addBook, SALES_TABS } from './xlsx/add-book.js';
import { zipParts } from './xlsx/book-compare.js';

/** Files that people hand over as "the workbook" and Tierwise cannot edit (origins in tests/fixtures/not-xlsx/SOURCES.md). */
const FIXTURES = join(import.meta.dirname, '../fixtures/not-xlsx');

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) } });
  return { code, stdout, stderr };
}

/** The fixture copied into a fresh folder under `name`: the name is what a user's file may be called, not what it is. */
function given(fixture: string, name: string): { dir: string; path: string } {
  const dir = mkdtempSync(join(tmpdir(), 'tierwise-not-xlsx-'));
  const path = join(dir, name);
  copyFileSync(join(FIXTURES, fixture), path);
  return { dir, path };
}

const REFUSED: [string, string, string, RegExp][] = [
  ['an Excel 97–2003 workbook', 'write.xls', 'customers.xls', /this is an \.xls \(Excel 97–2003\) file: open it in Excel or LibreOffice and save it as an Excel Workbook \(\.xlsx\)\.$/],
  ['an Excel 97–2003 workbook renamed .xlsx', 'write.xls', 'customers.xlsx', /this is an \.xls \(Excel 97–2003\) file/],
  ['an Excel Binary Workbook', 'sample.xlsb', 'customers.xlsb', /this is an \.xlsb \(Excel Binary Workbook\) file, which Tierwise cannot edit: open it .* save it as an Excel Workbook \(\.xlsx\)\.$/],
  ['an OpenDocument spreadsheet', 'SampleSS.ods', 'customers.ods', /this is an \.ods \(OpenDocument Spreadsheet\) file: open it in Excel or LibreOffice and save it as an Excel Workbook \(\.xlsx\)\.$/],
  ['an Apple Numbers file', 'minimal_112.numbers', 'customers.numbers', /this is an Apple Numbers file: open it in Numbers and choose File > Export To > Excel \(\.xlsx\)\.$/],
  ['a password-protected .xlsx', 'protect.xlsx', 'customers.xlsx', /this workbook is password-protected \(encrypted\), so Tierwise cannot read it: open it in Excel, remove the password .* and save it as \.xlsx\.$/],
];

describe('a file that is not an .xlsx, told by its content', () => {
  it.each(REFUSED)('%s: one line saying what it is and what to do, exit 1, nothing written', async (_, fixture, name, message) => {
    const { dir, path } = given(fixture, name);
    const before = readFileSync(path);
    const result = await cli('score', path, '--as-of', '2024-12-31');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^tierwise score: .*\n$/);
    expect(result.stderr.trimEnd()).toMatch(message);
    expect(readdirSync(dir)).toEqual([name]);
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  const TEXT_ADVICE =
    'this is a text file (a CSV?), not an .xlsx workbook, whatever its name says: name it .csv, .tsv or .txt and Tierwise reads it as it is ' +
    '(one file alone as the deals, or in a folder as customers.csv or deals.csv), or open it in Excel or LibreOffice and save it as .xlsx.';

  it('a CSV file renamed .xlsx: says it is text and how to make it a book', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tierwise-not-xlsx-'));
    const path = join(dir, 'customers.xlsx');
    writeFileSync(path, 'Customer ID,Name\nC1,Ann\n');
    const result = await cli('score', path);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`tierwise score: ${path}: ${TEXT_ADVICE}\n`);
    expect(readdirSync(dir)).toEqual(['customers.xlsx']);
  });

  it('Excel\'s "Unicode text" (UTF-16) renamed .xlsx: the same advice, which is true of it, since it reads once named .txt', async () => {
    const { dir, path } = given('../csv-files/customers-utf16le.txt', 'customers.xlsx');
    const result = await cli('score', path);
    expect(result.stderr).toBe(`tierwise score: ${path}: ${TEXT_ADVICE}\n`);
    expect(readdirSync(dir)).toEqual(['customers.xlsx']);

    const book = join(dir, 'book');
    mkdirSync(book);
    renameSync(path, join(book, 'customers.txt'));
    copyFileSync(join(FIXTURES, '../csv-files/deals.csv'), join(book, 'deals.csv'));
    const scored = await cli('score', book, '--as-of', '2026-11-01', '--json');
    expect([scored.code, scored.stderr]).toEqual([0, '']);
    expect(JSON.parse(scored.stdout).customers).toBe(12);
  });
});

describe('a macro-enabled workbook (.xlsm)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tierwise-xlsm-'));
  const path = join(dir, 'sales.xlsm');
  writeFileSync(path, addBook(readFileSync(join(FIXTURES, 'SimpleMacro.xlsm')), SALES_TABS));

  it('is scored into NAME.tierwise.xlsm with its macros byte for byte and its macro-enabled content type', async () => {
    const result = await cli('score', path, '--as-of', '2024-12-31', '--json');
    expect(result.code, result.stderr).toBe(0);
    const out = join(dir, 'sales.tierwise.xlsm');
    expect(JSON.parse(result.stdout).output).toBe(out);
    const before = zipParts(path);
    const after = zipParts(out);
    expect(after.get('xl/vbaProject.bin')!.stored.equals(before.get('xl/vbaProject.bin')!.stored)).toBe(true);
    expect(after.get('[Content_Types].xml')!.content.toString()).toContain('ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"');
  });

  it('refuses an --out named .xlsx, which Excel would not open, and writes nothing', async () => {
    const out = join(dir, 'plain.xlsx');
    const result = await cli('score', path, '--as-of', '2024-12-31', '--out', out);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`tierwise score: ${out}: this book is an .xlsm (it has macros), so its output must be named .xlsm too.\n`);
    expect(existsSync(out)).toBe(false);
  });
});
