import { z } from 'zod';
import { TierName } from '../../core/score/tier-name.js';
import { matchOwner } from '../../core/assign/owner.js';
import { parseReps } from '../../core/assign/reps.js';
import { makeRoster } from '../../core/assign/roster.js';
import { formatDay } from '../../core/parse/days.js';
import { readAssignBook } from '../assign-input.js';
import type { ServerContext } from './ports.js';
import { serverFunction } from './server-function.js';
import { loadSettings } from './settings.js';

export const MyCustomer = z.object({
  id: z.string(),
  name: z.string(),
  /** 1-based row in the Customers tab. */
  row: z.number().int(),
  tier: TierName.nullable(),
  score: z.number(),
  lastActivity: z.string().nullable(),
});

export const MyCustomers = z.object({
  email: z.string(),
  /** The signed-in user's name in the Reps tab; null when they are not a rep there. */
  rep: z.string().nullable(),
  customers: z.array(MyCustomer),
});
export type MyCustomers = z.infer<typeof MyCustomers>;

/**
 * "My customers" for the signed-in rep (issue 6 item 2): the customers whose Owner cell
 * names the rep whose Reps-tab e-mail is the user's, best score first. Tiers and scores
 * are computed afresh, as propose does, so they agree with the Owners section.
 */
export const sidebarMyCustomersFunction = serverFunction({
  name: 'sidebarMyCustomers',
  input: z.object({}),
  output: MyCustomers,
  run: (ctx) => myCustomers(ctx),
});

function myCustomers(ctx: ServerContext): MyCustomers {
  const settings = loadSettings(ctx.settings);
  const email = ctx.user.email.trim().toLowerCase();
  const repsTab = ctx.book.readTable(settings.tabs.reps);
  const reps = repsTab ? parseReps(repsTab, settings) : null;
  const me = reps?.ok && email !== '' ? reps.reps.find((r) => r.email.trim().toLowerCase() === email) : undefined;
  if (!reps?.ok || !me) return { email: ctx.user.email, rep: null, customers: [] };
  const asOfDay = ctx.clock.today();
  const book = readAssignBook(ctx.book, settings, asOfDay, ctx.state);
  const roster = makeRoster(reps.reps, settings.assign, asOfDay);
  const rows = book.scores.customers;
  const customers = book.customers
    .map((c, k) => ({ c, k, match: matchOwner(roster, c.owner) }))
    .filter(({ match }) => (match.kind === 'rep' || match.kind === 'inactive') && match.rep.rep.name === me.name)
    .map(({ c, k }) => ({
      id: c.id,
      name: c.name,
      row: rows.sheetRowOf(k),
      tier: c.tier,
      score: c.score,
      lastActivity: c.lastActivityDay === null ? null : formatDay(c.lastActivityDay),
    }))
    .sort((a, b) => b.score - a.score || a.row - b.row);
  return { email: ctx.user.email, rep: me.name, customers };
}
