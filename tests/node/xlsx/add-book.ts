import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

/**
 * Adds tabs to a workbook some other program wrote, at the zip level and in that file's own
 * conventions, as a user's own tool would: the SpreadsheetML prefix and namespace
 * declarations of its first worksheet, the relationships prefix where its workbook declares
 * it (on the root or on each `<sheet>`), its package parts' prefixes, shared strings when
 * its sheets use them and inline strings when they do not, rows and cells without `r`
 * when its sheets leave them out, and its first sheet's `<dimension>` (which then lies).
 * Written apart from Tierwise's own package code on purpose: a fault there must not hide
 * in the fixture too.
 */
export type FixtureCell = string | number | null;

export interface FixtureTab {
  readonly name: string;
  readonly rows: readonly (readonly FixtureCell[])[];
}

export function addBook(xlsx: Uint8Array, tabs: readonly FixtureTab[]): Uint8Array {
  const files = unzipSync(xlsx);
  const text = (part: string) => strFromU8(files[part] ?? files[Object.keys(files).find((name) => name.toLowerCase() === part.toLowerCase()) ?? ''] ?? new Uint8Array());
  const set = (part: string, xml: string) => (files[part] = strToU8(xml));
  const workbookPart = target('', relationshipsIn(text('_rels/.rels')).find((r) => r.type.endsWith('/officeDocument'))!.target);
  const folder = workbookPart.slice(0, workbookPart.lastIndexOf('/') + 1);
  const workbookRels = `${folder}_rels/${workbookPart.slice(folder.length)}.rels`;
  let workbook = text(workbookPart);
  const rels = relationshipsIn(text(workbookRels));
  // The first tab that is a worksheet (a chart sheet has no cells to learn from).
  const sheetTags = [...workbook.matchAll(/<([\w.-]+:)?sheet\s[^>]*>/g)];
  const relOf = (tag: string) => rels.find((r) => r.id === /\s[\w.-]+:id\s*=\s*"([^"]*)"/.exec(tag)![1])!;
  const sheetTag = sheetTags.find(([tag]) => relOf(tag).type.endsWith('/worksheet'))!;
  const x = sheetTag[1] ?? '';
  const relPrefix = /\s([\w.-]+):id\s*=/.exec(sheetTag[0])![1];
  const relNs = new RegExp(`xmlns:${relPrefix}\\s*=\\s*"([^"]*)"`).exec(workbook)![1];
  const declareOnSheet = sheetTag[0].includes(`xmlns:${relPrefix}=`);
  const firstSheet = text(target(workbookPart, relOf(sheetTag[0]).target));
  const sheetRoot = /<([\w.-]+:)?worksheet\b[^>]*>/.exec(firstSheet);
  const s = sheetRoot ? (sheetRoot[1] ?? '') : x;
  const declarations = sheetRoot ? [...sheetRoot[0].matchAll(/\sxmlns(?::[\w.-]+)?\s*=\s*"[^"]*"/g)].map((m) => m[0]).join('') : ` xmlns${s ? `:${s.slice(0, -1)}` : ''}="${/xmlns(?::[\w.-]+)?="([^"]*spreadsheetml[^"]*)"/.exec(workbook)![1]}"`;
  // The first sheet's <dimension>, copied as it is: for most files it lies about the new tab's cells.
  const dimension = new RegExp(`<${s.replace('.', '\\.')}dimension\\b[^>]*\\/>`).exec(firstSheet)?.[0] ?? '';
  const rowsHaveRefs = !new RegExp(`<${s}row(?![^>]*\\sr=)[\\s>/]`).test(firstSheet) || !firstSheet.includes(`<${s}row`);
  const cellsHaveRefs = !new RegExp(`<${s}c(?![^>]*\\sr=)[\\s>/]`).test(firstSheet) || !firstSheet.includes(`<${s}c`);
  const sstRel = rels.find((r) => r.type.endsWith('/sharedStrings'));
  const sstPart = sstRel ? target(workbookPart, sstRel.target) : undefined;
  const useShared = sstPart !== undefined && /\st="s"/.test(firstSheet);
  let sst = sstPart ? text(sstPart) : '';
  const sstPrefix = /<([\w.-]+:)?sst\b/.exec(sst)?.[1] ?? '';
  let sstCount = (sst.match(/<([\w.-]+:)?si[\s>/]/g) ?? []).length;
  const newStrings: string[] = [];

  const cell = (column: number, row: number, value: FixtureCell) => {
    const ref = cellsHaveRefs ? ` r="${columnName(column)}${row}"` : '';
    // Without references a blank cell must still be there to keep its neighbours in place.
    if (value === null) return cellsHaveRefs ? '' : `<${s}c/>`;
    if (typeof value === 'number') return `<${s}c${ref}><${s}v>${value}</${s}v></${s}c>`;
    if (useShared) {
      newStrings.push(`<${sstPrefix}si><${sstPrefix}t xml:space="preserve">${escape(value)}</${sstPrefix}t></${sstPrefix}si>`);
      return `<${s}c${ref} t="s"><${s}v>${sstCount++}</${s}v></${s}c>`;
    }
    return `<${s}c${ref} t="inlineStr"><${s}is><${s}t xml:space="preserve">${escape(value)}</${s}t></${s}is></${s}c>`;
  };

  let contentTypes = text('[Content_Types].xml');
  const ctPrefix = /<\/([\w.-]+:)?Types>/.exec(contentTypes)?.[1] ?? '';
  let relsXml = text(workbookRels);
  const relsPrefix = /<\/([\w.-]+:)?Relationships>/.exec(relsXml)?.[1] ?? '';
  let sheetId = Math.max(0, ...[...workbook.matchAll(/\ssheetId\s*=\s*"(\d+)"/g)].map((m) => Number(m[1])));
  const newSheetTags: string[] = [];
  tabs.forEach((tab, i) => {
    const part = `${folder}worksheets/tw-fixture-${i + 1}.xml`;
    const id = `rIdFixture${i + 1}`;
    const rows = tab.rows
      .map((values, r) => {
        const cells = values.map((value, c) => cell(c, r + 1, value)).join('');
        return cells ? `<${s}row${rowsHaveRefs ? ` r="${r + 1}"` : ''}>${cells}</${s}row>` : rowsHaveRefs ? '' : `<${s}row/>`;
      })
      .join('');
    set(part, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${s}worksheet${declarations}>${dimension}<${s}sheetData>${rows}</${s}sheetData></${s}worksheet>`);
    newSheetTags.push(`<${x}sheet ${declareOnSheet ? `xmlns:${relPrefix}="${relNs}" ` : ''}name="${tab.name}" sheetId="${++sheetId}" ${relPrefix}:id="${id}"/>`);
    relsXml = relsXml.replace(/<\/([\w.-]+:)?Relationships>/, (end) => `<${relsPrefix}Relationship Id="${id}" Type="${relNs}/worksheet" Target="worksheets/tw-fixture-${i + 1}.xml"/>${end}`);
    contentTypes = contentTypes.replace(/<\/([\w.-]+:)?Types>/, (end) => `<${ctPrefix}Override PartName="/${part}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>${end}`);
  });
  workbook = workbook.replace(/<\/([\w.-]+:)?sheets>/, (end) => `${newSheetTags.join('')}${end}`);
  set(workbookPart, workbook);
  set(workbookRels, relsXml);
  set('[Content_Types].xml', contentTypes);
  if (useShared && sstPart) {
    sst = sst.replace(/<\/([\w.-]+:)?sst>/, (end) => `${newStrings.join('')}${end}`).replace(/(\suniqueCount\s*=\s*")\d+"/, `$1${sstCount}"`).replace(/(\scount\s*=\s*")(\d+)"/, (_, lead: string, n: string) => `${lead}${Number(n) + newStrings.length}"`);
    set(sstPart, sst);
  }
  return zipSync(files, { level: 6, mtime: new Date(Date.UTC(2024, 0, 2)) });
}

function relationshipsIn(xml: string): { id: string; type: string; target: string }[] {
  return [...xml.matchAll(/<(?:[\w.-]+:)?Relationship\s[^>]*>/g)].map(([tag]) => ({
    id: /\sId\s*=\s*"([^"]*)"/.exec(tag)?.[1] ?? '',
    type: /\sType\s*=\s*"([^"]*)"/.exec(tag)?.[1] ?? '',
    target: /\sTarget\s*=\s*"([^"]*)"/.exec(tag)?.[1] ?? '',
  }));
}

function target(from: string, path: string): string {
  if (path.startsWith('/')) return path.slice(1);
  const segments = from.split('/').slice(0, -1);
  for (const segment of path.split('/')) {
    if (segment === '..') segments.pop();
    else if (segment !== '.') segments.push(segment);
  }
  return segments.join('/');
}

function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

function escape(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A small sales book: customers without owners in two regions, their deals, and two reps. */
export const SALES_TABS: readonly FixtureTab[] = [
  {
    name: 'Customers',
    rows: [
      ['Customer ID', 'Name', 'Region', 'Industry', 'Owner', 'Historical Revenue', 'Notes'],
      ['C001', 'Acme & Sons', 'North', 'Retail', null, 12000, 'key account'],
      ['C002', 'Bolt <Ltd>', 'South', 'Tech', null, 800, null],
      ['C003', '北京贸易', 'North', 'Tech', null, 45000, '=not a formula'],
      ['C004', 'Delta', 'South', 'Retail', null, 3000, null],
      [null, null, null, null, null, null, null],
      ['C005', 'Echo', 'North', 'Retail', null, 150, 'blank row above'],
      ['C006', 'Foxtrot', 'South', 'Tech', null, 22000, null],
    ],
  },
  {
    name: 'Deals',
    rows: [
      ['Deal ID', 'Customer ID', 'Amount', 'Date', 'Stage'],
      ['D1', 'C001', 5000, '2024-01-15', 'won'],
      ['D2', 'C001', 7000, '2024-06-01', 'won'],
      ['D3', 'C002', 800, '2023-11-20', 'won'],
      ['D4', 'C003', 45000, '2024-09-09', 'won'],
      ['D5', 'C004', 3000, '2022-05-05', 'won'],
      ['D6', 'C006', 22000, '2024-10-10', 'won'],
      ['D7', 'C005', 150, '2024-02-02', 'lost'],
    ],
  },
  {
    name: 'Reps',
    rows: [
      ['Name', 'Email', 'Level', 'Regions', 'Industries', 'Capacity', 'Active'],
      ['Ann Lee', 'ann@example.com', 'senior', 'North', 'Retail, Tech', 10, 'yes'],
      ['Bo Chen', 'bo@example.com', 'mid', 'South', 'Retail, Tech', 10, 'yes'],
    ],
  },
];
