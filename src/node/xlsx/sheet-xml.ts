import type { Cell } from '../../core/table.js';
import { cellXml, columnName, type CellWriting } from './cell-xml.js';
import { TRANSITIONAL, type Vocabulary } from './xml-namespaces.js';

export const SPREADSHEET_NS = TRANSITIONAL.main;
export const RELATIONSHIPS_NS = TRANSITIONAL.relationships;
export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/**
 * A whole worksheet part holding `rows` from A1, as written for our own tabs and new
 * books, in the workbook's vocabulary (a Strict workbook gets a Strict sheet).
 */
export function worksheetXml(rows: readonly (readonly Cell[])[], writing: CellWriting, vocabulary: Vocabulary = TRANSITIONAL): string {
  const parts: string[] = [];
  let width = 0;
  rows.forEach((row, r) => {
    const cells: string[] = [];
    row.forEach((value, c) => {
      const xml = cellXml(`${columnName(c)}${r + 1}`, value, undefined, writing);
      if (xml) cells.push(xml);
    });
    if (cells.length > 0) parts.push(`<row r="${r + 1}">${cells.join('')}</row>`);
    width = Math.max(width, row.length);
  });
  const dimension = rows.length > 0 && width > 0 ? `A1:${columnName(width - 1)}${rows.length}` : 'A1';
  return (
    `${XML_DECLARATION}<worksheet xmlns="${vocabulary.main}" xmlns:r="${vocabulary.relationships}">` +
    `<dimension ref="${dimension}"/><sheetData>${parts.join('')}</sheetData></worksheet>`
  );
}
