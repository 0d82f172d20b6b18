import { attribute } from './xml-text.js';

/**
 * The map of an .xlsx package (ECMA-376 Part 2, OPC): which part is the workbook, which
 * sheet part each tab name points to, and where the shared strings and styles live.
 */
export interface SheetRef {
  readonly name: string;
  readonly sheetId: number;
  readonly relId: string;
  /** Zip entry name of the worksheet part, e.g. `xl/worksheets/sheet1.xml`. */
  readonly part: string;
  readonly hidden: boolean;
  /** False for chart, dialog and macro sheets, which are tabs without cells to read. */
  readonly worksheet: boolean;
}

export interface WorkbookMap {
  readonly workbookPart: string;
  readonly relsPart: string;
  readonly sheets: readonly SheetRef[];
  readonly sharedStringsPart: string | undefined;
  readonly stylesPart: string | undefined;
  /** Workbooks made on old Macs count days from 1904-01-01 (ECMA-376 §18.17.4.1). */
  readonly date1904: boolean;
}

const OFFICE_DOCUMENT = /\/officeDocument$/;
const WORKSHEET = /\/worksheet$/;
const TYPE_SUFFIX = { sharedStrings: /\/sharedStrings$/, styles: /\/styles$/ };

export function startTags(xml: string, localName: string): string[] {
  return xml.match(new RegExp(`<(?:[\\w.-]+:)?${localName}\\b[^>]*>`, 'g')) ?? [];
}

export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** Resolves a relationship target against the folder of the part that owns it. */
export function resolveTarget(fromPart: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const segments = fromPart.split('/').slice(0, -1);
  for (const segment of target.split('/')) {
    if (segment === '..') segments.pop();
    else if (segment !== '.') segments.push(segment);
  }
  return segments.join('/');
}

export interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
}

export function relationships(relsXml: string): Relationship[] {
  return startTags(relsXml, 'Relationship').map((tag) => ({
    id: attribute(tag, 'Id') ?? '',
    type: attribute(tag, 'Type') ?? '',
    target: attribute(tag, 'Target') ?? '',
  }));
}

export function mapWorkbook(readPart: (name: string) => string | undefined): WorkbookMap {
  const rootRels = readPart('_rels/.rels');
  if (rootRels === undefined) throw new Error('This file is not an .xlsx workbook (no _rels/.rels).');
  const office = relationships(rootRels).find((r) => OFFICE_DOCUMENT.test(r.type));
  if (!office) throw new Error('This file is not an .xlsx workbook (no workbook part).');
  const workbookPart = resolveTarget('', office.target);
  const workbookXml = readPart(workbookPart);
  if (workbookXml === undefined) throw new Error(`This workbook is damaged: ${workbookPart} is missing.`);
  const relsPart = relsPartOf(workbookPart);
  const rels = relationships(readPart(relsPart) ?? '');
  const byId = new Map(rels.map((r) => [r.id, r]));
  const sheets = startTags(workbookXml, 'sheet').map((tag): SheetRef => {
    const relId = /\s[\w.-]+:id\s*=\s*"([^"]*)"/.exec(tag)?.[1] ?? '';
    const rel = byId.get(relId);
    const name = attribute(tag, 'name') ?? '';
    if (!rel) throw new Error(`This workbook is damaged: tab "${name}" has no part.`);
    const state = attribute(tag, 'state');
    return {
      name,
      sheetId: Number(attribute(tag, 'sheetId')),
      relId,
      part: resolveTarget(workbookPart, rel.target),
      hidden: state === 'hidden' || state === 'veryHidden',
      worksheet: WORKSHEET.test(rel.type),
    };
  });
  const partOfType = (type: RegExp) => {
    const rel = rels.find((r) => type.test(r.type));
    return rel ? resolveTarget(workbookPart, rel.target) : undefined;
  };
  const workbookPr = startTags(workbookXml, 'workbookPr')[0] ?? '';
  const date1904 = attribute(workbookPr, 'date1904');
  return {
    workbookPart,
    relsPart,
    sheets,
    sharedStringsPart: partOfType(TYPE_SUFFIX.sharedStrings),
    stylesPart: partOfType(TYPE_SUFFIX.styles),
    date1904: date1904 === '1' || date1904 === 'true',
  };
}
