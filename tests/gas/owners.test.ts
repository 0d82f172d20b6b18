import { describe, expect, it } from 'vitest';
import { MANAGER, REP, columnValues, customersRows, managedBook, refusal, repsRows, tab } from './bundle.js';
import { snapshotSheet } from './fakes/index.js';

const ROWS = 12;

describe('apply and undo in Sheets', () => {
  it('writes the proposed owners into Owner, logs each change, and undo puts back exactly what was there', () => {
    const { env, gas } = managedBook();
    gas.saveSettings({ settings: { managers: [MANAGER], assign: { strategy: 'round-robin' } } });
    const before = columnValues(env, 'Customers', 'Owner', ROWS);
    const proposed = gas.propose({ asOf: '2024-03-01', rebalance: true });
    const proposals = columnValues(env, 'Customers', 'TW Proposed Owner', ROWS);
    const applied = gas.apply({ asOf: '2024-03-01' });
    expect(applied.apply.runId).toBe(proposed.assign.runId);
    expect(applied.apply.applied).toBeGreaterThan(0);
    const after = columnValues(env, 'Customers', 'Owner', ROWS);
    const changed = after.filter((owner, r) => owner !== before[r]);
    expect(changed.length).toBe(applied.apply.applied);
    after.forEach((owner, r) => expect(owner === before[r] || owner === proposals[r]).toBe(true));
    const log = snapshotSheet(tab(env, 'TW Log')).cells;
    expect(Object.values(log).filter((c) => c.value === 'apply')).toHaveLength(applied.apply.applied);

    const undone = gas.undo({});
    expect(undone.undo.reverted).toBe(applied.apply.applied);
    expect(columnValues(env, 'Customers', 'Owner', ROWS)).toEqual(before);
  });

  it('writes changed owners all over the tab in as many Sheets calls for 300 customers as for 30', () => {
    const callsFor = (count: number) => {
      const reps = repsRows().map((row, r) => (r === 0 ? row : [...row.slice(0, 5), count, row[6]]));
      const { env, gas } = managedBook({ customers: customersRows(count), reps });
      gas.saveSettings({ settings: { managers: [MANAGER], assign: { strategy: 'round-robin' } } });
      gas.propose({ asOf: '2024-03-01', rebalance: true });
      env.calls.reset();
      const applied = gas.apply({ asOf: '2024-03-01' }).apply.applied;
      expect(applied).toBeGreaterThanOrEqual(count / 3);
      return env.calls.spreadsheetCalls();
    };
    expect(callsFor(300)).toBe(callsFor(30));
  });

  it('writes a rep whose name Sheets would read as a number or a formula exactly as the Reps tab spells it', () => {
    const reps = repsRows();
    reps[1] = ['007', ...reps[1].slice(1)];
    reps[2] = ['=HYPERLINK("http://evil.example")', ...reps[2].slice(1)];
    const { env, gas } = managedBook({ reps });
    gas.saveSettings({ settings: { managers: [MANAGER], assign: { strategy: 'round-robin' } } });
    gas.propose({ asOf: '2024-03-01', rebalance: true });
    gas.apply({ asOf: '2024-03-01' });
    const owners = columnValues(env, 'Customers', 'Owner', ROWS);
    expect(owners).toContain('007');
    expect(owners).toContain('=HYPERLINK("http://evil.example")');
    const cells = Object.values(snapshotSheet(tab(env, 'Customers')).cells);
    expect(cells.filter((c) => c.formula !== undefined && !c.formula.startsWith('=LEN('))).toEqual([]);
  });

  it('refuses apply and undo to a rep who is not a manager, and changes nothing', () => {
    const { env, gas } = managedBook();
    gas.propose({});
    const before = snapshotSheet(tab(env, 'Customers'));
    env.setUser(REP);
    expect(refusal(() => gas.apply({}))).toContain(`${REP} is not a manager of this book, so it cannot apply proposals`);
    expect(refusal(() => gas.undo({}))).toContain('cannot undo');
    expect(snapshotSheet(tab(env, 'Customers'))).toEqual(before);
  });
});

describe('recycle in Sheets', () => {
  it('clears the owners of customers stale past their warning, logging each', () => {
    const { env, gas } = managedBook();
    gas.saveSettings({ settings: { managers: [MANAGER], pool: { warningDays: 0, inactivityDays: { A: 30, B: 30, C: 30 } } } });
    gas.rescore({ asOf: '2024-06-01' });
    const before = columnValues(env, 'Customers', 'Owner', ROWS);
    const result = gas.recycle({ asOf: '2024-06-01' });
    expect(result.recycle.recycled.length).toBeGreaterThan(0);
    const after = columnValues(env, 'Customers', 'Owner', ROWS);
    const ids = columnValues(env, 'Customers', 'Customer ID', ROWS);
    for (const { customerId, from } of result.recycle.recycled) {
      const r = ids.indexOf(customerId);
      expect(before[r]).toBe(from);
      expect(after[r]).toBe('');
    }
    const log = Object.values(snapshotSheet(tab(env, 'TW Log')).cells);
    expect(log.filter((c) => c.value === 'recycle')).toHaveLength(result.recycle.recycled.length);
  });

  it('lets a rep preview a recycle but not run one', () => {
    const { env, gas } = managedBook();
    env.setUser(REP);
    expect(gas.recycle({ dryRun: true, asOf: '2024-06-01' }).recycle.dryRun).toBe(true);
    expect(refusal(() => gas.recycle({ asOf: '2024-06-01' }))).toContain('cannot recycle stale customers');
  });
});

describe('claim in Sheets', () => {
  it('lets a rep take a pool customer for themselves, written as the Reps tab spells the name and logged', () => {
    const { env, gas } = managedBook();
    env.setUser(REP);
    const result = gas.claim({ customerId: 'C003', asOf: '2024-03-01' });
    expect(result.claim).toMatchObject({ customerId: 'C003', rep: 'Ann', from: '' });
    expect(columnValues(env, 'Customers', 'Owner', ROWS)[2]).toBe('Ann');
    const log = tab(env, 'TW Log').rawRange(2, 1, 1, 8).getValues()[0];
    expect([log[2], log[3], log[5], log[7]]).toEqual(['claim', 'C003', 'Ann', REP]);
  });

  it('does not let a rep claim for someone else', () => {
    const { env, gas } = managedBook();
    env.setUser(REP);
    expect(refusal(() => gas.claim({ customerId: 'C003', rep: 'Bob' }))).toContain('may claim customers only for itself');
    expect(columnValues(env, 'Customers', 'Owner', ROWS)[2]).toBe('');
  });
});
