import { readFile } from 'node:fs/promises';
import { mapWorkbook, type WorkbookMap } from './workbook-parts.js';
import { inflateEntry, readZip, type ZipEntry } from './zip-archive.js';

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
  let file: Buffer;
  try {
    file = await readFile(path);
  } catch (error) {
    throw new Error(`Cannot read workbook ${path}: ${(error as Error).message}`);
  }
  return openXlsxBytes(file, path);
}

/** Opens a package held in memory; `label` names it in messages (a path, or "the new file"). */
export function openXlsxBytes(file: Uint8Array, label: string): XlsxPackage {
  let entries: ZipEntry[];
  try {
    entries = readZip(file);
  } catch (error) {
    throw new Error(`${label}: ${(error as Error).message}`);
  }
  const byName = new Map(entries.map((entry) => [entry.name, entry]));
  const bytes = (part: string) => {
    const entry = byName.get(part);
    return entry ? inflateEntry(entry) : undefined;
  };
  const text = (part: string) => bytes(part)?.toString('utf8');
  return { label, entries, map: mapWorkbook(text), bytes, text };
}
