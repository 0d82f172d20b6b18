import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCustomers } from '../../../src/core/parse/customers-tab.js';
import { isoDayAt, parseDate } from '../../../src/core/parse/dates.js';
import { deriveCustomers } from '../../../src/core/parse/derive-customers.js';
import { readDeals } from '../../../src/core/parse/deals-tab.js';
import { dayNumber } from '../../../src/core/parse/days.js';
import { readAmount, readAmountAt } from '../../../src/core/parse/numbers.js';
import { repeatedTextReader } from '../../../src/core/parse/repeated-text.js';
import { parseStage } from '../../../src/core/parse/stages.js';
import { defaultSettings } from '../../../src/core/settings/schema.js';
import { type Table, tableCells } from '../../../src/core/table.js';
import { encodeCsvText } from '../../../src/node/csv/encoding.js';
import type { CsvFormat } from '../../../src/node/csv/format.js';
import { csvTableOf } from '../../../src/node/csv/read.js';

/**
 * The deals tab is held by column (CsvCells) while every other tab is read as rows: the
 * two must read any file alike, cell for cell, refusal for refusal, and readDeals must
 * find the same deals and report the same issues through either.
 */

// Cells a deals export holds, and the ones that break readers: quotes, delimiters and line
// breaks inside values, spaces, formulas, error values, injection strings, numbers and
// dates in and out of the in-place forms (15 and 16 digits, a sign, a time, a bad day).
const value = fc.constantFrom(
  '', ' ', 'C1', 'C2', ' C3 ', 'C9', '(blank)', 'won', 'Lost', '赢单', 'refunded', 'open',
  '100', '-12.50', '0', '-0', '007', '1,234.5', '1 234,5', '¥7', '$5', '999999999999999', '9999999999999999', '1e3', '12.', '.5', '-', '1.2.3',
  '2024-01-05', '2024/3/5', '2024-02-30', '2024-01-05T10:00', '2024-01-05 ', '2024-01-05X', '3/5/2024', '1/2/24', '5 Mar 2024', '20240305',
  '=SUM(A1:A2)', '+1', '@cmd', '#N/A', '#DIV/0!', "'=1+2", '"', 'a"b', 'x,y', 'x;y', 'x\ty', 'line\nbreak', 'cr\rlf\r\n', '客户', '\u{1F600}',
);

/** A field as an exporter writes it: bare, or quoted with its quotes doubled. */
const written = fc.tuple(value, fc.boolean()).map(([text, quote]) => (quote || /[",;\t\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text));

const HEADER = ['Customer ID', 'Amount', 'Date', 'Stage', 'Email', 'Deal ID'];

const csvText = fc
  .record({
    delimiter: fc.constantFrom<CsvFormat['delimiter']>(',', ';', '\t'),
    newline: fc.constantFrom('\n', '\r\n', '\r'),
    // Rows of any width (blank, short, ragged) with the odd raw fragment a broken export holds.
    rows: fc.array(fc.oneof({ weight: 30, arbitrary: fc.array(written, { maxLength: 6 }) }, { weight: 1, arbitrary: fc.array(written, { minLength: 7, maxLength: 7 }) }, { weight: 1, arbitrary: fc.constant(['"unclosed']) }), { maxLength: 12 }),
    finalBreak: fc.boolean(),
    encoding: fc.constantFrom<CsvFormat['encoding']>('utf-8', 'utf-8-bom', 'gb18030', 'utf-16le', 'utf-16be'),
  })
  .map(({ delimiter, newline, rows, finalBreak, encoding }) => {
    const lines = [HEADER, ...rows].map((row) => row.join(delimiter));
    return { bytes: encodeCsvText(lines.join(newline) + (finalBreak ? newline : ''), encoding), encoding };
  });

type Read = { table: Table } | { refused: string };

function read(bytes: Uint8Array, byColumn: boolean): Read {
  try {
    return { table: csvTableOf(bytes, 'Deals', 'deals.csv', { byColumn }).table };
  } catch (error) {
    return { refused: (error as Error).message };
  }
}

const AS_OF = dayNumber(2026, 11, 1);
const customers = readCustomers({ tab: 'Customers', headerRow: 1, header: ['Customer ID', 'Email'], rows: [['C1', 'a@x.cn'], ['C2', null], ['C3', null]] }, defaultSettings);

describe('the deals tab held by column', () => {
  it('reads every cell, width and refusal exactly as the row reader does (fuzz)', () => {
    fc.assert(
      fc.property(csvText, ({ bytes }) => {
        const rows = read(bytes, false);
        const columns = read(bytes, true);
        if ('refused' in rows || 'refused' in columns) {
          expect(columns).toEqual(rows);
          return;
        }
        const byRow = rows.table;
        const byColumn = columns.table;
        expect(byColumn.header).toEqual(byRow.header);
        const cells = tableCells(byColumn);
        expect(cells.rowCount).toBe(byRow.rows.length);
        for (let row = 0; row < cells.rowCount; row++) {
          // The row reader pads short rows to the header; the column view says they end early.
          expect(Math.max(cells.width(row), byRow.header.length)).toBe(byRow.rows[row].length);
          for (let column = 0; column <= byRow.rows[row].length; column++) expect(cells.cell(row, column)).toBe(byRow.rows[row][column] ?? null);
        }
        // The rows made on demand, for a caller that writes to the tab.
        expect(byColumn.rows).toEqual(byRow.rows);
      }),
      { numRuns: 400 },
    );
  });

  it('reads amounts, dates and stages in place exactly as from the cell, in both decimal conventions (fuzz)', () => {
    fc.assert(
      fc.property(csvText, fc.constantFrom<'.' | ','>('.', ','), ({ bytes }, decimalSeparator) => {
        const columns = read(bytes, true);
        if ('refused' in columns) return;
        const cells = tableCells(columns.table);
        const options = { decimalSeparator, dateOrder: 'mdy' as const };
        const stages = HEADER.map((_, column) => repeatedTextReader(cells, column, parseStage));
        for (let row = 0; row < cells.rowCount; row++) {
          for (let column = 0; column < cells.width(row); column++) {
            if (column < stages.length) expect(stages[column](row)).toEqual(parseStage(cells.cell(row, column)));
            const sink = { currency: null, mark: '' };
            const inPlace = readAmountAt(cells, row, column, options, sink);
            const fromCell = { currency: null, mark: '' };
            expect(inPlace).toEqual(readAmount(cells.cell(row, column), options, fromCell));
            expect(sink).toEqual(fromCell);
            const day = isoDayAt(cells, row, column);
            if (!Number.isNaN(day)) expect(day).toBe(parseDate(cells.cell(row, column), options));
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('gives readDeals and the Customers tab made from the deals the same deals and issues as rows do (fuzz)', () => {
    if (!customers.ok) throw new Error('customers');
    fc.assert(
      fc.property(csvText, ({ bytes }) => {
        const rows = read(bytes, false);
        const columns = read(bytes, true);
        if ('refused' in rows || 'refused' in columns) return;
        expect(readDeals(columns.table, customers.customers, defaultSettings, AS_OF)).toEqual(readDeals(rows.table, customers.customers, defaultSettings, AS_OF));
        expect(deriveCustomers(columns.table, defaultSettings)).toEqual(deriveCustomers(rows.table, defaultSettings));
      }),
      { numRuns: 300 },
    );
  });

  it('reads customer ids, Deal IDs and stages where they are written exactly as from their cells (fuzz)', () => {
    // Ids as people and exports write them beside the plain ones read in place: spaces, quotes,
    // case, full-width and accented forms, `.0`, placeholders; orders of a few lines, their
    // Deal IDs mostly ascending, now and then one out of order (and unpadded numbers, `D9`
    // then `D10`, are out of order as text); a WooCommerce export, whose customer `0` is a guest.
    const generic = { header: ['Deal ID', 'Customer ID', 'Amount', 'Date', 'Stage'], extra: [] };
    const woo = { header: ['Order ID', 'Customer User', 'Order Total', 'Order Date', 'Order Status', 'Order Number', 'Billing Email'], extra: ['1', 'a@x.cn'] };
    const books = [
      { ids: ['C0001', 'C0002', 'C0003', 'C0010'], tab: generic },
      { ids: ['1001', '1002', '1003', '1010'], tab: generic },
      { ids: ['acme', 'C0001', '7', 'Bob Ltd'], tab: generic },
      { ids: ['0', '1', '2', '7'], tab: woo },
    ];
    const idForms = [(id: string) => ` ${id}`, (id: string) => `${id} `, (id: string) => `"${id}"`, (id: string) => id.toLowerCase(), (id: string) => `${id}.0`, (id: string) => id.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))), (id: string) => `${id}é`];
    const customerId = (ids: string[]) =>
      fc.oneof(
        { weight: 12, arbitrary: fc.constantFrom(...ids) },
        { weight: 4, arbitrary: fc.tuple(fc.constantFrom(...ids), fc.constantFrom(...idForms)).map(([id, form]) => form(id)) },
        { weight: 2, arbitrary: fc.constantFrom('', '(blank)', 'N/A', 'C0099', 'C001', '9999', ' ') },
      );
    // Forms 0, 1 and 10 give one key, as 2 and 9 do: the lines of an order may write its ID either way.
    const padded = (n: number) => `D${String(n).padStart(4, '0')}`;
    const dealForms = [padded, (n: number) => `${padded(n)} `, (n: number) => String(n).padStart(5, '0'), (n: number) => `D${n}`, (n: number) => ` D${n}`, (n: number) => `"D${n}"`, (n: number) => `d${n}`, () => '', () => '(blank)', (n: number) => `${String(n).padStart(5, '0')}.0`, (n: number) => `Ｄ${String(n).padStart(4, '0')}`];
    const stage = fc.constantFrom('won', 'won', 'lost', 'open', 'Won', ' won', '"won"', 'WON', 'Closed Won', '赢单', 'refunded', 'bogus', '', '#N/A');
    const line = (ids: string[]) =>
      fc.record({
        dealForm: fc.oneof({ weight: 12, arbitrary: fc.constant(0) }, { weight: 4, arbitrary: fc.nat(dealForms.length - 1) }),
        // Most lines of an order name its customer and stage; some do not.
        customer: fc.option(customerId(ids), { freq: 4 }),
        stage: fc.option(stage, { freq: 4 }),
        amount: fc.constantFrom('100', '12.5', '-5', '', '1,5'),
        date: fc.constantFrom('2024-01-05', '2025-03-01', '', '2024-02-30', '3/5/2024'),
      });
    const arbitrary = fc.constantFrom(...books).chain(({ ids, tab }) =>
      fc.record({
        ids: fc.constant(ids),
        tab: fc.constant(tab),
        orders: fc.array(
          fc.record({
            step: fc.oneof({ weight: 12, arbitrary: fc.constantFrom(1, 1, 2) }, { weight: 1, arbitrary: fc.constantFrom(-3, 0) }),
            customer: customerId(ids),
            stage,
            lines: fc.array(line(ids), { minLength: 1, maxLength: 3 }),
          }),
          { maxLength: 12 },
        ),
        delimiter: fc.constantFrom(',', ';'),
        newline: fc.constantFrom('\n', '\r\n'),
        encoding: fc.constantFrom<CsvFormat['encoding']>('utf-8', 'utf-16le'),
      }),
    );
    fc.assert(
      fc.property(arbitrary, ({ ids, tab, orders, delimiter, newline, encoding }) => {
        const listed = readCustomers({ tab: 'Customers', headerRow: 1, header: ['Customer ID'], rows: ids.map((id) => [id]) }, defaultSettings);
        if (!listed.ok) throw new Error('customers');
        let order = 1;
        const lines = [tab.header.join(delimiter)];
        for (const { step, customer, stage, lines: orderLines } of orders) {
          order = Math.max(1, order + step);
          for (const deal of orderLines) {
            const fields = [dealForms[deal.dealForm](order), deal.customer ?? customer, deal.amount, deal.date, deal.stage ?? stage, ...tab.extra];
            lines.push(fields.map((field) => (field.includes(delimiter) ? `"${field}"` : field)).join(delimiter));
          }
        }
        const bytes = encodeCsvText(lines.join(newline), encoding);
        const [rows, columns] = [read(bytes, false), read(bytes, true)];
        if ('refused' in rows || 'refused' in columns) throw new Error('a well-formed file was refused');
        expect(readDeals(columns.table, listed.customers, defaultSettings, AS_OF)).toEqual(readDeals(rows.table, listed.customers, defaultSettings, AS_OF));
      }),
      { numRuns: 500 },
    );
  });

  it('reads an export end to end without making its rows (a Shopify file, recognised by its headers)', () => {
    const bytes = readFileSync(new URL('../../fixtures/exports/shopify-orders.csv', import.meta.url));
    const byRow = csvTableOf(bytes, 'Deals', 'shopify-orders.csv').table;
    const byColumn = csvTableOf(bytes, 'Deals', 'shopify-orders.csv', { byColumn: true }).table;
    // Rows made by the deals pass would cost a million-order export what holding it by column saves.
    const noRows: Table = Object.defineProperty({ ...byColumn, rows: [] }, 'rows', { get: () => expect.fail('the rows were made') });
    const derived = deriveCustomers(noRows, defaultSettings);
    expect(derived).toEqual(deriveCustomers(byRow, defaultSettings));
    if (!derived.ok) throw new Error('derive');
    const [header, ...rows] = derived.customers.rows;
    const shopCustomers = readCustomers({ tab: 'Customers', headerRow: 1, header, rows }, defaultSettings);
    if (!shopCustomers.ok) throw new Error('customers');
    const read = readDeals(noRows, shopCustomers.customers, defaultSettings, AS_OF);
    expect(read.ok && read.facts.shape?.name).toBe('Shopify orders');
    expect(read).toEqual(readDeals(byRow, shopCustomers.customers, defaultSettings, AS_OF));
  });
});
