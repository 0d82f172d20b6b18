/**
 * Text inside SpreadsheetML: XML character entities plus the `_xHHHH_` escapes of
 * ECMA-376 Part 1 §22.9.2.19 (ST_Xstring), which Excel uses for characters that XML 1.0
 * cannot carry (control characters) and for a literal `_x` sequence (`_x005F_`).
 */
const ENTITY = /&(?:#x([0-9a-fA-F]+)|#([0-9]+)|(lt|gt|amp|quot|apos));/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const XSTRING_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

export function decodeXmlText(raw: string): string {
  let text = raw;
  if (text.includes('&')) {
    text = text.replace(ENTITY, (_, hex: string | undefined, dec: string | undefined, name: string | undefined) =>
      name ? NAMED[name] : String.fromCodePoint(hex ? parseInt(hex, 16) : parseInt(dec as string, 10)),
    );
  }
  if (text.includes('_x')) text = text.replace(XSTRING_ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return text;
}

// Characters XML 1.0 forbids even as references; CR is kept as a reference because
// parsers turn a literal CR into LF.
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

// Any character one of the replacements below would change. Most cells have none, and
// the TW State tab's JSON has thousands of quotes: a test first, and plain replaceAll
// (no callback per match) for the markup, took escaping for the 50k/500k save from ~0.3 s
// to ~0.05 s with the same output.
const NEEDS_ESCAPE = /[<>&"\r\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|_x[0-9A-Fa-f]{4}_/;

/** Escapes text for an element's content or a double-quoted attribute. */
export function escapeXmlText(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  let escaped = text.includes('_x') ? text.replace(XSTRING_ESCAPE, '_x005F_x$1_') : text;
  // `&` first, so that the entities put in by the others are not escaped again.
  escaped = escaped.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll('\r', '&#13;');
  return escaped.replace(NOT_XML, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
}

/** The value of attribute `name` in a start tag's text, decoded, or undefined. */
export function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  if (!match) return undefined;
  return decodeXmlText(match[1] ?? match[2]);
}
