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
 * One hourly tick (DESIGN §6). The trigger is recognised by its `triggerUid` alone: a
 * trigger that is not the one recorded for the book (the schedule was taken over or
 * removed) belongs to a former owner, whom the new owner cannot delete it for (triggers
 * are per user), so it deletes itself and says so. It runs only while its owner's
 * authorization holds; it finishes an unfinished job first, else runs what is due. Add-ons
 * get no failure e-mails, so every outcome that is not "nothing due", early exits and
 * errors included, goes to `lastOutcome`/`lastError` (the sidebar's Schedule section) and
 * to `TW Log`, instead of being thrown.
 */
export function runScheduled(ctx: ServerContext, triggerUid: string): ScheduledRunOutput {
  const runAt = ctx.clock.now();
  const record = loadSchedule(ctx);
  if (!record || record.triggerId !== triggerUid) return retire(ctx, record, triggerUid, runAt);
  if (!ctx.triggers.authorized()) {
    return finish(ctx, record, triggerUid, runAt, { next: record, outcome: `${record.owner} must open Tierwise again to authorize the schedule; nothing ran.`, error: null });
  }

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
  return finish(ctx, record, triggerUid, runAt, { next, outcome, error });
}

function finish(ctx: ServerContext, record: ScheduleRecord, triggerUid: string, runAt: Date, run: { next: ScheduleRecord; outcome: string; error: string | null }): ScheduledRunOutput {
  const latest = loadSchedule(ctx);
  // A manager may have taken the schedule over while this run worked: keep their record.
  if (latest && latest.triggerId === triggerUid) {
    ctx.schedule.write({ ...run.next, lastRun: runAt.toISOString(), lastOutcome: run.outcome, lastError: run.error } satisfies ScheduleRecord);
  }
  const said = run.error ? `failed: ${run.error}` : run.outcome;
  if (run.outcome !== 'nothing due') logSchedule(ctx, runAt, said);
  return { ran: run.outcome !== 'nothing due' && !run.outcome.endsWith('nothing ran.'), outcome: said };
}

/** The tick of a trigger that no longer runs the schedule: it deletes itself, and says so where the owner looks. */
function retire(ctx: ServerContext, record: ScheduleRecord | null, triggerUid: string, runAt: Date): ScheduledRunOutput {
  // An id that is none of this user's triggers is no tick at all (a hand-made call): nothing to tell.
  if (!ctx.triggers.mine().includes(triggerUid)) return { ran: false, outcome: 'Not called by a schedule trigger of this book; nothing ran.' };
  ctx.triggers.remove(triggerUid);
  const whose = ctx.user.email || 'a former schedule owner';
  const outcome = record
    ? `The schedule trigger of ${whose} deleted itself: ${record.owner} runs the schedule of this book now; nothing ran.`
    : `The schedule trigger of ${whose} deleted itself: no schedule is installed for this book; nothing ran.`;
  if (record) ctx.schedule.write({ ...record, notice: `${runAt.toISOString().slice(0, 16).replace('T', ' ')} UTC: ${outcome}` } satisfies ScheduleRecord);
  logSchedule(ctx, runAt, outcome);
  return { ran: false, outcome };
}

function logSchedule(ctx: ServerContext, runAt: Date, reason: string): void {
  ctx.book.appendRows(OWN_TABS.log, [...LOG_HEADER], [[runAt, `schedule-${runAt.toISOString()}`, 'schedule', '', '', '', reason, 'schedule']]);
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
        const { recycled: taken, newWarnings, warned, deferred } = recycled.recycle;
        done.push(`recycled ${taken.length} stale customers, warned ${newWarnings.length} newly stale (${warned.length} still in their warning period, ${deferred.length} due and left for the next run)`);
      }
      const result = proposeJob(ctx, settings, { asOf: null, rebalance: false }, { actor: 'schedule', role: 'schedule' });
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
