import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { barrier } from '../../../src/core/assign/eligibility.js';
import { profileOf } from '../../../src/core/assign/fit.js';
import { matchOwner } from '../../../src/core/assign/owner.js';
import type { ProposeResult } from '../../../src/core/assign/propose.js';
import { makeRoster } from '../../../src/core/assign/roster.js';
import { AS_OF } from './book.js';
import { type RandomBook, proposeOnRandomBook as run, randomBook } from './random-book.js';

const STRATEGIES = ['match', 'round-robin', 'balanced'] as const;
const bookAndRun = fc.record({
  book: randomBook({ maxCustomers: 25, maxReps: 5, groups: true }),
  strategy: fc.constantFrom(...STRATEGIES),
  rebalance: fc.boolean(),
});

/** Who owns what once the proposals are applied: the proposed rep, else the valid owner kept. */
function finalOwners(book: RandomBook, result: ProposeResult): Map<string, string | null> {
  const roster = makeRoster(book.reps, book.settings, AS_OF);
  const owners = new Map<string, string | null>();
  for (const c of book.customers) {
    const match = matchOwner(roster, c.owner);
    owners.set(c.id, match.kind === 'rep' ? match.rep.rep.name : null);
  }
  for (const p of result.proposals) owners.set(p.customerId, p.proposedOwner);
  return owners;
}

describe('proposals over random books', () => {
  it('never break a holding limit or an A cap', () => {
    fc.assert(
      fc.property(bookAndRun, ({ book, strategy, rebalance }) => {
        const result = run(book, strategy, rebalance);
        const owners = finalOwners(book, result);
        for (const r of book.reps) {
          const held = book.customers.filter((c) => owners.get(c.id) === r.name);
          const cap = r.capacity;
          const aCap = r.aCap === null ? cap : cap === null ? r.aCap : Math.min(r.aCap, cap);
          if (cap !== null) expect(held.length).toBeLessThanOrEqual(cap);
          if (aCap !== null) expect(held.filter((c) => c.tier === 'A').length).toBeLessThanOrEqual(aCap);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('only ever propose an eligible rep: active, not away, in a required region or industry, past the growth rule and any cooldown', () => {
    fc.assert(
      fc.property(bookAndRun, ({ book, strategy, rebalance }) => {
        const roster = makeRoster(book.reps, book.settings, AS_OF);
        const result = run(book, strategy, rebalance);
        for (const p of result.proposals) {
          if (p.proposedOwner === null) continue;
          const c = book.customers.find((x) => x.id === p.customerId)!;
          const owner = matchOwner(roster, c.owner);
          const cooldownFrom = new Map(book.cooldowns.filter((d) => d.customerId === c.id).map((d) => [roster.find(d.repName)!.index, d.untilDay]));
          const candidate = { ...profileOf(c), holder: owner.kind === 'rep' ? owner.rep : null, cooldownFrom };
          expect(barrier(roster.find(p.proposedOwner)!, candidate, book.settings)).toBeNull();
        }
      }),
      { numRuns: 300 },
    );
  });

  it('leave a customer unplaced only when no eligible rep has room for it', () => {
    fc.assert(
      fc.property(bookAndRun, ({ book, strategy, rebalance }) => {
        const roster = makeRoster(book.reps, book.settings, AS_OF);
        const result = run(book, strategy, rebalance);
        const owners = finalOwners(book, result);
        const groupOf = (id: string) => book.groups.find((g) => g.includes(id)) ?? [id];
        for (const p of result.proposals) {
          if (p.proposedOwner !== null) continue;
          const unit = groupOf(p.customerId).map((id) => book.customers.find((c) => c.id === id)!);
          for (const r of roster.reps) {
            const eligible = unit.every((c) => {
              const owner = matchOwner(roster, c.owner);
              const cooldownFrom = new Map(book.cooldowns.filter((d) => d.customerId === c.id).map((d) => [roster.find(d.repName)!.index, d.untilDay]));
              return barrier(r, { ...profileOf(c), holder: owner.kind === 'rep' ? owner.rep : null, cooldownFrom }, book.settings) === null;
            });
            if (!eligible) continue;
            const held = book.customers.filter((c) => owners.get(c.id) === r.rep.name);
            const roomTotal = r.capacity === null ? Infinity : r.capacity - held.length;
            const roomA = r.aCap === null ? Infinity : r.aCap - held.filter((c) => c.tier === 'A').length;
            const fits = roomTotal >= unit.length && roomA >= unit.filter((c) => c.tier === 'A').length;
            expect(fits, `${p.customerId} unplaced though ${r.rep.name} has room`).toBe(false);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('give the same proposals whatever the row order', () => {
    fc.assert(
      fc.property(bookAndRun, fc.integer(), ({ book, strategy, rebalance }, seed) => {
        const shuffled = [...book.customers].map((c, i) => ({ c, k: (Math.imul(i + 1, 2654435761) ^ seed) >>> 0 })).sort((a, b) => a.k - b.k).map(({ c }, row) => ({ ...c, row }));
        const strip = (r: ProposeResult) => ({ ...r, proposals: r.proposals.map(({ row: _, ...p }) => p) });
        expect(strip(run(book, strategy, rebalance, shuffled))).toEqual(strip(run(book, strategy, rebalance)));
      }),
      { numRuns: 200 },
    );
  });

  it('list every customer once, either kept or proposed, and give a group one owner', () => {
    fc.assert(
      fc.property(bookAndRun, ({ book, strategy, rebalance }) => {
        const result = run(book, strategy, rebalance);
        const proposed = result.proposals.map((p) => p.customerId);
        expect(new Set(proposed).size).toBe(proposed.length);
        expect(result.kept + proposed.length).toBe(book.customers.length);
        const owners = finalOwners(book, result);
        for (const group of book.groups) if (group.some((id) => proposed.includes(id))) expect(new Set(group.map((id) => owners.get(id))).size).toBe(1);
      }),
      { numRuns: 300 },
    );
  });
});
