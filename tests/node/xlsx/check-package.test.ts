import { mkdtempSync, readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { checkRewrittenPackage, checkXlsxPackage, startXmlCheck } from '../../../src/node/xlsx/check-package.js';

import { xmlProblem } from '../../../src/node/xlsx/xml-problem.js';
import { openXlsxBytes } from '../../../src/node/xlsx/xlsx-package.js';
import { readZip } from '../../../src/node/xlsx/zip-archive.js';
import { writeRichBook } from './rich-book.js';

/** The save's XML check (startXmlCheck) of parts that all exist already. */
function producedXmlFault(parts: ReadonlyMap<string, Buffer>, label: string): Promise<Error | null> {
  const check = startXmlCheck(label);
  for (const [name, content] of parts) check.add(name, content);
  return check.finish();
}

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

describe('the check of a save, limited to the parts it produced', () => {
  const sheet2 = 'xl/worksheets/sheet2.xml';
  const broken = () => richWith(sheet2, (xml) => xml.replace('</sheetData>', '<x:row/></sheetData>'));
  const partOf = (bytes: Uint8Array, part: string) => Buffer.from(unzipSync(bytes)[part]);

  it('finds a part it produced that does not parse, naming it', async () => {
    const fault = await producedXmlFault(new Map([[sheet2, partOf(broken(), sheet2)]]), 'out.xlsx');
    expect(fault?.message).toMatch(/^out\.xlsx: part xl\/worksheets\/sheet2\.xml is not well-formed XML \(.*prefix.*\)\.$/);
  });

  it('passes the parts it produced when they parse', async () => {
    expect(await producedXmlFault(new Map([[sheet2, partOf(readFileSync(rich), sheet2)]]), 'out.xlsx')).toBeNull();
  });

  /** The save's own record of a part: its content and the deflated bytes it wrote, as read back from `written`. */
  const asWritten = (written: Uint8Array, part: string) => ({
    produced: new Map([[part, partOf(written, part)]]),
    stored: new Map([[part, readZip(written).find((entry) => entry.name === part)?.compressed ?? new Uint8Array()]]),
  });

  it('leaves parts it did not produce to the source they were copied from', () => {
    const written = broken();
    const { produced, stored } = asWritten(written, 'xl/workbook.xml');
    expect(() => checkRewrittenPackage(written, 'out.xlsx', produced, stored, null)).not.toThrow();
  });

  it('refuses a file that does not store the very bytes the save produced and checked', () => {
    const written = readFileSync(rich);
    const { stored } = asWritten(written, sheet2);
    const other = Buffer.from(partOf(written, sheet2).toString('utf8').replace('</sheetData>', '<row r="99"/></sheetData>'));
    expect(() => checkRewrittenPackage(written, 'out.xlsx', new Map([[sheet2, other]]), stored, null)).toThrow(/^out\.xlsx: part xl\/worksheets\/sheet2\.xml was not stored as it was produced\.$/);
  });

  it('refuses a part stored with compressed bytes other than those the save made of it', () => {
    const written = readFileSync(rich);
    const { produced } = asWritten(written, sheet2);
    expect(() => checkRewrittenPackage(written, 'out.xlsx', produced, new Map([[sheet2, deflateRawSync(produced.get(sheet2) ?? '', { level: 1 })]]), null)).toThrow(/sheet2\.xml was not stored/);
  });

  it('refuses a produced part missing from the file', () => {
    const missing = 'xl/worksheets/sheet9.xml';
    expect(() => checkRewrittenPackage(readFileSync(rich), 'out.xlsx', new Map([[missing, Buffer.from('<worksheet/>')]]), new Map([[missing, new Uint8Array()]]), null)).toThrow(/sheet9\.xml was not stored/);
  });

  it('reads the produced sheets against the shared strings the file holds when they are not the source\'s own bytes', () => {
    const source = openXlsxBytes(readFileSync(rich), 'in.xlsx');
    const written = readFileSync(rich);
    const { produced, stored } = asWritten(written, sheet2);
    expect(() => checkRewrittenPackage(written, 'out.xlsx', produced, stored, source)).not.toThrow();
    readZip(written).find((entry) => entry.name === 'xl/sharedStrings.xml')?.compressed.fill(0xff);
    expect(() => checkRewrittenPackage(written, 'out.xlsx', produced, stored, source)).toThrow(/^out\.xlsx: the workbook is not a valid zip file \(part xl\/sharedStrings\.xml cannot be inflated/);
  });

  it('refuses a produced sheet its own reader cannot read back, naming the tab', () => {
    const written = richWith(sheet2, (xml) => xml.replace(/<row r="(\d+)"/, '<row r="1048577"'));
    const { produced, stored } = asWritten(written, sheet2);
    expect(() => checkRewrittenPackage(written, 'out.xlsx', produced, stored, null)).toThrow(/^out\.xlsx: /);
  });
});
