import type { ActorRequest } from '../../app/ports.js';
import type { Summary } from '../../app/summary.js';
import { openLocalBook, siblingOutPath } from '../book/local-book.js';
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
export const BOOK_OPTIONS_USAGE = `  BOOK          an .xlsx or .xlsm workbook, a folder with customers.csv, deals.csv, reps.csv,
                or one CSV export (its deals; the customers are made from them)
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
      const { outcome, output } = await runOnBook(options, step);
      const summary = step.summarize(outcome, options, output);
      io.stdout.write(options.json ? `${JSON.stringify(summary, null, 2)}\n` : step.describe(summary, outcome, options));
      return 0;
    },
  };
}

/** Opens the book, runs the step's use case as `cli` and saves the book unless the step says not to; `output` is where it went, or null. */
export async function runOnBook<Outcome>(options: BookOptions, step: Pick<BookStep<Outcome>, 'run' | 'saves'>): Promise<{ outcome: Outcome; output: string | null }> {
  const book = await openLocalBook(options.book, options.settings.tabs, options.settings.columns.customers);
  const context = { workbook: book.workbook, state: book.state, clock: systemClock, settings: options.settings, asOfDay: options.asOfDay, actor: 'cli' };
  const outcome = step.run(context, options);
  if (!(step.saves?.(outcome, options) ?? true)) return { outcome, output: null };
  const output = options.inPlace ? book.path : (options.out ?? siblingOutPath(book.path));
  await book.save(output);
  return { outcome, output };
}
