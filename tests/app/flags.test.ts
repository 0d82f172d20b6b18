import { describe, expect, it } from 'vitest';
import { bookFlags, flagsCell } from '../../src/app/flags.js';
import { recycle } from '../../src/app/recycle.js';
import { scoreBook } from '../../src/core/score/score-book.js';
import { memoryState } from './book-fixtures.js';
import { asOfDay, context, ownerBook } from './owner-fixtures.js';

function scored() {
  const workbook = ownerBook();
  const run = scoreBook({ customers: workbook.readTable('Customers')!, deals: workbook.readTable('Deals'), settings: context().settings, asOfDay: asOfDay + 2 });
  if (!run.ok) throw new Error('not scored');
  return run.result;
}

describe('the TW Flags cell', () => {
  it("joins scoring's flags, the same company and the pool's standing warning, so a rescore keeps them all", () => {
    const state = memoryState();
    recycle(context(ownerBook(), state));
    const scores = scored();
    const flags = bookFlags(scores, state, context().settings, asOfDay + 2);
    const cell = (id: string) => flagsCell(flags, scores.customers.indexById.get(id)!);
    expect(cell('C3')).toBe('CLV is historical value (no model fit, see summary); no activity for 177 days; no won deal for 689 days; recycles on 2026-11-30 unless contacted');
    expect(cell('C6')).toBe('same company as row 8');
  });

  it('says nothing of the pool before any recycle run', () => {
    const scores = scored();
    const flags = bookFlags(scores, memoryState(), context().settings, asOfDay);
    expect(flags.pool).toEqual({});
  });
});
