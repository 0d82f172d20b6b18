import { describe, expect, it } from 'vitest';
import { OWNED, OWN_TABS } from '../../src/app/owned-columns.js';
import { propose } from '../../src/app/propose.js';
import { rescore } from '../../src/app/rescore.js';
import { summarizeRescore } from '../../src/app/summary.js';
import { dayNumber } from '../../src/core/parse/days.js';
import { Settings, defaultSettings } from '../../src/core/settings/schema.js';
import type { Cell } from '../../src/core/table.js';
import { fixedClock, memoryBook, memoryState } from './book-fixtures.js';
import { context, customersOf } from './owner-fixtures.js';

const AS_OF = dayNumber(2024, 12, 31);

/** The Customers tab of issue 10: an id, an owner and a country, none of the default score's columns. */
const idOwnerCountry: Cell[][] = [
  ['Customer ID', 'Owner', 'Country'],
  ...Array.from({ length: 10 }, (_, i): Cell[] => [`C${i + 1}`, i % 2 ? 'Ann' : '', i % 3 ? 'France' : 'Spain']),
];

/** C1 buys once, C10 ten times; more orders, more spend and a later last order for each next customer. */
const orders: Cell[][] = [
  ['Order ID', 'Customer ID', 'Amount', 'Order Date'],
  ...Array.from({ length: 10 }, (_, i) => Array.from({ length: i + 1 }, (_, j): Cell[] => [`O${i}-${j}`, `C${i + 1}`, 100 * (i + 1), `2024-${String(j + 1).padStart(2, '0')}-${String(10 + i).padStart(2, '0')}`])).flat(),
];

function run(tabs: Record<string, Cell[][]>, settings = defaultSettings) {
  const workbook = memoryBook(tabs);
  const outcome = rescore({ workbook, state: memoryState(), clock: fixedClock, settings, asOfDay: AS_OF });
  return { workbook, outcome, summary: summarizeRescore('score', AS_OF, null, outcome) };
}

describe('a book whose Customers tab has none of the score’s columns', () => {
  it('gets no tiers rather than every customer 0.00 and tier A, and says so', () => {
    const { workbook, summary } = run({ Customers: idOwnerCountry });
    expect(summary.tiers).toEqual({ A: 0, B: 0, C: 0 });
    expect(summary.score).toMatchObject({ dimensions: [], fromDeals: false, tiered: false });
    expect(summary.notes).toContain('Every customer (all 10) scored 0.00: the score tells nobody apart, so no tiers were given (TW Tier is left blank). Add columns the score can use, or set score.dimensions.');
    const { tab, col } = customersOf(workbook);
    expect(tab.rows.map((row) => row[col(OWNED.tier)] ?? null)).toEqual(new Array(10).fill(null));
    const dashboard = workbook.readTable(OWN_TABS.dashboard)!;
    expect(dashboard.rows.find((row) => row[0] === 'No tier')).toEqual(['No tier', 10, 1]);
    expect(dashboard.rows.find((row) => row[0] === 'A')).toEqual(['A', 0, 0]);
  });

  it('is scored on spend, orders, recency and reliable CLV from its deals, with the configured shares', () => {
    const { outcome, summary } = run({ Customers: idOwnerCountry, Deals: orders });
    expect(summary.score!.fromDeals).toBe(true);
    expect(summary.score!.tiered).toBe(true);
    const labels = summary.score!.dimensions.map((d) => `${d.label} ${d.weight}`);
    expect(labels.slice(0, 3)).toEqual(['spend 40', 'orders 30', 'days since last order 30']);
    // Lifetime value scores only where the model can be trusted, and the summary says which.
    expect(labels.includes('lifetime value 30')).toBe(summary.clv!.reliable);
    expect(summary.tiers).toEqual({ A: 2, B: 3, C: 5 });
    const tierOf = (id: string) => outcome.scores.tiers[outcome.scores.customers.ids.indexOf(id)];
    expect([tierOf('C10'), tierOf('C9'), tierOf('C8'), tierOf('C1')]).toEqual(['A', 'A', 'B', 'C']);
    expect(summary.notes.join(' ')).toMatch(/The Customers tab has none of the default score's columns, so Deals carry the score: spend, orders, days since last order/);
    expect(outcome.scores.why[outcome.scores.customers.ids.indexOf('C10')]).toMatch(/^high spend/);
  });

  it('keeps the default score when the Customers tab has two of its columns, and the user’s own dimensions always', () => {
    const twoColumns = idOwnerCountry.map((row, i): Cell[] => [...row, i === 0 ? 'Historical Revenue' : 1000 * i, i === 0 ? 'Potential' : i % 4]);
    expect(run({ Customers: twoColumns, Deals: orders }).summary.score!.fromDeals).toBe(false);

    // Settings saved as they were loaded (the sidebar sends them all back) still leave the defaults in force.
    const roundTripped = Settings.parse(JSON.parse(JSON.stringify(defaultSettings)));
    expect(run({ Customers: idOwnerCountry, Deals: orders }, roundTripped).summary.score!.fromDeals).toBe(true);

    const own = Settings.parse({ score: { dimensions: [{ key: 'revenue', label: 'revenue', source: 'historicalRevenue', weight: 1 }] } });
    const { summary } = run({ Customers: idOwnerCountry, Deals: orders }, own);
    expect(summary.score).toMatchObject({ dimensions: [], fromDeals: false, tiered: false });
  });
});

describe('propose on a book with no tiers', () => {
  const customers: Cell[][] = [
    ['Customer ID', 'Name', 'Region', 'Industry', 'Owner'],
    ...Array.from({ length: 6 }, (_, i): Cell[] => [`C${i + 1}`, `Company ${i + 1}`, 'East', 'Retail', null]),
  ];
  const reps: Cell[][] = [
    ['Name', 'Level', 'Regions', 'Capacity', 'A Cap'],
    ['Alice', 'senior', 'East', 10, 0],
    ['Bob', 'junior', 'East', 10, 0],
  ];

  it('treats its customers as not A: reps with an A cap of 0 take them all, and the reason says they have no tier', () => {
    const ctx = context(memoryBook({ Customers: customers, Reps: reps }));
    const outcome = propose(ctx);
    expect(outcome.assign.unplaced).toEqual([]);
    expect(outcome.assign.proposed).toBe(6);
    const { cell } = customersOf(ctx.workbook);
    expect(cell('C1', OWNED.reason)).toMatch(/^No owner; no tier → (senior|junior) rep; same region \(East\)/);
  });
});
