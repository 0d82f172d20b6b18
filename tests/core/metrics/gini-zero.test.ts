import { describe, expect, it } from 'vitest';
import { gini } from '../../../src/core/metrics/gini.js';

describe('gini of nothing held', () => {
  it('is 0, an even spread, when no rep holds any score', () => {
    expect(gini([0, 0, 0])).toBe(0);
    expect(gini([0])).toBe(0);
  });
});
