import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBoolean } from '../../../src/core/parse/booleans.js';
import { MISSING } from '../../../src/core/parse/failure.js';
import { parseLevel } from '../../../src/core/parse/levels.js';
import { parseList } from '../../../src/core/parse/lists.js';
import { parseStage } from '../../../src/core/parse/stages.js';

describe('parseBoolean', () => {
  it.each(['yes', 'Y', 'TRUE', 'true', '1', 'on', 'Active', '是', '在职', '在職', '启用', ' Yes '])('reads %s as yes', (text) => {
    expect(parseBoolean(text)).toBe(true);
  });

  it.each(['no', 'N', 'FALSE', '0', 'off', 'inactive', '否', '离职', '離職', '停用'])('reads %s as no', (text) => {
    expect(parseBoolean(text)).toBe(false);
  });

  it('reads checkbox and 1/0 number cells', () => {
    expect([parseBoolean(true), parseBoolean(false), parseBoolean(1), parseBoolean(0)]).toEqual([true, false, true, false]);
  });

  it('refuses anything else, and leaves blanks missing', () => {
    expect(parseBoolean('maybe')).toEqual({ kind: 'invalid', message: "'maybe' is not a yes/no value (use yes/no, true/false, 1/0, 是/否)" });
    expect(parseBoolean(2)).toMatchObject({ kind: 'invalid' });
    expect(parseBoolean('#N/A')).toEqual({ kind: 'invalid', message: 'error value #N/A' });
    expect(parseBoolean(null)).toBe(MISSING);
    expect(parseBoolean(' ')).toBe(MISSING);
  });
});

describe('parseStage', () => {
  it.each([
    ['won', 'won'], ['Won', 'won'], ['Closed Won', 'won'], ['closed_won', 'won'], ['CLOSED-WON', 'won'], ['赢单', 'won'], ['成交', 'won'], ['已成交', 'won'], ['签约', 'won'], ['贏單', 'won'],
    ['lost', 'lost'], ['Closed Lost', 'lost'], ['输单', 'lost'], ['丢单', 'lost'], ['失败', 'lost'], ['輸單', 'lost'], ['Cancelled', 'lost'],
    ['open', 'open'], ['进行中', 'open'], ['跟进中', 'open'], ['Negotiation', 'open'], ['Proposal', 'open'], ['Qualification', 'open'], ['Negotiation/Review', 'open'], ['進行中', 'open'],
  ])('reads %s as %s', (text, stage) => {
    expect(parseStage(text)).toBe(stage);
  });

  it('refuses a stage that does not say whether the deal was won', () => {
    expect(parseStage('Closed')).toEqual({ kind: 'invalid', message: "'Closed' is not a deal stage (use won, lost or open)" });
    expect(parseStage(true)).toMatchObject({ kind: 'invalid' });
  });
});

describe('parseLevel', () => {
  it.each([
    ['senior', 'senior'], ['Senior', 'senior'], ['3', 'senior'], [3, 'senior'], ['资深', 'senior'], ['高级', 'senior'], ['資深', 'senior'], ['高級', 'senior'],
    ['mid', 'mid'], ['2', 'mid'], [2, 'mid'], ['中级', 'mid'], ['中級', 'mid'],
    ['junior', 'junior'], ['1', 'junior'], [1, 'junior'], ['初级', 'junior'], ['初級', 'junior'],
  ] as const)('reads %s as %s', (cell, level) => {
    expect(parseLevel(cell)).toBe(level);
  });

  it('refuses other levels', () => {
    expect(parseLevel(4)).toEqual({ kind: 'invalid', message: "'4' is not a level (use senior, mid or junior, or 3, 2, 1)" });
  });
});

describe('parseList', () => {
  it('splits on commas, semicolons and the enumeration comma, half- or full-width', () => {
    expect(parseList('East, West；North、South，Central;Far East')).toEqual(['East', 'West', 'North', 'South', 'Central', 'Far East']);
  });

  it('splits on line breaks within a cell', () => {
    expect(parseList('华东\n华南')).toEqual(['华东', '华南']);
  });

  it('keeps names with a slash whole', () => {
    expect(parseList('Media/Entertainment, Retail')).toEqual(['Media/Entertainment', 'Retail']);
  });

  it('drops blanks and repeats, keeping the first spelling', () => {
    expect(parseList(' East ,, east ; EAST, West ,')).toEqual(['East', 'West']);
    expect(parseList(null)).toEqual([]);
    expect(parseList('  ')).toEqual([]);
  });
});

describe('the word parsers', () => {
  it('never throw, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        for (const result of [parseBoolean(text), parseStage(text), parseLevel(text)]) {
          if (typeof result === 'object' && result.kind === 'invalid' && result.message === '') return false;
        }
        return Array.isArray(parseList(text));
      }),
      { numRuns: 2000 },
    );
  });
});
