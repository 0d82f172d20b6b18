import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OWNED } from '../../src/app/owned-columns.js';
import { Summary } from '../../src/app/summary.js';
import { runCli } from '../../src/node/commands.js';
import { readCsvTable } from '../../src/node/csv/index.js';

/**
 * Each export of tests/fixtures/exports/ (made by scripts/make-export-fixtures.mjs, sources
 * in SOURCES.md) given as it comes, one CSV file and no settings, to the real command. The
 * generator's NAME.expected.json says what it put in the file; the run must find the same.
 */
const FIXTURES = 'tests/fixtures/exports';

interface Expected {
  rows: number;
  asOf: string;
  shape: string | null;
  customers: number;
  dateColumn: string;
  key: Partial<Record<'id' | 'email' | 'phone' | 'name', string>>;
  keyedBy: { id: number; email: number; phone: number; name: number } | null;
  customersKeyedBy?: Partial<Record<'id' | 'email', number>>;
  purchases: number;
  refunds: number;
  linesMerged: number;
  ordersMerged: number;
  missingIds: number;
  buyers: number;
  recencyDaysSum: number;
  netSpend: number;
}

async function scoreExport(file: string) {
  const expected = JSON.parse(readFileSync(join(FIXTURES, file.replace(/\.csv$/, '.expected.json')), 'utf8')) as Expected;
  const dir = mkdtempSync(join(tmpdir(), 'tierwise-export-'));
  copyFileSync(join(FIXTURES, file), join(dir, file));
  let stdout = '';
  let stderr = '';
  const code = await runCli(['score', join(dir, file), '--as-of', expected.asOf, '--json'], { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) } });
  expect([code, stderr]).toEqual([0, '']);
  const summary = Summary.parse(JSON.parse(stdout));
  const customers = (await readCsvTable(join(summary.output!, 'customers.csv'), 'Customers'))!.table;
  const column = (header: string) => customers.rows.map((row) => row[customers.header.indexOf(header)]).filter((cell) => cell !== null).map(Number);
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  return {
    expected,
    summary,
    customers,
    frequencies: column(OWNED.frequency),
    spend: sum(column(OWNED.monetary)),
    recency: sum(column(OWNED.recencyDays)),
  };
}

const SHAPES = [
  ['Shopify orders', 'shopify-orders.csv'],
  ['WooCommerce orders', 'woocommerce-orders.csv'],
  ['Stripe payments', 'stripe-payments.csv'],
  ['Salesforce opportunities', 'salesforce-opportunities.csv'],
  ['HubSpot deals', 'hubspot-deals.csv'],
  ['UCI Online Retail invoices', 'uci-online-retail.csv'],
  ['a Chinese CRM (客户名称, 成交金额, 签约日期, 销售阶段)', 'crm-cn.csv'],
  ['淘宝/天猫 orders (GBK)', 'taobao-orders.csv'],
  ['有赞/微店 orders', 'youzan-orders.csv'],
] as const;

describe.each(SHAPES)('tierwise score on an export: %s', (_, file) => {
  it('finds every customer, counts each order once, leaves refunds out, reads the right date column and says which key it used', async () => {
    const { expected, summary, frequencies, spend, recency } = await scoreExport(file);
    expect(expected.rows).toBeGreaterThanOrEqual(200);
    // Customers found: the Customers tab made from the deals, one row per customer.
    expect(summary.customers).toBe(expected.customers);
    expect(summary.customersDerived?.customers).toBe(expected.customers);
    // Orders counted once, refunds and cancellations not purchases.
    expect(frequencies.length).toBe(expected.buyers);
    expect(frequencies.reduce((a, b) => a + b, 0)).toBe(expected.purchases);
    expect(spend).toBeCloseTo(expected.netSpend, 1);
    expect(summary.deals).toMatchObject({ refunds: expected.refunds, linesMerged: expected.linesMerged, ordersMerged: expected.ordersMerged, missingIds: expected.missingIds });
    // The right date column: recency from another one (paid, created, sign-off) would not add up to this.
    expect(recency).toBe(expected.recencyDaysSum);
    // Which key told the customers apart, and from which columns.
    const [firstKind, firstHeader] = Object.entries(expected.key)[0];
    expect(summary.customersDerived?.from.id).toBe(firstHeader);
    if (expected.keyedBy) expect(summary.deals?.keyedBy).toEqual(expected.keyedBy);
    if (expected.customersKeyedBy) expect(summary.customersDerived?.keyedBy).toMatchObject(expected.customersKeyedBy);
    const keyNote = summary.notes.find((note) => note.includes('found their customers by'));
    if (firstKind === 'id' && Object.keys(expected.key).length === 1) expect(keyNote).toBeUndefined();
    else for (const header of Object.values(expected.key)) expect(keyNote).toContain(`${header} (`);
    if (expected.shape) expect(summary.notes).toContainEqual(expect.stringMatching(new RegExp(`^Read Deals as a ${expected.shape} export`)));
    // Nothing else went wrong reading the file: every issue is one of the counted kinds.
    const unexpected = summary.issues.filter((issue) => !/refund|net spend|placeholder|deal has no|merged/.test(issue.message));
    expect(unexpected).toEqual([]);
  });
});

describe('what a user reads in the exports', () => {
  it('Shopify: Name is the order number (the orders are #1001…), never a customer; POS orders without e-mail are told by the billing name', async () => {
    const { summary, customers } = await scoreExport('shopify-orders.csv');
    expect(customers.rows.map((row) => row[0]).filter((id) => String(id).startsWith('#'))).toEqual([]);
    expect(summary.notes).toContain('Read Deals as a Shopify orders export: Name is the order number, the customer is told by Email.');
    expect(summary.customersDerived?.from).toMatchObject({ id: 'Email', name: 'Billing Name', email: 'Email', region: 'Billing Country' });
    expect(summary.customersDerived?.keyedBy).toMatchObject({ email: 64, name: 6 });
  });

  it('HubSpot: a deal with no associated company names no customer, and one issue says so with how many', async () => {
    const { summary, expected } = await scoreExport('hubspot-deals.csv');
    expect(summary.issues.filter((issue) => issue.column === 'Associated Company')).toEqual([
      expect.objectContaining({ message: `deal has no Associated Company (${expected.missingIds} rows from here on); left out` }),
    ]);
    expect(summary.customersDerived?.from).toEqual({ id: 'Associated Company', name: 'Associated Company', owner: 'Deal owner' });
  });

  it('UCI: the ids pandas wrote as 12346.0 become 12346, and the guest invoices are reported, not a customer', async () => {
    const { summary, customers } = await scoreExport('uci-online-retail.csv');
    expect(customers.rows.every((row) => /^\d{5}$/.test(String(row[0])))).toBe(true);
    expect(summary.issues).toContainEqual(expect.objectContaining({ tab: 'Deals', column: 'CustomerID', message: expect.stringMatching(/^deal has no Customer ID \(\d+ rows from here on\); left out$/) }));
  });
});
