import { propose } from '../../app/propose.js';
import { summarizeBook } from '../../app/summary.js';
import { describePropose } from '../owner-report.js';
import { BOOK_OPTIONS_USAGE, bookCommand } from './book-command.js';

export const proposeCommand = bookCommand(
  {
    name: 'propose',
    summary: 'propose an owner for each customer without a valid one, with reasons',
    usage: `tierwise propose BOOK [--rebalance] [--out PATH | --in-place] [--settings FILE] [--as-of YYYY-MM-DD] [--json] [--debug]

  Writes TW Proposed Owner, TW Reason and TW Fit, and saves the proposals in the book for
  tierwise apply. The Owner column is not touched.

  --rebalance   propose every customer, not only those without a valid owner
${BOOK_OPTIONS_USAGE}`,
    extra: { rebalance: { type: 'boolean' } },
  },
  {
    run: (context, options) => propose({ ...context, rebalance: options.values.rebalance === true, madeBy: { actor: context.actor, role: 'command' } }),
    summarize: (outcome, options, output) => summarizeBook('propose', options.asOfDay, output, outcome.facts, { assign: outcome.assign }),
    describe: (summary, _outcome, options) => describePropose(summary, options.book),
  },
);
