import fc from 'fast-check';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Cell } from '../../src/core/table.js';
import { literalText, ownedValue } from '../../src/gas/cell-values.js';
import { openLocalBook } from '../../src/node/book/local-book.js';
import { runCli } from '../../src/node/commands.js';
import { readGuarded, writeGuarded } from '../../src/node/csv/formula-guard.js';
import { parseCsv } from '../../src/node/csv/index.js';
import { terminalText } from '../../src/node/terminal-text.js';
import { createXlsx, readXlsx } from '../../src/node/xlsx/index.js';
import { defaultSettings } from '../../src/core/settings/schema.js';
import { interpretWrite } from '../gas/fakes/cell-input.js';

/**
 * Hostile text (issue 12 item 3): a formula guard belongs to the medium, so a rep named
 * `-Ann Lee` is `-Ann Lee` after a round trip through Sheets, a CSV book or an .xlsx, and
 * text printed to a terminal shows its control characters instead of obeying them.
 */
const FORMULA_CHARS = ['=', '+', '-', '@', '\t', '\r'];
/** Names that start like a formula, as a rep or a customer might really be called, and worse. */
const formulaLike = fc.tuple(fc.constantFrom(...FORMULA_CHARS), fc.string({ maxLength: 12 })).map(([c, rest]) => c + rest);
const anyText = fc.oneof(formulaLike, fc.string({ maxLength: 12 }), fc.tuple(fc.constantFrom("'", "''"), formulaLike).map(([q, t]) => q + t));

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) } });
  return { code, stdout, stderr };
}

const REPS = ['-Ann Lee', '@Bo Chen', '+Cy Wu', '=Di Ma'];

function bookTabs(): { name: string; rows: Cell[][] }[] {
  const customers: Cell[][] = [['Customer ID', 'Name', 'Region', 'Historical Revenue', 'Potential', 'Owner']];
  const deals: Cell[][] = [['Deal ID', 'Customer ID', 'Amount', 'Date']];
  for (let i = 1; i <= 29; i++) {
    customers.push([`C${i}`, `Company ${i}`, 'East', 1000 * i, i % 10, null]);
    deals.push([`D${i}`, `C${i}`, 100 * i, '2026-10-01']);
  }
  const reps: Cell[][] = [['Name', 'Email', 'Capacity'], ...REPS.map((name, i) => [name, `rep${i}@example.com`, 20])];
  return [{ name: 'Customers', rows: customers }, { name: 'Deals', rows: deals }, { name: 'Reps', rows: reps }];
}

function csvBook(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'tierwise-hostile-')), 'book');
  mkdirSync(dir);
  const quote = (cell: Cell) => (cell === null ? '' : /[",\n\r]/.test(String(cell)) ? `"${String(cell).replaceAll('"', '""')}"` : String(cell));
  const files: Record<string, string> = { Customers: 'customers.csv', Deals: 'deals.csv', Reps: 'reps.csv' };
  for (const tab of bookTabs()) writeFileSync(join(dir, files[tab.name]), tab.rows.map((r) => r.map(quote).join(',')).join('\n') + '\n');
  return dir;
}

async function xlsxBook(): Promise<string> {
  const path = join(mkdtempSync(join(tmpdir(), 'tierwise-hostile-')), 'book.xlsx');
  await createXlsx(path, bookTabs());
  return path;
}

const ownerCells = (rows: readonly (readonly Cell[])[], header: readonly Cell[]) => rows.map((r) => r[header.indexOf('Owner')]);

describe('the CSV medium', () => {
  it('gives back exactly the text written, for any text (property)', () => {
    fc.assert(fc.property(anyText, (text) => {
      expect(readGuarded(writeGuarded(text))).toBe(text);
    }), { numRuns: 2000 });
  });

  it('puts a leading apostrophe before every text starting with = + - @ tab or CR that is not a number (OWASP CSV injection; property)', () => {
    fc.assert(fc.property(formulaLike.filter((t) => !/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)), (text) => {
      expect(writeGuarded(text)).toBe(`'${text}`);
    }));
  });

  it('writes plain signed numbers as they are: -5 is a number, not a formula', () => {
    expect(['-5', '+3.25', '-1e3'].map(writeGuarded)).toEqual(['-5', '+3.25', '-1e3']);
  });

  it('leaves text that does not start a formula alone, apostrophes included', () => {
    expect(["'quoted", 'Ann Lee', '李雷', ''].map(writeGuarded)).toEqual(["'quoted", 'Ann Lee', '李雷', '']);
  });

  it("keeps a rep named '-Ann Lee' (and '@', '+', '=' names) as written after apply and a new propose: nobody is seen as unowned", async () => {
    const book = csvBook();
    expect((await cli('propose', book, '--in-place', '--as-of', '2026-11-01')).code).toBe(0);
    expect((await cli('apply', book, '--in-place', '--as-of', '2026-11-01')).code).toBe(0);
    const raw = parseCsv(readFileSync(join(book, 'customers.csv'), 'utf8').replace(/^\uFEFF/, ''), ',');
    // In the file, for Excel: each owner behind the guard.
    for (const cell of ownerCells(raw.slice(1).filter((r) => r.length > 1), raw[0])) expect(String(cell)).toMatch(/^'[-@+=]/);
    const local = await openLocalBook(book, defaultSettings.tabs);
    const customers = local.workbook.readTable('Customers')!;
    expect(new Set(ownerCells(customers.rows, customers.header))).toEqual(new Set(REPS.filter((r) => ownerCells(customers.rows, customers.header).includes(r))));
    const again = await cli('propose', book, '--in-place', '--as-of', '2026-11-01', '--json');
    expect(JSON.parse(again.stdout).assign.proposed).toBe(0);
  });

  it("logs the owners as they are named in TW Log, and undo puts back exactly the cells apply replaced", async () => {
    const book = csvBook();
    const before = readFileSync(join(book, 'customers.csv'), 'utf8');
    await cli('propose', book, '--in-place', '--as-of', '2026-11-01');
    await cli('apply', book, '--in-place', '--as-of', '2026-11-01');
    const local = await openLocalBook(book, defaultSettings.tabs);
    const log = local.workbook.readTable('TW Log')!;
    expect(new Set(log.rows.map((r) => r[log.header.indexOf('To')]))).toEqual(new Set(REPS.filter((r) => log.rows.some((x) => x[log.header.indexOf('To')] === r))));
    expect(log.rows.every((r) => REPS.includes(String(r[log.header.indexOf('To')])))).toBe(true);
    expect((await cli('undo', book, '--in-place', '--as-of', '2026-11-01')).code).toBe(0);
    const undone = await openLocalBook(book, defaultSettings.tabs);
    const customers = undone.workbook.readTable('Customers')!;
    expect(ownerCells(customers.rows, customers.header).every((o) => o === null)).toBe(true);
    expect(before.length).toBeGreaterThan(0);
  });

  it("reads a user's own column exactly as the file has it, guard-like apostrophe included", async () => {
    const book = csvBook();
    const path = join(book, 'customers.csv');
    writeFileSync(path, readFileSync(path, 'utf8').replace('Company 1,', "'=Company 1,"));
    const local = await openLocalBook(book, defaultSettings.tabs);
    const customers = local.workbook.readTable('Customers')!;
    expect(customers.rows[0][customers.header.indexOf('Name')]).toBe("'=Company 1");
  });
});

describe('the .xlsx medium', () => {
  it("writes '-Ann Lee' into Owner with no apostrophe (a string cell is never a formula), so the next propose sees all 29 customers owned", async () => {
    const book = await xlsxBook();
    await cli('propose', book, '--in-place', '--as-of', '2026-11-01');
    expect((await cli('apply', book, '--in-place', '--as-of', '2026-11-01')).code).toBe(0);
    const read = await readXlsx(book, ['Customers']);
    const customers = read.tables.get('Customers')!;
    const owners = ownerCells(customers.rows, customers.header);
    expect(owners.every((o) => typeof o === 'string' && REPS.includes(o))).toBe(true);
    const again = await cli('propose', book, '--in-place', '--as-of', '2026-11-01', '--json');
    expect(JSON.parse(again.stdout).assign.proposed).toBe(0);
  });

  it('gives back exactly the text written to a string cell, for names starting like a formula (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(formulaLike.filter((t) => t.trim() !== '' && !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/.test(t)), { minLength: 1, maxLength: 5 }), async (names) => {
        const path = join(mkdtempSync(join(tmpdir(), 'tierwise-hostile-')), 'names.xlsx');
        await createXlsx(path, [{ name: 'Customers', rows: [['Customer ID', 'Owner'], ...names.map((n, i) => [`C${i}`, n])] }]);
        const customers = (await readXlsx(path, ['Customers'])).tables.get('Customers')!;
        expect(customers.rows.map((r) => r[1])).toEqual(names);
      }),
      { numRuns: 25 },
    );
  });
});

describe('the Sheets medium', () => {
  const typed = (value: string | number | boolean) => interpretWrite(value, undefined, 'Etc/UTC', () => '#ERROR!').value;

  it('gives back exactly the text written to an owned column, for any text that starts like a formula or with an apostrophe (property, against the Sheets stand-in)', () => {
    const guarded = fc.oneof(formulaLike, fc.tuple(fc.constantFrom("'", "''"), fc.string({ maxLength: 12 })).map(([q, t]) => q + t));
    // Plain numbers are typed as numbers in an owned column by design; literalText (below) covers them for names.
    fc.assert(fc.property(guarded.filter((t) => !/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)), (text) => {
      expect(typed(ownedValue(text))).toBe(text);
    }));
  });

  it('gives back exactly the owner written, for any name (property): never a formula, a number or a date', () => {
    fc.assert(fc.property(anyText.filter((t) => t !== ''), (text) => {
      expect(typed(literalText(text))).toBe(text);
    }));
  });

  it("writes '-Ann Lee' behind an apostrophe, which Sheets does not store", () => {
    expect(ownedValue('-Ann Lee')).toBe("'-Ann Lee");
    expect(typed(ownedValue('-Ann Lee'))).toBe('-Ann Lee');
  });

  it("keeps a text that starts with an apostrophe, which Sheets would otherwise take off", () => {
    expect(typed(ownedValue("'tis the season"))).toBe("'tis the season");
  });
});

describe('text printed to a terminal', () => {
  it('shows ESC, BEL, CR and the C1 CSI as \\u escapes instead of sending them', () => {
    expect(terminalText('a\u001b[2Jb\u0007c\rd\u009be')).toBe('a\\u001b[2Jb\\u0007c\\u000dd\\u009be');
  });

  it('shows the bidirectional overrides that reorder what a reader sees (Trojan Source)', () => {
    expect(terminalText('x\u202ey\u2066z')).toBe('x\\u202ey\\u2066z');
  });

  it('keeps line feeds, tabs, Chinese and emoji as they are', () => {
    expect(terminalText('客户\tA\n😀')).toBe('客户\tA\n😀');
  });

  it('leaves no control character in any text (property)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
      expect(terminalText(text)).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    }));
  });

  it('keeps --json output valid JSON with the same values (property)', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => {
      expect(JSON.parse(terminalText(JSON.stringify(value)))).toEqual(JSON.parse(JSON.stringify(value)));
    }));
  });

  it('prints a customer value holding escape sequences escaped, in the issues of a command', async () => {
    const book = csvBook();
    const path = join(book, 'customers.csv');
    writeFileSync(path, readFileSync(path, 'utf8').replace(',1000,', ',\u001b]0;pwned\u0007\u001b[2J,'));
    const run = await cli('score', book, '--as-of', '2026-11-01');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('\\u001b]0;pwned\\u0007\\u001b[2J');
    expect(run.stdout).not.toMatch(/[\u001b\u0007]/);
  });

  it('prints an unknown command name holding escape sequences escaped', async () => {
    const run = await cli('\u001b[31mred');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("unknown command '\\u001b[31mred'");
    expect(run.stderr).not.toContain('\u001b');
  });

  it('prints a book path holding escape sequences escaped in the error', async () => {
    const run = await cli('score', '/nowhere/\u001b[2Jbook.xlsx');
    expect(run.code).toBe(1);
    expect(run.stderr).not.toContain('\u001b');
    expect(run.stderr).toContain('\\u001b[2J');
  });
});
