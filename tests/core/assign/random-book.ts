import fc from 'fast-check';
import type { Cooldown } from '../../../src/core/assign/cooldown.js';
import type { AssignCustomer } from '../../../src/core/assign/customer.js';
import { barrier } from '../../../src/core/assign/eligibility.js';
import { fitOf, profileOf } from '../../../src/core/assign/fit.js';
import { matchOwner } from '../../../src/core/assign/owner.js';
import { type ProposeResult, proposeOwners } from '../../../src/core/assign/propose.js';
import type { Rep } from '../../../src/core/assign/rep.js';
import { type RosterRep, makeRoster } from '../../../src/core/assign/roster.js';
import { AssignState } from '../../../src/core/assign/state.js';
import type { AssignSettings } from '../../../src/core/settings/assign.js';
import { AS_OF, assignSettings, customer, rep } from './book.js';

/** Random books small enough to check by hand-made oracles, big enough to meet every rule. */
export interface RandomBook {
  readonly reps: Rep[];
  readonly customers: AssignCustomer[];
  readonly cooldowns: Cooldown[];
  readonly groups: string[][];
  readonly settings: AssignSettings;
}

const REGIONS = ['East', 'West', 'North'];
const INDUSTRIES = ['Retail', 'Tech'];

const repArb = (i: number) =>
  fc.record({
    level: fc.constantFrom('senior' as const, 'mid' as const, 'junior' as const),
    regions: fc.subarray(REGIONS),
    industries: fc.subarray(INDUSTRIES),
    capacity: fc.option(fc.integer({ min: 0, max: 6 }), { nil: null }),
    aCap: fc.option(fc.integer({ min: 0, max: 3 }), { nil: null }),
    active: fc.boolean().map((b) => b || i === 0),
    away: fc.integer({ min: 0, max: 5 }),
    isNew: fc.integer({ min: 0, max: 4 }),
  }).map((r) =>
    rep(`R${i}`, {
      level: r.level,
      regions: r.regions,
      industries: r.industries,
      capacity: r.capacity,
      aCap: r.aCap,
      active: r.active,
      awayFrom: r.away === 0 ? AS_OF - 1 : null,
      awayTo: r.away === 0 ? AS_OF + 1 : null,
      startDay: r.isNew === 0 ? AS_OF - 10 : AS_OF - 1000,
    }),
  );

export function randomBook(options: { maxCustomers: number; maxReps: number; groups?: boolean }): fc.Arbitrary<RandomBook> {
  return fc.integer({ min: 1, max: options.maxReps }).chain((repCount) =>
    fc
      .record({
        reps: fc.tuple(...Array.from({ length: repCount }, (_, i) => repArb(i))),
        customers: fc.array(
          fc.record({
            tier: fc.constantFrom('A' as const, 'B' as const, 'C' as const),
            region: fc.constantFrom(...REGIONS, ''),
            industry: fc.constantFrom(...INDUSTRIES),
            score: fc.integer({ min: 0, max: 100 }),
            owner: fc.oneof(fc.constant(''), fc.constant('Zed'), fc.integer({ min: 0, max: repCount - 1 }).map((j) => `R${j}`), fc.integer({ min: 0, max: repCount - 1 }).map((j) => `r${j}@EXAMPLE.com`)),
            cooldownRep: fc.option(fc.integer({ min: 0, max: repCount - 1 }), { nil: null, freq: 4 }),
          }),
          { maxLength: options.maxCustomers },
        ),
        pairs: options.groups ? fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 3 }) : fc.constant([] as [number, number][]),
        requireRegion: fc.boolean(),
        requireIndustry: fc.boolean(),
        growth: fc.boolean(),
      })
      .map(({ reps, customers, pairs, requireRegion, requireIndustry, growth }) => {
        const book = customers.map(({ cooldownRep: _, ...c }, i) => customer(`C${String(i).padStart(2, '0')}`, { ...c, row: i }));
        const cooldowns = customers.flatMap((c, i) => (c.cooldownRep === null ? [] : [{ customerId: book[i].id, repName: `R${c.cooldownRep}`, untilDay: AS_OF + 3 }]));
        const groups = book.length < 2 ? [] : pairs.map(([a, b]) => [book[a % book.length].id, book[(a + 1 + (b % (book.length - 1))) % book.length].id]);
        const settings = assignSettings({ requireRegion, requireIndustry, growth: { days: growth ? 90 : 0, tiers: ['B', 'C'] } });
        return { reps, customers: book, cooldowns, groups: mergeOverlapping(groups), settings };
      }),
  );
}

/** Duplicate groups are disjoint by construction (union-find); random pairs are merged to match. */
function mergeOverlapping(pairs: string[][]): string[][] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    const p = parent.get(x) ?? x;
    if (p === x) return x;
    const root = find(p);
    parent.set(x, root);
    return root;
  };
  for (const [a, b] of pairs) if (a !== b) parent.set(find(a), find(b));
  const groups = new Map<string, string[]>();
  for (const id of parent.keys()) {
    const root = find(id);
    groups.set(root, [...(groups.get(root) ?? [root]), ...(id === root ? [] : [id])]);
  }
  return [...groups.values()].map((g) => [...new Set(g)]).filter((g) => g.length > 1);
}

/** Proposals for a random book from a fresh rotation, with the book's cooldowns and same-company groups. */
export function proposeOnRandomBook(book: RandomBook, strategy: AssignSettings['strategy'], rebalance: boolean, customers = book.customers): ProposeResult {
  return proposeOwners({
    customers,
    reps: book.reps,
    asOfDay: AS_OF,
    settings: { ...book.settings, strategy },
    state: AssignState.parse({}),
    cooldowns: book.cooldowns,
    duplicateGroups: book.groups,
    rebalance,
  });
}

/**
 * Per customer, the reps it may go to, caps aside, each with the fit it would have there,
 * worked out from the rules (issue 4) rather than by the code under test.
 */
export function optionsOf(book: RandomBook): { rep: RosterRep; fit: number }[][] {
  const roster = makeRoster(book.reps, book.settings, AS_OF);
  return book.customers.map((c) => {
    const holder = matchOwner(roster, c.owner);
    const cooldownFrom = new Map(book.cooldowns.filter((d) => d.customerId === c.id).map((d) => [roster.find(d.repName)!.index, d.untilDay]));
    const candidate = { ...profileOf(c), holder: holder.kind === 'rep' ? holder.rep : null, cooldownFrom };
    return roster.reps.filter((r) => barrier(r, candidate, book.settings) === null).map((r) => ({ rep: r, fit: fitOf(candidate, r, book.settings, candidate.holder === r) }));
  });
}
