import type { ActorRequest } from '../../app/ports.js';
import type { Summary } from '../../app/summary.js';
import { existsSync } from 'node:fs';
import { BookError } from '../book/book-error.js';
import { lockBook } from '../book/book-lock.js';
import { faultPoint } from '../book/fault-point.js';
import { openLocalBook, siblingOutPath } from '../book/local-book.js';
import { realLocation } from '../book/real-location.js';
import { recoverCommit } from '../book/transaction.js';
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
export const BOOK_OPTIONS_USAGE = `  BOOK          an .xlsx or .xlsm workbook, or a folder with customers.csv, deals.csv, reps.csv
  --out PATH    write the result there (default: BOOK.tierwise.xlsx, .xlsm or BOOK.tierwise/)
  --in-place    write the result back into BOOK
  --settings    a JSON file with only the settings you change, e.g. {"rfm": {"binning": "r-rfm"}}
  --as-of       the day the analysis is made on (default: today); deals after it are ignored
  --json        print only the JSON summary on stdout`;

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
      const context = { workbook: book.workbook, state: book.state, clock: systemClock, settings: options.settings, asOfDay: options.asOfDay, actor: 'cli' };
      const outcome = step.run(context, options);
      if (!(step.saves?.(outcome, options) ?? true)) return { outcome, output: null };
      const output = options.inPlace ? book.path : (options.out ?? siblingOutPath(book.path, book.kind));
      const sameBook = (await realLocation(output)) === (await realLocation(book.path));
      if (sameBook) await book.save(output);
      else await withBookLock(output, session, () => book.save(output));
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
