import fc from 'fast-check';
import type { CsvFormat } from '../../../src/node/csv/format.js';

export const csvFormat = fc.record({
  encoding: fc.constantFrom<CsvFormat['encoding']>('utf-8', 'utf-8-bom', 'gb18030', 'utf-16le', 'utf-16be'),
  delimiter: fc.constantFrom<CsvFormat['delimiter']>(',', ';', '\t'),
  newline: fc.constantFrom<CsvFormat['newline']>('\n', '\r\n'),
});

/**
 * Text that stresses quoting: delimiters, quotes, both line breaks, Chinese, emoji. The
 * emoji comes after a Chinese character, as in a Chinese list: alone, a GB18030 emoji is
 * four bytes Windows-1252 reads too, and weighs nothing in telling the two apart (encoding.ts).
 */
export const fieldText = fc
  .array(fc.constantFrom('a', '7', ' ', ',', ';', '\t', '"', '\n', '\r', '客户', '編號', '好\u{1F600}'), { maxLength: 8 })
  .map((parts) => parts.join(''));

/** A header of plain names (so the delimiter is detectable) over rows of stressing text. */
export const csvSheet = fc.integer({ min: 2, max: 5 }).chain((width) =>
  fc.record({
    header: fc.constant(Array.from({ length: width }, (_, column) => `列${column} Col`)),
    rows: fc.array(fc.array(fieldText, { minLength: width, maxLength: width }), { maxLength: 8 }),
  }),
);
