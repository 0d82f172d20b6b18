/**
 * getDisplayValues: the text Sheets shows for a cell. The stand-in knows the formats
 * Tierwise sets and the en_US defaults:
 * - numbers: automatic format (up to 15 significant digits), '0', '0.00', '#,##0',
 *   '#,##0.00', '0%', '0.0%', '0.00%' and alike (optional grouping, decimals, percent);
 * - dates: Sheets date patterns with y, m (month, or minutes next to h or s), d, h, s
 *   (e.g. 'yyyy-mm-dd', 'yyyy-mm-dd hh:mm:ss'); an unformatted date shows as 'M/d/yyyy'
 *   (plus ' H:mm:ss' when it has a time of day), as in an en_US spreadsheet;
 * - booleans as 'TRUE'/'FALSE'.
 * Any other format falls back to the automatic one; column widths never truncate.
 */
import { DateCell, type CellValue } from './grid.js';
import { wallTime } from './time-zone.js';

const NUMBER_FORMAT = /^(#,##)?0(?:\.(0+))?(%)?$/;
const DATE_TOKEN = /yyyy|yy|mm|m|dd|d|hh|h|ss|s/g;

export function displayValue(value: CellValue | undefined, format: string | undefined, timeZone: string): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof DateCell) return displayDate(value.ms, format, timeZone);
  const number = format ? NUMBER_FORMAT.exec(format) : null;
  if (!number) return String(Number(value.toPrecision(15)));
  const [, grouping, decimals = '', percent] = number;
  const scaled = percent ? value * 100 : value;
  const text = scaled.toLocaleString('en-US', {
    useGrouping: Boolean(grouping), minimumFractionDigits: decimals.length, maximumFractionDigits: decimals.length,
  });
  return percent ? `${text}%` : text;
}

function displayDate(ms: number, format: string | undefined, timeZone: string): string {
  const t = wallTime(ms, timeZone);
  const hasTime = t.hour !== 0 || t.minute !== 0 || t.second !== 0;
  if (!format || !/[yd]/i.test(format)) {
    const date = `${t.month}/${t.day}/${t.year}`;
    return hasTime ? `${date} ${t.hour}:${pad(t.minute)}:${pad(t.second)}` : date;
  }
  const tokens = [...format.matchAll(DATE_TOKEN)];
  return format.replace(DATE_TOKEN, (token, offset: number) => {
    const i = tokens.findIndex((m) => m.index === offset);
    const minutes = token.startsWith('m') && (/^h/.test(tokens[i - 1]?.[0] ?? '') || /^s/.test(tokens[i + 1]?.[0] ?? ''));
    switch (token) {
      case 'yyyy': return String(t.year);
      case 'yy': return pad(t.year % 100);
      case 'mm': return pad(minutes ? t.minute : t.month);
      case 'm': return String(minutes ? t.minute : t.month);
      case 'dd': return pad(t.day);
      case 'd': return String(t.day);
      case 'hh': return pad(t.hour);
      case 'h': return String(t.hour);
      case 'ss': return pad(t.second);
      default: return String(t.second);
    }
  });
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
