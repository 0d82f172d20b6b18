import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readXlsx } from '../../../src/node/xlsx/index.js';
import { writeOneSheetBook, writeRichBook } from './rich-book.js';

const dir = mkdtempSync(join(tmpdir(), 'tierwise-read-'));
const rich = join(dir, 'rich.xlsx');
writeRichBook(rich);
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('readXlsx', () => {
  it('lists every tab, hidden ones included, and reads only the tabs asked for', async () => {
    const book = await readXlsx(rich, ['Customers']);
    expect(book.sheetNames).toEqual(['Customers', 'Notes & Plans', 'Secret']);
    expect([...book.tables.keys()]).toEqual(['Customers']);
  });

  it('reads shared, rich and inline text, numbers, dates, booleans, errors and cached formula values', async () => {
    const table = (await readXlsx(rich, ['Customers'])).tables.get('Customers')!;
    expect(table.headerRow).toBe(1);
    expect(table.header).toEqual(['Customer ID', 'Name', 'Revenue', 'Since', 'Total', 'Active', 'TW Score']);
    expect(table.rows[0]).toEqual(['C-2', 'Acme & Sons', 1234.5, day('2024-03-05'), 2469, true, null]);
    // B3 has no reference and follows A3; the phonetic hint is not part of the name; the
    // date style drops the time of day; NA() keeps its cached error text.
    expect(table.rows[1]).toEqual(['C-3', '北京', -0.00725, day('2023-03-15'), '#N/A', null, null]);
  });

  it('keeps a missing row as a blank row so every row keeps its sheet row number', async () => {
    const table = (await readXlsx(rich, ['Customers'])).tables.get('Customers')!;
    expect(table.rows[2]).toEqual([null, null, null, null, null, null, null]);
    expect(table.rows[3]).toEqual(['C-5', null, 2470, null, 'x & y!', null, null]);
    expect(table.rows[4][0]).toBe('C-6');
    expect(table.rows[5]).toEqual(['C-7', null, null, null, null, null, null]);
    expect(table.rows).toHaveLength(6);
  });

  it('takes the first non-empty row as the header when a sheet starts lower', async () => {
    const table = (await readXlsx(rich, ['Notes & Plans'])).tables.get('Notes & Plans')!;
    expect(table.headerRow).toBe(3);
    expect(table.header).toEqual([null, 'Plan', 'When']);
    expect(table.rows).toEqual([[null, 'Call', day('2024-04-18')]]);
  });

  it('reads sheets written with a namespace prefix and rows without references', async () => {
    const path = join(dir, 'prefixed.xlsx');
    writeOneSheetBook(
      path,
      '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>' +
        '<x:row><x:c t="inlineStr"><x:is><x:t>Name</x:t></x:is></x:c><x:c t="inlineStr"><x:is><x:t>Amount</x:t></x:is></x:c></x:row>' +
        '<x:row><x:c t="inlineStr"><x:is><x:t xml:space="preserve"> a &lt;b&gt; _x000D_ </x:t></x:is></x:c><x:c><x:v>1E3</x:v></x:c></x:row>' +
        '</x:sheetData></x:worksheet>',
    );
    const table = (await readXlsx(path, ['Only'])).tables.get('Only')!;
    expect(table.header).toEqual(['Name', 'Amount']);
    expect(table.rows).toEqual([[' a <b> \r ', 1000]]);
  });

  it('reads a tab whose <sheetData/> is empty (Excel writes it so for a blank sheet) as an empty table', async () => {
    const path = join(dir, 'empty-sheet.xlsx');
    writeOneSheetBook(path, '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1"/><sheetData/><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>');
    expect((await readXlsx(path, ['Only'])).tables.get('Only')).toEqual({ tab: 'Only', header: [], rows: [], headerRow: 1 });
  });

  it('counts dates from 1904-01-01 in workbooks that use the 1904 date system', async () => {
    const path = join(dir, 'mac.xlsx');
    writeOneSheetBook(
      path,
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Since</t></is></c></row><row r="2"><c r="A2" s="1"><v>0</v></c></row><row r="3"><c r="A3" t="d"><v>2024-02-29T10:00:00</v></c></row></sheetData></worksheet>',
      '<workbookPr date1904="1"/>',
    );
    const table = (await readXlsx(path, ['Only'])).tables.get('Only')!;
    expect(table.rows).toEqual([[day('1904-01-01')], [day('2024-02-29')]]);
  });

  it('says which file it could not read', async () => {
    await expect(readXlsx(join(dir, 'missing.xlsx'), ['Customers'])).rejects.toThrow(/missing\.xlsx/);
  });
});
