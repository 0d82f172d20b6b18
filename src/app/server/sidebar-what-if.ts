import { z } from 'zod';
import { formatDay, parseDay } from '../../core/parse/days.js';
import { NO_TIER } from '../../core/score/tiers.js';
import { scoreCurrentBook } from '../assign-input.js';
import { Dimension, TierSettings } from '../../core/settings/score.js';
import { CannotRun } from '../cannot-run.js';
import type { ServerContext } from './ports.js';
import { serverFunction } from './server-function.js';
import { loadSettings } from './settings.js';

export const WhatIfInput = z.object({ asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date in the form YYYY-MM-DD').nullable().default(null) });

/** A dimension's raw values per customer; null where the cell is blank (NaN does not survive JSON). */
const Values = z.array(z.number().nullable());

/**
 * What the Weights section needs to rescore in the browser (issue 6: "the preview runs
 * the core in the sidebar on the rows it fetched once"): the raw value of every used
 * dimension per customer, and the tiers under the saved settings to compare against.
 * Normalisation, weighting and tiering happen in the sidebar with the same core code.
 */
export const WhatIfRows = z.object({
  asOf: z.string(),
  customers: z.number().int().min(0),
  dimensions: z.array(Dimension),
  /** Labels of the dimensions whose column this book lacks. */
  absent: z.array(z.string()),
  values: z.record(z.string(), Values),
  categories: z.record(z.string(), z.array(z.string().nullable())),
  tiers: TierSettings,
  /** Tier per customer under the saved settings, one letter each ("ABCC…"), in row order; `-` for each customer of an untiered book. */
  currentTiers: z.string(),
  /** True when the deals' dimensions stood in for the default ones: saving weights then saves these dimensions as the user's own. */
  fromDeals: z.boolean(),
});
export type WhatIfRows = z.infer<typeof WhatIfRows>;

export const sidebarWhatIfFunction = serverFunction({
  name: 'sidebarWhatIf',
  input: WhatIfInput,
  output: WhatIfRows,
  run: (ctx, input) => whatIfRows(ctx, input.asOf),
});

function whatIfRows(ctx: ServerContext, asOf: string | null): WhatIfRows {
  const settings = loadSettings(ctx.settings);
  const asOfDay = asOf === null ? ctx.clock.today() : parseDay(asOf);
  if (typeof asOfDay !== 'number') throw new CannotRun(`asOf: ${asOfDay.kind === 'invalid' ? asOfDay.message : 'missing'}`);
  const scores = scoreCurrentBook(ctx.book, settings, asOfDay, ctx.state);
  // The preview reweighs the dimensions that scored the book: the deals' where they stood in, none of an unreliable CLV model.
  const { columns, dimensionsAbsent: absent } = scores;
  // fromEntries defines own properties, so a dimension keyed `__proto__` is a key like any other.
  const values = Object.fromEntries(columns.map((column) => [column.dimension.key, Array.from(column.values, (v) => (Number.isFinite(v) ? v : null))]));
  const categories = Object.fromEntries(columns.flatMap((column) => (column.categories ? [[column.dimension.key, [...column.categories]]] : [])));
  return {
    asOf: formatDay(asOfDay),
    customers: scores.customers.ids.length,
    dimensions: columns.map((c) => c.dimension),
    absent: absent.map((d) => d.label),
    values,
    categories,
    tiers: settings.tiers,
    currentTiers: scores.tiers.map((tier) => tier ?? NO_TIER).join(''),
    fromDeals: scores.fromDeals,
  };
}
