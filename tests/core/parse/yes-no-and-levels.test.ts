import { describe, expect, it } from 'vitest';
import { parseBoolean } from '../../../src/core/parse/booleans.js';
import { MISSING, type Parsed } from '../../../src/core/parse/failure.js';
import { type Level, parseLevel } from '../../../src/core/parse/levels.js';
import type { Cell } from '../../../src/core/table.js';

// A Reps tab's Active and Level columns: a rep read as inactive gets no customers, and a
// rep read at the wrong level gets the wrong share of them.

/** Each cell beside the value it reads as, so a failure names the cell. */
function expectRead<T>(parse: (cell: Cell) => Parsed<T>, cells: readonly (string | number)[], value: T): void {
  expect(cells.map((cell) => [cell, parse(cell)])).toEqual(cells.map((cell) => [cell, value]));
}

describe('an Active column', () => {
  it('reads the English words for yes and no', () => {
    expectRead(parseBoolean, ['Yes', 'Y', 'True', 'T', 'On', 'Active', 'Enabled'], true);
    expectRead(parseBoolean, ['No', 'N', 'False', 'F', 'Off', 'Inactive', 'Disabled'], false);
  });

  it('reads a tick, or an x marked in the box, as yes and a ballot cross as no', () => {
    expectRead(parseBoolean, ['✓', '✔', 'x', 'X'], true);
    expectRead(parseBoolean, ['✗', '✘'], false);
  });

  it('reads the simplified Chinese words for yes and no', () => {
    expectRead(parseBoolean, ['是', '对', '有', '在职', '启用', '有效', '开'], true);
    expectRead(parseBoolean, ['否', '不是', '错', '无', '离职', '停用', '禁用', '无效', '关'], false);
  });

  it('reads the traditional Chinese words for yes and no', () => {
    expectRead(parseBoolean, ['對', '在職', '啟用', '開'], true);
    expectRead(parseBoolean, ['錯', '無', '離職', '無效', '關'], false);
  });

  it('reads 1 and 0, written as text or as number cells', () => {
    expectRead(parseBoolean, ['1', 1], true);
    expectRead(parseBoolean, ['0', 0], false);
  });

  it('reads a checkbox as it is ticked', () => {
    expect([parseBoolean(true), parseBoolean(false)]).toEqual([true, false]);
  });

  it('ignores case, spaces, hyphens and full-width forms', () => {
    expectRead(parseBoolean, ['YES', ' yes ', 'ＹＥＳ', 'Ｅｎａｂｌｅｄ'], true);
    expectRead(parseBoolean, ['In-Active', 'IN_ACTIVE', 'ｎｏ'], false);
  });

  it('refuses a word it does not know, saying what it expects', () => {
    expect(parseBoolean('perhaps')).toEqual({ kind: 'invalid', message: "'perhaps' is not a yes/no value (use yes/no, true/false, 1/0, 是/否)" });
    expect(parseBoolean(2)).toEqual({ kind: 'invalid', message: "'2' is not a yes/no value (use yes/no, true/false, 1/0, 是/否)" });
  });

  it('leaves an empty text cell blank rather than reading it as yes or no', () => {
    expect(parseBoolean('')).toBe(MISSING);
  });
});

describe('a Level column', () => {
  it('reads the English words for each level', () => {
    expectRead<Level>(parseLevel, ['Senior', 'Sr', 'Sr.', 'Lead', 'Principal'], 'senior');
    expectRead<Level>(parseLevel, ['Mid', 'Middle', 'Intermediate', 'Mid-level'], 'mid');
    expectRead<Level>(parseLevel, ['Junior', 'Jr', 'Jr.', 'Entry', 'Associate'], 'junior');
  });

  it('reads the Chinese words for each level, simplified and traditional', () => {
    expectRead<Level>(parseLevel, ['资深', '高级', '資深', '高級'], 'senior');
    expectRead<Level>(parseLevel, ['中级', '中級'], 'mid');
    expectRead<Level>(parseLevel, ['初级', '新人', '初級'], 'junior');
  });

  it('reads 3, 2 and 1, written as text or as number cells', () => {
    expectRead<Level>(parseLevel, ['3', 3], 'senior');
    expectRead<Level>(parseLevel, ['2', 2], 'mid');
    expectRead<Level>(parseLevel, ['1', 1], 'junior');
  });

  it('ignores case, spaces, hyphens and full-width forms', () => {
    expectRead<Level>(parseLevel, ['MID LEVEL', 'mid_level', 'midlevel', 'ＭＩＤ'], 'mid');
    expectRead<Level>(parseLevel, ['SR.', ' senior '], 'senior');
  });

  it('refuses a level it does not know, saying what it expects', () => {
    expect(parseLevel('Manager')).toEqual({ kind: 'invalid', message: "'Manager' is not a level (use senior, mid or junior, or 3, 2, 1)" });
    expect(parseLevel(4)).toEqual({ kind: 'invalid', message: "'4' is not a level (use senior, mid or junior, or 3, 2, 1)" });
  });

  it('leaves an empty text cell blank rather than reading it as a level', () => {
    expect(parseLevel('')).toBe(MISSING);
  });
});
