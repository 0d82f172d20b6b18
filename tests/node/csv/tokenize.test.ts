import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fieldBounds, parseCsv, parseCsvCells, recordSpans, UnclosedQuote } from '../../../src/node/csv/tokenize.js';

/**
 * An independent, deliberately naive reading of the same rules, one character at a time,
 * to check the tokenizer's fast paths against.
 */
function oracle(text: string, delimiter: string): string[][] {
  const records: string[][] = [];
  let fields: string[] = [];
  let value = '';
  let state: 'start' | 'bare' | 'quoted' | 'afterQuote' = 'start';
  let i = 0;
  const endRecord = () => {
    fields.push(value);
    records.push(fields);
    fields = [];
    value = '';
    state = 'start';
  };
  while (i < text.length) {
    const c = text[i];
    if (state === 'quoted') {
      if (c === '"' && text[i + 1] === '"') { value += '"'; i += 2; continue; }
      if (c === '"') { state = 'afterQuote'; i += 1; continue; }
      value += c; i += 1; continue;
    }
    if (state === 'start' && c === '"') { state = 'quoted'; i += 1; continue; }
    if (c === delimiter) { fields.push(value); value = ''; state = 'start'; i += 1; continue; }
    if (c === '\n') { endRecord(); i += 1; continue; }
    if (c === '\r' && text[i + 1] === '\n') { endRecord(); i += 2; continue; }
    if (c === '\r') { endRecord(); i += 1; continue; }
    value += c; i += 1;
    if (state === 'start') state = 'bare';
  }
  if (state !== 'start' || value !== '' || fields.length > 0) endRecord();
  return records;
}

describe('parseCsv', () => {
  it('splits records on LF and CRLF and drops only the final line break', () => {
    expect(parseCsv('a,b\r\nc,d\r\n', ',')).toEqual([['a', 'b'], ['c', 'd']]);
    expect(parseCsv('a,b\nc,d', ',')).toEqual([['a', 'b'], ['c', 'd']]);
  });

  it('keeps a blank line as a record of one empty field, so later records keep their row numbers', () => {
    expect(parseCsv('h\n\nx\n', ',')).toEqual([['h'], [''], ['x']]);
  });

  it('reads quoted fields holding delimiters, doubled quotes and line breaks', () => {
    const text = 'name,note\r\n"Maple Gate Co., Ltd.","said ""hi""\r\nthen left"\r\nB,plain\r\n';
    expect(parseCsv(text, ',')).toEqual([
      ['name', 'note'],
      ['Maple Gate Co., Ltd.', 'said "hi"\r\nthen left'],
      ['B', 'plain'],
    ]);
  });

  it('reads semicolon and tab separated text', () => {
    expect(parseCsv('a;"b;c";1,5\n', ';')).toEqual([['a', 'b;c', '1,5']]);
    expect(parseCsv('a\t"b\tc"\t\n', '\t')).toEqual([['a', 'b\tc', '']]);
  });

  it('reads stray quotes leniently, as spreadsheets do', () => {
    expect(parseCsv('5" screen,"ab"c,x\n', ',')).toEqual([['5" screen', 'abc', 'x']]);
    expect(parseCsv('a,"never closed\nb\n', ',')).toEqual([['a', 'never closed\nb\n']]);
  });

  it('ends a record at a lone CR (classic Mac line ends) and keeps trailing empty fields as fields', () => {
    expect(parseCsv('a\rb,\n', ',')).toEqual([['a'], ['b', '']]);
    expect(parseCsv('a\r', ',')).toEqual([['a']]);
    expect(parseCsv('h,x\r1,2\r\r3,"4\r5"\r', ',')).toEqual([['h', 'x'], ['1', '2'], [''], ['3', '4\r5']]);
  });

  it('refuses, in parseCsvCells, a quote that never closes, giving where it opened', () => {
    expect(() => parseCsvCells('a,b\n1,"never closed\n2,3\n', ',')).toThrow(expect.objectContaining({ offset: 6 }));
    expect(() => parseCsvCells('a\n"x""', ',')).toThrow(UnclosedQuote);
    expect(parseCsvCells('a\n"x"""', ',')).toEqual([['a'], ['x"']]);
  });

  it('reads empty text as no records', () => {
    expect(parseCsv('', ',')).toEqual([]);
  });

  it('reads rows of different widths as they are', () => {
    expect(parseCsv('a,b,c\nd\ne,f,g,h\n', ',')).toEqual([['a', 'b', 'c'], ['d'], ['e', 'f', 'g', 'h']]);
  });

  it('reads long files with repeating, unique and drifting columns exactly (past the sharing sample)', () => {
    const lines = ['Stage,Deal ID,Day,Note'];
    const expected = [['Stage', 'Deal ID', 'Day', 'Note']];
    for (let index = 0; index < 12_000; index += 1) {
      const row = [['won', 'lost', 'open'][index % 3], `D${index}`, index < 2000 ? '2024-01-01' : `d${index}`, index % 997 === 0 ? 'a, "b"' : ''];
      expected.push(row);
      lines.push(row.map((field) => (field.includes(',') ? `"${field.replaceAll('"', '""')}"` : field)).join(','));
    }
    const text = `${lines.join('\r\n')}\r\n`;
    expect(parseCsv(text, ',')).toEqual(expected);
    expect(parseCsvCells(text, ',')).toEqual(expected.map((fields) => fields.map((field) => (field === '' ? null : field))));
  });

  const csvChars = fc.constantFrom('a', 'b', ' ', ',', ';', '\t', '"', '\n', '\r', '客', '\u{1F600}');
  const csvText = fc.array(csvChars, { maxLength: 60 }).map((chars) => chars.join(''));

  it('agrees with a character-by-character reading on any text (fuzz)', () => {
    fc.assert(
      fc.property(csvText, fc.constantFrom(',', ';', '\t'), (text, delimiter) => {
        expect(parseCsv(text, delimiter)).toEqual(oracle(text, delimiter));
      }),
      { numRuns: 6000 },
    );
  });

  it('reads the same cells as parseCsv with every empty field as null (fuzz)', () => {
    expect(parseCsvCells('a,,""\n\n', ',')).toEqual([['a', null, null], [null]]);
    fc.assert(
      fc.property(csvText, (text) => {
        const lenient = parseCsv(text, ',').map((fields) => fields.map((field) => (field === '' ? null : field)));
        let strict;
        try {
          strict = parseCsvCells(text, ',');
        } catch (error) {
          // Only a last field whose quote never closes is refused; parseCsv read it to the end.
          expect(error).toBeInstanceOf(UnclosedQuote);
          expect(text.slice((error as UnclosedQuote).offset)).toMatch(/^"(?:[^"]|"")*$/);
          return;
        }
        expect(strict).toEqual(lenient);
      }),
      { numRuns: 2000 },
    );
  });

  it('gives record spans and field bounds whose raw fields read back as the record\'s values (fuzz)', () => {
    fc.assert(
      fc.property(csvText, (text) => {
        const spans = recordSpans(text, ',');
        const records = parseCsv(text, ',');
        expect(spans.length).toBe(2 * records.length);
        records.forEach((fields, index) => {
          const { record, ends } = fieldBounds(text.slice(spans[2 * index], spans[2 * index + 1]), ',');
          expect(ends.length).toBe(fields.length);
          ends.forEach((end, column) => {
            const rawField = record.slice(column === 0 ? 0 : ends[column - 1] + 1, end);
            expect(parseCsv(rawField, ',')[0] ?? ['']).toEqual([fields[column]]);
          });
        });
      }),
      { numRuns: 2000 },
    );
  });
});

describe('fieldBounds', () => {
  const rawFields = (record: string) => {
    const bounds = fieldBounds(record, ',');
    return bounds.ends.map((end, column) => bounds.record.slice(column === 0 ? 0 : bounds.ends[column - 1] + 1, end));
  };

  it('finds fields with their quotes exactly as written', () => {
    expect(rawFields('"007",1.50,"a ""b""",')).toEqual(['"007"', '1.50', '"a ""b"""', '']);
  });

  it('closes a quote left open so later fields stay separate', () => {
    expect(rawFields('a,"open')).toEqual(['a', '"open"']);
    expect(rawFields('a,"open ""x""')).toEqual(['a', '"open ""x"""']);
  });
});
