import type { Issue } from '../issue.js';
import { describeValue } from '../issue.js';
import type { Cell, Table } from '../table.js';
import { sheetRow, tableCells } from '../table.js';
import { type DateOptions, parseDate } from './dates.js';
import { type Parsed, isFailure } from './failure.js';
import { type Stage, parseStage } from './stages.js';

/**
 * Reads one column of a table cell by cell. `parse` turns a cell into a value or a
 * Failure; `keep` receives each value with its data-row index. A blank cell is skipped
 * without an issue; any other failure becomes one Issue naming the 1-based sheet row and
 * the header text, and its value stays blank: never a zero.
 */
export function scanColumn<T>(table: Table, column: number, parse: (cell: Cell) => Parsed<T>, keep: (index: number, value: T) => void): Issue[] {
  const issues: Issue[] = [];
  const cells = tableCells(table);
  for (let i = 0; i < cells.rowCount; i++) {
    const cell = cells.cell(i, column);
    const result = parse(cell);
    if (!isFailure(result)) keep(i, result);
    else if (result.kind === 'invalid') issues.push(cellIssue(table, column, i, cell, `${result.message}; left blank`));
  }
  return issues;
}

export function cellIssue(table: Table, column: number, index: number, cell: Cell, message: string): Issue {
  return { tab: table.tab, row: sheetRow(table, index), column: headerText(table, column), value: describeValue(cell), message };
}

export function headerText(table: Table, column: number): string {
  return describeValue(table.header[column] ?? null);
}

export interface DateColumn {
  /** Day numbers (days.ts) per data row; NaN where the cell was blank or not a date. */
  readonly days: Float64Array;
  readonly issues: Issue[];
}

export function parseDateColumn(table: Table, column: number, options: DateOptions): DateColumn {
  const days = new Float64Array(tableCells(table).rowCount).fill(NaN);
  const issues = scanColumn(table, column, (cell) => parseDate(cell, options), (i, day) => {
    days[i] = day;
  });
  return { days, issues };
}

export interface StageColumn {
  /** The stage per data row; null where the cell was blank or not a stage. */
  readonly stages: (Stage | null)[];
  readonly issues: Issue[];
}

export function parseStageColumn(table: Table, column: number): StageColumn {
  const stages = new Array<Stage | null>(tableCells(table).rowCount).fill(null);
  const issues = scanColumn(table, column, parseStage, (i, stage) => {
    stages[i] = stage;
  });
  return { stages, issues };
}
