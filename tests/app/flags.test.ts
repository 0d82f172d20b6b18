import { describe, expect, it } from 'vitest';
import { assignBookOf } from '../../src/app/assign-input.js';
import { sameCompanyIn } from '../../src/app/same-company.js';
import { flagsCell, scoreFlags, standingFlags } from '../../src/app/flags.js';
import { loadOwnerState } from '../../src/app/owner-state.js';
import type { BookScores } from '../../src/core/score/score-book.js';
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

/** What a rescore writes into TW Flags: its scores plus what the saved state says. */
function rescoreFlags(scores: BookScores, state: ReturnType<typeof memoryState>, day: number) {
  const book = assignBookOf(scores);
  return standingFlags(book, sameCompanyIn(book, context().settings, state).duplicates, loadOwnerState(state), context().settings, day);
}

describe('the TW Flags cell', () => {
  it("joins scoring's flags, the same company and the pool's standing warning, so a rescore keeps them all", () => {
    const state = memoryState();
    recycle(context(ownerBook(), state));
    const scores = scored();
    const flags = rescoreFlags(scores, state, asOfDay + 2);
    const cell = (id: string) => flagsCell(flags, scores.customers.indexById.get(id)!);
    expect(cell('C3')).toBe('CLV is historical value (no model fit, see summary); no activity for 177 days; no won deal for 689 days; recycles on 2026-11-30 unless contacted');
    expect(cell('C6')).toBe('same company as row 8');
  });

  it('says nothing of the pool before any recycle run', () => {
    const scores = scored();
    const flags = rescoreFlags(scores, memoryState(), asOfDay);
    expect(flags.pool).toEqual({});
  });
});

describe('the churn-risk flag', () => {
  it('says "<1%" for a tiny P(alive) instead of a misleading 0%', () => {
    const clv = { churnRisk: Uint8Array.of(1, 1), pAlive: Float64Array.of(0.0006, 0.123), fallback: Uint8Array.of(0, 0) };
    const scores = { clv } as unknown as BookScores;
    expect(scoreFlags(scores, 0)).toEqual(['churn risk: P(alive) <1%, once a top customer']);
    expect(scoreFlags(scores, 1)).toEqual(['churn risk: P(alive) 12%, once a top customer']);
  });
});
