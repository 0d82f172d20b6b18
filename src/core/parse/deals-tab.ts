import type { Issue } from '../issue.js';
import type { Settings } from '../settings/schema.js';
import type { Table } from '../table.js';
import { isBlankRow } from '../table.js';
import { parseNumberColumn } from './amount-column.js';
import { cellIssue, parseDateColumn, parseStageColumn } from './columns.js';
import { idOf, type CustomerRows } from './customers-tab.js';
import { dealFields } from './fields.js';
import { requireColumns } from './headers.js';
import type { Stage } from './stages.js';

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
  const { customerId, amount, date, stage } = located.index;
  const issues = [...located.issues];
  const amounts = parseNumberColumn(table, amount, { decimalSeparator: settings.parse.decimalSeparator });
  const days = parseDateColumn(table, date, { dateOrder: settings.parse.dateOrder });
  const stages = stage === undefined ? null : parseStageColumn(table, stage);
  issues.push(...amounts.issues, ...days.issues, ...(stages?.issues ?? []));

  const n = customers.ids.length;
  const frequency = new Float64Array(n);
  const monetary = new Float64Array(n);
  const firstWonDay = new Float64Array(n).fill(Infinity);
  const lastWonDay = new Float64Array(n).fill(-Infinity);
  const all = growableDeals(table.rows.length);
  const won = growableDeals(table.rows.length);
  const unknownIds = new Set<string>();
  let afterAsOf = 0;

  const rows = table.rows;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const id = idOf(row[customerId] ?? null);
    if (id === '') {
      if (!isBlankRow(row)) issues.push(cellIssue(table, customerId, i, null, 'deal has no Customer ID; left out'));
      continue;
    }
    const customer = customers.indexById.get(id);
    if (customer === undefined) {
      if (!unknownIds.has(id)) {
        unknownIds.add(id);
        issues.push(cellIssue(table, customerId, i, id, 'no customer with this ID on the Customers tab; its deals are left out'));
      }
      continue;
    }
    const day = days.days[i];
    const value = amounts.values[i];
    const stageName = stages === null ? 'won' : stages.stages[i];
    if (Number.isNaN(day) || Number.isNaN(value) || stageName === null) {
      if (Number.isNaN(day) && (row[date] ?? null) === null) issues.push(cellIssue(table, date, i, null, 'deal has no date; left out'));
      if (Number.isNaN(value) && (row[amount] ?? null) === null) issues.push(cellIssue(table, amount, i, null, 'deal has no amount; left out'));
      continue;
    }
    const code = STAGE_CODE[stageName];
    all.push(customer, day, value, code);
    if (code !== STAGE_CODE.won) continue;
    if (day > asOfDay) {
      afterAsOf++;
      continue;
    }
    won.push(customer, day, value, code);
    frequency[customer]++;
    monetary[customer] += value;
    if (day < firstWonDay[customer]) firstWonDay[customer] = day;
    if (day > lastWonDay[customer]) lastWonDay[customer] = day;
  }
  // Customers listed twice share the deals of their id.
  customers.ids.forEach((id, k) => {
    const first = customers.indexById.get(id) as number;
    if (first === k) return;
    frequency[k] = frequency[first];
    monetary[k] = monetary[first];
    firstWonDay[k] = firstWonDay[first];
    lastWonDay[k] = lastWonDay[first];
  });

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
    facts: { recencyDays, frequency, monetary, firstWonDay, lastWonDay, won: won.done(), all: all.done(), hasStage: stages !== null, afterAsOf, issues },
  };
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
