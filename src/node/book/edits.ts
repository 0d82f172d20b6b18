import type { Cell } from '../../core/table.js';

/**
 * Everything a run changes in a local book, and nothing else: a saver applies exactly
 * these and copies every other byte (xlsx) or field (CSV) as it was read.
 */
export interface BookEdits {
  /** Cells of existing tabs, by tab. */
  readonly cells: Map<string, TabEdits>;
  /** Our own tabs (`TW Log`, `TW Dashboard`, `TW State`), written whole. */
  readonly ownTabs: Map<string, OwnTab>;
}

export interface OwnTab {
  readonly rows: readonly (readonly Cell[])[];
  readonly hidden: boolean;
}

/** A run of values down one column, the first at 1-based sheet row `firstRow`. */
export interface ColumnRun {
  readonly column: number;
  readonly firstRow: number;
  readonly values: readonly Cell[];
}

/**
 * The edited cells of one tab. A rescore writes whole columns (18 of them over 100,000
 * rows), kept as one array per column: a Map per row held 1.8 million entries whose
 * building and collection cost more than writing the file. Single cells (the header of a
 * new column, an Owner written by apply) are kept by row. A cell is in one of the two
 * only, so the last write to it is the one saved.
 */
export class TabEdits {
  private readonly runs = new Map<number, { firstRow: number; values: Cell[] }>();
  private readonly single = new Map<number, Map<number, Cell>>();

  /** Sets one cell: 1-based sheet row, 0-based column. */
  setCell(row: number, column: number, value: Cell): void {
    const run = this.runs.get(column);
    if (run !== undefined && row >= run.firstRow && row < run.firstRow + run.values.length) {
      run.values[row - run.firstRow] = value;
      return;
    }
    this.setSingle(row, column, value);
  }

  /** Sets a column from sheet row `firstRow` down, replacing earlier edits of those cells. */
  setColumn(column: number, firstRow: number, values: readonly Cell[]): void {
    const previous = this.runs.get(column);
    if (previous !== undefined) {
      // Cells of the earlier run outside the new one stay edited.
      previous.values.forEach((value, offset) => {
        const row = previous.firstRow + offset;
        if (row < firstRow || row >= firstRow + values.length) this.setSingle(row, column, value);
      });
    }
    for (const [row, cells] of this.single) {
      if (row >= firstRow && row < firstRow + values.length && cells.delete(column) && cells.size === 0) this.single.delete(row);
    }
    this.runs.set(column, { firstRow, values: [...values] });
  }

  get isEmpty(): boolean {
    return this.single.size === 0 && [...this.runs.values()].every((run) => run.values.length === 0);
  }

  /** The whole-column runs, in column order. */
  columnRuns(): ColumnRun[] {
    return [...this.runs].map(([column, run]) => ({ column, ...run })).sort((a, b) => a.column - b.column);
  }

  /** The single cells: 1-based sheet row → 0-based column → value. */
  singleCells(): ReadonlyMap<number, ReadonlyMap<number, Cell>> {
    return this.single;
  }

  /**
   * Every edit row by row, for a writer that goes row by row, without a Map per row:
   * building those for the rescore of the 50k/500k book cost ~0.3 s of its save. `rows`
   * is listed on first use (the CSV writer walks its records instead).
   */
  rowWise(): RowWiseEdits {
    const runs = this.columnRuns();
    const single = this.single;
    let rows: number[] | undefined;
    return {
      get rows() {
        if (rows === undefined) {
          const edited = new Set(single.keys());
          for (const run of runs) for (let offset = 0; offset < run.values.length; offset++) edited.add(run.firstRow + offset);
          rows = [...edited].sort((a, b) => a - b);
        }
        return rows;
      },
      cellsOf: (row, columns, values) => {
        columns.length = 0;
        values.length = 0;
        for (const run of runs) {
          const offset = row - run.firstRow;
          if (offset >= 0 && offset < run.values.length) {
            columns.push(run.column);
            values.push(run.values[offset]);
          }
        }
        for (const [column, value] of single.get(row) ?? []) {
          let at = columns.length;
          while (at > 0 && columns[at - 1] > column) at--;
          columns.splice(at, 0, column);
          values.splice(at, 0, value);
        }
      },
    };
  }

  private setSingle(row: number, column: number, value: Cell): void {
    let cells = this.single.get(row);
    if (cells === undefined) this.single.set(row, (cells = new Map()));
    cells.set(column, value);
  }
}

/** A tab's edits row by row (TabEdits.rowWise). */
export interface RowWiseEdits {
  /** Every sheet row (1-based) with an edit, ascending; an edit may be a null value, which clears the cell. */
  readonly rows: readonly number[];
  /** Puts the row's edits into `columns` (0-based, ascending) and `values`, emptied first. */
  cellsOf(row: number, columns: number[], values: Cell[]): void;
}

/** Edits of single cells, as [sheet row, column, value]; later ones win. */
export function tabEditsOf(cells: Iterable<readonly [row: number, column: number, value: Cell]>): TabEdits {
  const edits = new TabEdits();
  for (const [row, column, value] of cells) edits.setCell(row, column, value);
  return edits;
}

export function emptyEdits(): BookEdits {
  return { cells: new Map(), ownTabs: new Map() };
}
