import iconv from 'iconv-lite';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCsvBytes, decodeCsvHead, decodeCsvStart, encodeCsvText, UnwritableCharacter } from '../../../src/node/csv/encoding.js';
import type { CsvFormat } from '../../../src/node/csv/format.js';

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

  it('reads Chinese that is not GB2312 (traditional characters in GBK) as GB18030 still', () => {
    const text = '客戶編號,公司名稱,負責人\nC1,臺灣寶島貿易,陳冠宇\n';
    expect(decodeCsvBytes(iconv.encode(text, 'gbk'))).toEqual({ text, encoding: 'gb18030' });
  });

  it('reads Western text that is not UTF-8, as Excel saves "CSV (Comma delimited)" outside China, as Windows-1252', () => {
    for (const text of ['Name,City\nMüller GmbH,Köln\n', 'Société Générale;Paris\n', 'José García,€ 12\n', 'Ærø Fisk ApS,“quoted” – dash\n']) {
      expect(decodeCsvBytes(iconv.encode(text, 'windows-1252'))).toEqual({ text, encoding: 'windows-1252' });
    }
  });

  it('reads Western text whose every accented letter is followed by an ASCII character as Windows-1252, whatever its letters (property)', () => {
    const accented = fc.constantFrom(...'ÀÁÂÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÖØÙÚÛÜßàáâãäåæçèéêëìíîïñòóôõöøùúûüÿ€‘’“”–—…ŠšŽžŒœ');
    const ascii = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCXYZ0123456789 ,;."'), minLength: 1, maxLength: 6 });
    const text = fc.array(fc.tuple(accented, ascii), { minLength: 1, maxLength: 20 }).map((parts) => parts.map(([a, b]) => a + b).join(''));
    fc.assert(
      fc.property(text, (t) => {
        expect(decodeCsvBytes(iconv.encode(t, 'windows-1252'))).toEqual({ text: t, encoding: 'windows-1252' });
      }),
    );
  });

  it('reads an accented letter or a dash, a digit, another and a digit (a GB18030 four-byte form beyond the Basic Plane) as Windows-1252', () => {
    for (const text of ['À8À9Àa', 'Gruß 3ü4ö5', 'é1é2,–8–9', 'Net 1–2–3 days, “5”6']) {
      expect(decodeCsvBytes(iconv.encode(text, 'windows-1252'))).toEqual({ text, encoding: 'windows-1252' });
    }
  });

  it('reads Chinese text with four-byte characters, Basic Plane and beyond, as GB18030', () => {
    const text = '客户,名称\nC1,𠀀𠀁 㐀 王伟 😀\n';
    expect(decodeCsvBytes(iconv.encode(text, 'gb18030'))).toEqual({ text, encoding: 'gb18030' });
  });

  it('reads bytes Windows-1252 leaves undefined (0x81) as GB18030, since Windows-1252 could not write them back', () => {
    expect(decodeCsvBytes(new Uint8Array([0x41, 0x81, 0x20, 0x42])).encoding).toBe('gb18030');
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
  it('round-trips any text in each encoding (GB18030 covers all of Unicode), among Chinese as in a Chinese customer list', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.constantFrom('utf-8', 'utf-8-bom', 'gb18030', 'utf-16le', 'utf-16be'), (text, encoding) => {
        // GB18030 is told from Windows-1252 by its Chinese (readsAsChinese), so the Chinese
        // around the text outnumbers it, as the names and headers of a Chinese list do.
        const file = `${text},${'客户'.repeat([...text].length + 1)}\n`;
        const decoded = decodeCsvBytes(encodeCsvText(file, encoding));
        expect(decoded.text).toBe(file);
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

  it('writes Windows-1252 back byte for byte, and refuses a character it has no byte for rather than write "?"', () => {
    const bytes = new Uint8Array(Array.from({ length: 256 }, (_, i) => i).filter((b) => ![0x81, 0x8d, 0x8f, 0x90, 0x9d].includes(b)));
    const { text, encoding } = decodeCsvBytes(bytes);
    expect(encoding).toBe('windows-1252');
    expect(encodeCsvText(text, 'windows-1252')).toEqual(bytes);
    expect(() => encodeCsvText('Why? B → A', 'windows-1252')).toThrow(UnwritableCharacter);
    expect(() => encodeCsvText('Ann 王伟', 'windows-1252')).toThrow(expect.objectContaining({ character: '王' }));
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

describe('decodeCsvStart', () => {
  it('decodes at least the characters asked for, as decoding the whole file gives them, in every encoding (property)', () => {
    const text = fc.array(fc.constantFrom('a', ',', '\n', 'é', '€', '客户', '好\u{1F600}', '\u{20000}'), { maxLength: 30 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, fc.constantFrom<CsvFormat['encoding']>('utf-8', 'utf-8-bom', 'gb18030', 'windows-1252', 'utf-16le', 'utf-16be'), fc.nat(40), (whole, encoding, chars) => {
        const written = encoding === 'windows-1252' ? whole.replace(/[^\x00-\xff€]/gu, '?') : whole;
        expect(decodeCsvStart(encodeCsvText(written, encoding), encoding, chars).slice(0, chars)).toBe(written.slice(0, chars));
      }),
    );
  });
});
