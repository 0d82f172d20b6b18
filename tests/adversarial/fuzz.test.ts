import fc from 'fast-check';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readCsvTable } from '../../src/node/csv/index.js';
import { InputError } from '../../src/node/errors.js';
import { readPackageTabs } from '../../src/node/xlsx/read-xlsx.js';
import { workbookFormat } from '../../src/node/xlsx/index.js';
import { openXlsxBytes } from '../../src/node/xlsx/xlsx-package.js';
import { writeZip } from '../../src/node/xlsx/zip-archive.js';
import { bookTabs, csvText, tmp, xlsxBook } from './support/run.js';
import { parts } from './support/zip.js';

/**
 * Fuzzing the readers (issue 12 item 7): arbitrary bytes and mutations of valid books go
 * through the CSV reader and the .xlsx reader (what the command does: tell the format, open
 * the package, read the tabs). Each input either reads or ends in our own one-sentence
 * InputError naming the file; never a raw TypeError or RangeError, never a hang, never a
 * heap that grows past a bound. A fixed budget per reader keeps it inside CI's time; the
 * seed is printed, and TIERWISE_FUZZ_SEED=<seed> replays a run.
 */
const seed = process.env.TIERWISE_FUZZ_SEED ? Number(process.env.TIERWISE_FUZZ_SEED) : Date.now() % 2 ** 31;
const RUNS = 300;
const HEAP_BOUND = 1024 * 2 ** 20;
const TABS = ['Customers', 'Deals', 'Reps', 'TW Log', 'TW State'];

beforeAll(() => {
  console.log(`fuzz seed ${seed}: rerun with TIERWISE_FUZZ_SEED=${seed} npx vitest run tests/adversarial/fuzz.test.ts`);
});

/** Reads or refuses in one sentence naming `label`: anything else fails the property. */
function expectReadOrSentence(read: () => unknown, label: string): void {
  try {
    read();
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    expect(error.message.startsWith(label)).toBe(true);
    expect(error.message).not.toMatch(/[\r\n]/);
  }
  expect(process.memoryUsage().heapUsed).toBeLessThan(HEAP_BOUND);
}

// ---- CSV ------------------------------------------------------------------------------

const dir = tmp('tierwise-fuzz-');
const csvPath = join(dir, 'customers.csv');
const validCsv = Buffer.from(csvText(bookTabs()[0].rows));

async function readCsvBytes(bytes: Uint8Array): Promise<void> {
  writeFileSync(csvPath, bytes);
  try {
    await readCsvTable(csvPath, 'Customers');
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    expect(error.message.startsWith(csvPath)).toBe(true);
    expect(error.message).not.toMatch(/[\r\n]/);
  }
}

/** Bytes CSV files are made of, weighted to the ones that matter to a tokenizer. */
const csvByte = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...Buffer.from('a1 ,;\t"\r\n')) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 255 }) },
);

/** An edit of a valid file: insert, overwrite or delete a few bytes at some place, or cut it. */
const csvMutation = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.array(csvByte, { minLength: 1, maxLength: 6 }) }),
  fc.record({ kind: fc.constant('overwrite' as const), at: fc.nat(), bytes: fc.array(csvByte, { minLength: 1, maxLength: 6 }) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), bytes: fc.array(csvByte, { maxLength: 20 }) }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat(), bytes: fc.constant<number[]>([]) }),
);

function mutate(base: Buffer, edits: readonly { kind: string; at: number; bytes: number[] }[]): Buffer {
  let out = base;
  for (const edit of edits) {
    const at = out.length === 0 ? 0 : edit.at % out.length;
    const bytes = Buffer.from(edit.bytes);
    if (edit.kind === 'insert') out = Buffer.concat([out.subarray(0, at), bytes, out.subarray(at)]);
    else if (edit.kind === 'overwrite') out = Buffer.concat([out.subarray(0, at), bytes, out.subarray(at + bytes.length)]);
    else if (edit.kind === 'delete') out = Buffer.concat([out.subarray(0, at), out.subarray(at + edit.bytes.length + 1)]);
    else out = out.subarray(0, at);
  }
  return out;
}

describe('the CSV reader', () => {
  it(`reads or refuses in one sentence any bytes (${RUNS / 2} runs)`, async () => {
    await fc.assert(fc.asyncProperty(fc.array(csvByte, { maxLength: 400 }), (bytes) => readCsvBytes(Uint8Array.from(bytes))), { seed, numRuns: RUNS / 2 });
  });

  it(`reads or refuses in one sentence a valid file with a few bytes changed (${RUNS / 2} runs)`, async () => {
    await fc.assert(fc.asyncProperty(fc.array(csvMutation, { minLength: 1, maxLength: 4 }), (edits) => readCsvBytes(mutate(validCsv, edits))), { seed, numRuns: RUNS / 2 });
  });
});

// ---- .xlsx ----------------------------------------------------------------------------

const LABEL = '/books/fuzzed.xlsx';
let validXlsx: Buffer;
let validParts: Map<string, Buffer>;

beforeAll(async () => {
  const path = await xlsxBook();
  validXlsx = readFileSync(path);
  validParts = parts(path);
});

/** What `tierwise` does with a file given as a workbook: tell its format, open it, read its tabs. */
function readXlsxBytes(bytes: Uint8Array): void {
  expectReadOrSentence(() => {
    const format = workbookFormat(bytes);
    if ('refusal' in format) throw new InputError(`${LABEL}: ${format.refusal}`);
    readPackageTabs(openXlsxBytes(bytes, LABEL), LABEL, TABS);
  }, LABEL);
}

/** Pieces of SpreadsheetML, well and badly formed, for sheets that a scanner must survive. */
const xmlPiece = fc.oneof(
  fc.constantFrom('<row>', '</row>', '<row/>', '<c>', '</c>', '<c/>', '<v>', '</v>', '<is>', '<t>', '</t>', '</is>', '<f>', '</f>', '<f t="shared"/>', '<', '>', '/', '"', "'", '=', ' ', '\n'),
  // Tags cut inside their attributes: the scanner once ran past the end of the part on these.
  fc.constantFrom('<row r', '<row ', '<c r', '<c ', '<c r="A1', '<row r=', '<c t=', '<v', '<is'),
  fc.tuple(fc.constantFrom('<row r="', '<c r="', '<c t="', '<c s="', '<row spans="'), fc.oneof(fc.constantFrom('1', '2', 'A1', 'B2', 'XFD3', 'XFE1', '0', '-1', '1048577', 'a1', ''), fc.string({ maxLength: 6 })), fc.constantFrom('">', '"/>', '', '"', "'>")).map((p) => p.join('')),
  fc.string({ maxLength: 8 }),
);
const sheetBody = fc.array(xmlPiece, { maxLength: 60 }).map((pieces) => pieces.join(''));
const sheetXml = fc.tuple(fc.constantFrom('<worksheet>', '<x:worksheet xmlns:x="m">', '<worksheet', ''), fc.constantFrom('<sheetData>', '<x:sheetData>', '<sheetData/>', '<sheetData', ''), sheetBody, fc.constantFrom('</sheetData></worksheet>', '</sheetData>', '')).map((p) => p.join(''));

/** The valid book with one part replaced by `content`, zipped honestly. */
function withPart(name: string, content: string): Buffer {
  return writeZip([...validParts].map(([part, data]) => ({ name: part, content: part === name ? Buffer.from(content) : data, dosTime: 0 })));
}

describe('the .xlsx reader', () => {
  it(`reads or refuses in one sentence any bytes, and zip-like ones (${RUNS / 10} runs)`, () => {
    const bytes = fc.oneof(fc.uint8Array({ maxLength: 600 }), fc.uint8Array({ maxLength: 600 }).map((tail) => Buffer.concat([Buffer.from('PK\x03\x04'), tail])));
    fc.assert(fc.property(bytes, readXlsxBytes), { seed, numRuns: RUNS / 10 });
  });

  it(`reads or refuses in one sentence a valid book cut short or with bytes flipped (${RUNS / 10} and ${RUNS / 5} runs)`, () => {
    fc.assert(fc.property(fc.nat(), (at) => readXlsxBytes(validXlsx.subarray(0, at % validXlsx.length))), { seed, numRuns: RUNS / 10 });
    const flips = fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(flips, (changes) => {
        const bytes = Buffer.from(validXlsx);
        for (const [at, mask] of changes) bytes[at % bytes.length] ^= mask;
        readXlsxBytes(bytes);
      }),
      { seed, numRuns: RUNS / 5 },
    );
  });

  it(`reads or refuses in one sentence random XML as the Customers sheet (${RUNS / 5} runs)`, () => {
    fc.assert(fc.property(sheetXml, (xml) => readXlsxBytes(withPart('xl/worksheets/sheet1.xml', xml))), { seed, numRuns: RUNS / 5 });
  });

  it(`reads or refuses in one sentence the Customers sheet cut at any byte (closed or not), or with bytes flipped (${RUNS / 5} runs)`, () => {
    const sheet = validParts.get('xl/worksheets/sheet1.xml')!.toString('latin1');
    const mutation = fc.oneof(
      fc.nat().map((at) => sheet.slice(0, at % sheet.length)),
      // Cut inside the sheet data, yet closed: a row or cell tag ends mid-attribute.
      fc.nat().map((at) => `${sheet.slice(0, at % sheet.indexOf('</sheetData>'))}</sheetData></worksheet>`),
      fc.tuple(fc.nat(), fc.constantFrom('<', '>', '"', '=', ' ', '/', 'r', '9', '\0')).map(([at, c]) => sheet.slice(0, at % sheet.length) + c + sheet.slice((at % sheet.length) + 1)),
    );
    fc.assert(fc.property(mutation, (xml) => readXlsxBytes(withPart('xl/worksheets/sheet1.xml', xml))), { seed, numRuns: RUNS / 5 });
  });

  it(`reads or refuses in one sentence random XML as the shared strings, styles, workbook and its relationships (${RUNS / 5} runs)`, () => {
    const part = fc.constantFrom('xl/sharedStrings.xml', 'xl/styles.xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml');
    const xml = fc.oneof(sheetBody, fc.string({ maxLength: 80 }), sheetBody.map((body) => `<sst><si><t>${body}</t></si></sst>`));
    fc.assert(fc.property(part, xml, (name, content) => readXlsxBytes(withPart(name, content))), { seed, numRuns: RUNS / 5 });
  });
});
