import iconv from 'iconv-lite';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCsvBytes, decodeCsvHead, encodeCsvText } from '../../../src/node/csv/encoding.js';

const header = '客户编号,客户名称,历史成交额\n';

describe('decodeCsvBytes', () => {
  it('reads UTF-8 with a BOM and drops the BOM from the text', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(header)]);
    expect(decodeCsvBytes(bytes)).toEqual({ text: header, encoding: 'utf-8-bom' });
  });

  it('reads valid UTF-8 without a BOM as UTF-8', () => {
    expect(decodeCsvBytes(new TextEncoder().encode(header))).toEqual({ text: header, encoding: 'utf-8' });
  });

  it('reads GBK bytes, as Excel on Chinese Windows saves them, as GB18030', () => {
    const bytes = iconv.encode(header, 'gbk');
    expect(decodeCsvBytes(bytes)).toEqual({ text: header, encoding: 'gb18030' });
  });

  it('reads UTF-16LE and UTF-16BE by their byte order mark, the mark not in the text', () => {
    expect(decodeCsvBytes(iconv.encode(`\ufeff${header}`, 'utf-16le'))).toEqual({ text: header, encoding: 'utf-16le' });
    expect(decodeCsvBytes(iconv.encode(`\ufeff${header}`, 'utf-16be'))).toEqual({ text: header, encoding: 'utf-16be' });
  });

  it('refuses UTF-16 cut short by a byte, or with a lone surrogate, rather than write it back changed', () => {
    expect(() => decodeCsvBytes(new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0x42]))).toThrow(/not valid UTF-16.*nothing was read/);
    expect(() => decodeCsvBytes(new Uint8Array([0xfe, 0xff, 0xd8, 0x3d, 0x00, 0x41]))).toThrow(/UTF-16BE/);
  });
});

describe('encodeCsvText', () => {
  it('round-trips any text in each encoding (GB18030 covers all of Unicode)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.constantFrom('utf-8', 'utf-8-bom', 'gb18030', 'utf-16le', 'utf-16be'), (text, encoding) => {
        const decoded = decodeCsvBytes(encodeCsvText(`${text}客户\n`, encoding));
        expect(decoded.text).toBe(`${text}客户\n`);
        expect(decoded.encoding).toBe(encoding);
      }),
      { numRuns: 3000 },
    );
  });

  it('round-trips every Unicode scalar value through GB18030, four-byte ranges included', () => {
    const chars: string[] = [];
    for (let code = 0x80; code <= 0x10ffff; code += 1) {
      // Surrogates are not characters; U+E5E5, a private-use code point no GB18030 byte
      // sequence decodes to (0xA3A0 reads as U+3000), has no stable encoding.
      if ((code >= 0xd800 && code <= 0xdfff) || code === 0xe5e5) continue;
      chars.push(String.fromCodePoint(code));
    }
    const text = chars.join('');
    expect(decodeCsvBytes(encodeCsvText(text, 'gb18030')).text).toBe(text);
  });

  it('writes the BOM of utf-8-bom and UTF-16, and none when told (the pieces after a file\'s first)', () => {
    expect([...encodeCsvText('a', 'utf-8-bom')]).toEqual([0xef, 0xbb, 0xbf, 0x61]);
    expect([...encodeCsvText('a', 'utf-8')]).toEqual([0x61]);
    expect([...encodeCsvText('a', 'utf-16le')]).toEqual([0xff, 0xfe, 0x61, 0x00]);
    expect([...encodeCsvText('a', 'utf-16be')]).toEqual([0xfe, 0xff, 0x00, 0x61]);
    expect([...encodeCsvText('a', 'utf-16be', false)]).toEqual([0x00, 0x61]);
  });
});

describe('decodeCsvHead', () => {
  const lines = Array.from({ length: 400 }, (_, i) => `C${i};客户 ${i}\r\n`).join('');

  it.each(['utf-8', 'gb18030', 'utf-16le', 'utf-16be'] as const)('cuts a %s file after a whole line, never inside a character', (encoding) => {
    const bytes = encodeCsvText(lines, encoding);
    for (const limit of [1001, 1002, 1003, 4096]) {
      const head = decodeCsvHead(bytes, limit);
      expect(head.encoding).toBe(encoding);
      expect(head.text.endsWith('\r\n')).toBe(true);
      expect(lines.startsWith(head.text)).toBe(true);
    }
  });
});
