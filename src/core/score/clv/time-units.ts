import type { TimeUnit } from '../../settings/clv.js';

/**
 * Length of each model time unit in days. A month is a twelfth of the mean Gregorian
 * year (365.25 / 12 = 30.4375 days), so twelve months make one year whatever the
 * calendar months are; a week is 7 days.
 */
export const DAYS_PER_UNIT: Readonly<Record<TimeUnit, number>> = { days: 1, weeks: 7, months: 365.25 / 12 };

export const DAYS_PER_YEAR = 365.25;

/** A duration given in one unit, expressed in another. */
export function convertDuration(value: number, from: TimeUnit, to: TimeUnit): number {
  return (value * DAYS_PER_UNIT[from]) / DAYS_PER_UNIT[to];
}
