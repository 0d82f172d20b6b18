import { describe, expect, it } from 'vitest';
import { nearestName } from '../../src/core/nearest-name.js';

describe('how far a suggestion may be', () => {
  it('allows a third of the longer name, so a name typed short still finds the long one', () => {
    // Five edits: within a third of the 17 letters of metricsPeriodDays, beyond a third of the 12 typed.
    expect(nearestName('metricPeriod', ['metricsPeriodDays'])).toBe('metricsPeriodDays');
    expect(nearestName('metricPer', ['metricsPeriodDays'])).toBeNull();
  });

  it('allows one edit even between names of one or two letters', () => {
    expect(nearestName('b', ['A'])).toBe('A');
    expect(nearestName('ab', ['ba'])).toBe('ba');
    expect(nearestName('ab', ['c'])).toBeNull();
  });
});
