import { describeValue } from '../issue.js';
import type { Cell } from '../table.js';
import { foldText } from './fold.js';

/**
 * Commas, semicolons and the enumeration comma, in half- and full-width forms, and line
 * breaks (Alt+Enter in a cell). `/` is not a separator: names such as `Media/Entertainment`
 * or `华东/华南区` would be torn apart, and a value left whole still matches itself.
 */
const SEPARATORS = /[,;、，；\r\n]+/;

/**
 * A list cell such as a rep's regions: `East, West；North、South` → the items trimmed,
 * blanks dropped, and repeats (compared by foldText) dropped, keeping the first spelling.
 */
export function parseList(cell: Cell): string[] {
  const items: string[] = [];
  const seen = new Set<string>();
  for (const part of describeValue(cell).split(SEPARATORS)) {
    const item = part.trim();
    const key = foldText(item);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    items.push(item);
  }
  return items;
}
