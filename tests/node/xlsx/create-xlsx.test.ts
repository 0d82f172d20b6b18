import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Cell } from '../../../src/core/table.js';
import { createXlsx, readXlsx } from '../../../src/node/xlsx/index.js';

const dir = mkdtempSync(join(tmpdir(), 'tierwise-create-'));
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

const CUSTOMERS: Cell[][] = [
  ['Customer ID', '客户名称', 'Revenue', 'Since', 'Key', 'Note'],
  ['C-1', '北京 & Co <Ltd>', 1234.5, day('2024-03-05'), true, '=1+1'],
  [],
  ['C-3', null, -0.1, day('1999-12-31'), false, ' spaced '],
];

describe('createXlsx', () => {
  it('makes a book that reads back cell for cell, blank rows and hidden tabs included', async () => {
    const path = join(dir, 'demo.xlsx');
    await createXlsx(path, [
      { name: 'Customers', rows: CUSTOMERS },
      { name: 'TW State', rows: [['key'], ['v']], hidden: true },
    ]);
    const book = await readXlsx(path, ['Customers', 'TW State']);
    expect(book.sheetNames).toEqual(['Customers', 'TW State']);
    const table = book.tables.get('Customers')!;
    expect(table.header).toEqual(CUSTOMERS[0]);
    expect(table.rows).toEqual([CUSTOMERS[1], [null, null, null, null, null, null], CUSTOMERS[3]]);
    expect(book.tables.get('TW State')!.rows).toEqual([['v']]);
  });

  it('gives the same bytes for the same tabs', async () => {
    const [a, b] = [join(dir, 'a.xlsx'), join(dir, 'b.xlsx')];
    await createXlsx(a, [{ name: 'Customers', rows: CUSTOMERS }]);
    await createXlsx(b, [{ name: 'Customers', rows: CUSTOMERS }]);
    expect(readFileSync(a).equals(readFileSync(b))).toBe(true);
  });

  it('refuses tab names Excel would reject', async () => {
    await expect(createXlsx(join(dir, 'bad.xlsx'), [{ name: 'Q1/Q2', rows: [] }])).rejects.toThrow(/"Q1\/Q2" cannot be a tab name/);
    await expect(createXlsx(join(dir, 'dup.xlsx'), [{ name: 'Deals', rows: [] }, { name: 'deals', rows: [] }])).rejects.toThrow(/Two tabs/);
  });
});
