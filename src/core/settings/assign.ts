import { z } from 'zod';
import { TierName } from '../score/tier-name.js';

const LevelFit = z.object({ senior: z.number(), mid: z.number(), junior: z.number() });

export const AssignSettings = z.object({
  strategy: z.enum(['match', 'round-robin', 'balanced', 'claim']).default('match'),
  /** Fit of a tier-A/B/C customer with a senior/mid/junior rep. */
  levelFit: z
    .object({
      A: LevelFit.default({ senior: 10, mid: 6, junior: 2 }),
      B: LevelFit.default({ senior: 6, mid: 8, junior: 5 }),
      C: LevelFit.default({ senior: 2, mid: 5, junior: 8 }),
    })
    .prefault({}),
  bonus: z
    .object({ region: z.number().default(4), industry: z.number().default(3), keep: z.number().default(5) })
    .prefault({}),
  /** When true a rep must cover the customer's region (industry); otherwise it is a preference. */
  requireRegion: z.boolean().default(false),
  requireIndustry: z.boolean().default(false),
  /** No rep's share of the total score above its fair share × (1 + tolerance). */
  valueBalance: z.object({ enabled: z.boolean().default(false), tolerance: z.number().min(0).default(0.2) }).prefault({}),
  /** Round robin: relative turns per rep name (default 1 each). */
  weights: z.record(z.string(), z.number().positive()).default({}),
  /** Balanced: lowest load by customer count or by total score. */
  balanceBy: z.enum(['count', 'score']).default('count'),
  /** Reps who started less than `days` ago may hold only these tiers. 0 switches it off. */
  growth: z.object({ days: z.number().int().min(0).default(90), tiers: z.array(TierName).default(['B', 'C']) }).prefault({}),
  /**
   * Duplicates: a company name, e-mail, domain or phone found on more customers than this
   * is taken as a shared value (a generic name, a switchboard), not as one company.
   */
  duplicateKeyLimit: z.number().int().min(2).default(10),
  /** Caps for reps whose Reps row leaves them blank; null means no cap. */
  defaultCapacity: z.number().int().min(0).nullable().default(null),
  defaultACap: z.number().int().min(0).nullable().default(null),
  /**
   * The dashboard's period in days: conversion counts deals closed in the last period;
   * a customer is lost when it bought in the period before and not in this one.
   */
  metricsPeriodDays: z.number().int().positive().default(90),
});
export type AssignSettings = z.infer<typeof AssignSettings>;
