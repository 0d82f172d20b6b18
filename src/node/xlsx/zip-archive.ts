import { promisify } from 'node:util';
import { deflateRaw, deflateRawSync, inflateRawSync, type ZlibOptions } from 'node:zlib';
import { formatBytes } from '../input-file.js';
import { ZIP_LIMITS } from '../limits.js';
import { crc32 } from './crc32.js';

/**
 * The zip container of an .xlsx, read and written by hand (APPNOTE.TXT, PKWARE) because
 * saving must copy every part we do not change as the very same compressed bytes, and the
 * zip libraries at hand (fflate included) only hand out inflated data. node:zlib does the
 * inflating and deflating: it is native, and inflated a 100 MB sheet in 130 ms where
 * fflate took 370 ms (50k/500k benchmark book, this machine).
 */
export interface ZipEntry {
  readonly name: string;
  /** The central-directory record as read; copied with only its local offset changed. */
  readonly central: Uint8Array;
  /** The local header, the compressed data and any data descriptor, byte for byte. */
  readonly local: Uint8Array;
  readonly method: number;
  readonly compressed: Uint8Array;
  readonly uncompressedSize: number;
  /** The CRC-32 of the inflated data, as the central directory declares it. */
  readonly crc32: number;
  readonly dosTime: number;
}

const LOCAL_SIGNATURE = 0x04034b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const END_SIGNATURE = 0x06054b50;
const DESCRIPTOR_SIGNATURE = 0x08074b50;
const STORED = 0;
const DEFLATED = 8;
const UTF8_NAMES = 0x0800;
const HAS_DESCRIPTOR = 0x0008;
const ZIP64_MARK = 0xffffffff;
// Level 4 deflated the 43 MB edited Customers sheet of the benchmark in 160 ms against
// 415 ms at zlib's default 6, for a part 10% larger (4.5 MB against 4.1 MB).
const DEFLATE_LEVEL = 4;

/**
 * Why a zip cannot be read: it is damaged, or it would inflate past ZIP_LIMITS. The message
 * is a clause for after the file's name ("part … is damaged"); the package names the file.
 */
export class ZipError extends Error {
  constructor(
    message: string,
    readonly kind: 'damaged' | 'limit',
  ) {
    super(message);
  }
}

const damaged = (what: string) => new ZipError(`the workbook is not a valid zip file (${what}); if it came by mail or download, fetch it again`, 'damaged');

/**
 * The entries of a zip, every offset checked against the file (a cut or damaged file ends in
 * a sentence, not a read past the end), and the sizes its central directory declares held
 * to ZIP_LIMITS before anything is inflated.
 */
export function readZip(file: Uint8Array): ZipEntry[] {
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const end = findEndRecord(file, view);
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  if (at === ZIP64_MARK || count === 0xffff) throw new ZipError('this workbook is a ZIP64 archive, which is not supported', 'damaged');
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder();
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || view.getUint32(at, true) !== CENTRAL_SIGNATURE) throw damaged('bad central directory');
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const dosTime = view.getUint32(at + 12, true);
    const declaredCrc = view.getUint32(at + 16, true);
    const compressedSize = view.getUint32(at + 20, true);
    const uncompressedSize = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const recordLength = 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    const localAt = view.getUint32(at + 42, true);
    if (compressedSize === ZIP64_MARK || uncompressedSize === ZIP64_MARK || localAt === ZIP64_MARK) {
      throw new ZipError('this workbook is a ZIP64 archive, which is not supported', 'damaged');
    }
    if (at + recordLength > end) throw damaged('bad central directory');
    const name = decoder.decode(file.subarray(at + 46, at + 46 + nameLength));
    if (localAt + 30 > file.length || view.getUint32(localAt, true) !== LOCAL_SIGNATURE) throw damaged(`part ${name}`);
    const dataAt = localAt + 30 + view.getUint16(localAt + 26, true) + view.getUint16(localAt + 28, true);
    let localEnd = dataAt + compressedSize;
    if (flags & HAS_DESCRIPTOR && localEnd + 4 <= file.length) localEnd += view.getUint32(localEnd, true) === DESCRIPTOR_SIGNATURE ? 16 : 12;
    if (localEnd > file.length) throw damaged(`part ${name} is cut short`);
    total += uncompressedSize;
    checkDeclaredSize(name, compressedSize, uncompressedSize, total);
    entries.push({
      name,
      central: file.subarray(at, at + recordLength),
      local: file.subarray(localAt, localEnd),
      method,
      compressed: file.subarray(dataAt, dataAt + compressedSize),
      uncompressedSize,
      crc32: declaredCrc,
      dosTime,
    });
    at += recordLength;
  }
  return entries;
}

function checkDeclaredSize(name: string, compressed: number, uncompressed: number, total: number): void {
  const { partBytes, totalBytes, ratio, ratioFrom } = ZIP_LIMITS;
  const refuse = (why: string) => new ZipError(`${why}; it looks like a zip bomb, so nothing was read`, 'limit');
  if (uncompressed > partBytes) throw refuse(`part ${name} would inflate to ${formatBytes(uncompressed)}, more than the ${formatBytes(partBytes)} Tierwise inflates of one part`);
  if (total > totalBytes) throw refuse(`its parts would inflate to more than the ${formatBytes(totalBytes)} Tierwise inflates of one workbook`);
  if (uncompressed >= ratioFrom && uncompressed > compressed * ratio) {
    throw refuse(`part ${name} would inflate ${Math.round(uncompressed / Math.max(compressed, 1)).toLocaleString('en-US')} times over (${formatBytes(compressed)} to ${formatBytes(uncompressed)}), more than the ${ratio}:1 Tierwise accepts`);
  }
}

function findEndRecord(file: Uint8Array, view: DataView): number {
  // The end record sits in the last 22 bytes plus an optional comment of up to 64 KiB.
  const lowest = Math.max(0, file.length - 22 - 0xffff);
  for (let at = file.length - 22; at >= lowest; at--) {
    if (view.getUint32(at, true) === END_SIGNATURE) return at;
  }
  throw damaged('no end of central directory; the file may be cut short');
}

/**
 * The inflated bytes of an entry, never more than the size its directory record declares
 * (checked against ZIP_LIMITS by readZip): a part whose data inflates to more, or to less,
 * is damaged or hostile and is refused.
 */
export function inflateEntry(entry: ZipEntry): Buffer {
  const declared = entry.uncompressedSize;
  if (entry.method === STORED) {
    if (entry.compressed.length !== declared) throw damaged(`part ${entry.name} has the wrong size`);
    return Buffer.from(entry.compressed);
  }
  if (entry.method !== DEFLATED) throw new ZipError(`part ${entry.name} uses zip method ${entry.method}, which is not supported`, 'damaged');
  let inflated: Buffer;
  try {
    // One output chunk of the size the directory announces saves concatenating many.
    inflated = inflateRawSync(entry.compressed, { chunkSize: Math.max(64 * 1024, declared), maxOutputLength: Math.max(1, declared) });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ERR_BUFFER_TOO_LARGE') throw new ZipError(`part ${entry.name} inflates to more than the ${formatBytes(declared)} its zip directory declares; nothing was read`, 'limit');
    throw damaged(`part ${entry.name} cannot be inflated: ${(error as Error).message}`);
  }
  if (inflated.length !== declared) throw damaged(`part ${entry.name} inflates to ${inflated.length} bytes, not the ${declared} its zip directory declares`);
  return inflated;
}

/**
 * A part to write: either an entry copied as read, or new content to deflate (`deflated`
 * when deflateOffThread has already done it).
 */
export type ZipPart = { readonly copy: ZipEntry } | NewPart;
type NewPart = { readonly name: string; readonly content: Uint8Array; readonly dosTime: number; readonly deflated?: Uint8Array };
export type DeflatedPart = NewPart & { readonly deflated: Uint8Array };
/** A part as it goes into the file: a copied entry, or new content with its deflated bytes. */
export type WrittenPart = { readonly copy: ZipEntry } | DeflatedPart;

const deflateRawAsync = promisify<Uint8Array, ZlibOptions, Buffer>(deflateRaw);

/**
 * The new parts deflated on libuv's thread pool, all at once, so that the main thread is
 * free meanwhile. zlib's output does not depend on the thread it runs on: the bytes are
 * those deflateRawSync gives.
 */
export async function deflateOffThread(parts: readonly ZipPart[]): Promise<WrittenPart[]> {
  // One output chunk large enough for the whole result: with zlib's default 16 KiB, each
  // chunk waits for the main thread to hand out the next, and the main thread is busy.
  const deflate = (content: Uint8Array) => deflateRawAsync(content, { level: DEFLATE_LEVEL, chunkSize: Math.max(64 * 1024, content.length + (content.length >> 8) + 64) });
  return Promise.all(parts.map(async (part) => ('copy' in part ? part : { ...part, deflated: part.deflated ?? (await deflate(part.content)) })));
}

/**
 * Whether an entry stores exactly `content` as `deflated`, the deflate of it that was
 * written: the declared size and CRC-32 (which Excel checks and our reader does not) and
 * the compressed bytes themselves. A save's check reads its own parts from the bytes it
 * produced; this proves the file holds those bytes without inflating them again (0.3 s
 * for the 47 MB sheet of the 50k/500k benchmark book).
 */
export function storesExactly(entry: ZipEntry, content: Uint8Array, deflated: Uint8Array): boolean {
  return (
    entry.method === DEFLATED &&
    entry.uncompressedSize === content.length &&
    entry.crc32 === crc32(content) &&
    bytesOf(entry.compressed).equals(deflated)
  );
}

/** Whether two entries store the same data: method, size, CRC-32 and compressed bytes (a copied part and its original). */
export function sameEntry(a: ZipEntry, b: ZipEntry): boolean {
  return a.method === b.method && a.uncompressedSize === b.uncompressedSize && a.crc32 === b.crc32 && bytesOf(a.compressed).equals(b.compressed);
}

const bytesOf = (data: Uint8Array) => Buffer.from(data.buffer, data.byteOffset, data.byteLength);

export function writeZip(parts: readonly ZipPart[]): Buffer {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const part of parts) {
    const { local, central } = 'copy' in part ? copiedRecords(part.copy) : newRecords(part);
    new DataView(central.buffer, central.byteOffset, central.byteLength).setUint32(42, offset, true);
    for (const piece of local) {
      locals.push(piece);
      offset += piece.length;
    }
    centrals.push(central);
  }
  const centralSize = centrals.reduce((sum, c) => sum + c.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_SIGNATURE, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

/** An entry's local record (in pieces, so that compressed data is copied once, into the file) and its central record. */
type Records = { local: Uint8Array[]; central: Uint8Array };

function copiedRecords(entry: ZipEntry): Records {
  return { local: [entry.local], central: Uint8Array.from(entry.central) };
}

function newRecords({ name, content, dosTime, deflated }: NewPart): Records {
  const nameBytes = Buffer.from(name, 'utf8');
  const data = deflated ?? deflateRawSync(content, { level: DEFLATE_LEVEL });
  // The local header and the central record repeat the same fields, "version needed to
  // extract" to "file name length" (APPNOTE 4.3.7 and 4.3.12): written once, copied into both.
  const shared = Buffer.alloc(24);
  shared.writeUInt16LE(20, 0);
  shared.writeUInt16LE(nameBytes.length === name.length ? 0 : UTF8_NAMES, 2);
  shared.writeUInt16LE(DEFLATED, 4);
  shared.writeUInt32LE(dosTime, 6);
  shared.writeUInt32LE(crc32(content), 10);
  shared.writeUInt32LE(data.length, 14);
  shared.writeUInt32LE(content.length, 18);
  shared.writeUInt16LE(nameBytes.length, 22);
  const header = Buffer.alloc(30 + nameBytes.length);
  header.writeUInt32LE(LOCAL_SIGNATURE, 0);
  shared.copy(header, 4);
  nameBytes.copy(header, 30);
  const central = Buffer.alloc(46 + nameBytes.length);
  central.writeUInt32LE(CENTRAL_SIGNATURE, 0);
  central.writeUInt16LE(20, 4);
  shared.copy(central, 6);
  nameBytes.copy(central, 46);
  return { local: [header, data], central };
}

/** MS-DOS date and time (APPNOTE 4.4.6) of a UTC instant, as zip headers store it. */
export function dosTimeOf(date: Date): number {
  const time = (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1);
  const day = ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
  return ((day << 16) | time) >>> 0;
}
