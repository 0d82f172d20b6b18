import { rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, basename } from 'node:path';
import type { Cell } from '../../core/table.js';
import type { BookEdits } from '../book/edits.js';
import type { CellWriting } from './cell-xml.js';
import { createXlsx, type NewTab } from './create-xlsx.js';
import { calendarDateStyle, dateStyles } from './date-styles.js';
import { addSheets, dropCalcChain, setSheetStates, type NewSheet } from './package-edits.js';
import { applyCellEdits } from './sheet-edits.js';
import { checkSheetName } from './sheet-names.js';
import { worksheetXml } from './sheet-xml.js';
import { vocabularyOf } from './xml-namespaces.js';
import { openXlsx } from './xlsx-package.js';
import { writeZip, type ZipPart } from './zip-archive.js';

/**
 * Saves a run's edits. Every zip entry we do not change is copied as its original
 * compressed bytes; only the sheets with cell edits, our own tabs and, when a tab is
 * added, the workbook, its relationships and the content types are rewritten. Dates go
 * in as serials with the workbook's first calendar-date style, or as ISO text
 * (`YYYY-MM-DD`) when it has none, because adding a style would rewrite styles.xml.
 * Writing to the source path replaces it only once the new file is complete.
 */
export async function writeXlsx(sourcePath: string | null, outPath: string, edits: BookEdits): Promise<void> {
  const bytes = sourcePath === null ? null : await editedXlsx(sourcePath, edits);
  const temporary = join(dirname(outPath), `.${basename(outPath)}.${process.pid}.tmp`);
  try {
    if (bytes) await writeFile(temporary, bytes);
    else await createXlsx(temporary, newBookTabs(edits));
    await rename(temporary, outPath);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

async function editedXlsx(sourcePath: string, edits: BookEdits): Promise<Buffer> {
  const pkg = await openXlsx(sourcePath);
  const { map } = pkg;
  const stylesXml = (map.stylesPart && pkg.text(map.stylesPart)) ?? '';
  const styles = dateStyles(stylesXml);
  const writing: CellWriting = { dateStyle: calendarDateStyle(stylesXml), date1904: map.date1904 };
  const vocabulary = vocabularyOf(pkg.text(map.workbookPart) ?? '');
  const replaced = new Map<string, Buffer>();
  let overwroteFormula = false;

  for (const [tab, tabEdits] of edits.cells) {
    if (edits.ownTabs.has(tab) || tabEdits.isEmpty) continue;
    const sheet = map.sheets.find((s) => s.name === tab);
    if (!sheet) throw new Error(`${sourcePath}: there is no tab "${tab}" to write into.`);
    const xml = pkg.bytes(sheet.part);
    if (!xml) throw new Error(`${sourcePath}: tab "${tab}" has no sheet data (${sheet.part} is missing).`);
    const edited = applyCellEdits(tab, xml, tabEdits.byRow(), styles, writing, sourcePath);
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
  for (const entry of pkg.entries) {
    if (removed.has(entry.name)) continue;
    const content = replaced.get(entry.name);
    parts.push(content ? { name: entry.name, content, dosTime: entry.dosTime } : { copy: entry });
  }
  const dosTime = pkg.entries.find((entry) => entry.name === map.workbookPart)?.dosTime ?? 0;
  for (const part of newParts) parts.push({ name: part.name, content: part.content, dosTime });
  return writeZip(parts);
}

/** Without a source book, the edited tabs and our own tabs make a new one. */
function newBookTabs(edits: BookEdits): NewTab[] {
  const tabs: NewTab[] = [];
  for (const [name, tabEdits] of edits.cells) {
    if (edits.ownTabs.has(name)) continue;
    const rows: Cell[][] = [];
    for (const [row, cells] of tabEdits.byRow()) {
      const values = (rows[row - 1] ??= []);
      for (const [column, value] of cells) values[column] = value;
    }
    tabs.push({ name, rows: Array.from(rows, (row) => Array.from(row ?? [], (cell) => cell ?? null)) });
  }
  for (const [name, ownTab] of edits.ownTabs) tabs.push({ name, rows: ownTab.rows.map((row) => [...row]), hidden: ownTab.hidden });
  return tabs;
}
