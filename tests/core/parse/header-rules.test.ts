import { describe, expect, it } from 'vitest';
import { customerFields, dealFields } from '../../../src/core/parse/fields.js';
import { locateColumns, requireColumns } from '../../../src/core/parse/headers.js';

const tab = (name: string, header: (string | null)[]) => ({ tab: name, headerRow: 1, header });

describe('which headers are recognised', () => {
  it('passes over a column another field was mapped to, and takes the next alias present', () => {
    const { index } = locateColumns(tab('Customers', ['Customer ID', 'Client ID']), customerFields, { name: 'Customer ID' });
    expect(index).toEqual({ name: 0, id: 1 });
  });

  it('never takes a blank header cell for a header the settings name', () => {
    const { index, issues } = locateColumns(tab('Deals', ['Customer ID', null, 'Date']), dealFields, { amount: ' ' });
    expect(index.amount).toBeUndefined();
    expect(issues.map((issue) => issue.message)).toEqual(["settings map Amount to the header ' ', but Deals has no such column"]);
  });
});

describe('what a header issue says', () => {
  it('lists the fields a tab has when settings map one it has not', () => {
    const { issues } = locateColumns(tab('Customers', ['Customer ID']), customerFields, { revenu: 'Customer ID' });
    expect(issues[0].message).toBe(`settings map 'revenu' to this header, but Customers has no field 'revenu' (fields: ${Object.keys(customerFields).join(', ')})`);
    expect(issues[0].message).toContain('(fields: id, name, email, ');
  });

  it('names every repeat of a header written three times', () => {
    const { issues } = locateColumns(tab('Deals', ['Amount', 'Date', 'amount', 'AMOUNT']), dealFields, {});
    expect(issues.map((issue) => issue.message)).toEqual(["the header 'Amount' appears more than once (columns A and C, D); using column A, the first"]);
  });

  it('lists all six headers looked for without an ellipsis', () => {
    const result = requireColumns(tab('Customers', ['Customer ID']), customerFields, {}, ['yearsAsCustomer']);
    expect(result.issues.map((issue) => issue.message)).toEqual(['Customers has no column for Years as Customer (looked for: Years as Customer, Customer Years, Tenure, Tenure Years, 合作年限, 合作年數)']);
  });
});
