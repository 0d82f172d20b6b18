import { describe, expect, it } from 'vitest';
import { parseReps } from '../../../src/core/assign/reps.js';
import { dayNumber } from '../../../src/core/parse/days.js';
import { defaultSettings } from '../../../src/core/settings/schema.js';
import type { Cell, Table } from '../../../src/core/table.js';

function repsTab(header: Cell[], rows: Cell[][]): Table {
  return { tab: 'Reps', header, rows, headerRow: 1 };
}

describe('parseReps', () => {
  it('reads every column of the Reps tab, in English', () => {
    const read = parseReps(
      repsTab(
        ['Name', 'Email', 'Level', 'Regions', 'Industries', 'Capacity', 'A Cap', 'Active', 'Away From', 'Away To', 'Start Date'],
        [['Ann Lee', 'ann@acme.com', 'senior', 'East, West', 'Retail; Finance', 50, 10, 'yes', '2026-12-01', '2026-12-10', '2024-03-01']],
      ),
      defaultSettings,
    );
    expect(read).toEqual({
      ok: true,
      issues: [],
      reps: [
        {
          name: 'Ann Lee',
          email: 'ann@acme.com',
          level: 'senior',
          regions: ['East', 'West'],
          industries: ['Retail', 'Finance'],
          capacity: 50,
          aCap: 10,
          active: true,
          awayFrom: dayNumber(2026, 12, 1),
          awayTo: dayNumber(2026, 12, 10),
          startDay: dayNumber(2024, 3, 1),
        },
      ],
    });
  });

  it('reads Chinese headers, levels given as 3/2/1 and lists separated by 、', () => {
    const read = parseReps(repsTab(['姓名', '级别', '负责区域', '保有量', '在职'], [['王芳', 3, '华东、华南', '80', '否'], ['李雷', '1', '华北', null, '是']]), defaultSettings);
    if (!read.ok) throw new Error('not read');
    expect(read.reps.map((r) => [r.name, r.level, r.regions, r.capacity, r.active])).toEqual([
      ['王芳', 'senior', ['华东', '华南'], 80, false],
      ['李雷', 'junior', ['华北'], null, true],
    ]);
  });

  it('reports a bad cell with its sheet row and keeps the rep with what a blank means', () => {
    const read = parseReps(repsTab(['Name', 'Level', 'Capacity'], [['Ann', 'boss', 'lots'], ['Bob', 'mid', 12.5]]), defaultSettings);
    if (!read.ok) throw new Error('not read');
    expect(read.reps.map((r) => [r.name, r.level, r.capacity])).toEqual([
      ['Ann', 'mid', null],
      ['Bob', 'mid', null],
    ]);
    expect(read.issues.map((i) => [i.row, i.column, i.value])).toEqual([
      [2, 'Level', 'boss'],
      [2, 'Capacity', 'lots'],
      [3, 'Capacity', '12.5'],
    ]);
    expect(read.issues[2].message).toContain('not a whole number');
  });

  it('leaves out a row without a name and a rep listed twice, saying which row', () => {
    const read = parseReps(repsTab(['Name', 'Email'], [['Ann', 'ann@x.com'], [null, 'who@x.com'], [' ann ', 'other@x.com'], ['Bob', 'ANN@x.com'], [null, null]]), defaultSettings);
    if (!read.ok) throw new Error('not read');
    expect(read.reps.map((r) => r.name)).toEqual(['Ann']);
    expect(read.issues.map((i) => [i.row, i.message])).toEqual([
      [3, 'row has data but no rep name; left out'],
      [4, 'the same rep as row 2: owner cells could not tell them apart; left out'],
      [5, 'the same rep as row 2: owner cells could not tell them apart; left out'],
    ]);
  });

  it('ignores a leave that ends before it starts, with an issue', () => {
    const read = parseReps(repsTab(['Name', 'Away From', 'Away To'], [['Ann', '2026-12-10', '2026-12-01']]), defaultSettings);
    if (!read.ok) throw new Error('not read');
    expect([read.reps[0].awayFrom, read.reps[0].awayTo]).toEqual([null, null]);
    expect(read.issues[0].message).toBe('the leave ends before it starts; not away');
  });

  it('cannot use a Reps tab without a name column', () => {
    const read = parseReps(repsTab(['Email'], [['a@b.com']]), defaultSettings);
    expect(read.ok).toBe(false);
    expect(read.issues[0].message).toContain('Reps has no column for Name');
  });

  it('reports a repeated name in the Name column and a repeated e-mail in the Email column, with the cell as written', () => {
    const read = parseReps(repsTab(['Email', 'Name'], [['ann@x.com', 'Ann'], ['other@x.com', 'ANN'], ['Ann@X.com', 'Bob']]), defaultSettings);
    if (!read.ok) throw new Error('not read');
    expect(read.issues.map((i) => [i.row, i.column, i.value])).toEqual([
      [3, 'Name', 'ANN'],
      [4, 'Email', 'Ann@X.com'],
    ]);
  });

  it('keeps reps who share a blank e-mail: a missing address identifies nobody', () => {
    const read = parseReps(repsTab(['Name', 'Email'], [['Ann', null], ['Bob', ''], ['Cy', '  ']]), defaultSettings);
    if (!read.ok) throw new Error('not read');
    expect(read.reps.map((r) => [r.name, r.email])).toEqual([
      ['Ann', ''],
      ['Bob', ''],
      ['Cy', ''],
    ]);
    expect(read.issues).toEqual([]);
  });

  it('reads a tab without optional columns with what blanks mean: mid level, no caps, active, not away, no start date', () => {
    const read = parseReps(repsTab(['Name'], [['Ann']]), defaultSettings);
    expect(read).toEqual({
      ok: true,
      issues: [],
      reps: [{ name: 'Ann', email: '', level: 'mid', regions: [], industries: [], capacity: null, aCap: null, active: true, awayFrom: null, awayTo: null, startDay: null }],
    });
  });

  it('reports bad dates, caps and yes/no cells with what was used instead, and accepts a one-day leave', () => {
    const read = parseReps(
      repsTab(['Name', 'A Cap', 'Active', 'Away From', 'Away To', 'Start Date'], [['Ann', -1, 'maybe', 'soon', '2026-12-01', 'once'], ['Bob', 0, 'no', '2026-12-05', '2026-12-05', null]]),
      defaultSettings,
    );
    if (!read.ok) throw new Error('not read');
    const outcomes = Object.fromEntries(read.issues.map((i) => [`row ${i.row}, ${i.column}`, i.message.split('; ').at(-1)]));
    expect(outcomes).toEqual({
      'row 2, A Cap': 'using the default from settings',
      'row 2, Active': 'read as active',
      'row 2, Away From': 'not away',
      'row 2, Start Date': 'no start date',
    });
    expect(read.issues.find((i) => i.column === 'A Cap')?.message).toContain('not a whole number');
    expect(read.reps.map((r) => [r.aCap, r.active, r.awayFrom, r.awayTo, r.startDay])).toEqual([
      [null, true, null, dayNumber(2026, 12, 1), null],
      [0, false, dayNumber(2026, 12, 5), dayNumber(2026, 12, 5), null],
    ]);
  });

  it('names the Email column for a repeated e-mail wherever the columns stand', () => {
    const read = parseReps(repsTab(['Name', 'Level', 'Email'], [['Ann', 'mid', 'ann@x.com'], ['Bob', 'mid', 'ANN@x.com']]), defaultSettings);
    if (!read.ok) throw new Error('not read');
    expect(read.issues.map((i) => [i.row, i.column, i.value])).toEqual([[3, 'Email', 'ANN@x.com']]);
  });

  it('keeps a leave with only a start or only an end as written, without an issue', () => {
    const read = parseReps(repsTab(['Name', 'Away From', 'Away To'], [['Ann', '2026-12-10', null], ['Bob', null, '2026-12-01']]), defaultSettings);
    if (!read.ok) throw new Error('not read');
    expect(read.reps.map((r) => [r.awayFrom, r.awayTo])).toEqual([
      [dayNumber(2026, 12, 10), null],
      [null, dayNumber(2026, 12, 1)],
    ]);
    expect(read.issues).toEqual([]);
  });

  it('says what it used instead of a bad level and a bad leave end, and leaves blank caps unreported', () => {
    const read = parseReps(repsTab(['Name', 'Level', 'Capacity', 'Away To'], [['Ann', 'boss', null, 'later']]), defaultSettings);
    if (!read.ok) throw new Error('not read');
    expect(read.issues.map((i) => [i.column, i.message.split('; ').at(-1)])).toEqual(
      expect.arrayContaining([
        ['Level', 'read as mid'],
        ['Away To', 'not away'],
      ]),
    );
    expect(read.issues).toHaveLength(2);
    expect(read.reps[0].capacity).toBeNull();
  });

  it('reads dates in the order the settings give (day first here)', () => {
    const dayFirst = { ...defaultSettings, parse: { ...defaultSettings.parse, dateOrder: 'dmy' as const } };
    const read = parseReps(repsTab(['Name', 'Start Date'], [['Ann', '03/04/2026']]), dayFirst);
    if (!read.ok) throw new Error('not read');
    expect(read.reps[0].startDay).toBe(dayNumber(2026, 4, 3));
  });

  it('keeps the header issues of a usable Reps tab, such as a header written twice', () => {
    const read = parseReps(repsTab(['Name', 'Email', 'Email'], [['Ann', 'ann@x.com', 'a@x.com']]), defaultSettings);
    if (!read.ok) throw new Error('not read');
    expect(read.reps.map((r) => r.email)).toEqual(['ann@x.com']);
    expect(read.issues).toHaveLength(1);
  });
});

