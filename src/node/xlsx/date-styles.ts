import { startTags } from './workbook-parts.js';
import { attribute } from './xml-text.js';

/**
 * Which cell styles show numbers as dates. A date in SpreadsheetML is a serial number
 * whose style's number format is a date format: the built-in ids 14–22 and 45–47
 * (ECMA-376 §18.8.30) or a custom format code with day, month or year tokens.
 */
const BUILT_IN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** Quoted text, backslash escapes, `[Red]`/`[$-409]` sections and `_x`/`*x` padding carry no tokens. */
const NOT_TOKENS = /"[^"]*"|\\.|\[[^\]]*\]|[_*]./g;

export function isDateFormatCode(code: string): boolean {
  return /[dmy]/i.test(code.replace(NOT_TOKENS, ''));
}

/** For each index of `<cellXfs>` (the `s` attribute of a cell), whether it formats a date. */
export function dateStyles(stylesXml: string): boolean[] {
  const customDates = new Set<number>();
  for (const tag of startTags(stylesXml, 'numFmt')) {
    if (isDateFormatCode(attribute(tag, 'formatCode') ?? '')) customDates.add(Number(attribute(tag, 'numFmtId')));
  }
  return cellXfTags(stylesXml).map((tag) => {
    const id = Number(attribute(tag, 'numFmtId') ?? 0);
    return BUILT_IN_DATES.has(id) || customDates.has(id);
  });
}

function cellXfTags(stylesXml: string): string[] {
  const cellXfs = /<(?:[\w.-]+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?cellXfs>/.exec(stylesXml);
  return cellXfs ? startTags(cellXfs[1], 'xf') : [];
}

const BUILT_IN_CALENDAR_DATES = new Set([14, 15, 22]);

/**
 * The first `<cellXfs>` index that shows a calendar day (a day and a year, not only a
 * time), for writing dates into a workbook whose styles we must not touch; undefined
 * when the workbook has none.
 */
export function calendarDateStyle(stylesXml: string): number | undefined {
  const calendar = new Set<number>(BUILT_IN_CALENDAR_DATES);
  for (const tag of startTags(stylesXml, 'numFmt')) {
    const tokens = (attribute(tag, 'formatCode') ?? '').replace(NOT_TOKENS, '');
    if (/d/i.test(tokens) && /y/i.test(tokens)) calendar.add(Number(attribute(tag, 'numFmtId')));
  }
  const index = cellXfTags(stylesXml).findIndex((tag) => calendar.has(Number(attribute(tag, 'numFmtId') ?? 0)));
  return index < 0 ? undefined : index;
}
