import { describe, expect, it } from 'vitest';
import { readStateChunks, stateToChunks } from '../../src/app/state-text.js';
import { MANAGER, columnValues, customersRows, managedBook, repsRows, tab } from './bundle.js';

type Env = ReturnType<typeof managedBook>['env'];

/** TW Log rows whose action is `action`, as [reason, actor]. */
function logOf(env: Env, action: string): unknown[][] {
  const sheet = env.spreadsheet.sheetNamed('TW Log');
  if (!sheet) return [];
  return sheet.rawRange(1, 1, sheet.maxRows, 8).getValues().filter((row) => row[2] === action).map((row) => [row[6], row[7]]);
}

/** The cells of TW State's column A that hold anything. */
function stateCells(env: Env): unknown[] {
  const sheet = tab(env, 'TW State');
  return sheet.rawRange(1, 1, sheet.maxRows, 1).getValues().map((row) => row[0]).filter((cell) => cell !== '');
}

describe('TW State', () => {
  it('gives back rep names with emoji exactly after undo, however the chunks are cut', () => {
    const COUNT = 3_000;
    // An emoji-named rep who left owns everyone: apply gives them all to others, undo gives them back.
    const ann = `Ann ${'😀'.repeat(30)}`;
    const reps = repsRows().map((row, i) => (i === 0 ? row : i === 1 ? [ann, 'ann@example.com', 'senior', 'North', 'Retail', 5_000, 'no'] : [row[0], row[1], row[2], row[3], row[4], 5_000, 'yes']));
    const customers = customersRows(COUNT).map((row, i) => (i === 0 ? row : row.map((cell, c) => (c === 4 ? ann : cell))));
    const { env, gas } = managedBook({ customers, reps });
    gas.propose({});
    gas.apply({});
    expect(columnValues(env, 'Customers', 'Owner', COUNT).filter((owner) => owner === ann)).toHaveLength(0);
    expect(stateCells(env).length).toBeGreaterThan(2);
    env.setUser(MANAGER);
    gas.undo({});
    expect(columnValues(env, 'Customers', 'Owner', COUNT).every((owner) => owner === ann)).toBe(true);
  });

  it('is protected warning-only, so a person editing it by hand is warned and the add-on is not stopped', () => {
    const { env, gas } = managedBook();
    gas.rescore({});
    const protections = tab(env, 'TW State').protections;
    expect(protections.map((p) => ({ warningOnly: p.warningOnly, whole: p.area === null }))).toEqual([{ warningOnly: true, whole: true }]);
    expect(tab(env, 'TW State').hidden).toBe(true);
    env.setUser('other.editor@example.com');
    expect(gas.getState().user.manager).toBe(false);
  });

  it('that does not read back is reported with what was lost, kept in a tab of its own, and logged when started fresh', () => {
    const { env, gas } = managedBook();
    gas.propose({});
    const run = gas.getState();
    expect(run.stateProblem).toBeNull();
    // One cell of the state is lost (a person cleared it by hand).
    const cells = stateCells(env);
    expect(cells.length).toBeGreaterThanOrEqual(2);
    tab(env, 'TW State').rawRange(2, 1).setValues([['']]);

    env.setUser(MANAGER);
    const seen = gas.getState().stateProblem as string;
    expect(seen).toMatch(/^TW State does not read back: .+\. It held .*the proposals of run .+ that Apply would apply/);

    // The next run that saves the state starts it fresh, out loud.
    gas.rescore({});
    const kept = env.spreadsheet.sheets.find((sheet) => sheet.name.startsWith('TW State unreadable '));
    expect(kept).toBeDefined();
    expect(kept!.rawRange(1, 1, cells.length, 1).getValues().map((row) => row[0])).toEqual(cells.map((cell, i) => (i === 1 ? '' : cell)));
    const logged = logOf(env, 'state');
    expect(logged).toHaveLength(1);
    expect(logged[0][0]).toMatch(/^TW State did not read back on .+ so Tierwise started it fresh\. It held .*the proposals of run/);
    expect(logged[0][1]).toBe(MANAGER);
    env.setUser(MANAGER);
    expect(gas.getState().stateProblem).toBe(logged[0][0]);

    // Deleting the kept tab, once checked, ends the notice.
    env.spreadsheet.proxy.deleteSheet(kept!.proxy);
    env.setUser(MANAGER);
    expect(gas.getState().stateProblem).toBeNull();
  });

  it('whose text reads back but whose shape is not one Tierwise reads is reported and kept, not started fresh in silence', () => {
    const { env, gas } = managedBook();
    gas.propose({});
    // Edited by hand into a shape the schema refuses, and written back with a checksum that fits.
    const saved = readStateChunks(stateCells(env)).state as { proposals: { items: { to: unknown }[] } };
    saved.proposals.items[0].to = 42;
    const edited = stateToChunks(saved, ['the proposals that Apply would apply']);
    const sheet = tab(env, 'TW State');
    sheet.rawRange(1, 1, sheet.maxRows, 1).clearContent();
    sheet.rawRange(1, 1, edited.length, 1).setValues(edited.map((cell) => [cell]));

    env.setUser(MANAGER);
    expect(gas.getState().stateProblem).toMatch(/^TW State does not read back: it is not in the form this version of Tierwise reads \(proposals\.items\.0\.to: .+\)\. It held .*the proposals of run .+ that Apply would apply/);

    gas.rescore({});
    const kept = env.spreadsheet.sheets.find((tabKept) => tabKept.name.startsWith('TW State unreadable '));
    expect(kept!.rawRange(1, 1, edited.length, 1).getValues().map((row) => row[0])).toEqual(edited);
    expect(logOf(env, 'state')[0][0]).toMatch(/so Tierwise started it fresh\. It held .*the proposals of run/);
  });
});
