import { describe, expect, it } from 'vitest';
import { OWN_TABS } from '../../../src/app/owned-columns.js';
import * as surface from '../../../src/app/server/functions.js';
import { callServer } from '../../../src/app/server/server-function.js';
import { FILTER_VIEW_PREFIX, planFilterViews, repFilterViews, syncFilterViewsFunction } from '../../../src/app/server/sidebar-filter-views.js';
import { sidebarMyCustomersFunction } from '../../../src/app/server/sidebar-my-customers.js';
import { sidebarProposalsFunction } from '../../../src/app/server/sidebar-proposals.js';
import { sidebarWhatIfFunction } from '../../../src/app/server/sidebar-what-if.js';
import { parseDay } from '../../../src/core/parse/days.js';
import { scoreBook } from '../../../src/core/score/score-book.js';
import { Settings } from '../../../src/core/settings/schema.js';
import type { Cell } from '../../../src/core/table.js';
import { MemoryWorkbook } from '../../../src/node/book/memory-workbook.js';
import { DEMO_AS_OF, buildDemoBook } from '../../../src/node/demo-book.js';
import { previewSession } from '../../../src/node/preview/preview-context.js';
import { whatIfModel } from '../../../ui/what-if.js';
import { memoryState, table } from '../book-fixtures.js';

const today = parseDay(DEMO_AS_OF) as number;

function demoSession(user = 'manager@example.com', settings: Partial<Settings> = {}) {
  const workbook = new MemoryWorkbook(buildDemoBook().map((t) => table(t.name, t.rows)), new Set(Object.values(OWN_TABS)));
  const session = previewSession(workbook, memoryState(), { user, today, timeZone: 'Etc/UTC', writeMsPerCall: null, executionLimitMs: 360_000 }, { managers: ['manager@example.com'], ...settings });
  return { workbook, session };
}

describe('the what-if rows', () => {
  it('let the browser reproduce the saved tiers exactly, so an untouched preview changes nobody', () => {
    const { session } = demoSession();
    const rows = callServer(sidebarWhatIfFunction, session.context(), {});
    const preview = whatIfModel(rows)(Object.fromEntries(rows.dimensions.map((d) => [d.key, d.weight])), rows.tiers);
    expect(preview.changed).toBe(0);
    expect(preview.tiers.A + preview.tiers.B + preview.tiers.C).toBe(rows.customers);
    expect(JSON.parse(JSON.stringify(rows))).toEqual(rows);
  });

  it('give the same tiers in the browser as a rescore with the new weights and rule would write', () => {
    const { session, workbook } = demoSession();
    const rows = callServer(sidebarWhatIfFunction, session.context(), {});
    const weights = Object.fromEntries(rows.dimensions.map((d, i) => [d.key, i === 0 ? 70 : 6]));
    const rule = { ...rows.tiers, mode: 'threshold' as const, thresholds: { A: 55, B: 35 } };
    const preview = whatIfModel(rows)(weights, rule);
    const settings = Settings.parse({ score: { dimensions: Settings.parse({}).score.dimensions.map((d) => ({ ...d, weight: weights[d.key] ?? d.weight })) }, tiers: rule });
    const run = scoreBook({ customers: workbook.readTable('Customers')!, deals: workbook.readTable('Deals'), settings, asOfDay: today });
    if (!run.ok) throw new Error('demo book did not score');
    const counts = { A: 0, B: 0, C: 0 };
    for (const tier of run.result.tiers) if (tier !== null) counts[tier]++;
    expect(preview.tiers).toEqual(counts);
    expect(preview.changed).toBeGreaterThan(0);
  });
});

describe('my customers', () => {
  it('lists the signed-in rep\'s customers, best score first, and nobody else\'s', () => {
    const { session, workbook } = demoSession('alice.chen@example.com');
    const mine = callServer(sidebarMyCustomersFunction, session.context(), {});
    expect(mine.rep).toBe('Alice Chen');
    const customers = workbook.readTable('Customers')!;
    const owner = customers.header.indexOf('Owner');
    const id = customers.header.indexOf('Customer ID');
    const expected = customers.rows.filter((r) => r[owner] === 'Alice Chen' && r[id] !== null).map((r) => String(r[id]));
    expect(mine.customers.map((c) => c.id).sort()).toEqual(expected.sort());
    const scores = mine.customers.map((c) => c.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('tells a user who is not in the Reps tab that they hold no customers', () => {
    const { session } = demoSession('stranger@example.com');
    expect(callServer(sidebarMyCustomersFunction, session.context(), {})).toEqual({ email: 'stranger@example.com', rep: null, customers: [] });
  });
});

describe('filter views per rep', () => {
  it('match the Owner cell by name or e-mail, ignoring case and spaces, with quotes escaped', () => {
    const [view] = repFilterViews([{ name: 'Ann "The Closer" Lee', email: 'Ann@X.com' }], 4, 1);
    expect(view.title).toBe(`${FILTER_VIEW_PREFIX}Ann "The Closer" Lee`);
    expect(view.formula).toBe('=OR(LOWER(TRIM($E2))="ann ""the closer"" lee",LOWER(TRIM($E2))="ann@x.com")');
  });

  it('are updated in place on a second run, not stacked, and a rep who left loses theirs', () => {
    const { session } = demoSession();
    const sync = syncFilterViewsFunction(session.filterViews);
    const first = callServer(sync, session.context(), {});
    expect(first.created).toBe(7); // the demo's eight reps, one inactive
    const second = callServer(sync, session.context(), {});
    expect(second).toMatchObject({ created: 0, updated: 7, removed: 0 });
    expect(session.filterViews.views.size).toBe(7);
    const plan = planFilterViews([...session.filterViews.list('Customers'), { id: 'copy', title: `${FILTER_VIEW_PREFIX}Alice Chen` }], repFilterViews([{ name: 'Alice Chen', email: '' }], 4, 1));
    expect(plan.add).toEqual([]);
    expect(plan.update).toHaveLength(1);
    expect(plan.remove).toHaveLength(7);
  });

  it('are for managers only', () => {
    const { session } = demoSession('alice.chen@example.com');
    expect(() => callServer(syncFilterViewsFunction(session.filterViews), session.context(), {})).toThrow(/not a manager/);
  });
});

describe('the proposals list', () => {
  it('is empty before any propose run, then lists each saved proposal with name, row, tier and fit', () => {
    const { session, workbook } = demoSession();
    expect(callServer(sidebarProposalsFunction, session.context(), {}).runId).toBeNull();
    const proposed = callServer(surface.proposeFunction, session.context(), {});
    const list = callServer(sidebarProposalsFunction, session.context(), {});
    expect(list.runId).toBe(proposed.assign.runId);
    expect(list.items.length).toBeGreaterThan(0);
    const customers = workbook.readTable('Customers')!;
    const name = customers.header.indexOf('Name');
    for (const item of list.items.slice(0, 20)) {
      expect(customers.rows[item.row - 2][name] as Cell).toBe(item.name);
      if (item.to !== null) expect(item.fit).not.toBeNull();
    }
  });

  it('keeps the load per rep of the saved run, so the load bars show in a later session too', () => {
    const { session } = demoSession();
    const proposed = callServer(surface.proposeFunction, session.context(), {});
    const list = callServer(sidebarProposalsFunction, session.context(), {});
    expect(list.load).toEqual(proposed.assign.perRep.map((r) => ({ rep: r.rep, count: r.count, capacity: r.capacity, active: r.active })));
    expect(list.load.length).toBeGreaterThan(0);
    expect(list.load.filter((r) => !r.active).map((r) => r.rep)).toEqual(['Frank Li']);
  });
});
