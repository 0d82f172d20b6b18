import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseNumberColumn } from '../../../src/core/parse/amount-column.js';
import { parseDateColumn, parseStageColumn } from '../../../src/core/parse/columns.js';
import { dayNumber } from '../../../src/core/parse/days.js';
import type { Cell, Table } from '../../../src/core/table.js';

const dot = { decimalSeparator: '.' } as const;

function column(header: string, cells: Cell[], headerRow = 1): Table {
  return { tab: 'Deals', header: ['Deal ID', header], rows: cells.map((cell, i) => [`D${i + 1}`, cell]), headerRow };
}

describe('parseNumberColumn', () => {
  it('reads every cell, leaving blanks and bad cells blank (NaN), never zero', () => {
    const { values, currency, issues } = parseNumberColumn(column('Amount', ['1234.56', null, '', 'abc', 0, '¥2,000', '#N/A']), 1, dot);
    expect(Array.from(values)).toEqual([1234.56, NaN, NaN, NaN, 0, 2000, NaN]);
    expect(currency).toBe('CNY');
    expect(issues).toEqual([
      { tab: 'Deals', row: 5, column: 'Amount', value: 'abc', message: "'abc' is not a number; left blank" },
      { tab: 'Deals', row: 8, column: 'Amount', value: '#N/A', message: 'error value #N/A; left blank' },
    ]);
  });

  it('counts sheet rows from the header row', () => {
    const { issues } = parseNumberColumn(column('Amount', ['1', 'x'], 4), 1, dot);
    expect(issues[0].row).toBe(6);
  });

  it('treats a row shorter than the header as blank', () => {
    const table: Table = { tab: 'Deals', header: ['Deal ID', 'Amount'], rows: [['D1']], headerRow: 1 };
    const { values, issues } = parseNumberColumn(table, 1, dot);
    expect(Number.isNaN(values[0])).toBe(true);
    expect(issues).toEqual([]);
  });

  it('never adds up two currencies: keeps the one most cells use and blanks the rest, each with an issue', () => {
    const { values, currency, issues } = parseNumberColumn(column('Amount', ['¥100', '$5', 'RMB 200', '300', '$7']), 1, dot);
    expect(currency).toBe('CNY');
    expect(Array.from(values)).toEqual([100, NaN, 200, 300, NaN]);
    expect(issues).toEqual([
      { tab: 'Deals', row: 1, column: 'Amount', value: 'CNY (¥), USD ($)', message: 'column mixes CNY (¥) and USD ($) amounts; kept the 2 in CNY, left the 2 in USD blank' },
      { tab: 'Deals', row: 3, column: 'Amount', value: '$5', message: 'amount in USD ($), but this column is in CNY (¥); left blank' },
      { tab: 'Deals', row: 6, column: 'Amount', value: '$7', message: 'amount in USD ($), but this column is in CNY (¥); left blank' },
    ]);
  });

  it('settles a tie between currencies the same way whatever the row order', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(['¥1', '¥2', '$3', '$4', '€5', '€6'], { minLength: 6, maxLength: 6 }), (cells) => {
        expect(parseNumberColumn(column('Amount', cells), 1, dot).currency).toBe('CNY');
      }),
    );
  });

  it('turns every bad cell into one issue with its row and header, whatever the cells', () => {
    const cell = fc.oneof(fc.string(), fc.double(), fc.constant(null), fc.boolean(), fc.constantFrom('¥5', '$5', '1,234.50', '#REF!'));
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 40 }), (cells) => {
        const { values, issues } = parseNumberColumn(column('Revenue', cells), 1, dot);
        const cellIssues = issues.filter((issue) => issue.row > 1);
        const blankCells = cells.filter((c) => c === null || (typeof c === 'string' && c.trim() === '')).length;
        const nanValues = Array.from(values).filter(Number.isNaN).length;
        expect(nanValues).toBe(blankCells + cellIssues.length);
        for (const issue of cellIssues) {
          expect(issue).toMatchObject({ tab: 'Deals', column: 'Revenue' });
          expect(issue.row).toBeGreaterThanOrEqual(2);
          expect(issue.row).toBeLessThanOrEqual(cells.length + 1);
        }
      }),
    );
  });
});

describe('parseDateColumn', () => {
  it('gives day numbers, NaN for blanks and bad dates, and an issue per bad date', () => {
    const { days, issues } = parseDateColumn(column('Date', ['2024-03-05', null, '2024-02-30', 45356]), 1, { dateOrder: 'mdy' });
    expect(Array.from(days)).toEqual([dayNumber(2024, 3, 5), NaN, NaN, dayNumber(2024, 3, 5)]);
    expect(issues).toEqual([
      { tab: 'Deals', row: 4, column: 'Date', value: '2024-02-30', message: "'2024-02-30' is not a real date (February 2024 has 29 days); left blank" },
    ]);
  });
});

describe('parseStageColumn', () => {
  it('gives the stage per row, null for blanks and unknown stages, and an issue per unknown stage', () => {
    const { stages, issues } = parseStageColumn(column('Stage', ['won', 'Closed Lost', null, '进行中', 'maybe']), 1);
    expect(stages).toEqual(['won', 'lost', null, 'open', null]);
    expect(issues).toEqual([
      { tab: 'Deals', row: 6, column: 'Stage', value: 'maybe', message: "'maybe' is not a deal stage (use won, lost or open); left blank" },
    ]);
  });
});
