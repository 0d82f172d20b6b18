import type { Issue } from '../issue.js';
import { describeValue } from '../issue.js';
import type { Cell, Table, TableCells } from '../table.js';
import { isBlankRowAt, tableCells } from '../table.js';
import type { NumberColumn } from './amount-column.js';
import { cellIssue, headerText } from './columns.js';
import type { CustomerLookup, IdLookup } from './customer-lookup.js';
import type { FallbackKind, KeyKind } from './customer-key.js';
import { type KeyColumns, dealKeyReader } from './deal-keys.js';
import { type DateOptions, isoDayAt, parseDate } from './dates.js';
import { MISSING, type Parsed } from './failure.js';
import { type Currency, type CurrencySink, type NumberOptions, readAmountAt } from './numbers.js';
import { NEW_ORDER, orderIndex } from './order-index.js';
import { repeatedTextReader } from './repeated-text.js';
import { type Stage, parseStage } from './stages.js';

export const STAGE_CODE: Readonly<Record<Stage, number>> = { won: 0, lost: 1, open: 2, refunded: 3 };

/** Every readable deal (an order: its lines added up) of a known customer, columnar, in the order of the tab. */
export interface DealList {
  readonly customer: Int32Array;
  readonly day: Int32Array;
  readonly amount: Float64Array;
  /** STAGE_CODE of each deal. */
  readonly stage: Uint8Array;
}

export type RowOptions = NumberOptions & DateOptions;

/** The Deals columns the row pass reads; the money is `amount`, or `quantity` × `unitPrice` where there is no amount. */
export interface DealColumns extends KeyColumns {
  readonly date: number;
  /** Money given back on the order, taken off its amount. */
  readonly refunded?: number;
  readonly amount?: number;
  readonly quantity?: number;
  readonly unitPrice?: number;
  readonly stage?: number;
  readonly dealId?: number;
}

/** How a deal finds its customer: by id, else by e-mail, phone or name (issue 10 item 6). */
export interface CustomerMatch {
  readonly byId: IdLookup;
  byFallback(kind: FallbackKind): CustomerLookup;
  /** Id values an export writes for "no account" (WooCommerce's 0): the key falls back. */
  readonly guestIds: ReadonlySet<string>;
  /** How many customers the lookups index into. */
  readonly customers: number;
}

/** Deal rows whose customer was found by each kind of key. */
export type KeyedRows = Record<KeyKind, number>;

export interface DealRows {
  readonly all: DealList;
  readonly keyedBy: KeyedRows;
  /** Lines added into an order whose Deal ID an earlier line carried. */
  readonly linesMerged: number;
  /** Orders that received such lines. */
  readonly ordersMerged: number;
  /** Rows with data but no customer id (blank or a placeholder such as `(blank)`). */
  readonly missingIds: number;
  /** Distinct ids that match no customer, with how many of the tab's distinct ids there were. */
  readonly unknownIds: readonly string[];
  readonly knownIds: number;
  readonly issues: Issue[];
}

/**
 * Every deal row in one pass: its money, date and stage cells, then its customer.
 * `prices` is null to read the money cells here too; then a second currency in the
 * column stops the pass (null), since which amounts count is only known at the end.
 * Issues come in the order the column-by-column reading gave them once sorted by row:
 * per row the amount, the date, the stage, then the deal itself.
 *
 * A won row with a negative amount is a refund (a credit note, a returned line) and is
 * filed as `refunded`. Rows sharing a Deal ID, customer and stage are the lines of one
 * order (issue 10 item 3): filed once, amounts added up, on the earliest line's date.
 */
export function readDealRows(
  table: Table,
  columns: DealColumns,
  match: CustomerMatch,
  options: RowOptions,
  prices: NumberColumn | null,
): DealRows | null {
  const { customerId, date, stage, dealId, quantity, refunded } = columns;
  const cells = tableCells(table);
  const idInPlace = idReaderInPlace(cells, customerId, match);
  const keyOf = dealKeyReader(columns, match.guestIds);
  const lookups = keyLookups(columns, match);
  const keyedBy: KeyedRows = { id: 0, email: 0, phone: 0, name: 0 };
  const money = (columns.amount ?? columns.unitPrice) as number;
  const issues: Issue[] = prices === null ? [] : [...prices.issues];
  const all = growableDeals(cells.rowCount);
  const unknownIds = new Set<string>();
  // A customer is found by id only through its own key (customers.keys), so the distinct ids
  // found are the customers found by id, counted without a Set: a Set.add of a million fresh
  // strings cost a quarter of the deals pass. An e-mail, phone or name may be one of several.
  const foundById = new Uint8Array(match.customers);
  let knownById = 0;
  const knownByFallback = new Set<string>();
  const missingIdRows = new Map<string, { index: number; count: number }>();
  const orders = orderIndex(cells, dealId);
  const stageOf = stageReader(table, cells, stage, issues);
  const mergedOrders = new Set<number>();
  let linesMerged = 0;
  const sink: CurrencySink = { currency: null, mark: '' };
  let currency: Currency | null = null;
  let previousDateCell: Cell | undefined;
  let previousDay: Parsed<number> = MISSING;

  for (let i = 0; i < cells.rowCount; i++) {
    let value = NaN;
    if (prices !== null) {
      value = prices.values[i];
    } else {
      const parsed = readAmountAt(cells, i, money, options, sink);
      if (typeof parsed === 'number') {
        value = parsed;
        if (sink.currency !== null) {
          if (currency !== null && currency !== sink.currency) return null;
          currency = sink.currency;
        }
      } else if (parsed.kind === 'invalid') {
        issues.push(cellIssue(table, money, i, cells.cell(i, money), `${parsed.message}; left blank`));
      }
    }
    // Shopify writes an order's totals on its first line only: a later line of a known order with no money is part of it.
    if (Number.isNaN(value) && cells.cell(i, money) === null) {
      const at = orders.find(i);
      if (at >= 0) {
        linesMerged++;
        mergedOrders.add(at);
        continue;
      }
    }
    if (quantity !== undefined && !Number.isNaN(value)) value *= readQuantity(table, cells, quantity, i, options, sink, issues);
    const refund = refunded === undefined || Number.isNaN(value) ? 0 : readRefund(table, cells, refunded, i, options, issues);
    let parsedDay: Parsed<number> = isoDayAt(cells, i, date);
    let dateCell: Cell = null;
    if (Number.isNaN(parsedDay)) {
      dateCell = cells.cell(i, date);
      // Deals tabs mostly run in date order, so a date is often the one above: read once.
      if (dateCell !== previousDateCell) {
        previousDateCell = dateCell;
        previousDay = parseDate(dateCell, options);
      }
      parsedDay = previousDay;
    }
    let day = NaN;
    if (typeof parsedDay === 'number') day = parsedDay;
    else if (parsedDay.kind === 'invalid') issues.push(cellIssue(table, date, i, dateCell, `${parsedDay.message}; left blank`));
    let code = stageOf(i);

    let customer = idInPlace(i);
    let kind: KeyKind = 'id';
    if (customer < 0) {
      const found = keyOf(cells, i);
      if (found === null) {
        if (!isBlankRowAt(cells, i)) {
          const written = customerId === undefined ? '' : describeValue(cells.cell(i, customerId)).trim();
          const seen = missingIdRows.get(written);
          if (seen) seen.count++;
          else missingIdRows.set(written, { index: i, count: 1 });
        }
        continue;
      }
      const { key: id, column } = found;
      kind = found.kind;
      customer = lookups[kind](id);
      if (customer < 0) {
        if (!unknownIds.has(id)) {
          unknownIds.add(id);
          issues.push(cellIssue(table, column, i, id, `no customer with this ${KEY_WORDS[kind]} on the Customers tab; its deals are left out`));
        }
        continue;
      }
      if (kind !== 'id') knownByFallback.add(id);
    }
    keyedBy[kind]++;
    if (kind === 'id' && foundById[customer] === 0) {
      foundById[customer] = 1;
      knownById++;
    }
    if (Number.isNaN(day) || Number.isNaN(value) || code === NO_STAGE) {
      // An open or lost deal counts for nothing, so its blank close date or amount (a CRM leaves both empty until signing) loses nothing.
      const couldCount = code === STAGE_CODE.won || code === STAGE_CODE.refunded || code === NO_STAGE;
      if (couldCount && Number.isNaN(day) && dateCell === null) issues.push(cellIssue(table, date, i, null, 'deal has no date; left out'));
      if (couldCount && Number.isNaN(value) && cells.cell(i, money) === null) issues.push(cellIssue(table, money, i, null, 'deal has no amount; left out'));
      continue;
    }
    if (refund > 0 && (code === STAGE_CODE.won || code === STAGE_CODE.refunded)) {
      // What was kept of a partly refunded order is a purchase, whatever its status says; a whole refund is none.
      value -= refund;
      code = value > 0 ? STAGE_CODE.won : STAGE_CODE.refunded;
      if (value < 0) value = 0;
    }
    if (value < 0 && code === STAGE_CODE.won) code = STAGE_CODE.refunded;
    const at = orders.find(i);
    if (at >= 0 && all.customer[at] === customer && all.stage[at] === code) {
      all.amount[at] += value;
      if (day < all.day[at]) all.day[at] = day;
      linesMerged++;
      mergedOrders.add(at);
      continue;
    }
    if (at === NEW_ORDER) orders.file(i, all.size());
    all.push(customer, day, value, code);
  }
  issues.push(...missingIdIssues(table, columns, missingIdRows));
  let missingIds = 0;
  for (const { count } of missingIdRows.values()) missingIds += count;
  // An e-mail, phone or name written as some customer's id that was found is that id, not another.
  let knownIds = knownById;
  for (const key of knownByFallback) {
    const customer = lookups.id(key);
    if (customer < 0 || foundById[customer] === 0) knownIds++;
  }
  return { all: all.done(), keyedBy, linesMerged, ordersMerged: mergedOrders.size, missingIds, unknownIds: [...unknownIds], knownIds, issues };
}

function orList(words: string[]): string {
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

const KEY_WORDS: Record<KeyKind, string> = { id: 'ID', email: 'e-mail', phone: 'phone', name: 'name' };

/** The customer lookup per kind of key; a fallback's is built only when the tab has its column. */
function keyLookups(columns: DealColumns, match: CustomerMatch): Record<KeyKind, CustomerLookup> {
  const none: CustomerLookup = () => -1;
  const built = (kind: FallbackKind, column: number | undefined) => (column === undefined ? none : match.byFallback(kind));
  return { id: match.byId, email: built('email', columns.email), phone: built('phone', columns.phone), name: built('name', columns.customerName) };
}

/**
 * The customer of a row whose Customer ID is written as some customer's key where the shell
 * keeps the text, found there (IdLookup.at) without a string per deal (issue 13); -1 for any
 * other row, which dealKeyReader then reads as it reads every row. A key is its own key
 * (customerKey gives it back as it is), so such a row names that customer whichever way it
 * is read. An export's guest ids (WooCommerce's `0`) send a deal to its e-mail even when a
 * customer has that id, so such a tab is read through dealKeyReader alone.
 */
function idReaderInPlace(cells: TableCells, column: number | undefined, match: CustomerMatch): (row: number) => number {
  const source = cells.source;
  if (column === undefined || source === null || match.guestIds.size > 0) return () => -1;
  return (row) => {
    const start = cells.spanStart(row, column);
    return start < 0 ? -1 : match.byId.at(source, start, cells.spanEnd(row, column));
  };
}

/** The refunded amount of a row: 0 when blank; an unreadable cell is reported and taken as no refund. */
function readRefund(table: Table, cells: TableCells, column: number, i: number, options: NumberOptions, issues: Issue[]): number {
  const parsed = readAmountAt(cells, i, column, options, { currency: null, mark: '' });
  if (typeof parsed === 'number') return Math.abs(parsed);
  if (parsed.kind === 'invalid') issues.push(cellIssue(table, column, i, cells.cell(i, column), `${parsed.message}; taken as no refund`));
  return 0;
}

/** A stage code for "no readable stage": the deal is left out. */
const NO_STAGE = 255;

/** The STAGE_CODE of each row, won for all without a Stage column; NO_STAGE for an unreadable stage, reported when it is not blank. */
function stageReader(table: Table, cells: TableCells, column: number | undefined, issues: Issue[]): (row: number) => number {
  if (column === undefined) return () => STAGE_CODE.won;
  const stageOf = repeatedTextReader(cells, column, parseStage);
  return (row) => {
    const parsed = stageOf(row);
    if (typeof parsed === 'string') return STAGE_CODE[parsed];
    if (parsed.kind === 'invalid') issues.push(cellIssue(table, column, row, cells.cell(row, column), `${parsed.message}; left blank`));
    return NO_STAGE;
  };
}

function readQuantity(table: Table, cells: TableCells, column: number, i: number, options: NumberOptions, sink: CurrencySink, issues: Issue[]): number {
  const parsed = readAmountAt(cells, i, column, options, sink);
  if (typeof parsed === 'number') return parsed;
  if (parsed.kind === 'invalid') issues.push(cellIssue(table, column, i, cells.cell(i, column), `${parsed.message}; left blank`));
  else issues.push(cellIssue(table, column, i, null, 'line has a price but no quantity; left out'));
  return NaN;
}

/**
 * One issue per distinct missing id, on its first row, with how many rows carry it: an
 * export can have a hundred thousand rows without a customer, and one sentence says it.
 */
function missingIdIssues(table: Table, columns: DealColumns, missing: ReadonlyMap<string, { index: number; count: number }>): Issue[] {
  const keyed = [columns.customerId, columns.email, columns.phone, columns.customerName].filter((c) => c !== undefined);
  const column = keyed[0] as number;
  // With only an id column the sentence names the field; with fallbacks, the headers the row has none of.
  const nothing = keyed.length === 1 && columns.customerId !== undefined ? 'Customer ID' : orList(keyed.map((c) => headerText(table, c)));
  return [...missing].map(([written, { index, count }]) => {
    const rows = count === 1 ? 'this row' : `${count} rows from here on`;
    const what = written === '' ? `deal has no ${nothing}` : `'${written}' is a placeholder, not a Customer ID`;
    return cellIssue(table, column, index, written === '' ? null : written, `${what} (${rows}); left out`);
  });
}

export function growableDeals(capacity: number) {
  const customer = new Int32Array(capacity);
  const day = new Int32Array(capacity);
  const amount = new Float64Array(capacity);
  const stage = new Uint8Array(capacity);
  let size = 0;
  return {
    customer,
    day,
    amount,
    stage,
    size: () => size,
    push(c: number, d: number, a: number, s: number) {
      customer[size] = c;
      day[size] = d;
      amount[size] = a;
      stage[size++] = s;
    },
    done(): DealList {
      return { customer: customer.subarray(0, size), day: day.subarray(0, size), amount: amount.subarray(0, size), stage: stage.subarray(0, size) };
    },
  };
}
