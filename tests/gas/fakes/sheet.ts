/**
 * Sheet: a grid of `maxRows` × `maxColumns` cells. As in Sheets, a range must lie inside
 * the grid (getRange beyond it throws; nothing grows by writing), and only
 * insertRows…/insertColumns…/appendRow make it bigger. Inserting or deleting lines moves
 * cells with all they hold (values, formulas, notes, formats, validation) and moves
 * conditional-format ranges; formula text is not rewritten (Sheets would adjust references).
 */
import { parseA1 } from './a1.js';
import { copySpec, ruleSpecOf, FakeConditionalFormatRule, type ConditionalSpec, type Span } from './conditional-format.js';
import type { FakeDataValidation } from './data-validation.js';
import { CellGrid } from './grid.js';
import { FakeEmbeddedChart, FakeEmbeddedChartBuilder } from './chart.js';
import { ProtectionType } from './enums.js';
import { FakeProtection, PROTECTED_MESSAGE, type ProtectedArea } from './protection.js';
import { FakeRange, RANGE_MEMBERS } from './range.js';
import { FakeRangeList } from './range-list.js';
import type { FakeSpreadsheet } from './spreadsheet.js';
import { expose, unwrap } from './surface.js';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

export const SHEET_MEMBERS = [
  'getName', 'setName', 'getSheetId', 'getIndex', 'getParent', 'getLastRow', 'getLastColumn', 'getMaxRows', 'getMaxColumns',
  'getRange', 'getRangeList', 'getDataRange', 'insertColumnAfter', 'insertColumnsAfter', 'insertColumnBefore', 'insertColumnsBefore',
  'deleteColumn', 'deleteColumns', 'insertRowAfter', 'insertRowsAfter', 'insertRowBefore', 'insertRowsBefore',
  'deleteRow', 'deleteRows', 'appendRow', 'hideSheet', 'showSheet', 'isSheetHidden', 'setFrozenRows', 'getFrozenRows',
  'setFrozenColumns', 'getFrozenColumns', 'getConditionalFormatRules', 'setConditionalFormatRules',
  'clear', 'clearContents', 'clearFormats', 'clearNotes', 'newChart', 'insertChart', 'getCharts', 'removeChart',
  'protect', 'getProtections',
] as const satisfies readonly (keyof Sheet)[];

type Axis = 'row' | 'column';

export class FakeSheet implements Pick<Sheet, (typeof SHEET_MEMBERS)[number]> {
  readonly grid: CellGrid<FakeDataValidation>;
  readonly proxy: Sheet;
  hidden = false;
  frozenRows = 0;
  frozenColumns = 0;
  conditionalRules: ConditionalSpec[] = [];
  /** Charts on the sheet, in insertion order (clearing the sheet leaves them, as in Sheets). */
  readonly charts: FakeEmbeddedChart[] = [];
  /** Protections of the sheet and of its ranges, oldest first. */
  readonly protections: FakeProtection[] = [];
  private readonly rangeProxies = new WeakMap<FakeRange, Range>();

  constructor(
    readonly book: FakeSpreadsheet,
    public name: string,
    readonly sheetId: number,
    public maxRows: number,
    public maxColumns: number,
  ) {
    this.grid = new CellGrid<FakeDataValidation>(book.surface.pending);
    this.proxy = expose<Sheet>(this, 'Sheet', SHEET_MEMBERS, book.surface);
  }

  private fail(message: string): never {
    return this.book.surface.realm.fail(message);
  }

  rangeProxy(range: FakeRange): Range {
    let proxy = this.rangeProxies.get(range);
    range.byScript = true;
    if (!proxy) {
      proxy = expose<Range>(range, 'Range', RANGE_MEMBERS, this.book.surface);
      this.rangeProxies.set(range, proxy);
    }
    return proxy;
  }

  /** A checked range, exposed to the script. */
  range(row: number, column: number, numRows = 1, numColumns = 1): Range {
    return this.rangeProxy(this.rawRange(row, column, numRows, numColumns));
  }

  /** A checked range for the stand-ins' own use (not counted); the messages are Apps Script's. */
  rawRange(row: number, column: number, numRows = 1, numColumns = 1): FakeRange {
    for (const n of [row, column, numRows, numColumns]) {
      if (typeof n !== 'number' || !Number.isInteger(n)) this.fail(`Cannot convert '${String(n)}' to int.`);
    }
    if (row < 1) this.fail('The starting row of the range is too small.');
    if (column < 1) this.fail('The starting column of the range is too small.');
    if (numRows < 1) this.fail('The number of rows in the range must be at least 1.');
    if (numColumns < 1) this.fail('The number of columns in the range must be at least 1.');
    if (row + numRows - 1 > this.maxRows || column + numColumns - 1 > this.maxColumns) {
      this.fail('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return new FakeRange(this, row, column, numRows, numColumns);
  }

  getRange(rowOrA1: number | string, column?: number, numRows?: number, numColumns?: number): Range {
    if (typeof rowOrA1 !== 'string') return this.range(rowOrA1, column ?? Number.NaN, numRows, numColumns);
    return this.rangeProxy(this.rangeAt(rowOrA1));
  }

  /** "Returns the RangeList … specified by a non-empty list of A1 notations" (Sheet.getRangeList reference). */
  getRangeList(a1Notations: string[]): GoogleAppsScript.Spreadsheet.RangeList {
    if (!Array.isArray(a1Notations) || a1Notations.length === 0) {
      this.fail("The parameters don't match the method signature for SpreadsheetApp.Sheet.getRangeList.");
    }
    return new FakeRangeList(a1Notations.map((text) => this.rangeAt(text)), this.book.surface).proxy;
  }

  private rangeAt(text: unknown): FakeRange {
    const a1 = typeof text === 'string' ? parseA1(text) : null;
    if (!a1) return this.fail('Range not found');
    const row = a1.row ?? 1;
    const first = a1.column ?? 1;
    return this.rawRange(row, first, (a1.lastRow ?? this.maxRows) - row + 1, (a1.lastColumn ?? this.maxColumns) - first + 1);
  }

  getDataRange(): Range {
    return this.range(1, 1, Math.max(1, this.getLastRow()), Math.max(1, this.getLastColumn()));
  }

  newChart(): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder {
    return new FakeEmbeddedChartBuilder(this).proxy;
  }

  insertChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    const raw = unwrap(chart, FakeEmbeddedChart);
    if (!raw || raw.sheet !== this) this.fail('Invalid argument: chart');
    if (!this.charts.includes(raw)) this.charts.push(raw);
  }

  getCharts(): GoogleAppsScript.Spreadsheet.EmbeddedChart[] {
    return this.charts.map((c) => c.proxy);
  }

  removeChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    const raw = unwrap(chart, FakeEmbeddedChart);
    const at = raw ? this.charts.indexOf(raw) : -1;
    if (at >= 0) this.charts.splice(at, 1);
  }

  /** "Creates an object that can protect the sheet from being edited except by users who have permission" (Sheet.protect). */
  protect(): GoogleAppsScript.Spreadsheet.Protection {
    const existing = this.protections.find((p) => p.area === null);
    if (existing) return existing.proxy;
    return this.addProtection(null);
  }

  addProtection(area: ProtectedArea | null): GoogleAppsScript.Spreadsheet.Protection {
    const host = this.book.surface;
    const protection = new FakeProtection(host, area ? ProtectionType.RANGE : ProtectionType.SHEET, area, (p) => this.protections.splice(this.protections.indexOf(p), 1));
    this.protections.push(protection);
    return protection.proxy;
  }

  getProtections(type: GoogleAppsScript.Spreadsheet.ProtectionType): GoogleAppsScript.Spreadsheet.Protection[] {
    return this.protections.filter((p) => p.type === (type as unknown)).map((p) => p.proxy);
  }

  /** Throws Sheets' message when the current user may not edit a protected part of the area (warning-only never stops a script). */
  checkEditable(row: number, column: number, numRows: number, numColumns: number): void {
    if (this.protections.some((p) => p.covers(row, column, numRows, numColumns) && !p.canEdit())) this.fail(PROTECTED_MESSAGE);
  }

  getName(): string { return this.name; }
  getSheetId(): number { return this.sheetId; }
  getIndex(): number { return this.book.sheets.indexOf(this) + 1; }
  getParent(): GoogleAppsScript.Spreadsheet.Spreadsheet { return this.book.proxy; }
  getLastRow(): number { return this.grid.lastContentRow() + 1; }
  getLastColumn(): number { return this.grid.lastContentColumn() + 1; }
  getMaxRows(): number { return this.maxRows; }
  getMaxColumns(): number { return this.maxColumns; }
  isSheetHidden(): boolean { return this.hidden; }
  getFrozenRows(): number { return this.frozenRows; }
  getFrozenColumns(): number { return this.frozenColumns; }

  setName(name: string): Sheet {
    this.book.checkNewName(String(name), this);
    this.name = String(name);
    return this.proxy;
  }

  // ---- growing and shrinking -----------------------------------------------------------

  /** Inserts `count` lines so that the first new one is line `at` (1-based). */
  private insertLines(axis: Axis, at: number, count: number): Sheet {
    const max = axis === 'row' ? this.maxRows : this.maxColumns;
    if (!Number.isInteger(at) || !Number.isInteger(count) || at < 1 || at > max + 1 || count < 1) {
      this.fail(`Those ${axis}s are out of bounds.`);
    }
    this.book.checkCellLimit(axis === 'row' ? count * this.maxColumns : count * this.maxRows);
    if (axis === 'row') {
      this.grid.insertRows(at - 1, count);
      this.maxRows += count;
    } else {
      this.grid.insertColumns(at - 1, count);
      this.maxColumns += count;
    }
    this.moveRuleSpans(axis, at, count);
    return this.proxy;
  }

  private deleteLines(axis: Axis, at: number, count: number): Sheet {
    const max = axis === 'row' ? this.maxRows : this.maxColumns;
    if (!Number.isInteger(at) || !Number.isInteger(count) || at < 1 || count < 1 || at + count - 1 > max) {
      this.fail(`Those ${axis}s are out of bounds.`);
    }
    if (count === max) this.fail(`Sorry, it is not possible to delete all non-frozen ${axis}s.`);
    if (axis === 'row') {
      this.grid.deleteRows(at - 1, count);
      this.maxRows -= count;
    } else {
      this.grid.deleteColumns(at - 1, count);
      this.maxColumns -= count;
    }
    this.moveRuleSpans(axis, at, -count);
    return this.proxy;
  }

  /** Conditional-format ranges follow their cells; a range whose cells are all deleted goes. */
  private moveRuleSpans(axis: Axis, at: number, delta: number): void {
    const [start, size] = axis === 'row' ? (['row', 'numRows'] as const) : (['column', 'numColumns'] as const);
    const moved = (span: Span): Span | null => {
      const first = span[start];
      const last = first + span[size] - 1;
      if (delta > 0) {
        if (first >= at) return { ...span, [start]: first + delta };
        return last >= at ? { ...span, [size]: span[size] + delta } : span;
      }
      const gone = [at, at - delta - 1];
      const keptBefore = Math.max(0, Math.min(last, gone[0]! - 1) - first + 1);
      const keptAfter = Math.max(0, last - Math.max(first, gone[1]! + 1) + 1);
      if (keptBefore + keptAfter === 0) return null;
      return { ...span, [start]: first < at ? first : Math.max(at, first + delta), [size]: keptBefore + keptAfter };
    };
    this.conditionalRules = this.conditionalRules
      .map((rule) => ({ ...rule, spans: rule.spans.map((span) => (span.sheetId === this.sheetId ? moved(span) : span)).filter((span): span is Span => span !== null) }))
      .filter((rule) => rule.spans.length > 0);
  }

  insertColumnsAfter(afterPosition: number, howMany: number): Sheet { return this.insertLines('column', afterPosition + 1, howMany); }
  insertColumnAfter(afterPosition: number): Sheet { return this.insertLines('column', afterPosition + 1, 1); }
  insertColumnsBefore(beforePosition: number, howMany: number): Sheet { return this.insertLines('column', beforePosition, howMany); }
  insertColumnBefore(beforePosition: number): Sheet { return this.insertLines('column', beforePosition, 1); }
  deleteColumns(columnPosition: number, howMany: number): void { this.deleteLines('column', columnPosition, howMany); }
  deleteColumn(columnPosition: number): Sheet { return this.deleteLines('column', columnPosition, 1); }
  insertRowsAfter(afterPosition: number, howMany: number): Sheet { return this.insertLines('row', afterPosition + 1, howMany); }
  insertRowAfter(afterPosition: number): Sheet { return this.insertLines('row', afterPosition + 1, 1); }
  insertRowsBefore(beforePosition: number, howMany: number): Sheet { return this.insertLines('row', beforePosition, howMany); }
  insertRowBefore(beforePosition: number): Sheet { return this.insertLines('row', beforePosition, 1); }
  deleteRows(rowPosition: number, howMany: number): void { this.deleteLines('row', rowPosition, howMany); }
  deleteRow(rowPosition: number): Sheet { return this.deleteLines('row', rowPosition, 1); }

  /** Writes after the last row with content, growing the sheet by a row (and columns) when full. */
  appendRow(rowContents: unknown[]): Sheet {
    if (!Array.isArray(rowContents) || rowContents.length === 0) {
      this.fail("The parameters don't match the method signature for SpreadsheetApp.Sheet.appendRow.");
    }
    const row = this.getLastRow() + 1;
    if (row > this.maxRows) this.insertLines('row', this.maxRows + 1, 1);
    if (rowContents.length > this.maxColumns) this.insertLines('column', this.maxColumns + 1, rowContents.length - this.maxColumns);
    this.rawRange(row, 1, 1, rowContents.length).setValues([rowContents]);
    return this.proxy;
  }

  // ---- look ------------------------------------------------------------------------------

  hideSheet(): Sheet {
    if (this.book.sheets.every((sheet) => sheet === this || sheet.hidden)) this.fail("You can't hide all the sheets in a document.");
    this.hidden = true;
    return this.proxy;
  }

  showSheet(): Sheet {
    this.hidden = false;
    return this.proxy;
  }

  setFrozenRows(rows: number): void {
    if (!Number.isInteger(rows) || rows < 0 || rows >= this.maxRows) this.fail(`Cannot freeze ${rows} rows of a sheet with ${this.maxRows}.`);
    this.frozenRows = rows;
  }

  setFrozenColumns(columns: number): void {
    if (!Number.isInteger(columns) || columns < 0 || columns >= this.maxColumns) this.fail(`Cannot freeze ${columns} columns of a sheet with ${this.maxColumns}.`);
    this.frozenColumns = columns;
  }

  getConditionalFormatRules(): GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] {
    return this.conditionalRules.map((spec) => new FakeConditionalFormatRule(copySpec(spec), this.book.surface, this.book).exposed());
  }

  setConditionalFormatRules(rules: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[]): void {
    const specs = Array.isArray(rules) ? rules.map(ruleSpecOf) : [null];
    if (specs.some((spec) => spec === null)) {
      this.fail("The parameters don't match the method signature for SpreadsheetApp.Sheet.setConditionalFormatRules.");
    }
    this.conditionalRules = (specs as ConditionalSpec[]).map(copySpec);
  }

  /** Contents and formats, as Sheet.clear() documents; notes, validation and rules stay. */
  clear(): Sheet {
    this.grid.values.clear();
    this.grid.formulas.clear();
    this.grid.formats.clear();
    return this.proxy;
  }

  clearContents(): Sheet {
    this.grid.values.clear();
    this.grid.formulas.clear();
    return this.proxy;
  }

  clearFormats(): Sheet {
    this.grid.formats.clear();
    return this.proxy;
  }

  clearNotes(): Sheet {
    this.grid.notes.clear();
    return this.proxy;
  }
}
