import { type Stats } from 'node:fs';
import { mkdir, open, readFile, rename, rm, rmdir, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import { errnoText, isErrnoCode } from '../errors.js';
import { BookError } from './book-error.js';
import { faultPoint } from './fault-point.js';
import { sha256 } from './fingerprint.js';
import { besideLocation, realLocation } from './real-location.js';

/**
 * Committing a book: every file a command writes is replaced together or not at all
 * (issue 12 item 1; issue 9 item 4 for .xlsx). A CSV book is several files, and a kill
 * between two renames used to leave customers.csv with new owners but no log rows and no
 * undo record. So:
 *
 * 1. a journal in phase `prepare` names the temporary files about to be written;
 * 2. each new file is written to a temporary file beside its target (same folder, so the
 *    rename is atomic), with the old file's mode and owner, and fsynced; while the disk
 *    writes, the writer's own check runs on the same bytes (an .xlsx reopened, a CSV re-read);
 * 3. the caller's last look (every input unchanged since it was read) runs;
 * 4. the journal moves to phase `commit`, listing each file's SHA-256, and is fsynced;
 * 5. the renames; the folders are fsynced; the journal is deleted.
 *
 * The journal itself is written to a temporary file and renamed, so it is always whole.
 * A command that fails before step 4 and lives removes its temporary files (a full disk
 * leaves nothing behind); one that is killed leaves the journal, and the next command on
 * the book (recoverCommit, under the book's lock) finishes the renames when the journal
 * says `commit` and every file checks out, or deletes the temporary files when it says
 * `prepare`. A kill at any moment leaves the old book or the new one, never a mix.
 */

/** One file of a commit: its new bytes, and the writer's check of them. */
export interface StagedFile {
  /** Where it goes; a symbolic link there is followed and its target replaced, so the link stays. */
  readonly target: string;
  readonly bytes: Uint8Array;
  /** Throws (or rejects) when the bytes are not what the writer meant; runs before anything is replaced. */
  readonly check?: (bytes: Uint8Array) => void | Promise<void>;
}

const JournalFile = z.object({ temp: z.string(), target: z.string(), sha256: z.string() });
const Journal = z.object({
  phase: z.enum(['prepare', 'commit']),
  /** A folder this commit made (a new CSV --out), removed again if the commit is rolled back. */
  madeFolder: z.string().nullable(),
  files: z.array(JournalFile),
});
type Journal = z.infer<typeof Journal>;

export interface CommitOptions {
  /** The last look before anything is replaced; throws to call the commit off. */
  readonly beforeCommit?: () => Promise<void>;
  /** The folder the files go into, made when missing (a CSV --out to a new place). */
  readonly folder?: string;
}

/** The journal of the book at `location` (a file or a CSV folder, already resolved by realLocation). */
export function journalPath(location: string): string {
  return besideLocation(location, 'tierwise-journal');
}

/** Commits `files` as one transaction; `location` is the book they make up. */
export async function commitFiles(location: string, files: readonly StagedFile[], options: CommitOptions = {}): Promise<void> {
  const journal = journalPath(location);
  const madeFolder = options.folder === undefined ? null : await makeFolder(options.folder);
  const planned = await Promise.all(
    files.map(async (file) => {
      const target = await realLocation(file.target);
      return { ...file, target, temp: join(dirname(target), `.${basename(target)}.tierwise-${process.pid}.tmp`), old: await statIfExists(target) };
    }),
  );
  const entries = planned.map((file) => ({ temp: file.temp, target: file.target, sha256: sha256(file.bytes) }));
  try {
    await writeJournal(journal, { phase: 'prepare', madeFolder, files: entries });
    faultPoint('prepare');
    // The checks take the main thread while the writes and fsyncs run on libuv's pool.
    const written = Promise.allSettled(planned.map((file) => writeTemp(file.temp, file.bytes, file.old)));
    let checked: unknown = null;
    for (const file of planned) {
      try {
        await file.check?.(file.bytes);
      } catch (error) {
        checked ??= new BookError(`${file.target} was not written: the new file failed its check (${(error as Error).message}); nothing was changed.`);
      }
    }
    const failed = (await written).find((outcome) => outcome.status === 'rejected');
    if (failed) throw failed.reason;
    if (checked) throw checked;
    faultPoint('temps');
    await options.beforeCommit?.();
    await writeJournal(journal, { phase: 'commit', madeFolder, files: entries });
    faultPoint('journal');
  } catch (error) {
    await rollBack(journal, { phase: 'prepare', madeFolder, files: entries });
    throw writeFailure(error, planned.find((file) => (error as { path?: string }).path === file.temp)?.target ?? location);
  }
  await renameAll(journal, entries);
}

/**
 * Finishes or undoes a commit that a killed command left behind, and says which; nothing
 * to do when the book has no journal. Runs under the book's lock, before it is read.
 */
export async function recoverCommit(location: string, say: (line: string) => void): Promise<void> {
  const journal = journalPath(location);
  // A journal cut while being written: its previous phase (if any) is still in place.
  await rm(`${journal}.tmp`, { force: true });
  let text: string;
  try {
    text = await readFile(journal, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  let parsed: Journal;
  try {
    parsed = Journal.parse(JSON.parse(text));
  } catch {
    throw new BookError(`${journal} is not a Tierwise journal Tierwise can read; move it away and check ${location} by hand before running a command on it.`);
  }
  if (parsed.phase === 'commit' && (await allCheckOut(parsed.files))) {
    await renameAll(journal, parsed.files);
    say(`tierwise: the last command on ${location} was stopped while it saved; its files were all put in place (rolled forward), so the book holds that command's result.`);
    return;
  }
  if (parsed.phase === 'commit' && !(await allTempsPresent(parsed.files))) {
    throw new BookError(`the last command on ${location} was stopped while it saved and some of its new files are damaged; ${journal} lists them, check the book by hand and then delete it.`);
  }
  await rollBack(journal, parsed);
  say(`tierwise: the last command on ${location} was stopped before it saved; its unfinished files were removed (rolled back), so the book is as it was before it.`);
}

async function makeFolder(folder: string): Promise<string | null> {
  try {
    await mkdir(folder);
    return await realLocation(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return null;
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      await mkdir(folder, { recursive: true });
      return null;
    }
    throw error;
  }
}

/** Written whole or not at all: a temporary journal, fsynced, renamed over the journal, the folder fsynced. */
async function writeJournal(path: string, journal: Journal): Promise<void> {
  await writeTemp(`${path}.tmp`, Buffer.from(`${JSON.stringify(journal)}\n`), null);
  await rename(`${path}.tmp`, path);
  await syncFolder(dirname(path));
}

/** The new file, created exclusively, with the replaced file's mode and (where allowed) owner, fsynced. */
async function writeTemp(path: string, bytes: Uint8Array, old: Stats | null): Promise<void> {
  const handle = await open(path, 'wx', old === null ? 0o666 : old.mode & 0o7777);
  try {
    if (old !== null) {
      // open() applies the umask; chmod does not, so a 0600 book stays 0600 and a 0664 one 0664.
      await handle.chmod(old.mode & 0o7777);
      await handle.chown(old.uid, old.gid).catch((error: NodeJS.ErrnoException) => {
        // Only root may give a file away; a user replacing a group-writable book becomes its owner.
        if (error.code !== 'EPERM') throw error;
      });
    }
    let offset = 0;
    while (offset < bytes.length) offset += (await handle.write(bytes, offset, bytes.length - offset)).bytesWritten;
    await handle.sync();
  } catch (error) {
    Object.assign(error as object, { path });
    throw error;
  } finally {
    await handle.close();
  }
}

async function renameAll(journal: string, files: readonly z.infer<typeof JournalFile>[]): Promise<void> {
  for (const [i, file] of files.entries()) {
    if ((await statIfExists(file.temp)) !== null) await rename(file.temp, file.target);
    faultPoint(`rename-${i + 1}`);
  }
  for (const folder of new Set(files.map((file) => dirname(file.target)))) await syncFolder(folder);
  await rm(journal, { force: true });
  faultPoint('committed');
}

async function rollBack(journal: string, { madeFolder, files }: Journal): Promise<void> {
  await Promise.all(files.map((file) => rm(file.temp, { force: true })));
  if (madeFolder !== null) await rmdir(madeFolder).catch(() => undefined);
  await rm(`${journal}.tmp`, { force: true });
  await rm(journal, { force: true });
}

/** Every file is either its complete temporary file or already renamed into place. */
async function allCheckOut(files: readonly z.infer<typeof JournalFile>[]): Promise<boolean> {
  for (const file of files) {
    const bytes = (await readIfExists(file.temp)) ?? (await readIfExists(file.target));
    if (bytes === null || sha256(bytes) !== file.sha256) return false;
  }
  return true;
}

/** Nothing was renamed yet, so dropping the temporary files leaves the old book whole. */
async function allTempsPresent(files: readonly z.infer<typeof JournalFile>[]): Promise<boolean> {
  for (const file of files) if ((await statIfExists(file.temp)) === null) return false;
  return true;
}

async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } catch (error) {
    // Some file systems cannot fsync a directory; the renames are still atomic.
    if (!['EINVAL', 'EISDIR', 'EBADF'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
  } finally {
    await handle.close();
  }
}

async function statIfExists(path: string): Promise<Stats | null> {
  try {
    return await stat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

async function readIfExists(path: string): Promise<Buffer | null> {
  try {
    return await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** A write the system refused, as one sentence naming the file; anything else (a failed check, a refusal) as it is. */
function writeFailure(error: unknown, target: string): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === undefined || !isErrnoCode(code)) return error;
  return new BookError(`${target} could not be written: ${errnoText(code)}; nothing was changed.`);
}
