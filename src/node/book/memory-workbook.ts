import type { CellWrite, OwnedColumn, Workbook } from '../../app/ports.js';
import { type Cell, type Table, headerIndex } from '../../core/table.js';
import { tabNamed } from '../../core/tab-name.js';
import { type BookEdits, emptyEdits, TabEdits } from './edits.js';

interface MutableTable {
  tab: string;
  header: Cell[];
  rows: Cell[][];
  headerRow: number;
}

/**
 * The Workbook port over tabs held in memory. Reads see earlier writes of the same run
 * (propose after rescore reads the new tiers); every write is also recorded as an edit
 * so a saver can change exactly those cells in the file and nothing else.
 */
export class MemoryWorkbook implements Workbook {
  readonly edits: BookEdits = emptyEdits();
  /** Each tab as a MutableTable (listed in `writable`), or as read while it is held by column and not written to. */
  private readonly tables = new Map<string, Table | MutableTable>();
  private readonly writable = new Set<string>();
  private readonly created = new Set<string>();

  constructor(tables: Iterable<Table>, private readonly ownTabNames: ReadonlySet<string>) {
    for (const t of tables) {
      if (t.cells === undefined) this.writableCopy(t);
      else this.tables.set(t.tab, t);
    }
  }

  readTable(tab: string): Table | null {
    return this.tables.get(this.nameOf(tab)) ?? null;
  }

  writeOwnedColumns(tab: string, columns: readonly OwnedColumn[]): void {
    const table = this.existing(tab);
    let width = tableWidth(table);
    const indexes: number[] = [];
    for (const column of columns) {
      if (column.values.length !== table.rows.length) {
        throw new Error(`${tab}: column ${column.header} has ${column.values.length} values for ${table.rows.length} rows`);
      }
      let index = headerIndex(table.header, column.header);
      if (index < 0) {
        index = width++;
        this.set(table, -1, index, column.header);
      }
      indexes.push(index);
    }
    const tabEdits = this.tabEdits(table.tab);
    for (let c = 0; c < columns.length; c++) {
      const values = columns[c].values;
      for (let r = 0; r < table.rows.length; r++) place(table.rows[r], indexes[c], values[r]);
      tabEdits.setColumn(indexes[c], table.headerRow + 1, values);
    }
    if (this.created.has(table.tab)) this.recordOwn(table);
  }

  writeCells(tab: string, header: string, cells: readonly CellWrite[]): void {
    const table = this.existing(tab);
    const index = headerIndex(table.header, header);
    if (index < 0) throw new Error(`${tab} has no column ${header}`);
    for (const cell of cells) this.set(table, cell.row, index, cell.value);
    if (this.created.has(table.tab)) this.recordOwn(table);
  }

  appendRows(tab: string, header: readonly string[], rows: readonly (readonly Cell[])[]): void {
    this.requireOwn(tab);
    const table = this.tables.has(this.nameOf(tab)) ? this.existing(tab) : this.create(tab, header);
    table.rows.push(...rows.map((r) => [...r]));
    this.recordOwn(table);
  }

  replaceTab(tab: string, rows: readonly (readonly Cell[])[]): void {
    this.requireOwn(tab);
    const [header = [], ...body] = rows;
    const table = this.create(tab, header);
    table.rows.push(...body.map((r) => [...r]));
    this.recordOwn(table);
  }

  /**
   * A created tab is new to the file, so it is saved whole like our own tabs (edits.ownTabs),
   * with the columns written into it since.
   */
  createTab(tab: string, rows: readonly (readonly Cell[])[]): void {
    if (this.tables.has(this.nameOf(tab))) throw new Error(`The book already has a tab ${tab}`);
    const [header = [], ...body] = rows;
    const table = this.create(tab, header);
    table.rows.push(...body.map((r) => [...r]));
    this.created.add(tab);
    this.recordOwn(table);
  }

  /** The book's own spelling of `tab` (tabNamed), so edits go to the sheet the file has. */
  private nameOf(tab: string): string {
    return tabNamed(this.tables.keys(), tab) ?? tab;
  }

  private existing(tab: string): MutableTable {
    const table = this.tables.get(this.nameOf(tab));
    if (!table) throw new Error(`The book has no tab ${tab}`);
    return this.writable.has(table.tab) ? (table as MutableTable) : this.writableCopy(table);
  }

  /**
   * The tab with its rows taken as they are: a tab held by column makes them only when it
   * is first written to, and its column view is then dropped, as it would not see the writes.
   */
  private writableCopy(table: Table): MutableTable {
    return this.keep({ tab: table.tab, header: [...table.header], rows: table.rows as Cell[][], headerRow: table.headerRow });
  }

  private create(tab: string, header: readonly Cell[]): MutableTable {
    return this.keep({ tab, header: [...header], rows: [], headerRow: 1 });
  }

  private keep(table: MutableTable): MutableTable {
    this.tables.set(table.tab, table);
    this.writable.add(table.tab);
    return table;
  }

  private requireOwn(tab: string): void {
    if (!this.ownTabNames.has(tab)) throw new Error(`${tab} is not one of Tierwise's own tabs`);
  }

  private recordOwn(table: MutableTable): void {
    this.edits.ownTabs.set(table.tab, { rows: [table.header, ...table.rows], hidden: false });
  }

  /** Sets one cell; row -1 is the header. */
  private set(table: MutableTable, row: number, column: number, value: Cell): void {
    place(row < 0 ? table.header : table.rows[row], column, value);
    this.tabEdits(table.tab).setCell(table.headerRow + 1 + row, column, value);
  }

  private tabEdits(tab: string): TabEdits {
    let tabEdits = this.edits.cells.get(tab);
    if (!tabEdits) this.edits.cells.set(tab, (tabEdits = new TabEdits()));
    return tabEdits;
  }
}

function place(cells: Cell[], column: number, value: Cell): void {
  while (cells.length < column) cells.push(null);
  cells[column] = value;
}

function tableWidth(table: MutableTable): number {
  let width = table.header.length;
  while (width > 0 && (table.header[width - 1] === null || table.header[width - 1] === '')) width--;
  for (const row of table.rows) if (row.length > width && row.slice(width).some((c) => c !== null && c !== '')) width = row.length;
  return width;
}
