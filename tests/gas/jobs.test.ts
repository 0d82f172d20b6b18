import { describe, expect, it } from 'vitest';
import { MANAGER, columnValues, customersRows, managedBook, tab } from './bundle.js';

type Env = ReturnType<typeof managedBook>['env'];

const COUNT = 50_000;
const SEVEN_MINUTES = 7 * 60 * 1000;

/**
 * What Sheets charges, as the stand-ins model it (tests/gas/fakes/README.md): a round trip
 * per call, and time per cell read and written. Google publishes no figures; these are on
 * the slow side of what scripts measure (a 100,000-cell setValues takes seconds).
 */
const SHEETS_COST = { msPerCall: 40, msPerCellRead: 0.002, msPerCellWritten: 0.02 };

/**
 * Stops the next execution at its first chunk boundary, as the platform would stop it
 * there: the call after the job's cursor is saved is stopped, and so is every later call of
 * that execution (no `finally` of the script gets to clean up); writes not flushed by then
 * are lost, as in Sheets.
 */
function stopAtNextChunkBoundary(env: Env): () => void {
  const store = env.properties.document('book-1');
  let seen = store.values.get('tierwise.job') ?? null;
  return env.calls.onCall(() => {
    const cursor = store.values.get('tierwise.job') ?? null;
    if (cursor !== seen && cursor !== null) env.stopExecution();
    seen = cursor;
  });
}

describe('a long job that always finishes', () => {
  it('rescoring 50,000 customers, stopped by the platform at every chunk boundary, ends with every row written exactly once', () => {
    const reference = managedBook({ customers: customersRows(COUNT), ...SHEETS_COST });
    expect(reference.gas.rescore({ asOf: '2024-03-01' }).status).toBe('done');
    const expected = columnValues(reference.env, 'Customers', 'TW Score', COUNT);

    const { env, gas } = managedBook({ customers: customersRows(COUNT), ...SHEETS_COST });
    const writesPerRow = new Uint16Array(COUNT + 2);
    env.calls.onWrite((block) => {
      if (block.sheet !== 'Customers') return;
      for (let r = block.row; r < block.row + block.numRows; r++) if (r >= 2) writesPerRow[r] += 1;
    });

    // What the job saved of its results, in TW State's column B, after its first run.
    const savedResults = () => tab(env, 'TW State').rawRange(1, 2, tab(env, 'TW State').maxRows, 1).getValues().map((row) => String(row[0])).filter((text) => text !== '');
    let saved: string[] = [];
    let runs = 0;
    let finished = false;
    let last: { notes: string[] } | null = null;
    while (!finished) {
      runs += 1;
      expect(runs).toBeLessThan(60);
      env.setUser(MANAGER);
      const release = stopAtNextChunkBoundary(env);
      try {
        last = gas.rescore(runs === 1 ? { asOf: '2024-03-01' } : {});
        finished = (last as unknown as { status: string }).status === 'done';
      } catch (error) {
        expect((error as Error).message).toBe('Exceeded maximum execution time');
      }
      release();
      if (runs === 1) saved = savedResults();
      // The stopped run's lease is honoured until it is older than one execution.
      env.clock.advance(SEVEN_MINUTES);
    }
    expect(runs).toBeGreaterThan(3);
    expect(columnValues(env, 'Customers', 'TW Score', COUNT)).toEqual(expected);
    const counts = new Set(Array.from(writesPerRow.subarray(2, COUNT + 2)));
    expect([...counts]).toEqual([1]);
    // Computed once: every resumed run wrote on from the saved results.
    expect(last!.notes).toContain('It wrote on from the results saved when it started, without computing them again.');
    // About 3.5 million characters for 50,000 customers, in cells of at most 30,000; gone once the job is done.
    expect(saved.length).toBeGreaterThan(100);
    expect(saved.every((text) => text.length <= 30_000)).toBe(true);
    expect(savedResults()).toEqual([]);
    env.setUser(MANAGER);
    expect(gas.getState().unfinished).toBeNull();
  }, 600_000);

  it('sizes its chunks from the measured cost per cell: the cap on a fast sheet, what fits in the time left on a slow one', () => {
    let columns = 0;
    const sizes = (msPerCellWritten: number) => {
      const { env, gas } = managedBook({ customers: customersRows(20_000), msPerCall: 40, msPerCellWritten });
      const rows: number[] = [];
      env.calls.onWrite((block) => {
        if (block.sheet === 'Customers' && block.numRows > 1) {
          rows.push(block.numRows);
          columns = block.numColumns;
        }
      });
      let done = false;
      for (let run = 0; run < 40 && !done; run++) {
        env.setUser(MANAGER);
        done = gas.rescore(run === 0 ? { asOf: '2024-03-01' } : {}).status === 'done';
      }
      expect(done).toBe(true);
      return rows;
    };
    const fast = sizes(0.02);
    // The cap of 100,000 cells, in rows of the columns a rescore writes.
    const cap = Math.floor(100_000 / columns);
    expect(fast.slice(0, -1).every((rows) => rows === cap)).toBe(true);
    const slow = sizes(1);
    expect(slow.every((rows) => rows <= cap)).toBe(true);
    expect(slow.slice(0, -1).some((rows) => rows < cap)).toBe(true);
    expect(slow.reduce((a, b) => a + b, 0)).toBe(20_000);
  }, 600_000);
});
