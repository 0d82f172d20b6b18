import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellValue } from '../../../src/node/xlsx/cell-values.js';
import { SheetCursor } from '../../../src/node/xlsx/sheet-cursor.js';
import { richText } from '../../../src/node/xlsx/shared-strings.js';
import { escapeXmlText } from '../../../src/node/xlsx/xml-text.js';

const context = { sharedStrings: [], dateStyles: [], date1904: false };

/** A one-row sheet whose A1 holds an inline string with `content` inside its `<is>`. */
function inlineCell(content: string): unknown {
  const xml = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is>${content}</is></c></row></sheetData></worksheet>`;
  const bytes = Buffer.from(xml, 'utf8');
  const cursor = new SheetCursor(bytes);
  cursor.nextRow();
  cursor.nextCell();
  return cellValue(cursor, bytes, context);
}

describe('inline strings', () => {
  it('read the same as the general rich-text reading gives, whatever the text and its markup', () => {
    const content = fc.oneof(
      fc.string({ unit: 'binary' }).map((text) => `<t>${escapeXmlText(text)}</t>`),
      fc.string({ unit: 'binary' }).map((text) => `<t xml:space="preserve">${escapeXmlText(text)}</t>`),
      fc.tuple(fc.string(), fc.string()).map(([a, b]) => `<r><t>${escapeXmlText(a)}</t></r><r><t>${escapeXmlText(b)}</t></r>`),
      fc.string().map((text) => `<t>${escapeXmlText(text)}</t><rPh><t>ヨミ</t></rPh>`),
    );
    fc.assert(
      fc.property(content, (xml) => {
        expect(inlineCell(xml)).toBe(richText(xml));
      }),
      { numRuns: 500 },
    );
  });

  it('give back what Tierwise wrote, entities and escapes included', () => {
    expect(inlineCell('<t>a &amp; b &lt;c&gt; _x005F_x0041_ &#13;</t>')).toBe('a & b <c> _x0041_ \r');
  });
});
