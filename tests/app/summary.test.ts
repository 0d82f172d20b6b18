import { describe, expect, it } from 'vitest';
import { rescore } from '../../src/app/rescore.js';
import { BookFacts, Summary, summarizeBook, summarizeRescore } from '../../src/app/summary.js';
import { dayNumber } from '../../src/core/parse/days.js';
import { defaultSettings } from '../../src/core/settings/schema.js';
import type { Cell } from '../../src/core/table.js';
import { FEW_REPEATERS_AS_OF, fewRepeatersBook } from '../core/score/few-repeaters.js';
import { fixedClock, memoryBook, memoryState, smallCustomers } from './book-fixtures.js';

function rescoreSummary(tabs: Record<string, Cell[][]>, asOfDay: number) {
  const outcome = rescore({ workbook: memoryBook(tabs), state: memoryState(), clock: fixedClock, settings: defaultSettings, asOfDay });
  return { outcome, summary: summarizeRescore('rescore', asOfDay, 'book.tierwise.xlsx', outcome) };
}

const stale = { customerId: 'C2', owner: 'Ann', recycleOn: '2026-12-01', reasons: ['no activity for 60 days'] };

/** A summary with every section filled in, as the commands print them together. */
const everything: Summary = {
  command: 'propose',
  asOf: '2026-11-01',
  output: null,
  customers: 3,
  tiers: { A: 1, B: 1, C: 1 },
  segments: { Champions: 2, Others: 1 },
  issues: [{ tab: 'Customers', row: 3, column: 'Revenue', value: 'lots', message: "'lots' is not a number; left blank" }],
  notes: ['Deals has no Stage column: every deal counts as won.'],
  movement: { up: 1, down: 0, new: 2 },
  deals: { refunds: 1, netSpendAtOrBelowZero: 0, linesMerged: 2, ordersMerged: 1, missingIds: 0, keyedBy: { id: 5, email: 1, phone: 0, name: 0 } },
  clv: { unit: 'weeks', horizon: 52, model: { r: 0.2, alpha: 4, a: 0.8, b: 2.4, logLikelihood: -10, converged: true }, spend: { p: 6, q: 3.7, gamma: 15, logLikelihood: -4 }, fallbackReason: null, reliable: true, warnings: ['w'], churnRisk: 1 },
  assign: {
    runId: 'P-20261101-090000', strategy: 'match', rebalance: false, proposed: 2, changes: 1, kept: 1, unplaced: [{ customerId: 'C3', reason: 'no rep covers region West' }],
    perRep: [{ rep: 'Ann', active: true, kept: 1, proposed: 1, count: 2, aCount: 1, score: 150, capacity: 10, aCap: null }], objective: 1.5, gini: 0.1,
  },
  apply: { runId: 'P-20261101-090000', applied: 1, skipped: [{ customerId: 'C3', reason: 'its Owner cell changed since the proposal' }] },
  undo: { runId: 'P-20261101-090000', reverted: 1, skipped: [] },
  recycle: { runId: 'R-20261101-090000', dryRun: false, newWarnings: [stale], warned: [{ ...stale, customerId: 'C4' }], recycled: [{ customerId: 'C5', from: 'Bob', reason: 'no won deal for 200 days' }], deferred: [{ ...stale, customerId: 'C6' }] },
  claim: { runId: 'C-20261101-090000', customerId: 'C7', rep: 'Ann', from: '', sameCompany: ['C8'] },
};

describe('the --json summary', () => {
  it('keeps every field of every section', () => {
    expect(Summary.parse(everything)).toEqual(everything);
    const facts = { customers: 3, tiers: everything.tiers, segments: everything.segments, issues: everything.issues, notes: everything.notes, deals: everything.deals };
    expect(BookFacts.parse(facts)).toEqual(facts);
    expect(summarizeBook('apply', dayNumber(2026, 11, 1), 'book.xlsx', facts, { apply: everything.apply })).toEqual({ command: 'apply', asOf: '2026-11-01', output: 'book.xlsx', ...facts, movement: null, apply: everything.apply });
  });

  it('names every assignment strategy', () => {
    for (const strategy of ['match', 'round-robin', 'balanced', 'claim'] as const) expect(Summary.parse({ ...everything, assign: { ...everything.assign!, strategy } }).assign?.strategy).toBe(strategy);
  });

  it('takes only a whole YYYY-MM-DD date as the as-of date and a stale customer’s recycling day', () => {
    for (const day of ['12026-11-01', '2026-11-011', '2026-11-1']) {
      expect(Summary.safeParse({ ...everything, asOf: day }).success).toBe(false);
      expect(Summary.safeParse({ ...everything, recycle: { ...everything.recycle!, warned: [{ ...stale, recycleOn: day }] } }).success).toBe(false);
    }
  });

  it('of a rescore without Deals has no deals and no CLV section', () => {
    const { summary } = rescoreSummary({ Customers: smallCustomers }, dayNumber(2026, 11, 1));
    expect(summary).toMatchObject({ command: 'rescore', asOf: '2026-11-01', output: 'book.tierwise.xlsx', customers: 5 });
    expect([summary.deals, summary.clv]).toEqual([undefined, undefined]);
  });

  it('of a rescore with Deals gives what reading them did and the CLV fit, with the number of customers at churn risk', () => {
    const book = fewRepeatersBook();
    const { outcome, summary } = rescoreSummary({ Customers: book.customers, Deals: book.deals }, FEW_REPEATERS_AS_OF);
    const clv = outcome.scores.clv!;
    expect(summary.deals).toEqual(outcome.scores.deals!.counts);
    expect(summary.clv).toEqual({
      unit: 'weeks',
      horizon: 52,
      model: { r: clv.result.model!.r, alpha: clv.result.model!.alpha, a: clv.result.model!.a, b: clv.result.model!.b, logLikelihood: clv.result.model!.logLikelihood, converged: clv.result.model!.converged },
      // The spend model is not fitted once the purchase model fell back.
      spend: null,
      fallbackReason: clv.result.fallbackReason,
      reliable: false,
      warnings: clv.result.warnings,
      churnRisk: Array.from(clv.churnRisk).filter(Boolean).length,
    });
    expect(summary.clv!.model!.a).toBeLessThan(1e-6);
  });
});
