import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { CellContext } from './cell-values.js';
import { packageCellContext, readPackageTabs } from './read-xlsx.js';
import { firstXmlProblem, XmlPartsCheck, type XmlChunk } from './xml-problem.js';
import { openXlsxBytes, type XlsxPackage } from './xlsx-package.js';
import { inflateEntry, readZip, sameEntry, storesExactly, type ZipEntry } from './zip-archive.js';

/**
 * The check a written .xlsx passes before it may replace anything: every XML part and
 * relationships part is well-formed, namespace-correct XML (a prefix used without a
 * declaration is what makes Excel and LibreOffice refuse a whole file), and the package
 * opens again with Tierwise's own reader, every worksheet read to its last cell. Throws
 * one sentence naming the part at fault. Legacy VML drawings (`.vml`) are left out: Excel
 * itself writes them as HTML-like markup that is not well-formed XML.
 *
 * This is the whole check, for a new workbook; a save that rewrote some parts of a source
 * checks only those (startXmlCheck, checkRewrittenPackage): the others are the source's
 * own compressed bytes.
 */
export function checkXlsxPackage(bytes: Uint8Array, label: string): void {
  const contents = new Map<string, Buffer>();
  for (const entry of zipEntries(bytes, label)) if (isXmlPart(entry.name)) contents.set(entry.name, inflateEntry(entry));
  const fault = xmlFault(firstXmlProblem(xmlParts(contents)), label);
  if (fault) throw fault;
  reopen(bytes, label, contents, () => true, null);
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
 * The rest of a save's check, on the written file: its zip reads, each part the save
 * produced is stored as exactly the bytes startXmlCheck parsed (`stored`: the deflated
 * bytes written for each), and the package opens again with Tierwise's own reader, every
 * rewritten worksheet read to its last cell from those bytes. `source`: the package the
 * save was made from, whose shared strings and date styles the sheets are read against
 * when the file stores those parts as its very bytes.
 */
export function checkRewrittenPackage(
  written: Uint8Array,
  label: string,
  produced: ReadonlyMap<string, Buffer>,
  stored: ReadonlyMap<string, Uint8Array>,
  source: XlsxPackage | null,
): void {
  const entries = new Map(zipEntries(written, label).map((entry) => [entry.name, entry]));
  for (const [name, content] of produced) {
    const entry = entries.get(name);
    const deflated = stored.get(name);
    if (entry === undefined || deflated === undefined || !storesExactly(entry, content, deflated)) throw new Error(`${label}: part ${name} was not stored as it was produced.`);
  }
  reopen(written, label, produced, (part) => produced.has(part), source);
}

function zipEntries(bytes: Uint8Array, label: string): ZipEntry[] {
  try {
    return readZip(bytes);
  } catch (error) {
    throw new Error(`${label}: ${(error as Error).message}`);
  }
}

const isXmlPart = (name: string) => /\.(xml|rels)$/i.test(name);

/**
 * Opens the package again and reads the worksheets `checked` picks, taking the parts in
 * `contents` from there rather than inflating them once more (inflating the 47 MB sheet of
 * the benchmark book takes 0.4 s).
 */
function reopen(bytes: Uint8Array, label: string, contents: ReadonlyMap<string, Buffer>, checked: (part: string) => boolean, source: XlsxPackage | null): void {
  try {
    const opened = openXlsxBytes(bytes, label);
    const bytesOf = (part: string) => contents.get(part) ?? opened.bytes(part);
    const pkg = { ...opened, bytes: bytesOf, text: (part: string) => bytesOf(part)?.toString('utf8') };
    const context = source && copiedContext(pkg, source, contents);
    readPackageTabs(pkg, label, pkg.map.sheets.filter((sheet) => sheet.worksheet && checked(sheet.part)).map((sheet) => sheet.name), context ?? undefined);
  } catch (error) {
    const message = (error as Error).message;
    throw new Error(message.startsWith(`${label}: `) ? message : `${label}: ${message}`);
  }
}

/**
 * The source's shared strings and date styles, as parsed when the command read it, if the
 * written package names the same parts and stores each as the source's own entry, byte for
 * byte: read from there, they could only parse the same.
 */
function copiedContext(written: XlsxPackage, source: XlsxPackage, produced: ReadonlyMap<string, Buffer>): CellContext | null {
  const { map } = written;
  if (map.sharedStringsPart !== source.map.sharedStringsPart || map.stylesPart !== source.map.stylesPart || map.date1904 !== source.map.date1904) return null;
  for (const part of [map.sharedStringsPart, map.stylesPart]) {
    if (part === undefined) continue;
    const copy = written.entries.find((entry) => entry.name === part);
    const original = source.entries.find((entry) => entry.name === part);
    if (produced.has(part) || copy === undefined || original === undefined || !sameEntry(copy, original)) return null;
  }
  return packageCellContext(source, source.label);
}
