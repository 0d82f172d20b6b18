import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { packageCellContext, readPackageTabs, type XlsxBook } from './read-xlsx.js';
import { firstXmlProblem, XmlPartsCheck, type XmlChunk } from './xml-problem.js';
import { openXlsxBytes, type XlsxPackage } from './xlsx-package.js';
import { mapWorkbook } from './workbook-parts.js';
import { inflateEntry, readZip, sameEntry, storesExactly, type WrittenPart, type ZipEntry, type ZipPart } from './zip-archive.js';

/**
 * The check a written .xlsx passes before it may replace anything: every XML part and
 * relationships part is well-formed, namespace-correct XML (a prefix used without a
 * declaration is what makes Excel and LibreOffice refuse a whole file), and the package
 * opens again with Tierwise's own reader, every worksheet read to its last cell. Throws
 * one sentence naming the part at fault. Legacy VML drawings (`.vml`) are left out: Excel
 * itself writes them as HTML-like markup that is not well-formed XML.
 *
 * This is the whole check, for a new workbook; a save that rewrote some parts of a source
 * checks only those (startXmlCheck, readPlannedPackage, checkWrittenParts): the others are the source's
 * own compressed bytes.
 */
export function checkXlsxPackage(bytes: Uint8Array, label: string): void {
  const contents = new Map<string, Buffer>();
  for (const entry of zipEntries(bytes, label)) if (isXmlPart(entry.name)) contents.set(entry.name, inflateEntry(entry));
  const fault = xmlFault(firstXmlProblem(xmlParts(contents)), label);
  if (fault) throw fault;
  reopen(bytes, label, contents);
}

// Built from xml-check-worker.ts beside the command (scripts/build.mjs). Run from the
// sources (the tests), there is no such file and the parse runs on the main thread.
const WORKER_FILE = fileURLToPath(new URL('./xml-check-worker.mjs', import.meta.url));

/**
 * The XML parse of the parts a save produces, on a thread of its own started before they
 * exist, each part handed over in chunks as soon as their bytes are final (`add`; `more`:
 * further bytes of the part follow): saxes parses about 50 MB of sheet XML a second on the
 * benchmark machine, the largest single step of saving the 50k/500k book, and runs this way
 * beside the rest of the save: the edited sheet as it is written, then the deflating (on
 * libuv's pool) and the re-read (on the main thread). A chunk in shared memory reaches the
 * thread without a copy. `finish` resolves to the sentence naming the first part that
 * does not parse, or null; it never rejects, so that a fault waits for the check to report
 * it. A worker that fails to start or dies is a fault too: the save is refused rather than
 * left unchecked. A save that fails before `finish` must `abandon` its check.
 */
export interface XmlCheck {
  add(name: string, content: Uint8Array, more?: boolean): void;
  finish(): Promise<Error | null>;
  abandon(): void;
}

export function startXmlCheck(label: string): XmlCheck {
  if (!existsSync(WORKER_FILE)) {
    const check = new XmlPartsCheck();
    return {
      add: (name, content, more = false) => {
        if (isXmlPart(name)) check.add({ name, content, more });
      },
      finish: () => Promise.resolve(xmlFault(check.found(), label)),
      abandon: () => undefined,
    };
  }
  const worker = new Worker(WORKER_FILE);
  const answer = new Promise<Error | null>((resolve) => {
    worker.once('message', (found: ReturnType<XmlPartsCheck['found']>) => resolve(xmlFault(found, label)));
    worker.once('error', (error) => resolve(new Error(`${label}: the XML check failed (${error.message}).`)));
    worker.once('exit', (code) => resolve(new Error(`${label}: the XML check stopped before it finished (exit code ${code}).`)));
  });
  return {
    add: (name, content, more = false) => {
      if (isXmlPart(name)) worker.postMessage({ name, content, more } satisfies XmlChunk);
    },
    finish: () => {
      worker.postMessage(null);
      return answer;
    },
    abandon: () => void worker.terminate(),
  };
}

function xmlParts(parts: ReadonlyMap<string, Buffer>) {
  return [...parts].filter(([name]) => isXmlPart(name)).map(([name, content]) => ({ name, content }));
}

function xmlFault(found: ReturnType<XmlPartsCheck['found']>, label: string): Error | null {
  return found && new Error(`${label}: part ${found.name} is not well-formed XML (${found.problem}).`);
}

/**
 * The package a save is about to write, read back with Tierwise's own reader before it is
 * zipped: the workbook mapped from the planned parts (`planned`, in the order they will be
 * written: the source's entries copied as they are, and new content), and every worksheet
 * with new content read to its last cell. It runs on the main thread while libuv's pool
 * deflates the same parts, where reading the written file back used to wait for the zip
 * (the 47 MB sheet of the 50k/500k book takes ~0.45 s to read). checkWrittenParts then
 * proves the file holds exactly these parts. Returns the tabs read; throws one sentence
 * naming what is wrong.
 *
 * A sheet is read against the source's shared strings and date styles, as parsed when the
 * command read it, when the plan copies those parts from the source: they could only parse
 * the same.
 */
export function readPlannedPackage(planned: readonly ZipPart[], source: XlsxPackage, label: string): XlsxBook {
  const copied = new Map<string, ZipEntry>();
  const content = new Map<string, Buffer>();
  for (const part of planned) {
    if ('copy' in part) copied.set(part.copy.name, part.copy);
    else content.set(part.name, Buffer.from(part.content.buffer, part.content.byteOffset, part.content.byteLength));
  }
  const bytes = (name: string) => content.get(name) ?? (copied.has(name) ? source.bytes(name) : undefined);
  const text = (name: string) => bytes(name)?.toString('utf8');
  return namingFile(label, () => {
    const map = mapWorkbook(text);
    const pkg: XlsxPackage = { label, entries: [...copied.values()], map, bytes, text };
    const sameContext =
      map.sharedStringsPart === source.map.sharedStringsPart &&
      map.stylesPart === source.map.stylesPart &&
      map.date1904 === source.map.date1904 &&
      [map.sharedStringsPart, map.stylesPart].every((part) => part === undefined || copied.has(part));
    const rewritten = map.sheets.filter((sheet) => sheet.worksheet && content.has(sheet.part)).map((sheet) => sheet.name);
    return readPackageTabs(pkg, label, rewritten, sameContext ? packageCellContext(source, source.label) : undefined);
  });
}

/**
 * The rest of a save's check, on the written file: its zip reads, and it holds exactly the
 * parts `written` planned, in that order, each copied part as the source's own entry byte
 * for byte and each new one as the deflated bytes made of the content readPlannedPackage
 * read back and the XML check parsed. A file that holds them is the package read back.
 */
export function checkWrittenParts(file: Uint8Array, label: string, written: readonly WrittenPart[]): void {
  const entries = zipEntries(file, label);
  written.forEach((part, i) => {
    const entry = entries[i];
    const name = 'copy' in part ? part.copy.name : part.name;
    const stored = entry?.name === name && ('copy' in part ? sameEntry(entry, part.copy) : storesExactly(entry, part.content, part.deflated));
    if (!stored) throw new Error(`${label}: part ${name} was not stored as it was produced.`);
  });
  if (entries.length > written.length) throw new Error(`${label}: the file holds a part that was never written (${entries[written.length].name}).`);
}

function zipEntries(bytes: Uint8Array, label: string): ZipEntry[] {
  try {
    return readZip(bytes);
  } catch (error) {
    throw new Error(`${label}: ${(error as Error).message}`);
  }
}

const isXmlPart = (name: string) => /\.(xml|rels)$/i.test(name);

/** Opens a new workbook's package again and reads every worksheet, taking the parts in `contents` from there rather than inflating them once more. */
function reopen(bytes: Uint8Array, label: string, contents: ReadonlyMap<string, Buffer>): void {
  namingFile(label, () => {
    const opened = openXlsxBytes(bytes, label);
    const bytesOf = (part: string) => contents.get(part) ?? opened.bytes(part);
    const pkg = { ...opened, bytes: bytesOf, text: (part: string) => bytesOf(part)?.toString('utf8') };
    readPackageTabs(pkg, label, pkg.map.sheets.filter((sheet) => sheet.worksheet).map((sheet) => sheet.name));
  });
}

/** Runs a reading step of the check; what it throws becomes one sentence that starts with the file's name. */
function namingFile<T>(label: string, step: () => T): T {
  try {
    return step();
  } catch (error) {
    const message = (error as Error).message;
    throw new Error(message.startsWith(`${label}: `) ? message : `${label}: ${message}`);
  }
}
