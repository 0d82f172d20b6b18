import { describe, expect, it } from 'vitest';
import { customerKey, fallbackKey, isOwnKey } from '../../../src/core/parse/customer-key.js';
import { customerLookup } from '../../../src/core/parse/customer-lookup.js';

/** The lookup readCustomers builds over the listed ids: an id listed twice names its first row. */
function lookupOf(ids: string[]) {
  const indexById = new Map<string, number>();
  ids.forEach((id, k) => indexById.has(id) || indexById.set(id, k));
  return customerLookup(ids, indexById);
}

describe('what counts as a missing customer id', () => {
  it.each(['blank', '(empty)', 'NA', '--', '—', 'nil', 'Unknown', 'UNDEFINED', '?', '无', '無', '空', '(空白)', '空白'])('%j, written where an id is missing, is no one\'s id', (written) => {
    expect(customerKey(written)).toBe('');
  });

  it('a placeholder is never taken as an id read where it is written', () => {
    expect(isOwnKey(',undefined,', 1, 10)).toBe(false);
  });
});

describe('ids that look alike but are different customers', () => {
  it.each([
    ['12923.5', '12923'],
    ['C12923.0', 'C12923'],
    ['1-2.0', '1-2'],
    ['12923.', '12923'],
    ['.0', ''],
  ])('%j is not the id %j', (a, b) => {
    expect(customerKey(a)).toBe(a);
    expect(customerKey(a)).not.toBe(customerKey(b));
  });
});

describe('ids read where a CSV file writes them', () => {
  it.each(['ACME-HOLDINGS', 'C9', 'C0', 'C000192'])('%j is read in place whatever follows it', (id) => {
    for (const next of [',', '.', ';', '\u3001']) expect(isOwnKey(`,${id}${next}`, 1, id.length + 1)).toBe(true);
  });

  it.each([' C000192', 'C000192 ', '\tC000192', ''])('%j, which its key is not written as, is left to be read as a key', (written) => {
    expect(isOwnKey(`,${written},`, 1, written.length + 1)).toBe(false);
  });
});

describe('a phone number tells customers apart from six digits on', () => {
  it('keeps a six-digit phone and drops a five-digit one', () => {
    expect(fallbackKey('phone', '555-010')).toBe('555010');
    expect(fallbackKey('phone', '55-010')).toBe('');
  });
});

describe('numbered customer ids', () => {
  it('finds no customer for a Customers tab without ids', () => {
    const lookup = lookupOf([]);
    expect([lookup('C1'), lookup.at(',C1,', 1, 3)]).toEqual([-1, -1]);
  });

  it.each([
    [['C01', 'C02'], 'C0X'],
    [['C01', 'C02'], 'C/;'],
    [['1A', '2B'], '0K'],
    [['1-'], '07'],
    [['AZ', 'CD'], 'BP'],
  ])('customers %j: the deal id %j names none of them', (ids, dealId) => {
    const lookup = lookupOf(ids);
    expect(lookup(dealId)).toBe(-1);
    for (const [k, id] of ids.entries()) expect(lookup(id)).toBe(k);
  });
});
