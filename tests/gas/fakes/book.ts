/**
 * Building books for tests and comparing them. `sheetFromRows` describes a tab the way a
 * user's spreadsheet holds it (values as given, no parsing; formulas with the cached value
 * from `rows`); `snapshotSheet` lists every cell that holds anything, by A1 address, so a
 * test can compare before and after a run and name the cells that changed. A snapshot
 * costs about 1.5 s per million filled cells: meant for test-sized books, not benchmarks.
 */
import { columnLetters, formatA1 } from './a1.js';
import type { FakeDataValidation } from './data-validation.js';
import { DateCell, type CellValue } from './grid.js';
import { isDate } from './realm.js';
import type { FakeSheet } from './sheet.js';
import { NEW_SHEET_COLUMNS, NEW_SHEET_ROWS, type FakeSpreadsheet } from './spreadsheet.js';

type Grid<T> = readonly (readonly (T | null | undefined)[])[];

export interface SheetSpec {
  readonly name: string;
  readonly rows: Grid<unknown>;
  readonly formulas?: Grid<string>;
  readonly notes?: Grid<string>;
  readonly formats?: Grid<string>;
  readonly maxRows?: number;
  readonly maxColumns?: number;
  readonly frozenRows?: number;
  readonly hidden?: boolean;
}

export type SheetExtras = Omit<SheetSpec, 'name' | 'rows'>;

export function sheetFromRows(name: string, rows: Grid<unknown>, extras: SheetExtras = {}): SheetSpec {
  return { name, rows, ...extras };
}

function stored(value: unknown): CellValue | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  if (isDate(value)) return new DateCell(value.getTime());
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  throw new TypeError(`a cell holds a string, number, boolean or Date, not ${String(value)}`);
}

/** Adds the described tab to `book`; a new sheet's grid is at least 1000 × 26, as in Sheets. */
export function addSheetTo(book: FakeSpreadsheet, spec: SheetSpec): FakeSheet {
  const grids = [spec.rows, spec.formulas, spec.notes, spec.formats].filter((g): g is Grid<unknown> => g !== undefined);
  // Loops, not Math.max(...rows): a spread of 500,000 rows overflows the call stack.
  let height = 0;
  let width = 0;
  for (const g of grids) {
    height = Math.max(height, g.length);
    for (const row of g) width = Math.max(width, row.length);
  }
  const sheet = book.addSheet(spec.name, spec.maxRows ?? Math.max(NEW_SHEET_ROWS, height), spec.maxColumns ?? Math.max(NEW_SHEET_COLUMNS, width));
  if (height > sheet.maxRows || width > sheet.maxColumns) throw new RangeError(`${spec.name}: the data does not fit in ${sheet.maxRows} × ${sheet.maxColumns}`);
  const { grid } = sheet;
  spec.rows.forEach((row, r) => row.forEach((value, c) => grid.values.set(r, c, stored(value))));
  spec.formulas?.forEach((row, r) => row.forEach((f, c) => grid.formulas.set(r, c, f || undefined)));
  spec.notes?.forEach((row, r) => row.forEach((n, c) => grid.notes.set(r, c, n || undefined)));
  spec.formats?.forEach((row, r) => row.forEach((f, c) => grid.formats.set(r, c, f || undefined)));
  sheet.frozenRows = spec.frozenRows ?? 0;
  sheet.hidden = spec.hidden ?? false;
  return sheet;
}

export interface CellSnapshot {
  readonly value?: string | number | boolean | Date;
  readonly formula?: string;
  readonly note?: string;
  readonly format?: string;
  readonly validation?: { readonly criteria: string; readonly values: readonly string[]; readonly allowInvalid: boolean; readonly range?: string };
}

export interface SheetSnapshot {
  readonly name: string;
  readonly maxRows: number;
  readonly maxColumns: number;
  readonly frozenRows: number;
  readonly hidden: boolean;
  /** Every cell that holds anything, by A1 address. */
  readonly cells: Readonly<Record<string, CellSnapshot>>;
}

export function snapshotSheet(sheet: FakeSheet): SheetSnapshot {
  const cells: Record<string, CellSnapshot> = {};
  const { values, formulas, notes, formats, validations } = sheet.grid;
  const layers = [values, formulas, notes, formats, validations];
  const height = Math.max(...layers.map((layer) => layer.lastRow())) + 1;
  const width = Math.max(...layers.map((layer) => layer.lastColumn())) + 1;
  const letters = Array.from({ length: width }, (_, c) => columnLetters(c + 1));
  const row = { value: [] as (CellValue | undefined)[], formula: [] as (string | undefined)[], note: [] as (string | undefined)[], format: [] as (string | undefined)[] };
  const rules: (FakeDataValidation | undefined)[] = [];
  for (let r = 0; r < height; r++) {
    values.readRow(r, 0, width, undefined, row.value);
    formulas.readRow(r, 0, width, undefined, row.formula);
    notes.readRow(r, 0, width, undefined, row.note);
    formats.readRow(r, 0, width, undefined, row.format);
    validations.readRow(r, 0, width, undefined, rules);
    for (let c = 0; c < width; c++) {
      const value = row.value[c];
      const rule = rules[c];
      if (value === undefined && row.formula[c] === undefined && row.note[c] === undefined && row.format[c] === undefined && !rule) continue;
      const cell: { -readonly [K in keyof CellSnapshot]: CellSnapshot[K] } = {};
      if (value !== undefined) cell.value = value instanceof DateCell ? new Date(value.ms) : value;
      if (row.formula[c] !== undefined) cell.formula = row.formula[c];
      if (row.note[c] !== undefined) cell.note = row.note[c];
      if (row.format[c] !== undefined) cell.format = row.format[c];
      if (rule) {
        const range = rule.spec.range;
        cell.validation = { criteria: String(rule.spec.criteria), values: [...rule.spec.values], allowInvalid: rule.spec.allowInvalid, ...(range ? { range: `'${range.sheet.name}'!${formatA1(range.row, range.column, range.numRows, range.numColumns)}` } : {}) };
      }
      cells[`${letters[c]}${r + 1}`] = cell;
    }
  }
  return { name: sheet.name, maxRows: sheet.maxRows, maxColumns: sheet.maxColumns, frozenRows: sheet.frozenRows, hidden: sheet.hidden, cells };
}

/** A1 addresses whose value, formula, note, format or validation differ, in address order. */
export function changedCells(before: SheetSnapshot, after: SheetSnapshot): string[] {
  const addresses = new Set([...Object.keys(before.cells), ...Object.keys(after.cells)]);
  const same = (a: CellSnapshot | undefined, b: CellSnapshot | undefined): boolean => JSON.stringify(a ?? {}) === JSON.stringify(b ?? {});
  return [...addresses].filter((a1) => !same(before.cells[a1], after.cells[a1])).sort(byAddress);
}

function byAddress(a: string, b: string): number {
  const parse = (a1: string): [number, string] => {
    const [, letters = '', digits = '0'] = /^([A-Z]+)(\d+)$/.exec(a1) ?? [];
    return [Number(digits), letters.padStart(3, ' ')];
  };
  const [[ra, ca], [rb, cb]] = [parse(a), parse(b)];
  return ra - rb || ca.localeCompare(cb);
}
