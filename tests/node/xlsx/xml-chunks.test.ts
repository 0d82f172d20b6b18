import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tabEditsOf } from '../../../src/node/book/edits.js';
import { startXmlCheck } from '../../../src/node/xlsx/check-package.js';
import { applyCellEdits } from '../../../src/node/xlsx/sheet-edits.js';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const part = 'xl/worksheets/sheet1.xml';

/** A sheet whose text cells hold characters of two, three and four UTF-8 bytes. */
function sheetXml(rows: number, rowText: (row: number) => string): string {
  const body = Array.from({ length: rows }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>${rowText(i + 1)}</t></is></c></row>`).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}"><sheetData>${body}</sheetData></worksheet>`;
}

/** The save's check given `bytes` cut at `cuts` (ascending offsets), the last piece with more=false. */
async function checkInPieces(bytes: Buffer, cuts: readonly number[]): Promise<Error | null> {
  const check = startXmlCheck('out.xlsx');
  let from = 0;
  for (const cut of cuts) {
    check.add(part, bytes.subarray(from, cut), true);
    from = cut;
  }
  check.add(part, bytes.subarray(from), false);
  return check.finish();
}

const cutsOf = (length: number) => fc.uniqueArray(fc.integer({ min: 0, max: length }), { maxLength: 12 }).map((cuts) => cuts.sort((a, b) => a - b));

describe('the save XML check of a part handed over in pieces (a sheet is checked while it is written)', () => {
  const sound = Buffer.from(sheetXml(20, (row) => `Café 北京 😀 ${row}`), 'utf8');
  const broken = Buffer.from(sheetXml(20, (row) => (row === 13 ? 'a <x:b/> c' : `Café 北京 😀 ${row}`)), 'utf8');

  it('passes a sound part wherever the pieces are cut, inside a character too', async () => {
    await fc.assert(
      fc.asyncProperty(cutsOf(sound.length), async (cuts) => {
        expect(await checkInPieces(sound, cuts)).toBeNull();
      }),
    );
  });

  it('finds an undeclared prefix wherever the pieces are cut, naming the part', async () => {
    await fc.assert(
      fc.asyncProperty(cutsOf(broken.length), async (cuts) => {
        expect((await checkInPieces(broken, cuts))?.message).toMatch(/^out\.xlsx: part xl\/worksheets\/sheet1\.xml is not well-formed XML \(.*prefix.*\)\.$/);
      }),
    );
  });

  it('refuses a part whose last piece never came, though every piece so far parsed', async () => {
    const check = startXmlCheck('out.xlsx');
    check.add(part, sound.subarray(0, 200), true);
    expect((await check.finish())?.message).toMatch(/part xl\/worksheets\/sheet1\.xml is not well-formed XML \(the part was never finished\)/);
  });
});

describe('an edited sheet handed on as it is written', () => {
  it('hands on every byte of the part once, in order, in more than one piece for a large sheet, the last one marked', () => {
    const rows = 30_000;
    const source = Buffer.from(sheetXml(rows, (row) => `Customer ${row} — Zürich`), 'utf8');
    const edits = tabEditsOf(Array.from({ length: rows }, (_, i) => [i + 1, 1, `TW ${i + 1} 好`] as const)).rowWise();
    const pieces: { bytes: Buffer; more: boolean }[] = [];
    const edited = applyCellEdits('Customers', source, edits, [], { dateStyle: undefined, date1904: false }, 'book.xlsx', (chunk, more) => pieces.push({ bytes: Buffer.from(chunk), more }));
    expect(Buffer.concat(pieces.map((piece) => piece.bytes)).equals(edited.xml)).toBe(true);
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.map((piece) => piece.more)).toEqual([...pieces.slice(1).map(() => true), false]);
    expect(edited.xml.toString('utf8').endsWith('<c r="B30000" t="inlineStr"><is><t>TW 30000 好</t></is></c></row></sheetData></worksheet>')).toBe(true);
  });
});
