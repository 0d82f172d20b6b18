import { describe, expect, it } from 'vitest';
import { OWN_TABS } from '../../src/app/owned-columns.js';
import * as surface from '../../src/app/server/functions.js';
import type { ServerContext, SettingsStore } from '../../src/app/server/ports.js';
import { callServer } from '../../src/app/server/server-function.js';
import { sidebarProposalsFunction } from '../../src/app/server/sidebar-proposals.js';
import { parseDay } from '../../src/core/parse/days.js';
import type { Settings } from '../../src/core/settings/schema.js';
import { settingsProperty } from '../../src/gas/document-slots.js';
import { MemoryWorkbook } from '../../src/node/book/memory-workbook.js';
import { DEMO_AS_OF, buildDemoBook } from '../../src/node/demo-book.js';
import { previewSession } from '../../src/node/preview/preview-context.js';
import { memoryState, table } from '../app/book-fixtures.js';

/**
 * Roles that hold (issue 12 item 2): what a rep does never changes what a manager applies,
 * and settings that cannot be read give nobody a role. Every refusal is checked to leave
 * the book, the saved state and the settings exactly as they were.
 */
const MANAGER = 'manager@example.com';
const REP = 'alice.chen@example.com';
const today = parseDay(DEMO_AS_OF) as number;

function demo(settings: Partial<Settings> = {}) {
  const workbook = new MemoryWorkbook(buildDemoBook().map((t) => table(t.name, t.rows)), new Set(Object.values(OWN_TABS)));
  const state = memoryState();
  const session = previewSession(workbook, state, { user: MANAGER, today, timeZone: 'Etc/UTC', writeMsPerCall: null, executionLimitMs: 360_000 }, { managers: [MANAGER], ...settings });
  const as = (email: string, store?: SettingsStore): ServerContext => ({ ...session.context(), user: { email }, ...(store ? { settings: store } : {}) });
  const snapshot = () => JSON.stringify({ tabs: ['Customers', OWN_TABS.log].map((tab) => workbook.readTable(tab)), state: state.load() });
  return { workbook, state, as, snapshot };
}

/** A settings store holding exactly `raw`, as document properties would hand it back. */
function storedSettings(raw: unknown): SettingsStore & { saved: () => unknown } {
  let value = raw;
  return { load: () => value, save: (s) => (value = s), saved: () => value };
}

/** Document properties holding `text` under the settings key, read through the Apps Script shell's own store. */
function propertiesHolding(text: string) {
  const map = new Map<string, string>([['tierwise.settings', text]]);
  const properties = {
    getProperty: (key: string) => map.get(key) ?? null,
    setProperty: (key: string, value: string) => void map.set(key, value),
    deleteProperty: (key: string) => void map.delete(key),
  } as unknown as GoogleAppsScript.Properties.Properties;
  return { store: settingsProperty(properties), text: () => map.get('tierwise.settings') };
}

const ownerOf = (workbook: MemoryWorkbook) => {
  const customers = workbook.readTable('Customers')!;
  const id = customers.header.indexOf('Customer ID');
  const owner = customers.header.indexOf('Owner');
  return new Map(customers.rows.map((r) => [String(r[id]), r[owner]]));
};

describe('proposal runs and apply', () => {
  it("applies the manager's run, not the rebalance a rep proposed after it", () => {
    const { workbook, as } = demo();
    const before = ownerOf(workbook);
    const managerRun = callServer(surface.proposeFunction, as(MANAGER), {});
    callServer(surface.proposeFunction, as(REP), { rebalance: true });
    const applied = callServer(surface.applyFunction, as(MANAGER), {});
    expect(applied.apply.runId).toBe(managerRun.assign.runId);
    expect(applied.apply.applied).toBe(managerRun.assign.changes);
    // A rebalance would have moved far more owned customers than the manager's run changes,
    // and the customers it could not place keep their Owner cell.
    const after = ownerOf(workbook);
    expect([...after].filter(([id, owner]) => owner !== before.get(id)).length).toBe(managerRun.assign.changes);
    for (const { customerId } of managerRun.assign.unplaced) expect(after.get(customerId)).toBe(before.get(customerId));
  });

  it("leaves the book, its proposal columns and the saved state untouched when a rep proposes", () => {
    const { as, snapshot } = demo();
    callServer(surface.proposeFunction, as(MANAGER), {});
    const before = snapshot();
    const preview = callServer(surface.proposeFunction, as(REP), { rebalance: true });
    expect(snapshot()).toBe(before);
    expect(preview.saved).toBe(false);
    expect(preview.notes.join(' ')).toMatch(/Only a manager's proposals are saved for apply/);
  });

  it("shows the rep the proposals all the same, as a preview", () => {
    const { as } = demo();
    const preview = callServer(surface.proposeFunction, as(REP), { rebalance: true });
    expect(preview.assign.proposed).toBeGreaterThan(0);
    expect(preview.status).toBe('done');
    expect(preview.rowsWritten).toBe(0);
  });

  it("gives apply nothing to apply when only a rep has proposed", () => {
    const { as, snapshot } = demo();
    callServer(surface.proposeFunction, as(REP), {});
    const before = snapshot();
    expect(() => callServer(surface.applyFunction, as(MANAGER), {})).toThrow(/no saved proposals/);
    expect(snapshot()).toBe(before);
  });

  it("keeps the sidebar's list on the manager's run after a rep's preview", () => {
    const { as } = demo();
    const managerRun = callServer(surface.proposeFunction, as(MANAGER), {});
    callServer(surface.proposeFunction, as(REP), { rebalance: true });
    expect(callServer(sidebarProposalsFunction, as(MANAGER), {}).runId).toBe(managerRun.assign.runId);
  });

  it('refuses to apply a run other than the one the manager reviewed, changing nothing', () => {
    const { as, snapshot, state } = demo();
    callServer(surface.proposeFunction, as(MANAGER), {});
    const saved = state.load() as { proposals: { runId: string } };
    state.save({ ...saved, proposals: { ...saved.proposals, runId: 'P-20990101-000000' } });
    const before = snapshot();
    expect(() => callServer(surface.applyFunction, as(MANAGER), { runId: 'P-20260101-000000' })).toThrow(/Run P-20260101-000000 is not the saved run: the proposals saved for apply are run P-20990101-000000/);
    expect(snapshot()).toBe(before);
  });

  it('applies the run the manager reviewed when it is the saved one', () => {
    const { as } = demo();
    const run = callServer(surface.proposeFunction, as(MANAGER), {});
    const applied = callServer(surface.applyFunction, as(MANAGER), { runId: run.assign.runId });
    expect(applied.apply.applied).toBe(run.assign.changes);
  });

  it('remembers who made a saved run and in what role', () => {
    const { as, state } = demo();
    callServer(surface.proposeFunction, as(MANAGER), {});
    expect((state.load() as { proposals: { madeBy: unknown } }).proposals.madeBy).toEqual({ actor: MANAGER, role: 'manager' });
  });

  it('refuses a saved run that does not say who made it (saved before runs did), changing nothing', () => {
    const { as, state, snapshot } = demo();
    callServer(surface.proposeFunction, as(MANAGER), {});
    const saved = state.load() as { proposals: Record<string, unknown> };
    const { madeBy: _dropped, ...older } = saved.proposals;
    state.save({ ...saved, proposals: older });
    const before = snapshot();
    expect(() => callServer(surface.applyFunction, as(MANAGER), {})).toThrow(/did not record who made it.*only a manager's run can be applied/);
    expect(snapshot()).toBe(before);
  });

  it("refuses a saved run made by a rep, naming the rep, changing nothing", () => {
    const { as, state, snapshot } = demo();
    callServer(surface.proposeFunction, as(MANAGER), {});
    const saved = state.load() as { proposals: Record<string, unknown> };
    state.save({ ...saved, proposals: { ...saved.proposals, madeBy: { actor: REP, role: 'rep' } } });
    const before = snapshot();
    expect(() => callServer(surface.applyFunction, as(MANAGER), {})).toThrow(new RegExp(`made by ${REP}, a rep`));
    expect(snapshot()).toBe(before);
  });

  it('refuses apply and undo to a rep, changing nothing', () => {
    const { as, snapshot } = demo();
    callServer(surface.proposeFunction, as(MANAGER), {});
    const before = snapshot();
    expect(() => callServer(surface.applyFunction, as(REP), {})).toThrow(/is not a manager of this book, so it cannot apply/);
    expect(() => callServer(surface.undoFunction, as(REP), {})).toThrow(/is not a manager of this book, so it cannot undo/);
    expect(snapshot()).toBe(before);
  });

  it('refuses an account Google gives no e-mail for as a manager, changing nothing', () => {
    const { as, snapshot } = demo();
    callServer(surface.proposeFunction, as(MANAGER), {});
    const before = snapshot();
    expect(() => callServer(surface.applyFunction, as(''), {})).toThrow(/not a manager/);
    expect(snapshot()).toBe(before);
  });

  it('refuses a real recycle to a rep but lets the rep preview it', () => {
    const { as, snapshot } = demo();
    const before = snapshot();
    expect(() => callServer(surface.recycleFunction, as(REP), { dryRun: false })).toThrow(/cannot recycle/);
    expect(callServer(surface.recycleFunction, as(REP), { dryRun: true }).recycle).toBeDefined();
    expect(snapshot()).toBe(before);
  });

  it('refuses a rep claiming a customer for another rep, changing nothing', () => {
    const { as, snapshot } = demo();
    const before = snapshot();
    expect(() => callServer(surface.claimFunction, as(REP), { customerId: 'C001', rep: 'Bob Wang' })).toThrow(/may claim customers only for itself/);
    expect(snapshot()).toBe(before);
  });
});

describe('settings that cannot be read fail closed', () => {
  it('do not make the next caller of saveSettings a manager when the stored text is not JSON', () => {
    const { as } = demo();
    const props = propertiesHolding('{"managers":["boss@example.com"],');
    expect(() => callServer(surface.saveSettingsFunction, as('intruder@example.com', props.store), { settings: { managers: [] } })).toThrow(/cannot be used.*nobody gains a role/);
    expect(props.text()).toBe('{"managers":["boss@example.com"],');
  });

  it('do not make the next caller a manager when the JSON does not fit the schema', () => {
    const { as } = demo();
    const store = storedSettings({ managers: ['boss@example.com'], pool: { warningDays: 'soon' } });
    expect(() => callServer(surface.saveSettingsFunction, as('intruder@example.com', store), { settings: {} })).toThrow(/Only a manager named in them \(boss@example.com\) can repair them/);
    expect(store.saved()).toEqual({ managers: ['boss@example.com'], pool: { warningDays: 'soon' } });
  });

  it('let a manager still named in them repair them by saving good settings', () => {
    const { as } = demo();
    const store = storedSettings({ managers: ['boss@example.com'], pool: { warningDays: 'soon' } });
    const saved = callServer(surface.saveSettingsFunction, as('Boss@Example.com ', store), { settings: { managers: ['boss@example.com'] } });
    expect(saved.managers).toEqual(['boss@example.com']);
    expect(callServer(surface.getStateFunction, as('boss@example.com', store), {}).user.manager).toBe(true);
  });

  it('let nobody save when no manager can be read from them, and say the owner can clear them', () => {
    const { as } = demo();
    const store = storedSettings({ managers: 'boss@example.com', tiers: 7 });
    for (const who of ['boss@example.com', 'intruder@example.com', '']) {
      expect(() => callServer(surface.saveSettingsFunction, as(who, store), { settings: {} })).toThrow(/No manager can be read from them.*owner can clear them/);
    }
    expect(store.saved()).toEqual({ managers: 'boss@example.com', tiers: 7 });
  });

  it('make nobody a manager in what the sidebar shows, and say what is wrong and who can repair it', () => {
    const { as } = demo();
    const store = storedSettings({ managers: ['boss@example.com'], locale: 'klingon' });
    const state = callServer(surface.getStateFunction, as('boss@example.com', store), {});
    expect(state.settings).toBeNull();
    expect(state.user.manager).toBe(false);
    expect(state.settingsErrors.join(' ')).toMatch(/settings\.locale/);
    expect(state.settingsRepairers).toEqual(['boss@example.com']);
  });

  it('say in the sidebar that text which is not JSON cannot be read, with nobody to repair it', () => {
    const { as } = demo();
    const state = callServer(surface.getStateFunction, as(MANAGER, propertiesHolding('not json at all').store), {});
    expect(state.settings).toBeNull();
    expect(state.settingsErrors).toEqual(['settings: the saved text is not JSON']);
    expect(state.settingsRepairers).toEqual([]);
  });

  it('stop every action that needs them with what is wrong and who can repair it, changing nothing', () => {
    const { as, snapshot } = demo();
    const store = storedSettings({ managers: ['boss@example.com'], score: { dimensions: 'all' } });
    const before = snapshot();
    for (const fn of [surface.rescoreFunction, surface.proposeFunction, surface.applyFunction, surface.undoFunction] as const) {
      expect(() => callServer(fn as typeof surface.rescoreFunction, as('boss@example.com', store), {})).toThrow(/settings\.score\.dimensions.*boss@example\.com/);
    }
    expect(snapshot()).toBe(before);
  });

  it('still make the first saver the manager of a book with no settings saved at all', () => {
    const { as } = demo();
    const store = storedSettings(null);
    expect(callServer(surface.saveSettingsFunction, as('first@example.com', store), { settings: {} }).managers).toEqual(['first@example.com']);
  });

  it('still make the first saver the manager when the readable settings list no managers', () => {
    const { as } = demo();
    const store = storedSettings({ managers: [] });
    expect(callServer(surface.saveSettingsFunction, as('first@example.com', store), { settings: {} }).managers).toEqual(['first@example.com']);
  });

  it('refuse a second saver once a manager is listed', () => {
    const { as } = demo();
    const store = storedSettings({ managers: ['first@example.com'] });
    expect(() => callServer(surface.saveSettingsFunction, as('second@example.com', store), { settings: {} })).toThrow(/not a manager of this book, so it cannot save settings/);
    expect(store.saved()).toEqual({ managers: ['first@example.com'] });
  });
});
