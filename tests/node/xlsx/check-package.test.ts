import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { checkXlsxPackage, xmlProblem } from '../../../src/node/xlsx/check-package.js';
import { writeRichBook } from './rich-book.js';

const dir = mkdtempSync(join(tmpdir(), 'tierwise-check-'));
const rich = join(dir, 'rich.xlsx');
writeRichBook(rich);

/** The rich book with one part's text changed. */
function richWith(part: string, change: (xml: string) => string): Uint8Array {
  const files = unzipSync(readFileSync(rich));
  files[part] = strToU8(change(strFromU8(files[part])));
  return zipSync(files);
}

describe('checkXlsxPackage (the check a written .xlsx passes before it replaces anything)', () => {
  it('passes a sound workbook with charts, comments, a VML drawing and a hidden tab', () => {
    expect(() => checkXlsxPackage(readFileSync(rich), 'out.xlsx')).not.toThrow();
  });

  it('refuses a workbook part that uses a namespace prefix it never declares, naming the part', () => {
    const broken = richWith('xl/workbook.xml', (xml) => xml.replace('</sheets>', '<sheet name="TW Log" sheetId="9" x:id="rId9"/></sheets>'));
    expect(() => checkXlsxPackage(broken, 'out.xlsx')).toThrow(/^out\.xlsx: part xl\/workbook\.xml is not well-formed XML \(.*prefix.*\)\.$/);
  });

  it('refuses a relationships part that is not well-formed', () => {
    const broken = richWith('xl/_rels/workbook.xml.rels', (xml) => xml.replace('</Relationships>', '<Relationship Id="rId9"></Relationships>'));
    expect(() => checkXlsxPackage(broken, 'out.xlsx')).toThrow(/part xl\/_rels\/workbook\.xml\.rels is not well-formed/);
  });

  it('refuses a package its own reader cannot open again: a tab whose sheet part is missing', () => {
    const files = unzipSync(readFileSync(rich));
    delete files['xl/worksheets/sheet2.xml'];
    expect(() => checkXlsxPackage(zipSync(files), 'out.xlsx')).toThrow(/tab "Notes & Plans" has no sheet data/);
  });

  it('refuses bytes that are not a zip at all', () => {
    expect(() => checkXlsxPackage(Buffer.from('Customer ID,Name\n1,Ann\n'), 'out.xlsx')).toThrow(/^out\.xlsx: /);
  });
});

describe('xmlProblem', () => {
  it('accepts a prefix declared on the element that uses it, as openpyxl declares r: on each <sheet>', () => {
    const openpyxl = '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>';
    expect(xmlProblem(openpyxl)).toBeUndefined();
  });

  it('reports the same prefix used on a sibling that does not declare it', () => {
    const added = '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet xmlns:r="urn:r" name="Data" r:id="rId1"/><sheet name="TW Log" r:id="rId2"/></sheets></workbook>';
    expect(xmlProblem(added)).toMatch(/prefix/);
  });
});

describe('checkXlsxPackage limited to the parts a save rewrote', () => {
  const broken = () => richWith('xl/worksheets/sheet2.xml', (xml) => xml.replace('</sheetData>', '<x:row/></sheetData>'));

  it('finds a fault in a listed part', () => {
    expect(() => checkXlsxPackage(broken(), 'out.xlsx', new Set(['xl/worksheets/sheet2.xml']))).toThrow(/part xl\/worksheets\/sheet2\.xml/);
  });

  it('leaves parts it was not given to the source they were copied from', () => {
    expect(() => checkXlsxPackage(broken(), 'out.xlsx', new Set(['xl/workbook.xml']))).not.toThrow();
  });
});
