import { realLocation } from '../book/real-location.js';
import { commitFiles, type StagedFile } from '../book/transaction.js';
import { checkXlsxPackage } from './check-package.js';
import type { Cell } from '../../core/table.js';
import { RELATIONSHIPS_NS, SPREADSHEET_NS, XML_DECLARATION, worksheetXml } from './sheet-xml.js';
import { checkSheetName } from './sheet-names.js';
import { escapeXmlText } from './xml-text.js';
import { dosTimeOf, writeZip, type ZipPart } from './zip-archive.js';

export interface NewTab {
  readonly name: string;
  readonly rows: Cell[][];
  readonly hidden?: boolean;
}

const PACKAGE_RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const OFFICE_RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const MAIN_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
/** Style 1 shows a serial as yyyy-mm-dd, so Date cells are real dates in Excel and LibreOffice. */
const DATE_STYLE = 1;
/** A fixed zip time keeps the same tabs giving the same bytes. */
const FIXED_TIME = dosTimeOf(new Date(Date.UTC(1980, 0, 1)));

/** Writes a new workbook to `outPath` as one transaction (commitFiles). */
export async function createXlsx(outPath: string, tabs: readonly NewTab[]): Promise<void> {
  await commitFiles(await realLocation(outPath), [newXlsxFile(outPath, tabs)]);
}

/** A new, minimal workbook (ECMA-376 Part 1 §12.2) with text in a shared string table, checked whole before it is committed. */
export function newXlsxFile(target: string, tabs: readonly NewTab[]): StagedFile {
  if (tabs.length === 0 || tabs.every((tab) => tab.hidden)) throw new Error('A workbook needs at least one visible tab.');
  for (const tab of tabs) checkSheetName(tab.name, tabs.map((t) => t.name));
  const strings: string[] = [];
  const indexOf = new Map<string, number>();
  const sharedString = (text: string) => {
    let index = indexOf.get(text);
    if (index === undefined) {
      index = strings.length;
      strings.push(text);
      indexOf.set(text, index);
    }
    return index;
  };
  const writing = { dateStyle: DATE_STYLE, date1904: false, sharedString };
  const sheets = tabs.map((tab, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, xml: worksheetXml(tab.rows, writing) }));
  const part = (name: string, xml: string): ZipPart => ({ name, content: Buffer.from(xml, 'utf8'), dosTime: FIXED_TIME });
  const bytes = writeZip([
    part('[Content_Types].xml', contentTypes(tabs.length)),
    part('_rels/.rels', `${XML_DECLARATION}<Relationships xmlns="${PACKAGE_RELS}"><Relationship Id="rId1" Type="${OFFICE_RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    part('xl/workbook.xml', workbookXml(tabs)),
    part('xl/_rels/workbook.xml.rels', workbookRels(tabs.length)),
    part('xl/styles.xml', STYLES),
    part('xl/sharedStrings.xml', sharedStringsXml(strings)),
    ...sheets.map((sheet) => part(sheet.name, sheet.xml)),
  ]);
  return { target, bytes, check: (written) => checkXlsxPackage(written, target) };
}

function contentTypes(sheetCount: number): string {
  const sheets = Array.from({ length: sheetCount }, (_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${MAIN_TYPE}.worksheet+xml"/>`);
  return (
    `${XML_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    `<Override PartName="/xl/workbook.xml" ContentType="${MAIN_TYPE}.sheet.main+xml"/>` +
    `<Override PartName="/xl/styles.xml" ContentType="${MAIN_TYPE}.styles+xml"/>` +
    `<Override PartName="/xl/sharedStrings.xml" ContentType="${MAIN_TYPE}.sharedStrings+xml"/>` +
    `${sheets.join('')}</Types>`
  );
}

function workbookXml(tabs: readonly NewTab[]): string {
  const sheets = tabs.map(
    (tab, i) => `<sheet name="${escapeXmlText(tab.name)}" sheetId="${i + 1}"${tab.hidden ? ' state="hidden"' : ''} r:id="rId${i + 1}"/>`,
  );
  const firstVisible = tabs.findIndex((tab) => !tab.hidden);
  return (
    `${XML_DECLARATION}<workbook xmlns="${SPREADSHEET_NS}" xmlns:r="${RELATIONSHIPS_NS}">` +
    `<bookViews><workbookView activeTab="${firstVisible}"/></bookViews><sheets>${sheets.join('')}</sheets></workbook>`
  );
}

function workbookRels(sheetCount: number): string {
  const sheets = Array.from({ length: sheetCount }, (_, i) => `<Relationship Id="rId${i + 1}" Type="${OFFICE_RELS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`);
  const n = sheetCount;
  return (
    `${XML_DECLARATION}<Relationships xmlns="${PACKAGE_RELS}">${sheets.join('')}` +
    `<Relationship Id="rId${n + 1}" Type="${OFFICE_RELS}/styles" Target="styles.xml"/>` +
    `<Relationship Id="rId${n + 2}" Type="${OFFICE_RELS}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`
  );
}

function sharedStringsXml(strings: readonly string[]): string {
  const items = strings.map((text) => `<si><t${/^\s|\s$/.test(text) ? ' xml:space="preserve"' : ''}>${escapeXmlText(text)}</t></si>`);
  return `${XML_DECLARATION}<sst xmlns="${SPREADSHEET_NS}" count="${strings.length}" uniqueCount="${strings.length}">${items.join('')}</sst>`;
}

// The smallest style sheet Excel accepts: one font, the two fills it requires, one border.
const STYLES =
  `${XML_DECLARATION}<styleSheet xmlns="${SPREADSHEET_NS}">` +
  '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/></numFmts>' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';
