import { recycle } from '../../app/recycle.js';
import { summarizeBook } from '../../app/summary.js';
import { describeRecycle } from '../owner-report.js';
import { BOOK_OPTIONS_USAGE, bookCommand } from './book-command.js';

export const recycleCommand = bookCommand(
  {
    name: 'recycle',
    summary: 'warn about stale customers, and send those still stale after the warning back to the pool',
    usage: `tierwise recycle BOOK [--dry-run] [--out PATH | --in-place] [--settings FILE] [--as-of YYYY-MM-DD] [--json] [--debug]

  A customer that turns stale (pool.* settings) is first flagged in TW Flags with the day it
  recycles; if still stale on that day, its Owner is cleared (logged in TW Log) and the old
  owner cannot take it back for pool.cooldownDays. At most pool.maxPerRun per run.

  --dry-run     show what would happen; write and save nothing
${BOOK_OPTIONS_USAGE}`,
    extra: { 'dry-run': { type: 'boolean' } },
  },
  {
    run: (context, options) => recycle({ ...context, dryRun: options.values['dry-run'] === true }),
    saves: (outcome) => !outcome.recycle.dryRun,
    summarize: (outcome, options, output) => summarizeBook('recycle', options.asOfDay, output, outcome.facts, { recycle: outcome.recycle }),
    describe: (summary) => describeRecycle(summary),
  },
);
