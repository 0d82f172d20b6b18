import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadJobResults, saveJobResults } from '../../../src/app/server/job-results.js';
import type { Cell } from '../../../src/core/table.js';

const Counted = z.object({ customers: z.number() });

/** A job's work with these columns and nothing else. */
function work(columns: { header: string; values: Cell[] }[], total = columns[0]?.values.length ?? 0) {
  return { columns, total, tabs: new Map(), state: null, summary: { customers: total }, read: ['Customers'] };
}

/** What a resume reads back from results saved for job `job-1` (through JSON, as in `TW State`). */
function roundTrip(saved: unknown) {
  return loadJobResults(JSON.parse(JSON.stringify(saved)), 'job-1', Counted);
}

/** The two ways a column can be written into `TW State`: each row's value, or the distinct values once and a code per row. */
function bothForms(header: string, values: Cell[]) {
  const asJson = (cell: Cell) => (cell instanceof Date ? { d: cell.getTime() } : cell);
  const keys = values.map((cell) => JSON.stringify(asJson(cell)));
  const distinctKeys = [...new Set(keys)];
  const asValues = JSON.stringify({ header, values: values.map(asJson) });
  const asCodes = JSON.stringify({ header, distinct: distinctKeys.map((k) => JSON.parse(k)), codes: keys.map((k) => distinctKeys.indexOf(k)) });
  return { asValues, asCodes };
}

const digitsThenRepeated = (repeated: Cell, times: number): Cell[] => [...Array.from({ length: 10 }, (_, k) => k), ...Array<Cell>(times).fill(repeated)];

describe('results a long job saves for its resume', () => {
  it('write each owned column in whichever form is the shorter text in TW State', () => {
    const columns: { header: string; values: Cell[] }[] = [
      { header: 'three-letter names, each twice', values: ['Ann', 'Bob', 'Cy', 'Dee', 'Eve', 'Fay', 'Gus', 'Hal', 'Ivy', 'Jo'].flatMap((n) => [n, n]) },
      { header: 'one digit on every row', values: Array<Cell>(20).fill(5) },
      { header: 'a short number three times', values: [12, 12, 12] },
      { header: 'ten digits, then a number ten times', values: digitsThenRepeated(1234, 10) },
      { header: 'ten digits, then the first day of 1970 four times', values: digitsThenRepeated(new Date(0), 4) },
      { header: 'ten digits, then a recent day four times', values: digitsThenRepeated(new Date(Date.UTC(2026, 10, 23)), 4) },
      { header: 'ten four-digit numbers, each three times', values: Array.from({ length: 30 }, (_, r) => 1000 + (r % 10)) },
    ];
    for (const { header, values } of columns) {
      const saved = saveJobResults('job-1', 0, work([{ header, values }]));
      const { asValues, asCodes } = bothForms(header, values);
      expect([header, JSON.stringify(saved.columns[0])]).toEqual([header, asValues.length <= asCodes.length ? asValues : asCodes]);
      expect(roundTrip(saved)!.columns[0].values).toEqual(values);
    }
  });

  it('give back blanks on the rows written before the job stopped', () => {
    const values: Cell[] = ['Ann', 'Bob', 'Ann', 'Bob', 'Ann'];
    for (const from of [0, 2, 5]) {
      const loaded = roundTrip(saveJobResults('job-1', from, work([{ header: 'Owner', values }])))!;
      expect(loaded.from).toBe(from);
      expect(loaded.columns[0].values).toStrictEqual([...Array<Cell>(from).fill(null), ...values.slice(from)]);
    }
  });

  it('are not used, so the job computes again, when they do not read back as what the job saved', () => {
    const saved = () => JSON.parse(JSON.stringify(saveJobResults('job-1', 0, work([{ header: 'Tier', values: ['A', 'A', 'A', 'A', 'B'] }, { header: 'Owner', values: ['Ann', 'Bob', 'Cy', 'Dee', 'Eve'] }]))));
    const load = (results: unknown) => loadJobResults(results, 'job-1', Counted);
    expect(saved().columns.map((c: object) => Object.keys(c))).toEqual([['header', 'distinct', 'codes'], ['header', 'values']]);
    expect(load(saved())).not.toBeNull();
    const changed = (edit: (results: any) => void) => {
      const results = saved();
      edit(results);
      return results;
    };
    const spoiled = {
      'a summary of another shape': changed((r) => (r.summary = { customers: 'five' })),
      'more rows than the saved columns hold': changed((r) => (r.total = 6)),
      'a code with no value': changed((r) => (r.columns[0].codes[4] = 2)),
      'a code written as text': changed((r) => (r.columns[0].codes[4] = '1')),
      'codes that are text': changed((r) => (r.columns[0].codes = '00001')),
      'values that are text': changed((r) => (r.columns[1].values = 'abcde')),
      'a missing cell': changed((r) => (r.columns[1].values[2] = undefined)),
      'a cell that is neither a value nor a day': changed((r) => (r.columns[1].values[2] = { name: 'Cy' })),
      'a day with no milliseconds': changed((r) => (r.columns[1].values[2] = { d: '2026-11-23' })),
      'a day with more than its milliseconds': changed((r) => (r.columns[1].values[2] = { d: 0, tz: 'UTC' })),
    };
    for (const [what, results] of Object.entries(spoiled)) expect([what, load(results)]).toEqual([what, null]);
  });
});
