import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { customerLookup } from '../../../src/core/parse/customer-lookup.js';

/** Customer ids as readCustomers lists them: an id listed twice maps to its first row. */
function lookups(ids: string[]) {
  const indexById = new Map<string, number>();
  ids.forEach((id, k) => indexById.has(id) || indexById.set(id, k));
  return { byMap: (id: string) => indexById.get(id) ?? -1, fast: customerLookup(ids, indexById) };
}

describe('customerLookup', () => {
  it('finds the same customer as the id map for numbered ids, other shapes and near misses, given the id or where it is written', () => {
    const digits = fc.stringMatching(/^[0-9]{1,4}$/).map((number) => number.padStart(4, '0'));
    const near = fc.constantFrom('C0001', 'c0001', 'C001', 'C00001', 'C000a', 'X0001', 'C０００1', '0001', '1', ' C0001');
    const books = fc.constantFrom('C', 'CUST-', '').chain((prefix) =>
      fc.tuple(
        fc.array(fc.oneof({ weight: 9, arbitrary: digits.map((d) => prefix + d) }, { weight: 1, arbitrary: near }), { minLength: 1, maxLength: 20 }),
        fc.array(fc.oneof(digits.map((d) => prefix + d), near, fc.string({ minLength: 1, maxLength: 6 })), { maxLength: 20 }),
      ),
    );
    fc.assert(
      fc.property(books, ([ids, queries]) => {
        const { byMap, fast } = lookups(ids);
        for (const query of [...queries, ...ids]) {
          expect(fast(query)).toBe(byMap(query));
          // Where the id is written inside a longer text, as a deal's id inside the CSV file.
          expect(fast.at(`C1,${query},00`, 3, 3 + query.length)).toBe(byMap(query));
        }
      }),
    );
  });

  it('points an id listed twice at its first row', () => {
    const { fast } = lookups(['C01', 'C02', 'C01']);
    expect([fast('C01'), fast('C02'), fast('C03'), fast('C1')]).toEqual([0, 1, -1, -1]);
  });
});
