import { z } from 'zod';
import type { Cell } from '../../core/table.js';
import type { OwnedColumn } from '../ports.js';

/**
 * What a long job computed, saved once so that a resumed run writes on without computing
 * again (issue 11 item 3): computing a 50,000-customer rescore takes a good part of an
 * execution, and a run that had to compute again before each resume had that much less
 * time to write. In Sheets it is saved in column B of `TW State` (checked chunks, as the
 * state in column A), in the preview in memory.
 *
 * Saved: the owned columns from the first row not yet written, each as its values or, for
 * a column of few distinct values (tiers, segments, the as-of date), those values once and
 * a number per row; the whole tabs the job writes at its end (the dashboard); the state the
 * use case saves at its end; the summary the caller returns; the names of the tabs it read,
 * so a resume can check their fingerprint. Nothing is saved for a job written in one chunk.
 */

/** A cell as JSON can carry it: a date as `{ d: milliseconds }`. */
type SavedCell = string | number | boolean | null | { d: number };

function isSavedCell(value: unknown): value is SavedCell {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return true;
  return typeof value === 'object' && typeof (value as { d?: unknown }).d === 'number' && Object.keys(value).length === 1;
}

/** Checked in one loop: zod's array machinery over a million cells costs seconds. */
const SavedCells = z.custom<SavedCell[]>((value) => Array.isArray(value) && value.every(isSavedCell), { message: 'expected saved cells' });
const Codes = z.custom<number[]>((value) => Array.isArray(value) && value.every((code) => Number.isInteger(code) && code >= 0), { message: 'expected codes' });

const SavedColumn = z.union([
  z.object({ header: z.string(), values: SavedCells }),
  z.object({ header: z.string(), distinct: SavedCells, codes: Codes }),
]);

export const JobResults = z.object({
  /** The cursor that goes with these results names this id (fingerprint and start of the job). */
  id: z.string(),
  /** The row the saved columns start at. */
  from: z.number().int().min(0),
  total: z.number().int().min(0),
  columns: z.array(SavedColumn),
  tabs: z.array(z.object({ tab: z.string(), rows: z.array(SavedCells) })),
  /** What the use case saved, to be saved once the last row is written; null when it saved nothing. */
  state: z.object({ value: z.unknown() }).nullable(),
  summary: z.unknown(),
  read: z.array(z.string()),
});
type JobResults = z.infer<typeof JobResults>;

/** What a job writes, in the form it computed it. */
export interface JobWork<T> {
  readonly columns: readonly OwnedColumn[];
  readonly total: number;
  readonly tabs: ReadonlyMap<string, readonly (readonly Cell[])[]>;
  readonly state: { readonly value: unknown } | null;
  readonly summary: T;
  readonly read: readonly string[];
}

function saveCell(cell: Cell): SavedCell {
  return cell instanceof Date ? { d: cell.getTime() } : cell;
}

function loadCell(cell: SavedCell): Cell {
  return cell !== null && typeof cell === 'object' ? new Date(cell.d) : cell;
}

/**
 * A column is saved as its distinct values and a code per row when that is the shorter
 * text: every row that repeats a value then costs its code instead of the value. Measured
 * rather than guessed from a count of values: `TW Why` repeats a third of its rows in a
 * 50,000-customer book, and its repeats are long sentences, while a column of short
 * numbers gains little from codes. The results are written into cells (`TW State`), so
 * their length is write requests in Sheets.
 */
function saveColumn(column: OwnedColumn, from: number): z.infer<typeof SavedColumn> {
  const values = column.values.slice(from);
  const codeOf = new Map<unknown, number>();
  const distinct: SavedCell[] = [];
  const codes: number[] = new Array(values.length);
  const counts: number[] = [];
  for (let r = 0; r < values.length; r++) {
    const cell = values[r];
    const key = cell instanceof Date ? `d${cell.getTime()}` : cell;
    let code = codeOf.get(key);
    if (code === undefined) {
      code = distinct.length;
      codeOf.set(key, code);
      distinct.push(saveCell(cell));
      counts.push(0);
    }
    counts[code]++;
    codes[r] = code;
  }
  // Measured per distinct value, not per row: turning a number into text is the dear part.
  let repeatsLength = 0;
  let codesLength = 0;
  for (let code = 0; code < distinct.length; code++) {
    if (counts[code] > 1) repeatsLength += (counts[code] - 1) * savedLength(distinct[code]);
    codesLength += counts[code] * (digits(code) + 1);
  }
  return repeatsLength > codesLength ? { header: column.header, distinct, codes } : { header: column.header, values: values.map(saveCell) };
}

/** About the length of a saved cell in the JSON, its comma included. */
function savedLength(cell: SavedCell): number {
  if (typeof cell === 'string') return cell.length + 3;
  return (cell !== null && typeof cell === 'object' ? `{"d":${cell.d}}` : String(cell)).length + 1;
}

function digits(code: number): number {
  let count = 1;
  for (let rest = code; rest >= 10; rest = Math.floor(rest / 10)) count++;
  return count;
}

export function saveJobResults<T>(id: string, from: number, work: JobWork<T>): JobResults {
  return {
    id,
    from,
    total: work.total,
    columns: work.columns.map((column) => saveColumn(column, from)),
    tabs: [...work.tabs].map(([tab, rows]) => ({ tab, rows: rows.map((row) => row.map(saveCell)) })),
    state: work.state ? { value: work.state.value } : null,
    summary: work.summary,
    read: [...work.read],
  };
}

/**
 * The saved results of job `id`, in the form the job writes them (columns over every row,
 * blank before `from`), or null when there are none, they belong to another job, or they
 * do not read back: the job then computes again, as it would have without them.
 */
export function loadJobResults<T>(saved: unknown, id: string, summary: z.ZodType<T>): (JobWork<T> & { readonly from: number }) | null {
  const parsed = JobResults.safeParse(saved);
  if (!parsed.success || parsed.data.id !== id) return null;
  const results = parsed.data;
  const output = summary.safeParse(results.summary);
  if (!output.success) return null;
  const columns: OwnedColumn[] = [];
  for (const column of results.columns) {
    const values: Cell[] = new Array(results.total).fill(null);
    const rows = 'values' in column ? column.values.length : column.codes.length;
    if (results.from + rows !== results.total) return null;
    for (let r = 0; r < rows; r++) {
      const cell = 'values' in column ? column.values[r] : column.distinct[column.codes[r]];
      if (cell === undefined) return null;
      values[results.from + r] = loadCell(cell);
    }
    columns.push({ header: column.header, values });
  }
  return {
    from: results.from,
    columns,
    total: results.total,
    tabs: new Map(results.tabs.map(({ tab, rows }) => [tab, rows.map((row) => row.map(loadCell))])),
    state: results.state,
    summary: output.data,
    read: results.read,
  };
}
