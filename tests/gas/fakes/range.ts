/**
 * Range: a fixed rectangle of one sheet, 1-based like Apps Script. Reads build fresh arrays
 * (a new Date per date cell per call, '' for empty cells, never null); writes check the
 * data's shape first and change nothing when it is wrong, with Apps Script's messages.
 */
import { formatA1 } from './a1.js';
import { AUTOMATIC_FORMAT, interpretWrite, type Written } from './cell-input.js';
import { FakeDataValidation } from './data-validation.js';
import { displayValue } from './display.js';
import { DateCell, type CellValue, type Layer } from './grid.js';
import { isDate } from './realm.js';
import type { FakeSheet } from './sheet.js';
import { unwrap } from './surface.js';

type Range = GoogleAppsScript.Spreadsheet.Range;
type DataValidation = GoogleAppsScript.Spreadsheet.DataValidation;

/** Characters one cell may hold. */
export const CELL_CHARACTERS = 50_000;

export const RANGE_MEMBERS = [
  'getValue', 'getValues', 'getDisplayValue', 'getDisplayValues', 'getFormula', 'getFormulas', 'getNote', 'getNotes',
  'getNumberFormat', 'getNumberFormats', 'getDataValidation', 'getDataValidations',
  'setValue', 'setValues', 'setFormula', 'setFormulas', 'setNote', 'setNotes', 'setNumberFormat', 'setNumberFormats',
  'setDataValidation', 'setDataValidations', 'clearDataValidations', 'clear', 'clearContent', 'clearFormat', 'clearNote',
  'getRow', 'getColumn', 'getNumRows', 'getNumColumns', 'getHeight', 'getWidth', 'getLastRow', 'getLastColumn',
  'getA1Notation', 'getSheet', 'offset', 'protect',
] as const satisfies readonly (keyof Range)[];

export class FakeRange implements Pick<Range, (typeof RANGE_MEMBERS)[number]> {
  /** Handed to the script (not a test's `rawRange`): its reads and writes take Sheets' time. */
  byScript = false;

  constructor(
    readonly sheet: FakeSheet,
    readonly row: number,
    readonly column: number,
    readonly numRows: number,
    readonly numColumns: number,
  ) {}

  private get proxy(): Range {
    return this.sheet.rangeProxy(this);
  }

  /** The range as a script holds it (a rule's `getCriteriaValues()` hands it back). */
  exposedRange(): Range {
    return this.proxy;
  }

  /** The values as stored, uncounted: what a rule over this range lists when Sheets checks a cell. */
  rawCells(): CellValue[] {
    const cells: CellValue[] = [];
    const buffer: (CellValue | '')[] = new Array(this.numColumns);
    for (let r = 0; r < this.numRows; r++) {
      this.sheet.grid.values.readRow(this.row - 1 + r, this.column - 1, this.numColumns, '', buffer);
      cells.push(...buffer);
    }
    return cells;
  }

  private fail(message: string): never {
    return this.sheet.book.surface.realm.fail(message);
  }

  // ---- reading -------------------------------------------------------------------------

  private read<T, F, R>(layer: Layer<T>, fill: F, convert: (cell: T | F, row: number, column: number) => R): R[][] {
    if (this.byScript) this.sheet.book.surface.chargeCells('read', this.numRows * this.numColumns);
    const out: R[][] = new Array(this.numRows);
    const buffer: (T | F)[] = new Array(this.numColumns);
    for (let r = 0; r < this.numRows; r++) {
      layer.readRow(this.row - 1 + r, this.column - 1, this.numColumns, fill, buffer);
      const row: R[] = new Array(this.numColumns);
      for (let c = 0; c < this.numColumns; c++) row[c] = convert(buffer[c]!, r, c);
      out[r] = row;
    }
    return out;
  }

  getValues(): unknown[][] {
    const realm = this.sheet.book.surface.realm;
    return this.read(this.sheet.grid.values, '', (cell) => (cell instanceof DateCell ? realm.date(cell.ms) : cell));
  }

  getValue(): unknown {
    return this.corner().getValues()[0]![0];
  }

  getDisplayValues(): string[][] {
    const { grid } = this.sheet;
    const timeZone = this.sheet.book.timeZone;
    return this.read(grid.values, undefined, (cell, r, c) => displayValue(cell, grid.formats.get(this.row - 1 + r, this.column - 1 + c), timeZone));
  }

  getDisplayValue(): string {
    return this.corner().getDisplayValues()[0]![0]!;
  }

  getFormulas(): string[][] {
    return this.read(this.sheet.grid.formulas, '', (cell) => cell);
  }

  getFormula(): string {
    return this.corner().getFormulas()[0]![0]!;
  }

  getNotes(): string[][] {
    return this.read(this.sheet.grid.notes, '', (cell) => cell);
  }

  getNote(): string {
    return this.corner().getNotes()[0]![0]!;
  }

  getNumberFormats(): string[][] {
    return this.read(this.sheet.grid.formats, AUTOMATIC_FORMAT, (cell) => cell);
  }

  getNumberFormat(): string {
    return this.corner().getNumberFormats()[0]![0]!;
  }

  getDataValidations(): (DataValidation | null)[][] {
    return this.read(this.sheet.grid.validations, null, (rule) => rule?.exposed() ?? null);
  }

  getDataValidation(): DataValidation | null {
    return this.corner().getDataValidations()[0]![0]!;
  }

  // ---- writing -------------------------------------------------------------------------

  /** Apps Script's checks on a 2-D argument, in its order: rows first, then each row's width. */
  private checkShape(method: string, data: unknown): asserts data is unknown[][] {
    const signature = `The parameters (${typeName(data)}) don't match the method signature for SpreadsheetApp.Range.${method}.`;
    if (!Array.isArray(data)) this.fail(signature);
    if (data.length !== this.numRows) {
      this.fail(`The number of rows in the data does not match the number of rows in the range. The data has ${data.length} but the range has ${this.numRows}.`);
    }
    for (const row of data) {
      if (!Array.isArray(row)) this.fail(signature);
      if (row.length !== this.numColumns) {
        this.fail(`The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${this.numColumns}.`);
      }
    }
  }

  private filled<T>(value: T): T[][] {
    return Array.from({ length: this.numRows }, () => new Array<T>(this.numColumns).fill(value));
  }

  /** Writes interpreted contents; a cell whose list rule rejects invalid data refuses the whole write. */
  private writeContents(data: unknown[][]): void {
    const { grid, book } = this.sheet;
    this.sheet.checkEditable(this.row, this.column, this.numRows, this.numColumns);
    this.checkSize(data);
    if (this.byScript) book.surface.chargeCells('written', this.numRows * this.numColumns);
    const written: Written[][] = data.map((row, r) =>
      row.map((input, c) => interpretWrite(input, grid.formats.get(this.row - 1 + r, this.column - 1 + c), book.timeZone, book.evaluateFormula)),
    );
    written.forEach((row, r) =>
      row.forEach((cell, c) => {
        const rule = grid.validations.get(this.row - 1 + r, this.column - 1 + c);
        if (rule && !rule.spec.allowInvalid && !rule.accepts(cell.value)) {
          this.fail(`The data you entered in cell ${formatA1(this.row + r, this.column + c, 1, 1)} violates the data validation rules set on this cell.`);
        }
      }),
    );
    book.surface.calls.recordWrite({ sheet: this.sheet.name, row: this.row, column: this.column, numRows: this.numRows, numColumns: this.numColumns });
    written.forEach((row, r) =>
      row.forEach((cell, c) => {
        grid.values.set(this.row - 1 + r, this.column - 1 + c, cell.value);
        grid.formulas.set(this.row - 1 + r, this.column - 1 + c, cell.formula);
      }),
    );
  }

  /**
   * A cell holds at most 50,000 characters (Google Sheets Help, "Files you can store in
   * Google Drive": spreadsheets), with the message Sheets gives; a whole write is refused
   * above the environment's payload limit (environment.ts, `maxWriteBytes`).
   */
  private checkSize(data: readonly unknown[][]): void {
    let bytes = 2;
    for (const row of data) {
      bytes += 3;
      for (const cell of row) {
        if (typeof cell === 'string' && cell.length > CELL_CHARACTERS) this.fail(`Your input contains more than the maximum of ${CELL_CHARACTERS} characters in a single cell.`);
        bytes += (typeof cell === 'string' ? Buffer.byteLength(cell) + 2 : 8) + 1;
      }
    }
    const limit = this.sheet.book.surface.maxWriteBytes;
    if (bytes > limit) this.fail(`Request payload size exceeds the limit: ${limit} bytes.`);
  }

  setValues(values: unknown[][]): Range {
    this.checkShape('setValues', values);
    this.writeContents(values);
    return this.proxy;
  }

  setValue(value: unknown): Range {
    this.writeContents(this.filled(value));
    return this.proxy;
  }

  setFormulas(formulas: string[][]): Range {
    this.checkShape('setFormulas', formulas);
    this.writeContents(formulas);
    return this.proxy;
  }

  setFormula(formula: string): Range {
    this.writeContents(this.filled(formula));
    return this.proxy;
  }

  private writeLayer<T>(layer: Layer<T>, data: unknown[][], convert: (input: unknown) => T | undefined): void {
    data.forEach((row, r) => row.forEach((input, c) => layer.set(this.row - 1 + r, this.column - 1 + c, convert(input))));
  }

  setNotes(notes: unknown[][]): Range {
    this.checkShape('setNotes', notes);
    this.writeLayer(this.sheet.grid.notes, notes, textOrNothing);
    return this.proxy;
  }

  setNote(note: unknown): Range {
    this.writeLayer(this.sheet.grid.notes, this.filled(note), textOrNothing);
    return this.proxy;
  }

  setNumberFormats(formats: unknown[][]): Range {
    this.checkShape('setNumberFormats', formats);
    this.writeLayer(this.sheet.grid.formats, formats, textOrNothing);
    return this.proxy;
  }

  setNumberFormat(format: string): Range {
    this.writeLayer(this.sheet.grid.formats, this.filled(format), textOrNothing);
    return this.proxy;
  }

  private ruleOf(input: unknown): FakeDataValidation | undefined {
    if (input === null || input === undefined) return undefined;
    return unwrap(input, FakeDataValidation) ?? this.fail("The parameters don't match the method signature for SpreadsheetApp.Range.setDataValidation.");
  }

  setDataValidations(rules: (DataValidation | null)[][]): Range {
    this.checkShape('setDataValidations', rules);
    this.writeLayer(this.sheet.grid.validations, rules, (rule) => this.ruleOf(rule));
    return this.proxy;
  }

  setDataValidation(rule: DataValidation | null): Range {
    const stored = this.ruleOf(rule);
    this.writeLayer(this.sheet.grid.validations, this.filled(stored), () => stored);
    return this.proxy;
  }

  clearDataValidations(): Range {
    return this.setDataValidation(null);
  }

  clearContent(): Range {
    this.sheet.checkEditable(this.row, this.column, this.numRows, this.numColumns);
    this.writeLayer(this.sheet.grid.values, this.filled(undefined), () => undefined);
    this.writeLayer(this.sheet.grid.formulas, this.filled(undefined), () => undefined);
    return this.proxy;
  }

  clearFormat(): Range {
    this.writeLayer(this.sheet.grid.formats, this.filled(undefined), () => undefined);
    return this.proxy;
  }

  clearNote(): Range {
    this.writeLayer(this.sheet.grid.notes, this.filled(undefined), () => undefined);
    return this.proxy;
  }

  /** "Clears the range of contents and formats" (Range.clear() reference); notes and validation stay. */
  clear(): Range {
    this.clearContent();
    return this.clearFormat();
  }

  // ---- geometry ------------------------------------------------------------------------

  private corner(): FakeRange {
    return new FakeRange(this.sheet, this.row, this.column, 1, 1);
  }

  getRow(): number { return this.row; }
  getColumn(): number { return this.column; }
  getNumRows(): number { return this.numRows; }
  getNumColumns(): number { return this.numColumns; }
  getHeight(): number { return this.numRows; }
  getWidth(): number { return this.numColumns; }
  getLastRow(): number { return this.row + this.numRows - 1; }
  getLastColumn(): number { return this.column + this.numColumns - 1; }

  getA1Notation(): string {
    return formatA1(this.row, this.column, this.numRows, this.numColumns);
  }

  getSheet(): GoogleAppsScript.Spreadsheet.Sheet {
    return this.sheet.proxy;
  }

  /** Range.protect: protects this area only. */
  protect(): GoogleAppsScript.Spreadsheet.Protection {
    return this.sheet.addProtection({ row: this.row, column: this.column, lastRow: this.getLastRow(), lastColumn: this.getLastColumn() });
  }

  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): Range {
    return this.sheet.range(this.row + rowOffset, this.column + columnOffset, numRows ?? this.numRows, numColumns ?? this.numColumns);
  }
}

/** Notes and number formats are text; null, undefined and '' remove them. */
function textOrNothing(input: unknown): string | undefined {
  return input === null || input === undefined || input === '' ? undefined : String(input);
}

/** How Apps Script names an argument's type in its "parameters don't match" message. */
function typeName(value: unknown): string {
  if (Array.isArray(value)) return 'Object[]';
  if (isDate(value)) return 'Date';
  if (value === null) return 'null';
  if (typeof value === 'string') return 'String';
  if (typeof value === 'object') return 'Object';
  return typeof value;
}
