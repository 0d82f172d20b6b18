import { describe, expect, it } from 'vitest';
import type { Issue } from '../../src/core/issue.js';
import { describeIssues } from '../../src/node/report.js';

const issue = (row: number): Issue => ({ tab: 'Deals', row, column: 'Amount', value: 'abc', message: `row ${row} skipped` });

describe('describeIssues', () => {
  it('says so when there is none', () => {
    expect(describeIssues([])).toBe('No issues found.');
  });

  it('lists the first twelve and counts the rest, which --json lists', () => {
    const lines = describeIssues(Array.from({ length: 15 }, (_, k) => issue(k + 2))).split('\n');
    expect(lines[0]).toBe('Issues (15): cells we could not read, handled as stated');
    expect(lines[1]).toBe('  Deals row 2, Amount: row 2 skipped');
    expect(lines[12]).toBe('  Deals row 13, Amount: row 13 skipped');
    expect(lines.slice(13)).toEqual(['  … and 3 more (--json lists them all)']);
  });

  it('lists twelve without a count line', () => {
    expect(describeIssues(Array.from({ length: 12 }, (_, k) => issue(k + 2))).split('\n')).toHaveLength(13);
  });
});
