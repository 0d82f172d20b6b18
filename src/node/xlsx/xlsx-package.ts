import { constants } from 'node:buffer';
import { InputError } from '../errors.js';
import { readInputFile } from '../input-file.js';
import { WORKBOOK_FILE_LIMIT } from '../limits.js';
import { mapWorkbook, type WorkbookMap } from './workbook-parts.js';
import { inflateEntry, readZip, ZipError, type ZipEntry } from './zip-archive.js';

/** An opened .xlsx: its zip entries by part name and the map of its workbook. */
export interface XlsxPackage {
  /** The path it was read from, or another name for messages. */
  readonly label: string;
  readonly entries: readonly ZipEntry[];
  readonly map: WorkbookMap;
  bytes(part: string): Buffer | undefined;
  text(part: string): string | undefined;
}

export async function openXlsx(path: string): Promise<XlsxPackage> {
  const file = readInputFile(path, WORKBOOK_FILE_LIMIT);
  if (file === null) throw new InputError(`${path}: no such file or folder.`);
  return openXlsxBytes(file, path);
}

/**
 * Opens a package held in memory; `label` names it in messages (a path, or "the new file").
 * Every way the package can fail to read, a damaged zip or one past the limits, a missing
 * or damaged part, ends in an InputError naming it.
 */
export function openXlsxBytes(file: Uint8Array, label: string): XlsxPackage {
  const entries = withLabel(label, () => readZip(file));
  const byName = new Map(entries.map((entry) => [entry.name, entry]));
  const bytes = (part: string) => {
    const entry = byName.get(part);
    return entry ? withLabel(label, () => inflateEntry(entry)) : undefined;
  };
  const text = (part: string) => {
    const data = bytes(part);
    // V8 cannot hold a longer string; a part this large is no spreadsheet's.
    if (data && data.length > constants.MAX_STRING_LENGTH) throw new InputError(`${label}: part ${part} is too large to read as text.`);
    return data?.toString('utf8');
  };
  return { label, entries, map: withLabel(label, () => mapWorkbook(text)), bytes, text };
}

/**
 * The package with the inflated bytes of the sheets of `tabs` kept once read, for a save
 * that rewrites what it read: inflating the 19 MB Customers sheet of the 50k/500k book
 * again for the save cost ~0.1 s, most of it the first touch of fresh memory.
 */
export function keepingSheets(pkg: XlsxPackage, tabs: readonly string[]): XlsxPackage {
  const parts = new Set(pkg.map.sheets.filter((sheet) => tabs.includes(sheet.name)).map((sheet) => sheet.part));
  const kept = new Map<string, Buffer>();
  const bytes = (part: string) => {
    if (!parts.has(part)) return pkg.bytes(part);
    const data = kept.get(part) ?? pkg.bytes(part);
    if (data) kept.set(part, data);
    return data;
  };
  return { ...pkg, bytes };
}

/** Runs a step of reading the package, naming it in the sentence of a ZipError or a damaged part. */
export function withLabel<T>(label: string, step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (error instanceof InputError) throw error;
    if (error instanceof ZipError || isOwnSentence(error)) throw new InputError(`${label}: ${sentence((error as Error).message)}`);
    throw error;
  }
}

/** The readers' own `new Error('This worksheet …')`: a sentence about the damage, not a fault of ours. */
function isOwnSentence(error: unknown): boolean {
  return error instanceof Error && error.constructor === Error && !('code' in error);
}

/** A message as the clause after "file: ", ending in one full stop. */
function sentence(text: string): string {
  const clause = /^(The|This|A|An|Row) /.test(text) ? text[0].toLowerCase() + text.slice(1) : text;
  return /[.!?]$/.test(clause) ? clause : `${clause}.`;
}
