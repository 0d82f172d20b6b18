import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../../src/app/server/fingerprint.js';
import type { Cell, Table } from '../../../src/core/table.js';

const table = (rows: Cell[][], headerRow = 1): Table => ({ tab: 'Customers', header: ['Customer ID', 'Revenue', 'TW Score'], rows, headerRow });
const print = (rows: Cell[][], extra = 'settings', headerRow = 1) => fingerprint([table(rows, headerRow)], new Set(['TW Score']), extra);

describe('the fingerprint a stopped job resumes on', () => {
  const rows: Cell[][] = [['C1', 100, 55], ['C2', 200, 80]];

  it('is the same for the same book and settings, also when only the columns the job writes changed', () => {
    expect(print(rows)).toBe(print(rows.map((r) => [...r])));
    expect(print(rows)).toBe(print([['C1', 100, 12], ['C2', 200, null]]));
    expect(print(rows)).toMatch(/^[0-9a-f]{16}$/);
  });

  it('changes with any cell the job reads, the settings, the header row, or a row added', () => {
    const base = print(rows);
    const changed = [
      print([['C1', 101, 55], ['C2', 200, 80]]),
      print(rows, 'other settings'),
      print(rows, 'settings', 2),
      print([...rows, ['C3', null, null]]),
      print([['C1', '100', 55], ['C2', 200, 80]]),
      print([['C1', new Date(100), 55], ['C2', 200, 80]]),
      print([['C1', null, 55], ['C2', 200, 80]]),
    ];
    expect(new Set([base, ...changed]).size).toBe(changed.length + 1);
  });

  it('tells cells apart from the text they would make together', () => {
    expect(print([['ab', '', null]])).not.toBe(print([['a', 'b', null]]));
  });
});
