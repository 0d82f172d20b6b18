import type { Cell, TableCells } from '../../core/table.js';
import { type CsvLayout, fieldText } from './tokenize.js';

const QUOTE = 0x22;

/**
 * The data rows of a CSV file held as its decoded text and the offsets of its fields
 * (csvLayout): a million deals are one string and three Int32Arrays instead of a million
 * row arrays and millions of strings that the garbage collector copies and walks (issue
 * 13). A cell's string is made only when asked for, and numbers and dates are read in
 * place (readAmountAt, isoDayAt). Record 0 is the header; data row i is record i + 1.
 */
export class CsvCells implements TableCells {
  readonly rowCount: number;
  /** The first record's cells; none for an empty file. */
  readonly header: Cell[];

  constructor(
    readonly source: string,
    private readonly layout: CsvLayout,
  ) {
    this.rowCount = Math.max(0, layout.recordStarts.length - 1);
    this.header = layout.recordStarts.length === 0 ? [] : this.recordCells(0);
  }

  width(row: number): number {
    const first = this.layout.firstFields;
    return first[row + 2] - first[row + 1];
  }

  cell(row: number, column: number): Cell {
    return this.recordCell(row + 1, column);
  }

  spanStart(row: number, column: number): number {
    const field = this.field(row + 1, column);
    if (field < 0) return -1;
    const start = this.fieldStart(row + 1, column, field);
    return start === this.layout.fieldEnds[field] || this.source.charCodeAt(start) === QUOTE ? -1 : start;
  }

  spanEnd(row: number, column: number): number {
    return this.layout.fieldEnds[this.layout.firstFields[row + 1] + column];
  }

  /** The cells of record `record` as parseCsvCells gives them. */
  private recordCells(record: number): Cell[] {
    const first = this.layout.firstFields;
    const cells = new Array<Cell>(first[record + 1] - first[record]);
    for (let column = 0; column < cells.length; column++) cells[column] = this.recordCell(record, column);
    return cells;
  }

  private recordCell(record: number, column: number): Cell {
    const field = this.field(record, column);
    return field < 0 ? null : fieldText(this.source, this.fieldStart(record, column, field), this.layout.fieldEnds[field], null);
  }

  /** The index of the field at `column` of a record, or -1 past its end. */
  private field(record: number, column: number): number {
    const first = this.layout.firstFields[record];
    return column < this.layout.firstFields[record + 1] - first ? first + column : -1;
  }

  private fieldStart(record: number, column: number, field: number): number {
    return column === 0 ? this.layout.recordStarts[record] : this.layout.fieldEnds[field - 1] + 1;
  }
}
