import { decodeXmlText } from './xml-text.js';

/**
 * String items (ECMA-376 §18.4.8 CT_Rst), in the shared string table and in inline-string
 * cells alike: plain `<t>` text or rich-text runs `<r><t>…</t></r>`; phonetic hints
 * `<rPh>` are not part of the value.
 */
const ITEM = /<(?:[\w.-]+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?si>)/g;
/** The common case, one `<t>` and nothing else, skips the general walk. */
const PLAIN_TEXT = /^<t(?:\s+xml:space="preserve")?>([^<]*)<\/t>$/;
const TEXT_TAG = /<(\/?)(?:[\w.-]+:)?(t|rPh)\b[^>]*?(\/?)>/g;

export function parseSharedStrings(xml: string): string[] {
  const strings: string[] = [];
  ITEM.lastIndex = 0;
  for (let match = ITEM.exec(xml); match; match = ITEM.exec(xml)) {
    strings.push(match[1] === undefined ? '' : richText(match[1]));
  }
  return strings;
}

/** The value of one string item's content (what sits inside `<si>` or `<is>`). */
export function richText(item: string): string {
  const plain = PLAIN_TEXT.exec(item);
  if (plain) return decodeXmlText(plain[1]);
  const pieces: string[] = [];
  let inPhonetic = false;
  let textStart = -1;
  TEXT_TAG.lastIndex = 0;
  for (let match = TEXT_TAG.exec(item); match; match = TEXT_TAG.exec(item)) {
    const [whole, closing, name, selfClosing] = match;
    if (name === 'rPh') {
      if (!selfClosing) inPhonetic = !closing;
    } else if (closing) {
      if (textStart >= 0 && !inPhonetic) pieces.push(item.slice(textStart, match.index));
      textStart = -1;
    } else if (!selfClosing) {
      textStart = match.index + whole.length;
    }
  }
  return decodeXmlText(pieces.length === 1 ? pieces[0] : pieces.join(''));
}
