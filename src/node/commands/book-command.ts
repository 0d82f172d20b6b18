import type { ActorRequest } from '../../app/ports.js';
import type { Summary } from '../../app/summary.js';
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { BookError } from '../book/book-error.js';
import { lockBook } from '../book/book-lock.js';
import { faultPoint } from '../book/fault-point.js';
import { openLocalBook, siblingOutPath, type BookKind } from '../book/local-book.js';
import { realLocation } from '../book/real-location.js';
import { recoverCommit } from '../book/transaction.js';
import { errnoText, InputError, isErrnoCode } from '../errors.js';
import { type CliIo, localToday, systemClock } from '../io.js';
import { type BookOptions, type ExtraOptions, parseBookOptions } from '../options.js';
import type { Command } from './command.js';

/** What every use case is given by the command: the book's ports, the settings, the day, and who asks. */
export type BookContext = ActorRequest;

/** How one command runs its use case over a book and tells the user. */
export interface BookStep<Outcome> {
  run(context: BookContext, options: BookOptions): Outcome;
  /** Whether the outcome is saved; a dry run writes nothing (default: always). */
  saves?(outcome: Outcome, options: BookOptions): boolean;
  summarize(outcome: Outcome, options: BookOptions, output: string | null): Summary;
  describe(summary: Summary, outcome: Outcome, options: BookOptions): string;
}

/** The options every book command takes, for its usage text. */
export const BOOK_OPTIONS_USAGE = `  BOOK          an .xlsx or .xlsm workbook, a folder with customers.csv, deals.csv, reps.csv
                (any case; .tsv or .txt too), or one CSV export (its deals; the customers are made from them)
  --out PATH    write the result there (default: BOOK.tierwise.xlsx, .xlsm or BOOK.tierwise/)
  --in-place    write the result back into BOOK
  --settings    a JSON file with only the settings you change, e.g. {"rfm": {"binning": "r-rfm"}}
  --as-of       the day the analysis is made on (default: today); deals after it are ignored
  --json        print only the JSON summary on stdout
  --debug       on a failure, print the stack trace after the one-line message`;

/**
 * A command over a local book: open it → run the use case → save → print. The actor
 * written into `TW Log` is `cli`.
 */
export function bookCommand<Outcome>(head: Omit<Command, 'run'> & { readonly extra?: ExtraOptions }, step: BookStep<Outcome>): Command {
  return {
    name: head.name,
    summary: head.summary,
    usage: head.usage,
    async run(argv: readonly string[], io: CliIo) {
      const options = parseBookOptions(argv, localToday(), head.extra);
      const { outcome, output } = await runOnBook(options, step, { command: head.name, say: (line) => io.stderr.write(`${line}\n`) });
      const summary = step.summarize(outcome, options, output);
      io.stdout.write(options.json ? `${JSON.stringify(summary, null, 2)}\n` : step.describe(summary, outcome, options));
      return 0;
    },
  };
}

/** Who runs a book command, for the lock (its name) and where it reports a lock taken over or a commit recovered. */
export interface CommandSession {
  readonly command: string;
  say(line: string): void;
}

/**
 * Locks the book, finishes or undoes a commit a killed command left on it, opens it, runs
 * the step's use case as `cli` and saves the book unless the step says not to; the output,
 * when it is another book, is locked and recovered the same way before it is written. The
 * locks are released however the command ends. `output` is where the result went, or null.
 */
export async function runOnBook<Outcome>(
  options: BookOptions,
  step: Pick<BookStep<Outcome>, 'run' | 'saves'>,
  session: CommandSession,
): Promise<{ outcome: Outcome; output: string | null }> {
  if (!existsSync(options.book)) throw new BookError(`${options.book}: no such file or folder`);
  return withBookLock(options.book, session, async () => {
    const book = await openLocalBook(options.book, options.settings.tabs, options.settings.columns.customers);
    faultPoint('read');
    // A saved state that did not read back is told even when the command then fails: it may be why.
    try {
      const output = options.inPlace ? book.path : (options.out ?? siblingOutPath(book.path, book.kind));
      // In place the output is the book itself; a lone CSV file says why it cannot be (lone-csv.ts).
      if (!options.inPlace) checkOutput(output, book.kind);
      const context = { workbook: book.workbook, state: book.state, clock: systemClock, settings: options.settings, asOfDay: options.asOfDay, actor: 'cli' };
      const outcome = step.run(context, options);
      if (!(step.saves?.(outcome, options) ?? true)) return { outcome, output: null };
      const sameBook = (await realLocation(output)) === (await realLocation(book.path));
      let notices: readonly string[];
      try {
        notices = sameBook ? await book.save(output) : await withBookLock(output, session, () => book.save(output));
      } catch (error) {
        throw writeFailure(error, output);
      }
      for (const notice of notices) session.say(`tierwise ${session.command}: ${notice}`);
      return { outcome, output };
    } finally {
      const notice = book.stateNotice();
      if (notice !== null) session.say(`tierwise ${session.command}: ${notice}`);
    }
  });
}

/** Runs `work` holding the lock of the book at `path`, after recovering any commit left on it. */
async function withBookLock<T>(path: string, session: CommandSession, work: () => Promise<T>): Promise<T> {
  const location = await realLocation(path);
  const lock = await lockBook(location, session.command, session.say);
  try {
    await recoverCommit(location, session.say);
    return await work();
  } finally {
    await lock.release();
  }
}

/**
 * An output that cannot be written is said before any work is done: a workbook goes to a
 * file in a folder that exists, a CSV book to a folder (made if missing).
 */
function checkOutput(output: string, kind: BookKind): void {
  const stats = statSync(output, { throwIfNoEntry: false });
  if (kind === 'csv') {
    if (stats && !stats.isDirectory()) throw new InputError(`${output}: this is a file, but a CSV book is written to a folder; give --out a folder. Nothing was written.`);
    return;
  }
  if (stats?.isDirectory()) throw new InputError(`${output}: this is a folder; give --out a file name ending in .${kind}. Nothing was written.`);
  const folder = dirname(resolve(output));
  const parent = statSync(folder, { throwIfNoEntry: false });
  if (!parent?.isDirectory()) throw new InputError(`${output}: the folder ${dirname(output)} ${parent ? 'is a file' : 'does not exist'}; create it or choose another --out. Nothing was written.`);
}

/**
 * A system error while saving names the output the user asked for, not the temporary file
 * next to it that the save was writing: "could not write out/book.xlsx: the disk is full".
 */
function writeFailure(error: unknown, output: string): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  const path = (error as NodeJS.ErrnoException).path;
  if (typeof code !== 'string' || !isErrnoCode(code)) return error;
  // A failed write(2) carries no path; a failed open or rename names the file beside the output.
  const target = resolve(output);
  const inOutput = path === undefined || [target, dirname(target)].includes(resolve(path)) || dirname(resolve(path)) === dirname(target);
  return inOutput ? new InputError(`could not write ${output}: ${errnoText(code)}.`) : error;
}
