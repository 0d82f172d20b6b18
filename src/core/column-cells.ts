import type { Cell, Table, TableCells } from './table.js';

// What a stored cell holds; its payload sits in `values` beside it.
const EMPTY = 0;
const NUMBER = 1;
const BOOLEAN = 2;
/** A date as its time (ms since the epoch, NaN for an invalid date). */
const DATE = 3;
/** Text of the shell's own list (`listed`, e.g. an .xlsx package's shared strings), by index. */
const LISTED = 4;
/** Text kept by the view itself, by index into `texts`. */
const TEXT = 5;

const FIRST_CAPACITY = 1024;

/**
 * A tab's data cells held by column as a shell reads them (issue 13): per column, one byte
 * for what a cell holds and one double for it: the number, the date's time, the index of
 * its text. A million deals are a few typed arrays instead of a million row arrays of boxed
 * numbers and Dates; a text cell keeps the string the shell already had (a shared string,
 * a value getValues handed over) and no cell is made until a reader asks for it.
 *
 * Columns below `minWidth` (the header's width) are held densely; a cell to their right is
 * rare (a stray value past the header) and kept as a Cell in a sparse map, so a lone cell in
 * column XFD costs one row array, not 16,384 columns of every row. A row is `minWidth`
 * cells wide, or up to its last cell past that, as a row array holding the same cells is.
 *
 * A shell fills it row by row (`number`, `date`, `text`, …; a later cell in the same place
 * wins) and then says how many rows it holds (`end`).
 */
export class ColumnCells implements TableCells {
  rowCount = 0;
  readonly source = null;
  private capacity: number;
  private readonly kinds: Uint8Array[] = [];
  private readonly values: Float64Array[] = [];
  private readonly texts: string[] = [];
  private readonly wide = new Map<number, Cell[]>();
  /** One Date per time handed out, so equal date cells are one object, as Apps Script's are per day (sheetDays). */
  private readonly dates = new Map<number, Date>();

  constructor(
    private readonly minWidth: number,
    private readonly listed: readonly string[] = [],
    capacity = FIRST_CAPACITY,
  ) {
    this.capacity = Math.max(1, capacity);
    for (let column = 0; column < minWidth; column++) {
      this.kinds.push(new Uint8Array(this.capacity));
      this.values.push(new Float64Array(this.capacity));
    }
  }

  number(row: number, column: number, value: number): void {
    this.place(row, column, NUMBER, value);
  }

  boolean(row: number, column: number, value: boolean): void {
    this.place(row, column, BOOLEAN, value ? 1 : 0);
  }

  date(row: number, column: number, time: number): void {
    this.place(row, column, DATE, time);
  }

  /** Entry `index` of the shell's list; nothing when it has no such entry (the cell stays empty). */
  listedText(row: number, column: number, index: number): void {
    if (this.listed[index] !== undefined) this.place(row, column, LISTED, index);
  }

  text(row: number, column: number, text: string): void {
    this.texts.push(text);
    this.place(row, column, TEXT, this.texts.length - 1);
  }

  /** Any cell; null leaves the place as it is. */
  put(row: number, column: number, cell: Cell): void {
    if (cell === null) return;
    if (typeof cell === 'string') this.text(row, column, cell);
    else if (typeof cell === 'number') this.number(row, column, cell);
    else if (typeof cell === 'boolean') this.boolean(row, column, cell);
    else this.date(row, column, cell.getTime());
  }

  /** The view holds rows 0 to rowCount - 1; cells put past them are not part of it. */
  end(rowCount: number): void {
    this.rowCount = rowCount;
  }

  cell(row: number, column: number): Cell {
    if (column >= this.minWidth) return this.wide.get(row)?.[column] ?? null;
    if (row >= this.capacity) return null;
    return this.cellOf(this.kinds[column][row], this.values[column][row]);
  }

  width(row: number): number {
    return Math.max(this.minWidth, this.wide.get(row)?.length ?? 0);
  }

  spanStart(): number {
    return -1;
  }

  spanEnd(): number {
    return -1;
  }

  private cellOf(kind: number, value: number): Cell {
    switch (kind) {
      case NUMBER:
        return value;
      case BOOLEAN:
        return value === 1;
      case DATE: {
        let date = this.dates.get(value);
        if (date === undefined) this.dates.set(value, (date = new Date(value)));
        return date;
      }
      case LISTED:
        return this.listed[value];
      case TEXT:
        return this.texts[value];
      default:
        return null;
    }
  }

  private place(row: number, column: number, kind: number, value: number): void {
    if (column >= this.minWidth) {
      let cells = this.wide.get(row);
      if (cells === undefined) this.wide.set(row, (cells = []));
      while (cells.length < column) cells.push(null);
      cells[column] = this.cellOf(kind, value);
      return;
    }
    if (row >= this.capacity) this.grow(row);
    this.kinds[column][row] = kind;
    this.values[column][row] = value;
  }

  /** Doubles the columns until `row` fits: a shell reading a sheet learns its rows as it goes. */
  private grow(row: number): void {
    let capacity = this.capacity;
    while (capacity <= row) capacity *= 2;
    for (let column = 0; column < this.minWidth; column++) {
      const kinds = new Uint8Array(capacity);
      kinds.set(this.kinds[column]);
      this.kinds[column] = kinds;
      const values = new Float64Array(capacity);
      values.set(this.values[column]);
      this.values[column] = values;
    }
    this.capacity = capacity;
  }
}

/**
 * A tab held by column: the core reads `cells`; `rows` is made from them, each row as wide
 * as the header or as its own cells, the first time a caller asks for it (a tab written to,
 * a reader of rows).
 */
export function columnTable(tab: string, header: Cell[], headerRow: number, cells: TableCells): Table {
  let rows: Cell[][] | undefined;
  return {
    tab,
    header,
    headerRow,
    cells,
    get rows() {
      return (rows ??= rowsOf(cells, header.length));
    },
  };
}

function rowsOf(cells: TableCells, width: number): Cell[][] {
  const rows = new Array<Cell[]>(cells.rowCount);
  for (let row = 0; row < rows.length; row++) {
    const cellsOfRow = new Array<Cell>(Math.max(width, cells.width(row)));
    for (let column = 0; column < cellsOfRow.length; column++) cellsOfRow[column] = cells.cell(row, column);
    rows[row] = cellsOfRow;
  }
  return rows;
}
