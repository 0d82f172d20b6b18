/**
 * Failures as the user reads them: one sentence on one line, naming the file when there is
 * one. Refusals we make ourselves are InputErrors whose message is already that sentence;
 * what the system refuses (a full disk, a missing folder) arrives as an errno error and is
 * put into words here, in one place, so every command says it the same way.
 */

/** A refusal whose message is the whole sentence for the user, file named: printed as it is. */
export class InputError extends Error {}

/** Plain words for the errno codes a command can meet while reading and writing files (errno(3)). */
const ERRNO_WORDS: Readonly<Record<string, string>> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EROFS: 'the disk is read-only',
  EACCES: 'permission denied',
  EPERM: 'the operation is not permitted',
  ENOENT: 'no such file or folder',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'it is a folder, not a file',
  EEXIST: 'something with that name is already there',
  ENOTEMPTY: 'the folder is not empty',
  EMFILE: 'too many files are open',
  ENFILE: 'too many files are open on this computer',
  EIO: 'the disk reported an input/output error',
  ENAMETOOLONG: 'the name is too long',
  ELOOP: 'the path has too many symbolic links (a loop?)',
  EXDEV: 'it is on another disk',
  EBUSY: 'the file is busy',
  ETXTBSY: 'the file is busy',
  EAGAIN: 'the file is not ready to be read',
  EFBIG: 'the file would be larger than this system allows',
  ENXIO: 'there is no device behind it',
  EINVAL: 'the operation is not valid for it',
};

/** What a failing system call was doing, as a verb for "could not … PATH". */
const SYSCALL_VERBS: Readonly<Record<string, string>> = {
  open: 'open',
  read: 'read',
  write: 'write',
  rename: 'replace',
  mkdir: 'create the folder',
  rmdir: 'remove the folder',
  unlink: 'remove',
  stat: 'look at',
  lstat: 'look at',
  fstat: 'look at',
  scandir: 'list the folder',
  copyfile: 'copy to',
  fsync: 'save',
  close: 'close',
};

type ErrnoError = Error & { code: string; syscall?: string; path?: string; dest?: string };

/** Whether an error's `code` is a system errno name (ENOSPC), not one of Node's own (ERR_…). */
export function isErrnoCode(code: string): boolean {
  return /^E[A-Z0-9]+$/.test(code);
}

function isErrnoError(error: unknown): error is ErrnoError {
  return error instanceof Error && typeof (error as ErrnoError).code === 'string' && isErrnoCode((error as ErrnoError).code);
}

/** "the disk is full (ENOSPC)": the words for an errno code, the code kept for a search. */
export function errnoText(code: string): string {
  return `${ERRNO_WORDS[code] ?? 'the system refused'} (${code})`;
}

/**
 * The one sentence for a failure we did not foresee. An errno error names its file and says
 * what the system said, e.g. "could not write out/book.xlsx: the disk is full (ENOSPC)";
 * anything else is an unexpected error, with its message on one line.
 */
export function unexpectedSentence(error: unknown): string {
  if (isErrnoError(error)) {
    const verb = SYSCALL_VERBS[error.syscall ?? ''] ?? 'use';
    const path = error.syscall === 'rename' && error.dest ? error.dest : error.path;
    return path === undefined ? `could not ${verb} a file: ${errnoText(error.code)}` : `could not ${verb} ${path}: ${errnoText(error.code)}`;
  }
  const message = error instanceof Error ? error.message : String(error);
  return `unexpected error: ${oneLine(message)} (run again with --debug to see where it happened)`;
}

/** Text on one line: a message that spans lines would read as several failures. */
export function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}
