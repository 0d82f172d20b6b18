import { describe, expect, it } from 'vitest';
import { describeValue } from '../../src/core/issue.js';

describe('describeValue', () => {
  it('shows a cell as the user would read it in an issue: nothing for a blank, a date as its ISO day, an invalid date as such', () => {
    expect(describeValue(null)).toBe('');
    expect(describeValue(undefined)).toBe('');
    expect(describeValue(new Date(Date.UTC(2024, 2, 5)))).toBe('2024-03-05T00:00:00.000Z');
    expect(describeValue(new Date(Number.NaN))).toBe('Invalid Date');
    expect(describeValue(12.5)).toBe('12.5');
    expect(describeValue(false)).toBe('false');
  });
});
