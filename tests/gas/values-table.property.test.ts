import fc from 'fast-check';
import { describe, it } from 'vitest';
import { expectSameTable } from '../core/same-table.js';
import { type Table, isBlankRow } from '../../src/core/table.js';
import { coreCell, sheetDays } from '../../src/gas/cell-values.js';
import { valuesTable } from '../../src/gas/values-table.js';
import { wallClockIn } from '../../src/gas/zone-time.js';

/**
 * getValues is read into the column view (valuesTable). It must give what converting the
 * rows in place gave, served through the rows adapter: the same header and header row, the
 * same cells, widths and rows, and readDeals the same deals and bad-cell reports.
 */

/** The rows as the shell read them before: each value converted in place, the header the first row holding anything. */
function rowsTable(tab: string, values: unknown[][], dayOf: (date: Date) => Date): Table {
  const rows = values.map((row) => row.map((value) => coreCell(value, dayOf)));
  let at = rows.findIndex((row) => !isBlankRow(row));
  if (at < 0) at = 0;
  return { tab, header: rows[at] ?? [], rows: rows.slice(at + 1), headerRow: at + 1 };
}

/** What getValues hands out: '' for an empty cell, text, numbers, booleans, instants. */
const value = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('', '', ' ', 'C1', 'C2', ' C3 ', 'won', 'lost', 'open', '100', '¥7', '2024-03-05', '#N/A', '(blank)') },
  { weight: 2, arbitrary: fc.constantFrom(0, 100, -12.5, 45000, 1e20, 20240305) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 2, arbitrary: fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2027-01-01T00:00:00Z'), noInvalidDate: true }) },
);

const HEADER = ['Customer ID', 'Amount', 'Date', 'Stage', 'Deal ID'];

const sheet = fc
  .record({ width: fc.integer({ min: 1, max: 7 }), headed: fc.boolean(), blankAbove: fc.nat(2), rows: fc.array(fc.array(value, { minLength: 7, maxLength: 7 }), { maxLength: 12 }) })
  .map(({ width, headed, blankAbove, rows }) => {
    const blank = () => new Array<unknown>(width).fill('');
    const header = HEADER.slice(0, width).concat(new Array(Math.max(0, width - HEADER.length)).fill(''));
    const body = rows.map((row) => row.slice(0, width));
    return { width, values: [...Array.from({ length: blankAbove }, blank), ...(headed ? [header] : []), ...body] };
  });

describe('a tab read with getValues, held by column', () => {
  it('gives every cell, width and row that converting the rows in place gave, and readDeals the same deals and reports (property)', () => {
    fc.assert(
      fc.property(sheet, fc.constantFrom('UTC', 'Asia/Shanghai', 'America/Los_Angeles'), ({ width, values }, zone) => {
        const dayOf = sheetDays(wallClockIn(zone));
        expectSameTable(valuesTable('Deals', values, width, dayOf), rowsTable('Deals', values.map((row) => [...row]), dayOf));
      }),
      { numRuns: 300 },
    );
  });
});
