import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recycleStale } from '../../src/core/pool/recycle.js';
import { PoolState } from '../../src/core/pool/state.js';
import { defaultSettings } from '../../src/core/settings/schema.js';
import { localizeReason, unknownClauses } from '../../ui/i18n/reasons.js';
import { AS_OF } from '../core/assign/book.js';
import { proposeOnRandomBook, randomBook } from '../core/assign/random-book.js';

describe('reasons in the reader’s language', () => {
  it('reads a proposal reason and an unplaced reason in Chinese, names and dates kept', () => {
    expect(localizeReason('No owner; A tier → senior rep; same region (East); keeps current owner', 'zh-CN')).toBe('无负责人；A 类 → 资深销售；同区域（East）；保留现负责人');
    expect(localizeReason('No owner; not placed: no active rep in region West', 'zh-CN')).toBe('无负责人；未能分配：区域 West 没有在职销售');
    expect(localizeReason('no activity for 61 days; recycles on 2026-12-08 unless contacted', 'zh-CN')).toBe('61 天无跟进；若不跟进，将于 2026-12-08 回收');
  });

  it('leaves English as written, and a clause it does not know as written', () => {
    expect(localizeReason('No owner; A tier → senior rep', 'en')).toBe('No owner; A tier → senior rep');
    expect(localizeReason('something new', 'zh-CN')).toBe('something new');
  });

  it('knows every clause the core writes for proposals, under every strategy (property over random books)', () => {
    fc.assert(
      fc.property(randomBook({ maxCustomers: 14, maxReps: 4, groups: true }), fc.constantFrom('match' as const, 'round-robin' as const, 'balanced' as const, 'claim' as const), fc.boolean(), (book, strategy, rebalance) => {
        const result = proposeOnRandomBook(book, strategy, rebalance);
        for (const proposal of result.proposals) expect(unknownClauses(proposal.reason)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('knows every clause the pool writes', () => {
    const customers = [
      { id: 'C1', row: 0, name: '', email: '', phone: '', region: '', industry: '', owner: 'Ann', tier: 'A' as const, score: 50, lastActivityDay: AS_OF - 100, lastWonDealDay: AS_OF - 400 },
    ];
    const settings = { ...defaultSettings.pool, recycleOnTierDrop: true };
    const first = recycleStale({ customers, previousTiers: { C1: 'A' }, asOfDay: AS_OF, settings, state: PoolState.parse({}) });
    for (const text of Object.values(first.flags)) expect(unknownClauses(text)).toEqual([]);
    const later = recycleStale({ customers: customers.map((c) => ({ ...c, tier: 'B' as const })), previousTiers: { C1: 'A' }, asOfDay: AS_OF + 8, settings, state: first.state });
    for (const r of later.recycled) expect(unknownClauses(r.reason)).toEqual([]);
    expect(later.recycled).toHaveLength(1);
  });
});
