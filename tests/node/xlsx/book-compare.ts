import { readFileSync } from 'node:fs';
import type { Cell, Table } from '../../../src/core/table.js';
import { readZip, inflateEntry } from '../../../src/node/xlsx/zip-archive.js';

/** Each part of an .xlsx: its compressed bytes as stored and its content. */
export function zipParts(path: string): Map<string, { stored: Buffer; content: Buffer }> {
  return new Map(readZip(readFileSync(path)).map((entry) => [entry.name, { stored: Buffer.from(entry.compressed), content: inflateEntry(entry) }]));
}

/** A table's non-empty cells keyed by sheet reference, e.g. "3:1" for row 3, column B. */
export function sheetCells(table: Table): Map<string, Cell> {
  const cells = new Map<string, Cell>();
  const put = (row: number, values: readonly Cell[]) =>
    values.forEach((value, column) => {
      if (value !== null && value !== undefined) cells.set(`${row}:${column}`, value);
    });
  put(table.headerRow, table.header);
  table.rows.forEach((values, i) => put(table.headerRow + 1 + i, values));
  return cells;
}

/** The `<c>` elements of a worksheet that carry a reference, keyed by it. */
export function cellElements(sheetXml: string): Map<string, string> {
  return new Map([...sheetXml.matchAll(/<c r="([A-Z]+\d+)"[^>]*?(?:\/>|>.*?<\/c>)/g)].map((m) => [m[1], m[0]]));
}
