import type { Cell } from '../../core/table.js';
import type { RowWiseEdits } from '../book/edits.js';
import { cellXml, columnName, type CellWriting } from './cell-xml.js';
import { SheetCursor, latin1 } from './sheet-cursor.js';
import { InputError } from '../errors.js';
import { EXCEL_GRID } from '../limits.js';

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
/**
 * `book` names the workbook in a refusal. `onBytes`, if given, is handed the part's bytes
 * in order as they become final, a megabyte or so at a time, the last chunk with `more`
 * false: the save's XML check parses the sheet while it is being written.
 */
export function applyCellEdits(
  tab: string,
  xml: Buffer,
  edits: RowWiseEdits,
  dateStyles: readonly boolean[],
  writing: CellWriting,
  book = 'the workbook',
  onBytes?: FinalBytes,
): EditedSheet {
  // The edits of the row at hand, in column order.
  const columns: number[] = [];
  const values: Cell[] = [];
  const extent = editExtent(edits, columns, values);
  checkGrid(book, tab, extent);
  const cursor = new SheetCursor(xml);
  const p = cursor.prefix;
  const sheetWriting: CellWriting = { ...writing, prefix: p };
  const out = new ByteSink(xml.length + extent.textBytes, onBytes);
  let copied = 0;
  const copyTo = (end: number) => {
    if (end > copied) out.copy(xml, copied, end);
    copied = end;
  };
  let overwroteFormula = false;

  const dimension = growDimension(xml, cursor.dataStart, extent);
  if (dimension) {
    copyTo(dimension.start);
    out.text(dimension.ref);
    copied = dimension.end;
  }

  const pending = edits.rows;
  let next = 0;
  const newRow = (row: number) => {
    edits.cellsOf(row, columns, values);
    const cells = columns.map((column, i) => cellXml(`${columnName(column)}${row}`, values[i] ?? null, undefined, sheetWriting)).join('');
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
    if (next < pending.length && pending[next] === row) {
      edits.cellsOf(pending[next++], columns, values);
      copyTo(cursor.rowStart);
      rewriteRow(cursor);
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
  function rewriteRow(rowCursor: SheetCursor): void {
    const row = rowCursor.rowNumber;
    let edit = 0;
    // Most start tags stay as they are, and are copied.
    if (rowCursor.rowHasRef && !rowCursor.rowSelfClosing && !hasSpans(xml, rowCursor)) out.copy(xml, rowCursor.rowStart, rowCursor.rowTagEnd);
    else out.text(openRowTag(xml, rowCursor, columns));
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
      while (edit < columns.length && columns[edit] < column) put(columns[edit], values[edit++] ?? null, undefined);
      if (edit < columns.length && columns[edit] === column) {
        if (rowCursor.formulaStart >= 0) {
          refuseRangeFormula(tab, rowCursor, xml);
          overwroteFormula = true;
        }
        put(column, values[edit++] ?? null, rowCursor.style === 0 ? undefined : rowCursor.style);
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
    while (edit < columns.length) put(columns[edit], values[edit++] ?? null, undefined);
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
  /** How many bytes were handed to `onBytes`. */
  private handed = 0;

  constructor(
    expected: number,
    private readonly onBytes?: FinalBytes,
  ) {
    this.buffer = sharedBuffer(expected);
  }

  copy(source: Buffer, start: number, end: number): void {
    this.reserve(end - start);
    this.length += source.copy(this.buffer, this.length, start, end);
    this.handOn();
  }

  text(text: string): void {
    if (text === '') return;
    // UTF-8 takes at most three bytes per UTF-16 code unit.
    this.reserve(text.length * 3);
    this.length += this.buffer.write(text, this.length, 'utf8');
    this.handOn();
  }

  /** The bytes written, all of them final now. */
  bytes(): Buffer {
    this.onBytes?.(this.buffer.subarray(this.handed, this.length), false);
    this.handed = this.length;
    return this.buffer.subarray(0, this.length);
  }

  private handOn(): void {
    if (!this.onBytes || this.length - this.handed < HAND_ON_BYTES) return;
    // A chunk stays valid when the buffer grows: the bytes it shows are never written again.
    this.onBytes(this.buffer.subarray(this.handed, this.length), true);
    this.handed = this.length;
  }

  private reserve(more: number): void {
    if (this.length + more <= this.buffer.length) return;
    const grown = sharedBuffer(Math.max(this.length + more, this.buffer.length * 2));
    this.buffer.copy(grown, 0, 0, this.length);
    this.buffer = grown;
  }
}

const sharedBuffer = (size: number) => Buffer.from(new SharedArrayBuffer(size));

/** Final bytes of a part, in order; `more`: further bytes follow. */
export type FinalBytes = (chunk: Buffer, more: boolean) => void;

// Small enough that the check keeps pace with the writing, large enough that a message per
// chunk costs nothing next to parsing it.
const HAND_ON_BYTES = 1 << 20;

/** Where a tab's edits reach, for the grid, the `<dimension>` and the size of the edited part. */
interface EditExtent {
  /** The last row and column edited, null values included (-1 when none). */
  readonly lastRow: number;
  readonly lastColumn: number;
  /** The rows and columns the non-null values span, or null when every value is null. */
  readonly written: { firstRow: number; lastRow: number; firstColumn: number; lastColumn: number } | null;
  /** Room for the new cells the edited part should need in practice: inline strings with room to spare. */
  readonly textBytes: number;
}

function editExtent(edits: RowWiseEdits, columns: number[], values: Cell[]): EditExtent {
  let lastRow = -1;
  let lastColumn = -1;
  let written: { firstRow: number; lastRow: number; firstColumn: number; lastColumn: number } | null = null;
  let textBytes = 64 * 1024;
  for (const row of edits.rows) {
    edits.cellsOf(row, columns, values);
    if (columns.length === 0) continue;
    lastRow = Math.max(lastRow, row);
    lastColumn = Math.max(lastColumn, columns[columns.length - 1]);
    for (let i = 0; i < columns.length; i++) {
      const value = values[i] ?? null;
      textBytes += 96 + (typeof value === 'string' ? value.length * 3 : 32);
      if (value === null) continue;
      written ??= { firstRow: row, lastRow: row, firstColumn: columns[i], lastColumn: columns[i] };
      written.firstRow = Math.min(written.firstRow, row);
      written.lastRow = Math.max(written.lastRow, row);
      written.firstColumn = Math.min(written.firstColumn, columns[i]);
      written.lastColumn = Math.max(written.lastColumn, columns[i]);
    }
  }
  return { lastRow, lastColumn, written, textBytes };
}

/** Whether the row's start tag has a `spans` attribute, which openRowTag widens to cover the edits. */
function hasSpans(xml: Buffer, cursor: SheetCursor): boolean {
  for (let at = cursor.rowStart; at + 5 <= cursor.rowTagEnd; at++) {
    if (xml[at] === 0x73 && xml[at + 1] === 0x70 && xml[at + 2] === 0x61 && xml[at + 3] === 0x6e && xml[at + 4] === 0x73) return true;
  }
  return false;
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
function growDimension(xml: Buffer, before: number, extent: EditExtent): { start: number; end: number; ref: string } | undefined {
  const match = /(<(?:[\w.-]+:)?dimension\s+ref\s*=\s*")([^"]*)"/.exec(latin1(xml, 0, before));
  const range = match && /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(match[2]);
  if (!match || !range) return undefined;
  const columnIndex = (name: string) => [...name].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1;
  const old = [columnIndex(range[1]), Number(range[2]), columnIndex(range[3] ?? range[1]), Number(range[4] ?? range[2])];
  const { written } = extent;
  const [firstColumn, firstRow, lastColumn, lastRow] = written
    ? [Math.min(old[0], written.firstColumn), Math.min(old[1], written.firstRow), Math.max(old[2], written.lastColumn), Math.max(old[3], written.lastRow)]
    : old;
  if (firstColumn === old[0] && firstRow === old[1] && lastColumn === old[2] && lastRow === old[3]) return undefined;
  const start = match.index + match[1].length;
  return { start, end: start + match[2].length, ref: `${columnName(firstColumn)}${firstRow}:${columnName(lastColumn)}${lastRow}` };
}

/**
 * Edits past Excel's last column (XFD) or row would make a file Excel refuses to open: the
 * TW columns go after the header, so a header 16,384 columns wide leaves them no room.
 * Refused before anything is written.
 */
function checkGrid(book: string, tab: string, { lastRow, lastColumn }: EditExtent): void {
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
