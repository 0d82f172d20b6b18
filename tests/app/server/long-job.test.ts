import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { OWN_TABS } from '../../../src/app/owned-columns.js';
import type { OwnedColumn } from '../../../src/app/ports.js';
import { rescore } from '../../../src/app/rescore.js';
import { loadJobResults, saveJobResults } from '../../../src/app/server/job-results.js';
import { ownedColumnsJob } from '../../../src/app/server/owned-columns-job.js';
import type { ServerBook, ServerContext } from '../../../src/app/server/ports.js';
import { parseDay } from '../../../src/core/parse/days.js';
import { Settings } from '../../../src/core/settings/schema.js';
import type { Cell } from '../../../src/core/table.js';
import { MemoryWorkbook } from '../../../src/node/book/memory-workbook.js';
import { DEMO_AS_OF, buildDemoBook } from '../../../src/node/demo-book.js';
import { previewSession } from '../../../src/node/preview/preview-context.js';
import { memoryState, table } from '../book-fixtures.js';

const settings = Settings.parse({});
const Counted = z.object({ customers: z.number() });

/**
 * The demo book (500 customers) in the local preview, where each call has time for one
 * small chunk only (20 ms at the speed a job assumes), so a rescore takes about ten calls.
 * The wall clock stands still: only the pretended writing moves time, so the number of calls
 * is the same on a fast machine and under a mutation run's instrumented code.
 * `writes` counts how often each data row of Customers was written.
 */
function slowBook() {
  const workbook = new MemoryWorkbook(buildDemoBook().map((t) => table(t.name, t.rows)), new Set(Object.values(OWN_TABS)));
  const session = previewSession(workbook, memoryState(), { user: 'manager@example.com', today: parseDay(DEMO_AS_OF) as number, timeZone: 'Etc/UTC', writeMsPerCall: 20, executionLimitMs: 360_000, wallMs: () => Date.UTC(2026, 0, 5, 9) });
  const writes: number[] = [];
  let scored = 0;
  const call = () => {
    const ctx = session.context();
    const book: ServerBook = Object.assign(Object.create(ctx.book) as ServerBook, {
      writeOwnedRows(tab: string, columns: readonly OwnedColumn[], from: number, to: number) {
        for (let r = from; r < to; r++) writes[r] = (writes[r] ?? 0) + 1;
        ctx.book.writeOwnedRows(tab, columns, from, to);
      },
    });
    const counted: ServerContext = { ...ctx, book };
    return ownedColumnsJob(counted, settings, 'rescore', DEMO_AS_OF, (io, asOfDay) => {
      scored += 1;
      return { customers: rescore({ ...io, clock: ctx.clock, settings, asOfDay }).scores.customers.ids.length };
    }, Counted);
  };
  return { workbook, call, writes, scored: () => scored };
}

describe('a long job resumed from what it saved', () => {
  it('scores once, then writes on over many calls without scoring again, every row exactly once', () => {
    const { call, writes, scored } = slowBook();
    const runs = [call()];
    while (runs[runs.length - 1].status === 'stopped') {
      expect(runs.length).toBeLessThan(100);
      runs.push(call());
    }
    expect(runs.length).toBeGreaterThan(3);
    expect(scored()).toBe(1);
    expect(new Set(runs.map((run) => run.outcome.customers))).toEqual(new Set([runs[0].outcome.customers]));
    expect(runs[1].notes).toContain('It wrote on from the results saved when it started, without computing them again.');
    expect(writes).toHaveLength(500);
    expect(new Set(writes)).toEqual(new Set([1]));
  });

  it('scores again, and says it started over, when the sheet changed while it was stopped', () => {
    const { workbook, call, scored } = slowBook();
    expect(call().status).toBe('stopped');
    workbook.writeCells('Customers', 'Owner', [{ row: 3, value: 'Someone Else' }]);
    const next = call();
    expect(scored()).toBe(2);
    expect(next.notes).toContain(`The book or the settings changed while the rescore of ${DEMO_AS_OF} was stopped, so it started over.`);
  });
});

const cell: fc.Arbitrary<Cell> = fc.oneof(
  fc.string(),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => (Object.is(x, -0) ? 0 : x)),
  fc.boolean(),
  fc.constant(null),
  fc.integer({ min: 0, max: 4e12 }).map((ms) => new Date(ms)),
);

describe('saved job results', () => {
  it('give back every cell from the saved row on, whatever the cells and however few distinct values a column has', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.array(fc.tuple(fc.string(), fc.array(cell, { minLength: 1, maxLength: 4 })), { maxLength: 5 }), fc.nat(), (total, specs, cut) => {
        // Columns drawn from a few values, so both ways of saving a column are exercised.
        const columns = specs.map(([header, pool], k) => ({ header, values: Array.from({ length: total }, (_, r) => pool[(r * (k + 1)) % pool.length]) }));
        const from = cut % (total + 1);
        const work = { columns, total, tabs: new Map([['TW Dashboard', [[new Date(0), 'x', null]]]]), state: { value: { a: 1 } }, summary: { customers: total }, read: ['Customers'] };
        const saved = JSON.parse(JSON.stringify(saveJobResults('job-1', from, work)));
        const loaded = loadJobResults(saved, 'job-1', Counted)!;
        expect(loaded.columns.map((c) => c.values.slice(from))).toEqual(columns.map((c) => c.values.slice(from)));
        expect(loaded.tabs.get('TW Dashboard')).toEqual([[new Date(0), 'x', null]]);
        expect(loaded.summary).toEqual({ customers: total });
        expect(loadJobResults(saved, 'another job', Counted)).toBeNull();
      }),
    );
  });

  it('save a column whose repeats are long sentences as codes, though most of its rows differ, and give it back', () => {
    const sentence = (k: number) => `medium historical revenue (+${k}.3), high growth potential (+17.3), medium service cost (+5.7)`;
    const values: Cell[] = Array.from({ length: 300 }, (_, r) => sentence(r % 3 === 0 ? 0 : r));
    const numbers: Cell[] = Array.from({ length: 300 }, (_, r) => r * 1.25);
    const work = { columns: [{ header: 'TW Why', values }, { header: 'TW Monetary', values: numbers }], total: 300, tabs: new Map(), state: null, summary: { customers: 300 }, read: [] };
    const saved = JSON.parse(JSON.stringify(saveJobResults('job-1', 0, work)));
    expect(saved.columns.map((c: object) => 'codes' in c)).toEqual([true, false]);
    expect(loadJobResults(saved, 'job-1', Counted)!.columns.map((c) => c.values)).toEqual([values, numbers]);
  });
});
