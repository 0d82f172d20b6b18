import { describe, expect, it } from 'vitest';
import { readCustomers } from '../../../src/core/parse/customers-tab.js';
import { dayNumber } from '../../../src/core/parse/days.js';
import { defaultSettings, type Settings } from '../../../src/core/settings/schema.js';
import type { Cell, Table } from '../../../src/core/table.js';

function read(header: Cell[], rows: Cell[][], settings: Settings = defaultSettings) {
  const result = readCustomers({ tab: 'Customers', headerRow: 1, header, rows } satisfies Table, settings);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result;
}

describe('which Customers rows are customers, and by which id', () => {
  it('takes an id written as a number as that number, and a text id without the spaces around it', () => {
    const { customers } = read(['Customer ID'], [[12923], [' C1 '], [true]]);
    expect(customers.ids).toEqual(['12923', 'C1', 'true']);
  });

  it('skips a blank row silently and reports a row with data but no id, or a placeholder, with tab, row and column', () => {
    const { customers, issues } = read(['Customer ID', 'Name'], [['C1', 'Acme'], [null, null], [null, 'Beta'], ['N/A', 'Gamma']]);
    expect(customers.ids).toEqual(['C1']);
    expect(issues).toEqual([
      { tab: 'Customers', row: 4, column: 'Customer ID', value: '', message: 'row has data but no Customer ID; not scored' },
      { tab: 'Customers', row: 5, column: 'Customer ID', value: 'N/A', message: "'N/A' is a placeholder, not a Customer ID; not scored" },
    ]);
  });

  it('reports an id listed twice on its second row, saying how the first row wrote it when it differs', () => {
    const { customers, issues } = read(['Customer ID'], [['12923'], ['C1'], ['12923.0'], ['C1']]);
    expect(customers.ids).toEqual(['12923', 'C1', '12923.0', 'C1']);
    expect(customers.indexByKey.get('12923')).toBe(0);
    expect(customers.indexById.get('C1')).toBe(1);
    expect(issues).toEqual([
      { tab: 'Customers', row: 4, column: 'Customer ID', value: '12923.0', message: 'Customer ID also on row 2 (as 12923); both rows are scored and share its deals' },
      { tab: 'Customers', row: 5, column: 'Customer ID', value: 'C1', message: 'Customer ID also on row 3; both rows are scored and share its deals' },
    ]);
  });

  it('reports a header written twice on the Customers tab', () => {
    const { issues } = read(['Customer ID', 'Name', 'name'], [['C1', 'Acme', 'x']]);
    expect(issues.map((issue) => issue.message)).toEqual(["the header 'Name' appears more than once (columns B and C); using column B, the first"]);
  });
});

describe('the columns of the Customers tab', () => {
  it('finds any header by name, the first column included, and no column that is not there', () => {
    const { customers } = read(['Notes', 'Customer ID'], [['vip', 'C1']]);
    expect([customers.columnOf('notes'), customers.columnOf('Customer ID'), customers.columnOf('Budget')]).toEqual([0, 1, undefined]);
  });

  it('gives a column\'s text per customer without the spaces around it', () => {
    const { customers } = read(['Customer ID', 'Name'], [['C1', ' Acme Ltd '], ['C2', '  ']]);
    expect(customers.text(1)).toEqual(['Acme Ltd', null]);
  });

  it('reads dates in the order the settings give', () => {
    const settings = { ...defaultSettings, parse: { ...defaultSettings.parse, dateOrder: 'dmy' as const } };
    const { customers } = read(['Customer ID', 'First Deal Date'], [['C1', '03/04/2024']], settings);
    expect(Array.from(customers.days(1))).toEqual([dayNumber(2024, 4, 3)]);
  });

  it('reports a bad cell once however often the column is read, and only on a customer\'s row', () => {
    const { customers, issues } = read(['Customer ID', 'Revenue', 'First Deal Date'], [['C1', 'abc', 'someday'], [null, 'xyz', 'never'], ['C2', 5, '2024-01-01']]);
    customers.numbers(1);
    expect(Array.from(customers.numbers(1))).toEqual([NaN, 5]);
    customers.days(2);
    customers.days(2);
    expect(issues.map(({ row, column }) => `${row} ${column}`)).toEqual(['3 Customer ID', '2 Revenue', '2 First Deal Date']);
  });

  it('keeps the column-wide note on mixed currencies, which sits on the header row', () => {
    const { customers, issues } = read(['Customer ID', 'Revenue'], [['C1', '$10'], ['C2', '$20'], ['C3', '€5']]);
    customers.numbers(1);
    expect(issues.map((issue) => issue.row)).toEqual([1, 4]);
    expect(issues[0].message).toMatch(/^column mixes USD/);
  });
});
