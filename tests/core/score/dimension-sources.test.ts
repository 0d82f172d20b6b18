import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../../src/core/parse/days.js';
import { type CustomerRows, readCustomers } from '../../../src/core/parse/customers-tab.js';
import { readDeals } from '../../../src/core/parse/deals-tab.js';
import { resolveDimensions, scoringColumns } from '../../../src/core/score/dimensions.js';
import { scoreBook } from '../../../src/core/score/score-book.js';
import { type Settings, defaultSettings, parseSettings } from '../../../src/core/settings/schema.js';
import type { Dimension } from '../../../src/core/settings/score.js';
import type { Cell, Table } from '../../../src/core/table.js';

const AS_OF = dayNumber(2026, 6, 30);
const table = (tab: string, [header, ...rows]: Cell[][]): Table => ({ tab, header, rows, headerRow: 1 });

/** A score on one dimension of the given source, beside historical revenue so the book has two. */
function scoredOn(source: string): Settings {
  const result = parseSettings({
    score: {
      dimensions: [
        { key: 'measure', label: 'measure', source, weight: 50 },
        { key: 'revenue', label: 'historical revenue', source: 'historicalRevenue', weight: 50 },
      ],
    },
  });
  if (!result.ok) throw new Error(result.errors.join('; '));
  return result.settings;
}

/** Each customer's value on the dimension keyed `measure`, as the rescore read it. */
function measureOf(source: string, customers: Cell[][], deals: Cell[][] | null): (number | null)[] {
  const run = scoreBook({ customers: table('Customers', customers), deals: deals && table('Deals', deals), settings: scoredOn(source), asOfDay: AS_OF });
  if (!run.ok) throw new Error(JSON.stringify(run.issues));
  const column = run.result.columns.find((c) => c.dimension.key === 'measure');
  if (!column) return [];
  return Array.from(column.values, (v) => (Number.isNaN(v) ? null : v));
}

const deals = (): Cell[][] => [
  ['Customer ID', 'Amount', 'Date'],
  ['C1', 100, '2026-01-05'],
  ['C1', 50, '2026-03-05'],
  ['C2', 400, '2026-02-05'],
];

describe('where a dimension takes each customer’s value from', () => {
  it('a dimension with source @monetary scores customers by what they spent over the won deals', () => {
    expect(measureOf('@monetary', [['Customer ID', 'Historical Revenue'], ['C1', 1], ['C2', 1]], deals())).toEqual([150, 400]);
  });

  it('a dimension with source @frequency scores customers by how many won deals they have', () => {
    expect(measureOf('@frequency', [['Customer ID', 'Historical Revenue'], ['C1', 1], ['C2', 1]], deals())).toEqual([2, 1]);
  });

  it('a dimension from the deals scores nobody when the book has no Deals tab', () => {
    expect(measureOf('@monetary', [['Customer ID', 'Historical Revenue'], ['C1', 1], ['C2', 1]], null)).toEqual([]);
  });

  it('tenure reads the Years as Customer column when the Customers tab has one, even beside a First Deal Date', () => {
    const customers = [['Customer ID', 'Historical Revenue', 'Years as Customer', 'First Deal Date'], ['C1', 1, 7, '2026-06-30'], ['C2', 1, 2, '2000-06-30']];
    expect(measureOf('@tenureYears', customers, null)).toEqual([7, 2]);
  });

  it('tenure counts years from the First Deal Date when the Customers tab has one', () => {
    const customers = [
      ['Customer ID', 'Historical Revenue', 'First Deal Date'],
      ['C1', 1, '2024-06-30'],
      ['C2', 1, '2025-12-30'],
      ['C3', 1, ''],
      // A first deal after the as-of date is a customer of no years yet, not of negative ones.
      ['C4', 1, '2026-09-30'],
    ];
    const [two, half, blank, future] = measureOf('@tenureYears', customers, null);
    expect(two).toBeCloseTo(2, 2);
    expect(half).toBeCloseTo(0.5, 2);
    expect([blank, future]).toEqual([null, 0]);
  });

  it('tenure scores nobody when the Customers tab has neither years as customer nor a First Deal Date', () => {
    expect(measureOf('@tenureYears', [['Customer ID', 'Historical Revenue'], ['C1', 1], ['C2', 2]], null)).toEqual([]);
  });

  it('@clv takes each customer’s lifetime value and @pAlive their chance of still buying, from the CLV model', () => {
    const read = readCustomers(table('Customers', [['Customer ID'], ['C1'], ['C2']]), defaultSettings);
    if (!read.ok) throw new Error('the tab should read');
    const dimension = (source: string): Dimension => ({ key: source, label: source, source, weight: 1, direction: 'higher', normalize: 'minmax', missing: 'median' });
    const measures = { deals: null, clv: Float64Array.of(1200, 80), pAlive: Float64Array.of(0.25, 0.9) };
    const { columns } = resolveDimensions([dimension('@clv'), dimension('@pAlive')], read.customers, measures, AS_OF);
    expect(columns.map((c) => Array.from(c.values))).toEqual([
      [1200, 80],
      [0.25, 0.9],
    ]);
  });
});

function customerRows(customers: Cell[][]): CustomerRows {
  const read = readCustomers(table('Customers', customers), defaultSettings);
  if (!read.ok) throw new Error('the tab should read');
  return read.customers;
}

describe('what a category dimension reads from its column', () => {
  it('counts a blank cell as missing and keeps the text of a filled one for its points', () => {
    const customers = customerRows([['Customer ID', 'Region'], ['C1', 'North'], ['C2', '']]);
    const region: Dimension = { key: 'region', label: 'region', source: 'Region', weight: 1, direction: 'higher', normalize: 'category', points: { North: 100 }, missing: 'worst' };
    const [column] = resolveDimensions([region], customers, { deals: null, clv: null, pAlive: null }, AS_OF).columns;
    expect(Number.isNaN(column.values[0])).toBe(false);
    expect(Number.isNaN(column.values[1])).toBe(true);
    expect(column.categories).toEqual(['North', null]);
  });
});

describe('what the summary says about the dimensions that scored', () => {
  it('names no dimension as unscored when every one has its column', () => {
    const run = scoreBook({ customers: table('Customers', [['Customer ID', 'Historical Revenue', 'Years as Customer'], ['C1', 1, 3], ['C2', 2, 4]]), deals: null, settings: scoredOn('@tenureYears'), asOfDay: AS_OF });
    if (!run.ok) throw new Error('the book should score');
    expect(run.result.notes.join(' ')).not.toMatch(/Not scored on/);
  });

  it('names the one default column the Customers tab has when the deals carry the score', () => {
    const run = scoreBook({ customers: table('Customers', [['Customer ID', 'Historical Revenue'], ['C1', 1], ['C2', 2]]), deals: table('Deals', deals()), settings: defaultSettings, asOfDay: AS_OF });
    if (!run.ok) throw new Error('the book should score');
    expect(run.result.notes).toContain(
      "The Customers tab has only historical revenue of the default score's columns, so Deals carry the score: spend, orders, days since last order; not on lifetime value, as the CLV model is not reliable here (set score.dimensions to choose your own).",
    );
  });

  it('says lifetime value was left out of a score the deals carry only when the CLV model was fitted and is not reliable', () => {
    const customers = customerRows([['Customer ID', 'Name'], ['C1', 'Ann'], ['C2', 'Bo']]);
    const read = readDeals(table('Deals', deals()), customers, defaultSettings, AS_OF);
    if (!read.ok) throw new Error('the deals should read');
    const clv = Float64Array.of(300, 900);
    const notesWith = (clvColumn: Float64Array | null, reliable: boolean) =>
      scoringColumns(defaultSettings, customers, { deals: read.facts, clv: clvColumn, pAlive: null }, reliable, AS_OF).notes.join(' ');
    const leftOut = '; not on lifetime value, as the CLV model is not reliable here';
    expect(notesWith(clv, false)).toContain(`Deals carry the score: spend, orders, days since last order${leftOut} (set`);
    expect(notesWith(clv, true)).toContain('Deals carry the score: spend, orders, days since last order, lifetime value (set');
    // CLV switched off: no model, so nothing to call unreliable.
    expect(notesWith(null, true)).not.toContain('lifetime value');
  });
});
