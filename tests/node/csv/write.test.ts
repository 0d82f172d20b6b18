import fc from 'fast-check';
import iconv from 'iconv-lite';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Cell } from '../../../src/core/table.js';
import { emptyEdits, tabEditsOf, type BookEdits } from '../../../src/node/book/edits.js';
import { decodeCsvBytes, encodeCsvText, UnwritableCharacter } from '../../../src/node/csv/encoding.js';
import { detectDelimiter, detectNewline, type CsvFormat } from '../../../src/node/csv/format.js';
import { rewriteCsvText } from '../../../src/node/csv/rewrite.js';
import { cellText, serializeCsv } from '../../../src/node/csv/serialize.js';
import { parseCsv, recordSpans } from '../../../src/node/csv/tokenize.js';
import { csvBookFiles, writeCsvBook } from '../../../src/node/csv/write.js';
import { csvFormat, csvSheet, fieldText } from './arbitraries.js';

const tabFiles = { Customers: 'customers.csv', Deals: 'deals.csv', Reps: 'reps.csv', 'TW Log': 'tw-log.csv' };
const scratch = await mkdtemp(join(tmpdir(), 'tw-csv-write-'));
let dirCount = 0;
afterAll(() => rm(scratch, { recursive: true, force: true }));

async function book(files: Record<string, string | Uint8Array>): Promise<string> {
  dirCount += 1;
  const dir = join(scratch, `book-${dirCount}`);
  await mkdir(dir);
  for (const [name, content] of Object.entries(files)) await writeFile(join(dir, name), content);
  return dir;
}

function cellEdits(tab: string, cells: [row: number, column: number, value: Cell][]): BookEdits {
  const edits = emptyEdits();
  edits.cells.set(tab, tabEditsOf(cells));
  return edits;
}

const text = async (path: string) => decodeCsvBytes(await readFile(path)).text;

describe('writeCsvBook', () => {
  it('changes only the edited cells and keeps every other field exactly as written', async () => {
    const source = await book({
      'customers.csv': 'Customer ID,Revenue,Note\r\n"007",1.50,"a, b"\r\nC2,2e3,\r\n',
      'deals.csv': 'Deal ID,Amount\nD1,10\n',
    });
    const out = join(scratch, 'out-exact');
    await writeCsvBook(source, out, tabFiles, cellEdits('Customers', [[2, 2, 'checked'], [3, 1, 2000]]));
    expect(await text(join(out, 'customers.csv'))).toBe('Customer ID,Revenue,Note\r\n"007",1.50,checked\r\nC2,2000,\r\n');
  });

  it('copies files without edits byte for byte and creates none that were missing', async () => {
    const deals = iconv.encode('订单编号;金额\r\nD1;"1,5"\r\n', 'gbk');
    const source = await book({ 'customers.csv': 'Customer ID\nC1\n', 'deals.csv': deals });
    const out = join(scratch, 'out-copy');
    await writeCsvBook(source, out, tabFiles, cellEdits('Customers', [[2, 0, 'C9']]));
    expect(new Uint8Array(await readFile(join(out, 'deals.csv')))).toEqual(new Uint8Array(deals));
    expect((await readdir(out)).sort()).toEqual(['customers.csv', 'deals.csv']);
  });

  it('keeps a GB18030 file in GB18030 with its delimiter and line breaks', async () => {
    const source = await book({ 'customers.csv': iconv.encode('客户编号;负责人\r\nC1;\r\n', 'gbk') });
    await writeCsvBook(source, source, tabFiles, cellEdits('Customers', [[1, 2, 'TW Tier'], [2, 1, '王伟'], [2, 2, 'A']]));
    const bytes = await readFile(join(source, 'customers.csv'));
    expect(decodeCsvBytes(bytes)).toEqual({ text: '客户编号;负责人;TW Tier\r\nC1;王伟;A\r\n', encoding: 'gb18030' });
  });

  it.each(['utf-16le', 'utf-16be'] as const)("keeps Excel's \"Unicode text\" (%s, its BOM, tabs, CRLF) as it is, the mark written once", async (encoding) => {
    const source = await book({ 'customers.csv': iconv.encode('\ufeff客户编号\t负责人\r\nC1\t\r\n', encoding) });
    await writeCsvBook(source, source, tabFiles, cellEdits('Customers', [[1, 2, 'TW Tier'], [2, 1, '王伟'], [2, 2, 'A']]));
    const bytes = await readFile(join(source, 'customers.csv'));
    expect(bytes).toEqual(iconv.encode('\ufeff客户编号\t负责人\tTW Tier\r\nC1\t王伟\tA\r\n', encoding));
  });

  it('keeps the bytes of GBK characters in untouched fields of an edited row, private-use ones included', async () => {
    // 0xA6D9 is a vertical comma, a private-use code point in GBK that GB18030-2022 remapped.
    const row = Buffer.concat([iconv.encode('C1;', 'gbk'), Buffer.from([0xa6, 0xd9]), iconv.encode('上海;\r\n', 'gbk')]);
    const source = await book({ 'customers.csv': Buffer.concat([iconv.encode('客户编号;客户名称;负责人\r\n', 'gbk'), row]) });
    await writeCsvBook(source, source, tabFiles, cellEdits('Customers', [[2, 2, '王伟']]));
    const bytes = await readFile(join(source, 'customers.csv'));
    expect(bytes.includes(Buffer.from([0xa6, 0xd9]))).toBe(true);
    expect(bytes.subarray(bytes.length - 6)).toEqual(iconv.encode('王伟\r\n', 'gbk'));
  });

  it('extends every non-blank row when an edit adds a column, and keeps blank lines blank', async () => {
    const source = await book({ 'customers.csv': 'A,B\n1,2\n\n3,4' });
    const out = join(scratch, 'out-widen');
    await writeCsvBook(source, out, tabFiles, cellEdits('Customers', [[1, 2, 'TW Score'], [2, 2, 87.5]]));
    expect(await text(join(out, 'customers.csv'))).toBe('A,B,TW Score\n1,2,87.5\n\n3,4,');
  });

  it('appends rows past the end of the file', async () => {
    const source = await book({ 'customers.csv': 'A\n1' });
    const out = join(scratch, 'out-append');
    await writeCsvBook(source, out, tabFiles, cellEdits('Customers', [[4, 0, 'x']]));
    expect(await text(join(out, 'customers.csv'))).toBe('A\n1\n\nx');
  });

  it('writes our own tabs whole, keeping an existing file\'s format and giving a new one the book\'s', async () => {
    const source = await book({ 'customers.csv': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('客户编号;负责人\n')]) });
    const edits = emptyEdits();
    edits.ownTabs.set('TW Log', { rows: [['Time', 'Action'], [new Date(Date.UTC(2026, 0, 2)), 'apply']], hidden: false });
    await writeCsvBook(source, source, tabFiles, edits);
    const log = decodeCsvBytes(await readFile(join(source, 'tw-log.csv')));
    expect(log).toEqual({ text: 'Time;Action\n2026-01-02;apply\n', encoding: 'utf-8-bom' });
  });

  it('writes a new book as Excel "CSV UTF-8" when there is no source', async () => {
    const out = join(scratch, 'out-new');
    const edits = emptyEdits();
    edits.ownTabs.set('TW Log', { rows: [['Time', 'Action']], hidden: false });
    await writeCsvBook(null, out, tabFiles, edits);
    expect([...(await readFile(join(out, 'tw-log.csv')))]).toEqual([0xef, 0xbb, 0xbf, ...Buffer.from('Time,Action\r\n')]);
  });

  it('refuses edits to a tab that has no file rather than dropping them', async () => {
    await expect(writeCsvBook(null, join(scratch, 'out-refuse'), tabFiles, cellEdits('Pipeline', [[2, 0, 'x']]))).rejects.toThrow(/Pipeline/);
  });

  const cell: fc.Arbitrary<Cell> = fc.oneof(
    fieldText,
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    fc.constant(null),
    fc.integer({ min: -25_000, max: 60_000 }).map((day) => new Date(day * 86_400_000)),
  );

  it('changes exactly the edited cells of a random book, whatever its format (fuzz)', async () => {
    const scenario = csvSheet.chain((sheet) =>
      fc.record({
        sheet: fc.constant(sheet),
        format: csvFormat,
        edits: fc.array(
          fc.tuple(fc.integer({ min: 1, max: sheet.rows.length + 2 }), fc.integer({ min: 0, max: sheet.header.length + 1 }), cell),
          { maxLength: 10 },
        ),
      }),
    );
    await fc.assert(
      fc.asyncProperty(scenario, async ({ sheet, format, edits }) => {
        const original = serializeCsv([sheet.header, ...sheet.rows], format);
        const deals = serializeCsv([['Deal ID', 'Amount'], ['D1', 5]], format);
        const source = await book({ 'customers.csv': original, 'deals.csv': deals });
        const out = join(source, 'out');
        await writeCsvBook(source, out, tabFiles, cellEdits('Customers', edits));

        expect(new Uint8Array(await readFile(join(out, 'deals.csv')))).toEqual(deals);
        const written = decodeCsvBytes(await readFile(join(out, 'customers.csv')));
        // ASCII is the same bytes in GB18030 and UTF-8, so only text beyond it can tell them apart.
        if (format.encoding !== 'gb18030' || /[^\x00-\x7f]/.test(written.text)) expect(written.encoding).toBe(format.encoding);
        // The fields as the file holds them: text that could start a formula behind its guard.
        const before = [sheet.header, ...sheet.rows].map((fields) => fields.map((field) => cellText(field)));
        const after = parseCsv(written.text, format.delimiter);
        const expected = new Map(edits.map(([row, column, value]) => [`${row}:${column}`, cellText(value)]));
        expect(after.length).toBe(Math.max(before.length, ...edits.map(([row]) => row)));
        after.forEach((fields, index) => {
          const width = Math.max(fields.length, before[index]?.length ?? 0);
          for (let column = 0; column < width; column += 1) {
            const want = expected.get(`${index + 1}:${column}`) ?? before[index]?.[column] ?? '';
            expect(fields[column] ?? '').toBe(want);
          }
        });

        // Records without an edit keep their exact text when no column was added.
        if (edits.every(([, column]) => column < sheet.header.length)) {
          const originalText = decodeCsvBytes(original).text;
          const spansBefore = recordSpans(originalText, format.delimiter);
          const spansAfter = recordSpans(written.text, format.delimiter);
          const editedRows = new Set(edits.map(([row]) => row));
          for (let index = 0; index < before.length; index += 1) {
            if (editedRows.has(index + 1)) continue;
            expect(written.text.slice(spansAfter[2 * index], spansAfter[2 * index + 1])).toBe(
              originalText.slice(spansBefore[2 * index], spansBefore[2 * index + 1]),
            );
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

/**
 * The writer before it copied bytes (issue 13 item 3): the whole file decoded, rewritten as
 * text, encoded again; a Windows-1252 file that cannot hold an edit becomes UTF-8 with a BOM.
 */
function decodedAndEncoded(bytes: Uint8Array, edits: BookEdits): Uint8Array {
  const { text, encoding } = decodeCsvBytes(bytes);
  const delimiter = detectDelimiter(text);
  const format: CsvFormat = { encoding, delimiter, newline: detectNewline(text, delimiter) };
  const rewritten = rewriteCsvText(text, format, edits.cells.get('Customers')!);
  try {
    return encodeCsvText(rewritten, encoding);
  } catch (error) {
    if (!(error instanceof UnwritableCharacter)) throw error;
    return encodeCsvText(rewritten, 'utf-8-bom');
  }
}

/** customers.csv as csvBookFiles writes it from `bytes`, after its own check has passed. */
function written(bytes: Uint8Array, edits: BookEdits): Uint8Array {
  const [file] = csvBookFiles(new Map([['Customers', bytes]]), scratch, { Customers: 'customers.csv' }, edits, false).files;
  file.check?.(file.bytes);
  return file.bytes;
}

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

describe("csvBookFiles copying the bytes of the user's cells", () => {
  it("rewrites an earlier run's TW column in the middle of a row and keeps the fields on both sides byte for byte", () => {
    // Windows-1252, as Excel saves "CSV (Comma delimited)": é is 0xE9, € is 0x80.
    const file = iconv.encode('Name;TW Tier;Note\r\nJosé;B;"1,5 €\r\nsecond line"\r\n"=1+2";A;x', 'windows-1252');
    const bytes = written(file, cellEdits('Customers', [[2, 1, 'A'], [3, 1, '=cmd'], [3, 3, 'added']]));
    expect(hex(bytes)).toBe(hex(iconv.encode('Name;TW Tier;Note;\r\nJosé;A;"1,5 €\r\nsecond line";\r\n"=1+2";\'=cmd;x;added', 'windows-1252')));
  });

  it("keeps a UTF-8 file's byte order mark once, its LF line breaks and a last line without one", () => {
    const file = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('客户,Owner\n"C ""1""",\nC2,李')]);
    const bytes = written(file, cellEdits('Customers', [[1, 2, 'TW Tier'], [2, 2, 'A'], [3, 1, '王伟'], [3, 2, 'B']]));
    expect(hex(bytes)).toBe(hex(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('客户,Owner,TW Tier\n"C ""1""",,A\nC2,王伟,B')])));
  });

  // Where the bytes cannot be copied (rewrittenCsv in write.ts) the file is decoded and encoded again, as before.
  it.each([
    ['GB18030', iconv.encode('客户编号;负责人\r\nC1;\r\n', 'gb18030')],
    ['UTF-8 after a byte order mark with a malformed byte (written back as U+FFFD)', Buffer.from([0xef, 0xbb, 0xbf, ...Buffer.from('A,B\nx'), 0xff, 0x0a])],
    ['UTF-16LE', iconv.encode('\ufeffA\tB\r\nx\t\r\n', 'utf-16le')],
    ['Windows-1252 given a name it has no byte for (it becomes UTF-8)', iconv.encode('Name,Owner\nJosé,\n', 'windows-1252')],
  ])('writes %s as decoding, rewriting and encoding the text would', (_, file) => {
    const edits = cellEdits('Customers', [[2, 1, '王伟'], [2, 2, 'A']]);
    expect(hex(written(file, edits))).toBe(hex(decodedAndEncoded(file, edits)));
  });

  const encoding = fc.constantFrom<CsvFormat['encoding']>('utf-8', 'utf-8-bom', 'windows-1252', 'gb18030', 'utf-16le', 'utf-16be');
  const fragment = fc.constantFrom('a', '7', ' ', ',', ';', '\t', '"', '""', '\n', '\r\n', '\r', 'é', '€', '客户', '好\u{1F600}', '=1+2', '-x');
  const rawField = fc.oneof(
    fc.array(fragment, { maxLength: 5 }).map((parts) => parts.join('')),
    fc.array(fragment, { maxLength: 5 }).map((parts) => `"${parts.join('').replaceAll('"', '""')}"`),
  );
  /** A file's bytes: a header its delimiter is found by, rows of any text, quoted or not, well formed or not. */
  const file = fc
    .record({
      encoding,
      delimiter: fc.constantFrom(',', ';', '\t'),
      width: fc.integer({ min: 2, max: 4 }),
      rows: fc.array(fc.tuple(fc.array(rawField, { minLength: 1, maxLength: 5 }), fc.constantFrom('\n', '\r\n', '\r')), { maxLength: 6 }),
      lastBreak: fc.boolean(),
      junk: fc.option(fc.tuple(fc.nat(), fc.constantFrom([0x81], [0xff], [0xc3], [0xa6, 0xd9], [0x84, 0x31])), { nil: undefined }),
    })
    .map(({ encoding, delimiter, width, rows, lastBreak, junk }) => {
      const header = Array.from({ length: width }, (_, column) => (column === 1 ? 'TW Tier' : `Col${column}`)).join(delimiter);
      const lines = [header, ...rows.map(([fields]) => fields.join(delimiter))];
      let text = lines.map((line, index) => line + (index === 0 ? '\n' : rows[index - 1][1])).join('');
      if (!lastBreak) text = text.replace(/(\r\n|\r|\n)$/, '');
      if (encoding === 'windows-1252') text = text.replace(/[^\x00-\xff€]/gu, '?');
      const mark = encoding === 'utf-8' || encoding === 'windows-1252' || encoding === 'gb18030' ? '' : '\ufeff';
      let bytes: Uint8Array = iconv.encode(mark + text, encoding === 'utf-8-bom' ? 'utf-8' : encoding);
      // Stray bytes make some encodings malformed; UTF-16 would be refused, so it gets none.
      if (junk !== undefined && !encoding.startsWith('utf-16')) {
        const at = Math.min(3 * mark.length + (junk[0] % (bytes.length + 1)), bytes.length);
        bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from(junk[1]), bytes.subarray(at)]);
      }
      return bytes;
    });
  const cell: fc.Arbitrary<Cell> = fc.oneof(
    fc.constantFrom('A', '王伟', 'José', '€', '=SUM(A1)', '-Ann Lee', "'=x", 'a,b', 'say "hi"', 'two\nlines', ''),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    fc.constant(null),
    fc.integer({ min: -25_000, max: 60_000 }).map((day) => new Date(day * 86_400_000)),
  );

  it("writes the bytes decoding, rewriting and encoding the text would, and the user's cells read back unchanged, for any file and edits (fuzz)", () => {
    fc.assert(
      fc.property(file, fc.array(fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 0, max: 5 }), cell), { minLength: 1, maxLength: 8 }), (bytes, cells) => {
        const edits = cellEdits('Customers', cells);
        const after = written(bytes, edits);
        expect(hex(after)).toBe(hex(decodedAndEncoded(bytes, edits)));

        const source = decodeCsvBytes(bytes);
        // A file that is not well formed in its encoding is written back as decoded (U+FFFD), as before.
        if (hex(encodeCsvText(source.text, source.encoding)) !== hex(bytes)) return;
        const delimiter = detectDelimiter(source.text);
        const before = parseCsv(source.text, delimiter);
        // Read in the source's encoding: guessing again could take a few Chinese bytes for Windows-1252.
        const markedAfter = decodeCsvBytes(after);
        const afterText = markedAfter.encoding !== 'utf-8' && markedAfter.encoding.startsWith('utf') ? markedAfter.text : iconv.decode(Buffer.from(after), source.encoding);
        const fields = parseCsv(afterText, delimiter);
        const edited = new Set(cells.map(([row, column]) => `${row}:${column}`));
        before.forEach((record, index) =>
          record.forEach((field, column) => {
            if (!edited.has(`${index + 1}:${column}`)) expect(fields[index][column]).toBe(field);
          }),
        );
      }),
      { numRuns: 2000 },
    );
  });
});
