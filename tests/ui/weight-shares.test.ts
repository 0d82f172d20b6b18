import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apportion, moveWeight, toPercentages } from '../../ui/weight-shares.js';

const sum = (xs: number[]) => xs.reduce((a, x) => a + x, 0);
const percentages = fc.array(fc.nat(50), { minLength: 1, maxLength: 10 }).map(toPercentages);

describe('slider weights', () => {
  it('turns saved weights into whole percentages in the same proportions', () => {
    expect(toPercentages([30, 20, 10, 5, 15, 5, 5, 10])).toEqual([30, 20, 10, 5, 15, 5, 5, 10]);
    expect(toPercentages([1, 1, 1])).toEqual([34, 33, 33]);
    expect(toPercentages([0, 0])).toEqual([50, 50]);
  });

  it('always sum to 100 after any slider moves anywhere', () => {
    fc.assert(
      fc.property(percentages, fc.nat(20), fc.integer({ min: -20, max: 140 }), (start, pick, value) => {
        const index = pick % start.length;
        const moved = moveWeight(start, index, value);
        expect(sum(moved)).toBe(100);
        expect(moved.every((p) => Number.isInteger(p) && p >= 0)).toBe(true);
        if (start.length > 1) expect(moved[index]).toBe(Math.min(100, Math.max(0, value)));
      }),
    );
  });

  it('keeps the other sliders in their old proportions', () => {
    expect(moveWeight([50, 30, 20], 0, 0)).toEqual([0, 60, 40]);
    expect(moveWeight([40, 40, 20], 2, 60)).toEqual([20, 20, 60]);
  });

  it('shares what is left evenly when every other slider was at zero', () => {
    expect(moveWeight([100, 0, 0], 0, 40)).toEqual([40, 30, 30]);
  });

  it('apportions by largest remainder, so the parts add up exactly', () => {
    fc.assert(fc.property(fc.array(fc.nat(1000), { minLength: 1, maxLength: 12 }), fc.nat(500), (parts, total) => {
      const shares = apportion(parts, total);
      expect(sum(shares)).toBe(sum(parts) === 0 ? 0 : total);
    }));
  });
});
