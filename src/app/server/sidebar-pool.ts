import { z } from 'zod';
import { TierName } from '../../core/score/tier-name.js';
import { matchOwner } from '../../core/assign/owner.js';
import { makeRoster } from '../../core/assign/roster.js';
import { readAssignBook, readReps } from '../assign-input.js';
import type { ServerContext } from './ports.js';
import { serverFunction } from './server-function.js';
import { loadSettings } from './settings.js';

/** Pool customers listed; the rest are counted (a rep claims a few a day). */
const LISTED = 200;

export const SidebarPool = z.object({
  /** Customers without a valid owner (blank, unknown or inactive), best score first. */
  customers: z.array(z.object({ id: z.string(), name: z.string(), row: z.number().int(), tier: TierName.nullable(), score: z.number(), owner: z.string() })),
  total: z.number().int(),
  /** Active reps by name, for a manager claiming for someone. */
  reps: z.array(z.string()),
  /** The signed-in user's rep name, when they are one. */
  me: z.string().nullable(),
});
export type SidebarPool = z.infer<typeof SidebarPool>;

/** What a rep may claim from the pool (DESIGN §5), and for whom a manager may claim. */
export const sidebarPoolFunction = serverFunction({
  name: 'sidebarPool',
  input: z.object({}),
  output: SidebarPool,
  run: (ctx) => pool(ctx),
});

function pool(ctx: ServerContext): SidebarPool {
  const settings = loadSettings(ctx.settings);
  const asOfDay = ctx.clock.today();
  const book = readAssignBook(ctx.book, settings, asOfDay, ctx.state);
  const { reps } = readReps(ctx.book, settings);
  const roster = makeRoster(reps, settings.assign, asOfDay);
  const rows = book.scores.customers;
  const open = book.customers
    .map((c, k) => ({ c, k }))
    .filter(({ c }) => matchOwner(roster, c.owner).kind !== 'rep')
    .sort((a, b) => b.c.score - a.c.score || a.k - b.k);
  const email = ctx.user.email.trim().toLowerCase();
  const me = email === '' ? undefined : reps.find((r) => r.email.trim().toLowerCase() === email);
  return {
    customers: open.slice(0, LISTED).map(({ c, k }) => ({ id: c.id, name: c.name, row: rows.sheetRowOf(k), tier: c.tier, score: c.score, owner: c.owner })),
    total: open.length,
    reps: reps.filter((r) => r.active).map((r) => r.name).sort(),
    me: me?.name ?? null,
  };
}
