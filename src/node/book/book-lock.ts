import { hostname, userInfo } from 'node:os';
import { open, readFile, rm, stat } from 'node:fs/promises';
import { z } from 'zod';
import { BookError } from './book-error.js';
import { besideLocation } from './real-location.js';

/**
 * One command at a time per book (issue 12: `apply --in-place` and, half a second later,
 * `claim --in-place` both exited 0, and the book kept apply's Owner cells with claim's log
 * and state). The lock is a file beside the book, `<book>.tierwise-lock`, created
 * exclusively (O_EXCL), so whichever command creates it first holds the book until it
 * ends; it names who holds it, so the one refused can say who and since when. A lock left
 * by a process that died (same host, that pid no longer running) is taken over, and the
 * command says so. Every command locks, dry runs included: a reader must not see a CSV
 * book halfway through a commit, and it may have to finish one (recoverCommit).
 */
const LockHolder = z.object({
  command: z.string(),
  user: z.string(),
  pid: z.number().int(),
  host: z.string(),
  since: z.string(),
});
type LockHolder = z.infer<typeof LockHolder>;

/** A lock file still empty this long after it was made belongs to a command killed while making it. */
const EMPTY_LOCK_STALE_MS = 10_000;
/** Tries to create the lock: a lock released or taken over between two tries is tried again, a few times. */
const MAX_ATTEMPTS = 5;

export interface BookLock {
  release(): Promise<void>;
}

export function lockPath(location: string): string {
  return besideLocation(location, 'tierwise-lock');
}

/**
 * Locks the book at `location` (resolved by realLocation) for `command`. A folder where no
 * file can be made (read-only, or missing) cannot be locked and needs none: no command can
 * write there either, and a command that tries gets its own sentence from the writer.
 */
export async function lockBook(location: string, command: string, say: (line: string) => void): Promise<BookLock> {
  const path = lockPath(location);
  const holder: LockHolder = { command, user: currentUser(), pid: process.pid, host: hostname(), since: new Date().toISOString() };
  const text = `${JSON.stringify(holder)}\n`;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    try {
      const handle = await open(path, 'wx', 0o644);
      try {
        await handle.writeFile(text);
      } finally {
        await handle.close();
      }
      return { release: () => releaseIfOurs(path, text) };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EACCES' || code === 'EROFS' || code === 'EPERM' || code === 'ENOENT') return { release: async () => undefined };
      if (code !== 'EEXIST') throw error;
    }
    const found = await readLock(path);
    if (found === null) continue;
    if (found.stale) {
      await removeIfSame(path, found.text);
      say(`tierwise: ${location} was locked by ${who(found.holder)}, which is no longer running; Tierwise took the lock over.`);
      continue;
    }
    if (found.holder === null) throw new BookError(`${location} is in use by another Tierwise command that is just starting (${path}); nothing was changed — try again in a moment.`);
    throw new BookError(
      `${location} is in use by ${who(found.holder)} since ${found.holder.since}; nothing was changed — run the command again when it has finished (if that command is no longer running, delete ${path}).`,
    );
  }
  throw new BookError(`${location} could not be locked: ${path} keeps coming back; nothing was changed — delete it if no Tierwise command is running.`);
}

function who(holder: LockHolder | null): string {
  if (holder === null) return 'a Tierwise command that was stopped while it started';
  return `tierwise ${holder.command} run by ${holder.user} (pid ${holder.pid} on ${holder.host})`;
}

function currentUser(): string {
  try {
    return userInfo().username;
  } catch {
    return `uid ${process.getuid?.() ?? '?'}`;
  }
}

/** The lock's holder (null while a holder is still writing it), whether it is stale, and its text; null when the lock is gone. */
async function readLock(path: string): Promise<{ holder: LockHolder | null; stale: boolean; text: string } | null> {
  let text: string;
  let age: number;
  try {
    [text, age] = await Promise.all([readFile(path, 'utf8'), stat(path).then((s) => Date.now() - s.mtimeMs)]);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  let holder: LockHolder | null = null;
  try {
    holder = LockHolder.parse(JSON.parse(text));
  } catch {
    return { holder: null, stale: age > EMPTY_LOCK_STALE_MS, text };
  }
  return { holder, stale: holder.host === hostname() && !running(holder.pid), text };
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes a stale lock only if it still holds what was read, so that of two commands
 * taking over the same stale lock, the second does not remove the first one's new lock
 * (a window of one read and one unlink remains; the O_EXCL create after it is exact).
 */
async function removeIfSame(path: string, text: string): Promise<void> {
  const now = await readFile(path, 'utf8').catch(() => null);
  if (now === text) await rm(path, { force: true });
}

async function releaseIfOurs(path: string, text: string): Promise<void> {
  await removeIfSame(path, text);
}
