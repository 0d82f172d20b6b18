import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectSameTable } from '../../core/same-table.js';
import { type Cell, type Table, isBlankRow } from '../../../src/core/table.js';
import { type CellContext, cellValue } from '../../../src/node/xlsx/cell-values.js';
import { sheetTable } from '../../../src/node/xlsx/read-xlsx.js';
import { SheetCursor } from '../../../src/node/xlsx/sheet-cursor.js';
import { escapeXmlText } from '../../../src/node/xlsx/xml-text.js';

/**
 * The .xlsx reader fills the column view (ColumnCells) straight from the sheet XML. It must
 * give what the reader of rows it replaced gave, served through the rows adapter: the same
 * header, the same cells, widths and row count, the same refusals, and readDeals the same
 * deals and the same bad-cell reports, whatever the sheet holds.
 */

/** The reader of rows as it was: one array of cells per row, blank rows shared, trailing blank rows dropped. */
function rowsTable(tab: string, xml: Buffer, context: CellContext): Table {
  const cursor = new SheetCursor(xml);
  let header: Cell[] | null = null;
  let headerRow = 1;
  let width = 0;
  let blank: Cell[] = [];
  const rows: Cell[][] = [];
  let lastNonBlank = 0;
  while (cursor.nextRow()) {
    let row: Cell[] | null = null;
    while (cursor.nextCell()) {
      const value = cellValue(cursor, xml, context);
      if (value === null) continue;
      row ??= new Array<Cell>(width).fill(null);
      while (row.length < cursor.column) row.push(null);
      row[cursor.column] = value;
    }
    if (header === null) {
      if (row && !isBlankRow(row)) {
        header = row;
        headerRow = cursor.rowNumber;
        width = row.length;
        blank = new Array<Cell>(width).fill(null);
      }
      continue;
    }
    const index = cursor.rowNumber - headerRow - 1;
    if (index < rows.length) throw new Error(`Row ${cursor.rowNumber} comes after a later row; the sheet is damaged.`);
    while (rows.length < index) rows.push(blank);
    rows.push(row ?? blank);
    if (row && !isBlankRow(row)) lastNonBlank = rows.length;
  }
  rows.length = lastNonBlank;
  return { tab, header: header ?? [], rows, headerRow };
}

const SHARED = ['Customer ID', 'Amount', 'Date', 'Stage', 'Deal ID', 'C1', 'C2', ' C3 ', 'won', 'lost', 'open', '', '  ', '2024-03-05', '100', '¥7', '(blank)', '#N/A'];

const column = fc.constantFrom('A', 'B', 'C', 'D', 'E', 'F', 'H', 'AA');

/** A `<c>` of every kind a sheet holds, with its reference or without one. */
const cellXml = fc
  .tuple(
    fc.option(column, { nil: undefined }),
    fc.oneof(
      fc.integer({ min: -1, max: SHARED.length + 1 }).map((i) => ` t="s"><v>${i}</v></c>`),
      fc.constantFrom('C1', ' ', '', 'a &amp; b', '12.5', 'won', '2024-01-05').map((t) => ` t="inlineStr"><is><t>${escapeXmlText(t)}</t></is></c>`),
      fc.constant(' t="inlineStr"><is><r><t>C</t></r><r><t>2</t></r></is></c>'),
      fc.constantFrom('100', '-12.5', '0', '1e3', '45000', '1234567890123456789', '', 'x').map((v) => `><v>${v}</v></c>`),
      fc.constantFrom('45000', '45000.75', '0', '-1', '1e20').map((v) => ` s="1"><v>${v}</v></c>`),
      fc.constantFrom('2024-03-05', '2024-03-05T10:00:00', 'soon', '').map((v) => ` t="d"><v>${v}</v></c>`),
      fc.constantFrom('1', '0').map((v) => ` t="b"><v>${v}</v></c>`),
      fc.constantFrom('#N/A', '#DIV/0!').map((v) => ` t="e"><v>${v}</v></c>`),
      fc.constantFrom('C1', '', 'x &lt; y').map((v) => ` t="str"><f>A1</f><v>${v}</v></c>`),
      fc.constantFrom('/>', ' s="1"/>', '><v/></c>', '><f>1+1</f></c>'),
    ),
  )
  .map(([col, rest]) => ({ col, rest }));

/** Rows with or without their number, some skipped, the odd one out of order. */
const sheet = fc
  .record({
    rows: fc.array(fc.record({ gap: fc.nat(2), numbered: fc.boolean(), back: fc.integer({ min: 0, max: 40 }), cells: fc.array(cellXml, { maxLength: 7 }) }), { maxLength: 14 }),
    date1904: fc.boolean(),
    // Often a Deals header first, so readDeals reads the rows below it.
    headed: fc.boolean(),
  })
  .map(({ rows, date1904, headed }) => {
    let rowNumber = headed ? 1 : 0;
    const headerXml = headed ? `<row r="1">${['A', 'B', 'C', 'D', 'E'].map((col, i) => `<c r="${col}1" t="s"><v>${i}</v></c>`).join('')}</row>` : '';
    const rowsXml = rows.map(({ gap, numbered, back, cells }) => {
      // One row in forty goes back a row, which the reader refuses.
      rowNumber = back === 0 ? Math.max(1, rowNumber - 1) : rowNumber + 1 + gap;
      const cellsXml = cells.map(({ col, rest }) => (col === undefined ? `<c${rest}` : `<c r="${col}${rowNumber}"${rest}`)).join('');
      return numbered || back === 0 ? `<row r="${rowNumber}">${cellsXml}</row>` : `<row>${cellsXml}</row>`;
    });
    const xml = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${headerXml}${rowsXml.join('')}</sheetData></worksheet>`;
    return { xml: Buffer.from(xml, 'utf8'), context: { sharedStrings: SHARED, dateStyles: [false, true], date1904 } };
  });

type Read = { table: Table } | { refused: string };

function read(make: () => Table): Read {
  try {
    return { table: make() };
  } catch (error) {
    return { refused: (error as Error).message };
  }
}

describe('the .xlsx reader held by column', () => {
  it('gives every cell, width, row and refusal the reader of rows gave, and readDeals the same deals and reports (property)', () => {
    fc.assert(
      fc.property(sheet, ({ xml, context }) => {
        const rows = read(() => rowsTable('Deals', xml, context));
        const columns = read(() => sheetTable('Deals', xml, context));
        if ('refused' in rows || 'refused' in columns) {
          expect(columns).toEqual(rows);
          return;
        }
        expectSameTable(columns.table, rows.table);
      }),
      { numRuns: 400 },
    );
  });
});
