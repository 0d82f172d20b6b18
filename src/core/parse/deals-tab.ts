import type { Issue } from '../issue.js';
import type { Settings } from '../settings/schema.js';
import type { Cell, Table } from '../table.js';
import { isBlankRow } from '../table.js';
import { type NumberColumn, parseNumberColumn } from './amount-column.js';
import { cellIssue } from './columns.js';
import { customerLookup } from './customer-lookup.js';
import { idOf, type CustomerRows } from './customers-tab.js';
import { dealFields } from './fields.js';
import { requireColumns } from './headers.js';
import { type DateOptions, parseDate } from './dates.js';
import { MISSING, type Parsed } from './failure.js';
import { type Currency, type CurrencySink, type NumberOptions, readAmount } from './numbers.js';
import { type Stage, parseStage } from './stages.js';

export const STAGE_CODE: Readonly<Record<Stage, number>> = { won: 0, lost: 1, open: 2 };

/** Every readable deal of a known customer, columnar (the order of the tab). */
export interface DealList {
  readonly customer: Int32Array;
  readonly day: Int32Array;
  readonly amount: Float64Array;
  /** STAGE_CODE of each deal. */
  readonly stage: Uint8Array;
}

/** What the deals say about each customer as of the as-of date (NaN where no won deal). */
export interface DealFacts {
  readonly recencyDays: Float64Array;
  readonly frequency: Float64Array;
  readonly monetary: Float64Array;
  readonly firstWonDay: Float64Array;
  readonly lastWonDay: Float64Array;
  /** Won deals on or before the as-of date, for CLV. */
  readonly won: DealList;
  /** All readable deals, any stage and date, for the metrics. */
  readonly all: DealList;
  readonly hasStage: boolean;
  readonly afterAsOf: number;
  readonly issues: Issue[];
}

export type DealsRead = { ok: true; facts: DealFacts } | { ok: false; issues: Issue[] };

/**
 * Rules (DESIGN §3): a tab without a Stage column treats every deal as won; only won
 * deals dated on or before the as-of date count; a deal without a readable customer,
 * date, amount or stage is reported and left out whole (never counted as zero); a
 * customer id not on the Customers tab is reported once, on its first row.
 */
export function readDeals(table: Table, customers: CustomerRows, settings: Settings, asOfDay: number): DealsRead {
  const located = requireColumns(table, dealFields, settings.columns.deals, ['customerId', 'amount', 'date']);
  if (!located.ok) return { ok: false, issues: located.issues };
  const columns = located.index;
  const options: RowOptions = { decimalSeparator: settings.parse.decimalSeparator, dateOrder: settings.parse.dateOrder };
  // One pass reads every cell of a row and files the deal. Only a column that mixes
  // currencies needs all its amounts before any deal can be filed (the majority decides
  // which are kept), so then the amounts are read as a column first and the pass runs again.
  const read =
    readDealRows(table, columns, customers, options, asOfDay, null) ??
    readDealRows(table, columns, customers, options, asOfDay, parseNumberColumn(table, columns.amount, options));
  if (read === null) throw new Error('readDeals: a second pass with the amounts read cannot stop for mixed currencies');
  const { frequency, monetary, firstWonDay, lastWonDay } = read;
  // Customers listed twice share the deals of their id.
  customers.ids.forEach((id, k) => {
    const first = customers.indexById.get(id) as number;
    if (first === k) return;
    frequency[k] = frequency[first];
    monetary[k] = monetary[first];
    firstWonDay[k] = firstWonDay[first];
    lastWonDay[k] = lastWonDay[first];
  });

  const n = customers.ids.length;
  const recencyDays = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    if (frequency[k] === 0) {
      recencyDays[k] = frequency[k] = monetary[k] = firstWonDay[k] = lastWonDay[k] = NaN;
    } else {
      recencyDays[k] = asOfDay - lastWonDay[k];
    }
  }
  return {
    ok: true,
    facts: {
      recencyDays,
      frequency,
      monetary,
      firstWonDay,
      lastWonDay,
      won: wonUpTo(read.all, asOfDay),
      all: read.all,
      hasStage: columns.stage !== undefined,
      afterAsOf: read.afterAsOf,
      issues: [...located.issues, ...read.issues],
    },
  };
}

type RowOptions = NumberOptions & DateOptions;

interface DealRows {
  readonly all: DealList;
  readonly frequency: Float64Array;
  readonly monetary: Float64Array;
  readonly firstWonDay: Float64Array;
  readonly lastWonDay: Float64Array;
  readonly afterAsOf: number;
  readonly issues: Issue[];
}

/**
 * Every deal row in one pass: its amount, date and stage cells, then its customer.
 * `amounts` is null to read the amount cells here too; then a second currency in the
 * column stops the pass (null), since which amounts count is only known at the end.
 * Issues come in the order the column-by-column reading gave them once sorted by row:
 * per row the amount, the date, the stage, then the deal itself.
 */
function readDealRows(
  table: Table,
  columns: { customerId: number; amount: number; date: number; stage?: number },
  customers: CustomerRows,
  options: RowOptions,
  asOfDay: number,
  amounts: NumberColumn | null,
): DealRows | null {
  const { customerId, amount, date, stage } = columns;
  const customerOf = customerLookup(customers.ids, customers.indexById);
  const issues: Issue[] = amounts === null ? [] : [...amounts.issues];
  const n = customers.ids.length;
  const frequency = new Float64Array(n);
  const monetary = new Float64Array(n);
  const firstWonDay = new Float64Array(n).fill(Infinity);
  const lastWonDay = new Float64Array(n).fill(-Infinity);
  const all = growableDeals(table.rows.length);
  const unknownIds = new Set<string>();
  const sink: CurrencySink = { currency: null, mark: '' };
  let currency: Currency | null = null;
  let afterAsOf = 0;
  let previousDateCell: Cell | undefined;
  let previousDay: Parsed<number> = MISSING;

  const rows = table.rows;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    let value = NaN;
    if (amounts !== null) {
      value = amounts.values[i];
    } else {
      const cell = row[amount] ?? null;
      const parsed = readAmount(cell, options, sink);
      if (typeof parsed === 'number') {
        value = parsed;
        if (sink.currency !== null) {
          if (currency !== null && currency !== sink.currency) return null;
          currency = sink.currency;
        }
      } else if (parsed.kind === 'invalid') {
        issues.push(cellIssue(table, amount, i, cell, `${parsed.message}; left blank`));
      }
    }
    const dateCell = row[date] ?? null;
    // Deals tabs mostly run in date order, so a date is often the one above: read once.
    if (dateCell !== previousDateCell) {
      previousDateCell = dateCell;
      previousDay = parseDate(dateCell, options);
    }
    const parsedDay = previousDay;
    let day = NaN;
    if (typeof parsedDay === 'number') day = parsedDay;
    else if (parsedDay.kind === 'invalid') issues.push(cellIssue(table, date, i, dateCell, `${parsedDay.message}; left blank`));
    let code = STAGE_CODE.won;
    if (stage !== undefined) {
      const stageCell = row[stage] ?? null;
      const parsedStage = parseStage(stageCell);
      if (typeof parsedStage === 'string') code = STAGE_CODE[parsedStage];
      else {
        code = NO_STAGE;
        if (parsedStage.kind === 'invalid') issues.push(cellIssue(table, stage, i, stageCell, `${parsedStage.message}; left blank`));
      }
    }

    const id = idOf(row[customerId] ?? null);
    if (id === '') {
      if (!isBlankRow(row)) issues.push(cellIssue(table, customerId, i, null, 'deal has no Customer ID; left out'));
      continue;
    }
    const customer = customerOf(id);
    if (customer < 0) {
      if (!unknownIds.has(id)) {
        unknownIds.add(id);
        issues.push(cellIssue(table, customerId, i, id, 'no customer with this ID on the Customers tab; its deals are left out'));
      }
      continue;
    }
    if (Number.isNaN(day) || Number.isNaN(value) || code === NO_STAGE) {
      if (Number.isNaN(day) && dateCell === null) issues.push(cellIssue(table, date, i, null, 'deal has no date; left out'));
      if (Number.isNaN(value) && (row[amount] ?? null) === null) issues.push(cellIssue(table, amount, i, null, 'deal has no amount; left out'));
      continue;
    }
    all.push(customer, day, value, code);
    if (code !== STAGE_CODE.won) continue;
    if (day > asOfDay) {
      afterAsOf++;
      continue;
    }
    frequency[customer]++;
    monetary[customer] += value;
    if (day < firstWonDay[customer]) firstWonDay[customer] = day;
    if (day > lastWonDay[customer]) lastWonDay[customer] = day;
  }
  return { all: all.done(), frequency, monetary, firstWonDay, lastWonDay, afterAsOf, issues };
}

/** A stage code for "no readable stage": the deal is left out. */
const NO_STAGE = 255;

/** The won deals dated on or before the as-of date, in tab order, copied to lists of their own size. */
function wonUpTo(all: DealList, asOfDay: number): DealList {
  let count = 0;
  for (let i = 0; i < all.stage.length; i++) if (all.stage[i] === STAGE_CODE.won && all.day[i] <= asOfDay) count++;
  const won = growableDeals(count);
  for (let i = 0; i < all.stage.length; i++) {
    if (all.stage[i] === STAGE_CODE.won && all.day[i] <= asOfDay) won.push(all.customer[i], all.day[i], all.amount[i], STAGE_CODE.won);
  }
  return won.done();
}

function growableDeals(capacity: number) {
  const customer = new Int32Array(capacity);
  const day = new Int32Array(capacity);
  const amount = new Float64Array(capacity);
  const stage = new Uint8Array(capacity);
  let size = 0;
  return {
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
