import fc from 'fast-check';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { claim } from '../../src/app/claim.js';
import { rescore } from '../../src/app/rescore.js';
import { readSavedState } from '../../src/app/saved-state.js';
import { reusableClvFit } from '../../src/app/saved-computations.js';
import { stateToChunks } from '../../src/app/state-text.js';
import { groupCompanies } from '../../src/core/assign/duplicates.js';
import { formatDay } from '../../src/core/parse/days.js';
import { defaultSettings } from '../../src/core/settings/schema.js';
import type { Cell } from '../../src/core/table.js';
import { memoryState } from './book-fixtures.js';
import { asOfDay, context, customersOf, ownerBook, ownerCustomers } from './owner-fixtures.js';
import { type Book, type MemoryState, proposeAll, recycleBoth, request, rescored, withComputedSection, workbookOf } from './rescored-fixtures.js';

// Counting the groupings is how these tests see whether a run reused the saved groups.
vi.mock('../../src/core/assign/duplicates.js', async (original) => {
  const actual = await original<typeof import('../../src/core/assign/duplicates.js')>();
  return { ...actual, groupCompanies: vi.fn(actual.groupCompanies) };
});
const groupings = vi.mocked(groupCompanies);
beforeEach(() => {
  groupings.mockClear();
});

const HEADER = ['Customer ID', 'Name', 'Email', 'Phone', 'Region', 'Owner'];
const NAME = 1;
const EMAIL = 2;
const PHONE = 3;
const REGION = 4;
const OWNER = 5;

// Few companies, spelt several ways, so books have groups joined by every key, and keys
// shared by more customers than the limit.
const COMPANIES = ['Acme', 'Blue Stone', 'Zeta Foods', 'North Star', 'Delta'];
const FORMS = ['', ' Ltd', ' Inc.', ' GmbH'];
const DOMAINS = ['acme.test', 'bluestone.test', 'zeta.test', 'gmail.com', 'qq.com'];
const PHONES = ['', '', '+86 138 0013 8000', '13800138000', '020 7946 0000', '+44 20 7946 0000', '555 0100'];
const OWNERS = ['', 'Alice', 'Bob', 'Dora'];
const REGIONS = ['East', 'West'];

const cells = {
  name: fc.tuple(fc.nat({ max: COMPANIES.length - 1 }), fc.nat({ max: FORMS.length - 1 }), fc.nat({ max: 30 })).map(([c, f, n]) => (n < 20 ? `${COMPANIES[c]}${FORMS[f]}` : `Solo ${n}`)),
  email: fc.tuple(fc.constantFrom('', 'buyer', 'ops', 'ceo'), fc.nat({ max: DOMAINS.length - 1 })).map(([local, d]) => (local === '' ? '' : `${local}@${DOMAINS[d]}`)),
  phone: fc.constantFrom(...PHONES),
  region: fc.constantFrom(...REGIONS),
  owner: fc.constantFrom(...OWNERS),
};

const book: fc.Arbitrary<Book> = fc
  .array(fc.record({ ...cells, deals: fc.array(fc.record({ days: fc.nat({ max: 600 }), amount: fc.integer({ min: 10, max: 5000 }) }), { maxLength: 3 }) }), { minLength: 15, maxLength: 45 })
  .map((rows) => {
    const customers: Cell[][] = [HEADER];
    const deals: Cell[][] = [['Deal ID', 'Customer ID', 'Amount', 'Date', 'Stage']];
    rows.forEach((row, k) => {
      const id = `C${String(k + 1).padStart(3, '0')}`;
      customers.push([id, row.name, row.email, row.phone, row.region, row.owner]);
      row.deals.forEach((deal, j) => deals.push([`D${k}-${j}`, id, deal.amount, formatDay(asOfDay - deal.days), 'won']));
    });
    return { customers, deals };
  });

/** One cell of the Customers tab changed: a company cell (name, e-mail, phone) or another. */
const edit = fc.record({ row: fc.nat(), column: fc.constantFrom(NAME, EMAIL, PHONE, REGION, OWNER), value: fc.nat() });
type Edit = { row: number; column: number; value: number };

function edited(data: Book, { row, column, value }: Edit): Book {
  const pool: Record<number, fc.Arbitrary<string>> = { [NAME]: cells.name, [EMAIL]: cells.email, [PHONE]: cells.phone, [REGION]: cells.region, [OWNER]: cells.owner };
  const [cell] = fc.sample(pool[column], { numRuns: 1, seed: value });
  const at = 1 + (row % (data.customers.length - 1));
  return { ...data, customers: data.customers.map((r, i) => (i === at ? r.map((c, j) => (j === column ? cell : c)) : r)) };
}

const withoutGroups = (state: MemoryState) => withComputedSection(state, ({ sameCompany: _, ...computed }) => computed);

const sample = fc.sample(book, { numRuns: 1, seed: 7 })[0];

describe('the same-company groups a rescore saves', () => {
  it('are saved with the rescore, and propose takes them instead of grouping again', () => {
    const { workbook, state } = rescored(sample);
    expect((state.load() as { computed: { sameCompany: { groups: string } } }).computed.sameCompany.groups).not.toBe('');
    groupings.mockClear();
    proposeAll(workbook, state);
    expect(groupings).not.toHaveBeenCalled();
  });

  it('give the same proposals, reasons and flags as grouping afresh, after any one cell of the Customers tab changed, and are found again exactly when a name, e-mail or phone changed (property)', () => {
    fc.assert(
      fc.property(book, edit, (data, change) => {
        const after = edited(data, change);
        const reused = rescored(data);
        groupings.mockClear();
        const withSaved = proposeAll(workbookOf(after), reused.state);
        const companyCellChanged = JSON.stringify(after.customers) !== JSON.stringify(data.customers) && change.column !== REGION && change.column !== OWNER;
        expect(groupings).toHaveBeenCalledTimes(companyCellChanged ? 1 : 0);
        const fresh = rescored(data);
        expect(withSaved).toEqual(proposeAll(workbookOf(after), withoutGroups(fresh.state)));
      }),
      { numRuns: 40 },
    );
  });

  it('give a second rescore the very columns the first wrote', () => {
    const { workbook, state } = rescored(sample);
    const before = workbook.readTable('Customers');
    groupings.mockClear();
    rescore(request(workbook, state));
    expect(groupings).not.toHaveBeenCalled();
    expect(workbook.readTable('Customers')).toEqual(before);
  });

  it('are taken by recycle, whose flags are the ones grouping afresh gives', () => {
    const runs = recycleBoth(sample, withoutGroups, () => groupings.mockClear());
    // The run without the saved groups groups once; the one with them, never.
    expect(groupings).toHaveBeenCalledTimes(1);
    expect(runs.saved).toEqual(runs.stripped);
  });

  it('are taken by claim, which still takes the same company along, and found again once an e-mail changed', () => {
    const state = memoryState();
    rescore(context(ownerBook(), state));
    groupings.mockClear();
    expect(claim({ ...context(ownerBook(), state), rep: 'Bob', customerId: 'C6' }).claim.sameCompany).toEqual(['C7']);
    expect(groupings).not.toHaveBeenCalled();

    // C7 moved to a mailbox of its own: it is no longer C6's company.
    const moved = ownerCustomers.map((row) => (row[0] === 'C7' ? row.map((c) => (c === 'b@zeta.test' ? 'b@other.test' : c)) : row));
    const workbook = ownerBook(moved);
    rescore(context(ownerBook(), (state.save(null), state)));
    groupings.mockClear();
    expect(claim({ ...context(workbook, state), rep: 'Bob', customerId: 'C6' }).claim.sameCompany).toEqual([]);
    expect(groupings).toHaveBeenCalledTimes(1);
    expect(customersOf(workbook).cell('C7', 'Owner')).toBeNull();
  });

  it('are found afresh from a state saved before groups were saved, whose fit is still taken and which still reads', () => {
    const reused = rescored(sample);
    const older = withoutGroups(reused.state);
    expect(readSavedState(stateToChunks(older.load())).problem).toBeNull();
    expect(reusableClvFit(older)).not.toBeNull();
    groupings.mockClear();
    const fromOlder = proposeAll(reused.workbook, older);
    expect(groupings).toHaveBeenCalledTimes(1);
    expect(fromOlder).toEqual(proposeAll(rescored(sample).workbook, withoutGroups(rescored(sample).state)));
    // That propose saves the groups, and the next one takes them.
    groupings.mockClear();
    proposeAll(reused.workbook, older);
    expect(groupings).not.toHaveBeenCalled();
  });

  const damages: [string, (saved: { key: string; groups: string; seal: string }) => unknown][] = [
    ['a position edited by hand', (saved) => ({ ...saved, groups: saved.groups.replace(/\d/, (d) => String((Number(d) + 1) % 10)) })],
    ['saved for other customers', (saved) => ({ ...saved, key: '0000000000000000' })],
    ['without its seal', ({ seal: _, ...saved }) => saved],
    ['not an object at all', () => 'garbage'],
  ];
  it.each(damages)('are ignored, not trusted, when they are %s, and the state still reads', (_, damage) => {
    const reused = rescored(sample);
    const damaged = withComputedSection(reused.state, (computed) => ({ ...computed, sameCompany: damage(computed.sameCompany as { key: string; groups: string; seal: string }) }));
    expect(readSavedState(stateToChunks(damaged.load())).problem).toBeNull();
    groupings.mockClear();
    const withDamaged = proposeAll(reused.workbook, damaged);
    expect(groupings).toHaveBeenCalledTimes(1);
    expect(withDamaged).toEqual(proposeAll(rescored(sample).workbook, withoutGroups(rescored(sample).state)));
  });

  it('are found again when the key limit changed', () => {
    const { workbook, state } = rescored(sample);
    const settings = { ...defaultSettings, assign: { ...defaultSettings.assign, duplicateKeyLimit: 2 } };
    groupings.mockClear();
    const withSaved = proposeAll(workbook, state, settings);
    expect(groupings).toHaveBeenCalledTimes(1);
    expect(withSaved).toEqual(proposeAll(rescored(sample).workbook, withoutGroups(rescored(sample).state), settings));
  });
});
