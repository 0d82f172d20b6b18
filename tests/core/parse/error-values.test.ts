import { describe, expect, it } from 'vitest';
import { parseDate } from '../../../src/core/parse/dates.js';
import { parseNumber } from '../../../src/core/parse/numbers.js';
import { parseStage } from '../../../src/core/parse/stages.js';

// A formula that fails leaves an error value in the cell; the user must be told the formula
// failed, not that "#REF!" is a badly written amount, date or stage.

const BOTH = ['#N/A', '#REF!', '#DIV/0!', '#VALUE!', '#NAME?', '#NUM!', '#NULL!'];
const SHEETS_ONLY = ['#ERROR!'];
const EXCEL_ONLY = ['#SPILL!', '#CALC!', '#GETTING_DATA', '#FIELD!', '#BLOCKED!', '#CONNECT!', '#BUSY!', '#UNKNOWN!'];

/** What each kind of column says of each cell. */
function readings(cells: readonly string[]) {
  return cells.map((cell) => ({ cell, amount: parseNumber(cell, { decimalSeparator: '.' }), date: parseDate(cell, { dateOrder: 'mdy' }), stage: parseStage(cell) }));
}

/** Every kind of column reporting the error value by name. */
function reported(cells: readonly string[], names: readonly string[]) {
  return cells.map((cell, i) => {
    const failure = { kind: 'invalid', message: `error value ${names[i]}` };
    return { cell, amount: failure, date: failure, stage: failure };
  });
}

describe('spreadsheet error values', () => {
  it('reports each error value both Sheets and Excel show as such, in amount, date and stage columns', () => {
    expect(readings(BOTH)).toEqual(reported(BOTH, BOTH));
  });

  it("reports Sheets' own #ERROR! as an error value", () => {
    expect(readings(SHEETS_ONLY)).toEqual(reported(SHEETS_ONLY, SHEETS_ONLY));
  });

  it("reports each of Excel's newer error values (dynamic arrays, data types, linked data) as such", () => {
    expect(readings(EXCEL_ONLY)).toEqual(reported(EXCEL_ONLY, EXCEL_ONLY));
  });

  it('recognises an error value in any case, as a CSV export or a hand copy may write it, and names it in capitals', () => {
    const written = ['#n/a', '#Div/0!', '#name?', '#getting_data', '#Spill!', ' #REF! '];
    expect(readings(written)).toEqual(reported(written, ['#N/A', '#DIV/0!', '#NAME?', '#GETTING_DATA', '#SPILL!', '#REF!']));
  });

  it('reads text that merely starts with # as the text it is', () => {
    expect(parseStage('#1 customer')).toEqual({ kind: 'invalid', message: "'#1 customer' is not a deal stage (use won, lost or open)" });
    expect(parseNumber('#1001', { decimalSeparator: '.' })).toEqual({ kind: 'invalid', message: "'#1001' is not a number" });
    expect(parseDate('#REF', { dateOrder: 'mdy' })).toEqual({ kind: 'invalid', message: "'#REF' is not a date" });
  });
});
