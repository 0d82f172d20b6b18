import iconv from 'iconv-lite';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCsvBytes, encodeCsvText } from '../../../src/node/csv/encoding.js';

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

  it('refuses UTF-16 with a message saying how to save the file', () => {
    expect(() => decodeCsvBytes(new Uint8Array([0xff, 0xfe, 0x41, 0x00]))).toThrow(/CSV UTF-8/);
  });
});

describe('encodeCsvText', () => {
  it('round-trips any text in each encoding (GB18030 covers all of Unicode)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.constantFrom('utf-8', 'utf-8-bom', 'gb18030'), (text, encoding) => {
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

  it('writes the BOM only for utf-8-bom', () => {
    expect([...encodeCsvText('a', 'utf-8-bom')]).toEqual([0xef, 0xbb, 0xbf, 0x61]);
    expect([...encodeCsvText('a', 'utf-8')]).toEqual([0x61]);
  });
});
