import { describe, expect, it } from 'vitest';
import { MANAGER, OTHER_MANAGER, columnValues, customersRows, managedBook, refusal, tab } from './bundle.js';
import { snapshotSheet } from './fakes/index.js';

const SEVEN_MINUTES = 7 * 60 * 1000;
/**
 * The last moment a run may start its first chunk (src/app/server/job.ts): the execution
 * limit, 6 minutes, less the minute kept for saving. Later chunks stop at the 4.5-minute budget.
 */
const LAST_CHANCE_MS = 5 * 60 * 1000;

describe('two runs at once', () => {
  it('refuses a second run during the first with the holder, what it runs and since when', () => {
    const { env, gas } = managedBook();
    let second = '';
    const during = env.calls.onCall((method) => {
      if (method === 'Range.setValues' && second === '') second = refusal(() => gas.propose({}));
    });
    expect(gas.rescore({}).status).toBe('done');
    during();
    expect(second).toBe(`${MANAGER} is running rescore since 2024-03-01 08:00:00 UTC; try again when it has finished.`);
  });

  it('honours the lease of a run it cannot see until it is older than one execution, then takes it over', () => {
    const { env, gas } = managedBook();
    // The first run is stopped by the platform in the middle of its writes: no call after that succeeds.
    const kill = env.calls.onCall((method) => {
      if (method === 'Range.setValues') env.stopExecution();
    });
    expect(refusal(() => gas.rescore({}))).toBe('Exceeded maximum execution time');
    kill();
    env.setUser(OTHER_MANAGER);
    expect(refusal(() => gas.rescore({}))).toBe(`${MANAGER} is running rescore since 2024-03-01 08:00:00 UTC; try again when it has finished.`);
    env.clock.advance(SEVEN_MINUTES);
    env.setUser(OTHER_MANAGER);
    expect(gas.rescore({}).status).toBe('done');
    expect(gas.getState().running).toBeNull();
  });

  it('waits briefly for a run holding the document lock, then says it is busy', () => {
    const { env, gas } = managedBook();
    const held = env.holdDocumentLock();
    const started = env.clock.now();
    expect(refusal(() => gas.rescore({}))).toContain('Another Tierwise run is writing to this book');
    expect(env.clock.now() - started).toBe(10_000);
    held.release();
    expect(gas.rescore({}).status).toBe('done');
  });

  it('goes ahead when the other run lets go while it waits', () => {
    const { env, gas } = managedBook();
    env.holdDocumentLock({ releaseAfterMs: 3_000 });
    expect(gas.rescore({}).status).toBe('done');
  });
});

describe('a long rescore', () => {
  const COUNT = 2_500;

  /** Makes the run reach its writes with only `leftMs` before its last chance, and each write take a second. */
  function slowWrites(env: ReturnType<typeof managedBook>['env'], leftMs: number) {
    let read = false;
    return env.calls.onCall((method) => {
      if (method === 'Range.getValues' && !read) {
        read = true;
        env.clock.advance(LAST_CHANCE_MS - leftMs);
      }
      if (method === 'Range.setValues') env.clock.advance(1_000);
    });
  }

  it('stops before the time runs out and resumes exactly where it stopped', () => {
    const reference = managedBook({ customers: customersRows(COUNT) });
    reference.gas.rescore({ asOf: '2024-03-01' });
    const expected = columnValues(reference.env, 'Customers', 'TW Score', COUNT);

    const { env, gas } = managedBook({ customers: customersRows(COUNT) });
    const stop = slowWrites(env, 300);
    const first = gas.rescore({ asOf: '2024-03-01' });
    stop();
    expect(first.status).toBe('stopped');
    expect(first.rowsWritten).toBeGreaterThan(0);
    expect(first.rowsWritten).toBeLessThan(COUNT);
    expect(gas.getState().unfinished).toMatchObject({ action: 'rescore', rowsWritten: first.rowsWritten, rows: COUNT });
    const scores = columnValues(env, 'Customers', 'TW Score', COUNT);
    expect(scores.slice(first.rowsWritten).every((s) => s === '')).toBe(true);

    env.setUser(MANAGER);
    const second = gas.rescore({});
    expect(second.status).toBe('done');
    expect(second.notes).toContain(`Resumed the rescore of 2024-03-01 at row ${first.rowsWritten + 1} of ${COUNT}.`);
    expect(first.rowsWritten + second.rowsWritten).toBe(COUNT);
    expect(columnValues(env, 'Customers', 'TW Score', COUNT)).toEqual(expected);
    expect(gas.getState().unfinished).toBeNull();
  });

  it('starts over, and says so, when the sheet changed while it was stopped', () => {
    const { env, gas } = managedBook({ customers: customersRows(COUNT) });
    const stop = slowWrites(env, 300);
    const first = gas.rescore({ asOf: '2024-03-01' });
    stop();
    expect(first.status).toBe('stopped');
    tab(env, 'Customers').rawRange(3, 7).setValues([[123_456]]);
    env.setUser(MANAGER);
    const second = gas.rescore({});
    expect(second.notes).toContain('The book or the settings changed while the rescore of 2024-03-01 was stopped, so it started over.');
    expect(second.rowsWritten).toBe(COUNT);
  });

  it('loses a chunk the platform stopped before it was flushed, and the next run writes it again: no row lost', () => {
    const ROWS = 12_000;
    const cost = { msPerCall: 40, msPerCellWritten: 0.02 };
    const reference = managedBook({ customers: customersRows(ROWS), ...cost });
    expect(reference.gas.rescore({ asOf: '2024-03-01' }).status).toBe('done');
    const expected = columnValues(reference.env, 'Customers', 'TW Score', ROWS);

    const { env, gas } = managedBook({ customers: customersRows(ROWS), ...cost });
    let chunks = 0;
    const writes = env.calls.onWrite((block) => {
      if (block.sheet === 'Customers' && block.numRows > 1) chunks += 1;
    });
    // The second chunk is written; the platform stops the run at the very next call.
    const stop = env.calls.onCall(() => {
      if (chunks === 2) env.stopExecution();
    });
    expect(refusal(() => gas.rescore({ asOf: '2024-03-01' }))).toBe('Exceeded maximum execution time');
    stop();
    writes();
    const firstChunk = columnValues(env, 'Customers', 'TW Score', ROWS).findIndex((score) => score === '');
    expect(firstChunk).toBeGreaterThan(0);
    expect(columnValues(env, 'Customers', 'TW Score', ROWS).slice(firstChunk).every((score) => score === '')).toBe(true);

    env.clock.advance(SEVEN_MINUTES);
    env.setUser(MANAGER);
    const second = gas.rescore({});
    expect(second.status).toBe('done');
    expect(second.notes).toContain(`Resumed the rescore of 2024-03-01 at row ${firstChunk + 1} of ${ROWS}.`);
    expect(columnValues(env, 'Customers', 'TW Score', ROWS)).toEqual(expected);
  });

  it('is finished by the next schedule tick', () => {
    const { env, gas } = managedBook({ customers: customersRows(COUNT), now: '2024-03-01T03:00:00Z' });
    gas.installSchedule({});
    const stop = slowWrites(env, 300);
    expect(gas.rescore({ asOf: '2024-03-01' }).status).toBe('stopped');
    stop();
    const outcome = gas.onSchedule(env.runAsTrigger());
    expect(outcome.outcome).toMatch(/^rescored 2500 customers as of 2024-03-01/);
    env.setUser(MANAGER);
    expect(gas.getState().unfinished).toBeNull();
    expect(Object.keys(snapshotSheet(tab(env, 'Customers')).cells).length).toBeGreaterThan(COUNT * 20);
  });

  it('keeps what a stopped rescore computed until a job that replaces it is done, then clears it', () => {
    const { env, gas } = managedBook({ customers: customersRows(COUNT) });
    // Column B of TW State, the cells holding anything.
    const savedResults = () => Object.entries(snapshotSheet(tab(env, 'TW State')).cells).filter(([a1, cell]) => a1.startsWith('B') && cell.value !== undefined);
    const stop = slowWrites(env, 300);
    expect(gas.rescore({ asOf: '2024-03-01' }).status).toBe('stopped');
    stop();
    expect(savedResults().length).toBeGreaterThan(0);
    env.setUser(MANAGER);
    const propose = gas.propose({});
    expect(propose.status).toBe('done');
    expect(propose.notes).toContain('The unfinished rescore of 2024-03-01 was dropped: this propose rewrites the columns it was writing.');
    expect(savedResults()).toEqual([]);
  });

  it('makes apply wait for an unfinished job', () => {
    const { env, gas } = managedBook({ customers: customersRows(COUNT) });
    const stop = slowWrites(env, 300);
    gas.rescore({ asOf: '2024-03-01' });
    stop();
    env.setUser(MANAGER);
    expect(refusal(() => gas.apply({}))).toMatch(/^The rescore of 2024-03-01 stopped at row \d+ of 2500; run rescore again to finish it first\.$/);
  });
});
