import type { CustomerRows } from '../parse/customers-tab.js';
import type { DealFacts } from '../parse/deals-tab.js';
import type { Settings } from '../settings/schema.js';
import { type Dimension, dealDimensions, defaultDimensions } from '../settings/score.js';
import type { DimensionColumn } from './weighted.js';

/** Measures computed by Tierwise that a dimension may use, named with a leading `@`. */
export interface ComputedMeasures {
  readonly deals: DealFacts | null;
  readonly clv: Float64Array | null;
  readonly pAlive: Float64Array | null;
}

const DAYS_PER_YEAR = 365.25;

/**
 * Below this many of the default score's columns on the Customers tab, the deals carry the
 * score (issue 10 item 2): one column alone would rank customers on a single figure that
 * the tab may not even fill, and none ranks nobody.
 */
const FEWEST_CUSTOMER_DIMENSIONS = 2;

export interface ScoringColumns {
  readonly columns: DimensionColumn[];
  readonly absent: Dimension[];
  /** True when dimensions computed from the deals stand in for the default ones. */
  readonly fromDeals: boolean;
  /** Sentences for the summary: which dimensions scored, which did not and why. */
  readonly notes: string[];
}

/**
 * The dimensions that score this book. The user's own, or the defaults, less those of a
 * CLV model that cannot be trusted (it ranks nobody; the others share its weight). When
 * the defaults are in force and the Customers tab has fewer than two of their columns,
 * spend, orders, recency and (reliable) CLV from the deals carry the score instead.
 */
export function scoringColumns(settings: Settings, customers: CustomerRows, measures: ComputedMeasures, clvReliable: boolean, asOfDay: number): ScoringColumns {
  const notes: string[] = [];
  const usable = (d: Dimension) => clvReliable || !fromClvModel(d);
  const dropped = settings.score.dimensions.filter((d) => !usable(d));
  if (dropped.length) notes.push(`Not scored on ${labels(dropped)}: the CLV model is not reliable for this book (see CLV above).`);
  const configured = resolveDimensions(settings.score.dimensions.filter(usable), customers, measures, asOfDay);
  const fromCustomers = configured.columns.filter((c) => c.dimension.weight > 0);

  if (measures.deals !== null && fromCustomers.length < FEWEST_CUSTOMER_DIMENSIONS && isDefault(settings.score.dimensions)) {
    const { columns, absent } = resolveDimensions(dealDimensions.filter(usable), customers, measures, asOfDay);
    const found = fromCustomers.length ? `only ${labels(fromCustomers.map((c) => c.dimension))}` : 'none';
    const withoutClv = measures.clv !== null && !clvReliable ? '; not on lifetime value, as the CLV model is not reliable here' : '';
    notes.push(
      `The ${settings.tabs.customers} tab has ${found} of the default score's columns, so ${settings.tabs.deals} carry the score: ${labels(columns.map((c) => c.dimension))}${withoutClv} (set score.dimensions to choose your own).`,
    );
    return { columns, absent, fromDeals: true, notes };
  }
  if (configured.absent.length) notes.push(`Not scored on (no column): ${labels(configured.absent)}.`);
  return { ...configured, fromDeals: false, notes };
}

/** Dimensions whose values come from the CLV model: lifetime value and P(alive). */
function fromClvModel(dimension: Dimension): boolean {
  return dimension.source === '@clv' || dimension.source === '@pAlive';
}

const DEFAULTS = JSON.stringify(defaultDimensions);

/** True when the settings leave the score's dimensions as they come (parsed settings keep the schema's key order). */
function isDefault(dimensions: readonly Dimension[]): boolean {
  return JSON.stringify(dimensions) === DEFAULTS;
}

function labels(dimensions: readonly Dimension[]): string {
  return dimensions.map((d) => d.label).join(', ');
}

/**
 * The values of each dimension whose source exists in this book. A dimension whose
 * column is absent is left out and the others share its weight (the "each used
 * only when its column exists"); it is listed in `absent` so the summary can say so.
 */
export function resolveDimensions(
  dimensions: readonly Dimension[],
  customers: CustomerRows,
  measures: ComputedMeasures,
  asOfDay: number,
): { columns: DimensionColumn[]; absent: Dimension[] } {
  const columns: DimensionColumn[] = [];
  const absent: Dimension[] = [];
  for (const dimension of dimensions) {
    const column = resolve(dimension, customers, measures, asOfDay);
    if (column) columns.push(column);
    else absent.push(dimension);
  }
  return { columns, absent };
}

function resolve(dimension: Dimension, customers: CustomerRows, measures: ComputedMeasures, asOfDay: number): DimensionColumn | null {
  const source = dimension.source;
  if (source.startsWith('@')) {
    const values = computed(source.slice(1), customers, measures, asOfDay);
    return values ? { dimension, values } : null;
  }
  const column = customers.columnOf(source);
  if (column === undefined) return null;
  if (dimension.normalize === 'category') {
    const categories = customers.text(column);
    return { dimension, values: Float64Array.from(categories, (c) => (c === null ? NaN : 0)), categories };
  }
  return { dimension, values: customers.numbers(column) };
}

function computed(name: string, customers: CustomerRows, measures: ComputedMeasures, asOfDay: number): Float64Array | null {
  switch (name) {
    case 'recencyDays':
    case 'frequency':
    case 'monetary':
      return measures.deals ? measures.deals[name] : null;
    case 'clv':
      return measures.clv;
    case 'pAlive':
      return measures.pAlive;
    case 'tenureYears':
      return tenureYears(customers, asOfDay);
    default:
      return null;
  }
}

/** Years as customer from its own column, else from First Deal Date. */
function tenureYears(customers: CustomerRows, asOfDay: number): Float64Array | null {
  const years = customers.columns.yearsAsCustomer;
  if (years !== undefined) return customers.numbers(years);
  const first = customers.columns.firstDealDate;
  if (first === undefined) return null;
  return customers.days(first).map((day) => (Number.isNaN(day) ? NaN : Math.max(0, asOfDay - day) / DAYS_PER_YEAR));
}
