import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BookError } from '../../../src/node/book/book-error.js';
import { lockBook } from '../../../src/node/book/book-lock.js';
import { sha256 } from '../../../src/node/book/fingerprint.js';
import { commitFiles, journalPath, recoverCommit } from '../../../src/node/book/transaction.js';

/** A folder holding a two-file book, a.csv and b.csv. */
function book(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'tierwise-commit-')), 'book');
  mkdirSync(dir);
  writeFileSync(join(dir, 'a.csv'), 'old a\n');
  writeFileSync(join(dir, 'b.csv'), 'old b\n');
  return dir;
}

const files = (dir: string) => readdirSync(dir).sort().map((name) => `${name}: ${readFileSync(join(dir, name), 'utf8').trim()}`);

describe('commitFiles', () => {
  it('replaces every file together', async () => {
    const dir = book();
    await commitFiles(dir, [{ target: join(dir, 'a.csv'), bytes: Buffer.from('new a\n') }, { target: join(dir, 'b.csv'), bytes: Buffer.from('new b\n') }]);
    expect(files(dir)).toEqual(['a.csv: new a', 'b.csv: new b']);
    expect(readdirSync(join(dir, '..'))).toEqual(['book']);
  });

  it('writes nothing when one file fails its check, and says which in one sentence', async () => {
    const dir = book();
    const failing = commitFiles(dir, [
      { target: join(dir, 'a.csv'), bytes: Buffer.from('new a\n') },
      { target: join(dir, 'b.csv'), bytes: Buffer.from('new b\n'), check: () => { throw new Error('b.csv reads back as 0 rows, not the 1 written'); } },
    ]);
    await expect(failing).rejects.toThrow(new BookError(`${join(dir, 'b.csv')} was not written: the new file failed its check (b.csv reads back as 0 rows, not the 1 written); nothing was changed.`));
    expect(files(dir)).toEqual(['a.csv: old a', 'b.csv: old b']);
    expect(readdirSync(join(dir, '..'))).toEqual(['book']);
  });

  it('writes nothing when the last look before the renames refuses', async () => {
    const dir = book();
    const refused = commitFiles(dir, [{ target: join(dir, 'a.csv'), bytes: Buffer.from('new a\n') }], {
      beforeCommit: async () => { throw new BookError('a.csv changed'); },
    });
    await expect(refused).rejects.toThrow('a.csv changed');
    expect(files(dir)).toEqual(['a.csv: old a', 'b.csv: old b']);
  });
});

describe('recoverCommit', () => {
  it('rolls back a commit journal whose temporary file is damaged before any rename', async () => {
    const dir = book();
    writeFileSync(join(dir, '.a.csv.tmp'), 'new a, cut');
    const journal = { phase: 'commit', madeFolder: null, files: [{ temp: join(dir, '.a.csv.tmp'), target: join(dir, 'a.csv'), sha256: sha256(Buffer.from('new a\n')) }] };
    writeFileSync(journalPath(dir), JSON.stringify(journal));
    const said: string[] = [];
    await recoverCommit(dir, (line) => said.push(line));
    expect(said).toEqual([expect.stringMatching(/rolled back/)]);
    expect(files(dir)).toEqual(['a.csv: old a', 'b.csv: old b']);
    expect(readdirSync(join(dir, '..'))).toEqual(['book']);
  });

  it('finishes a commit stopped between two renames', async () => {
    const dir = book();
    writeFileSync(join(dir, 'a.csv'), 'new a\n');
    writeFileSync(join(dir, '.b.csv.tmp'), 'new b\n');
    const entry = (name: string, text: string) => ({ temp: join(dir, `.${name}.tmp`), target: join(dir, name), sha256: sha256(Buffer.from(text)) });
    writeFileSync(journalPath(dir), JSON.stringify({ phase: 'commit', madeFolder: null, files: [entry('a.csv', 'new a\n'), entry('b.csv', 'new b\n')] }));
    const said: string[] = [];
    await recoverCommit(dir, (line) => said.push(line));
    expect(said).toEqual([expect.stringMatching(/rolled forward/)]);
    expect(files(dir)).toEqual(['a.csv: new a', 'b.csv: new b']);
  });
});

describe('lockBook', () => {
  it('lets one holder at a time have the book, and the next one after a release', async () => {
    const dir = book();
    const lock = await lockBook(dir, 'apply', () => undefined);
    await expect(lockBook(dir, 'claim', () => undefined)).rejects.toThrow(new RegExp(`is in use by tierwise apply run by .* \\(pid ${process.pid} on `));
    await lock.release();
    const again = await lockBook(dir, 'claim', () => undefined);
    await again.release();
    expect(readdirSync(join(dir, '..'))).toEqual(['book']);
  });
});
