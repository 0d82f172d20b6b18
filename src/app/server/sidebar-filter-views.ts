import { z } from 'zod';
import { parseReps } from '../../core/assign/reps.js';
import { columnLetter, customerFields, locateColumns } from '../../core/parse/index.js';
import { readCustomersTable } from '../assign-input.js';
import { CannotRun } from '../cannot-run.js';
import type { ServerContext } from './ports.js';
import { serverFunction } from './server-function.js';
import { loadSettings, requireManager } from './settings.js';

/** Our filter views are the ones whose title starts with this; the user's own are never touched. */
export const FILTER_VIEW_PREFIX = 'Tierwise · ';

/** One rep's view of the Customers tab: the rows whose Owner cell names the rep or their e-mail. */
export interface RepFilterView {
  readonly title: string;
  readonly rep: string;
  /** 0-based column of the Owner header. */
  readonly ownerColumn: number;
  /** 1-based sheet row of the header; the view starts there. */
  readonly headerRow: number;
  /** A custom-formula condition on the first data row, as Sheets filter criteria take it. */
  readonly formula: string;
}

export interface ExistingFilterView {
  readonly id: string;
  readonly title: string;
}

export interface FilterViewChanges {
  readonly add: readonly RepFilterView[];
  readonly update: readonly { readonly id: string; readonly view: RepFilterView }[];
  readonly remove: readonly string[];
}

/**
 * The filter views of one tab, through the Sheets advanced service in Apps Script
 * (src/gas/filter-views.ts) and in memory in the local preview. Filter views are
 * per-spreadsheet objects that each user opens for themselves, so a rep picking theirs
 * changes nothing for anyone else.
 */
export interface FilterViewStore {
  /** Views on `tab` whose title starts with FILTER_VIEW_PREFIX. */
  list(tab: string): ExistingFilterView[];
  apply(tab: string, changes: FilterViewChanges): void;
}

/** A text literal inside a Sheets formula: quotes are doubled, nothing else is special. */
function formulaText(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * Owner cells name a rep by name or e-mail, trimmed and in any case (DESIGN §5), so the
 * condition compares LOWER(TRIM(cell)) with both.
 */
export function repFilterViews(reps: readonly { name: string; email: string }[], ownerColumn: number, headerRow: number): RepFilterView[] {
  const cell = `$${columnLetter(ownerColumn)}${headerRow + 1}`;
  return reps.map((rep) => {
    const keys = [rep.name, rep.email].map((k) => k.trim().toLowerCase()).filter((k) => k !== '');
    const tests = keys.map((k) => `LOWER(TRIM(${cell}))=${formulaText(k)}`);
    return { title: `${FILTER_VIEW_PREFIX}${rep.name}`, rep: rep.name, ownerColumn, headerRow, formula: `=OR(${tests.join(',')})` };
  });
}

/** Re-running updates the views in place, adds new reps' and removes those of reps gone, never stacking. */
export function planFilterViews(existing: readonly ExistingFilterView[], wanted: readonly RepFilterView[]): FilterViewChanges {
  const byTitle = new Map<string, string[]>();
  for (const view of existing) byTitle.set(view.title, [...(byTitle.get(view.title) ?? []), view.id]);
  const add: RepFilterView[] = [];
  const update: { id: string; view: RepFilterView }[] = [];
  const kept = new Set<string>();
  for (const view of wanted) {
    const [id] = byTitle.get(view.title) ?? [];
    if (id === undefined) add.push(view);
    else {
      update.push({ id, view });
      kept.add(id);
    }
  }
  // Duplicates left by hand-copied views go too: one view per rep.
  const remove = existing.filter((v) => !kept.has(v.id)).map((v) => v.id);
  return { add, update, remove };
}

export const FilterViewsOutput = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  removed: z.number().int(),
  views: z.array(z.object({ title: z.string(), rep: z.string() })),
});
export type FilterViewsOutput = z.infer<typeof FilterViewsOutput>;

/** One filter view per active rep of the Reps tab on the Customers tab (issue 6 item 2); managers only. */
export function syncFilterViewsFunction(store: FilterViewStore) {
  return serverFunction({
    name: 'sidebarSyncFilterViews',
    input: z.object({}),
    output: FilterViewsOutput,
    run: (ctx) => syncFilterViews(ctx, store),
  });
}

function syncFilterViews(ctx: ServerContext, store: FilterViewStore): FilterViewsOutput {
  const settings = loadSettings(ctx.settings);
  requireManager(settings, ctx.user, 'create filter views');
  const tab = settings.tabs.customers;
  const customers = readCustomersTable(ctx.book, settings);
  const owner = locateColumns(customers, customerFields, settings.columns.customers).index.owner;
  if (owner === undefined) throw new CannotRun(`${tab} has no Owner column, so there is nothing to filter by. Add one, or map it in Settings → Column mapping.`);
  const repsTab = ctx.book.readTable(settings.tabs.reps);
  const reps = repsTab ? parseReps(repsTab, settings) : null;
  if (!reps?.ok) throw new CannotRun(`The ${settings.tabs.reps} tab cannot be read, so there are no reps to make views for.`);
  const wanted = repFilterViews(reps.reps.filter((r) => r.active), owner, customers.headerRow);
  const changes = planFilterViews(store.list(tab), wanted);
  store.apply(tab, changes);
  return {
    created: changes.add.length,
    updated: changes.update.length,
    removed: changes.remove.length,
    views: wanted.map((v) => ({ title: v.title, rep: v.rep })),
  };
}
