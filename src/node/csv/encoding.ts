import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import type { CsvFormat } from './format.js';

/**
 * The encodings a CSV book arrives in: Excel's "CSV UTF-8" (with a byte order mark),
 * plain UTF-8 from most tools, GBK/GB18030 from Excel and WPS on Chinese Windows, and
 * UTF-16 with its byte order mark: Excel's "Unicode Text (*.txt)" is UTF-16LE, tab
 * separated; Word's plain text "Unicode (Big-Endian)" is UTF-16BE (hex dumps of both:
 * herongyang.com/Unicode, "Saving Files in Unicode Text" and "… in Unicode (Big-Endian)").
 * GB18030 is a superset of GBK, so one decoder reads both and writes back what it read.
 * Excel's plain "CSV (Comma delimited)" outside China is Windows-1252 (Western European).
 *
 * GB18030 uses iconv-lite both ways, although Node's own TextDecoder('gb18030') decodes three
 * times faster: ICU follows GB18030-2022, which moved 19 characters (vertical punctuation
 * and a few ideographs) out of the private use area, while iconv-lite encodes by the 2005
 * table, so mixing them would change the bytes of those characters in cells we never touched.
 * UTF-16 needs no table: TextDecoder reads it, Buffer writes it.
 */
type Encoding = CsvFormat['encoding'];

/** The byte order mark each encoding is written with; an encoding without one has none. */
const BOMS: Partial<Record<Encoding, readonly number[]>> = {
  'utf-8-bom': [0xef, 0xbb, 0xbf],
  'utf-16le': [0xff, 0xfe],
  'utf-16be': [0xfe, 0xff],
};
const BOM_ENCODINGS = Object.entries(BOMS) as [Encoding, readonly number[]][];
// ignoreBOM: the mark is cut off before decoding, so one that follows it is text and kept.
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });
// fatal: half a character or a lone surrogate would come back as U+FFFD and be written so.
const utf16 = { 'utf-16le': new TextDecoder('utf-16le', { fatal: true, ignoreBOM: true }), 'utf-16be': new TextDecoder('utf-16be', { fatal: true, ignoreBOM: true }) };
const utf8Encoder = new TextEncoder();

/**
 * By the byte order mark when there is one (UTF-8, UTF-16LE, UTF-16BE), else UTF-8 when
 * every byte sequence is valid UTF-8 (so plain ASCII is UTF-8), else GB18030 or
 * Windows-1252, whichever the bytes read as (readsAsChinese). UTF-16 that does not decode
 * (cut short by a byte, a lone surrogate) is refused: it would be written back changed.
 * UTF-16 without its mark is not guessed; read.ts refuses its NUL bytes.
 */
export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: Encoding } {
  const encoding = csvEncodingOf(bytes);
  const body = bytes.subarray(BOMS[encoding]?.length ?? 0);
  if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    try {
      return { text: utf16[encoding].decode(body), encoding };
    } catch {
      throw new Error(`this file starts as ${encoding === 'utf-16le' ? 'UTF-16LE' : 'UTF-16BE'} ("Unicode text") but is not valid UTF-16 (cut short, or not text?); nothing was read.`);
    }
  }
  return { text: decodeBody(body, encoding), encoding };
}

/** decodeCsvBytes's encoding, judged without decoding the file. */
export function csvEncodingOf(bytes: Uint8Array): Encoding {
  const marked = BOM_ENCODINGS.find(([, bom]) => startsWith(bytes, bom));
  if (marked !== undefined) return marked[0];
  if (isUtf8(bytes)) return 'utf-8';
  // Five bytes (0x81, 0x8D, 0x8F, 0x90, 0x9D) mean nothing in Windows-1252 and decode to
  // U+FFFD, which could not be written back as they were.
  return readsAsChinese(bytes) || WINDOWS_1252_UNDEFINED.some((byte) => bytes.includes(byte)) ? 'gb18030' : 'windows-1252';
}

const WINDOWS_1252_UNDEFINED = [0x81, 0x8d, 0x8f, 0x90, 0x9d];

/**
 * The first `chars` characters (at least) of a file, decoded from as few bytes as hold
 * them: a UTF-16 code unit takes two bytes in UTF-16 and at most three in UTF-8 or GB18030,
 * and one more may be half a character, decoded as U+FFFD at the end.
 */
export function decodeCsvStart(bytes: Uint8Array, encoding: Encoding, chars: number): string {
  const start = BOMS[encoding]?.length ?? 0;
  if (encoding === 'utf-16le' || encoding === 'utf-16be') return utf16Start[encoding].decode(bytes.subarray(start, start + 2 * (chars + 1)));
  return decodeBody(bytes.subarray(start, start + 3 * (chars + 1)), encoding);
}

// Not fatal: the start of a file may end in half a surrogate pair.
const utf16Start = { 'utf-16le': new TextDecoder('utf-16le', { ignoreBOM: true }), 'utf-16be': new TextDecoder('utf-16be', { ignoreBOM: true }) };

function decodeBody(body: Uint8Array, encoding: Exclude<Encoding, 'utf-16le' | 'utf-16be'>): string {
  if (encoding === 'utf-8' || encoding === 'utf-8-bom') return utf8.decode(body);
  return iconv.decode(Buffer.from(body.buffer, body.byteOffset, body.byteLength), encoding);
}

/**
 * Whether the file's bytes are exactly what its text encodes back to, so that bytes can
 * be copied where today's writer would decode and encode them: valid UTF-8 (after its
 * mark, if any) and Windows-1252 (every byte but the five undefined ones, which make a
 * file GB18030) do. GB18030 is not vouched for: iconv-lite reads a malformed sequence as
 * U+FFFD, which the text path writes back changed; UTF-16's line breaks are two bytes.
 */
export function encodesBackExactly(bytes: Uint8Array, encoding: Encoding): boolean {
  if (encoding === 'utf-8' || encoding === 'windows-1252') return true;
  return encoding === 'utf-8-bom' && isUtf8(bytes.subarray(BOMS[encoding]!.length));
}

/**
 * Whether bytes that are not UTF-8 are GBK/GB18030 rather than Windows-1252. Both give
 * meaning to nearly any byte sequence, so the bytes are weighed. GB18030 needs every byte
 * above 0x7F to start a valid pair or four-byte sequence, and nearly every Chinese
 * character's pair ends in a byte above 0x7F too (all of GB2312's, most of GBK's). In
 * Western text a letter such as é (0xE9) stands among ASCII letters, spaces and commas:
 * "José," is no valid GB18030, and "Müller" is a pair ending in an ASCII letter (0xFC 0x6C);
 * two accented letters side by side ("Größe") are the exception. So the bytes read as
 * Chinese when they are valid GB18030 and at least a quarter of their multi-byte
 * characters end above 0x7F or are four-byte characters of the Basic Multilingual Plane
 * (led by 0x81 to 0x84), which GB18030 writers use for what GBK lacks. Four-byte characters
 * beyond that plane weigh nothing, for Western punctuation makes them too: an en dash, a
 * digit, another and a digit ("1–2–3", bytes 96 32 96 33) read as an ideograph of plane 2;
 * in Chinese text such characters (rare ideographs, emoji) stand among two-byte ones. A
 * four-byte sequence that is no GB18030 character, or names a code point of planes 4 to 13
 * where Unicode assigns nothing (led by 0xA0 to 0xD2: "À8À9" is C0 38 C0 39), is not Chinese.
 */
function readsAsChinese(bytes: Uint8Array): boolean {
  let characters = 0;
  let chineseLooking = 0;
  for (let i = 0; i < bytes.length; i += 1) {
    const lead = bytes[i];
    if (lead < 0x80) continue;
    if (lead === 0x80 || lead === 0xff || i + 1 >= bytes.length) return false;
    const second = bytes[i + 1];
    characters += 1;
    if (second >= 0x30 && second <= 0x39) {
      const third = bytes[i + 2];
      const fourth = bytes[i + 3];
      if (!(third >= 0x81 && third <= 0xfe && fourth >= 0x30 && fourth <= 0x39)) return false;
      if ((lead > 0x84 && lead < 0x90) || (lead >= 0xa0 && lead <= 0xd2) || lead > 0xe3) return false;
      if (lead <= 0x84) chineseLooking += 1;
      i += 3;
      continue;
    }
    if (second < 0x40 || second === 0x7f || second === 0xff) return false;
    if (second > 0x7f) chineseLooking += 1;
    i += 1;
  }
  return 4 * chineseLooking >= characters;
}

/**
 * The head of a file, about `limit` bytes, decoded to judge its format without decoding a
 * million rows: cut after its last line feed, which never splits a character (0x0A is no
 * part of a multi-byte character in UTF-8 or GB18030; in UTF-16 the line feed is a whole
 * code unit at an even offset). A head without a line feed is the whole file.
 */
export function decodeCsvHead(bytes: Uint8Array, limit: number): { text: string; encoding: Encoding } {
  if (bytes.length <= limit) return decodeCsvBytes(bytes);
  const utf16 = utf16Marked(bytes);
  const lineFeed = utf16 === 'utf-16le' ? [0x0a, 0x00] : utf16 === 'utf-16be' ? [0x00, 0x0a] : [0x0a];
  const width = lineFeed.length;
  for (let end = limit - (limit % width); end >= width; end -= width) {
    if (lineFeed.every((byte, i) => bytes[end - width + i] === byte)) return decodeCsvBytes(bytes.subarray(0, end));
  }
  return decodeCsvBytes(bytes);
}

/** The UTF-16 a file's byte order mark announces, or null: text though every other byte is NUL. */
export function utf16Marked(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (startsWith(bytes, BOMS['utf-16le']!)) return 'utf-16le';
  return startsWith(bytes, BOMS['utf-16be']!) ? 'utf-16be' : null;
}

/**
 * The bytes of `text` in `encoding`, led by its byte order mark unless `bom` is false (the
 * pieces after the first of a file written in pieces).
 */
export function encodeCsvText(text: string, encoding: Encoding, bom = true): Uint8Array {
  const body = encodeBody(text, encoding);
  const mark = bom ? BOMS[encoding] : undefined;
  if (mark === undefined) return body;
  const bytes = new Uint8Array(mark.length + body.length);
  bytes.set(mark, 0);
  bytes.set(body, mark.length);
  return bytes;
}

function encodeBody(text: string, encoding: Encoding): Uint8Array {
  if (encoding === 'gb18030') return asBytes(iconv.encode(text, 'gb18030'));
  if (encoding === 'windows-1252') return windows1252(text);
  if (encoding === 'utf-16le') return asBytes(Buffer.from(text, 'utf16le'));
  if (encoding === 'utf-16be') return asBytes(Buffer.from(text, 'utf16le').swap16());
  return utf8Encoder.encode(text);
}

/** Raised when text holds a character its file's encoding has no byte for. */
export class UnwritableCharacter extends Error {
  constructor(readonly character: string) {
    super(`"${character}" has no byte in Windows-1252`);
  }
}

/** iconv-lite writes "?" for a character Windows-1252 lacks; that would lose it, so it is refused. */
function windows1252(text: string): Uint8Array {
  const bytes = asBytes(iconv.encode(text, 'windows-1252'));
  if (count(bytes, 0x3f) === count(text, '?')) return bytes;
  const character = [...text].find((c) => c !== '?' && iconv.encode(c, 'windows-1252')[0] === 0x3f);
  throw new UnwritableCharacter(character ?? '?');
}

function count(items: Iterable<number | string>, wanted: number | string): number {
  let found = 0;
  for (const item of items) if (item === wanted) found += 1;
  return found;
}

function asBytes(buffer: Buffer): Uint8Array {
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  if (bytes.length < prefix.length) return false;
  return prefix.every((byte, index) => bytes[index] === byte);
}
