import { describe, expect, it } from 'vitest';
import { parseBoolean } from '../../../src/core/parse/booleans.js';
import { parseLevel } from '../../../src/core/parse/levels.js';
import { parseStage } from '../../../src/core/parse/stages.js';
import { lookUp, vocabulary } from '../../../src/core/parse/vocabulary.js';

// The columns read as one of a few words (Stage, Active, Level): what a cell that is not a
// word gets, and the check that keeps a word from meaning two things.

describe('a table of words', () => {
  it('refuses to be built when one word, once folded, means two values', () => {
    expect(() => vocabulary<string>([['senior', ['Sr']], ['junior', ['S R']]], 'a level')).toThrow(new Error("'S R' means both senior and junior"));
  });

  it('may list a word twice, in any spelling, under the same value', () => {
    const stages = vocabulary<string>([['won', ['won', 'Won', 'WON']], ['lost', ['lost']]], 'a deal stage');
    expect([lookUp('won', stages), lookUp('LOST', stages)]).toEqual(['won', 'lost']);
  });
});

describe('a cell that is not a word', () => {
  it('names a checkbox or a date put in a word column in the message', () => {
    expect(parseStage(true)).toEqual({ kind: 'invalid', message: "'true' is not a deal stage (use won, lost or open)" });
    expect(parseLevel(false)).toEqual({ kind: 'invalid', message: "'false' is not a level (use senior, mid or junior, or 3, 2, 1)" });
    expect(parseLevel(new Date(Date.UTC(2024, 2, 5)))).toEqual({ kind: 'invalid', message: "'2024-03-05T00:00:00.000Z' is not a level (use senior, mid or junior, or 3, 2, 1)" });
  });

  it('reports a spreadsheet error value with spaces around it as that error', () => {
    expect(parseBoolean(' #N/A ')).toEqual({ kind: 'invalid', message: 'error value #N/A' });
    expect(parseLevel(' #REF! ')).toEqual({ kind: 'invalid', message: 'error value #REF!' });
  });

  it('quotes an unknown word without the spaces around it', () => {
    expect(parseLevel(' Manager ')).toEqual({ kind: 'invalid', message: "'Manager' is not a level (use senior, mid or junior, or 3, 2, 1)" });
  });
});
