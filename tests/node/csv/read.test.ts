import iconv from 'iconv-lite';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sheetRow } from '../../../src/core/table.js';
import { readCsvTable } from '../../../src/node/csv/read.js';

const scratch = await mkdtemp(join(tmpdir(), 'tw-csv-read-'));
let fileCount = 0;
afterAll(() => rm(scratch, { recursive: true, force: true }));

async function fileWith(bytes: Uint8Array | string): Promise<string> {
  fileCount += 1;
  const path = join(scratch, `tab-${fileCount}.csv`);
  await writeFile(path, bytes);
  return path;
}

describe('readCsvTable', () => {
  it('returns null when the file is missing', async () => {
    expect(await readCsvTable(join(tmpdir(), 'no-such-dir', 'deals.csv'), 'Deals')).toBeNull();
  });

  it('reads a GBK file with Chinese headers and remembers its format', async () => {
    const path = await fileWith(iconv.encode('客户编号;客户名称;历史成交额\r\nC1;上海贸易;"1,234"\r\n', 'gbk'));
    const read = await readCsvTable(path, 'Customers');
    expect(read?.format).toEqual({ encoding: 'gb18030', delimiter: ';', newline: '\r\n' });
    expect(read?.table.header).toEqual(['客户编号', '客户名称', '历史成交额']);
    expect(read?.table.rows).toEqual([['C1', '上海贸易', '1,234']]);
  });

  it('reads an Excel "CSV UTF-8" file with its BOM', async () => {
    const path = await fileWith(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('客户编号,负责人\nC1,王伟\n')]));
    const read = await readCsvTable(path, 'Customers');
    expect(read?.format).toEqual({ encoding: 'utf-8-bom', delimiter: ',', newline: '\n' });
    expect(read?.table.header).toEqual(['客户编号', '负责人']);
  });

  it('keeps blank lines as empty rows so every row keeps its sheet row number', async () => {
    const path = await fileWith('Customer ID,Name\nC1,Acme\n\nC3,Zeta\n');
    const table = (await readCsvTable(path, 'Customers'))!.table;
    expect(table.rows).toEqual([['C1', 'Acme'], [null, null], ['C3', 'Zeta']]);
    expect(sheetRow(table, 2)).toBe(4);
  });

  it('numbers rows by record, so a quoted line break does not shift later rows', async () => {
    const path = await fileWith('Customer ID,Note\r\nC1,"two\r\nlines"\r\nC2,x\r\n');
    const table = (await readCsvTable(path, 'Customers'))!.table;
    expect(table.rows[1]).toEqual(['C2', 'x']);
    expect(sheetRow(table, 1)).toBe(3);
  });

  it('reads empty fields as empty cells and pads short rows to the header', async () => {
    const path = await fileWith('A,B,C\n1,,""\n2');
    const table = (await readCsvTable(path, 'Customers'))!.table;
    expect(table.rows).toEqual([['1', null, null], ['2', null, null]]);
  });

  it('keeps number text exactly as written', async () => {
    const path = await fileWith('Amount\n1.50\n007\n');
    expect((await readCsvTable(path, 'Deals'))!.table.rows).toEqual([['1.50'], ['007']]);
  });

  it('reads the rfm-orders dataset: 4,906 orders under its header', async () => {
    const read = await readCsvTable('../shared/datasets/rfm-orders/orders.csv', 'Deals');
    expect(read?.table.header).toEqual(['customer_id', 'order_date', 'revenue', 'first_name', 'last_name', 'email']);
    expect(read?.table.rows).toHaveLength(4906);
    expect(read?.table.rows[0]).toEqual(['Brion Stark', '2004-12-20', '32', 'Brion', 'Stark', 'brion_stark@rfmail.com']);
  });
});
