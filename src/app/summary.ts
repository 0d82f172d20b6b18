import { z } from 'zod';
import { Issue } from '../core/issue.js';
import { DerivedCustomersFacts } from '../core/parse/derive-customers.js';
import type { RescoreOutcome } from './rescore.js';
import { formatDay } from '../core/parse/days.js';

const Count = z.number().int().min(0);
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** A customer left out of a command's work, with the sentence saying why. */
const Skipped = z.array(z.object({ customerId: z.string(), reason: z.string() }));

export const AssignSection = z.object({
  /** Apply writes the proposals of this run. */
  runId: z.string(),
  strategy: z.enum(['match', 'round-robin', 'balanced', 'claim']),
  rebalance: z.boolean(),
  /** Customers given a proposed owner (under rebalance, those kept by their owner included). */
  proposed: Count,
  /** Of them, those whose owner would change. */
  changes: Count,
  /** Customers not up for an owner: they keep theirs. */
  kept: Count,
  /** Customers that could not be placed, each with why. */
  unplaced: Skipped,
  /** Load per rep after the proposals, in name order. */
  perRep: z.array(
    z.object({
      rep: z.string(),
      /** False for a rep the Reps tab marks inactive: kept out of proposals, listed so their load shows. */
      active: z.boolean(),
      kept: Count,
      proposed: Count,
      count: Count,
      aCount: Count,
      score: z.number(),
      capacity: Count.nullable(),
      aCap: Count.nullable(),
    }),
  ),
  /** Total fit of the placed proposals (what `match` maximises). */
  objective: z.number(),
  /** Gini of total score across active reps after the proposals: 0 is an even spread. */
  gini: z.number(),
});

export const ApplySection = z.object({ runId: z.string(), applied: Count, skipped: Skipped });
export const UndoSection = z.object({ runId: z.string(), reverted: Count, skipped: Skipped });

/** A stale customer the run did not recycle: whose it is, the day it goes (or went) due, and why it is stale. */
const StaleCustomer = z.object({ customerId: z.string(), owner: z.string(), recycleOn: Day, reasons: z.array(z.string()) });

/** Every stale owned customer is in exactly one of newWarnings, warned, recycled and deferred. */
export const RecycleSection = z.object({
  /** Null on a dry run, which logs nothing. */
  runId: z.string().nullable(),
  dryRun: z.boolean(),
  /** Turned stale on this run: flagged now, recycled on `recycleOn` unless contacted. */
  newWarnings: z.array(StaleCustomer),
  /** Flagged by an earlier run and still in their warning period. */
  warned: z.array(StaleCustomer),
  recycled: z.array(z.object({ customerId: z.string(), from: z.string(), reason: z.string() })),
  /** Due, but left for the next run by `pool.maxPerRun`. */
  deferred: z.array(StaleCustomer),
});

export const ClaimSection = z.object({
  runId: z.string(),
  customerId: z.string(),
  rep: z.string(),
  from: z.string(),
  /** Customers of the same company taken along with it, so the company keeps one owner. */
  sameCompany: z.array(z.string()),
});

/**
 * The `--json` summary every command prints (DESIGN §3): one object, validated before it
 * is printed, documented in the README. Sections beyond the common ones appear for the
 * commands that produce them.
 */
export const Summary = z.object({
  command: z.string(),
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** Where the result was written; null for a command that writes nothing. */
  output: z.string().nullable(),
  customers: z.number().int().min(0),
  tiers: z.object({ A: z.number().int(), B: z.number().int(), C: z.number().int() }),
  segments: z.record(z.string(), z.number().int()),
  issues: z.array(Issue),
  notes: z.array(z.string()),
  movement: z.object({ up: z.number().int(), down: z.number().int(), new: z.number().int() }).nullable(),
  /** What the score rested on (issue 10 item 2); present for every command that scores the book (not apply or undo). */
  score: z
    .object({
      /** The dimensions that scored, with their relative weights. */
      dimensions: z.array(z.object({ label: z.string(), source: z.string(), weight: z.number() })),
      /** True when spend, orders, recency and (reliable) CLV from the deals stood in for the default dimensions, the Customers tab having fewer than two of them. */
      fromDeals: z.boolean(),
      /** False when every customer scored the same: nobody has a tier, and `tiers` counts 0 in each. */
      tiered: z.boolean(),
    })
    .optional(),
  /** Present when the book had no Customers tab and the run made it from the deals' distinct customers (issue 10 item 1). */
  customersDerived: DerivedCustomersFacts.optional(),
  /** What reading the Deals tab did (issue 10); present when the tab was read. */
  deals: z
    .object({
      /** Refund rows on or before the as-of date: negative amounts and refunded / returned / voided statuses. */
      refunds: Count,
      /** Customers whose refunds leave them with a net spend of 0 or less. */
      netSpendAtOrBelowZero: Count,
      /** Lines added into an order that shares their Deal ID, and the orders they went into. */
      linesMerged: Count,
      ordersMerged: Count,
      /** Rows with data but no customer id (blank, or a placeholder such as `(blank)` or `N/A`). */
      missingIds: Count,
      /** Rows whose customer was found by its id, or where it had none by e-mail, phone or name (the notes name the columns). */
      keyedBy: z.object({ id: Count, email: Count, phone: Count, name: Count }),
    })
    .optional(),
  /** Present when CLV was computed (a Deals tab and `clv.enabled`). */
  clv: z
    .object({
      /** The model's time unit: rates, t_x, T and the horizon are in it. */
      unit: z.enum(['days', 'weeks', 'months']),
      horizon: z.number(),
      model: z.object({ r: z.number(), alpha: z.number(), a: z.number(), b: z.number(), logLikelihood: z.number(), converged: z.boolean() }).nullable(),
      spend: z.object({ p: z.number(), q: z.number(), gamma: z.number(), logLikelihood: z.number() }).nullable(),
      /** Why values fell back to history; null when all are the model's. */
      fallbackReason: z.string().nullable(),
      /** False when the model cannot be trusted (too little repeat buying, a fit at the edge of its range, no fit): CLV and P(alive) then carry no score. */
      reliable: z.boolean(),
      warnings: z.array(z.string()),
      churnRisk: z.number().int(),
    })
    .optional(),
  /** `propose`: the saved run. */
  assign: AssignSection.optional(),
  /** `apply`: what was written into the Owner column, and what was not and why. */
  apply: ApplySection.optional(),
  /** `undo`: what was put back, and what was left alone and why. */
  undo: UndoSection.optional(),
  /** `recycle`: warnings given and customers sent back to the pool. */
  recycle: RecycleSection.optional(),
  /** `claim`: the customer a rep took from the pool. */
  claim: ClaimSection.optional(),
});
export type Summary = z.infer<typeof Summary>;

/** The part of a summary every command has: the book as read and scored. */
export const BookFacts = Summary.pick({ customers: true, tiers: true, segments: true, issues: true, notes: true, score: true, customersDerived: true, deals: true });
export type BookFacts = z.infer<typeof BookFacts>;

type Sections = Pick<Summary, 'assign' | 'apply' | 'undo' | 'recycle' | 'claim'>;

/** The summary of a command other than a rescore: the book's facts and the command's own section. */
export function summarizeBook(command: string, asOfDay: number, output: string | null, facts: BookFacts, sections: Sections): Summary {
  return Summary.parse({ command, asOf: formatDay(asOfDay), output, ...facts, movement: null, ...sections });
}


/** The common part of every command's summary, from a rescore. */
export function summarizeRescore(command: string, asOfDay: number, output: string | null, outcome: RescoreOutcome): Summary {
  const { scores, movement, ...facts } = outcome;
  return Summary.parse({ command, asOf: formatDay(asOfDay), output, ...facts, movement, clv: clvSection(scores) });
}

function clvSection(scores: RescoreOutcome['scores']): Summary['clv'] {
  const clv = scores.clv;
  if (!clv) return undefined;
  const { unit, horizon, model, spend, fallbackReason, reliable, warnings } = clv.result;
  return {
    unit,
    horizon,
    model: model && { r: model.r, alpha: model.alpha, a: model.a, b: model.b, logLikelihood: model.logLikelihood, converged: model.converged },
    spend: spend && { p: spend.p, q: spend.q, gamma: spend.gamma, logLikelihood: spend.logLikelihood },
    fallbackReason,
    reliable,
    warnings,
    churnRisk: clv.churnRisk.reduce((sum, flag) => sum + flag, 0),
  };
}
