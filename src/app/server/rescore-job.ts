import { z } from 'zod';
import { customerFields, formatDay, locateColumns, repFields } from '../../core/parse/index.js';
import { parseReps } from '../../core/assign/reps.js';
import type { Settings } from '../../core/settings/schema.js';
import { sheetRow, type Table } from '../../core/table.js';
import { rescore } from '../rescore.js';
import { Summary } from '../summary.js';
import { ownedColumnsJob } from './owned-columns-job.js';
import type { ServerContext, TouchUp } from './ports.js';

export const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date in the form YYYY-MM-DD');

export const RescoreInput = z.object({ asOf: IsoDay.nullable().default(null) });
export type RescoreInput = z.infer<typeof RescoreInput>;

/** How far a long job got: `stopped` when the time ran out and the next run writes on. */
export const JobProgress = z.object({ status: z.enum(['done', 'stopped']), rowsWritten: z.number().int(), rows: z.number().int() });

export const RescoreOutput = Summary.pick({ asOf: true, customers: true, tiers: true, segments: true, issues: true, notes: true, score: true, movement: true }).extend(JobProgress.shape);
export type RescoreOutput = z.infer<typeof RescoreOutput>;

/** What a rescore answers besides the job's progress: saved with a long job's results, so a resumed run answers without computing. */
const RescoreSummary = RescoreOutput.omit({ status: true, rowsWritten: true, rows: true });

/** Rescore as a long job (owned-columns-job.ts), then the Sheets touches. Callers hold the lease. */
export function rescoreJob(ctx: ServerContext, settings: Settings, input: RescoreInput): RescoreOutput {
  const job = ownedColumnsJob(ctx, settings, 'rescore', input.asOf, (io, asOfDay) => {
    const outcome = rescore({ ...io, clock: ctx.clock, settings, asOfDay });
    const { customers, tiers, segments, issues, notes, score, movement } = outcome;
    return { asOf: formatDay(asOfDay), customers, tiers, segments, issues, notes, score, movement };
  }, RescoreSummary);
  if (job.status === 'done') ctx.book.touchUp(settings.tabs.customers, touchUpFor(ctx, settings, job.tables.get(settings.tabs.customers) ?? null));
  return { ...job.outcome, notes: [...job.outcome.notes, ...job.notes], status: job.status, rowsWritten: job.rowsWritten, rows: job.rows };
}

/** The Owner column's warning-only list of reps, when the manager switched it on (settings.sheets.ownerValidation). */
export function touchUpFor(ctx: ServerContext, settings: Settings, customers: Table | null): TouchUp {
  const owner = customers ? locateColumns(customers, customerFields, settings.columns.customers).index.owner : undefined;
  const ownerHeader = customers && owner !== undefined ? String(customers.header[owner]) : null;
  if (!settings.sheets.ownerValidation || ownerHeader === null) return { ownerHeader, ownerChoices: null };
  const repsTab = ctx.book.readTable(settings.tabs.reps);
  const reps = repsTab ? parseReps(repsTab, settings) : null;
  const nameColumn = repsTab ? locateColumns(repsTab, repFields, settings.columns.reps).index.name : undefined;
  if (!repsTab || !reps?.ok || nameColumn === undefined) return { ownerHeader, ownerChoices: null };
  const cells = { tab: repsTab.tab, column: nameColumn, firstRow: sheetRow(repsTab, 0), rows: repsTab.rows.length };
  return { ownerHeader, ownerChoices: { names: reps.reps.filter((r) => r.active).map((r) => r.name), cells } };
}
