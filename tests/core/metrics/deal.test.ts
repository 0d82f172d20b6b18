import { describe, expect, it } from 'vitest';
import { inPeriod } from '../../../src/core/metrics/deal.js';

describe('inPeriod', () => {
  it('counts the as-of day and the days before it, periodDays in all, and no day after it', () => {
    const asOf = 1000;
    expect([asOf + 1, asOf, asOf - 89, asOf - 90].map((day) => inPeriod(day, asOf, 90))).toEqual([false, true, true, false]);
  });
});
