/**
 * Splitting CSV text into records and fields, RFC 4180 (https://www.rfc-editor.org/rfc/rfc4180)
 * read leniently the way spreadsheets read it:
 * - records end at LF or CRLF; a lone CR is ordinary text;
 * - a field is quoted only when its first character is `"`; inside it `""` is one quote and
 *   delimiters and line breaks are text, so one record may span several physical lines;
 * - text after a closing quote, up to the next delimiter, is kept (`"ab"c` reads `abc`), a
 *   `"` inside an unquoted field is ordinary text, and an unclosed quote runs to the end;
 * - a final line break ends the last record rather than starting an empty one, and a blank
 *   line is a record with one empty field, so record i is sheet row i + 1.
 *
 * Speed matters (a 1,000,000-row deals file is the benchmark): records without a quote,
 * by far the common shape, are cut with indexOf and String.prototype.split, which V8 runs
 * natively; only records containing a quote walk character by character.
 */
const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

export function parseCsv(text: string, delimiter: string): string[][] {
  return tokenizeCsv(text, delimiter, null);
}

/**
 * Like parseCsv, and when `spans` is given also pushes, per record, the offset where it
 * starts and the offset where its line break (or the text) starts, so a writer can copy
 * records it does not change exactly as they were.
 */
export function tokenizeCsv(text: string, delimiter: string, spans: number[] | null): string[][] {
  if (delimiter.length !== 1) throw new RangeError(`A CSV delimiter is one character, not ${JSON.stringify(delimiter)}`);
  const delimiterCode = delimiter.charCodeAt(0);
  const records: string[][] = [];
  const length = text.length;
  // Each next occurrence is searched once and remembered, so every character is scanned a
  // bounded number of times even when a file has no quotes or no delimiters at all.
  let nextQuote = -1;
  let nextDelimiter = -1;
  // Records are presized to the width of the first one: growing arrays field by field
  // costs more than the split itself on a million rows.
  let width = 1;
  let position = 0;
  while (position < length) {
    const start = position;
    if (nextQuote < position) nextQuote = indexOrEnd(text, '"', position);
    const lineBreak = indexOrEnd(text, '\n', position);
    let end: number;
    let fields: string[];
    if (nextQuote > lineBreak) {
      end = lineBreak > position && text.charCodeAt(lineBreak - 1) === CR ? lineBreak - 1 : lineBreak;
      fields = new Array<string>(width);
      let count = 0;
      for (;;) {
        if (nextDelimiter < position) nextDelimiter = indexOrEnd(text, delimiter, position);
        if (nextDelimiter >= end) break;
        fields[count++] = text.slice(position, nextDelimiter);
        position = nextDelimiter + 1;
      }
      fields[count++] = text.slice(position, end);
      if (count !== width) fields.length = count;
    } else {
      fields = [];
      end = readRecord(text, start, delimiterCode, fields, false);
    }
    if (spans !== null) spans.push(start, end);
    if (records.length === 0) width = fields.length;
    records.push(fields);
    position = end >= length ? length : text.charCodeAt(end) === CR ? end + 2 : end + 1;
  }
  return records;
}

function indexOrEnd(text: string, search: string, from: number): number {
  const found = text.indexOf(search, from);
  return found === -1 ? text.length : found;
}

/**
 * The fields of one record, as written (quotes and doubled quotes kept), for a writer that
 * changes some fields of a record and must leave the others exactly as they were.
 * `record` is the record's text without its line break. A quote left open at the end is
 * closed, so that fields written after it stay fields of their own.
 */
export function splitRawFields(record: string, delimiter: string): string[] {
  const fields: string[] = [];
  readRecord(record, 0, delimiter.charCodeAt(0), fields, true);
  const last = fields.length - 1;
  if (UNCLOSED_QUOTE.test(fields[last])) fields[last] += '"';
  return fields;
}

/** A field that opens a quote and holds only doubled quotes after it never closed it. */
const UNCLOSED_QUOTE = /^"(?:[^"]|"")*$/;

/**
 * Reads the fields of the record at `start` into `fields`, unquoted unless `asWritten`;
 * returns where the record's line break (or the text) starts.
 */
function readRecord(text: string, start: number, delimiterCode: number, fields: string[], asWritten: boolean): number {
  let position = start;
  for (;;) {
    const end = skipField(text, position, delimiterCode);
    const raw = text.slice(position, end);
    fields.push(asWritten || raw.charCodeAt(0) !== QUOTE ? raw : unquoteField(raw));
    if (end >= text.length || text.charCodeAt(end) !== delimiterCode) return end;
    position = end + 1;
  }
}

/** Where the field starting at `start` ends (its delimiter, line break or the end), quotes understood. */
function skipField(text: string, start: number, delimiterCode: number): number {
  let position = start;
  if (position < text.length && text.charCodeAt(position) === QUOTE) {
    position += 1;
    for (;;) {
      const quote = text.indexOf('"', position);
      if (quote === -1) return text.length;
      if (text.charCodeAt(quote + 1) !== QUOTE) {
        position = quote + 1;
        break;
      }
      position = quote + 2;
    }
  }
  return endOfBareText(text, position, delimiterCode);
}

/** The value of a field written with quotes: `""` is one quote, text after the closing quote is kept. */
function unquoteField(raw: string): string {
  let value = '';
  let position = 1;
  for (;;) {
    const quote = raw.indexOf('"', position);
    if (quote === -1) return value + raw.slice(position);
    if (raw.charCodeAt(quote + 1) !== QUOTE) return value + raw.slice(position, quote) + raw.slice(quote + 1);
    value += raw.slice(position, quote + 1);
    position = quote + 2;
  }
}

/** The end of unquoted text: the next delimiter, LF, CRLF, or the end of the text. */
function endOfBareText(text: string, start: number, delimiterCode: number): number {
  const length = text.length;
  for (let position = start; position < length; position += 1) {
    const code = text.charCodeAt(position);
    if (code === delimiterCode || code === LF) return position;
    if (code === CR && text.charCodeAt(position + 1) === LF) return position;
  }
  return length;
}
