import { describe, expect, it } from 'vitest';
import { Rep } from '../../../src/core/assign/rep.js';
import { parseReps } from '../../../src/core/assign/reps.js';
import { defaultSettings } from '../../../src/core/settings/schema.js';
import type { Cell } from '../../../src/core/table.js';

// The Rep schema states what a rep is once the Reps tab is read; parseReps is its one reader,
// and it checks each cell itself to say what is wrong in the sheet's words.
const repsTab = (rows: Cell[][]) => parseReps({ tab: 'Reps', headerRow: 1, header: ['Name', 'Level', 'Capacity', 'A Cap'], rows }, defaultSettings);

describe('the Rep schema and the Reps tab', () => {
  it('takes every rep the tab gives as it is: each level, caps from 0 up or blank', () => {
    const read = repsTab([['Ann Lee', 'senior', 40, 10], ['Bob', 'mid', 0, 0], ['Cat', 'junior', null, null]]);
    if (!read.ok) throw new Error('not read');
    expect(read.reps).toHaveLength(3);
    for (const rep of read.reps) expect(Rep.parse(rep)).toEqual(rep);
  });

  it('refuses a rep without a name or with a negative cap, which the tab reports and never gives', () => {
    const read = repsTab([[null, 'mid', 5, null], ['Ann', 'mid', -1, null]]);
    if (!read.ok) throw new Error('not read');
    expect(read.issues.map((i) => [i.row, i.message])).toEqual([
      [2, 'row has data but no rep name; left out'],
      [3, "'-1' is not a whole number of customers; using the default from settings"],
    ]);
    expect(read.reps.map((r) => [r.name, r.capacity])).toEqual([['Ann', null]]);
    expect(Rep.safeParse({ ...read.reps[0], name: '' }).success).toBe(false);
    expect(Rep.safeParse({ ...read.reps[0], capacity: -1 }).success).toBe(false);
    expect(Rep.safeParse({ ...read.reps[0], aCap: -1 }).success).toBe(false);
  });
});
