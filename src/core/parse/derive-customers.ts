import { z } from 'zod';
import type { Issue } from '../issue.js';
import { describeValue } from '../issue.js';
import type { Settings } from '../settings/schema.js';
import { type Cell, type Table, tableCells } from '../table.js';
import type { KeyKind } from './customer-key.js';
import { dealKeyReader } from './deal-keys.js';
import { parseDateAt } from './dates.js';
import { locateDealColumns } from './deals-tab.js';
import { foldText } from './fold.js';

const Count = z.number().int().min(0);

/**
 * What the run says about a Customers tab it made from the deals (the `--json` summary's
 * `customersDerived`): how many customers, which Deals header each written column came
 * from, and how many customers were told apart by id, e-mail, phone or name.
 */
export const DerivedCustomersFacts = z.object({
  customers: Count,
  from: z.object({ id: z.string(), name: z.string(), email: z.string(), phone: z.string(), region: z.string(), owner: z.string() }).partial(),
  keyedBy: z.object({ id: Count, email: Count, phone: Count, name: Count }),
});
export type DerivedCustomersFacts = z.infer<typeof DerivedCustomersFacts>;

export type DerivedColumn = Exclude<keyof DerivedCustomersFacts['from'], 'id'>;

export interface DerivedCustomers {
  /** The tab to create: a header row (`Customer ID` and the columns the deals carry), then one row per customer. */
  readonly rows: Cell[][];
  readonly facts: DerivedCustomersFacts;
}

export type DeriveResult = { ok: true; customers: DerivedCustomers } | { ok: false; issues: Issue[] };

const WRITTEN: readonly { column: DerivedColumn; field: 'customerName' | 'email' | 'phone' | 'region' | 'owner'; header: string }[] = [
  { column: 'name', field: 'customerName', header: 'Name' },
  { column: 'email', field: 'email', header: 'Email' },
  { column: 'phone', field: 'phone', header: 'Phone' },
  { column: 'region', field: 'region', header: 'Region' },
  { column: 'owner', field: 'owner', header: 'Owner' },
];

interface Customer {
  /** The id; for a customer told by e-mail, phone or name, that cell as the latest deal wrote it. */
  id: string;
  idDay: number;
  readonly kind: KeyKind;
  /** Per written column: the latest value and the day of the deal that gave it. */
  readonly values: (string | null)[];
  readonly days: number[];
}

/**
 * A Customers tab made from an orders-only book (issue 10 item 1): one row per distinct
 * customer key of the deals, found by the same rule the deals pass uses (dealKeyReader),
 * in the order the deals first name them. Its Customer ID is the key: the id, or — for a
 * customer told apart by e-mail, phone or name — that e-mail, phone or name as the latest
 * deal wrote it, so reading the deals against this tab finds each deal's customer again.
 * Name, e-mail, phone, region (or country) and owner are taken where the deals carry them:
 * the value of the latest dated deal that has one (a later row wins a tie or an undated deal).
 * Rows that name no customer are left to the deals pass, which reports them.
 */
export function deriveCustomers(deals: Table, settings: Settings): DeriveResult {
  const located = locateDealColumns(deals, settings);
  if (!located.ok) return { ok: false, issues: located.issues };
  const { columns, shape } = located;
  const keyOf = dealKeyReader(columns, new Set(shape?.guestIds ?? []));
  const written = WRITTEN.filter((w) => columns[w.field] !== undefined);
  const byKey = new Map<string, Customer>();
  const options = { dateOrder: settings.parse.dateOrder };
  const cells = tableCells(deals);
  for (let i = 0; i < cells.rowCount; i++) {
    const found = keyOf(cells, i);
    if (found === null) continue;
    const mapKey = `${found.kind}\u0000${found.key}`;
    let customer = byKey.get(mapKey);
    if (!customer) {
      customer = { id: found.key, idDay: -Infinity, kind: found.kind, values: written.map(() => null), days: written.map(() => -Infinity) };
      byKey.set(mapKey, customer);
    }
    const parsed = parseDateAt(cells, i, columns.date, options);
    const day = typeof parsed === 'number' ? parsed : -Infinity;
    written.forEach((w, c) => {
      const text = describeValue(cells.cell(i, columns[w.field] as number)).trim();
      if (text === '' || day < customer.days[c]) return;
      customer.values[c] = text;
      customer.days[c] = day;
    });
    if (found.kind !== 'id' && day >= customer.idDay) {
      customer.id = describeValue(cells.cell(i, found.column)).trim();
      customer.idDay = day;
    }
  }
  const keyedBy: Record<KeyKind, number> = { id: 0, email: 0, phone: 0, name: 0 };
  for (const customer of byKey.values()) keyedBy[customer.kind]++;
  // A column the export has but never fills (Shopify's Phone on web orders) is not written.
  const filled = written.map((_, c) => [...byKey.values()].some((customer) => customer.values[c] !== null));
  const kept = written.filter((_, c) => filled[c]);
  const rows: Cell[][] = [['Customer ID', ...kept.map((w) => headerFor(w, deals.header[columns[w.field] as number]))]];
  for (const customer of byKey.values()) rows.push([customer.id, ...customer.values.filter((_, c) => filled[c])]);
  const from: DerivedCustomersFacts['from'] = {};
  const keyColumns = { id: columns.customerId, email: columns.email, phone: columns.phone, name: columns.customerName };
  const keyKind = (['id', 'email', 'phone', 'name'] as const).find((kind) => keyedBy[kind] > 0 && keyColumns[kind] !== undefined);
  if (keyKind !== undefined) from.id = describeValue(deals.header[keyColumns[keyKind] as number]).trim();
  for (const w of kept) from[w.column] = describeValue(deals.header[columns[w.field] as number]).trim();
  return { ok: true, customers: { rows, facts: { customers: byKey.size, from, keyedBy } } };
}

/** `Country` when the deals' column is a country (UCI's `Country`, `Billing Country`), else the canonical header. */
function headerFor(w: (typeof WRITTEN)[number], source: Cell): string {
  if (w.column !== 'region') return w.header;
  const folded = foldText(describeValue(source));
  return folded.includes('country') || folded.includes('国家') ? 'Country' : w.header;
}
