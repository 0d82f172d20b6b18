import { rescore } from '../../app/rescore.js';
import { summarizeRescore } from '../../app/summary.js';
import { openLocalBook, siblingOutPath } from '../book/local-book.js';
import { type CliIo, localToday, systemClock } from '../io.js';
import { parseBookOptions } from '../options.js';
import { describeRescore } from '../report.js';
import type { Command } from './command.js';

export const scoreCommand: Command = {
  name: 'score',
  summary: 'score every customer: value score, tier, RFM, CLV, why',
  usage: `tierwise score BOOK [--out PATH | --in-place] [--settings FILE] [--as-of YYYY-MM-DD] [--json]

  BOOK          an .xlsx workbook, or a folder with customers.csv, deals.csv, reps.csv
  --out PATH    write the scored book there (default: BOOK.tierwise.xlsx or BOOK.tierwise/)
  --in-place    write the results back into BOOK
  --settings    a JSON file with only the settings you change, e.g. {"rfm": {"binning": "r-rfm"}}
  --as-of       the day the analysis is made on (default: today); deals after it are ignored
  --json        print only the JSON summary on stdout`,
  async run(argv: readonly string[], io: CliIo) {
    const options = parseBookOptions(argv, localToday());
    const book = await openLocalBook(options.book, options.settings.tabs);
    const outcome = rescore({ workbook: book.workbook, state: book.state, clock: systemClock, settings: options.settings, asOfDay: options.asOfDay });
    const output = options.inPlace ? book.path : (options.out ?? siblingOutPath(book.path));
    await book.save(output);
    const summary = summarizeRescore('score', options.asOfDay, output, outcome);
    io.stdout.write(options.json ? `${JSON.stringify(summary, null, 2)}\n` : describeRescore(summary, outcome, options.book));
    return 0;
  },
};
