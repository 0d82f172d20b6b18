import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fallbackKey } from '../../../src/core/parse/customer-key.js';
import { detectShape } from '../../../src/core/parse/export-shapes.js';
import { dayNumber } from '../../../src/core/parse/days.js';
import { scoreBook } from '../../../src/core/score/score-book.js';
import { defaultSettings } from '../../../src/core/settings/schema.js';
import type { Cell, Table } from '../../../src/core/table.js';

const AS_OF = dayNumber(2024, 12, 31);

function run(customers: { header: Cell[]; rows: Cell[][] }, header: Cell[], deals: Cell[][]) {
  const result = scoreBook({
    customers: { tab: 'Customers', headerRow: 1, ...customers },
    deals: { tab: 'Deals', headerRow: 1, header, rows: deals } satisfies Table,
    settings: defaultSettings,
    asOfDay: AS_OF,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.result;
}

describe('a deal without a customer id finds its customer by e-mail, then phone, then name', () => {
  const customers = {
    header: ['Customer ID', 'Name', 'Email', 'Phone'],
    rows: [
      ['C1', 'Acme Ltd', 'ann@acme.com', '+86 138-0013-8000'],
      ['C2', 'Beta Inc', 'bo@beta.com', null],
      ['C3', 'Gamma GmbH', null, null],
    ],
  };

  it('uses the id where there is one, the e-mail where the id is blank, the phone, then the name; and says which', () => {
    const book = run(customers, ['Customer ID', 'Email', 'Phone', 'Customer Name', 'Amount', 'Date'], [
      ['C1', null, null, null, 10, '2024-01-01'],
      [null, 'ANN@acme.com ', null, null, 20, '2024-02-01'],
      ['N/A', null, '8613800138000', null, 30, '2024-03-01'],
      [null, null, null, 'gamma  gmbh', 40, '2024-04-01'],
      [null, 'bo@beta.com', null, 'Acme Ltd', 50, '2024-05-01'],
    ]);
    expect(Array.from(book.deals!.frequency)).toEqual([3, 1, 1]);
    expect(Array.from(book.deals!.monetary)).toEqual([60, 50, 40]);
    expect(book.deals!.counts.keyedBy).toEqual({ id: 1, email: 2, phone: 1, name: 1 });
    expect(book.notes).toContain('Deals found their customers by Customer ID (1 row), then Email (2 rows), then Phone (1 row), then Customer Name (1 row): where Customer ID was blank.');
  });

  it('counts a customer found by its id and by an e-mail written the same as one id when most ids match no one', () => {
    // A Customers tab made from the deals has e-mails for ids: 'ann@acme.com' is one id whether the deal names it as its id or its e-mail.
    const derived = { header: ['Customer ID', 'Email'], rows: [['ann@acme.com', 'ann@acme.com']] };
    const book = run(derived, ['Customer ID', 'Email', 'Amount', 'Date'], [
      ['ann@acme.com', null, 10, '2024-01-01'],
      [null, 'ann@acme.com', 20, '2024-02-01'],
      ['zed@x.com', null, 30, '2024-03-01'],
      ['yan@x.com', null, 40, '2024-04-01'],
    ]);
    expect(book.issues.map((issue) => issue.message)).toContainEqual(expect.stringMatching(/^2 of the 3 customer ids in Deals match no customer/));
  });

  it('needs no id column at all when the deals carry an e-mail, and names the unknown e-mail', () => {
    const book = run(customers, ['Email', 'Total', 'Order Date'], [
      ['ann@acme.com', 10, '2024-01-01'],
      ['who@else.com', 10, '2024-01-01'],
    ]);
    expect(book.deals!.frequency[0]).toBe(1);
    expect(book.notes).toContain('Deals found their customers by Email (1 row): Deals has no customer id column.');
    expect(book.issues).toContainEqual(expect.objectContaining({ row: 3, column: 'Email', message: 'no customer with this e-mail on the Customers tab; its deals are left out' }));
  });

  it('refuses a Deals tab with no id, e-mail, phone or name column, saying what it looked for', () => {
    const result = scoreBook({
      customers: { tab: 'Customers', headerRow: 1, ...customers },
      deals: { tab: 'Deals', headerRow: 1, header: ['Amount', 'Date'], rows: [[1, '2024-01-01']] },
      settings: defaultSettings,
      asOfDay: AS_OF,
    });
    expect(result.ok && result.result.issues.map((i) => i.message)).toContainEqual(expect.stringMatching(/^Deals has no column for Customer ID \(looked for: Customer ID, ID/));
  });

  it('makes e-mail keys case-blind, phone keys digits only, name keys folded; a placeholder is no key', () => {
    expect(fallbackKey('email', ' Ann@Acme.COM ')).toBe('ann@acme.com');
    expect(fallbackKey('email', 'not an email')).toBe('');
    expect(fallbackKey('phone', '+86 (138) 0013-8000')).toBe('8613800138000');
    expect(fallbackKey('phone', '123')).toBe('');
    expect(fallbackKey('name', 'ＡＣＭＥ  Ltd')).toBe(fallbackKey('name', 'acme-ltd'));
    for (const placeholder of ['(blank)', 'N/A', '未知', '-']) expect(fallbackKey('name', placeholder)).toBe('');
  });

  it('gives every e-mail the same key whatever its case and surrounding spaces (property)', () => {
    fc.assert(
      fc.property(fc.emailAddress(), fc.constantFrom('', ' ', '  '), (email, pad) => {
        expect(fallbackKey('email', `${pad}${email.toUpperCase()}${pad}`)).toBe(fallbackKey('email', email));
      }),
    );
  });
});

describe('exports told by their headers', () => {
  it('reads Shopify’s Name as the order number and its Id as nothing, never as the customer', () => {
    const header = ['Name', 'Email', 'Financial Status', 'Created at', 'Lineitem name', 'Total', 'Billing Name', 'Id'];
    expect(detectShape(header)?.name).toBe('Shopify orders');
    const book = run({ header: ['Customer ID', 'Email'], rows: [['C1', 'ann@acme.com']] }, header, [
      ['#1001', 'ann@acme.com', 'paid', '2024-03-05 14:22:01 -0500', 'Mug', '30.00', 'Ann Lee', '5012345'],
      ['#1001', 'ann@acme.com', null, null, 'Cup', null, null, null],
      ['#1002', 'ann@acme.com', 'paid', '2024-04-05 10:00:00 -0500', 'Mug', '12.00', 'Ann Lee', '5012346'],
    ]);
    expect(book.deals!.frequency[0]).toBe(2);
    expect(book.deals!.monetary[0]).toBe(42);
    expect(book.issues).toEqual([]);
    expect(book.notes).toContain('Read Deals as a Shopify orders export: Name is the order number, the customer is told by Email.');
  });

  it('reads Stripe’s id as the payment, and takes refunded amounts off: a part refund leaves a purchase, a whole one none', () => {
    const header = ['id', 'Created (UTC)', 'Amount', 'Amount Refunded', 'Currency', 'Status', 'Customer ID', 'Customer Email'];
    const book = run({ header: ['Customer ID'], rows: [['cus_A'], ['cus_B']] }, header, [
      ['ch_1', '2024-01-07 19:22', '100.00', '0.00', 'usd', 'Paid', 'cus_A', 'a@x.com'],
      ['ch_2', '2024-02-07 19:22', '100.00', '40.00', 'usd', 'Paid', 'cus_A', 'a@x.com'],
      ['ch_3', '2024-03-07 19:22', '80.00', '80.00', 'usd', 'Refunded', 'cus_B', 'b@x.com'],
    ]);
    expect(Array.from(book.deals!.frequency)).toEqual([2, NaN]);
    expect(book.deals!.monetary[0]).toBe(160);
    expect(book.deals!.counts.refunds).toBe(1);
  });

  it('takes WooCommerce’s Customer User 0 for a guest checkout, found by Billing Email', () => {
    const header = ['Order Number', 'Order Date', 'Order Status', 'Customer User', 'Billing Email', 'Order Total'];
    const book = run({ header: ['Customer ID', 'Email'], rows: [['12', 'reg@x.com'], ['guest@x.com', 'guest@x.com']] }, header, [
      ['101', '2024-01-01 10:00:00', 'Completed', '12', 'reg@x.com', '10.00'],
      ['102', '2024-01-02 10:00:00', 'Processing', '0', 'guest@x.com', '20.00'],
    ]);
    expect(Array.from(book.deals!.frequency)).toEqual([1, 1]);
    expect(book.deals!.counts.keyedBy).toMatchObject({ id: 1, email: 1 });
  });
});
