import { utf16Marked } from '../csv/encoding.js';
import { startTags } from './workbook-parts.js';
import { attribute } from './xml-text.js';
import { inflateEntry, readZip, ZipError } from './zip-archive.js';

/**
 * What a file given as a workbook really is, told by its bytes and never by its name:
 * people rename files, and mail clients and downloads rename them for them. Tierwise
 * edits .xlsx and .xlsm (macro-enabled: the macros are a part it copies untouched); for
 * anything else the answer is one sentence saying what the file is and what to do.
 */
export type WorkbookFormat = { readonly format: 'xlsx' | 'xlsm' } | { readonly refusal: string };

const SAVE_AS = 'open it in Excel or LibreOffice and save it as an Excel Workbook (.xlsx)';
// OLE compound file (CFB, [MS-CFB] §2.2); Excel 97–2003 books and encrypted OOXML books are both one.
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
// An encrypted .xlsx keeps its real package in a stream beside "EncryptionInfo" ([MS-OFFCRYPTO] §2.3.4);
// directory entry names are UTF-16LE.
const ENCRYPTION_INFO = Buffer.from('EncryptionInfo', 'utf16le');
const MAIN_TYPES: Record<string, WorkbookFormat> = {
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml': { format: 'xlsx' },
  'application/vnd.ms-excel.sheet.macroEnabled.main+xml': { format: 'xlsm' },
  'application/vnd.ms-excel.sheet.binary.macroEnabled.main': { refusal: `this is an .xlsb (Excel Binary Workbook) file, which Tierwise cannot edit: ${SAVE_AS}.` },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml': { refusal: `this is an Excel template (.xltx): ${SAVE_AS}.` },
  'application/vnd.ms-excel.template.macroEnabled.main+xml': { refusal: `this is a macro-enabled Excel template (.xltm): ${SAVE_AS} or an Excel Macro-Enabled Workbook (.xlsm).` },
  'application/vnd.ms-excel.addin.macroEnabled.main+xml': { refusal: 'this is an Excel add-in (.xlam), not a workbook with data.' },
};

export function workbookFormat(bytes: Uint8Array): WorkbookFormat {
  if (startsWith(bytes, CFB_MAGIC)) {
    if (Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(ENCRYPTION_INFO)) {
      return { refusal: 'this workbook is password-protected (encrypted), so Tierwise cannot read it: open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password) and save it as .xlsx.' };
    }
    return { refusal: `this is an .xls (Excel 97–2003) file: ${SAVE_AS}.` };
  }
  if (startsWith(bytes, ZIP_MAGIC)) return zipFormat(bytes);
  if (looksLikeText(bytes)) {
    return {
      refusal:
        'this is a text file (a CSV?), not an .xlsx workbook, whatever its name says: name it .csv, .tsv or .txt and Tierwise reads it as it is ' +
        '(one file alone as the deals, or in a folder as customers.csv or deals.csv), or open it in Excel or LibreOffice and save it as .xlsx.',
    };
  }
  return { refusal: 'this is not an .xlsx workbook (it is not a zip package): open it in the program that made it and save it as an Excel Workbook (.xlsx).' };
}

/** A zip that cannot be read, or would inflate past the limits, is refused with the reason. */
function zipFormat(bytes: Uint8Array): WorkbookFormat {
  try {
    return zipContentFormat(bytes);
  } catch (error) {
    if (error instanceof ZipError) return { refusal: `${error.message}.` };
    throw error;
  }
}

function zipContentFormat(bytes: Uint8Array): WorkbookFormat {
  const names = new Map(readZip(bytes).map((entry) => [entry.name, entry]));
  const mimetype = names.get('mimetype');
  const mime = mimetype ? inflateEntry(mimetype).toString('latin1').trim() : '';
  if (mime === 'application/vnd.oasis.opendocument.spreadsheet') return { refusal: `this is an .ods (OpenDocument Spreadsheet) file: ${SAVE_AS}.` };
  if ([...names.keys()].some((name) => name.startsWith('Index/') && name.endsWith('.iwa'))) {
    return { refusal: 'this is an Apple Numbers file: open it in Numbers and choose File > Export To > Excel (.xlsx).' };
  }
  const types = names.get('[Content_Types].xml');
  if (!types) return { refusal: 'this is a zip archive, not an .xlsx workbook (it has no [Content_Types].xml): unzip it and look for the workbook inside.' };
  const typesXml = inflateEntry(types).toString('utf8');
  const overrides = [...startTags(typesXml, 'Override'), ...startTags(typesXml, 'Default')].map((tag) => attribute(tag, 'ContentType') ?? '');
  for (const type of overrides) if (MAIN_TYPES[type]) return MAIN_TYPES[type];
  if (overrides.some((type) => type.includes('wordprocessingml'))) return { refusal: 'this is a Word document, not a workbook.' };
  if (overrides.some((type) => type.includes('presentationml'))) return { refusal: 'this is a PowerPoint presentation, not a workbook.' };
  return { refusal: 'this is an Office package without a workbook in it: open it in Excel and save it as .xlsx.' };
}

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((byte, i) => bytes[i] === byte);
}

/**
 * No NUL bytes in the first 4 KB, what `file`, git and grep take for text; or UTF-16 with
 * its byte order mark (Excel's "Unicode text"), which a CSV book reads as it is.
 */
function looksLikeText(bytes: Uint8Array): boolean {
  return utf16Marked(bytes) !== null || (bytes.length > 0 && !bytes.subarray(0, 4096).includes(0));
}
