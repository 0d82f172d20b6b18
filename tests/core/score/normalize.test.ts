import { describe, expect, it } from 'vitest';
import { normalizeDimension } from '../../../src/core/score/normalize.js';
import { Dimension } from '../../../src/core/settings/score.js';

const dimension = (fields: Partial<Dimension>): Dimension => Dimension.parse({ key: 'x', label: 'x', source: 'x', weight: 10, ...fields });
const normalized = (values: number[], fields: Partial<Dimension>, categories?: (string | null)[]) =>
  Array.from(normalizeDimension(Float64Array.from(values), dimension(fields), categories));

describe('normalizeDimension', () => {
  it('minmax: the lowest value scores 0, the highest 1, the rest in proportion; a blank stays blank', () => {
    expect(normalized([10, 20, 50, NaN], {})).toEqual([0, 0.25, 1, NaN]);
  });

  it('minmax: a column where everyone is equal puts everyone in the middle', () => {
    expect(normalized([7, 7, NaN], {})).toEqual([0.5, 0.5, NaN]);
  });

  it('lower is better: the smallest value scores 1 and the largest 0, a blank stays blank', () => {
    expect(normalized([10, 20, 50, NaN], { direction: 'lower' })).toEqual([1, 0.75, 0, NaN]);
  });

  it('percentile: ranks from 0 to 1, equal values share their average rank, a blank stays blank', () => {
    expect(normalized([40, 10, 20, NaN, 20], { normalize: 'percentile' })).toEqual([1, 0, 0.5, NaN, 0.5]);
    expect(normalized([3, 1, 2], { normalize: 'percentile' })).toEqual([1, 0, 0.5]);
    expect(normalized([5, 5, 5], { normalize: 'percentile' })).toEqual([0.5, 0.5, 0.5]);
  });

  it('percentile: a lone customer with a value is in the middle', () => {
    expect(normalized([NaN, 12], { normalize: 'percentile' })).toEqual([NaN, 0.5]);
  });

  it('log-minmax: ranks money on a log scale, a negative amount (refunds) counts as 0, a blank stays blank', () => {
    // log(1 + 9) is half of log(1 + 99).
    const [none, ten, hundred, refunded, blank] = normalized([0, 9, 99, -50, NaN], { normalize: 'log-minmax' });
    expect([none, hundred, refunded, blank]).toEqual([0, 1, 0, NaN]);
    expect(ten).toBeCloseTo(0.5, 12);
  });

  it('category: each text earns its points out of 100, matched without regard to case or spaces; other texts earn 0, blank cells stay blank', () => {
    const points = { ' Retail ': 80, mining: 20 };
    const categories = ['retail', '  MINING ', 'Farming', '', '   ', null];
    expect(normalized([0, 0, 0, NaN, NaN, NaN], { normalize: 'category', points }, categories)).toEqual([0.8, 0.2, 0, NaN, NaN, NaN]);
  });
});
