import { relationships, resolveTarget, startTags } from './workbook-parts.js';
import { elementPrefix, prefixInScope, rootTag, vocabularyOf } from './xml-namespaces.js';
import { attribute, escapeXmlText } from './xml-text.js';
import type { XlsxPackage } from './xlsx-package.js';

/**
 * The few package-level changes a save may need (ECMA-376 Part 2 for the package,
 * Part 1 §18.2 for the workbook): adding a tab, hiding or showing one, and dropping the
 * calculation chain once a formula cell was overwritten (Excel rebuilds it; a stale one
 * makes it "repair" the file). Each edit inserts or removes single elements and leaves
 * the rest of the part's text as it was; an inserted element carries the prefix its
 * siblings carry, and the relationships prefix of `r:id` is one in scope at `<sheets>` or
 * is declared on the new `<sheet>` itself.
 */
export interface NewSheet {
  readonly name: string;
  readonly hidden: boolean;
  readonly content: Buffer;
}

type ReadText = (part: string) => string;
type WriteText = (part: string, xml: string) => void;

// Strict packages use the same content types as Transitional ones (ISO/IEC 29500-1 §12.3).
const WORKSHEET_CONTENT = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const CONTENT_TYPES = '[Content_Types].xml';

export function addSheets(pkg: XlsxPackage, sheets: readonly NewSheet[], text: ReadText, setText: WriteText): { name: string; content: Buffer }[] {
  const { map } = pkg;
  let workbook = text(map.workbookPart);
  let rels = text(map.relsPart);
  let types = text(CONTENT_TYPES);
  const vocabulary = vocabularyOf(workbook);
  const sheetsOpen = startTags(workbook, 'sheets')[0];
  const sheetsClose = /<\/([\w.-]+:)?sheets>/.exec(workbook);
  if (!sheetsOpen || !sheetsClose) throw new Error('This workbook has no list of sheets.');
  const sheetPrefix = sheetsClose[1] ?? '';
  const relPrefix = prefixInScope([rootTag(workbook), sheetsOpen], vocabulary.relationships);
  const relId = (id: string) => (relPrefix ? `${relPrefix}:id="${id}"` : `xmlns:r="${vocabulary.relationships}" r:id="${id}"`);
  const relsClose = closingTag(rels, 'Relationships');
  const typesClose = closingTag(types, 'Types');
  const relIds = new Set(relationships(rels).map((r) => r.id));
  const partNames = new Set(pkg.entries.map((entry) => entry.name.toLowerCase()));
  let sheetId = Math.max(0, ...map.sheets.map((s) => s.sheetId));
  const folder = map.workbookPart.slice(0, map.workbookPart.lastIndexOf('/') + 1);
  const newParts: { name: string; content: Buffer }[] = [];
  const sheetTags: string[] = [];
  const relTags: string[] = [];
  const typeTags: string[] = [];
  for (const sheet of sheets) {
    const id = unused((n) => `rId${n}`, (taken) => relIds.has(taken));
    relIds.add(id);
    const file = unused((n) => `worksheets/sheet${n}.xml`, (name) => partNames.has(`${folder}${name}`.toLowerCase()));
    partNames.add(`${folder}${file}`.toLowerCase());
    sheetId++;
    const state = sheet.hidden ? ' state="hidden"' : '';
    sheetTags.push(`<${sheetPrefix}sheet name="${escapeXmlText(sheet.name)}" sheetId="${sheetId}"${state} ${relId(id)}/>`);
    relTags.push(`<${relsClose.prefix}Relationship Id="${id}" Type="${vocabulary.relationships}/worksheet" Target="${file}"/>`);
    typeTags.push(`<${typesClose.prefix}Override PartName="/${folder}${file}" ContentType="${WORKSHEET_CONTENT}"/>`);
    newParts.push({ name: `${folder}${file}`, content: sheet.content });
  }
  workbook = insertBefore(workbook, sheetsClose.index, sheetTags.join(''));
  rels = insertBefore(rels, relsClose.at, relTags.join(''));
  types = insertBefore(types, typesClose.at, typeTags.join(''));
  setText(map.workbookPart, workbook);
  setText(map.relsPart, rels);
  setText(CONTENT_TYPES, types);
  return newParts;
}

/** Sets `state="hidden"` on, or removes it from, the named tabs' `<sheet>` elements. */
export function setSheetStates(workbook: string, hiddenByName: ReadonlyMap<string, boolean>): string {
  return workbook.replace(/<(?:[\w.-]+:)?sheet\b[^>]*>/g, (tag) => {
    const hidden = hiddenByName.get(attribute(tag, 'name') ?? '');
    if (hidden === undefined) return tag;
    const plain = tag.replace(/\sstate\s*=\s*"[^"]*"/, '');
    const end = plain.endsWith('/>') ? plain.length - 2 : plain.length - 1;
    return hidden ? `${plain.slice(0, end)} state="hidden"${plain.slice(end)}` : plain;
  });
}

/** Removes the calculation chain's relationship and content type; returns its part name. */
export function dropCalcChain(pkg: XlsxPackage, text: ReadText, setText: WriteText): string[] {
  const { map } = pkg;
  const rels = text(map.relsPart);
  const tag = startTags(rels, 'Relationship').find((t) => /\/calcChain$/.test(attribute(t, 'Type') ?? ''));
  if (!tag) return [];
  const part = resolveTarget(map.workbookPart, attribute(tag, 'Target') ?? '');
  setText(map.relsPart, rels.replace(tag, ''));
  const types = text(CONTENT_TYPES);
  const override = startTags(types, 'Override').find((t) => attribute(t, 'PartName') === `/${part}`);
  if (override) setText(CONTENT_TYPES, types.replace(override, ''));
  return [part];
}

function unused(name: (n: number) => string, taken: (candidate: string) => boolean): string {
  for (let n = 1; ; n++) if (!taken(name(n))) return name(n);
}

/** Where the root's end tag `</p:localName>` starts, and its prefix `p:`. */
function closingTag(xml: string, localName: string): { at: number; prefix: string } {
  const match = new RegExp(`</(?:[\\w.-]+:)?${localName}>`).exec(xml);
  if (!match) throw new Error(`This workbook's ${localName} part is damaged.`);
  return { at: match.index, prefix: elementPrefix(match[0]) };
}

function insertBefore(xml: string, at: number, insertion: string): string {
  return xml.slice(0, at) + insertion + xml.slice(at);
}
