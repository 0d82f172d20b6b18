import type { Cell } from '../../core/table.js';
import { dateToIso, dateToSerial } from './serial-dates.js';
import { escapeXmlText } from './xml-text.js';
import { EXCEL_GRID } from '../limits.js';

/** How a saver writes values the workbook's own parts must make sense of. */
export interface CellWriting {
  /** A `<cellXfs>` index with a date format, or undefined: dates are then ISO text. */
  readonly dateStyle: number | undefined;
  readonly date1904: boolean;
  /** Index in a shared string table being built; without it text is an inline string. */
  readonly sharedString?: (text: string) => number;
  /** The prefix the sheet's elements carry, such as `x:`; absent when they are unprefixed. */
  readonly prefix?: string;
}

// Spelled once per column: a rescore writes every customer's TW cells, ~900,000 references on the 50k/500k book.
const columnNames: string[] = [];

/** "A" for 0, "Z" for 25, "AA" for 26: bijective base 26. */
export function columnName(index: number): string {
  let name = columnNames[index];
  if (name === undefined) {
    name = '';
    for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
    if (index >= 0 && index < EXCEL_GRID.columns) columnNames[index] = name;
  }
  return name;
}

/**
 * One `<c>` element. Text is always a string cell, never `<f>`, so a value that looks like
 * a formula stays text. `style` is kept for everything but a number in a date style,
 * which would otherwise read back as a date. An empty string for a blank unstyled cell.
 */
export function cellXml(ref: string, value: Cell, style: number | undefined, writing: CellWriting, styleIsDate = false): string {
  const p = writing.prefix ?? '';
  const s = (keep: number | undefined) => (keep === undefined ? '' : ` s="${keep}"`);
  if (value === null) return style === undefined ? '' : `<${p}c r="${ref}"${s(style)}/>`;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`Cannot write ${value} into cell ${ref}: not a finite number.`);
    return `<${p}c r="${ref}"${s(styleIsDate ? undefined : style)}><${p}v>${value}</${p}v></${p}c>`;
  }
  if (typeof value === 'boolean') return `<${p}c r="${ref}"${s(style)} t="b"><${p}v>${value ? 1 : 0}</${p}v></${p}c>`;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new Error(`Cannot write an invalid date into cell ${ref}.`);
    const dateStyle = styleIsDate ? style : writing.dateStyle;
    if (dateStyle !== undefined) return `<${p}c r="${ref}" s="${dateStyle}"><${p}v>${dateToSerial(value, writing.date1904)}</${p}v></${p}c>`;
    return textCell(ref, dateToIso(value), s(style), writing);
  }
  return textCell(ref, value, s(style), writing);
}

function textCell(ref: string, text: string, styleAttribute: string, writing: CellWriting): string {
  const p = writing.prefix ?? '';
  if (writing.sharedString) return `<${p}c r="${ref}"${styleAttribute} t="s"><${p}v>${writing.sharedString(text)}</${p}v></${p}c>`;
  const space = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : '';
  return `<${p}c r="${ref}"${styleAttribute} t="inlineStr"><${p}is><${p}t${space}>${escapeXmlText(text)}</${p}t></${p}is></${p}c>`;
}
