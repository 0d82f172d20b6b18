import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { OWNED_HEADERS, OWN_TABS } from '../../../src/app/owned-columns.js';
import { getState } from '../../../src/app/server/get-state.js';
import { loadJob } from '../../../src/app/server/job.js';
import { type UseCase, ownedColumnsJob } from '../../../src/app/server/owned-columns-job.js';
import type { ServerContext } from '../../../src/app/server/ports.js';
import { formatDay, parseDay } from '../../../src/core/parse/days.js';
import { Settings } from '../../../src/core/settings/schema.js';
import type { Cell } from '../../../src/core/table.js';
import { previewSession } from '../../../src/node/preview/preview-context.js';
import { memoryBook, memoryState } from '../book-fixtures.js';

/**
 * How a long job stops and resumes, on a book of a few rows where each call has time for
 * five rows of one owned column (0.1 ms at the 0.02 ms a cell a job assumes). The use case
 * is a stand-in that counts its runs: it writes `TW Tier` (the customer's id in lower case),
 * a dashboard, and the number of runs into the state. The clock stands still but for the
 * pretended writing.
 */
const Summary = z.object({ asOf: z.string(), customers: z.number() });
type Summary = z.infer<typeof Summary>;

function stoppingBook(ids: (string | null)[], saved: Partial<Settings> = {}) {
  const book = memoryBook({ Customers: [['Customer ID', 'Name'], ...ids.map((id): Cell[] => [id, id && `${id} Ltd`])] });
  const state = memoryState({ runs: 0 });
  const session = previewSession(book, state, { user: 'manager@example.com', today: parseDay('2026-11-02') as number, timeZone: 'Etc/UTC', writeMsPerCall: 0.1, executionLimitMs: 360_000, wallMs: () => Date.UTC(2026, 10, 2, 9) }, saved);
  let computed = 0;
  const useCase: UseCase<Summary> = ({ workbook, state: store }, asOfDay) => {
    computed += 1;
    const customers = workbook.readTable('Customers')!;
    workbook.writeOwnedColumns('Customers', [{ header: 'TW Tier', values: customers.rows.map((r) => (r[0] === null ? null : String(r[0]).toLowerCase())) }]);
    workbook.replaceTab(OWN_TABS.dashboard, [['As of'], [formatDay(asOfDay)]]);
    store.save({ runs: (store.load() as { runs: number }).runs + 1 });
    return { asOf: formatDay(asOfDay), customers: customers.rows.length };
  };
  const settings = () => Settings.parse(session.context().settings.load());
  const call = (asOf: string | null = null, action: 'rescore' | 'propose' = 'rescore', ctx: ServerContext = session.context()) =>
    ownedColumnsJob(ctx, settings(), action, asOf, useCase, Summary);
  const tier = () => {
    const customers = book.readTable('Customers')!;
    const at = customers.header.indexOf('TW Tier');
    return at < 0 ? [] : customers.rows.map((r) => r[at] ?? null);
  };
  return { book, state, session, call, tier, computed: () => computed };
}

const ids = (n: number) => Array.from({ length: n }, (_, k) => `C${k + 1}`);

describe('a long job that runs out of time', () => {
  it('writes five rows a call, names the customer it will go on from, and keeps the dashboard and the state back until the last row', () => {
    const { book, state, call, tier, session } = stoppingBook(ids(12));
    const first = call('2026-11-01');
    expect(first).toMatchObject({ status: 'stopped', rowsWritten: 5, rows: 12, outcome: { asOf: '2026-11-01', customers: 12 } });
    expect(first.notes).toEqual(['Time ran out after row 5 of 12; the next run writes on from customer C6.']);
    expect(tier().slice(0, 6)).toEqual(['c1', 'c2', 'c3', 'c4', 'c5', null]);
    expect(book.readTable(OWN_TABS.dashboard)).toBeNull();
    expect(state.load()).toEqual({ runs: 0 });
    expect(getState(session.context()).unfinished).toMatchObject({ action: 'rescore', asOf: '2026-11-01', rowsWritten: 5, rows: 12 });
    call();
    const last = call();
    expect(last).toMatchObject({ status: 'done', rowsWritten: 2, rows: 12 });
    expect(tier()).toEqual(ids(12).map((id) => id.toLowerCase()));
    expect(book.readTable(OWN_TABS.dashboard)!.rows).toEqual([['2026-11-01']]);
    expect(state.load()).toEqual({ runs: 1 });
    const ctx = session.context();
    expect(loadJob(ctx.job)).toBeNull();
    expect(ctx.results.read()).toBeNull();
  });

  it('computes once and writes on from what it saved, resumed with no date or the date it started with, saying where it resumed', () => {
    const { call, computed } = stoppingBook(ids(12));
    call('2026-11-01');
    const second = call(null);
    expect(second.notes).toEqual([
      'Resumed the rescore of 2026-11-01 at row 6 of 12.',
      'It wrote on from the results saved when it started, without computing them again.',
      'Time ran out after row 10 of 12; the next run writes on from customer C11.',
    ]);
    expect(second.outcome.asOf).toBe('2026-11-01');
    expect(second.asOfDay).toBe(parseDay('2026-11-01'));
    expect(call('2026-11-01').status).toBe('done');
    expect(computed()).toBe(1);
  });

  it('keeps the time the job started and the speed it measured across its calls', () => {
    const { call, session } = stoppingBook(ids(12));
    call();
    const started = getState(session.context()).unfinished!.startedAt;
    call();
    expect(getState(session.context()).unfinished!.startedAt).toBe(started);
    expect(loadJob(session.context().job)!.msPerRow).toBeCloseTo(0.02, 9);
  });

  it('names the end, not a customer, when only blank rows are left, and skips blank rows to name the next customer', () => {
    const { call } = stoppingBook(['C1', 'C2', 'C3', 'C4', 'C5', '  ', ' C7 ', 'C8', 'C9', 'C10', null, null]);
    expect(call().notes).toEqual(['Time ran out after row 5 of 12; the next run writes on from customer C7.']);
    expect(call().notes.at(-1)).toBe('Time ran out after row 10 of 12; the next run writes on from customer (end).');
  });

  it('computes again and resumes at its row when the saved results are lost but nothing else changed', () => {
    const { call, computed, session, tier } = stoppingBook(ids(12));
    call();
    session.context().results.clear();
    const second = call();
    expect(second.notes).toEqual(['Resumed the rescore of 2026-11-02 at row 6 of 12.', 'Time ran out after row 10 of 12; the next run writes on from customer C11.']);
    expect(second.rowsWritten).toBe(5);
    expect(computed()).toBe(2);
    call();
    expect(tier()).toEqual(ids(12).map((id) => id.toLowerCase()));
  });

  it('starts over, saying so, when the settings or the saved state changed while it was stopped', () => {
    const settingsChanged = stoppingBook(ids(12), { managers: ['manager@example.com'] });
    settingsChanged.call();
    settingsChanged.session.context().settings.save(Settings.parse({ managers: ['manager@example.com'], schedule: { hour: 3 } }));
    const afterSettings = settingsChanged.call();
    expect(afterSettings.notes[0]).toBe('The book or the settings changed while the rescore of 2026-11-02 was stopped, so it started over.');
    expect(afterSettings.rowsWritten).toBe(5);
    expect(settingsChanged.computed()).toBe(2);

    const stateChanged = stoppingBook(ids(12));
    stateChanged.call();
    stateChanged.state.save({ runs: 7 });
    expect(stateChanged.call().notes[0]).toBe('The book or the settings changed while the rescore of 2026-11-02 was stopped, so it started over.');
  });

  it('drops an unfinished job of another kind or another date, saying so, and clears what that job saved once done', () => {
    const other = stoppingBook(ids(12));
    other.call();
    const propose = other.call(null, 'propose');
    expect(propose.notes[0]).toBe('The unfinished rescore of 2026-11-02 was dropped: this propose rewrites the columns it was writing.');
    expect(propose.rowsWritten).toBe(5);
    expect(other.computed()).toBe(2);

    const redated = stoppingBook(ids(7));
    redated.call();
    expect(redated.session.context().results.read()).not.toBeNull();
    // A call with its whole budget ahead writes every row at once.
    const ctx = redated.session.context();
    const again = redated.call('2026-10-01', 'rescore', { ...ctx, startedMs: ctx.clock.now().getTime() });
    expect(again.notes).toEqual(['The unfinished rescore of 2026-11-02 was dropped: this rescore rewrites the columns it was writing.']);
    expect(again).toMatchObject({ status: 'done', rowsWritten: 7, rows: 7, outcome: { asOf: '2026-10-01' } });
    expect(redated.session.context().results.read()).toBeNull();
  });

  it('saves nothing to resume from when it ends in one call', () => {
    const { call, session } = stoppingBook(ids(4));
    const results: unknown[] = [];
    const ctx = session.context();
    const watched: ServerContext = { ...ctx, results: { ...ctx.results, write: (value) => results.push(value), read: () => ctx.results.read(), clear: () => ctx.results.clear() } };
    expect(call(null, 'rescore', watched)).toMatchObject({ status: 'done', rowsWritten: 4, notes: [] });
    expect(results).toEqual([]);
  });

  it('writes every row in one call that has its whole budget ahead', () => {
    const { call, session, tier } = stoppingBook(ids(12));
    const ctx = session.context();
    expect(call(null, 'rescore', { ...ctx, startedMs: ctx.clock.now().getTime() })).toMatchObject({ status: 'done', rowsWritten: 12 });
    expect(tier()).toEqual(ids(12).map((id) => id.toLowerCase()));
  });

  it('ends at once, leaving the saved state alone, when the use case writes no column and saves nothing', () => {
    const { session, state } = stoppingBook(ids(12));
    const job = ownedColumnsJob(session.context(), Settings.parse({}), 'rescore', null, () => ({ asOf: 'none', customers: 0 }), Summary);
    expect(job).toMatchObject({ status: 'done', rowsWritten: 0, rows: 0 });
    expect(state.load()).toEqual({ runs: 0 });
  });

  it('refuses a date that does not exist', () => {
    expect(() => stoppingBook(ids(3)).call('2026-02-30')).toThrow(/^asOf: .*February 2026 has 28 days/);
  });

  it('saves what it computed before its first chunk when it needs more than one, so a run the platform stops mid-chunk resumes without computing again', () => {
    // Every owned column: 5,555 rows make a full chunk of 100,000 cells.
    const book = memoryBook({ Customers: [['Customer ID'], ...ids(6_000).map((id) => [id])] });
    const session = previewSession(book, memoryState(), { user: 'manager@example.com', today: parseDay('2026-11-02') as number, timeZone: 'Etc/UTC', writeMsPerCall: null, executionLimitMs: 360_000, wallMs: () => 0 });
    let computed = 0;
    const wide: UseCase<Summary> = ({ workbook }) => {
      computed += 1;
      const rows = workbook.readTable('Customers')!.rows;
      workbook.writeOwnedColumns('Customers', OWNED_HEADERS.map((header) => ({ header, values: rows.map((r) => `${r[0]}:${header}`) })));
      return { asOf: '', customers: rows.length };
    };
    const ctx = session.context();
    let chunks = 0;
    const stopsInSecondChunk: ServerContext = {
      ...ctx,
      book: Object.assign(Object.create(ctx.book) as ServerContext['book'], {
        writeOwnedRows: (...args: Parameters<ServerContext['book']['writeOwnedRows']>) => {
          if (++chunks === 2) throw new Error('Exceeded maximum execution time');
          ctx.book.writeOwnedRows(...args);
        },
      }),
    };
    expect(() => ownedColumnsJob(stopsInSecondChunk, Settings.parse({}), 'rescore', null, wide, Summary)).toThrow('Exceeded maximum execution time');
    const resumed = ownedColumnsJob(session.context(), Settings.parse({}), 'rescore', null, wide, Summary);
    expect(resumed.notes).toEqual(['Resumed the rescore of 2026-11-02 at row 5556 of 6000.', 'It wrote on from the results saved when it started, without computing them again.']);
    expect(resumed).toMatchObject({ status: 'done', rowsWritten: 445 });
    expect(computed).toBe(1);
    const customers = book.readTable('Customers')!;
    expect(customers.rows.map((r) => r[customers.header.indexOf('TW As Of')])).toEqual(ids(6_000).map((id) => `${id}:TW As Of`));
  });
});
