import type { CustomerRows } from '../parse/customers-tab.js';
import type { DealFacts } from '../parse/deals-tab.js';
import type { Dimension } from '../settings/score.js';
import type { DimensionColumn } from './weighted.js';

/** Measures computed by Tierwise that a dimension may use, named with a leading `@`. */
export interface ComputedMeasures {
  readonly deals: DealFacts | null;
  readonly clv: Float64Array | null;
  readonly pAlive: Float64Array | null;
}

const DAYS_PER_YEAR = 365.25;

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
