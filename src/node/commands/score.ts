import { rescore } from '../../app/rescore.js';
import { summarizeRescore } from '../../app/summary.js';
import { describeRescore } from '../report.js';
import { BOOK_OPTIONS_USAGE, bookCommand } from './book-command.js';

export const scoreCommand = bookCommand(
  {
    name: 'score',
    summary: 'score every customer: value score, tier, RFM, CLV, why',
    usage: `tierwise score BOOK [--out PATH | --in-place] [--settings FILE] [--as-of YYYY-MM-DD] [--json] [--debug]

${BOOK_OPTIONS_USAGE}`,
  },
  {
    run: (context) => rescore(context),
    summarize: (outcome, options, output) => summarizeRescore('score', options.asOfDay, output, outcome),
    describe: (summary, outcome, options) => describeRescore(summary, outcome, options.book),
  },
);
