import { readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtCli, cli, expectRefused, fingerprint, xlsxBook } from './support/run.js';
import { declareSize, parts, recordsOf, rewriteParts } from './support/zip.js';

/**
 * Damaged workbooks (issue 12 items 5 and 6): cut files, flipped bytes, lying zip headers,
 * missing or broken parts. Each ends in one sentence naming the file (and the tab when the
 * damage is in a sheet), exit 1, nothing written; a workbook that is odd but whole is read.
 */
const AS_OF = ['--as-of', '2026-11-01'];
const CUSTOMERS = 'xl/worksheets/sheet1.xml';

/** A fresh valid book, changed by `damage`, then scored: refused with `mentions`, its folder unchanged. */
async function refused(damage: (path: string) => void, mentions: (string | RegExp)[]) {
  const path = await xlsxBook();
  damage(path);
  const before = fingerprint(dirname(path));
  const result = await cli('score', path, ...AS_OF);
  if (process.env.SHOW) console.log(result.stderr);
  expectRefused(result, [path, ...mentions], dirname(path), before);
  return result.stderr;
}

const cut = (fraction: number) => (path: string) => {
  const bytes = readFileSync(path);
  writeFileSync(path, bytes.subarray(0, Math.floor(bytes.length * fraction)));
};

const sheetXml = (rows: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;
const withCustomers = (xml: string) => (path: string) => rewriteParts(path, (name, content) => (name === CUSTOMERS ? xml : content));

describe('cut and damaged zips', () => {
  it.each([
    ['cut to half its length', 0.5],
    ['cut to 90% of its length', 0.9],
    ['cut just before its end record', 0.995],
  ])('refuses a workbook %s as not a valid zip, suggesting to fetch it again', async (_, fraction) => {
    await refused(cut(fraction), [/not a valid zip file/, /fetch it again/]);
  });

  it('refuses the first 100 bytes of a workbook', async () => {
    await refused((path) => writeFileSync(path, readFileSync(path).subarray(0, 100)), [/not a valid zip file/]);
  });

  it('refuses an empty file given as a workbook', async () => {
    await refused((path) => writeFileSync(path, ''), [/not an \.xlsx workbook/]);
  });

  it('refuses a sheet whose compressed bytes were flipped, naming the part', async () => {
    await refused((path) => {
      const file = readFileSync(path);
      const { dataAt, compressedSize } = recordsOf(file, CUSTOMERS);
      for (let i = dataAt + 2; i < dataAt + compressedSize - 2; i += 7) file[i] ^= 0xa5;
      writeFileSync(path, file);
    }, [CUSTOMERS]);
  });

  it('refuses a central directory pointing past the end of the file', async () => {
    await refused((path) => {
      const file = readFileSync(path);
      file.writeUInt32LE(file.length + 1000, recordsOf(file, CUSTOMERS).central + 42);
      writeFileSync(path, file);
    }, [/not a valid zip file/, /part xl\/worksheets\/sheet1\.xml/]);
  });

  it('refuses a part that inflates to more than its declared size (a lying header)', async () => {
    await refused((path) => declareSize(path, CUSTOMERS, 100), [CUSTOMERS, /inflates to more than the 100 bytes its zip directory declares/]);
  });

  it('refuses a part that inflates to less than its declared size', async () => {
    await refused((path) => declareSize(path, CUSTOMERS, 200_000), [CUSTOMERS, /not the 200000 its zip directory declares/]);
  });

  it('refuses a zip method it does not know (not stored, not deflated)', async () => {
    await refused((path) => {
      const file = readFileSync(path);
      file.writeUInt16LE(99, recordsOf(file, CUSTOMERS).central + 10);
      writeFileSync(path, file);
    }, [/uses zip method 99, which is not supported/]);
  });
});

describe('missing and broken parts', () => {
  it('refuses a workbook whose Customers sheet part is missing, naming the tab and the part', async () => {
    await refused((path) => rewriteParts(path, (name, content) => (name === CUSTOMERS ? null : content)), ['tab "Customers"', CUSTOMERS, /is missing/]);
  });

  it('refuses a sheet part that is not a worksheet, naming the tab', async () => {
    await refused(withCustomers('<?xml version="1.0"?><chartsheet/>'), ['tab "Customers"', /not a worksheet/]);
  });

  it('refuses a sheet cut short inside a row', async () => {
    await refused(withCustomers(sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>Customer ID</t></is></c>').replace('</sheetData></worksheet>', '')), [
      'tab "Customers"',
      /cut short/,
    ]);
  });

  // Found by fuzz.test.ts: the scanner ran past the end of the part on these, for ever.
  it.each([
    ['a row tag cut inside its attributes', '<row r'],
    ['an attribute value that never closes', '<row r="1'],
    ['a cell tag cut inside its attributes', '<row r="1"><c r'],
  ])('refuses %s before </sheetData> instead of hanging', async (_, rows) => {
    await refused(withCustomers(sheetXml(rows)), ['tab "Customers"', /cut short inside a tag, or damaged/]);
  });

  it('refuses rows out of order, naming the row', async () => {
    const cell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
    const rows = `<row r="1">${cell('A1', 'Customer ID')}${cell('B1', 'Name')}</row><row r="5">${cell('A5', 'C1')}</row><row r="3">${cell('A3', 'C2')}</row>`;
    await refused(withCustomers(sheetXml(rows)), ['tab "Customers"', /row 3 comes after a later row/]);
  });

  it('refuses a workbook without [Content_Types].xml as a plain zip archive', async () => {
    await refused((path) => rewriteParts(path, (name, content) => (name === '[Content_Types].xml' ? null : content)), [/zip archive, not an \.xlsx workbook/]);
  });

  it('refuses a workbook whose workbook.xml is gone', async () => {
    await refused((path) => rewriteParts(path, (name, content) => (name === 'xl/workbook.xml' ? null : content)), [/workbook/]);
  });
});

describe('a save whose own output would not parse', () => {
  // Our reader only looks inside <sheetData>, so an element after it with an undeclared
  // prefix reads fine; rewriting the sheet copies it into a part we produced, which the
  // check before the rename must refuse (issue 9 item 4), leaving the book as it was.
  const undeclaredPrefix = (path: string) => {
    const xml = parts(path).get(CUSTOMERS)?.toString('utf8') ?? '';
    withCustomers(xml.replace(/<\/sheetData>/, '</sheetData><x:extLst/>'))(path);
  };
  const refusedSave = (path: string) => [path, new RegExp(`${CUSTOMERS.replaceAll('/', '\\/')} is not well-formed XML`), /was not written/, /nothing was changed/];

  it('is refused before the rename, in-process (the parse on the main thread)', async () => {
    const path = await xlsxBook();
    undeclaredPrefix(path);
    const before = fingerprint(dirname(path));
    const result = await cli('score', path, ...AS_OF, '--in-place');
    expectRefused(result, refusedSave(path), dirname(path), before);
  });

  it('is refused before the rename by the built command (the parse on its own thread)', async () => {
    const path = await xlsxBook();
    undeclaredPrefix(path);
    const before = fingerprint(dirname(path));
    const result = builtCli(['score', path, ...AS_OF, '--in-place']);
    expectRefused(result, refusedSave(path), dirname(path), before);
  });
});

describe('odd but whole workbooks are read', () => {
  it('reads rows and cells without r references, each following the one before', async () => {
    const path = await xlsxBook();
    const header = ['Customer ID', 'Name', 'Historical Revenue', 'Potential'].map((t) => `<c t="inlineStr"><is><t>${t}</t></is></c>`).join('');
    const rows = Array.from({ length: 5 }, (_, i) => `<row><c t="inlineStr"><is><t>C${i + 1}</t></is></c><c t="inlineStr"><is><t>Co ${i + 1}</t></is></c><c><v>${(i + 1) * 1000}</v></c><c><v>${i}</v></c></row>`);
    withCustomers(sheetXml(`<row>${header}</row>${rows.join('')}`))(path);
    const result = await cli('score', path, ...AS_OF, '--json');
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout).customers).toBe(5);
  });

  it('reads a sheet whose rows start far down (row 1,000,000, inside the grid)', async () => {
    const path = await xlsxBook();
    const cell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
    withCustomers(sheetXml(`<row r="1000000">${cell('A1000000', 'Customer ID')}${cell('B1000000', 'Name')}</row><row r="1000001">${cell('A1000001', 'C1')}${cell('B1000001', 'Acme')}</row>`))(path);
    const result = await cli('score', path, ...AS_OF, '--json');
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout).customers).toBe(1);
  });
});
