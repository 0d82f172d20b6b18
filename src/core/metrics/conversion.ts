import type { Roster } from '../assign/roster.js';
import { type MetricDeal, inPeriod } from './deal.js';

export interface Conversion {
  readonly won: number;
  /** Won plus lost; open deals are not closed. */
  readonly closed: number;
  /** won / closed; null when nothing closed. */
  readonly rate: number | null;
}

/**
 * Conversion rate over the period: won / closed deals dated in it. Per rep by the deal's
 * owner when the Deals tab names one, else by the customer's owner (`ownerOf`).
 */
export function conversion(
  deals: readonly MetricDeal[],
  roster: Roster,
  ownerOf: (customerId: string) => string,
  asOfDay: number,
  periodDays: number,
): { overall: Conversion; perRep: Readonly<Record<string, Conversion>> } {
  const tally = new Map<string, { won: number; closed: number }>(roster.reps.map((r) => [r.rep.name, { won: 0, closed: 0 }]));
  const overall = { won: 0, closed: 0 };
  for (const deal of deals) {
    if (deal.stage === 'open' || !inPeriod(deal.day, asOfDay, periodDays)) continue;
    const won = deal.stage === 'won' ? 1 : 0;
    overall.won += won;
    overall.closed++;
    const rep = roster.find(deal.owner?.trim() ? deal.owner : ownerOf(deal.customerId));
    const count = rep ? tally.get(rep.rep.name) : undefined;
    if (count) {
      count.won += won;
      count.closed++;
    }
  }
  const rate = (c: { won: number; closed: number }): Conversion => ({ ...c, rate: c.closed === 0 ? null : c.won / c.closed });
  return { overall: rate(overall), perRep: Object.fromEntries([...tally].map(([name, c]) => [name, rate(c)])) };
}

/** Customers that bought (won a deal) in the period before this one and not in this one, in id order. */
export function customersLost(deals: readonly MetricDeal[], asOfDay: number, periodDays: number): string[] {
  const before = new Set<string>();
  const now = new Set<string>();
  for (const deal of deals) {
    if (deal.stage !== 'won') continue;
    if (inPeriod(deal.day, asOfDay, periodDays)) now.add(deal.customerId);
    else if (inPeriod(deal.day, asOfDay - periodDays, periodDays)) before.add(deal.customerId);
  }
  return [...before].filter((id) => !now.has(id)).sort();
}
