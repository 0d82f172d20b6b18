import type { Issue } from '../issue.js';
import { describeValue } from '../issue.js';
import type { Settings } from '../settings/schema.js';
import type { Table } from '../table.js';
import { parseNumberColumn } from './amount-column.js';
import type { KeyKind } from './customer-key.js';
import { customerLookup, fallbackLookup } from './customer-lookup.js';
import { type ExportShape, detectShape } from './export-shapes.js';
import type { CustomerRows } from './customers-tab.js';
import { type CustomerMatch, type DealColumns, type DealList, type DealRows, type KeyedRows, type RowOptions, STAGE_CODE, growableDeals, readDealRows } from './deal-rows.js';
import { type DealField, dealFields } from './fields.js';
import { foldText } from './fold.js';
import { displayName, locateColumns, requireColumns } from './headers.js';

export { STAGE_CODE, type DealList } from './deal-rows.js';

/** What the deals say about each customer as of the as-of date (NaN where no won deal). */
export interface DealFacts {
  readonly recencyDays: Float64Array;
  readonly frequency: Float64Array;
  /** Spend net of refunds, floored at 0: what RFM and the score rank by. */
  readonly monetary: Float64Array;
  /** Spend net of refunds as it is, below 0 too: what the book shows. NaN with no purchase and no refund. */
  readonly netSpend: Float64Array;
  readonly firstWonDay: Float64Array;
  readonly lastWonDay: Float64Array;
  /** Won orders on or before the as-of date, for CLV. */
  readonly won: DealList;
  /** All readable orders, any stage and date, for the metrics. */
  readonly all: DealList;
  readonly hasStage: boolean;
  /** The export recognised by its headers, if any (export-shapes.ts). */
  readonly shape: ExportShape | null;
  /** The header of each column a customer key came from, for the notes. */
  readonly keyHeaders: Partial<Record<KeyKind, string>>;
  readonly afterAsOf: number;
  /** What the reading did to the rows, for the summary. */
  readonly counts: DealCounts;
  readonly issues: Issue[];
}

export interface DealCounts {
  /** Refunds on or before the as-of date: negative amounts and refunded / returned / voided rows. */
  readonly refunds: number;
  /** Customers whose refunds take their spend to 0 or below. */
  readonly netSpendAtOrBelowZero: number;
  readonly linesMerged: number;
  readonly ordersMerged: number;
  /** Rows with data but no customer id, or a placeholder such as `(blank)`. */
  readonly missingIds: number;
  /** Rows whose customer was found by id, e-mail, phone or name. */
  readonly keyedBy: KeyedRows;
}

export type DealsRead = { ok: true; facts: DealFacts } | { ok: false; issues: Issue[] };

/**
 * Rules (DESIGN §3, issue 10): a tab without a Stage column treats every deal as won;
 * only won orders dated on or before the as-of date are purchases; a refund (negative
 * amount, refunded status) is not a purchase but lowers the customer's spend; a deal
 * without a readable customer, date, amount or stage is reported and left out whole
 * (never counted as zero); a customer id not on the Customers tab is reported once, on
 * its first row.
 */
export function readDeals(table: Table, customers: CustomerRows, settings: Settings, asOfDay: number): DealsRead {
  const located = locateDealColumns(table, settings);
  if (!located.ok) return { ok: false, issues: located.issues };
  const { columns, shape } = located;
  const options: RowOptions = { decimalSeparator: settings.parse.decimalSeparator, dateOrder: settings.parse.dateOrder };
  const match: CustomerMatch = {
    byId: customerLookup(customers.keys, customers.indexByKey),
    byFallback: (kind) => fallbackLookup(kind, [customers.ids, customers.text(customers.columns[kind])]),
    guestIds: new Set(shape?.guestIds ?? []),
    customers: customers.ids.length,
  };
  // One pass reads every cell of a row and files the deal. Only a column that mixes
  // currencies needs all its amounts before any deal can be filed (the majority decides
  // which are kept), so then the amounts are read as a column first and the pass runs again.
  const money = (columns.amount ?? columns.unitPrice) as number;
  const read =
    readDealRows(table, columns, match, options, null) ??
    readDealRows(table, columns, match, options, parseNumberColumn(table, money, options));
  if (read === null) throw new Error('readDeals: a second pass with the amounts read cannot stop for mixed currencies');
  const tally = tallyPurchases(read.all, customers, asOfDay);
  const counts: DealCounts = { refunds: tally.refunds, netSpendAtOrBelowZero: tally.netSpendAtOrBelowZero, linesMerged: read.linesMerged, ordersMerged: read.ordersMerged, missingIds: read.missingIds, keyedBy: read.keyedBy };
  return {
    ok: true,
    facts: {
      ...tally.facts,
      won: wonUpTo(read.all, asOfDay),
      all: read.all,
      hasStage: columns.stage !== undefined,
      shape,
      keyHeaders: keyHeaders(table, columns),
      afterAsOf: tally.afterAsOf,
      counts,
      issues: [...located.issues, ...read.issues, ...unmatchedIdsIssue(table, columns.customerId ?? columns.email ?? columns.phone ?? (columns.customerName as number), read, customers), ...refundIssues(table, counts)],
    },
  };
}

export type Located = { ok: true; columns: DealColumns & Partial<Record<DealField, number>>; shape: ExportShape | null; issues: Issue[] } | { ok: false; issues: Issue[] };

/**
 * The columns, with money as Amount, or Quantity × Unit Price where there is no Amount
 * (line-item exports). An export recognised by its headers maps the ones it writes
 * differently (export-shapes.ts) before the aliases are tried; the user's settings win
 * over both. The customer is its id, else its e-mail, phone or name: one of them must be there.
 */
export function locateDealColumns(table: Table, settings: Settings): Located {
  const shape = detectShape(table.header);
  // Not a spread of the table: that would make the rows of a tab held by column.
  const located = shape === null ? table : { tab: table.tab, headerRow: table.headerRow, header: table.header.map((h) => (shape.ignored.some((x) => foldText(x) === foldText(describeValue(h))) ? null : h)) };
  const present = new Set(table.header.map((h) => foldText(describeValue(h))));
  const shaped = Object.entries(shape?.columns ?? {}).filter(([, header]) => present.has(foldText(header)));
  const overrides = { ...Object.fromEntries(shaped), ...settings.columns.deals };
  const found = locateColumns(located, dealFields, overrides).index;
  const pricedLines = found.amount === undefined && found.quantity !== undefined && found.unitPrice !== undefined;
  const keyed = KEY_FIELDS.some((field) => found[field] !== undefined);
  const required: DealField[] = [...(keyed ? [] : ['customerId' as const]), ...(pricedLines ? [] : ['amount' as const]), 'date'];
  const checked = requireColumns(located, dealFields, overrides, required);
  if (!checked.ok) return checked;
  const { quantity, unitPrice, ...rest } = checked.index;
  return { ok: true, columns: pricedLines ? { ...rest, quantity, unitPrice } : rest, shape, issues: checked.issues };
}

const KEY_FIELDS = ['customerId', 'email', 'phone', 'customerName'] as const;

function keyHeaders(table: Table, columns: DealColumns): Partial<Record<KeyKind, string>> {
  const headers: Partial<Record<KeyKind, string>> = {};
  const kinds = { id: columns.customerId, email: columns.email, phone: columns.phone, name: columns.customerName };
  for (const [kind, column] of Object.entries(kinds)) if (column !== undefined) headers[kind as KeyKind] = describeValue(table.header[column]).trim();
  return headers;
}

interface Tally {
  facts: Pick<DealFacts, 'recencyDays' | 'frequency' | 'monetary' | 'netSpend' | 'firstWonDay' | 'lastWonDay'>;
  refunds: number;
  netSpendAtOrBelowZero: number;
  afterAsOf: number;
}

/** Per customer: purchases (won orders up to the as-of date), spend net of refunds, first and last purchase. */
function tallyPurchases(all: DealList, customers: CustomerRows, asOfDay: number): Tally {
  const n = customers.ids.length;
  const frequency = new Float64Array(n);
  const netSpend = new Float64Array(n);
  const touched = new Uint8Array(n);
  const firstWonDay = new Float64Array(n).fill(Infinity);
  const lastWonDay = new Float64Array(n).fill(-Infinity);
  let refunds = 0;
  let afterAsOf = 0;
  for (let d = 0; d < all.stage.length; d++) {
    const stage = all.stage[d];
    if (stage !== STAGE_CODE.won && stage !== STAGE_CODE.refunded) continue;
    const customer = all.customer[d];
    const day = all.day[d];
    if (day > asOfDay) {
      if (stage === STAGE_CODE.won) afterAsOf++;
      continue;
    }
    touched[customer] = 1;
    if (stage === STAGE_CODE.refunded) {
      refunds++;
      // A refunded order (positive amount) was never spend; a negative row takes money back.
      if (all.amount[d] < 0) netSpend[customer] += all.amount[d];
      continue;
    }
    frequency[customer]++;
    netSpend[customer] += all.amount[d];
    if (day < firstWonDay[customer]) firstWonDay[customer] = day;
    if (day > lastWonDay[customer]) lastWonDay[customer] = day;
  }
  // Customers listed twice share the deals of their id.
  customers.keys.forEach((key, k) => {
    const first = customers.indexByKey.get(key) as number;
    if (first === k) return;
    frequency[k] = frequency[first];
    netSpend[k] = netSpend[first];
    touched[k] = touched[first];
    firstWonDay[k] = firstWonDay[first];
    lastWonDay[k] = lastWonDay[first];
  });
  const recencyDays = new Float64Array(n);
  const monetary = new Float64Array(n);
  let netSpendAtOrBelowZero = 0;
  for (let k = 0; k < n; k++) {
    if (touched[k] === 0) netSpend[k] = NaN;
    else if (netSpend[k] <= 0) netSpendAtOrBelowZero++;
    if (frequency[k] === 0) {
      recencyDays[k] = frequency[k] = monetary[k] = firstWonDay[k] = lastWonDay[k] = NaN;
    } else {
      recencyDays[k] = asOfDay - lastWonDay[k];
      monetary[k] = Math.max(0, netSpend[k]);
    }
  }
  return { facts: { recencyDays, frequency, monetary, netSpend, firstWonDay, lastWonDay }, refunds, netSpendAtOrBelowZero, afterAsOf };
}

/** The won orders dated on or before the as-of date, in tab order, copied to lists of their own size. */
function wonUpTo(all: DealList, asOfDay: number): DealList {
  let count = 0;
  for (let i = 0; i < all.stage.length; i++) if (all.stage[i] === STAGE_CODE.won && all.day[i] <= asOfDay) count++;
  const won = growableDeals(count);
  for (let i = 0; i < all.stage.length; i++) {
    if (all.stage[i] === STAGE_CODE.won && all.day[i] <= asOfDay) won.push(all.customer[i], all.day[i], all.amount[i], STAGE_CODE.won);
  }
  return won.done();
}

// Examples of each side's ids in the sentence: enough to see the pattern.
const SHOWN_IDS = 2;

/**
 * When most of the ids the deals name match no customer, the likely cause is that the two
 * columns write ids differently (`C-0001` and `1`): one sentence about the tab as a whole shows both.
 */
function unmatchedIdsIssue(table: Table, column: number, read: DealRows, customers: CustomerRows): Issue[] {
  const unknown = read.unknownIds.length;
  if (unknown === 0 || unknown <= read.knownIds) return [];
  const show = (ids: readonly string[]) => ids.slice(0, SHOWN_IDS).map((id) => `\`${id}\``).join(', ');
  const header = String(table.header[column] ?? displayName(dealFields, 'customerId'));
  const customersSide = customers.ids.length === 0 ? 'the Customers tab has no ids' : `Customers ids like ${show(customers.ids)}`;
  return [
    {
      tab: table.tab,
      row: 0,
      column: header,
      value: read.unknownIds[0],
      message: `${unknown} of the ${unknown + read.knownIds} customer ids in ${table.tab} match no customer: ${table.tab} ids look like ${show(read.unknownIds)}, ${customersSide}`,
    },
  ];
}

/** The refunds and the customers they leave with nothing spent, counted on the header row (row 0: the tab as a whole). */
function refundIssues(table: Table, counts: DealCounts): Issue[] {
  const issues: Issue[] = [];
  const at = (value: number, message: string): Issue => ({ tab: table.tab, row: 0, column: '', value: String(value), message });
  if (counts.refunds > 0) {
    issues.push(at(counts.refunds, `${counts.refunds} ${counts.refunds === 1 ? 'row is a refund' : 'rows are refunds'} (negative amount or a refunded / returned / voided status): not purchases; negative amounts reduce the customer's spend`));
  }
  if (counts.netSpendAtOrBelowZero > 0) {
    const n = counts.netSpendAtOrBelowZero;
    issues.push(at(n, `${n} ${n === 1 ? 'customer has' : 'customers have'} net spend of 0 or less after refunds: scored as spending 0, the net shown in TW Monetary`));
  }
  return issues;
}
