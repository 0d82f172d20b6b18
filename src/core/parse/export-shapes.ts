import { describeValue } from '../issue.js';
import type { Cell } from '../table.js';
import type { DealField } from './fields.js';
import { foldText } from './fold.js';

/**
 * An export whose headers the alias lists alone would read wrongly, told by the set of
 * headers it writes (the exports page in docs/ lists each with its source). Most exports need no
 * shape: their headers are aliases. A shape exists where a header means something else in
 * that export than in a hand-kept sheet.
 */
export interface ExportShape {
  /** Named in the run's notes, e.g. "Read as a Shopify orders export". */
  readonly name: string;
  /** Headers that must all be present (folded like every header). */
  readonly signature: readonly string[];
  /** Field → header, taken before the aliases (a user's own mapping in settings still wins). */
  readonly columns: Partial<Record<DealField, string>>;
  /** Headers that mean nothing to Tierwise in this export, kept from being read as an alias. */
  readonly ignored: readonly string[];
  /** Values of the customer id column that mean "no account": the key falls back to the e-mail. */
  readonly guestIds: readonly string[];
  /** What the shape changes, said in the note. */
  readonly reading: string;
}

export const EXPORT_SHAPES: readonly ExportShape[] = [
  {
    // Shopify's `Name` is the order number (`#1001`), written on every line of the order; the customer is `Email` / `Billing Name`.
    name: 'Shopify orders',
    signature: ['Name', 'Financial Status', 'Created at', 'Lineitem name'],
    columns: { dealId: 'Name' },
    // Its `Id` is the order's internal number, not a customer's.
    ignored: ['Id'],
    guestIds: [],
    reading: 'Name is the order number, the customer is told by Email',
  },
  {
    // Stripe's `id` is the payment (`ch_…`, `py_…`); a plain `ID` would otherwise be read as the customer id.
    name: 'Stripe payments',
    signature: ['id', 'Created (UTC)', 'Amount Refunded'],
    columns: { dealId: 'id' },
    ignored: [],
    guestIds: [],
    reading: 'id is the payment, the customer is Customer ID, else Customer Email',
  },
  {
    // WooCommerce stores 0 as the customer of a guest checkout.
    name: 'WooCommerce orders',
    signature: ['Order Number', 'Customer User', 'Billing Email'],
    columns: {},
    ignored: [],
    guestIds: ['0'],
    reading: 'Customer User 0 is a guest checkout, told by Billing Email',
  },
];

/** The first shape whose signature headers are all in `header`, or null. */
export function detectShape(header: readonly Cell[]): ExportShape | null {
  const present = new Set(header.map((cell) => foldText(describeValue(cell))));
  return EXPORT_SHAPES.find((shape) => shape.signature.every((h) => present.has(foldText(h)))) ?? null;
}
