import fc from 'fast-check';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { rescore } from '../../src/app/rescore.js';
import { readSavedState } from '../../src/app/saved-state.js';
import { stateToChunks } from '../../src/app/state-text.js';
import { Digest } from '../../src/core/digest.js';
import { fitBgNbd } from '../../src/core/score/clv/bg-nbd-fit.js';
import { ClvFit } from '../../src/core/score/clv/clv-result.js';
import { futurePurchases } from '../../src/core/score/clv/discounted-value.js';
import { dayNumber, formatDay } from '../../src/core/parse/days.js';
import { defaultSettings, type Settings } from '../../src/core/settings/schema.js';
import type { Cell } from '../../src/core/table.js';
import { CALIBRATION_END, readCdnowSubset } from '../core/score/clv/cdnow.js';
import { asOfDay } from './owner-fixtures.js';
import { type Book, type MemoryState, proposeAll, recycleBoth, request, rescored, withComputedSection, workbookOf } from './rescored-fixtures.js';

// Counting the BG/NBD fits is how these tests see whether a run reused the saved one.
vi.mock('../../src/core/score/clv/bg-nbd-fit.js', async (original) => {
  const actual = await original<typeof import('../../src/core/score/clv/bg-nbd-fit.js')>();
  return { ...actual, fitBgNbd: vi.fn(actual.fitBgNbd) };
});
// And counting the series of expected purchases whether it reused the ones saved with the fit.
vi.mock('../../src/core/score/clv/discounted-value.js', async (original) => {
  const actual = await original<typeof import('../../src/core/score/clv/discounted-value.js')>();
  return { ...actual, futurePurchases: vi.fn(actual.futurePurchases) };
});
const fits = vi.mocked(fitBgNbd);
const series = vi.mocked(futurePurchases);
beforeEach(() => {
  fits.mockClear();
  series.mockClear();
});

const firstDay = dayNumber(2025, 1, 1);

const NAMES = ['Acme', 'Beta', 'Gamma', 'Delta', 'Zeta'];
const REGIONS = ['East', 'West'];
const OWNERS = ['', 'Alice', 'Bob', 'Dora'];

/** A book whose Customers tab has no score columns, so the deals (CLV among them) carry the score and the proposals. */
const book: fc.Arbitrary<Book> = fc
  .array(
    fc.record({
      name: fc.integer({ min: 0, max: 40 }),
      region: fc.constantFrom(...REGIONS),
      owner: fc.constantFrom(...OWNERS),
      deals: fc.array(fc.record({ day: fc.integer({ min: 0, max: asOfDay - firstDay + 20 }), amount: fc.integer({ min: -50, max: 5000 }) }), { minLength: 1, maxLength: 6 }),
    }),
    { minLength: 35, maxLength: 60 },
  )
  .map((rows) => {
    const customers: Cell[][] = [['Customer ID', 'Name', 'Region', 'Owner']];
    const deals: Cell[][] = [['Deal ID', 'Customer ID', 'Amount', 'Date', 'Stage']];
    rows.forEach((row, k) => {
      const id = `C${String(k + 1).padStart(3, '0')}`;
      customers.push([id, `${NAMES[row.name % NAMES.length]} ${row.name}`, row.region, row.owner]);
      row.deals.forEach((deal, j) => deals.push([`D${k}-${j}`, id, deal.amount, formatDay(firstDay + deal.day), 'won']));
    });
    return { customers, deals };
  });

/**
 * A book whose deals carry a BG/NBD model: customers of the CDNOW subset (whose fit is
 * published), so the values come from the model and the expected purchases are saved.
 */
const cdnow = readCdnowSubset();
const buyingBook: fc.Arbitrary<Book> = fc
  .record({ picked: fc.subarray(cdnow.map((_, i) => i), { minLength: 150 }), owners: fc.array(fc.constantFrom(...OWNERS), { minLength: cdnow.length, maxLength: cdnow.length }) })
  .map(({ picked, owners }) => {
    const customers: Cell[][] = [['Customer ID', 'Name', 'Region', 'Owner']];
    const deals: Cell[][] = [['Deal ID', 'Customer ID', 'Amount', 'Date', 'Stage']];
    for (const i of picked) {
      const { id, purchases } = cdnow[i];
      customers.push([id, `${NAMES[i % NAMES.length]} ${i}`, REGIONS[i % REGIONS.length], owners[i]]);
      purchases.forEach((p, j) => deals.push([`D${id}-${j}`, id, p.amount, formatDay(p.day), 'won']));
    }
    return { customers, deals };
  });
const buying = fc.sample(buyingBook, { numRuns: 1, seed: 13 })[0];

const withoutComputed = (state: MemoryState) => withComputedSection(state, () => undefined);

interface SavedFit {
  key: string;
  fit: { model: { r: number }; modelValues: boolean };
  future: { ifAlive: string; discountedIfAlive: string } | null;
  seal: string;
}

function computedOf(state: MemoryState) {
  return (state.load() as { computed: { version: number; clvFit: SavedFit | null } }).computed;
}

/** The state with its saved fit replaced by `edit` of it. */
function withSavedFit(state: MemoryState, edit: (saved: SavedFit) => SavedFit) {
  return withComputedSection(state, (computed) => ({ ...computed, clvFit: edit(computed.clvFit as SavedFit) }));
}

const sample = fc.sample(book, { numRuns: 1, seed: 13 })[0];

/** The row of a won deal dated after its customer's first purchase day: one the fit reads (mean repeat spend). */
function repeatPurchase(data: Book): number {
  const first = new Map<Cell, string>();
  for (const row of data.deals.slice(1)) if (!first.has(row[1]) || String(row[3]) < first.get(row[1])!) first.set(row[1], String(row[3]));
  return data.deals.findIndex((row, i) => i > 0 && String(row[3]) <= formatDay(asOfDay) && String(row[3]) > first.get(row[1])!);
}

describe('the CLV fit a rescore saves', () => {
  it('is saved with the rescore, and propose on the same deals reuses it and proposes exactly what fitting afresh proposes', () => {
    const reused = rescored(sample);
    const fresh = rescored(sample);
    expect(computedOf(reused.state).clvFit).not.toBeNull();
    fits.mockClear();
    const withSaved = proposeAll(reused.workbook, reused.state);
    expect(fits).not.toHaveBeenCalled();
    const fitted = proposeAll(fresh.workbook, withoutComputed(fresh.state));
    expect(fits).toHaveBeenCalledTimes(1);
    expect(withSaved).toEqual(fitted);
  });

  it("is saved with every buyer's expected future purchases, which propose takes instead of summing the series again", () => {
    const reused = rescored(buying, defaultSettings, CALIBRATION_END);
    expect(computedOf(reused.state).clvFit!.future).not.toBeNull();
    series.mockClear();
    const withSaved = proposeAll(reused.workbook, reused.state, defaultSettings, CALIBRATION_END);
    expect(series).not.toHaveBeenCalled();
    const fresh = rescored(buying, defaultSettings, CALIBRATION_END);
    series.mockClear();
    expect(proposeAll(fresh.workbook, withoutComputed(fresh.state), defaultSettings, CALIBRATION_END)).toEqual(withSaved);
    expect(series).toHaveBeenCalledTimes(1);
  });

  it('is saved again as it was read by a propose that reused it, and the next propose reuses it too', () => {
    const { workbook, state } = rescored(buying, defaultSettings, CALIBRATION_END);
    const read = structuredClone(computedOf(state).clvFit);
    proposeAll(workbook, state, defaultSettings, CALIBRATION_END);
    expect(computedOf(state).clvFit).toEqual(read);
    series.mockClear();
    fits.mockClear();
    proposeAll(workbook, state, defaultSettings, CALIBRATION_END);
    expect(series).not.toHaveBeenCalled();
    expect(fits).not.toHaveBeenCalled();
  });

  it('gives the same CLV, P(alive), proposals and flags with the saved expected purchases as with fresh ones, on any subset of CDNOW’s buyers, the model reliable on it or not (property)', () => {
    fc.assert(
      fc.property(buyingBook, (data) => {
        const reused = rescored(data, defaultSettings, CALIBRATION_END);
        const fresh = rescored(data, defaultSettings, CALIBRATION_END);
        // Some subsets leave the model unreliable: valued from history, they save no future,
        // and the equality below must hold for them too.
        const saved = computedOf(reused.state).clvFit!;
        if (saved.fit.modelValues) expect(saved.future).not.toBeNull();
        expect(proposeAll(reused.workbook, reused.state, defaultSettings, CALIBRATION_END)).toEqual(proposeAll(fresh.workbook, withoutComputed(fresh.state), defaultSettings, CALIBRATION_END));
        // A second rescore on the saved state writes the very columns the first wrote.
        const before = reused.workbook.readTable('Customers');
        rescore(request(reused.workbook, reused.state, defaultSettings, CALIBRATION_END));
        expect(reused.workbook.readTable('Customers')).toEqual(before);
      }),
      { numRuns: 8 },
    );
  });

  it('gives the same proposals, reasons and flags as fitting afresh, on any book (property)', () => {
    fc.assert(
      fc.property(book, (data) => {
        const reused = rescored(data);
        const fresh = rescored(data);
        expect(proposeAll(reused.workbook, reused.state)).toEqual(proposeAll(fresh.workbook, withoutComputed(fresh.state)));
      }),
      { numRuns: 15 },
    );
  });

  it('is reused by recycle too: its flags are the ones a fresh fit gives', () => {
    const runs = recycleBoth(sample, withoutComputed, () => fits.mockClear());
    // The run without the saved fit fits once; the one with it, never.
    expect(fits).toHaveBeenCalledTimes(1);
    expect(runs.saved).toEqual(runs.stripped);
  });

  const changes: [string, (data: Book) => Book, Settings?, number?][] = [
    ['the amount of a repeat purchase', (d) => ({ ...d, deals: d.deals.map((row, i) => (i === repeatPurchase(d) ? [row[0], row[1], Number(row[2]) + 1, row[3], row[4]] : row)) })],
    ['a deal date', (d) => ({ ...d, deals: d.deals.map((row, i) => (i === 3 ? [row[0], row[1], row[2], formatDay(firstDay + 400), row[4]] : row)) })],
    ['a new deal', (d) => ({ ...d, deals: [...d.deals, ['D-new', 'C001', 1234, formatDay(asOfDay - 10), 'won']] })],
    ['a CLV setting', (d) => d, { ...defaultSettings, clv: { ...defaultSettings.clv, minRepeaters: defaultSettings.clv.minRepeaters + 1 } }],
    ['the as-of day', (d) => d, defaultSettings, asOfDay + 1],
  ];
  it.each(changes)('is fitted again after a change of %s, and the answer is the fresh one', (_, change, settings = defaultSettings, day = asOfDay) => {
    const changed = change(sample);
    const reused = rescored(sample);
    const before = computedOf(reused.state).clvFit!.key;
    const edited = workbookOf(changed);
    const fresh = workbookOf(changed);
    fits.mockClear();
    const withSaved = proposeAll(edited, reused.state, settings, day);
    expect(fits).toHaveBeenCalledTimes(1);
    expect(withSaved).toEqual(proposeAll(fresh, withoutComputed(reused.state), settings, day));
    // Propose saves the fit it made, so the next run on the changed deals reuses that one.
    expect(computedOf(reused.state).clvFit!.key).not.toBe(before);
  });

  it('is reused when only the amount of a first purchase changed: the fit never reads it, and the values it changes are computed afresh', () => {
    const purchases = sample.deals.map((row, i) => ({ row, i })).filter(({ row, i }) => i > 0 && row[1] === 'C001' && Number(row[2]) > 0 && String(row[3]) <= formatDay(asOfDay));
    const firstPurchase = purchases.reduce((a, b) => (String(b.row[3]) < String(a.row[3]) ? b : a)).i;
    const changed = { ...sample, deals: sample.deals.map((row, i) => (i === firstPurchase ? [row[0], row[1], Number(row[2]) + 500, row[3], row[4]] : row)) };
    const reused = rescored(sample);
    fits.mockClear();
    const withSaved = proposeAll(workbookOf(changed), reused.state);
    expect(fits).not.toHaveBeenCalled();
    expect(withSaved).toEqual(proposeAll(workbookOf(changed), withoutComputed(reused.state)));
  });

  it('reads a fit saved before the expected purchases were saved with it: the fit is reused and the purchases summed afresh', () => {
    const reused = rescored(buying, defaultSettings, CALIBRATION_END);
    const fresh = rescored(buying, defaultSettings, CALIBRATION_END);
    const older = withSavedFit(reused.state, ({ key, fit }) => ({ key, fit, seal: new Digest().text(key).text(JSON.stringify(ClvFit.parse(fit))).hex() }) as SavedFit);
    fits.mockClear();
    series.mockClear();
    const withOlder = proposeAll(reused.workbook, older, defaultSettings, CALIBRATION_END);
    expect(fits).not.toHaveBeenCalled();
    expect(series).toHaveBeenCalledTimes(1);
    expect(withOlder).toEqual(proposeAll(fresh.workbook, withoutComputed(fresh.state), defaultSettings, CALIBRATION_END));
  });

  it('is ignored, fit and expected purchases both, when a figure of the expected purchases was edited by hand', () => {
    const reused = rescored(buying, defaultSettings, CALIBRATION_END);
    const fresh = rescored(buying, defaultSettings, CALIBRATION_END);
    const edited = withSavedFit(reused.state, (saved) => {
      const text = saved.future!.discountedIfAlive;
      return { ...saved, future: { ...saved.future!, discountedIfAlive: (text[0] === 'A' ? 'B' : 'A') + text.slice(1) } };
    });
    fits.mockClear();
    series.mockClear();
    const withEdited = proposeAll(reused.workbook, edited, defaultSettings, CALIBRATION_END);
    expect(fits).toHaveBeenCalledTimes(1);
    expect(series).toHaveBeenCalledTimes(1);
    expect(withEdited).toEqual(proposeAll(fresh.workbook, withoutComputed(fresh.state), defaultSettings, CALIBRATION_END));
  });

  const damages: [string, (computed: Record<string, unknown>) => unknown][] = [
    ['from another version', (c) => ({ ...c, version: 0 })],
    ['with a parameter edited by hand', (c) => ({ ...c, clvFit: { ...(c.clvFit as object), fit: { ...(c.clvFit as { fit: object }).fit, model: { ...(c.clvFit as { fit: { model: object } }).fit.model, r: 0.5 } } } })],
    ['with a part missing', (c) => ({ ...c, clvFit: { ...(c.clvFit as object), fit: undefined } })],
    ['that is not an object at all', () => 'garbage'],
  ];
  it.each(damages)('is ignored, not trusted, when it is %s, and the state is still read', (_, damage) => {
    const reused = rescored(sample);
    const fresh = rescored(sample);
    const damaged = withComputedSection(reused.state, damage);
    // The rest of the state (the tiers, the owners of the last rescore) reads as before.
    expect(readSavedState(stateToChunks(damaged.load())).problem).toBeNull();
    fits.mockClear();
    const withDamaged = proposeAll(reused.workbook, damaged);
    expect(fits).toHaveBeenCalledTimes(1);
    expect(withDamaged).toEqual(proposeAll(fresh.workbook, withoutComputed(fresh.state)));
  });

  it('is a few hundred characters of the saved state, and under 22 more a buyer for the expected purchases', () => {
    const { state } = rescored(buying, defaultSettings, CALIBRATION_END);
    const { future, ...fit } = computedOf(state).clvFit!;
    expect(JSON.stringify(fit).length).toBeLessThan(1500);
    const buyers = new Set(buying.deals.slice(1).map((row) => row[1])).size;
    expect(future!.ifAlive.length + future!.discountedIfAlive.length).toBeLessThan(buyers * 22);
  });
});
