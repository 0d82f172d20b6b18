import type { Issue } from '../issue.js';
import { describeValue } from '../issue.js';
import type { Settings } from '../settings/schema.js';
import type { Cell, Table } from '../table.js';
import { isBlankRow, sheetRow } from '../table.js';
import { cellIssue, parseDateColumn } from './columns.js';
import { parseNumberColumn } from './amount-column.js';
import { type CustomerField, customerFields } from './fields.js';
import { customerKey } from './customer-key.js';
import { foldText } from './fold.js';
import { requireColumns } from './headers.js';

/**
 * The Customers tab, read once: which data rows are customers, their ids, and typed
 * columns on demand, each aligned with `rows` (customer k sits on data row rows[k]).
 */
export interface CustomerRows {
  readonly table: Table;
  readonly columns: Partial<Record<CustomerField, number>>;
  /** Data-row index of each customer, in sheet order. */
  readonly rows: Int32Array;
  readonly ids: readonly string[];
  /** Customer index by id; an id listed twice maps to its first row. */
  readonly indexById: ReadonlyMap<string, number>;
  /** Each customer's id as deals are matched to it (customerKey: `12923.0` is `12923`). */
  readonly keys: readonly string[];
  /** Customer index by key; a key listed twice maps to its first row. */
  readonly indexByKey: ReadonlyMap<string, number>;
  /** 1-based sheet row of customer k. */
  sheetRowOf(customer: number): number;
  /** Column index of a field id, or of any other header text (folded match), if present. */
  columnOf(source: string): number | undefined;
  /** Text of a column per customer (trimmed; null when blank or absent). */
  text(column: number | undefined): (string | null)[];
  numbers(column: number): Float64Array;
  days(column: number): Float64Array;
}

export type CustomersRead = { ok: true; customers: CustomerRows; issues: Issue[] } | { ok: false; issues: Issue[] };

/** A Customer ID as the key deals are matched by: text trimmed, a number as written. */
export function idOf(cell: Cell): string {
  if (typeof cell === 'string') return cell.trim();
  if (cell === null || cell === undefined) return '';
  return describeValue(cell);
}

/**
 * Rules: blank rows are skipped silently (they keep their row numbers for the others);
 * a row with data but no Customer ID is reported and left unscored; an id that appears
 * twice is reported on its second row, both rows are scored and the deals of that id
 * count for both.
 */
export function readCustomers(table: Table, settings: Settings): CustomersRead {
  const located = requireColumns(table, customerFields, settings.columns.customers, ['id']);
  if (!located.ok) return { ok: false, issues: located.issues };
  const idColumn = located.index.id;
  const issues = [...located.issues];
  const rows: number[] = [];
  const ids: string[] = [];
  const indexById = new Map<string, number>();
  const keys: string[] = [];
  const indexByKey = new Map<string, number>();
  table.rows.forEach((row, i) => {
    if (isBlankRow(row)) return;
    const cell = row[idColumn] ?? null;
    const id = idOf(cell);
    const key = customerKey(cell);
    if (key === '') {
      const message = id === '' ? 'row has data but no Customer ID; not scored' : `'${id}' is a placeholder, not a Customer ID; not scored`;
      issues.push(cellIssue(table, idColumn, i, cell, message));
      return;
    }
    const first = indexByKey.get(key);
    if (first !== undefined) {
      const same = ids[first] === id ? '' : ` (as ${ids[first]})`;
      issues.push(cellIssue(table, idColumn, i, id, `Customer ID also on row ${sheetRow(table, rows[first])}${same}; both rows are scored and share its deals`));
    } else {
      indexByKey.set(key, ids.length);
    }
    if (!indexById.has(id)) indexById.set(id, ids.length);
    rows.push(i);
    ids.push(id);
    keys.push(key);
  });

  const rowIndex = Int32Array.from(rows);
  const foldedHeaders = table.header.map((h) => foldText(describeValue(h)));
  const parseOptions = { decimalSeparator: settings.parse.decimalSeparator };
  const dateOptions = { dateOrder: settings.parse.dateOrder };
  const pick = (all: Float64Array) => {
    // A loop, not Float64Array.from(rows, map): that goes through the iterator protocol per row.
    const picked = new Float64Array(rowIndex.length);
    for (let k = 0; k < rowIndex.length; k++) picked[k] = all[rowIndex[k]];
    return picked;
  };
  // Typed columns are read once each, and their issues reported once.
  const numberCache = new Map<number, Float64Array>();
  const dayCache = new Map<number, Float64Array>();

  const customers: CustomerRows = {
    table,
    columns: located.index,
    rows: rowIndex,
    ids,
    indexById,
    keys,
    indexByKey,
    sheetRowOf: (k) => sheetRow(table, rowIndex[k]),
    columnOf(source) {
      // Own keys only: a source named `constructor` or `toString` is a header, not a field (issue 12).
      if (Object.hasOwn(customerFields, source)) return located.index[source as CustomerField];
      const found = foldedHeaders.indexOf(foldText(source));
      return found >= 0 ? found : undefined;
    },
    text(column) {
      return Array.from(rowIndex, (r) => {
        if (column === undefined) return null;
        const cell = table.rows[r][column] ?? null;
        const text = cell === null ? '' : describeValue(cell).trim();
        return text === '' ? null : text;
      });
    },
    numbers(column) {
      let values = numberCache.get(column);
      if (!values) {
        const parsed = parseNumberColumn(table, column, parseOptions);
        issues.push(...parsed.issues.filter((issue) => onCustomerRow(issue)));
        numberCache.set(column, (values = pick(parsed.values)));
      }
      return values;
    },
    days(column) {
      let values = dayCache.get(column);
      if (!values) {
        const parsed = parseDateColumn(table, column, dateOptions);
        issues.push(...parsed.issues.filter((issue) => onCustomerRow(issue)));
        dayCache.set(column, (values = pick(parsed.days)));
      }
      return values;
    },
  };
  // Built on the first issue to sort out: most columns have none, and this is a set of every customer's row.
  let customerSheetRows: Set<number> | undefined;
  const onCustomerRow = (issue: Issue) => {
    if (issue.row === table.headerRow) return true;
    customerSheetRows ??= new Set(rows.map((r) => sheetRow(table, r)));
    return customerSheetRows.has(issue.row);
  };
  return { ok: true, customers, issues };
}
