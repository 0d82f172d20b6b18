import { type Failure, invalid } from './failure.js';

/** What Sheets and Excel show instead of a value when a formula fails. */
const ERROR_VALUES = new Set(['#N/A', '#REF!', '#DIV/0!', '#VALUE!', '#NAME?', '#NUM!', '#NULL!', '#ERROR!', '#SPILL!', '#CALC!', '#GETTING_DATA', '#FIELD!', '#BLOCKED!', '#CONNECT!', '#BUSY!', '#UNKNOWN!']);

/** "error value #N/A" when the trimmed text is a spreadsheet error, else null. */
export function errorValue(text: string): Failure | null {
  if (text.charCodeAt(0) !== 35 /* # */) return null;
  const upper = text.toUpperCase();
  return ERROR_VALUES.has(upper) ? invalid(`error value ${upper}`) : null;
}
