import { summarizeBook } from '../../app/summary.js';
import { undo } from '../../app/undo.js';
import { describeUndo } from '../owner-report.js';
import { BOOK_OPTIONS_USAGE, bookCommand } from './book-command.js';

export const undoCommand = bookCommand(
  {
    name: 'undo',
    summary: 'put back the Owner cells the last apply replaced',
    usage: `tierwise undo BOOK [--out PATH | --in-place] [--settings FILE] [--as-of YYYY-MM-DD] [--json] [--debug]

  Reverts the last tierwise apply exactly and logs it in TW Log. A row whose Owner was
  changed by hand since is left alone and listed. Exits 1 when there is nothing to undo.

${BOOK_OPTIONS_USAGE}`,
  },
  {
    run: (context) => undo(context),
    summarize: (outcome, options, output) => summarizeBook('undo', options.asOfDay, output, outcome.facts, { undo: outcome.undo }),
    describe: (summary) => describeUndo(summary),
  },
);
