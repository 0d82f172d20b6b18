import { describe, expect, it } from 'vitest';
import { changedCells, createAppsScriptEnvironment, snapshotSheet } from './fakes/index.js';
import { MANAGER, REP, customersRows, loadBundle, managedBook, overTheWire, refusal, repsRows, standardBook, tab } from './bundle.js';

const OWNED = ['TW Score', 'TW Tier', 'TW R', 'TW F', 'TW M', 'TW Recency Days', 'TW Frequency', 'TW Monetary', 'TW Segment', 'TW CLV', 'TW P(alive)', 'TW Expected Purchases', 'TW Why', 'TW Flags', 'TW As Of'];

/** Column letters of the header cells whose text is one of `headers`. */
function columnsHeaded(snapshot: ReturnType<typeof snapshotSheet>, headers: readonly string[]): Set<string> {
  const letters = new Set<string>();
  for (const [a1, cell] of Object.entries(snapshot.cells)) {
    const match = /^([A-Z]+)1$/.exec(a1);
    if (match && typeof cell.value === 'string' && headers.some((h) => h === cell.value)) letters.add(match[1]);
  }
  return letters;
}

const letterOf = (a1: string) => /^[A-Z]+/.exec(a1)![0];

describe('the menu', () => {
  it('is built with createAddonMenu in AuthMode.NONE without touching properties or the sheet', () => {
    const env = createAppsScriptEnvironment({ spreadsheets: standardBook() });
    const gas = loadBundle(env);
    env.startExecution({ authMode: env.AuthMode.NONE });
    gas.onOpen({ authMode: env.AuthMode.NONE });
    const [menu] = env.ui.menus;
    expect(menu.entries.map((e) => ('caption' in e ? e.caption : '—'))).toEqual(['Open Tierwise', '—', 'Rescore now', 'Propose owners', 'Recycle stale now']);
    expect(env.calls.total((m) => m.startsWith('Properties') || m.startsWith('Range') || m.startsWith('Spreadsheet.'))).toBe(0);
    for (const entry of menu.entries) if ('functionName' in entry) expect(typeof gas[entry.functionName]).toBe('function');
  });

  it('shows the Sidebar file in a sidebar', () => {
    const env = createAppsScriptEnvironment({ spreadsheets: standardBook(), htmlFiles: { Sidebar: '<p>Tierwise</p>' } });
    loadBundle(env).showSidebar();
    expect(env.ui.sidebars.at(-1)!.content).toBe('<p>Tierwise</p>');
  });
});

describe('rescore in Sheets', () => {
  it('writes the owned columns and leaves every other cell, formula, note and format as it was', () => {
    const { env, gas } = managedBook();
    const before = snapshotSheet(tab(env, 'Customers'));
    const result = gas.rescore({});
    const after = snapshotSheet(tab(env, 'Customers'));
    const ours = columnsHeaded(after, OWNED);
    expect(ours.size).toBe(OWNED.length);
    const changed = changedCells(before, after);
    expect(changed.length).toBeGreaterThan(12 * 10);
    expect(changed.filter((a1) => !ours.has(letterOf(a1)))).toEqual([]);
    expect(after.frozenRows).toBe(1);
    expect(result.status).toBe('done');
    expect(result.customers).toBe(12);
  });

  it('turns date cells into the day the sheet shows in its own time zone', () => {
    // 2024-02-02 00:00 in Auckland is 2024-02-01 in UTC: the day is the sheet's, not UTC's.
    const rows = customersRows();
    rows.forEach((row, r) => r > 0 && (row[5] = new Date(Date.UTC(2024, 1, 1, 11, 0))));
    const { env, gas } = managedBook({ customers: rows, timeZone: 'Pacific/Auckland' });
    gas.saveSettings({ settings: { managers: [MANAGER], score: { dimensions: [{ key: 'recent', label: 'recent activity', source: '@daysSinceActivity', weight: 1, direction: 'lower', normalize: 'minmax', missing: 'worst' }] } } });
    const summary = gas.rescore({ asOf: '2024-02-12' });
    expect(summary.asOf).toBe('2024-02-12');
    const sheet = tab(env, 'Customers');
    const header = sheet.rawRange(1, 1, 1, sheet.maxColumns).getValues()[0];
    const asOf = sheet.rawRange(2, header.indexOf('TW As Of') + 1).getDisplayValues()[0][0];
    expect(asOf).toBe('2024-02-12');
  });

  it('finds a moved owned column and recreates a deleted one', () => {
    const { env, gas } = managedBook();
    gas.rescore({});
    const sheet = tab(env, 'Customers');
    const headerOf = () => sheet.rawRange(1, 1, 1, sheet.maxColumns).getValues()[0] as unknown[];
    const tierAt = headerOf().indexOf('TW Tier') + 1;
    const tiersBefore = sheet.rawRange(2, tierAt, 12, 1).getValues().flat();
    // The user moves TW Tier to the front and deletes TW Why.
    const g = env.globals as { SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp };
    const live = g.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Customers')!;
    live.insertColumnBefore(1);
    live.getRange(1, 1, 13, 1).setValues(live.getRange(1, tierAt + 1, 13, 1).getValues());
    live.deleteColumn(tierAt + 1);
    live.deleteColumn(headerOf().indexOf('TW Why') + 1);
    gas.rescore({});
    const header = headerOf();
    expect(header.filter((h) => h === 'TW Tier')).toHaveLength(1);
    expect(header[0]).toBe('TW Tier');
    expect(sheet.rawRange(2, 1, 12, 1).getValues().flat()).toEqual(tiersBefore);
    expect(header.filter((h) => h === 'TW Why')).toHaveLength(1);
    expect(header.indexOf('TW Why')).toBeGreaterThan(header.indexOf('TW As Of'));
  });

  it('colours TW Tier once, however often it runs', () => {
    const { env, gas } = managedBook();
    gas.rescore({});
    gas.rescore({});
    gas.rescore({});
    const rules = tab(env, 'Customers').conditionalRules;
    expect(rules.map((r) => r.values[0])).toEqual(['A', 'B', 'C']);
  });

  it('puts a warning-only list of reps on Owner when switched on, and takes only its own list away', () => {
    const { env, gas } = managedBook();
    gas.saveSettings({ settings: { managers: [MANAGER], sheets: { ownerValidation: true } } });
    gas.rescore({});
    const owner = () => snapshotSheet(tab(env, 'Customers')).cells.E2.validation;
    expect(owner()).toEqual({ criteria: 'VALUE_IN_LIST', values: ['Ann', 'Bob', 'Cy'], allowInvalid: true });
    gas.saveSettings({ settings: { managers: [MANAGER], sheets: { ownerValidation: false } } });
    gas.rescore({});
    expect(owner()).toBeUndefined();
  });

  it('lists a team of 501 reps from the Reps tab, since a list rule holds at most 500 names', () => {
    const reps = [repsRows()[0], ...Array.from({ length: 501 }, (_, i) => [`Rep ${i + 1}`, `rep${i + 1}@example.com`, 'mid', 'North', 'Retail', 20, 'yes'])];
    const { env, gas } = managedBook({ reps });
    gas.saveSettings({ settings: { managers: [MANAGER], sheets: { ownerValidation: true } } });
    expect(gas.rescore({}).status).toBe('done');
    expect(snapshotSheet(tab(env, 'Customers')).cells.E2.validation).toEqual({ criteria: 'VALUE_IN_RANGE', values: [], allowInvalid: true, range: "'Reps'!A2:A502" });
    // Back to a small team: the list of names again, in place of the range rule.
    tab(env, 'Reps').rawRange(5, 1, 498, 7).clearContent();
    gas.rescore({});
    expect(snapshotSheet(tab(env, 'Customers')).cells.E2.validation).toMatchObject({ criteria: 'VALUE_IN_LIST', values: ['Rep 1', 'Rep 2', 'Rep 3'] });
  });
});

describe('text we write', () => {
  it('stays text when a rep or reason looks like a formula', () => {
    const reps = repsRows();
    reps[3] = ['=IMPORTXML("http://evil.example","//a")', 'cy@example.com', 'junior', 'North, South', 'Retail', 20, 'yes'];
    const { env, gas } = managedBook({ reps });
    gas.saveSettings({ settings: { managers: [MANAGER], assign: { strategy: 'round-robin' } } });
    gas.propose({});
    const cells = snapshotSheet(tab(env, 'Customers')).cells;
    expect(Object.values(cells).filter((c) => c.formula !== undefined && !c.formula.startsWith('=LEN('))).toEqual([]);
    expect(Object.values(cells).some((c) => c.value === '=IMPORTXML("http://evil.example","//a")')).toBe(true);
  });
});

describe('roles', () => {
  it('makes the first user who saves settings the manager', () => {
    const env = createAppsScriptEnvironment({ spreadsheets: standardBook() });
    const gas = loadBundle(env);
    env.setUser(REP);
    expect(gas.saveSettings({ settings: {} }).managers).toEqual([REP]);
    env.setUser(MANAGER);
    expect(refusal(() => gas.saveSettings({ settings: {} }))).toContain(`${MANAGER} is not a manager`);
  });

  it('lets a rep view but not install the schedule or save settings', () => {
    const { env, gas } = managedBook();
    env.setUser(REP);
    expect(gas.getState().user).toEqual({ email: REP, manager: false });
    expect(refusal(() => gas.installSchedule({}))).toContain('is not a manager of this book, so it cannot install the schedule');
    expect(refusal(() => gas.saveSettings({ settings: { managers: [REP] } }))).toContain('cannot save settings');
  });

  it('names the bad field of settings it refuses', () => {
    const { gas } = managedBook();
    expect(refusal(() => gas.saveSettings({ settings: { managers: [MANAGER], schedule: { hour: 25 } } }))).toContain('settings.schedule.hour');
  });

  it('checks inputs on the way in', () => {
    const { gas } = managedBook();
    expect(refusal(() => gas.rescore({ asOf: '1 March' }))).toContain('asOf: a date in the form YYYY-MM-DD');
  });
});

describe('server functions', () => {
  it('return values that cross google.script.run unchanged', () => {
    const { env, gas } = managedBook();
    const outputs = [
      gas.getState({}), gas.rescore({}), gas.propose({}), gas.apply({}), gas.undo({}), gas.recycle({ dryRun: true }), gas.claim({ customerId: 'C003', rep: 'Ann' }),
      gas.installSchedule({}), gas.getState(), gas.removeSchedule({}), gas.saveSettings({ settings: { managers: [MANAGER] } }),
    ];
    for (const output of outputs) {
      const crossed = overTheWire(output);
      expect(JSON.stringify(crossed)).toBe(JSON.stringify(output));
      expect(JSON.stringify(output)).not.toMatch(/"\d{4}-\d{2}-\d{2}T00:00:00\.000Z"/);
    }
    expect(env.triggers).toHaveLength(0);
  });
});
