/**
 * Spreadsheet: an ordered list of sheets with an id, a name and a time zone (the zone in
 * which date cells are read and typed dates parsed). Sheet names are unique ignoring case
 * and getSheetByName ignores case, as Sheets does.
 */
import type { Span, RangeResolver } from './conditional-format.js';
import type { CellValue } from './grid.js';
import { FakeRange } from './range.js';
import { FakeSheet } from './sheet.js';
import type { Host } from './host.js';
import { expose, unwrap } from './surface.js';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const SPREADSHEET_MEMBERS = [
  'getId', 'getName', 'rename', 'getUrl', 'getSpreadsheetTimeZone', 'setSpreadsheetTimeZone', 'getSheetByName', 'getSheets',
  'getSheetById', 'getNumSheets', 'insertSheet', 'deleteSheet', 'getActiveSheet', 'toast',
] as const satisfies readonly (keyof Spreadsheet)[];

/** Sheets' limit on the whole spreadsheet. */
export const CELL_LIMIT = 10_000_000;
/** A new sheet's grid, as Sheets makes it. */
export const NEW_SHEET_ROWS = 1000;
export const NEW_SHEET_COLUMNS = 26;

export interface Toast {
  readonly message: string;
  readonly title: string;
  readonly timeoutSeconds: number | null;
}

export interface SpreadsheetOptions {
  readonly id: string;
  readonly name: string;
  readonly timeZone: string;
  readonly evaluateFormula: (formula: string) => CellValue;
}

export class FakeSpreadsheet implements Pick<Spreadsheet, (typeof SPREADSHEET_MEMBERS)[number]>, RangeResolver {
  readonly sheets: FakeSheet[] = [];
  readonly toasts: Toast[] = [];
  readonly proxy: Spreadsheet;
  readonly id: string;
  name: string;
  timeZone: string;
  readonly evaluateFormula: (formula: string) => CellValue;
  private nextSheetId = 0;
  private lastChartId = 0;

  constructor(readonly surface: Host, options: SpreadsheetOptions) {
    this.id = options.id;
    this.name = options.name;
    this.timeZone = options.timeZone;
    this.evaluateFormula = options.evaluateFormula;
    this.proxy = expose<Spreadsheet>(this, 'Spreadsheet', SPREADSHEET_MEMBERS, surface);
  }

  private fail(message: string): never {
    return this.surface.realm.fail(message);
  }

  /** Chart ids are unique in the spreadsheet, as in the Sheets API. */
  nextChartId(): number {
    return ++this.lastChartId;
  }

  /** Adds a sheet without counting a call: how tests build the book. */
  addSheet(name: string, rows = NEW_SHEET_ROWS, columns = NEW_SHEET_COLUMNS, index = this.sheets.length): FakeSheet {
    this.checkNewName(name, null);
    this.checkCellLimit(rows * columns);
    const sheet = new FakeSheet(this, name, this.nextSheetId++, rows, columns);
    this.sheets.splice(index, 0, sheet);
    return sheet;
  }

  sheetNamed(name: string): FakeSheet | undefined {
    const wanted = String(name).toLowerCase();
    return this.sheets.find((sheet) => sheet.name.toLowerCase() === wanted);
  }

  checkNewName(name: string, renamed: FakeSheet | null): void {
    const clash = this.sheetNamed(name);
    if (clash && clash !== renamed) this.fail(`A sheet with the name "${name}" already exists. Please enter another name.`);
    if (name.trim() === '') this.fail('Sheet names cannot be empty.');
  }

  checkCellLimit(added: number): void {
    const cells = this.sheets.reduce((sum, sheet) => sum + sheet.maxRows * sheet.maxColumns, 0);
    if (cells + added > CELL_LIMIT) {
      this.fail(`This action would increase the number of cells in the workbook above the limit of ${CELL_LIMIT} cells.`);
    }
  }

  // ---- RangeResolver, for conditional-format rules -------------------------------------

  spanOf(range: unknown): Span | null {
    const raw = unwrap(range, FakeRange);
    return raw ? { row: raw.row, column: raw.column, numRows: raw.numRows, numColumns: raw.numColumns, sheetId: raw.sheet.sheetId } : null;
  }

  rangeOf(span: Span): GoogleAppsScript.Spreadsheet.Range {
    const sheet = this.sheets.find((s) => s.sheetId === span.sheetId);
    if (!sheet) return this.fail('Range not found');
    return sheet.range(span.row, span.column, span.numRows, span.numColumns);
  }

  // ---- the Apps Script surface ---------------------------------------------------------

  getId(): string { return this.id; }
  getName(): string { return this.name; }
  getUrl(): string { return `https://docs.google.com/spreadsheets/d/${this.id}/edit`; }
  getSpreadsheetTimeZone(): string { return this.timeZone; }
  getNumSheets(): number { return this.sheets.length; }
  getSheets(): Sheet[] { return this.sheets.map((sheet) => sheet.proxy); }

  rename(newName: string): void {
    this.name = String(newName);
  }

  setSpreadsheetTimeZone(timezone: string): void {
    this.timeZone = timezone;
  }

  getSheetByName(name: string): Sheet | null {
    return this.sheetNamed(name)?.proxy ?? null;
  }

  getSheetById(id: number): Sheet | null {
    return this.sheets.find((sheet) => sheet.sheetId === id)?.proxy ?? null;
  }

  getActiveSheet(): Sheet {
    return (this.sheets.find((sheet) => !sheet.hidden) ?? this.sheets[0]!).proxy;
  }

  /** insertSheet(), insertSheet(name), insertSheet(name, index) and insertSheet(index); templates are not supported. */
  insertSheet(nameOrIndex?: unknown, index?: unknown, options?: unknown): Sheet {
    if ((typeof index !== 'number' && index !== undefined) || options !== undefined || (typeof nameOrIndex !== 'string' && typeof nameOrIndex !== 'number' && nameOrIndex !== undefined)) {
      this.fail('not supported by the stand-in: Spreadsheet.insertSheet with a template');
    }
    const name = typeof nameOrIndex === 'string' ? nameOrIndex : this.freeName();
    const at = typeof nameOrIndex === 'number' ? nameOrIndex : (index ?? this.sheets.length);
    if (!Number.isInteger(at) || at < 0 || at > this.sheets.length) this.fail(`Sheet index ${at} is out of range.`);
    return this.addSheet(name, NEW_SHEET_ROWS, NEW_SHEET_COLUMNS, at).proxy;
  }

  private freeName(): string {
    let n = this.sheets.length + 1;
    while (this.sheetNamed(`Sheet${n}`)) n++;
    return `Sheet${n}`;
  }

  deleteSheet(sheet: Sheet): void {
    const raw = unwrap(sheet, FakeSheet);
    if (!raw || raw.book !== this || !this.sheets.includes(raw)) this.fail('Sheet not found');
    if (this.sheets.every((s) => s === raw || s.hidden)) this.fail("You can't remove all the visible sheets in a document.");
    this.sheets.splice(this.sheets.indexOf(raw), 1);
  }

  toast(msg: string, title = '', timeoutSeconds: number | null = 5): void {
    this.toasts.push({ message: String(msg), title: String(title), timeoutSeconds });
  }
}
