import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { hostname, userInfo } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AS_OF, checksums, copyInto, ownerStory, proposedCsvBook, proposedXlsxBook, run, start, stopped } from './book-processes.js';

/**
 * Concurrency (issue 12 item 1): one command at a time per book, and a book changed under
 * a running command is never written over. Each case runs the built command in real
 * processes; the first one is held at a named step (the fault hook's `:stop`) so the
 * second arrives at exactly the moment that used to go wrong.
 */
let csvBase = '';
let xlsxBase = '';
beforeAll(async () => {
  csvBase = proposedCsvBook(400, 800);
  xlsxBase = await proposedXlsxBook(csvBase);
}, 180_000);

const books = [
  { kind: 'CSV book', base: () => csvBase },
  { kind: '.xlsx book', base: () => xlsxBase },
];

/** A customer without an owner, that a rep could claim. */
function poolCustomer(): string {
  const lines = readFileSync(join(csvBase, 'customers.csv'), 'utf8').split('\n');
  const owner = lines[0].split(',').indexOf('Owner');
  return lines.slice(1).find((line) => line.split(',')[owner] === '')!.split(',')[0];
}

function onlyTheBook(book: string): void {
  expect(readdirSync(dirname(book)), 'no lock, journal or temporary file is left beside the book').toEqual([basename(book)]);
}

describe.each(books)('two commands on one $kind', ({ base }) => {
  it('refuses the second while the first runs, naming the first, and the book is the first one’s result', async () => {
    const book = copyInto(base(), basename(base()));
    const first = start(['apply', book, '--in-place', '--as-of', AS_OF], { faultAt: 'read:stop' });
    await stopped(first);
    const before = checksums(book);
    const second = await run(['claim', book, '--in-place', '--as-of', AS_OF, '--rep', 'Alice Chen', '--customer', poolCustomer()]);
    expect(second.code).toBe(1);
    const user = userInfo().username;
    expect(second.stderr).toMatch(
      new RegExp(`^tierwise claim: \\S+ is in use by tierwise apply run by ${user} \\(pid ${first.pid} on ${hostname()}\\) since \\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z; nothing was changed — run the command again when it has finished \\(if that command is no longer running, delete \\S+\\.tierwise-lock\\)\\.\\n$`),
    );
    expect(checksums(book)).toEqual(before);

    first.child.kill('SIGCONT');
    const done = await first.finished;
    expect(done.code, done.stderr).toBe(0);
    onlyTheBook(book);
    const story = await ownerStory(book);
    expect(story.lastApply!.changes).toBeGreaterThan(10);
    expect(story).toMatchObject({ agreeing: story.lastApply!.changes, disagreeing: 0, logRows: story.lastApply!.changes });
    const undo = await run(['undo', book, '--as-of', AS_OF, '--json']);
    expect(JSON.parse(undo.stdout).undo.reverted).toBe(story.lastApply!.changes);
  });

  it('takes over a lock left by a process that is no longer running, and says so', async () => {
    const book = copyInto(base(), basename(base()));
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    writeFileSync(`${book}.tierwise-lock`, JSON.stringify({ command: 'apply', user: 'ann', pid: dead, host: hostname(), since: '2026-12-01T09:00:00.000Z' }));
    const result = await run(['score', book, '--in-place', '--as-of', AS_OF]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe(`tierwise: ${book} was locked by tierwise apply run by ann (pid ${dead} on ${hostname()}), which is no longer running; Tierwise took the lock over.\n`);
    onlyTheBook(book);
  });

  it('refuses a lock held on another computer, whose process it cannot see, and leaves it', async () => {
    const book = copyInto(base(), basename(base()));
    const lock = JSON.stringify({ command: 'recycle', user: 'bo', pid: 1, host: 'laptop-of-bo', since: '2026-12-01T09:00:00.000Z' });
    writeFileSync(`${book}.tierwise-lock`, lock);
    const before = checksums(book);
    const result = await run(['score', book, '--in-place', '--as-of', AS_OF]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('is in use by tierwise recycle run by bo (pid 1 on laptop-of-bo) since 2026-12-01T09:00:00.000Z; nothing was changed');
    expect(checksums(book)).toEqual(before);
    expect(readFileSync(`${book}.tierwise-lock`, 'utf8')).toBe(lock);
  });

  it('releases the lock when a command fails, so the next one runs', async () => {
    const book = copyInto(base(), basename(base()));
    const failed = await run(['undo', book, '--in-place', '--as-of', AS_OF]);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/nothing to undo/i);
    onlyTheBook(book);
    const next = await run(['score', book, '--in-place', '--as-of', AS_OF]);
    expect(next.code, next.stderr).toBe(0);
    onlyTheBook(book);
  });

  it.each(['read', 'temps'])('refuses to save over a book replaced while it ran (replaced at step %s), writing nothing', async (step) => {
    const book = copyInto(base(), basename(base()));
    const replacement = copyInto(base(), basename(base()));
    expect((await run(['apply', replacement, '--in-place', '--as-of', AS_OF])).code).toBe(0);
    const running = start(['score', book, '--in-place', '--as-of', AS_OF], { faultAt: `${step}:stop` });
    await stopped(running);
    const changed = existsSync(join(book, 'customers.csv')) ? 'customers.csv' : '';
    cpSync(join(replacement, changed), join(book, changed));
    // Stopped at `temps`, the command's temporary files are there too; they are not the book.
    const replaced = Object.fromEntries(Object.entries(checksums(book)).filter(([name]) => !name.startsWith('.')));
    running.child.kill('SIGCONT');
    const result = await running.finished;
    expect(result.code).toBe(1);
    expect(result.stderr.replace(/^tierwise: fault hook: .*\n/, '')).toBe(`tierwise score: ${join(book, changed)} changed while Tierwise was working on it; nothing was written — run the command again.\n`);
    expect(checksums(book)).toEqual(replaced);
    onlyTheBook(book);
  });
});
