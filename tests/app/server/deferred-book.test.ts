import { describe, expect, it } from 'vitest';
import { OWN_TABS } from '../../../src/app/owned-columns.js';
import { DeferredBook } from '../../../src/app/server/deferred-book.js';
import { memoryBook } from '../book-fixtures.js';
import { customersOf, ownerCustomers } from '../owner-fixtures.js';

describe('the book as a long job’s use case writes it', () => {
  it('holds the owned columns for the chunks, each once, as last written', () => {
    const book = new DeferredBook(memoryBook({ Customers: ownerCustomers }));
    book.writeOwnedColumns('Customers', [{ header: 'TW Tier', values: ['A'] }, { header: 'TW Score', values: [1] }]);
    book.writeOwnedColumns('Customers', [{ header: 'TW Tier', values: ['B'] }, { header: 'TW Score', values: [2] }, { header: 'TW Why', values: ['x'] }]);
    expect(book.held.get('Customers')).toEqual([{ header: 'TW Tier', values: ['B'] }, { header: 'TW Score', values: [2] }, { header: 'TW Why', values: ['x'] }]);
  });

  it('writes Owner cells, TW Log rows and new tabs at once, not with the chunks', () => {
    const workbook = memoryBook({ Customers: ownerCustomers });
    const book = new DeferredBook(workbook);
    book.writeCells('Customers', 'Owner', [{ row: 1, value: 'Cy' }]);
    book.appendRows(OWN_TABS.log, ['When', 'What'], [['2026-11-23', 'claim']]);
    book.createTab(OWN_TABS.dashboard, [['Tier', 'Customers']]);
    expect(customersOf(workbook).cell('C2', 'Owner')).toBe('Cy');
    expect(workbook.readTable(OWN_TABS.log)!.rows).toEqual([['2026-11-23', 'claim']]);
    expect(workbook.readTable(OWN_TABS.dashboard)!.header).toEqual(['Tier', 'Customers']);
  });
});
