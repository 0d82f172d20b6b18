import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bookTabs, builtCli, canMount, cli, csvBook, expectRefused, fingerprint, tmp, xlsxBook } from './support/run.js';
import { rewriteParts } from './support/zip.js';

/**
 * Errors as sentences (issue 12 item 6): every failure the command can meet ends in one
 * line on stderr and exit 1 (2 for usage), a stack trace only with --debug. The cases that
 * ended in a Node stack trace run the built command (`npm run build` first), as a user
 * would; the disk-full and read-only ones mount a small tmpfs in a private mount namespace
 * (root on Linux; skipped elsewhere).
 */
const AS_OF = ['--as-of', '2026-11-01'];
const FIXTURES = join(import.meta.dirname, '../fixtures/not-xlsx');

/** The built command on `argv`, refused with `mentions`, the folder `dir` unchanged. */
function refusedBuilt(argv: string[], mentions: (string | RegExp)[], dir: string, wrap?: string[]) {
  const before = fingerprint(dir);
  const result = builtCli(argv, { wrap });
  expectRefused(result, mentions, dir, before);
  return result.stderr;
}

function given(fixture: string, name: string): string {
  const path = join(tmp(), name);
  copyFileSync(join(FIXTURES, fixture), path);
  return path;
}

describe('workbooks that ended in a stack trace, through the built command', () => {
  it('a truncated workbook', async () => {
    const path = await xlsxBook();
    writeFileSync(path, readFileSync(path).subarray(0, 700));
    refusedBuilt(['score', path, ...AS_OF], [/^tierwise score: /, path, /not a valid zip file/], dirname(path));
  });

  it('an encrypted workbook', () => {
    const path = given('protect.xlsx', 'book.xlsx');
    refusedBuilt(['score', path, ...AS_OF], [path, /password-protected/], dirname(path));
  });

  it('an .xls renamed .xlsx', () => {
    const path = given('write.xls', 'book.xlsx');
    refusedBuilt(['propose', path, ...AS_OF], [/^tierwise propose: /, path, /\.xls \(Excel 97–2003\)/], dirname(path));
  });

  it('a workbook whose sheet part is damaged, for undo as for score', async () => {
    const path = await xlsxBook();
    rewriteParts(path, (name, content) => (name === 'xl/worksheets/sheet1.xml' ? '<worksheet><sheetData><row r="1"><c r="A1"><v>1' : content));
    refusedBuilt(['undo', path, ...AS_OF], [/^tierwise undo: /, path, 'tab "Customers"', /cut short/], dirname(path));
  });
});

describe('state files', () => {
  const state = JSON.stringify({ version: 1, runs: [{ id: 'run-secret-1', changes: [{ customerId: 'C1', owner: 'Ann Lee' }] }] });

  // A state that does not read back is said, kept beside and not quoted (issue 11 item 4:
  // never started fresh in silence); the command goes on with a fresh one.
  it('a cut tw-state.json is said to be unreadable and kept, without printing the state', async () => {
    const book = csvBook({ 'tw-state.json': state.slice(0, 40) });
    const before = fingerprint(book);
    const result = await cli('score', book, ...AS_OF);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/the saved state in tw-state\.json does not read back/);
    expect(result.stderr).toMatch(/kept the unreadable content in tw-state\.unreadable-/);
    expect(result.stderr).not.toMatch(/run-secret|Ann Lee|customerId/);
    expect(fingerprint(book)).toEqual(before);
  });

  it('a tw-state.json that is not JSON at all: apply refuses, says why, and does not quote it', async () => {
    const book = csvBook({ 'tw-state.json': 'runs: run-secret-1, Ann Lee\n' });
    const before = fingerprint(dirname(book));
    const result = await cli('apply', book, ...AS_OF);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/tw-state\.json does not read back \(its text is not JSON\)/);
    expect(result.stderr).not.toMatch(/run-secret|Ann Lee/);
    expect(fingerprint(dirname(book))).toEqual(before);
  });

  it('a folder where tw-state.json should be', async () => {
    const book = csvBook();
    mkdirSync(join(book, 'tw-state.json'));
    const before = fingerprint(dirname(book));
    expectRefused(await cli('score', book, ...AS_OF), [join(book, 'tw-state.json'), /this is a folder/], dirname(book), before);
  });
});

describe('--out that cannot be written', () => {
  it('--out pointing at a folder, for a workbook', async () => {
    const path = await xlsxBook();
    const out = join(dirname(path), 'results');
    mkdirSync(out);
    refusedBuilt(['score', path, ...AS_OF, '--out', out], [out, /this is a folder; give --out a file name ending in \.xlsx/, /Nothing was written/], dirname(path));
  });

  it('--out in a folder that does not exist', async () => {
    const path = await xlsxBook();
    const out = join(dirname(path), 'missing', 'book.xlsx');
    refusedBuilt(['score', path, ...AS_OF, '--out', out], [out, /the folder .*missing does not exist/], dirname(path));
  });

  it('--out pointing at a file, for a CSV book (a folder is written)', async () => {
    const book = csvBook();
    const out = join(dirname(book), 'out.txt');
    writeFileSync(out, 'mine');
    refusedBuilt(['score', book, ...AS_OF, '--out', out], [out, /a CSV book is written to a folder/], dirname(book));
  });

  it.skipIf(!canMount)('a full disk: "could not write …: the disk is full (ENOSPC)", the book unchanged', async () => {
    const path = await xlsxBook(bookTabs(3000));
    const disk = join(dirname(path), 'small-disk');
    mkdirSync(disk);
    const out = join(disk, 'book.xlsx');
    const wrap = ['unshare', '-m', 'sh', '-c', `mount -t tmpfs -o size=8k tmpfs '${disk}' && exec "$@"`, 'sh'];
    refusedBuilt(['score', path, ...AS_OF, '--out', out], [`${out} could not be written: the disk is full (ENOSPC); nothing was changed`], dirname(path), wrap);
  });

  it.skipIf(!canMount)('a read-only folder with --in-place: "… the disk is read-only (EROFS)", the book unchanged', async () => {
    const path = await xlsxBook();
    const folder = dirname(path);
    const wrap = ['unshare', '-m', 'sh', '-c', `mount --bind '${folder}' '${folder}' && mount -o remount,ro,bind '${folder}' && exec "$@"`, 'sh'];
    refusedBuilt(['score', path, ...AS_OF, '--in-place'], [`${path} could not be written: the disk is read-only (EROFS); nothing was changed`], folder, wrap);
  });

  it.skipIf(!canMount)('a read-only CSV book folder with --in-place', () => {
    const book = csvBook();
    const wrap = ['unshare', '-m', 'sh', '-c', `mount --bind '${book}' '${book}' && mount -o remount,ro,bind '${book}' && exec "$@"`, 'sh'];
    refusedBuilt(['score', book, ...AS_OF, '--in-place'], [/could not be written: the disk is read-only \(EROFS\); nothing was changed/], dirname(book), wrap);
  });
});

describe('--debug and usage', () => {
  it('prints the stack trace after the one-line message only with --debug', async () => {
    const path = await xlsxBook();
    const out = join(dirname(path), 'missing', 'book.xlsx');
    const plain = builtCli(['score', path, ...AS_OF, '--out', out]);
    const debug = builtCli(['score', path, ...AS_OF, '--out', out, '--debug']);
    expect([plain.code, debug.code]).toEqual([1, 1]);
    expect(plain.stderr).not.toMatch(/\n\s+at /);
    const [first, ...stack] = debug.stderr.trimEnd().split('\n');
    expect(first).toBe(plain.stderr.trimEnd());
    expect(stack.join('\n')).toMatch(/^\S*Error: .*\n\s+at /);
  });

  it('takes --debug in every command, and lists it in each usage and the overview', async () => {
    for (const command of ['score', 'propose', 'apply', 'undo', 'recycle', 'claim', 'demo']) {
      expect((await cli(command, '--help')).stdout).toMatch(/--debug/);
    }
    expect((await cli('--help')).stdout).toMatch(/--debug/);
    const demo = await cli('demo', '--dir', tmp(), '--json', '--debug');
    expect(demo.code, demo.stderr).toBe(0);
  });

  it('a usage mistake exits 2 with one line, and no stack trace', () => {
    const result = builtCli(['score', '--no-such-option']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^tierwise score: unknown option '--no-such-option'/);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('a book that does not exist is one line', () => {
    const dir = tmp();
    refusedBuilt(['score', join(dir, 'nothing.xlsx'), ...AS_OF], [join(dir, 'nothing.xlsx'), /no such file or folder/], dir);
  });

  it('a settings file that is not JSON is one line naming it', () => {
    const book = csvBook();
    const settings = join(dirname(book), 'settings.json');
    writeFileSync(settings, '{"rfm": {\n  "binning": \n');
    refusedBuilt(['score', book, ...AS_OF, '--settings', settings], [settings, /line 3, column 1: /], dirname(book));
  });
});
