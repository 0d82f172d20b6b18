import { headerIndex } from '../../core/table.js';
import { z } from 'zod';
import { TierName } from '../../core/score/tier-name.js';
import { describeValue } from '../../core/issue.js';
import { parseDay } from '../../core/parse/days.js';
import { readAssignBook } from '../assign-input.js';
import { OWNED } from '../owned-columns.js';
import { RepLoadAfter, loadOwnerState } from '../owner-state.js';
import type { ServerContext } from './ports.js';
import { serverFunction } from './server-function.js';
import { loadSettings } from './settings.js';

export const ProposalRow = z.object({
  customerId: z.string(),
  name: z.string(),
  /** 1-based row in the Customers tab, as the user finds it. */
  row: z.number().int(),
  tier: TierName.nullable(),
  score: z.number(),
  from: z.string(),
  /** Null when the customer could not be placed. */
  to: z.string().nullable(),
  reason: z.string(),
  fit: z.number().nullable(),
});
export type ProposalRow = z.infer<typeof ProposalRow>;

export const SidebarProposals = z.object({
  /** Null when nothing has been proposed yet. */
  runId: z.string().nullable(),
  asOf: z.string().nullable(),
  strategy: z.string().nullable(),
  /** Customers of the run no longer in the tab are left out. */
  items: z.array(ProposalRow),
  /** The run id of the last apply, which Undo reverts; null when there is none. */
  lastApply: z.string().nullable(),
  /** Each rep's load once the run is applied, against its capacity. */
  load: z.array(RepLoadAfter),
});
export type SidebarProposals = z.infer<typeof SidebarProposals>;

/**
 * The saved proposals of the last run (what Apply writes, DESIGN §5), with each
 * customer's name, row and tier as the Owners section lists and filters them, and the fit
 * that propose wrote into `TW Fit`.
 */
export const sidebarProposalsFunction = serverFunction({
  name: 'sidebarProposals',
  input: z.object({}),
  output: SidebarProposals,
  run: (ctx) => proposals(ctx),
});

function proposals(ctx: ServerContext): SidebarProposals {
  const settings = loadSettings(ctx.settings);
  const state = loadOwnerState(ctx.state);
  const run = state.proposals;
  const lastApply = state.lastApply?.runId ?? null;
  if (!run) return { runId: null, asOf: null, strategy: null, items: [], lastApply, load: [] };
  const asOfDay = parseDay(run.asOf);
  const book = readAssignBook(ctx.book, settings, typeof asOfDay === 'number' ? asOfDay : ctx.clock.today(), ctx.state);
  const rows = book.scores.customers;
  const table = rows.table;
  const fitColumn = headerIndex(table.header, OWNED.fit);
  const items: ProposalRow[] = [];
  for (const item of run.items) {
    const k = rows.indexById.get(item.customerId);
    if (k === undefined) continue;
    const customer = book.customers[k];
    const fitCell = fitColumn < 0 ? null : (table.rows[rows.rows[k]][fitColumn] ?? null);
    const fit = typeof fitCell === 'number' ? fitCell : fitCell === null || describeValue(fitCell).trim() === '' ? null : Number(describeValue(fitCell));
    items.push({
      customerId: item.customerId,
      name: customer.name,
      row: rows.sheetRowOf(k),
      tier: customer.tier,
      score: customer.score,
      from: item.from,
      to: item.to,
      reason: item.reason,
      fit: fit === null || Number.isNaN(fit) ? null : fit,
    });
  }
  return { runId: run.runId, asOf: run.asOf, strategy: run.strategy, items, lastApply, load: run.load };
}
