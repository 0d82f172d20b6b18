import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readXlsx } from '../../src/node/xlsx/index.js';
import { writeZip } from '../../src/node/xlsx/zip-archive.js';
import { bookTabs, cli, csvBook, expectRefused, fingerprint, tmp, xlsxBook } from './support/run.js';
import { declareSize, parts, rewriteParts } from './support/zip.js';

/**
 * Limits (issue 12 item 4): Excel's grid, zip bombs, and paths that are not regular files.
 * Each is refused with one sentence naming the file and the limit before memory is spent or
 * anything is written; the book's folder is fingerprinted before and after.
 */
const AS_OF = ['--as-of', '2026-11-01'];
const CUSTOMERS = 'xl/worksheets/sheet1.xml';
const MiB = 2 ** 20;

async function refusedXlsx(damage: (path: string) => void, mentions: (string | RegExp)[], argv: string[] = []) {
  const path = await xlsxBook();
  damage(path);
  const before = fingerprint(dirname(path));
  expectRefused(await cli('score', path, ...AS_OF, ...argv), [path, ...mentions], dirname(path), before);
}

async function refusedCsv(prepare: (book: string) => void, mentions: (string | RegExp)[], argv: string[] = []) {
  const book = csvBook();
  prepare(book);
  const root = dirname(book);
  const before = fingerprint(root);
  expectRefused(await cli('score', book, ...AS_OF, ...argv), mentions, root, before);
}

const sheetXml = (rows: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;
const cell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
const header = `<row r="1">${cell('A1', 'Customer ID')}${cell('B1', 'Name')}</row>`;
const withCustomers = (xml: string) => (path: string) => rewriteParts(path, (name, content) => (name === CUSTOMERS ? xml : content));

describe("Excel's grid", () => {
  it('refuses a 16,384-column header: the TW columns do not fit past XFD, and nothing is written', async () => {
    const [customers, ...rest] = bookTabs();
    const wide = customers.rows.map((row, r) => [...row, ...Array.from({ length: 16_384 - row.length }, (_, i) => (r === 0 ? `Extra ${i + 1}` : null))]);
    const path = await xlsxBook([{ name: 'Customers', rows: wide }, ...rest]);
    const before = fingerprint(dirname(path));
    const result = await cli('score', path, ...AS_OF);
    expectRefused(result, ['tab "Customers"', /no room for the TW columns/, /column XF[E-Z]/, /XFD/, /16,384 columns/, /Nothing was written/], dirname(path), before);
    expect(existsSync(path.replace('.xlsx', '.tierwise.xlsx'))).toBe(false);
  });

  it('refuses <row r="300000000"> in a 13 KB workbook, naming file, tab and the row limit, before making room for it', async () => {
    await refusedXlsx(withCustomers(sheetXml(`${header}<row r="300000000">${cell('A300000000', 'C1')}</row>`)), ['tab "Customers"', /row 300,000,000/, /rows 1 to 1,048,576/]);
  });

  it('refuses row 1,048,577, one past the last row', async () => {
    await refusedXlsx(withCustomers(sheetXml(`${header}<row r="1048577">${cell('A1048577', 'C1')}</row>`)), ['tab "Customers"', /row 1,048,577/]);
  });

  it('refuses a cell in column XFE, one past the last column', async () => {
    await refusedXlsx(withCustomers(sheetXml(`${header}<row r="2">${cell('XFE2', 'C1')}</row>`)), ['tab "Customers"', /column 16,385/, /A to XFD/]);
  });

  it('refuses a cell reference of many letters (ZZZZZZZ1) without building its row', async () => {
    await refusedXlsx(withCustomers(sheetXml(`${header}<row r="2">${cell('ZZZZZZZ2', 'C1')}</row>`)), ['tab "Customers"', /outside Excel's grid/]);
  });

  it('reads a cell in XFD, the last column, as any other', async () => {
    const path = await xlsxBook();
    withCustomers(sheetXml(`${header}<row r="2">${cell('A2', 'C1')}${cell('B2', 'Acme')}${cell('XFD2', 'far right')}</row>`))(path);
    const row = (await readXlsx(path, ['Customers'])).tables.get('Customers')!.rows[0];
    expect([row.length, row[0], row[16_383]]).toEqual([16_384, 'C1', 'far right']);
  });

  it('refuses a cell in XFD beside data: the TW columns would go past it', async () => {
    await refusedXlsx(withCustomers(sheetXml(`${header}<row r="2">${cell('A2', 'C1')}${cell('B2', 'Acme')}${cell('XFD2', 'far right')}</row>`)), [
      'tab "Customers"',
      /no room for the TW columns/,
    ]);
  });
});

describe('zip bombs', () => {
  it('refuses a part that would inflate 1,000 times over, before inflating it', async () => {
    const padded = sheetXml(`${header}${' '.repeat(60 * MiB)}`);
    await refusedXlsx(withCustomers(padded), [CUSTOMERS, /would inflate [\d,]+ times over/, /100:1/, /zip bomb/]);
  });

  it('refuses a bomb whose header declares a small size, stopping at the declared size', async () => {
    await refusedXlsx((path) => {
      withCustomers(sheetXml(`${header}${' '.repeat(60 * MiB)}`))(path);
      declareSize(path, CUSTOMERS, 10_000);
    }, [CUSTOMERS, /inflates to more than the 9\.8 KiB its zip directory declares/]);
  });

  it('refuses a part declared larger than 1 GiB, whatever its ratio', async () => {
    await refusedXlsx((path) => {
      const content = parts(path);
      const random = randomBytes(16 * MiB);
      writeFileSync(path, writeZip([...[...content].map(([name, data]) => ({ name, content: data, dosTime: 0 })), { name: 'xl/media/big.bin', content: random, dosTime: 0 }]));
      declareSize(path, 'xl/media/big.bin', 1536 * MiB);
    }, [/part xl\/media\/big\.bin would inflate to 1\.5 GiB, more than the 1 GiB/]);
  });

  it('refuses parts that together would inflate to more than 2 GiB', async () => {
    await refusedXlsx((path) => {
      const content = [...parts(path)].map(([name, data]) => ({ name, content: data, dosTime: 0 }));
      const big = [1, 2, 3].map((i) => ({ name: `xl/media/big${i}.bin`, content: randomBytes(9 * MiB + 1), dosTime: 0 }));
      writeFileSync(path, writeZip([...content, ...big]));
      for (const part of big) declareSize(path, part.name, 900 * MiB);
    }, [/its parts would inflate to more than the 2 GiB Tierwise inflates of one workbook/]);
  });
});

describe('regular files only, and size caps', () => {
  it('refuses deals.csv linked to /dev/zero instead of reading it forever', async () => {
    await refusedCsv((book) => {
      rmSync(join(book, 'deals.csv'));
      symlinkSync('/dev/zero', join(book, 'deals.csv'));
    }, ['deals.csv', /a CSV file was expected here, but this is a character device/]);
  });

  it('refuses deals.csv that is a FIFO instead of waiting on it', async () => {
    await refusedCsv((book) => {
      rmSync(join(book, 'deals.csv'));
      execFileSync('mkfifo', [join(book, 'deals.csv')]);
    }, ['deals.csv', /named pipe \(FIFO\)/]);
  });

  it('refuses a folder where customers.csv should be', async () => {
    await refusedCsv((book) => {
      rmSync(join(book, 'customers.csv'));
      mkdirSync(join(book, 'customers.csv'));
    }, ['customers.csv', /this is a folder/]);
  });

  it('refuses a CSV file larger than 256 MiB before reading it (a sparse file: nothing is allocated)', async () => {
    await refusedCsv((book) => truncateSync(join(book, 'deals.csv'), 300 * MiB), ['deals.csv', /larger than 256 MiB, the most Tierwise reads/]);
  });

  it('refuses a settings file larger than 1 MiB', async () => {
    const settings = join(tmp(), 'settings.json');
    writeFileSync(settings, `{"rfm": {}, "padding": "${'x'.repeat(MiB)}"}`);
    await refusedCsv(() => {}, [settings, /larger than 1 MiB/], ['--settings', settings]);
  });

  it('refuses a settings file that is /dev/zero', async () => {
    await refusedCsv(() => {}, ['/dev/zero', /a settings file was expected here, but this is a character device/], ['--settings', '/dev/zero']);
  });

  it('refuses a settings file that is a FIFO', async () => {
    const settings = join(tmp(), 'settings.json');
    execFileSync('mkfifo', [settings]);
    await refusedCsv(() => {}, [settings, /named pipe/], ['--settings', settings]);
  });

  it('refuses a settings file that is a folder', async () => {
    const settings = tmp();
    await refusedCsv(() => {}, [settings, /a settings file was expected here, but this is a folder/], ['--settings', settings]);
  });

  it('refuses a workbook that is a FIFO', async () => {
    const dir = tmp();
    const path = join(dir, 'book.xlsx');
    execFileSync('mkfifo', [path]);
    const before = fingerprint(dir);
    expectRefused(await cli('score', path, ...AS_OF), [path, /a workbook was expected here, but this is a named pipe/], dir, before);
  });

  it('refuses a workbook linked to /dev/urandom', async () => {
    const dir = tmp();
    const path = join(dir, 'book.xlsx');
    symlinkSync('/dev/urandom', path);
    const before = fingerprint(dir);
    expectRefused(await cli('score', path, ...AS_OF), [path, /character device/], dir, before);
  });

  it('refuses a workbook file larger than 512 MiB before reading it', async () => {
    await refusedXlsx((path) => truncateSync(path, 600 * MiB), [/this workbook is larger than 512 MiB/]);
  });

  it('refuses a tw-state.json that is a FIFO', async () => {
    await refusedCsv((book) => execFileSync('mkfifo', [join(book, 'tw-state.json')]), ['tw-state.json', /a state file was expected here, but this is a named pipe/]);
  });
});
