import { mkdtempSync, readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { checkWrittenParts, checkXlsxPackage, readPlannedPackage, startXmlCheck } from '../../../src/node/xlsx/check-package.js';

import { xmlProblem } from '../../../src/node/xlsx/xml-problem.js';
import { openXlsxBytes } from '../../../src/node/xlsx/xlsx-package.js';
import { deflateOffThread, readZip, writeZip, type ZipPart } from '../../../src/node/xlsx/zip-archive.js';
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

  /** A save's plan made of `bytes`: every entry copied, but those of `replaced`, new content. */
  const planOf = (bytes: Uint8Array, replaced: ReadonlyMap<string, Buffer> = new Map()): ZipPart[] =>
    readZip(bytes).map((entry) => {
      const content = replaced.get(entry.name);
      return content ? { name: entry.name, content, dosTime: entry.dosTime } : { copy: entry };
    });
  const richSource = () => openXlsxBytes(readFileSync(rich), 'in.xlsx');
  const otherSheet2 = () => Buffer.from(partOf(readFileSync(rich), sheet2).toString('utf8').replace('</sheetData>', '<row r="99"/></sheetData>'));

  it('passes a file that holds exactly the planned parts: copies as the source stored them, new parts as deflated', async () => {
    const written = await deflateOffThread(planOf(readFileSync(rich), new Map([[sheet2, otherSheet2()]])));
    expect(() => checkWrittenParts(writeZip(written), 'out.xlsx', written)).not.toThrow();
  });

  it('refuses a file that does not store the very bytes the save produced and checked', async () => {
    const written = await deflateOffThread(planOf(readFileSync(rich), new Map([[sheet2, otherSheet2()]])));
    const file = writeZip(await deflateOffThread(planOf(readFileSync(rich))));
    expect(() => checkWrittenParts(file, 'out.xlsx', written)).toThrow(/^out\.xlsx: part xl\/worksheets\/sheet2\.xml was not stored as it was produced\.$/);
  });

  it('refuses a part stored with compressed bytes other than those the save made of it', async () => {
    const written = await deflateOffThread(planOf(readFileSync(rich), new Map([[sheet2, otherSheet2()]])));
    const file = writeZip(written.map((part) => ('copy' in part || part.name !== sheet2 ? part : { ...part, deflated: deflateRawSync(part.content, { level: 1 }) })));
    expect(() => checkWrittenParts(file, 'out.xlsx', written)).toThrow(/sheet2\.xml was not stored/);
  });

  it('refuses a copied part whose bytes are not the source\'s own', async () => {
    const written = await deflateOffThread(planOf(readFileSync(rich)));
    const file = writeZip(written);
    readZip(file).find((entry) => entry.name === 'xl/sharedStrings.xml')?.compressed.fill(0xff);
    expect(() => checkWrittenParts(file, 'out.xlsx', written)).toThrow(/^out\.xlsx: part xl\/sharedStrings\.xml was not stored as it was produced\.$/);
  });

  it('refuses a file that lacks a planned part, or holds one never planned', async () => {
    const all = await deflateOffThread(planOf(readFileSync(rich)));
    expect(() => checkWrittenParts(writeZip(all.slice(0, -1)), 'out.xlsx', all)).toThrow(/was not stored as it was produced/);
    expect(() => checkWrittenParts(writeZip(all), 'out.xlsx', all.slice(0, -1))).toThrow(/^out\.xlsx: the file holds a part that was never written/);
  });

  it('reads the planned package back: a rewritten sheet against the source\'s shared strings when the plan copies them', () => {
    expect(() => readPlannedPackage(planOf(readFileSync(rich), new Map([[sheet2, otherSheet2()]])), richSource(), 'out.xlsx')).not.toThrow();
  });

  it('reads a rewritten sheet against the shared strings the plan writes when it rewrites them', () => {
    const customers = 'xl/worksheets/sheet1.xml';
    const strings = partOf(readFileSync(rich), 'xl/sharedStrings.xml').toString('utf8').replace('<t>Customer ID</t>', '<t>Client</t>');
    const plan = planOf(readFileSync(rich), new Map([[customers, partOf(readFileSync(rich), customers)], ['xl/sharedStrings.xml', Buffer.from(strings)]]));
    expect(readPlannedPackage(plan, richSource(), 'out.xlsx').tables.get('Customers')?.header[0]).toBe('Client');
    expect(readPlannedPackage(planOf(readFileSync(rich), new Map([[customers, partOf(readFileSync(rich), customers)]])), richSource(), 'out.xlsx').tables.get('Customers')?.header[0]).toBe('Customer ID');
  });

  it('refuses a produced sheet its own reader cannot read back, naming the tab', () => {
    const tooFar = Buffer.from(partOf(readFileSync(rich), sheet2).toString('utf8').replace(/<row r="(\d+)"/, '<row r="1048577"'));
    expect(() => readPlannedPackage(planOf(readFileSync(rich), new Map([[sheet2, tooFar]])), richSource(), 'out.xlsx')).toThrow(/^out\.xlsx: tab "Notes & Plans"/);
  });
});
