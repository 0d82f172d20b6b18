/**
 * Splitting CSV text into records and fields, RFC 4180 (https://www.rfc-editor.org/rfc/rfc4180)
 * read leniently the way spreadsheets read it:
 * - records end at LF, CRLF or a lone CR (classic Mac OS line ends, which Excel for Mac
 *   still writes as "CSV (Macintosh)"; read as text they made a file one record long);
 * - a field is quoted only when its first character is `"`; inside it `""` is one quote and
 *   delimiters and line breaks are text, so one record may span several physical lines;
 * - text after a closing quote, up to the next delimiter, is kept (`"ab"c` reads `abc`), a
 *   `"` inside an unquoted field is ordinary text, and an unclosed quote runs to the end
 *   (parseCsvCells, the reader of books, refuses it instead: the rows after it would vanish
 *   into one cell);
 * - a final line break ends the last record rather than starting an empty one, and a blank
 *   line is a record with one empty field, so record i is sheet row i + 1.
 *
 * Speed matters (a 1,000,000-row deals file is the benchmark): unquoted fields, by far the
 * common shape, are cut with indexOf and slice, which V8 runs natively; only quoted fields
 * are read a character at a time after their closing quote. Most of the remaining time is
 * the garbage collector copying the millions of fields that survive, hence the shared
 * strings below.
 */
const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/**
 * Columns that repeat a few values (stage, date, region, owner) share one string per value:
 * a fresh copy that is dropped at once costs the young-generation collector nothing, while
 * every string that survives is copied. On the deals benchmark (1,000,000 rows) this takes
 * the heap after the split from 267 to 224 MB, and the time down with it. A column shares
 * when the first SHARING_SAMPLE records hold at most one distinct value in SHARING_MAX_RATIO
 * of them, and remembers at most SHARING_MAX_VALUES values, so a column that only starts
 * out repetitive stays cheap.
 */
const SHARING_SAMPLE = 1024;
const SHARING_MAX_RATIO = 8;
const SHARING_MAX_VALUES = 4096;

export function parseCsv(text: string, delimiter: string): string[][] {
  const records: string[][] = [];
  scanCsv(text, delimiter, records, null, null, '');
  return records;
}

/** A quoted field that never closes: `offset` is where its opening quote is. */
export class UnclosedQuote extends Error {
  constructor(readonly offset: number) {
    super(`A quoted field opened at offset ${offset} never closes.`);
  }
}

/**
 * Like parseCsv, with every empty field, quoted or not, as null: the empty cell a
 * spreadsheet shows. Done while splitting, since a second pass over millions of fields
 * costs as much again as a tenth of the split. Throws UnclosedQuote rather than read the
 * rest of the text as one field.
 */
export function parseCsvCells(text: string, delimiter: string): (string | null)[][] {
  const records: (string | null)[][] = [];
  const unclosed = scanCsv(text, delimiter, records, null, null, null);
  if (unclosed >= 0) throw new UnclosedQuote(unclosed);
  return records;
}

/**
 * Where each record and field of a CSV text lies, found by the same scan as parseCsvCells,
 * so cells can be cut from the text when asked for (CsvCells) rather than all at once:
 * record r starts at `recordStarts[r]` and holds the fields `firstFields[r]` to
 * `firstFields[r + 1] - 1`; field f ends at `fieldEnds[f]` (its delimiter, line break or
 * the end of the text), and the next field of its record starts one after.
 */
export interface CsvLayout {
  readonly recordStarts: Int32Array;
  readonly firstFields: Int32Array;
  readonly fieldEnds: Int32Array;
}

/** The layout of the text's records and fields; throws UnclosedQuote as parseCsvCells does. */
export function csvLayout(text: string, delimiter: string): CsvLayout {
  const layout = { recordStarts: new GrowingInts(), firstFields: new GrowingInts(), fieldEnds: new GrowingInts() };
  const unclosed = scanCsv(text, delimiter, null, null, layout, null);
  if (unclosed >= 0) throw new UnclosedQuote(unclosed);
  layout.firstFields.push(layout.fieldEnds.size);
  return { recordStarts: layout.recordStarts.done(), firstFields: layout.firstFields.done(), fieldEnds: layout.fieldEnds.done() };
}

/** The text of a field as parseCsvCells gives it: quotes read, '' or null when empty. */
export function fieldText<Empty extends '' | null>(text: string, start: number, end: number, empty: Empty): string | Empty {
  if (start === end) return empty;
  return text.charCodeAt(start) === QUOTE ? unquoteField(text.slice(start, end)) || empty : text.slice(start, end);
}

/** An Int32Array that grows by doubling, for offsets whose count is known only at the end. */
class GrowingInts {
  private values = new Int32Array(1024);
  size = 0;

  push(value: number): void {
    if (this.size === this.values.length) {
      const grown = new Int32Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.size++] = value;
  }

  /** The values in an array of their own size, so the doubling's slack is not kept. */
  done(): Int32Array {
    return this.values.slice(0, this.size);
  }
}

interface LayoutSink {
  readonly recordStarts: GrowingInts;
  readonly firstFields: GrowingInts;
  readonly fieldEnds: GrowingInts;
}

/**
 * Per record, the offset where it starts and the offset where its line break (or the text)
 * starts, without reading any field, so a writer can copy the records it does not change
 * exactly as they were.
 */
export function recordSpans(text: string, delimiter: string): number[] {
  const spans: number[] = [];
  scanCsv(text, delimiter, null, spans, null, '');
  return spans;
}

/**
 * Walks the records of the text, pushing their fields to `records`, spans to `spans` and
 * offsets to `layout`; returns where a last field's quote opens that never closes, or -1.
 */
function scanCsv<Empty extends '' | null>(
  text: string,
  delimiter: string,
  records: (string | Empty)[][] | null,
  spans: number[] | null,
  layout: LayoutSink | null,
  empty: Empty,
): number {
  if (delimiter.length !== 1) throw new RangeError(`A CSV delimiter is one character, not ${JSON.stringify(delimiter)}`);
  const delimiterCode = delimiter.charCodeAt(0);
  const length = text.length;
  // The next delimiter, LF and CR are searched once and remembered, so every character is
  // scanned a bounded number of times, even in a file with no delimiter or no CR at all.
  let nextDelimiter = -1;
  let nextLf = -1;
  let nextCr = -1;
  let lineBreak = -1;
  let unclosed = -1;
  // Records are presized to the width of the first one: growing arrays field by field
  // costs more than the split itself on a million rows.
  let width = 1;
  let shared: (Map<string, string> | undefined)[] = [];
  let position = 0;
  while (position < length) {
    const start = position;
    if (layout !== null) {
      layout.recordStarts.push(start);
      layout.firstFields.push(layout.fieldEnds.size);
    }
    const fields = records === null ? null : new Array<string | Empty>(width);
    let count = 0;
    for (;;) {
      if (lineBreak < position) {
        if (nextLf < position) nextLf = indexOrEnd(text, '\n', position);
        if (nextCr < position) nextCr = indexOrEnd(text, '\r', position);
        lineBreak = nextLf < nextCr ? nextLf : nextCr;
      }
      let fieldEnd: number;
      if (text.charCodeAt(position) === QUOTE) {
        fieldEnd = skipField(text, position, delimiterCode);
        // Only a field that runs to the end of the text can have left its quote open.
        if (fieldEnd === length && !quoteCloses(text, position)) unclosed = position;
        if (fields !== null) fields[count] = fieldText(text, position, fieldEnd, empty);
        // A quoted line break does not end the record: look for the next one past the field.
        if (fieldEnd > lineBreak) lineBreak = -1;
      } else {
        if (nextDelimiter < position) nextDelimiter = indexOrEnd(text, delimiter, position);
        fieldEnd = nextDelimiter < lineBreak ? nextDelimiter : lineBreak;
        if (fields !== null) {
          const values = shared[count];
          const value = text.slice(position, fieldEnd);
          fields[count] = fieldEnd === position ? empty : values === undefined ? value : sharedValue(values, value);
        }
      }
      count += 1;
      if (layout !== null) layout.fieldEnds.push(fieldEnd);
      if (fieldEnd >= length || text.charCodeAt(fieldEnd) !== delimiterCode) {
        position = fieldEnd;
        break;
      }
      position = fieldEnd + 1;
    }
    const end = position;
    if (spans !== null) spans.push(start, end);
    if (records !== null && fields !== null) {
      if (count !== width) fields.length = count;
      records.push(fields);
      if (records.length === 1) width = count;
      if (records.length === SHARING_SAMPLE) shared = repeatingColumns(records, width);
    }
    position = end >= length ? length : text.charCodeAt(end) === CR && text.charCodeAt(end + 1) === LF ? end + 2 : end + 1;
  }
  return unclosed;
}

function sharedValue(values: Map<string, string>, value: string): string {
  const known = values.get(value);
  if (known !== undefined) return known;
  if (values.size < SHARING_MAX_VALUES) values.set(value, value);
  return value;
}

/** Per column, the values seen so far when the sample (header excluded) repeats them enough. */
function repeatingColumns(records: readonly (string | null)[][], width: number): (Map<string, string> | undefined)[] {
  const columns: (Map<string, string> | undefined)[] = [];
  for (let column = 0; column < width; column += 1) {
    const values = new Map<string, string>();
    for (let index = 1; index < records.length; index += 1) {
      const value = records[index][column];
      if (value !== undefined && value !== null) values.set(value, value);
    }
    columns.push(values.size * SHARING_MAX_RATIO <= records.length - 1 ? values : undefined);
  }
  return columns;
}

function indexOrEnd(text: string, search: string, from: number): number {
  const found = text.indexOf(search, from);
  return found === -1 ? text.length : found;
}

/**
 * Where each field of one record ends (at its delimiter or the record's end), for a writer
 * that replaces some fields and copies the text of the others exactly, quotes included.
 * `record` is the record's text without its line break; a record whose last field opens a
 * quote that never closes comes back closed, so fields written after it stay fields.
 */
export function fieldBounds(record: string, delimiter: string): { record: string; ends: number[] } {
  const ends: number[] = [];
  walkRecord(record, 0, delimiter.charCodeAt(0), ends);
  const lastStart = ends.length > 1 ? ends[ends.length - 2] + 1 : 0;
  if (record.charCodeAt(lastStart) !== QUOTE || quoteCloses(record, lastStart)) return { record, ends };
  ends[ends.length - 1] += 1;
  return { record: `${record}"`, ends };
}

/** Whether the quote opening a field at `start` closes: some `"` after it is not doubled. */
function quoteCloses(text: string, start: number): boolean {
  let position = start + 1;
  for (;;) {
    const quote = text.indexOf('"', position);
    if (quote === -1) return false;
    if (text.charCodeAt(quote + 1) !== QUOTE) return true;
    position = quote + 2;
  }
}

/** Where each field of the record at `start` ends, pushed to `ends`; returns where the record ends. */
function walkRecord(text: string, start: number, delimiterCode: number, ends: number[]): number {
  let position = start;
  for (;;) {
    const end = skipField(text, position, delimiterCode);
    ends.push(end);
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

/** The end of unquoted text: the next delimiter, LF, CR, or the end of the text. */
function endOfBareText(text: string, start: number, delimiterCode: number): number {
  const length = text.length;
  for (let position = start; position < length; position += 1) {
    const code = text.charCodeAt(position);
    if (code === delimiterCode || code === LF || code === CR) return position;
  }
  return length;
}
