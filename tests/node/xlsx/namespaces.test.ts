import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import type { Cell } from '../../../src/core/table.js';
import { tabEditsOf, type BookEdits, type TabEdits } from '../../../src/node/book/edits.js';
import { checkXlsxPackage } from '../../../src/node/xlsx/check-package.js';
import { readXlsx, writeXlsx } from '../../../src/node/xlsx/index.js';
import { zipParts } from './book-compare.js';

/**
 * Workbooks whose XML uses the namespaces in ways Tierwise's own writer never does: the
 * relationships prefix declared on each `<sheet>` (openpyxl, hence pandas), prefixed
 * elements (`<x:row>`, `<x:c>`, as .NET's Open XML SDK writes), prefixed package parts,
 * and Strict Open XML. Each is saved with a new cell, a new row and a new tab.
 */
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const STRICT_MAIN = 'http://purl.oclc.org/ooxml/spreadsheetml/main';
const STRICT_REL = 'http://purl.oclc.org/ooxml/officeDocument/relationships';
const PACKAGE_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CONTENT_TYPES = 'http://schemas.openxmlformats.org/package/2006/content-types';
const TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

interface Dialect {
  readonly main: string;
  readonly rel: string;
  /** Prefix of SpreadsheetML elements, '' for the default namespace. */
  readonly x: string;
  /** Where the relationships prefix is declared: on the root, or on each `<sheet>` as openpyxl does. */
  readonly relOnSheet: boolean;
  /** Prefix of the package parts' elements ([Content_Types].xml and .rels). */
  readonly pkg: string;
}

function book(d: Dialect): Uint8Array {
  const x = d.x ? `${d.x}:` : '';
  const p = d.pkg ? `${d.pkg}:` : '';
  const mainDecl = d.x ? `xmlns:${d.x}="${d.main}"` : `xmlns="${d.main}"`;
  const pkgDecl = (ns: string) => (d.pkg ? `xmlns:${d.pkg}="${ns}"` : `xmlns="${ns}"`);
  const relDecl = `xmlns:r="${d.rel}"`;
  const sheet = (name: string, id: number) => `<${x}sheet ${d.relOnSheet ? `${relDecl} ` : ''}name="${name}" sheetId="${id}" r:id="rId${id}"/>`;
  const row = (r: number, cells: string) => `<${x}row r="${r}">${cells}</${x}row>`;
  const text = (ref: string, t: string) => `<${x}c r="${ref}" t="inlineStr"><${x}is><${x}t>${t}</${x}t></${x}is></${x}c>`;
  const num = (ref: string, v: number) => `<${x}c r="${ref}"><${x}v>${v}</${x}v></${x}c>`;
  const worksheet = (rows: string) => `<?xml version="1.0" encoding="UTF-8"?><${x}worksheet ${mainDecl}><${x}dimension ref="A1:B2"/><${x}sheetData>${rows}</${x}sheetData></${x}worksheet>`;
  const override = (part: string, type: string) => `<${p}Override PartName="${part}" ContentType="${TYPE}.${type}"/>`;
  const rel = (id: string, type: string, target: string) => `<${p}Relationship Id="${id}" Type="${d.rel}/${type}" Target="${target}"/>`;
  return zipSync({
    '[Content_Types].xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><${p}Types ${pkgDecl(CONTENT_TYPES)}><${p}Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><${p}Default Extension="xml" ContentType="application/xml"/>` +
        `${override('/xl/workbook.xml', 'sheet.main+xml')}${override('/xl/worksheets/sheet1.xml', 'worksheet+xml')}${override('/xl/worksheets/sheet2.xml', 'worksheet+xml')}</${p}Types>`,
    ),
    '_rels/.rels': strToU8(`<?xml version="1.0" encoding="UTF-8"?><${p}Relationships ${pkgDecl(PACKAGE_REL)}>${rel('rId1', 'officeDocument', 'xl/workbook.xml')}</${p}Relationships>`),
    'xl/workbook.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><${x}workbook ${mainDecl}${d.relOnSheet ? '' : ` ${relDecl}`}><${x}sheets>${sheet('Customers', 1)}${sheet('Deals', 2)}</${x}sheets></${x}workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><${p}Relationships ${pkgDecl(PACKAGE_REL)}>${rel('rId1', 'worksheet', '/xl/worksheets/sheet1.xml')}${rel('rId2', 'worksheet', 'worksheets/sheet2.xml')}</${p}Relationships>`,
    ),
    'xl/worksheets/sheet1.xml': strToU8(worksheet(row(1, `${text('A1', 'Customer ID')}${text('B1', 'Revenue')}`) + row(2, `${text('A2', 'C1')}${num('B2', 10)}`))),
    'xl/worksheets/sheet2.xml': strToU8(worksheet(row(1, `${text('A1', 'Customer ID')}${text('B1', 'Amount')}`))),
  });
}

const TRANSITIONAL = { main: MAIN, rel: REL, x: '', relOnSheet: false, pkg: '' };
const DIALECTS: Record<string, Dialect> = {
  'openpyxl (and pandas): r: declared on each <sheet>, not on the root': { ...TRANSITIONAL, relOnSheet: true },
  'SpreadsheetML elements prefixed x: (<x:row>, <x:c>)': { ...TRANSITIONAL, x: 'x' },
  'package parts prefixed (<pr:Relationship>, <ct:Override>)': { ...TRANSITIONAL, pkg: 'pr' },
  'Strict Open XML (purl.oclc.org namespaces)': { ...TRANSITIONAL, main: STRICT_MAIN, rel: STRICT_REL },
  'Strict Open XML with prefixes everywhere': { main: STRICT_MAIN, rel: STRICT_REL, x: 'x', relOnSheet: true, pkg: 'pr' },
};

function edits(): BookEdits {
  const cells = new Map<string, TabEdits>([['Customers', tabEditsOf([[1, 2, 'TW Tier'], [2, 2, 'A'], [3, 0, 'C2'], [3, 2, 'B']] as [number, number, Cell][])]]);
  return { cells, ownTabs: new Map([['TW Log', { rows: [['Action'], ['score']], hidden: false }], ['TW State', { rows: [['{}']], hidden: true }]]) };
}

/** Every element and every prefixed attribute of a part as `{namespace}local`, read by a namespace-aware parser. */
function qualifiedNames(xml: string): Set<string> {
  const names = new Set<string>();
  const parser = new SaxesParser({ xmlns: true });
  parser.on('error', (error) => {
    throw error;
  });
  parser.on('opentag', (tag) => {
    names.add(`{${tag.uri}}${tag.local}`);
    for (const attribute of Object.values(tag.attributes)) if (attribute.prefix && attribute.prefix !== 'xmlns') names.add(`@{${attribute.uri}}${attribute.local}`);
  });
  parser.write(xml).close();
  return names;
}

const dir = mkdtempSync(join(tmpdir(), 'tierwise-namespaces-'));

describe.each(Object.entries(DIALECTS))('saving into a workbook written as %s', (name, dialect) => {
  const source = join(dir, `${name.replace(/\W+/g, '-')}.xlsx`);
  const out = source.replace(/\.xlsx$/, '.out.xlsx');

  it('writes a package whose every XML part parses namespace-aware and that reopens', async () => {
    writeFileSync(source, book(dialect));
    await writeXlsx(source, out, edits());
    expect(() => checkXlsxPackage(readFileSync(out), out)).not.toThrow();
  });

  it('reads back the new cell in an old row, the new row and the new tabs', async () => {
    const read = await readXlsx(out, ['Customers', 'TW Log']);
    const customers = read.tables.get('Customers')!;
    expect(customers.header).toEqual(['Customer ID', 'Revenue', 'TW Tier']);
    expect(customers.rows).toEqual([['C1', 10, 'A'], ['C2', null, 'B']]);
    expect(read.sheetNames).toEqual(['Customers', 'Deals', 'TW Log', 'TW State']);
    expect(read.tables.get('TW Log')?.rows).toEqual([['score']]);
  });

  it("puts every element it adds in the part's own namespace", () => {
    const parts = zipParts(out);
    const text = (part: string) => parts.get(part)!.content.toString('utf8');
    expect(qualifiedNames(text('[Content_Types].xml'))).toEqual(new Set(['Types', 'Default', 'Override'].map((local) => `{${CONTENT_TYPES}}${local}`)));
    expect(qualifiedNames(text('xl/_rels/workbook.xml.rels'))).toEqual(new Set(['Relationships', 'Relationship'].map((local) => `{${PACKAGE_REL}}${local}`)));
    expect(qualifiedNames(text('xl/workbook.xml'))).toEqual(new Set([...['workbook', 'sheets', 'sheet'].map((local) => `{${dialect.main}}${local}`), `@{${dialect.rel}}id`]));
    for (const sheet of ['xl/worksheets/sheet1.xml', 'xl/worksheets/sheet3.xml', 'xl/worksheets/sheet4.xml']) {
      for (const qualified of qualifiedNames(text(sheet))) expect(qualified, sheet).toMatch(new RegExp(`^@?\\{(${dialect.main}|${dialect.rel})\\}`));
    }
  });

  it('points the new tabs at their parts with relationship types of its own vocabulary', () => {
    const rels = zipParts(out).get('xl/_rels/workbook.xml.rels')!.content.toString('utf8');
    expect(rels.match(/Type="[^"]*"/g)).toEqual(Array(4).fill(`Type="${dialect.rel}/worksheet"`));
  });
});
