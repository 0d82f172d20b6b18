import { describe, expect, it } from 'vitest';
import { tableCells } from '../../../src/core/table.js';
import { csvTableOf } from '../../../src/node/csv/read.js';
import { inPlaceTable } from '../../core/parse/in-place-table.js';

// The core tests of the in-place readers (tests/core/parse/*-in-place) build their tables with
// inPlaceTable, a stand-in for the CSV reader's cells. It is only worth what it shares with the
// reader: here both read the same file (an empty field is a null cell in both), and every cell
// and every span's text must agree.
describe('the in-place table the core tests use', () => {
  it('gives the cells and spans the CSV reader gives for the same file', () => {
    const header = ['Deal ID', 'Customer ID', 'Amount', 'Date'];
    const rows = [
      ['1001', 'C1', { quoted: '1,200.50' }, '2024-03-05'],
      [{ quoted: 'C, 2' }, null, '17', '2024/03/06 10:00'],
      ['1002', { quoted: '0' }, '-3', null],
    ] as const;
    const stand = tableCells(inPlaceTable('Deals', header, rows));
    const text = `${header.join(',')}\n1001,C1,"1,200.50",2024-03-05\n"C, 2",,17,2024/03/06 10:00\n1002,"0",-3,`;
    const real = tableCells(csvTableOf(new TextEncoder().encode(text), 'Deals', 'deals.csv', { byColumn: true }).table);
    expect(real.source).toBeDefined();
    const read = (cells: typeof real, source: string) =>
      rows.map((_, r) => header.map((__, c) => [cells.cell(r, c), cells.spanStart?.(r, c) === -1 ? -1 : source.slice(cells.spanStart?.(r, c), cells.spanEnd?.(r, c))]));
    expect(read(stand, stand.source as string)).toEqual(read(real, real.source as string));
  });
});
