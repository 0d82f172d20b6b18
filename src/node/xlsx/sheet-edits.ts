import type { Cell } from '../../core/table.js';
import { cellXml, columnName, type CellWriting } from './cell-xml.js';
import { SheetCursor, latin1 } from './sheet-cursor.js';
import { InputError } from '../errors.js';
import { EXCEL_GRID } from '../limits.js';

/** Cell edits of one tab: 1-based sheet row → 0-based column → new value. */
export type TabEdits = ReadonlyMap<number, ReadonlyMap<number, Cell>>;

export interface EditedSheet {
  readonly xml: Buffer;
  /** Whether an edit overwrote a formula, which makes the calculation chain stale. */
  readonly overwroteFormula: boolean;
}

/**
 * Replaces exactly the edited `<c>` elements of a worksheet part and copies every other
 * byte: other cells, row attributes, formulas, styles, and everything outside
 * `<sheetData>` but the `<dimension>` when the used range grows. An overwritten cell
 * keeps its style; new cells get none. Rows and cells that relied on following their
 * neighbour (no `r`) get an explicit reference so that inserted ones cannot shift them.
 */
/** `book` names the workbook in a refusal. */
export function applyCellEdits(tab: string, xml: Buffer, edits: TabEdits, dateStyles: readonly boolean[], writing: CellWriting, book = 'the workbook'): EditedSheet {
  checkGrid(book, tab, edits);
  const cursor = new SheetCursor(xml);
  const p = cursor.prefix;
  const sheetWriting: CellWriting = { ...writing, prefix: p };
  const out = new ByteSink(expectedSize(xml, edits));
  let copied = 0;
  const copyTo = (end: number) => {
    if (end > copied) out.copy(xml, copied, end);
    copied = end;
  };
  let overwroteFormula = false;

  const dimension = growDimension(xml, cursor.dataStart, edits);
  if (dimension) {
    copyTo(dimension.start);
    out.text(dimension.ref);
    copied = dimension.end;
  }

  const pending = [...edits.keys()].sort((a, b) => a - b);
  let next = 0;
  const newRow = (row: number) => {
    const cells = [...(edits.get(row) ?? new Map<number, Cell>())]
      .sort(([a], [b]) => a - b)
      .map(([column, value]) => cellXml(`${columnName(column)}${row}`, value, undefined, sheetWriting))
      .join('');
    return cells ? `<${p}row r="${row}">${cells}</${p}row>` : '';
  };

  if (cursor.emptySheetData) {
    copyTo(cursor.dataStart);
    out.text(`<${p}sheetData>${pending.map(newRow).join('')}</${p}sheetData>`);
    copied = xml.indexOf(0x3e, cursor.dataStart) + 1;
    return finish();
  }

  while (cursor.nextRow()) {
    const row = cursor.rowNumber;
    while (next < pending.length && pending[next] < row) {
      copyTo(cursor.rowStart);
      out.text(newRow(pending[next++]));
    }
    const rowEdits = next < pending.length && pending[next] === row ? edits.get(pending[next++]) : undefined;
    if (rowEdits) {
      copyTo(cursor.rowStart);
      rewriteRow(cursor, rowEdits);
      copied = cursor.rowEnd;
    } else if (!cursor.rowHasRef) {
      copyTo(cursor.rowStart + 4 + p.length);
      out.text(` r="${row}"`);
    }
  }
  copyTo(cursor.dataEnd);
  while (next < pending.length) out.text(newRow(pending[next++]));
  return finish();

  function finish(): EditedSheet {
    copyTo(xml.length);
    return { xml: out.bytes(), overwroteFormula };
  }

  /**
   * Writes the row with its edits. The bytes around them are copied as they are, never
   * decoded: a rescore rewrites every customer's row, and decoding each cell to a string
   * to encode it back cost ~0.3 s of the 50k/500k save.
   */
  function rewriteRow(rowCursor: SheetCursor, rowEdits: ReadonlyMap<number, Cell>): void {
    const row = rowCursor.rowNumber;
    const columns = [...rowEdits.keys()].sort((a, b) => a - b);
    let edit = 0;
    out.text(openRowTag(xml, rowCursor, columns));
    // The source bytes from `from` on are still to be copied; `cellsEnd` is where the last cell ended.
    let from = rowCursor.rowTagEnd;
    let cellsEnd = from;
    const copyRowTo = (end: number) => {
      if (end > from) out.copy(xml, from, end);
      from = end;
    };
    // New cells wait here to go in before the next cell kept, or at the end of the row.
    let inserted = '';
    const put = (column: number, value: Cell, style: number | undefined) => {
      inserted += cellXml(`${columnName(column)}${row}`, value, style, sheetWriting, style !== undefined && dateStyles[style] === true);
    };
    while (rowCursor.nextCell()) {
      const column = rowCursor.column;
      while (edit < columns.length && columns[edit] < column) put(columns[edit], rowEdits.get(columns[edit++]) ?? null, undefined);
      if (edit < columns.length && columns[edit] === column) {
        if (rowCursor.formulaStart >= 0) {
          refuseRangeFormula(tab, rowCursor, xml);
          overwroteFormula = true;
        }
        put(column, rowEdits.get(columns[edit++]) ?? null, rowCursor.style === 0 ? undefined : rowCursor.style);
        copyRowTo(rowCursor.cellStart);
        from = rowCursor.cellEnd;
      } else if (inserted !== '' || !rowCursor.cellHasRef) {
        copyRowTo(rowCursor.cellStart);
        if (!rowCursor.cellHasRef) {
          const start = rowCursor.cellStart + 2 + p.length;
          inserted += `${xml.toString('utf8', rowCursor.cellStart, start)} r="${columnName(column)}${row}"`;
          from = start;
        }
      }
      out.text(inserted);
      inserted = '';
      cellsEnd = rowCursor.cellEnd;
    }
    while (edit < columns.length) put(columns[edit], rowEdits.get(columns[edit++]) ?? null, undefined);
    copyRowTo(cellsEnd);
    out.text(inserted);
    if (rowCursor.rowSelfClosing) out.text(`</${p}row>`);
    else copyRowTo(rowCursor.rowEnd);
  }
}

/**
 * A part's bytes written in order into one buffer: runs of the source copied and text
 * encoded in place, with no list of pieces to join and concatenate. The buffer lives in
 * shared memory, so the save's XML check reads it on its worker thread without a copy,
 * and it is reserved larger than the part is likely to get: pages never written cost
 * nothing, while on the benchmark machine every megabyte first written costs ~6 ms (the
 * 47 MB sheet of the 50k/500k book, copied once more to grow or to trim, and twice more to
 * reach the worker, cost ~1 s).
 */
class ByteSink {
  private buffer: Buffer;
  private length = 0;

  constructor(expected: number) {
    this.buffer = sharedBuffer(expected);
  }

  copy(source: Buffer, start: number, end: number): void {
    this.reserve(end - start);
    this.length += source.copy(this.buffer, this.length, start, end);
  }

  text(text: string): void {
    if (text === '') return;
    // UTF-8 takes at most three bytes per UTF-16 code unit.
    this.reserve(text.length * 3);
    this.length += this.buffer.write(text, this.length, 'utf8');
  }

  /** The bytes written. */
  bytes(): Buffer {
    return this.buffer.subarray(0, this.length);
  }

  private reserve(more: number): void {
    if (this.length + more <= this.buffer.length) return;
    const grown = sharedBuffer(Math.max(this.length + more, this.buffer.length * 2));
    this.buffer.copy(grown, 0, 0, this.length);
    this.buffer = grown;
  }
}

const sharedBuffer = (size: number) => Buffer.from(new SharedArrayBuffer(size));

/**
 * What the edited part should take at most in practice: the source, plus each edited cell
 * as an inline string with room to spare.
 */
function expectedSize(xml: Buffer, edits: TabEdits): number {
  let extra = 64 * 1024;
  for (const cells of edits.values()) {
    for (const value of cells.values()) extra += 96 + (typeof value === 'string' ? value.length * 3 : 32);
  }
  return xml.length + extra;
}

/** The row's start tag with an explicit `r` and, if it has `spans`, spans that cover the edits. */
function openRowTag(xml: Buffer, cursor: SheetCursor, columns: readonly number[]): string {
  let tag = xml.toString('utf8', cursor.rowStart, cursor.rowTagEnd);
  if (cursor.rowSelfClosing) tag = `${tag.slice(0, -2)}>`;
  if (!cursor.rowHasRef) tag = `${tag.slice(0, 4 + cursor.prefix.length)} r="${cursor.rowNumber}"${tag.slice(4 + cursor.prefix.length)}`;
  return tag.replace(/(\sspans\s*=\s*")(\d+):(\d+)"/, (_, lead: string, first: string, last: string) => {
    const low = Math.min(Number(first), columns[0] + 1);
    const high = Math.max(Number(last), columns[columns.length - 1] + 1);
    return `${lead}${low}:${high}"`;
  });
}

/**
 * A shared formula's first cell holds the text its neighbours reuse, and an array or
 * data-table formula covers a range: overwriting one such cell would corrupt the others.
 */
function refuseRangeFormula(tab: string, cursor: SheetCursor, xml: Buffer): void {
  const kind = cursor.formulaKind;
  const tag = latin1(xml, cursor.formulaStart, xml.indexOf(0x3e, cursor.formulaStart));
  if (kind === 'array' || kind === 'dataTable' || (kind === 'shared' && /\sref\s*=/.test(tag))) {
    throw new Error(
      `Tab "${tab}", cell ${columnName(cursor.column)}${cursor.rowNumber}: it holds a ${kind} formula that other cells depend on; clear it in the workbook before Tierwise writes there.`,
    );
  }
}

/** The `<dimension ref>` value widened to cover the edits, or undefined if it already does. */
function growDimension(xml: Buffer, before: number, edits: TabEdits): { start: number; end: number; ref: string } | undefined {
  const match = /(<(?:[\w.-]+:)?dimension\s+ref\s*=\s*")([^"]*)"/.exec(latin1(xml, 0, before));
  const range = match && /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(match[2]);
  if (!match || !range) return undefined;
  const columnIndex = (name: string) => [...name].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1;
  const old = [columnIndex(range[1]), Number(range[2]), columnIndex(range[3] ?? range[1]), Number(range[4] ?? range[2])];
  let [firstColumn, firstRow, lastColumn, lastRow] = old;
  for (const [row, cells] of edits) {
    for (const [column, value] of cells) {
      if (value === null) continue;
      firstColumn = Math.min(firstColumn, column);
      lastColumn = Math.max(lastColumn, column);
      firstRow = Math.min(firstRow, row);
      lastRow = Math.max(lastRow, row);
    }
  }
  if (firstColumn === old[0] && firstRow === old[1] && lastColumn === old[2] && lastRow === old[3]) return undefined;
  const start = match.index + match[1].length;
  return { start, end: start + match[2].length, ref: `${columnName(firstColumn)}${firstRow}:${columnName(lastColumn)}${lastRow}` };
}

/**
 * Edits past Excel's last column (XFD) or row would make a file Excel refuses to open: the
 * TW columns go after the header, so a header 16,384 columns wide leaves them no room.
 * Refused before anything is written.
 */
function checkGrid(book: string, tab: string, edits: TabEdits): void {
  let lastColumn = -1;
  let lastRow = 0;
  for (const [row, cells] of edits) {
    if (cells.size === 0) continue;
    lastRow = Math.max(lastRow, row);
    for (const column of cells.keys()) lastColumn = Math.max(lastColumn, column);
  }
  if (lastColumn >= EXCEL_GRID.columns) {
    throw new InputError(
      `${book}: tab "${tab}" has no room for the TW columns: they would reach column ${columnName(lastColumn)}, past XFD, Excel's last column (${EXCEL_GRID.columns.toLocaleString('en-US')} columns); ` +
        'delete unused columns at the right of the header and run again. Nothing was written.',
    );
  }
  if (lastRow > EXCEL_GRID.rows) {
    throw new InputError(`${book}: tab "${tab}" would need row ${lastRow.toLocaleString('en-US')}, past Excel's last row (${EXCEL_GRID.rows.toLocaleString('en-US')}); nothing was written.`);
  }
}
