import { describe, expect, it } from 'vitest';
import { callServer } from '../../../src/app/server/server-function.js';
import { sidebarWhatIfFunction } from '../../../src/app/server/sidebar-what-if.js';
import { parseDay } from '../../../src/core/parse/days.js';
import type { Settings } from '../../../src/core/settings/schema.js';
import type { Cell } from '../../../src/core/table.js';
import { previewSession } from '../../../src/node/preview/preview-context.js';
import { memoryBook, memoryState } from '../book-fixtures.js';

/** The Weights section's rows for a book of these tabs, under these saved settings. */
function whatIf(tabs: Record<string, Cell[][]>, input: object = {}, settings: object = {}) {
  const session = previewSession(memoryBook(tabs), memoryState(), {
    user: 'manager@example.com', today: parseDay('2026-11-02') as number, timeZone: 'Etc/UTC', writeMsPerCall: null, executionLimitMs: 360_000, wallMs: () => 0,
  }, settings as Partial<Settings>);
  return callServer(sidebarWhatIfFunction, session.context(), input);
}

const customers: Cell[][] = [['Customer ID', 'Historical Revenue', 'Industry'], ['C1', 100, 'Retail'], ['C2', null, null], ['C3', 300, 'Finance']];
const dimensions = [
  { key: 'revenue', label: 'historical revenue', source: 'historicalRevenue', weight: 30 },
  { key: 'industry', label: 'industry', source: 'Industry', weight: 10, normalize: 'category', points: { Retail: 100 } },
  { key: 'cost', label: 'service cost', source: 'serviceCost', weight: 5 },
];

describe('the what-if rows of the Weights section', () => {
  it('give each dimension\'s raw values with blanks as null, the text of category columns, and the labels of dimensions the book lacks', () => {
    const rows = whatIf({ Customers: customers }, {}, { score: { dimensions } });
    expect(rows).toMatchObject({ asOf: '2026-11-02', customers: 3, absent: ['service cost'], fromDeals: false });
    expect(rows.dimensions.map((d) => d.key)).toEqual(['revenue', 'industry']);
    expect(rows.values.revenue).toEqual([100, null, 300]);
    expect(rows.categories).toEqual({ industry: ['Retail', null, 'Finance'] });
    expect(rows.currentTiers).toMatch(/^[ABC]{3}$/);
    expect(rows.currentTiers[2]).toBe('A');
  });

  it('score as of the date asked for, and refuse a date that does not exist', () => {
    expect(whatIf({ Customers: customers }, { asOf: '2026-10-01' }, { score: { dimensions } }).asOf).toBe('2026-10-01');
    expect(() => whatIf({ Customers: customers }, { asOf: '2026-02-30' }, { score: { dimensions } })).toThrow(/^asOf: .*February 2026 has 28 days/);
    for (const asOf of ['x2026-10-01', '2026-10-01T09:00']) {
      expect(() => whatIf({ Customers: customers }, { asOf }, { score: { dimensions } })).toThrow('sidebarWhatIf was called with a bad input: asOf: a date in the form YYYY-MM-DD');
    }
  });

  it('reweigh the deals\' dimensions when they stood in for the default ones, and say so', () => {
    const rows = whatIf({
      Customers: [['Customer ID', 'Name'], ['C1', 'a'], ['C2', 'b']],
      Deals: [['Deal ID', 'Customer ID', 'Amount', 'Date', 'Stage'], ['D1', 'C1', 100, '2026-01-01', 'won'], ['D2', 'C2', 50, '2026-02-01', 'won']],
    });
    expect(rows.fromDeals).toBe(true);
    expect(rows.dimensions.map((d) => d.source)).toEqual(['@monetary', '@frequency', '@recencyDays']);
    expect(rows.values.spend).toEqual([100, 50]);
  });
});
