import { describe, expect, it } from 'vitest';
import type { OwnedColumn } from '../../../src/app/ports.js';
import { ASSUMED_MS_PER_CELL, writeInChunks } from '../../../src/app/server/job.js';
import type { ServerBook } from '../../../src/app/server/ports.js';

const columns = (count: number): OwnedColumn[] => Array.from({ length: count }, (_, k) => ({ header: `TW ${k}`, values: [] }));

/** A book whose every written cell takes `msPerCell` on a fake clock; it records the row ranges written. */
function slowBook(msPerCell: number) {
  let now = 0;
  const writes: [number, number][] = [];
  const book = {
    writeOwnedRows(_tab: string, written: readonly OwnedColumn[], from: number, to: number) {
      writes.push([from, to]);
      now += (to - from) * written.length * msPerCell;
    },
  } as unknown as ServerBook;
  return { book, writes, now: () => now, wait: (ms: number) => (now += ms) };
}

describe('writing a long job in chunks', () => {
  it('writes every row once, in chunks of at most 100,000 cells, when time is plenty', () => {
    const { book, writes, now } = slowBook(0.001);
    const done: number[] = [];
    const outcome = writeInChunks(book, now, { tab: 'Customers', columns: columns(4), from: 0, total: 60_000, deadlineMs: 1e9, lastChanceMs: 1e9, msPerRow: 0 }, (d) => done.push(d.next));
    expect(writes).toEqual([[0, 25_000], [25_000, 50_000], [50_000, 60_000]]);
    expect(done).toEqual([25_000, 50_000, 60_000]);
    expect(outcome.next).toBe(60_000);
    expect(outcome.msPerRow).toBeCloseTo(0.004, 12);
  });

  it('stops before a chunk that would not end by the deadline, saying where to go on, and goes on from there', () => {
    // 1 column at the assumed 0.02 ms a cell: 1,000 ms hold 50,000 rows.
    const { book, writes, now } = slowBook(ASSUMED_MS_PER_CELL);
    const job = { tab: 'Customers', columns: columns(1), from: 0, total: 300_000, deadlineMs: 3_000, lastChanceMs: 0, msPerRow: 0 };
    const first = writeInChunks(book, now, job, () => {});
    expect(writes).toEqual([[0, 100_000], [100_000, 150_000]]);
    expect(first.next).toBe(150_000);
    const second = writeInChunks(book, now, { ...job, from: first.next, deadlineMs: now() + 2_000, msPerRow: first.msPerRow }, () => {});
    expect(writes.slice(2)).toEqual([[150_000, 250_000]]);
    expect(second.next).toBe(250_000);
  });

  it('lets the first chunk of a run use the time up to the last chance, so a run that spent its budget reading still moves on', () => {
    const { book, writes, now, wait } = slowBook(ASSUMED_MS_PER_CELL);
    wait(5_000);
    const outcome = writeInChunks(book, now, { tab: 'Customers', columns: columns(1), from: 10, total: 1_000_000, deadlineMs: 4_000, lastChanceMs: 6_000, msPerRow: 0 }, () => {});
    expect(writes).toEqual([[10, 50_010]]);
    expect(outcome.next).toBe(50_010);
  });

  it('sizes its chunks by the speed an earlier run measured', () => {
    const { book, writes, now } = slowBook(0.1);
    writeInChunks(book, now, { tab: 'Customers', columns: columns(2), from: 0, total: 100_000, deadlineMs: 1_000, lastChanceMs: 0, msPerRow: 0.2 }, () => {});
    expect(writes).toEqual([[0, 5_000]]);
  });

  it('writes nothing past the deadline, and still writes the headers of an empty tab', () => {
    const { book, writes, now, wait } = slowBook(ASSUMED_MS_PER_CELL);
    wait(10_000);
    expect(writeInChunks(book, now, { tab: 'Customers', columns: columns(1), from: 0, total: 5, deadlineMs: 1_000, lastChanceMs: 1_000, msPerRow: 0 }, () => {}).next).toBe(0);
    expect(writes).toEqual([]);
    expect(writeInChunks(book, now, { tab: 'Customers', columns: columns(1), from: 0, total: 0, deadlineMs: 1_000, lastChanceMs: 1_000, msPerRow: 0 }, () => {}).next).toBe(0);
    expect(writes).toEqual([[0, 0]]);
  });
});
