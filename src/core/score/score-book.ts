import type { Issue } from '../issue.js';
import type { DerivedCustomersFacts } from '../parse/derive-customers.js';
import { type CustomerRows, readCustomers } from '../parse/customers-tab.js';
import { type DealFacts, readDeals } from '../parse/deals-tab.js';
import type { Settings } from '../settings/schema.js';
import type { Dimension } from '../settings/score.js';
import type { Table } from '../table.js';
import type { KeyedClvFit } from './clv/fit-key.js';
import { type CustomerClvColumns, clvByCustomer } from './customer-clv.js';
import { scoringColumns } from './dimensions.js';
import { type RfmScores, scoreRfm } from './rfm.js';
import { type Tier, assignTiers } from './tiers.js';
import { type DimensionColumn, scoreCustomers } from './weighted.js';
import { WHY_TOP, explainScore } from './why.js';

export interface ScoreBookInput {
  readonly customers: Table;
  /** Null when the book has no Deals tab: no RFM, said plainly. */
  readonly deals: Table | null;
  readonly settings: Settings;
  readonly asOfDay: number;
  /** Present when the Customers tab was made from the deals by this run (an orders-only book). */
  readonly customersDerived?: DerivedCustomersFacts;
  /** The CLV fit an earlier run saved: reused when it was fitted to the same summaries and settings (clvByCustomer). */
  readonly savedClvFit?: KeyedClvFit | null;
}

export interface BookScores {
  readonly customers: CustomerRows;
  readonly scores: Float64Array;
  /** Null for every customer when the book is untiered (all scores equal). */
  readonly tiers: readonly (Tier | null)[];
  readonly why: string[];
  readonly deals: DealFacts | null;
  readonly rfm: RfmScores | null;
  /** Null without deals or with CLV switched off in the settings. */
  readonly clv: CustomerClvColumns | null;
  /** What the run said about a Customers tab it made from the deals; null for a book that has one. */
  readonly customersDerived: DerivedCustomersFacts | null;
  readonly dimensionsUsed: Dimension[];
  /** The values of the dimensions used, per customer: what the sidebar's what-if reweighs. */
  readonly columns: DimensionColumn[];
  readonly dimensionsAbsent: Dimension[];
  /** True when dimensions computed from the deals stood in for the default ones (issue 10 item 2). */
  readonly fromDeals: boolean;
  /** False when every customer has the same score: nobody has a tier. */
  readonly tiered: boolean;
  readonly issues: Issue[];
  /** Sentences for the summary about what was and was not done. */
  readonly notes: string[];
}

export type ScoreBookResult = { ok: true; result: BookScores } | { ok: false; issues: Issue[] };

/** Read the tabs, score, tier, RFM: the whole core run of a rescore, pure. */
export function scoreBook(input: ScoreBookInput): ScoreBookResult {
  const { settings, asOfDay } = input;
  const read = readCustomers(input.customers, settings);
  if (!read.ok) return { ok: false, issues: read.issues };
  const customers = read.customers;
  const issues = read.issues;
  const notes: string[] = input.customersDerived ? [derivedNote(input.customersDerived, settings)] : [];

  let deals: DealFacts | null = null;
  if (input.deals === null) {
    notes.push(`No ${settings.tabs.deals} tab: RFM and CLV were not computed.`);
  } else {
    const dealsRead = readDeals(input.deals, customers, settings, asOfDay);
    if (dealsRead.ok) {
      deals = dealsRead.facts;
      issues.push(...deals.issues);
      if (!deals.hasStage) notes.push(`${settings.tabs.deals} has no Stage column: every deal counts as won.`);
      if (deals.afterAsOf > 0) notes.push(`${deals.afterAsOf} won deals dated after the as-of date were left out.`);
      if (deals.shape) notes.push(`Read ${settings.tabs.deals} as a ${deals.shape.name} export: ${deals.shape.reading}.`);
      const keyNote = customerKeyNote(deals, settings.tabs.deals);
      if (keyNote) notes.push(keyNote);
      const { linesMerged, ordersMerged } = deals.counts;
      if (linesMerged > 0) notes.push(`${linesMerged + ordersMerged} lines sharing a Deal ID were merged into ${ordersMerged} orders: each order counts once, on its earliest line's date.`);
    } else {
      issues.push(...dealsRead.issues);
      notes.push(`${settings.tabs.deals} could not be read (see issues): RFM and CLV were not computed.`);
    }
  }

  // Dates the pool relies on are read now too, so a bad one is reported by every rescore.
  for (const field of ['lastActivity', 'firstDealDate'] as const) {
    const column = customers.columns[field];
    if (column !== undefined) customers.days(column);
  }
  const clv = deals && settings.clv.enabled ? clvByCustomer(customers, deals, settings, asOfDay, input.savedClvFit ?? null) : null;
  if (clv?.result.fallbackReason) notes.push(`CLV: ${clv.result.fallbackReason}`);
  if (clv) notes.push(...clv.result.warnings.map((w) => `CLV: ${w}`));

  const measures = { deals, clv: clv?.clv ?? null, pAlive: clv?.pAlive ?? null };
  const scoring = scoringColumns(settings, customers, measures, clv === null || clv.result.reliable, asOfDay);
  notes.push(...scoring.notes);
  const { columns, absent } = scoring;
  const n = customers.ids.length;
  const weighted = scoreCustomers(n, columns);
  const tiered = assignTiers(weighted.scores, settings.tiers);
  if (tiered === null && n > 0) notes.push(untieredNote(weighted.scores[0], n));
  const tiers: (Tier | null)[] = tiered ?? new Array<null>(n).fill(null);
  const why = new Array<string>(n);
  for (let k = 0; k < n; k++) why[k] = explainScore(weighted.contributionsOf(k, WHY_TOP));
  const rfm = deals ? scoreRfm(deals, settings.rfm) : null;

  return {
    ok: true,
    result: {
      customers,
      scores: weighted.scores,
      tiers,
      why,
      deals,
      rfm,
      clv,
      customersDerived: input.customersDerived ?? null,
      dimensionsUsed: columns.map((c) => c.dimension),
      columns,
      dimensionsAbsent: absent,
      fromDeals: scoring.fromDeals,
      tiered: tiered !== null,
      issues: sortIssues(issues, [input.customers.tab, input.deals?.tab ?? '']),
      notes,
    },
  };
}

/** Said instead of tiers when the score cannot tell the customers apart. */
function untieredNote(score: number, n: number): string {
  const who = n === 1 ? 'The one customer' : `Every customer (all ${n})`;
  return `${who} scored ${score.toFixed(2)}: the score tells nobody apart, so no tiers were given (TW Tier is left blank). Add columns the score can use, or set score.dimensions.`;
}

const KEY_ORDER = ['id', 'email', 'phone', 'name'] as const;

/** e.g. "No Customers tab: made it from the 812 distinct customers of Deals (Customer ID from Email, Name from Billing Name, Region from Billing Country)." */
function derivedNote(facts: DerivedCustomersFacts, settings: Settings): string {
  const headers = { id: 'Customer ID', name: 'Name', email: 'Email', phone: 'Phone', region: 'Region', owner: 'Owner' } as const;
  const sources = Object.entries(facts.from).map(([column, header]) => `${headers[column as keyof typeof headers]} from ${header}`);
  return `No ${settings.tabs.customers} tab: made it from the ${facts.customers} distinct customers of ${settings.tabs.deals} (${sources.join(', ')}).`;
}

/**
 * Which columns told the deals' customers apart, when anything but the id did (issue 10
 * item 6), e.g. "Deals found their customers by Customer ID (812 rows), then Billing Email (188 rows)."
 */
function customerKeyNote(deals: DealFacts, tab: string): string | null {
  const used = KEY_ORDER.filter((kind) => deals.counts.keyedBy[kind] > 0);
  if (used.length === 0 || (used.length === 1 && used[0] === 'id')) return null;
  const parts = used.map((kind) => {
    const rows = deals.counts.keyedBy[kind];
    return `${deals.keyHeaders[kind]} (${rows} ${rows === 1 ? 'row' : 'rows'})`;
  });
  const why = deals.keyHeaders.id === undefined ? `${tab} has no customer id column` : `where ${deals.keyHeaders.id} was blank`;
  return `${tab} found their customers by ${parts.join(', then ')}: ${why}.`;
}

/** Issues in the order a person fixes them: tab by tab, top to bottom, left to right. */
function sortIssues(issues: Issue[], tabOrder: string[]): Issue[] {
  const tabRank = (tab: string) => {
    const rank = tabOrder.indexOf(tab);
    return rank < 0 ? tabOrder.length : rank;
  };
  return issues
    .map((issue, order) => ({ issue, order }))
    .sort((a, b) => tabRank(a.issue.tab) - tabRank(b.issue.tab) || a.issue.row - b.issue.row || a.order - b.order)
    .map((x) => x.issue);
}
