import type { Cell } from '../../core/table.js';
import type { BookEdits } from '../book/edits.js';
import { realLocation } from '../book/real-location.js';
import { commitFiles, type StagedFile } from '../book/transaction.js';
import type { CellWriting } from './cell-xml.js';
import { checkWrittenParts, readPlannedPackage, startXmlCheck, type XmlCheck } from './check-package.js';
import { newXlsxFile, type NewTab } from './create-xlsx.js';
import { calendarDateStyle, dateStyles } from './date-styles.js';
import { addSheets, dropCalcChain, setSheetStates, type NewSheet } from './package-edits.js';
import { applyCellEdits } from './sheet-edits.js';
import { checkSheetName } from './sheet-names.js';
import { worksheetXml } from './sheet-xml.js';
import { vocabularyOf } from './xml-namespaces.js';
import { openXlsx, type XlsxPackage } from './xlsx-package.js';
import { deflateOffThread, writeZip, type ZipPart } from './zip-archive.js';

/**
 * A run's edits as a new package for `target`. Every zip entry we do not change is copied
 * as its original compressed bytes; only the sheets with cell edits, our own tabs and,
 * when a tab is added, the workbook, its relationships and the content types are
 * rewritten. Dates go in as serials with the workbook's first calendar-date style, or as
 * ISO text (`YYYY-MM-DD`) when it has none, because adding a style would rewrite
 * styles.xml. `source` is the package as the command read it (null: a new book); it is
 * never read again, so a file replaced meanwhile cannot receive edits meant for another.
 *
 * The file's check covers the parts rewritten or added (the others are the source's own
 * bytes): their XML is parsed from the bytes produced, on a thread of its own started
 * first and given each part as it is made (an edited sheet while it is being written);
 * the planned package is read back with our own reader while its parts deflate
 * (readPlannedPackage); and the written file must hold exactly the planned parts
 * (checkWrittenParts). A fault found by any of them is reported by the check, so that the
 * commit refuses it like any other before anything is replaced.
 */
export async function xlsxFile(source: XlsxPackage | null, target: string, edits: BookEdits): Promise<StagedFile> {
  if (source === null) return newXlsxFile(target, newBookTabs(edits));
  const xmlCheck = startXmlCheck(target);
  let parts: ZipPart[];
  try {
    parts = editedXlsx(source, edits, xmlCheck);
  } catch (error) {
    xmlCheck.abandon();
    throw error;
  }
  const xmlChecked = xmlCheck.finish();
  const deflating = deflateOffThread(parts);
  // The main thread reads the package back while libuv's pool deflates it.
  const readBack = faultOf(() => void readPlannedPackage(parts, source, target));
  const zipped = await deflating;
  const bytes = writeZip(zipped);
  return {
    target,
    bytes,
    check: async (written) => {
      checkWrittenParts(written, target, zipped);
      if (readBack) throw readBack;
      const fault = await xmlChecked;
      if (fault) throw fault;
    },
  };
}

/** What `step` throws, or null. */
function faultOf(step: () => void): Error | null {
  try {
    step();
    return null;
  } catch (error) {
    return error as Error;
  }
}

/** Saves a run's edits to `outPath` as one transaction (commitFiles): the file is replaced whole or not at all. */
export async function writeXlsx(sourcePath: string | null, outPath: string, edits: BookEdits): Promise<void> {
  const source = sourcePath === null ? null : await openXlsx(sourcePath);
  await commitFiles(await realLocation(outPath), [await xlsxFile(source, outPath, edits)]);
}

/** The parts of the new package; the content of each part rewritten or added is given to `xmlCheck` once final. */
function editedXlsx(pkg: XlsxPackage, edits: BookEdits, xmlCheck: XmlCheck): ZipPart[] {
  const { map } = pkg;
  const stylesXml = (map.stylesPart && pkg.text(map.stylesPart)) ?? '';
  const styles = dateStyles(stylesXml);
  const writing: CellWriting = { dateStyle: calendarDateStyle(stylesXml), date1904: map.date1904 };
  const vocabulary = vocabularyOf(pkg.text(map.workbookPart) ?? '');
  const replaced = new Map<string, Buffer>();
  const checking = new Set<string>();
  let overwroteFormula = false;

  for (const [tab, tabEdits] of edits.cells) {
    if (edits.ownTabs.has(tab) || tabEdits.isEmpty) continue;
    const sheet = map.sheets.find((s) => s.name === tab);
    if (!sheet) throw new Error(`${pkg.label}: there is no tab "${tab}" to write into.`);
    const xml = pkg.bytes(sheet.part);
    if (!xml) throw new Error(`${pkg.label}: tab "${tab}" has no sheet data (${sheet.part} is missing).`);
    // Final as written: no later step rewrites a sheet with cell edits.
    checking.add(sheet.part);
    const edited = applyCellEdits(tab, xml, tabEdits.rowWise(), styles, writing, pkg.label, (chunk, more) => xmlCheck.add(sheet.part, chunk, more));
    replaced.set(sheet.part, edited.xml);
    overwroteFormula ||= edited.overwroteFormula;
  }

  const added: NewSheet[] = [];
  const states = new Map<string, boolean>();
  for (const [name, ownTab] of edits.ownTabs) {
    const content = Buffer.from(worksheetXml(ownTab.rows, writing, vocabulary), 'utf8');
    const sheet = map.sheets.find((s) => s.name === name);
    if (sheet) {
      replaced.set(sheet.part, content);
      if (sheet.hidden !== ownTab.hidden) states.set(name, ownTab.hidden);
    } else {
      checkSheetName(name, [...map.sheets.map((s) => s.name), name]);
      added.push({ name, hidden: ownTab.hidden, content });
    }
  }

  const text = (part: string) => replaced.get(part)?.toString('utf8') ?? pkg.text(part) ?? '';
  const setText = (part: string, xml: string) => replaced.set(part, Buffer.from(xml, 'utf8'));
  const removed = new Set<string>();
  if (states.size > 0) setText(map.workbookPart, setSheetStates(text(map.workbookPart), states));
  const newParts = added.length > 0 ? addSheets(pkg, added, text, setText) : [];
  if (overwroteFormula) for (const part of dropCalcChain(pkg, text, setText)) removed.add(part);

  const parts: ZipPart[] = [];
  const produced = new Map<string, Buffer>();
  const add = (name: string, content: Buffer, dosTime: number) => {
    parts.push({ name, content, dosTime });
    produced.set(name, content);
  };
  for (const entry of pkg.entries) {
    if (removed.has(entry.name)) continue;
    const content = replaced.get(entry.name);
    if (content) add(entry.name, content, entry.dosTime);
    else parts.push({ copy: entry });
  }
  const dosTime = pkg.entries.find((entry) => entry.name === map.workbookPart)?.dosTime ?? 0;
  for (const part of newParts) add(part.name, part.content, dosTime);
  for (const [name, content] of produced) if (!checking.has(name)) xmlCheck.add(name, content);
  return parts;
}

/** Without a source book, the edited tabs and our own tabs make a new one. */
function newBookTabs(edits: BookEdits): NewTab[] {
  const tabs: NewTab[] = [];
  for (const [name, tabEdits] of edits.cells) {
    if (edits.ownTabs.has(name)) continue;
    const rows: Cell[][] = [];
    const edited = tabEdits.rowWise();
    const columns: number[] = [];
    const values: Cell[] = [];
    for (const row of edited.rows) {
      edited.cellsOf(row, columns, values);
      const cells = (rows[row - 1] ??= []);
      columns.forEach((column, i) => (cells[column] = values[i]));
    }
    tabs.push({ name, rows: Array.from(rows, (row) => Array.from(row ?? [], (cell) => cell ?? null)) });
  }
  for (const [name, ownTab] of edits.ownTabs) tabs.push({ name, rows: ownTab.rows.map((row) => [...row]), hidden: ownTab.hidden });
  return tabs;
}
