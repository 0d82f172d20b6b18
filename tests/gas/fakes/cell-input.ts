/**
 * What Sheets makes of a value a script writes (setValue, setValues, appendRow), and what
 * it shows back. Sheets treats written strings as if a user typed them:
 * - '=…' becomes a formula. The stand-in does not compute formulas: the cell's value is
 *   whatever `evaluateFormula` returns (the environment's default is '#NAME?', what Sheets
 *   shows for an unknown function); cells built by `sheetFromRows` keep the value given.
 * - a leading apostrophe forces text and is not stored ("'=1" is the text '=1').
 * - number-looking text becomes a number ('00123' → 123, '1,234.5' → 1234.5, '1e3' → 1000),
 *   'TRUE'/'FALSE' become booleans, ISO dates 'yyyy-mm-dd[ hh:mm[:ss]]' become dates at
 *   that wall time in the spreadsheet's time zone. Sheets also parses percentages,
 *   currencies and the locale's own date forms (1/5/2024); the stand-in keeps those as
 *   text, so a script that relies on them is not tested here.
 * - in a cell formatted as plain text ('@') every string is kept exactly.
 * Numbers, booleans and Dates are stored as they are; null, undefined and '' empty the cell.
 *
 * Text is stored as Unicode text: half a surrogate pair (a string cut inside an emoji)
 * becomes U+FFFD, as any UTF-8 transport does with it (Sheets' storage and API speak UTF-8;
 * Google does not document this case, and it is what users see: `��`).
 */
import { DateCell, type CellValue } from './grid.js';
import { isDate } from './realm.js';
import { instantOf } from './time-zone.js';

export interface Written {
  readonly value: CellValue | undefined;
  readonly formula: string | undefined;
}

export const PLAIN_TEXT_FORMAT = '@';
/** What getNumberFormat returns for a cell nobody formatted. */
export const AUTOMATIC_FORMAT = '0.###############';

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const GROUPED_NUMBER = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

export function interpretWrite(input: unknown, format: string | undefined, timeZone: string, evaluateFormula: (formula: string) => CellValue): Written {
  if (input === null || input === undefined || input === '') return { value: undefined, formula: undefined };
  if (typeof input === 'number') return { value: Number.isFinite(input) ? input : '#NUM!', formula: undefined };
  if (typeof input === 'boolean') return { value: input, formula: undefined };
  if (isDate(input)) return { value: new DateCell(input.getTime()), formula: undefined };
  const text = wellFormed(typeof input === 'string' ? input : String(input));
  if (format === PLAIN_TEXT_FORMAT) return { value: text, formula: undefined };
  if (text.length > 1 && text.startsWith('=')) return { value: evaluateFormula(text), formula: text };
  if (text.startsWith("'")) return { value: text.slice(1) || undefined, formula: undefined };
  return { value: parseTyped(text.trim(), timeZone) ?? text, formula: undefined };
}

function parseTyped(text: string, timeZone: string): CellValue | undefined {
  if (NUMBER.test(text)) return Number(text);
  if (GROUPED_NUMBER.test(text)) return Number(text.replaceAll(',', ''));
  const upper = text.toUpperCase();
  if (upper === 'TRUE' || upper === 'FALSE') return upper === 'TRUE';
  const date = ISO_DATE.exec(text);
  if (date) {
    const [y, m, d, hh = '0', mm = '0', ss = '0'] = date.slice(1).map((part) => part ?? undefined);
    const [month, day] = [Number(m), Number(d)];
    if (month >= 1 && month <= 12 && day >= 1 && day <= 31) {
      return new DateCell(instantOf(Number(y), month, day, Number(hh), Number(mm), Number(ss), timeZone));
    }
  }
  return undefined;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text with every lone surrogate replaced by U+FFFD. */
export function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD');
}
