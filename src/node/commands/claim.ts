import { claim } from '../../app/claim.js';
import { summarizeBook } from '../../app/summary.js';
import { UsageError } from '../options.js';
import { describeClaim } from '../owner-report.js';
import { BOOK_OPTIONS_USAGE, bookCommand } from './book-command.js';

export const claimCommand = bookCommand(
  {
    name: 'claim',
    summary: 'let a rep take a customer from the pool, within the daily limit and the caps',
    usage: `tierwise claim BOOK --rep NAME --customer ID [--out PATH | --in-place] [--settings FILE] [--as-of YYYY-MM-DD] [--json] [--debug]

  Writes the rep into the customer's Owner cell and logs it in TW Log. Only a customer
  without a valid owner can be claimed, up to pool.claimLimitPerDay a day, within the rep's
  holding limit and A cap. A refused claim exits 1 with the reason.

  --rep NAME      the rep's name or e-mail as in the Reps tab
  --customer ID   the Customer ID to claim
${BOOK_OPTIONS_USAGE}`,
    extra: { rep: { type: 'string' }, customer: { type: 'string' } },
  },
  {
    run: (context, options) => claim({ ...context, rep: required(options.values.rep, '--rep NAME'), customerId: required(options.values.customer, '--customer ID') }),
    summarize: (outcome, options, output) => summarizeBook('claim', options.asOfDay, output, outcome.facts, { claim: outcome.claim }),
    describe: (summary) => describeClaim(summary),
  },
);

function required(value: string | boolean | undefined, option: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`${option} is required`);
  return value;
}
