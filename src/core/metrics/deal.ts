import type { Stage } from '../parse/stages.js';

/** A Deals row as the metrics read it; `day` is the deal's date as a day number. */
export interface MetricDeal {
  readonly customerId: string;
  /** The deal's Owner cell, when the tab has one. */
  readonly owner: string | null;
  readonly day: number;
  readonly stage: Stage;
}

/** Days in (asOfDay − periodDays, asOfDay]: the period ending on the as-of date, that day counted. */
export function inPeriod(day: number, asOfDay: number, periodDays: number): boolean {
  return day <= asOfDay && day > asOfDay - periodDays;
}
