/**
 * A forward-only scanner over the bytes of a worksheet part (ECMA-376 §18.3.1.99
 * `<worksheet>`), moving row by row and cell by cell through `<sheetData>` and recording
 * byte offsets instead of building a DOM or decoding text: SpreadsheetML is regular enough
 * that a hand-written scanner reads a 500,000-row sheet in well under a second, and the
 * offsets are exactly what a saver needs to replace single cells and copy the rest.
 *
 * Rows and cells may omit their `r` reference; they then follow the previous one. A row or
 * column outside Excel's grid is refused as it is met, before a reader makes room for it:
 * one `<row r="300000000">` would otherwise ask for 300 million rows.
 */
import { EXCEL_GRID } from '../limits.js';

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const QUOTE = 0x22;
const APOSTROPHE = 0x27;
const EQUALS = 0x3d;
const COLON = 0x3a;

/** The `t` attribute of a cell (ECMA-376 §18.18.11 ST_CellType). */
export const CellType = {
  Number: 0,
  Shared: 1,
  Inline: 2,
  Boolean: 3,
  Error: 4,
  FormulaString: 5,
  IsoDate: 6,
} as const;
export type CellType = (typeof CellType)[keyof typeof CellType];

export class SheetCursor {
  /** Where rows may be inserted when `<sheetData/>` is empty or after the last row. */
  readonly dataEnd: number;
  /** Offset just after `<sheetData…>`, or where `<sheetData/>` starts when it is empty. */
  readonly dataStart: number;
  readonly emptySheetData: boolean;
  readonly prefix: string;

  rowNumber = 0;
  rowStart = 0;
  rowTagEnd = 0;
  rowEnd = 0;
  rowHasRef = false;
  rowSelfClosing = false;

  column = -1;
  cellStart = 0;
  cellTagEnd = 0;
  cellEnd = 0;
  cellHasRef = false;
  type: CellType = CellType.Number;
  style = 0;
  valueStart = -1;
  valueEnd = -1;
  inlineStart = -1;
  inlineEnd = -1;
  formulaStart = -1;
  /** The `t` attribute of the cell's `<f>`: shared and array formulas span other cells. */
  formulaKind = '';

  private pos: number;
  private readonly prefixLength: number;

  constructor(private readonly xml: Uint8Array) {
    let root = indexOfString(xml, 'worksheet', 0);
    if (root < 0) throw new Error('This sheet part is not a worksheet.');
    while (root > 0 && xml[root - 1] !== LT) root--;
    this.prefix = latin1(xml, root, indexOfString(xml, 'worksheet', root));
    this.prefixLength = this.prefix.length;
    const open = indexOfString(xml, `<${this.prefix}sheetData`, root);
    if (open < 0) throw new Error('This worksheet has no <sheetData>.');
    const tagEnd = need(xml, GT, open);
    this.emptySheetData = xml[tagEnd - 1] === SLASH;
    this.dataStart = this.emptySheetData ? open : tagEnd + 1;
    this.dataEnd = this.emptySheetData ? open : lastIndexOfString(xml, `</${this.prefix}sheetData>`);
    if (!this.emptySheetData && this.dataEnd < tagEnd) throw new Error('This worksheet is cut short inside <sheetData>.');
    this.pos = this.dataStart;
  }

  /** Moves to the next `<row>`; false after the last one. */
  nextRow(): boolean {
    if (this.emptySheetData) return false;
    const xml = this.xml;
    for (;;) {
      const lt = find(xml, LT, this.pos);
      if (lt < 0 || lt >= this.dataEnd) return false;
      const name = lt + 1 + this.prefixLength;
      if (xml[name] === 0x72 && xml[name + 1] === 0x6f && xml[name + 2] === 0x77 && !isNameByte(xml[name + 3])) {
        this.rowStart = lt;
        this.rowHasRef = false;
        this.column = -1;
        const tagEnd = this.scanAttributes(name + 3, false);
        if (!this.rowHasRef) this.rowNumber++;
        if (!(this.rowNumber >= 1 && this.rowNumber <= EXCEL_GRID.rows)) throw outsideGrid(`row ${this.rowNumber.toLocaleString('en-US')}`, `rows 1 to ${EXCEL_GRID.rows.toLocaleString('en-US')}`);
        this.rowSelfClosing = xml[tagEnd - 1] === SLASH;
        this.rowTagEnd = tagEnd + 1;
        this.pos = this.rowTagEnd;
        this.rowEnd = this.rowSelfClosing ? this.rowTagEnd : -1;
        return true;
      }
      this.pos = lt + 1;
    }
  }

  /** Moves to the next `<c>` of the current row; false at `</row>`, which sets rowEnd. */
  nextCell(): boolean {
    if (this.rowSelfClosing || this.rowEnd >= 0) return false;
    const xml = this.xml;
    for (;;) {
      const lt = find(xml, LT, this.pos);
      if (lt < 0) throw new Error('This worksheet is cut short inside a row.');
      if (xml[lt + 1] === SLASH) {
        // Only `</row>` can close at this level: cells are consumed whole below.
        this.rowEnd = need(xml, GT, lt) + 1;
        this.pos = this.rowEnd;
        return false;
      }
      const name = lt + 1 + this.prefixLength;
      if (xml[name] === 0x63 && !isNameByte(xml[name + 1])) {
        this.readCell(lt, name + 1);
        return true;
      }
      this.pos = need(xml, GT, lt) + 1;
    }
  }

  private readCell(start: number, afterName: number): void {
    const xml = this.xml;
    this.cellStart = start;
    this.cellHasRef = false;
    this.type = CellType.Number;
    this.style = 0;
    this.valueStart = this.valueEnd = this.inlineStart = this.inlineEnd = this.formulaStart = -1;
    this.formulaKind = '';
    const tagEnd = this.scanAttributes(afterName, true);
    if (!this.cellHasRef) this.column++;
    if (!(this.column >= 0 && this.column < EXCEL_GRID.columns)) throw outsideGrid(`column ${this.column + 1 > 0 ? (this.column + 1).toLocaleString('en-US') : 'reference'}`, `columns A to XFD, 1 to ${EXCEL_GRID.columns.toLocaleString('en-US')}`);
    this.cellTagEnd = tagEnd + 1;
    if (xml[tagEnd - 1] === SLASH) {
      this.cellEnd = this.pos = tagEnd + 1;
      return;
    }
    let at = tagEnd + 1;
    for (;;) {
      const lt = find(xml, LT, at);
      if (lt < 0) throw new Error('This worksheet is cut short inside a cell.');
      const closing = xml[lt + 1] === SLASH;
      const name = lt + 1 + (closing ? 1 : 0) + this.prefixLength;
      const gt = need(xml, GT, lt);
      const first = xml[name];
      const second = xml[name + 1];
      if (closing) {
        if (first === 0x63 && !isNameByte(second)) {
          this.cellEnd = this.pos = gt + 1;
          return;
        }
        if (first === 0x69 && second === 0x73 && !isNameByte(xml[name + 2])) this.inlineEnd = lt;
      } else if (first === 0x76 && !isNameByte(second)) {
        if (xml[gt - 1] === SLASH) {
          this.valueStart = this.valueEnd = gt + 1;
        } else {
          this.valueStart = gt + 1;
          this.valueEnd = need(xml, LT, gt);
        }
      } else if (first === 0x66 && !isNameByte(second)) {
        this.formulaStart = lt;
        this.formulaKind = /\bt\s*=\s*"(\w+)"/.exec(latin1(xml, lt, gt))?.[1] ?? 'normal';
        if (xml[gt - 1] !== SLASH) {
          at = need(xml, LT, gt);
          continue;
        }
      } else if (first === 0x69 && second === 0x73 && !isNameByte(xml[name + 2])) {
        this.inlineStart = gt + 1;
      }
      at = gt + 1;
    }
  }

  /** Walks `name="value"` pairs up to the tag's `>`; returns the offset of that `>`. */
  private scanAttributes(at: number, inCell: boolean): number {
    const xml = this.xml;
    let i = at;
    for (;;) {
      let c = xml[i];
      while (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) c = xml[++i];
      if (c === GT || c === SLASH) {
        return c === GT ? i : need(xml, GT, i);
      }
      if (c === undefined) throw cutShort();
      const nameStart = i;
      // A tag cut short runs into the end of the part: each loop stops there.
      while (c !== EQUALS && c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== undefined) c = xml[++i];
      const nameEnd = i;
      while (c !== QUOTE && c !== APOSTROPHE && c !== undefined) c = xml[++i];
      if (c === undefined) throw cutShort();
      const valueEnd = need(xml, c, i + 1);
      if (nameEnd - nameStart === 1) {
        if (inCell) this.cellAttribute(xml[nameStart], i + 1, valueEnd);
        else if (xml[nameStart] === 0x72) {
          this.rowHasRef = true;
          this.rowNumber = parseDigits(xml, i + 1, valueEnd);
        }
      }
      i = valueEnd + 1;
    }
  }

  /** The one-letter attributes of `<c>`: reference, type and style. */
  private cellAttribute(name: number, valueStart: number, valueEnd: number): void {
    const xml = this.xml;
    switch (name) {
      case 0x72: {
        // "AB12": letters give the 1-based column, A = 1, AA = 27 (bijective base 26).
        let column = 0;
        let i = valueStart;
        for (let c = xml[i]; c >= 0x41 && c <= 0x5a; c = xml[++i]) column = column * 26 + (c - 0x40);
        this.column = column - 1;
        this.cellHasRef = true;
        break;
      }
      case 0x74:
        this.type = cellType(xml, valueStart, valueEnd);
        break;
      case 0x73:
        this.style = parseDigits(xml, valueStart, valueEnd);
        break;
    }
  }
}

function outsideGrid(what: string, grid: string): Error {
  return new Error(`This worksheet has a ${what} outside Excel's grid (${grid}), so it is damaged or was not made by a spreadsheet program; nothing was read`);
}

function cellType(xml: Uint8Array, start: number, end: number): CellType {
  const first = xml[start];
  if (end - start === 1) {
    if (first === 0x73) return CellType.Shared;
    if (first === 0x62) return CellType.Boolean;
    if (first === 0x65) return CellType.Error;
    if (first === 0x64) return CellType.IsoDate;
    return CellType.Number;
  }
  if (first === 0x69) return CellType.Inline;
  return first === 0x73 ? CellType.FormulaString : CellType.Number;
}

/**
 * The next offset of `byte`, or -1. Tags and values are a few bytes long, and a plain loop
 * over so short a distance is several times faster than a call into Buffer#indexOf.
 */
function find(xml: Uint8Array, byte: number, from: number): number {
  const length = xml.length;
  for (let i = from; i < length; i++) if (xml[i] === byte) return i;
  return -1;
}

/** Like find, for a byte that must follow: a part without it is cut short or damaged. */
function need(xml: Uint8Array, byte: number, from: number): number {
  const at = find(xml, byte, from);
  if (at < 0) throw cutShort();
  return at;
}

function cutShort(): Error {
  return new Error('This worksheet is cut short inside a tag, or damaged.');
}

function isNameByte(c: number): boolean {
  return c !== 0x20 && c !== GT && c !== SLASH && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== COLON;
}

export function parseDigits(xml: Uint8Array, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) n = n * 10 + (xml[i] - 0x30);
  return n;
}

export function latin1(bytes: Uint8Array, start: number, end: number): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString('latin1');
}

function indexOfString(bytes: Uint8Array, text: string, from: number): number {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(text, from, 'latin1');
}

function lastIndexOfString(bytes: Uint8Array, text: string): number {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).lastIndexOf(text, undefined, 'latin1');
}
