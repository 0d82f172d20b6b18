import { z } from 'zod';
import { LOG_HEADER, OWN_TABS } from '../owned-columns.js';
import type { Settings } from '../../core/settings/schema.js';
import { loadJob } from './job.js';
import { withLease } from './lease.js';
import type { ServerContext } from './ports.js';
import { recycleStale } from './owner-actions.js';
import { proposeJob } from './propose-job.js';
import { rescoreJob } from './rescore-job.js';
import { dueJobs, loadSchedule, monthOf, type ScheduleRecord } from './schedule.js';
import { loadSettings } from './settings.js';

export const ScheduledRunOutput = z.object({
  ran: z.boolean(),
  /** What happened, as written to `TW Log` and shown in the sidebar. */
  outcome: z.string(),
});
export type ScheduledRunOutput = z.infer<typeof ScheduledRunOutput>;

/**
 * One hourly tick (DESIGN §6). It runs only for the trigger recorded at install and only
 * while its owner's authorization holds; it finishes an unfinished job first, else runs
 * what is due, and records the outcome (add-ons get no failure e-mails, so errors go to
 * `TW Log` and the sidebar instead of being thrown).
 */
export function runScheduled(ctx: ServerContext, triggerUid: string): ScheduledRunOutput {
  if (!ctx.triggers.authorized()) return { ran: false, outcome: 'The schedule owner must open Tierwise again to authorize it; nothing ran.' };
  const record = loadSchedule(ctx);
  if (!record || record.triggerId !== triggerUid) return { ran: false, outcome: 'Not the trigger recorded for this book; nothing ran.' };

  const runAt = ctx.clock.now();
  let outcome: string;
  let error: string | null = null;
  let next: ScheduleRecord = record;
  try {
    const settings = loadSettings(ctx.settings);
    const result = withLease(ctx, 'the schedule', `the schedule (${record.owner})`, () => tick(ctx, settings, record));
    next = result.value.record;
    outcome = result.value.outcome;
  } catch (thrown) {
    error = thrown instanceof Error ? thrown.message : String(thrown);
    outcome = 'failed';
  }
  const latest = loadSchedule(ctx);
  // A manager may have taken the schedule over while this run worked: keep their record.
  if (latest && latest.triggerId === triggerUid) {
    ctx.schedule.write({ ...next, lastRun: runAt.toISOString(), lastOutcome: outcome, lastError: error } satisfies ScheduleRecord);
  }
  if (outcome !== 'nothing due') {
    ctx.book.appendRows(OWN_TABS.log, [...LOG_HEADER], [[runAt, `schedule-${runAt.toISOString()}`, 'schedule', '', '', '', error ? `failed: ${error}` : outcome, 'schedule']]);
  }
  return { ran: outcome !== 'nothing due', outcome: error ? `failed: ${error}` : outcome };
}

function tick(ctx: ServerContext, settings: Settings, record: ScheduleRecord): { record: ScheduleRecord; outcome: string } {
  const today = ctx.clock.today();
  const unfinished = loadJob(ctx.job);
  const due = unfinished ? [unfinished.action === 'rescore' ? ('rescore' as const) : ('daily' as const)] : dueJobs(record, today, ctx.clock.hour(), settings);
  if (due.length === 0) return { record, outcome: 'nothing due' };
  const done: string[] = [];
  let next = record;
  for (const job of due) {
    if (job === 'rescore') {
      const result = rescoreJob(ctx, settings, { asOf: null });
      if (result.status === 'stopped') {
        done.push(`rescore stopped at row ${result.rowsWritten} of ${result.rows}; it goes on next hour`);
        break;
      }
      done.push(`rescored ${result.customers} customers as of ${result.asOf} (A ${result.tiers.A}, B ${result.tiers.B}, C ${result.tiers.C})`);
      // A finished rescore, monthly or resumed, is this month's.
      next = { ...next, lastMonthly: monthOf(today) };
    } else {
      // A job stopped in propose resumes it; recycling ran before it stopped.
      if (unfinished?.action !== 'propose') {
        const recycled = recycleStale(ctx, settings, { asOf: null, dryRun: false }, 'schedule');
        done.push(`recycled ${recycled.recycle.recycled.length} stale customers, warned ${recycled.recycle.warned.length}`);
      }
      const result = proposeJob(ctx, settings, { asOf: null, rebalance: false }, 'schedule');
      if (result.status === 'stopped') {
        done.push(`propose stopped at row ${result.rowsWritten} of ${result.rows}; it goes on next hour`);
        break;
      }
      done.push(`proposed owners for ${result.assign.proposed} customers (${result.assign.unplaced.length} could not be placed), run ${result.assign.runId}`);
      next = { ...next, lastDaily: today };
    }
  }
  return { record: next, outcome: done.join('; ') };
}
