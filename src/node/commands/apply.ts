import { apply } from '../../app/apply.js';
import { summarizeBook } from '../../app/summary.js';
import { describeApply } from '../owner-report.js';
import { BOOK_OPTIONS_USAGE, bookCommand } from './book-command.js';

export const applyCommand = bookCommand(
  {
    name: 'apply',
    summary: 'write the saved proposals of the last propose run into the Owner column',
    usage: `tierwise apply BOOK [--only ID,…] [--out PATH | --in-place] [--settings FILE] [--as-of YYYY-MM-DD] [--json] [--debug]

  Writes the proposals saved by the last tierwise propose on this book (not a fresh
  computation) and logs each change in TW Log. Customers whose Owner changed since the
  proposal are left as they are and listed. Exits 1 when there are no saved proposals.

  --only ID,…   apply only these customers' proposals
${BOOK_OPTIONS_USAGE}`,
    extra: { only: { type: 'string' } },
  },
  {
    run: (context, options) => apply({ ...context, only: idList(options.values.only) }),
    summarize: (outcome, options, output) => summarizeBook('apply', options.asOfDay, output, outcome.facts, { apply: outcome.apply }),
    describe: (summary) => describeApply(summary),
  },
);

function idList(value: string | boolean | undefined): string[] | undefined {
  if (typeof value !== 'string') return undefined;
  return value.split(',').map((id) => id.trim()).filter((id) => id !== '');
}
