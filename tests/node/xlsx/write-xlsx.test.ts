import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Cell } from '../../../src/core/table.js';
import { tabEditsOf, type BookEdits, type OwnTab, type TabEdits } from '../../../src/node/book/edits.js';
import { readXlsx, writeXlsx } from '../../../src/node/xlsx/index.js';
import { cellElements, sheetCells, zipParts } from './book-compare.js';
import { RICH_PARTS, writeRichBook } from './rich-book.js';

const dir = mkdtempSync(join(tmpdir(), 'tierwise-write-'));
const rich = join(dir, 'rich.xlsx');
writeRichBook(rich);
let counter = 0;
const outPath = () => join(dir, `out-${++counter}.xlsx`);
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

function edits(cells: Record<string, Record<string, Cell>>, ownTabs: Record<string, OwnTab> = {}): BookEdits {
  const byTab = new Map<string, TabEdits>();
  for (const [tab, refs] of Object.entries(cells)) {
    byTab.set(
      tab,
      tabEditsOf(
        Object.entries(refs).map(([ref, value]) => {
          const [, letters, row] = /^([A-Z])(\d+)$/.exec(ref)!;
          return [Number(row), letters.charCodeAt(0) - 65, value] as const;
        }),
      ),
    );
  }
  return { cells: byTab, ownTabs: new Map(Object.entries(ownTabs)) };
}

const SCORES = { Customers: { G2: 87.5, G3: 'B', G4: 10, G9: 'new row', H5: true } };
const LOG: OwnTab = { rows: [['Time', 'Action'], [day('2024-05-01'), 'apply']], hidden: false };
const STATE: OwnTab = { rows: [['key', 'value'], ['runs', 3]], hidden: true };

describe('writeXlsx', () => {
  it('copies every part it does not change as the same compressed bytes', async () => {
    const out = outPath();
    await writeXlsx(rich, out, edits(SCORES, { 'TW Log': LOG, 'TW State': STATE }));
    const before = zipParts(rich);
    const after = zipParts(out);
    const changed = ['xl/worksheets/sheet1.xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml'];
    for (const part of RICH_PARTS.filter((p) => !changed.includes(p))) {
      expect(after.get(part)?.stored.equals(before.get(part)!.stored), part).toBe(true);
      expect(after.get(part)?.content.equals(before.get(part)!.content), part).toBe(true);
    }
    expect([...after.keys()].filter((p) => !before.has(p))).toEqual(['xl/worksheets/sheet4.xml', 'xl/worksheets/sheet5.xml']);
  });

  it('reads back the edited cells with their new values and every other cell as it was', async () => {
    const out = outPath();
    await writeXlsx(rich, out, edits(SCORES));
    const before = sheetCells((await readXlsx(rich, ['Customers'])).tables.get('Customers')!);
    const after = sheetCells((await readXlsx(out, ['Customers'])).tables.get('Customers')!);
    const expected = new Map(before);
    for (const [key, value] of [['2:6', 87.5], ['3:6', 'B'], ['4:6', 10], ['9:6', 'new row'], ['5:7', true]] as const) expected.set(key, value);
    expect(after).toEqual(expected);
  });

  it('leaves formulas, styles and the other cells of an edited sheet exactly as they were', async () => {
    const out = outPath();
    await writeXlsx(rich, out, edits(SCORES));
    const before = cellElements(zipParts(rich).get('xl/worksheets/sheet1.xml')!.content.toString());
    const afterXml = zipParts(out).get('xl/worksheets/sheet1.xml')!.content.toString();
    const after = cellElements(afterXml);
    for (const [ref, element] of before) expect(after.get(ref), ref).toBe(element);
    expect(afterXml).toContain('<row r="5" spans="1:8" ht="20" customHeight="1">');
    expect(afterXml).toContain('<dimension ref="A1:H9"/>');
    expect(afterXml).toContain('<drawing r:id="rId1"/><legacyDrawing r:id="rId2"/>');
  });

  it('adds our tabs with their parts, relationships and content types, the state tab hidden', async () => {
    const out = outPath();
    await writeXlsx(rich, out, edits({}, { 'TW Log': LOG, 'TW State': STATE }));
    const book = await readXlsx(out, ['TW Log', 'TW State']);
    expect(book.sheetNames).toEqual(['Customers', 'Notes & Plans', 'Secret', 'TW Log', 'TW State']);
    expect(book.tables.get('TW Log')!.rows).toEqual([[day('2024-05-01'), 'apply']]);
    expect(book.tables.get('TW State')!.rows).toEqual([['runs', 3]]);
    const parts = zipParts(out);
    expect(parts.get('xl/workbook.xml')!.content.toString()).toContain('<sheet name="TW State" sheetId="7" state="hidden" r:id="rId8"/>');
    expect(parts.get('[Content_Types].xml')!.content.toString()).toContain('PartName="/xl/worksheets/sheet5.xml"');
  });

  it('replaces an own tab that exists without touching the workbook, its relationships or content types', async () => {
    const first = outPath();
    await writeXlsx(rich, first, edits({}, { 'TW Log': LOG }));
    const second = outPath();
    await writeXlsx(first, second, edits({}, { 'TW Log': { rows: [['Time'], ['later']], hidden: false } }));
    const [a, b] = [zipParts(first), zipParts(second)];
    for (const part of ['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml']) expect(b.get(part)!.stored.equals(a.get(part)!.stored)).toBe(true);
    expect((await readXlsx(second, ['TW Log'])).tables.get('TW Log')!.rows).toEqual([['later']]);
  });

  it('drops the stale calculation chain when it overwrites a formula', async () => {
    const out = outPath();
    await writeXlsx(rich, out, edits({ Customers: { E2: 5 } }));
    const parts = zipParts(out);
    expect(parts.has('xl/calcChain.xml')).toBe(false);
    expect(parts.get('xl/_rels/workbook.xml.rels')!.content.toString()).not.toContain('calcChain');
    expect(parts.get('[Content_Types].xml')!.content.toString()).not.toContain('calcChain');
    expect(parts.get('xl/styles.xml')!.stored.equals(zipParts(rich).get('xl/styles.xml')!.stored)).toBe(true);
  });

  it('refuses to overwrite the first cell of a shared formula, naming the cell', async () => {
    await expect(writeXlsx(rich, outPath(), edits({ Customers: { C5: 1 } }))).rejects.toThrow(/Customers.*C5.*shared formula/);
  });

  it('writes text that looks like a formula or markup as text, never as a formula', async () => {
    const out = outPath();
    const texts = { G2: '=SUM(A1:A9)', G3: '<b>Tom & "Jerry"</b>', G5: '  +1 ', G6: 'line\r\nbreak\u0001_x0041_' };
    await writeXlsx(rich, out, edits({ Customers: texts }));
    const table = (await readXlsx(out, ['Customers'])).tables.get('Customers')!;
    expect([table.rows[0][6], table.rows[1][6], table.rows[3][6], table.rows[4][6]]).toEqual(Object.values(texts));
    const xml = cellElements(zipParts(out).get('xl/worksheets/sheet1.xml')!.content.toString());
    expect(xml.get('G2')).toBe('<c r="G2" t="inlineStr"><is><t>=SUM(A1:A9)</t></is></c>');
  });

  it('writes dates as dates with the workbook\'s own date style and keeps a cell\'s style', async () => {
    const out = outPath();
    await writeXlsx(rich, out, edits({ Customers: { G2: day('2025-01-31'), D2: day('2020-02-29'), C2: 7 } }));
    const xml = cellElements(zipParts(out).get('xl/worksheets/sheet1.xml')!.content.toString());
    expect(xml.get('G2')).toBe('<c r="G2" s="1"><v>45688</v></c>');
    expect(xml.get('C2')).toBe('<c r="C2" s="2"><v>7</v></c>');
    const table = (await readXlsx(out, ['Customers'])).tables.get('Customers')!;
    expect(table.rows[0].slice(2, 7)).toEqual([7, day('2020-02-29'), 2469, true, day('2025-01-31')]);
  });

  it('saves in place through a temporary file', async () => {
    const path = join(dir, 'in-place.xlsx');
    copyFileSync(rich, path);
    await writeXlsx(path, path, edits(SCORES));
    expect((await readXlsx(path, ['Customers'])).tables.get('Customers')!.rows[0][6]).toBe(87.5);
  });

  it('makes a new book from the edits when there is no source', async () => {
    const out = outPath();
    await writeXlsx(null, out, edits({ Customers: { A1: 'ID', A2: 'C-1', B2: 3 } }, { 'TW State': STATE }));
    const book = await readXlsx(out, ['Customers', 'TW State']);
    expect(book.tables.get('Customers')!.rows).toEqual([['C-1', 3]]);
    expect(book.tables.get('TW State')!.rows).toEqual([['runs', 3]]);
  });
});

describe('writeXlsx on rows that hold no cells yet', () => {
  it('fills an empty row element and keeps its height', async () => {
    const out = outPath();
    await writeXlsx(rich, out, edits({ Customers: { B8: 'filled' } }));
    const xml = zipParts(out).get('xl/worksheets/sheet1.xml')!.content.toString();
    expect(xml).toContain('<row r="8" ht="30" customHeight="1"><c r="B8" t="inlineStr"><is><t>filled</t></is></c></row>');
  });
});
