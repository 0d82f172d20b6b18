import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import type { CsvFormat } from './format.js';

/**
 * The encodings a CSV book arrives in: Excel's "CSV UTF-8" (with a byte order mark),
 * plain UTF-8 from most tools, and GBK/GB18030 from Excel and WPS on Chinese Windows.
 * GB18030 is a superset of GBK, so one decoder reads both and writes back what it read.
 *
 * Both directions use iconv-lite, although Node's own TextDecoder('gb18030') decodes three
 * times faster: ICU follows GB18030-2022, which moved 19 characters (vertical punctuation
 * and a few ideographs) out of the private use area, while iconv-lite encodes by the 2005
 * table, so mixing them would change the bytes of those characters in cells we never touched.
 */
const UTF8_BOM = [0xef, 0xbb, 0xbf];
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });
const utf8Encoder = new TextEncoder();

/**
 * UTF-8 with a BOM, else UTF-8 when every byte sequence is valid UTF-8 (so plain ASCII is
 * UTF-8), else GB18030. UTF-16 (Excel's "Unicode text") is refused with a way out rather
 * than read as garbage.
 */
export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: CsvFormat['encoding'] } {
  if (startsWith(bytes, UTF8_BOM)) return { text: utf8.decode(bytes.subarray(UTF8_BOM.length)), encoding: 'utf-8-bom' };
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    throw new Error('This CSV file is UTF-16 ("Unicode text"); save it as "CSV UTF-8" or plain CSV and run again.');
  }
  if (isUtf8(bytes)) return { text: utf8.decode(bytes), encoding: 'utf-8' };
  return { text: iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'gb18030'), encoding: 'gb18030' };
}

export function encodeCsvText(text: string, encoding: CsvFormat['encoding']): Uint8Array {
  if (encoding === 'gb18030') {
    const buffer = iconv.encode(text, 'gb18030');
    return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  }
  const body = utf8Encoder.encode(text);
  if (encoding === 'utf-8') return body;
  const bytes = new Uint8Array(UTF8_BOM.length + body.length);
  bytes.set(UTF8_BOM, 0);
  bytes.set(body, UTF8_BOM.length);
  return bytes;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  if (bytes.length < prefix.length) return false;
  return prefix.every((byte, index) => bytes[index] === byte);
}
