import { describe, expect, it } from 'vitest';
import { customerFields, dealFields, repFields } from '../../../src/core/parse/fields.js';
import { columnLetter, locateColumns, normalizeHeader, requireColumns } from '../../../src/core/parse/headers.js';
import type { Cell, Table } from '../../../src/core/table.js';

function tab(tabName: string, header: Cell[]): Table {
  return { tab: tabName, header, rows: [], headerRow: 1 };
}

describe('normalizeHeader', () => {
  it('treats case, spaces, underscores, hyphens and full-width forms as the same header', () => {
    const forms = ['Customer ID', 'Customer_ID', ' customer id ', 'customer-id', 'CUSTOMERID', 'ＣＵＳＴＯＭＥＲ　ＩＤ', 'Customer  ID'];
    expect(new Set(forms.map(normalizeHeader))).toEqual(new Set(['customerid']));
  });

  it('keeps different words apart', () => {
    expect(normalizeHeader('客户编号')).not.toBe(normalizeHeader('客户名称'));
  });
});

describe('the alias catalogs', () => {
  it.each([
    ['Customers', customerFields],
    ['Deals', dealFields],
    ['Reps', repFields],
  ] as const)('never let one %s header mean two fields', (_, catalog) => {
    const owner = new Map<string, string>();
    for (const [field, aliases] of Object.entries(catalog)) {
      for (const alias of aliases as readonly string[]) {
        const key = normalizeHeader(alias);
        expect(owner.get(key) ?? field, `${alias} is an alias of ${owner.get(key)} and ${field}`).toBe(field);
        owner.set(key, field);
      }
    }
  });
});

describe('locateColumns', () => {
  it('finds columns by alias wherever they are, in any language', () => {
    const table = tab('Deals', ['备注', 'order_date', '客户编号', 'REVENUE', '阶段']);
    const { index, issues } = locateColumns(table, dealFields, {});
    expect(index).toEqual({ date: 1, customerId: 2, amount: 3, stage: 4 });
    expect(issues).toEqual([]);
  });

  it('reads Status as the stage on Deals and Revenue as historical revenue on Customers', () => {
    expect(locateColumns(tab('Deals', ['Status', 'Revenue']), dealFields, {}).index).toEqual({ stage: 0, amount: 1 });
    expect(locateColumns(tab('Customers', ['Status', 'Revenue']), customerFields, {}).index).toEqual({ status: 0, historicalRevenue: 1 });
  });

  it('prefers the canonical header over a looser alias of the same field', () => {
    const { index } = locateColumns(tab('Customers', ['ID', 'Customer ID']), customerFields, {});
    expect(index.id).toBe(1);
  });

  it('lets a mapping in settings win, matched by the same folding rule', () => {
    const table = tab('Customers', ['Customer ID', 'Revenue', 'Umsatz gesamt']);
    const { index, issues } = locateColumns(table, customerFields, { historicalRevenue: 'UMSATZ_GESAMT' });
    expect(index).toEqual({ id: 0, historicalRevenue: 2 });
    expect(issues).toEqual([]);
  });

  it('does not let a mapped column serve a second field', () => {
    const { index } = locateColumns(tab('Customers', ['Revenue']), customerFields, { potential: 'Revenue' });
    expect(index).toEqual({ potential: 0 });
  });

  it('says so when a mapped header is not in the tab, and does not guess another column', () => {
    const { index, issues } = locateColumns(tab('Customers', ['Revenue']), customerFields, { historicalRevenue: 'Umsatz' });
    expect(index.historicalRevenue).toBeUndefined();
    expect(issues).toEqual([
      { tab: 'Customers', row: 1, column: 'Umsatz', value: 'Umsatz', message: "settings map Historical Revenue to the header 'Umsatz', but Customers has no such column" },
    ]);
  });

  it('says so when settings map a field the tab does not have', () => {
    const { issues } = locateColumns(tab('Deals', ['Amount']), dealFields, { revenu: 'Amount' });
    expect(issues[0].message).toMatch(/settings map 'revenu' to this header, but Deals has no field 'revenu'/);
  });

  it('uses the first of a duplicated header and reports the duplicate on the header row', () => {
    const table = { ...tab('Deals', ['Amount', 'Customer ID', 'amount ']), headerRow: 3 };
    const { index, issues } = locateColumns(table, dealFields, {});
    expect(index.amount).toBe(0);
    expect(issues).toEqual([
      { tab: 'Deals', row: 3, column: 'Amount', value: 'Amount', message: "the header 'Amount' appears more than once (columns A and C); using column A, the first" },
    ]);
  });

  it('ignores blank header cells', () => {
    expect(locateColumns(tab('Deals', [null, '', 'Amount']), dealFields, {}).index).toEqual({ amount: 2 });
  });
});

describe('requireColumns', () => {
  it('gives every required column when all are present', () => {
    const result = requireColumns(tab('Deals', ['Customer ID', 'Amount', 'Date']), dealFields, {}, ['customerId', 'amount', 'date']);
    expect(result.ok && result.index).toEqual({ customerId: 0, amount: 1, date: 2 });
  });

  it('names the missing column and what it looked for', () => {
    const result = requireColumns(tab('Customers', ['Name']), customerFields, {}, ['id']);
    expect(result.ok).toBe(false);
    expect(result.issues).toEqual([
      { tab: 'Customers', row: 1, column: 'Customer ID', value: 'Customer ID', message: 'Customers has no column for Customer ID (looked for: Customer ID, ID, Customer No, Customer Number, Account ID, Client ID, …)' },
    ]);
  });

  it('names the mapped header when settings map the missing column', () => {
    const result = requireColumns(tab('Deals', ['Customer ID']), dealFields, { amount: 'Betrag' }, ['customerId', 'amount']);
    expect(result.issues.map((issue) => issue.message)).toContain('Deals has no column for Amount (looked for: Betrag)');
  });
});

describe('columnLetter', () => {
  it('names columns as the spreadsheet does', () => {
    expect([0, 25, 26, 51, 52, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
  });
});
