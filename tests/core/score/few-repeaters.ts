import { dayNumber, formatDay } from '../../../src/core/parse/days.js';
import type { Cell } from '../../../src/core/table.js';

/**
 * A book with almost no repeat buying: 1,000 customers each bought once over the past year,
 * and 20 of them (2%) bought again every 30 days up to the as-of day. Nobody who came back
 * ever stopped, so the BG/NBD drop-out probability runs off towards 0 (a ≈ 5e-8 here) and
 * P(alive) would be 1 for everyone: the shape of the UCI invoices in issue 10.
 */
export const FEW_REPEATERS_AS_OF = dayNumber(2026, 6, 30);

export function fewRepeatersBook(): { customers: Cell[][]; deals: Cell[][] } {
  const customers: Cell[][] = [['Customer ID', 'Name', 'Historical Revenue']];
  const deals: Cell[][] = [['Deal ID', 'Customer ID', 'Amount', 'Date']];
  for (let i = 0; i < 1000; i++) {
    const id = `C${String(i).padStart(4, '0')}`;
    customers.push([id, `Customer ${i}`, 1000 + ((i * 37) % 500) * 10]);
    const first = FEW_REPEATERS_AS_OF - 1 - ((i * 7919) % 365);
    const days = [first];
    if (i < 20) for (let d = first + 30; d <= FEW_REPEATERS_AS_OF; d += 30) days.push(d);
    days.forEach((day, k) => deals.push([`D${i}-${k}`, id, (k === 0 ? 50 + (i % 17) * 10 : 60 + (i % 7) * 5), formatDay(day)]));
  }
  return { customers, deals };
}
