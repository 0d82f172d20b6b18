import { InputError } from '../errors.js';
import { ColumnCells, columnTable } from '../../core/column-cells.js';
import { isBlankRow, isBlankRowAt, type Cell, type Table } from '../../core/table.js';
import { tabNamed } from '../../core/tab-name.js';
import { cellValue, putCell, type CellContext } from './cell-values.js';
import { dateStyles } from './date-styles.js';
import { parseSharedStrings } from './shared-strings.js';
import { SheetCursor } from './sheet-cursor.js';
import { openXlsx, withLabel, type XlsxPackage } from './xlsx-package.js';

export interface XlsxBook {
  /** Every tab of the workbook, in workbook order. */
  readonly sheetNames: string[];
  /** Tables of the tabs asked for that exist. */
  readonly tables: Map<string, Table>;
}

/** Reads the tabs asked for; the other sheets are never inflated. */
export async function readXlsx(path: string, tabs: readonly string[]): Promise<XlsxBook> {
  return readPackageTabs(await openXlsx(path), path, tabs);
}

/**
 * The tables of the tabs asked for in an opened package; `label` names it in messages.
 * `context`: the package's shared strings and date styles when they are already parsed.
 */
export function readPackageTabs(pkg: XlsxPackage, label: string, tabs: readonly string[], context?: CellContext): XlsxBook {
  const { map } = pkg;
  const names = map.sheets.map((sheet) => sheet.name);
  const wantedNames = new Set(tabs.map((tab) => tabNamed(names, tab)));
  const wanted = map.sheets.filter((sheet) => wantedNames.has(sheet.name));
  const tables = new Map<string, Table>();
  if (wanted.length > 0) {
    const cells = context ?? packageCellContext(pkg, label);
    for (const sheet of wanted) {
      const xml = pkg.bytes(sheet.part);
      if (!xml) throw new InputError(`${label}: tab "${sheet.name}" has no sheet data (${sheet.part} is missing).`);
      tables.set(sheet.name, withLabel(`${label}: tab "${sheet.name}"`, () => sheetTable(sheet.name, xml, cells)));
    }
  }
  return { sheetNames: names, tables };
}

const contexts = new WeakMap<XlsxPackage, CellContext>();

/**
 * The shared strings and date styles of a package, parsed once: a save's check reads its
 * rewritten sheets against the shared strings it copied from the package it opened, and
 * parsing them again took 0.3 s of the 50k/500k save (13 MB of shared strings).
 */
export function packageCellContext(pkg: XlsxPackage, label: string): CellContext {
  let context = contexts.get(pkg);
  if (context === undefined) {
    const { map } = pkg;
    const stringsXml = map.sharedStringsPart ? pkg.text(map.sharedStringsPart) : undefined;
    const stylesXml = map.stylesPart ? pkg.text(map.stylesPart) : undefined;
    context = {
      sharedStrings: stringsXml ? withLabel(label, () => parseSharedStrings(stringsXml)) : [],
      dateStyles: stylesXml ? withLabel(label, () => dateStyles(stylesXml)) : [],
      date1904: map.date1904,
    };
    contexts.set(pkg, context);
  }
  return context;
}

/**
 * The first row holding anything is the header; every later row keeps its place, gaps
 * and blank rows included, so data row i is sheet row headerRow + 1 + i. Column j is
 * sheet column j (A = 0) in every row. The data rows are held by column (ColumnCells),
 * filled straight from the XML: no row array and no string per number, date or shared
 * string; rows are made only for a caller that asks for them (columnTable).
 */
export function sheetTable(tab: string, xml: Buffer, context: CellContext): Table {
  const cursor = new SheetCursor(xml);
  let header: Cell[] | null = null;
  let headerRow = 1;
  let cells = new ColumnCells(0);
  let rowCount = 0;
  let lastNonBlank = 0;
  while (cursor.nextRow()) {
    if (header === null) {
      // The header is the first row holding anything; the blank rows above it are not kept.
      const row: Cell[] = [];
      while (cursor.nextCell()) {
        const value = cellValue(cursor, xml, context);
        if (value === null) continue;
        while (row.length < cursor.column) row.push(null);
        row[cursor.column] = value;
      }
      if (isBlankRow(row)) continue;
      header = row;
      headerRow = cursor.rowNumber;
      cells = new ColumnCells(header.length, context.sharedStrings);
      continue;
    }
    const index = cursor.rowNumber - headerRow - 1;
    if (index < rowCount) throw new Error(`Row ${cursor.rowNumber} comes after a later row; the sheet is damaged.`);
    while (cursor.nextCell()) putCell(cursor, xml, context, cells, index);
    rowCount = index + 1;
    if (!isBlankRowAt(cells, index)) lastNonBlank = rowCount;
  }
  if (header === null) return { tab, header: [], rows: [], headerRow: 1 };
  cells.end(lastNonBlank);
  return columnTable(tab, header, headerRow, cells);
}
