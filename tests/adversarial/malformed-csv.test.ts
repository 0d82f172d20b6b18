import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { bookTabs, cli, csvBook, csvText, expectRefused, fingerprint } from './support/run.js';

/**
 * Malformed CSV (issue 12 item 5): a file that would be misread says so, with the file and
 * the line, and the book is left as it was; a file that can be read whole (CR-only line
 * ends, short rows, a trailing delimiter) is read whole.
 */
const [customers, deals, reps] = bookTabs().map((tab) => tab.rows);
const AS_OF = ['--as-of', '2026-11-01'];

async function scoreJson(book: string) {
  const result = await cli('score', book, ...AS_OF, '--json');
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as { customers: number };
}

/** Runs score on a book whose `file` holds `content`, expecting a one-line refusal naming it. */
async function refusedWith(file: string, content: string | Uint8Array, mentions: (string | RegExp)[]) {
  const book = csvBook({ [file]: content });
  const root = dirname(book);
  const before = fingerprint(root);
  const result = await cli('score', book, ...AS_OF);
  expectRefused(result, [join(book, file), ...mentions], root, before);
  expect(existsSync(`${book}.tierwise`)).toBe(false);
  return result.stderr;
}

describe('CSV files read whole', () => {
  it("a CSV book scored twice in place reads its own dashboard, whose tables are wider than its title row", async () => {
    const book = csvBook();
    const first = await cli('score', book, '--in-place', ...AS_OF);
    expect([first.code, first.stderr]).toEqual([0, '']);
    expect(existsSync(join(book, 'tw-dashboard.csv'))).toBe(true);
    const again = await cli('score', book, '--in-place', ...AS_OF);
    expect([again.code, again.stderr]).toEqual([0, '']);
  });

  it('reads CR-only line ends (classic Mac) as rows: all 12 customers, and writes CR back', async () => {
    const book = csvBook({ 'customers.csv': csvText(customers).replaceAll('\n', '\r'), 'deals.csv': csvText(deals).replaceAll('\n', '\r') });
    expect((await scoreJson(book)).customers).toBe(12);
    const written = readFileSync(join(`${book}.tierwise`, 'customers.csv'), 'utf8');
    expect(written).not.toMatch(/\n/);
    expect(written.split('\r').filter(Boolean)).toHaveLength(13);
  });

  it('reads a file mixing LF, CRLF and CR line ends', async () => {
    const lines = csvText(customers).trimEnd().split('\n');
    const text = lines.map((line, i) => line + ['\n', '\r\n', '\r'][i % 3]).join('');
    expect((await scoreJson(csvBook({ 'customers.csv': text }))).customers).toBe(12);
  });

  it('keeps a CR inside a quoted field as text of one cell', async () => {
    const rows = customers.map((row, i) => (i === 3 ? row.map((c, j) => (j === 1 ? 'Two\rlines' : c)) : row));
    const book = csvBook({ 'customers.csv': csvText(rows).replaceAll('\n', '\r') });
    expect((await scoreJson(book)).customers).toBe(12);
  });

  it('reads rows with a trailing delimiter (empty fields past the header) as the same rows', async () => {
    const text = csvText(customers).replaceAll('\n', ',,\n');
    expect((await scoreJson(csvBook({ 'customers.csv': text }))).customers).toBe(12);
  });

  it('pads rows shorter than the header with empty cells', async () => {
    const text = csvText(customers.map((row, i) => (i === 5 ? row.slice(0, 2) : row)));
    expect((await scoreJson(csvBook({ 'customers.csv': text }))).customers).toBe(12);
  });

  it('reads a stray quote inside an unquoted value as text, as spreadsheets do', async () => {
    const rows = customers.map((row, i) => (i === 2 ? row.map((c, j) => (j === 1 ? '5 inch" screens' : c)) : row));
    const text = rows.map((r) => r.map((c) => (c === null ? '' : String(c))).join(',')).join('\n') + '\n';
    expect((await scoreJson(csvBook({ 'customers.csv': text }))).customers).toBe(12);
  });
});

describe('CSV files refused, with the file and line, nothing changed', () => {
  it('refuses an unclosed quote that would swallow 50 of 60 customers, naming its line and the lines lost', async () => {
    const many = bookTabs(60)[0].rows;
    const lines = csvText(many).split('\n');
    lines[10] = lines[10].replace('Company 10', '"Company 10');
    const stderr = await refusedWith('customers.csv', lines.join('\n'), ['line 11', /quote opens a field that never closes/, /50 lines after it/, /nothing was read/]);
    expect(stderr).not.toMatch(/Company 11/);
  });

  it('refuses an unclosed quote on the last line of deals.csv', async () => {
    await refusedWith('deals.csv', `${csvText(deals)}D99,C1,"5`, ['line 14', /never closes/, /rest of that line/]);
  });

  it('refuses an unclosed quote in reps.csv', async () => {
    await refusedWith('reps.csv', csvText(reps).replace('Bo Chen', '"Bo Chen'), ['line 3', /never closes/]);
  });

  it('counts CR-only line ends in the line it names', async () => {
    const text = csvText(customers).replace('Company 4', '"Company 4').replaceAll('\n', '\r');
    await refusedWith('customers.csv', text, ['line 5', /never closes/]);
  });

  it('refuses a quote closed only by a doubled quote ("") at the end of the file', async () => {
    await refusedWith('customers.csv', `${csvText(customers)}C99,"Acme ""Best""`, ['line 14', /never closes/]);
  });

  it('refuses a customers row with more values than the header, saying what it could be', async () => {
    const text = csvText(customers).replace('C3,Company 3,East', 'C3,Company 3,Inc.,East');
    await refusedWith('customers.csv', text, ['row 4', /7 fields where the header has 6/, /values may be in the wrong columns/, /inside a value that is not in quotes/]);
  });

  it('refuses a ragged deals row in a semicolon file, naming the semicolon', async () => {
    const text = csvText(deals).replaceAll(',', ';').replace('D2;C2;200', 'D2;C2;200;50');
    await refusedWith('deals.csv', text, ['row 3', /6 fields where the header has 5/, /";"/]);
  });

  it('refuses a NUL byte with its line', async () => {
    const text = csvText(customers).replace('Company 7', 'Comp\0any 7');
    await refusedWith('customers.csv', text, ['line 8', /NUL byte/, /nothing was read/]);
  });

  it('refuses UTF-16 saved without its byte order mark (NUL bytes in every character)', async () => {
    await refusedWith('customers.csv', iconv.encode(csvText(customers), 'utf16le'), ['line 1', /UTF-16 saved without its byte order mark/]);
  });

  it('refuses UTF-16 with its byte order mark but cut short by a byte (half a character)', async () => {
    const bytes = iconv.encode(`\ufeff${csvText(deals)}`, 'utf16le');
    await refusedWith('deals.csv', bytes.subarray(0, bytes.length - 1), [/UTF-16LE/, /not valid UTF-16/, /nothing was read/]);
  });

  it('refuses a damaged tw-log.csv, our own tab, the same way', async () => {
    await refusedWith('tw-log.csv', 'Time,Action\n2026-10-01,"score\n', ['line 2', /never closes/]);
  });
});
