import type { Cell } from '../../core/table.js';
import { dateToIso, dateToSerial } from './serial-dates.js';
import { escapeXmlText } from './xml-text.js';

/** How a saver writes values the workbook's own parts must make sense of. */
export interface CellWriting {
  /** A `<cellXfs>` index with a date format, or undefined: dates are then ISO text. */
  readonly dateStyle: number | undefined;
  readonly date1904: boolean;
  /** Index in a shared string table being built; without it text is an inline string. */
  readonly sharedString?: (text: string) => number;
}

/** "A" for 0, "Z" for 25, "AA" for 26: bijective base 26. */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/**
 * One `<c>` element. Text is always a string cell, never `<f>`, so a value that looks like
 * a formula stays text. `style` is kept for everything but a number in a date style,
 * which would otherwise read back as a date. An empty string for a blank unstyled cell.
 */
export function cellXml(ref: string, value: Cell, style: number | undefined, writing: CellWriting, styleIsDate = false): string {
  const s = (keep: number | undefined) => (keep === undefined ? '' : ` s="${keep}"`);
  if (value === null) return style === undefined ? '' : `<c r="${ref}"${s(style)}/>`;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`Cannot write ${value} into cell ${ref}: not a finite number.`);
    return `<c r="${ref}"${s(styleIsDate ? undefined : style)}><v>${value}</v></c>`;
  }
  if (typeof value === 'boolean') return `<c r="${ref}"${s(style)} t="b"><v>${value ? 1 : 0}</v></c>`;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new Error(`Cannot write an invalid date into cell ${ref}.`);
    const dateStyle = styleIsDate ? style : writing.dateStyle;
    if (dateStyle !== undefined) return `<c r="${ref}" s="${dateStyle}"><v>${dateToSerial(value, writing.date1904)}</v></c>`;
    return textCell(ref, dateToIso(value), s(style), writing);
  }
  return textCell(ref, value, s(style), writing);
}

function textCell(ref: string, text: string, styleAttribute: string, writing: CellWriting): string {
  if (writing.sharedString) return `<c r="${ref}"${styleAttribute} t="s"><v>${writing.sharedString(text)}</v></c>`;
  const space = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : '';
  return `<c r="${ref}"${styleAttribute} t="inlineStr"><is><t${space}>${escapeXmlText(text)}</t></is></c>`;
}
