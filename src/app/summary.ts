import { z } from 'zod';
import { Issue } from '../core/issue.js';
import type { RescoreOutcome } from './rescore.js';
import { formatDay } from '../core/parse/days.js';

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
      warnings: z.array(z.string()),
      churnRisk: z.number().int(),
    })
    .optional(),
});
export type Summary = z.infer<typeof Summary>;


/** The common part of every command's summary, from a rescore. */
export function summarizeRescore(command: string, asOfDay: number, output: string | null, outcome: RescoreOutcome): Summary {
  return Summary.parse({
    command,
    asOf: formatDay(asOfDay),
    output,
    customers: outcome.scores.customers.ids.length,
    tiers: outcome.tiers,
    segments: outcome.segments,
    issues: outcome.issues,
    notes: outcome.notes,
    movement: outcome.movement,
    clv: clvSection(outcome),
  });
}

function clvSection(outcome: RescoreOutcome): Summary['clv'] {
  const clv = outcome.scores.clv;
  if (!clv) return undefined;
  const { unit, horizon, model, spend, fallbackReason, warnings } = clv.result;
  return {
    unit,
    horizon,
    model: model && { r: model.r, alpha: model.alpha, a: model.a, b: model.b, logLikelihood: model.logLikelihood, converged: model.converged },
    spend: spend && { p: spend.p, q: spend.q, gamma: spend.gamma, logLikelihood: spend.logLikelihood },
    fallbackReason,
    warnings,
    churnRisk: clv.churnRisk.reduce((sum, flag) => sum + flag, 0),
  };
}
