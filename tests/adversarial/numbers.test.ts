import fc from 'fast-check';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { saveSettings } from '../../src/app/server/settings.js';
import { scoreBook } from '../../src/core/score/score-book.js';
import { normalizeDimension } from '../../src/core/score/normalize.js';
import { parseSettings, Settings } from '../../src/core/settings/schema.js';
import type { Cell } from '../../src/core/table.js';
import { runCli } from '../../src/node/commands.js';
import { parseCsv } from '../../src/node/csv/index.js';
import { createXlsx, readXlsx } from '../../src/node/xlsx/index.js';
import { table } from '../app/book-fixtures.js';

/**
 * Numbers (issue 12 item 4): every number read or computed is finite before it is used or
 * written, weights are checked with a message naming their path, and settings keys are
 * looked up as the settings' own properties only.
 */
async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) } });
  return { code, stdout, stderr };
}

const tmp = () => mkdtempSync(join(tmpdir(), 'tierwise-numbers-'));
const dimensions = Settings.parse({}).score.dimensions;
const withWeights = (weight: (i: number) => number) => ({ score: { dimensions: dimensions.map((d, i) => ({ ...d, weight: weight(i) })) } });

function csvBook(customers: Cell[][], deals: Cell[][]): string {
  const dir = join(tmp(), 'book');
  mkdirSync(dir);
  const text = (rows: Cell[][]) => rows.map((r) => r.map((c) => (c === null ? '' : String(c))).join(',')).join('\n') + '\n';
  writeFileSync(join(dir, 'customers.csv'), text(customers));
  writeFileSync(join(dir, 'deals.csv'), text(deals));
  return dir;
}

const customersWith = (revenue: Cell[], potential: Cell[] = revenue.map((_, i) => i)): Cell[][] => [
  ['Customer ID', 'Name', 'Historical Revenue', 'Potential'],
  ...revenue.map((r, i) => [`C${i + 1}`, `Company ${i + 1}`, r, potential[i]]),
];
const dealsWith = (amounts: Cell[]): Cell[][] => [['Deal ID', 'Customer ID', 'Amount', 'Date'], ...amounts.map((a, i) => [`D${i + 1}`, `C${(i % 3) + 1}`, a, '2026-10-01'])];

describe('weights', () => {
  it('refuses all weights 0, naming the path, instead of "(+NaN)" and every customer tier A', () => {
    const parsed = parseSettings(withWeights(() => 0));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors.join(' ')).toMatch(/settings\.score\.dimensions: at least one dimension needs a weight above 0/);
  });

  it('refuses a weight of 1e308, naming the dimension and the bound', () => {
    const parsed = parseSettings(withWeights((i) => (i === 2 ? 1e308 : 10)));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors.join(' ')).toMatch(/settings\.score\.dimensions\.2\.weight: .*1000/);
  });

  it('refuses an infinite weight', () => {
    expect(parseSettings(withWeights(() => Number.POSITIVE_INFINITY)).ok).toBe(false);
  });

  it('refuses a negative weight, naming the dimension', () => {
    const parsed = parseSettings(withWeights((i) => (i === 0 ? -5 : 10)));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors.join(' ')).toMatch(/settings\.score\.dimensions\.0\.weight/);
  });

  it('refuses a weight given as text', () => {
    expect(parseSettings(withWeights(() => '10' as unknown as number)).ok).toBe(false);
  });

  it('accepts weights that are all equal, zero for some, up to the bound', () => {
    expect(parseSettings(withWeights((i) => (i === 0 ? 1000 : 0))).ok).toBe(true);
  });

  it('are refused when saved all 0, and the saved settings stay as they were', () => {
    let saved: unknown = { managers: ['boss@example.com'] };
    const store = { load: () => saved, save: (s: unknown) => (saved = s) };
    expect(() => saveSettings(store, { email: 'boss@example.com' }, { settings: { managers: ['boss@example.com'], ...withWeights(() => 0) } })).toThrow(/at least one dimension needs a weight above 0/);
    expect(saved).toEqual({ managers: ['boss@example.com'] });
  });

  it('all 0 in a settings file stop the command with one line naming the path, and no "(+NaN)"', async () => {
    const dir = tmp();
    const settingsPath = join(dir, 'settings.json');
    writeFileSync(settingsPath, JSON.stringify(withWeights(() => 0)));
    const book = csvBook(customersWith([100, 200, 300]), dealsWith([10, 20, 30]));
    const run = await cli('score', book, '--settings', settingsPath, '--as-of', '2026-11-01');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/settings\.score\.dimensions/);
    expect(run.stdout + run.stderr).not.toMatch(/NaN/);
  });
});

describe('numbers read from a book', () => {
  it('refuses an amount of 1e308 with an issue naming the row and column, and writes no Infinity', async () => {
    const book = csvBook(customersWith([100, 200, 300]), dealsWith(['1e308', '1e308', 5, 7]));
    const run = await cli('score', book, '--as-of', '2026-11-01', '--json');
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.stdout) as { issues: { tab: string; row: number; column: string; message: string }[] };
    expect(summary.issues).toContainEqual(expect.objectContaining({ tab: 'Deals', row: 2, column: 'Amount', message: expect.stringMatching(/too large/) }));
    const written = readFileSync(join(`${book}.tierwise`, 'customers.csv'), 'utf8');
    expect(written).not.toMatch(/Infinity|NaN/);
  });

  it('refuses a Historical Revenue of 1e308 and of -1e308 with an issue, and scores the rest', async () => {
    const book = csvBook(customersWith(['1e308', '-1e308', 300, 400]), dealsWith([1, 2]));
    const run = await cli('score', book, '--as-of', '2026-11-01', '--json');
    const summary = JSON.parse(run.stdout) as { issues: { row: number; column: string; message: string }[]; customers: number };
    expect(summary.issues.filter((i) => i.column === 'Historical Revenue' && /too large/.test(i.message)).map((i) => i.row)).toEqual([2, 3]);
    expect(summary.customers).toBe(4);
  });

  it('scores an .xlsx whose amounts are 1e308 numbers without crashing the writer', async () => {
    const path = join(tmp(), 'big.xlsx');
    await createXlsx(path, [{ name: 'Customers', rows: customersWith([1e308, 5, 6]) }, { name: 'Deals', rows: dealsWith([1e308, 1e308, 3]) }]);
    const run = await cli('score', path, '--in-place', '--as-of', '2026-11-01');
    expect(run.code).toBe(0);
    const customers = (await readXlsx(path, ['Customers'])).tables.get('Customers')!;
    for (const row of customers.rows) for (const cell of row) if (typeof cell === 'number') expect(Number.isFinite(cell)).toBe(true);
  });

  it('keeps sums finite: a thousand deals of the largest accepted amount', async () => {
    const book = csvBook(customersWith([1, 2, 3]), dealsWith(Array.from({ length: 1000 }, () => 1e15)));
    const run = await cli('score', book, '--as-of', '2026-11-01', '--json');
    expect(run.code).toBe(0);
    const rows = parseCsv(readFileSync(join(`${book}.tierwise`, 'customers.csv'), 'utf8').replace(/^\uFEFF/, ''), ',');
    const monetary = rows[0].indexOf('TW Monetary');
    expect(rows.slice(1).filter((r) => r.length > 1).map((r) => Number(r[monetary])).every(Number.isFinite)).toBe(true);
  });

  it('gives every score as a finite number between 0 and 100 for any amounts (property)', () => {
    const amount = fc.oneof(fc.double({ min: -1e15, max: 1e15, noNaN: true }), fc.constantFrom(1e308, -1e308, Number.MAX_VALUE, 5e-324));
    fc.assert(
      fc.property(fc.array(fc.tuple(amount, amount), { minLength: 2, maxLength: 12 }), (pairs) => {
        const run = scoreBook({
          customers: table('Customers', customersWith(pairs.map((p) => p[0]), pairs.map((p) => p[1]))),
          deals: table('Deals', dealsWith(pairs.map((p) => p[1]))),
          settings: Settings.parse({}),
          asOfDay: 20_000,
        });
        expect(run.ok).toBe(true);
        if (run.ok) for (const score of run.result.scores) expect(score >= 0 && score <= 100).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});

describe('the min-max range', () => {
  const minmax = { key: 'k', label: 'k', source: 'x', weight: 1, direction: 'higher', normalize: 'minmax', missing: 'median' } as const;

  it('does not overflow for potentials of ±1e308: lowest 0, highest 1, zero in the middle', () => {
    expect(Array.from(normalizeDimension(Float64Array.from([1e308, -1e308, 0]), minmax))).toEqual([1, 0, 0.5]);
  });

  it('does not overflow for the largest doubles either way', () => {
    expect(Array.from(normalizeDimension(Float64Array.from([Number.MAX_VALUE, -Number.MAX_VALUE]), minmax))).toEqual([1, 0]);
  });

  it('maps any finite values into 0..1, the smallest to 0 and the largest to 1 (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: 2, maxLength: 20 }), (values) => {
        const out = Array.from(normalizeDimension(Float64Array.from(values), minmax));
        for (const v of out) expect(v >= 0 && v <= 1).toBe(true);
        const min = Math.min(...values);
        const max = Math.max(...values);
        if (min < max) {
          expect(out[values.indexOf(min)]).toBe(0);
          expect(out[values.indexOf(max)]).toBe(1);
        }
      }),
    );
  });

  it('keeps the order of the values (property)', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.double({ noNaN: true, noDefaultInfinity: true }), (a, b, c) => {
        const [x, y] = Array.from(normalizeDimension(Float64Array.from([a, b, c]), minmax));
        if (a < b) expect(x).toBeLessThanOrEqual(y);
      }),
    );
  });
});

describe('settings keys are the settings\' own', () => {
  for (const source of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf']) {
    it(`takes a score dimension with source "${source}" as a column the book lacks, not as an existing blank one`, () => {
      const settings = Settings.parse({ score: { dimensions: [{ ...dimensions[0] }, { key: 'odd', label: `odd ${source}`, source, weight: 40 }] } });
      const run = scoreBook({ customers: table('Customers', customersWith([1, 2, 3])), deals: null, settings, asOfDay: 20_000 });
      expect(run.ok).toBe(true);
      if (run.ok) expect(run.result.notes.join(' ')).toContain(`Not scored on (no column): odd ${source}`);
    });
  }

  it('reads a column mapping only for fields the tab has, even when a key is named like an object property', () => {
    const settings = Settings.parse({ columns: { customers: { constructor: 'Name' } } });
    const run = scoreBook({ customers: table('Customers', customersWith([1, 2, 3])), deals: null, settings, asOfDay: 20_000 });
    expect(run.ok).toBe(true);
    if (run.ok) expect(run.result.issues.map((i) => i.message).join(' ')).toMatch(/no field 'constructor'/);
  });
});
