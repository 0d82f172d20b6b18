import { z } from 'zod';
import { formatDay } from '../../core/parse/days.js';
import { Settings } from '../../core/settings/schema.js';
import { loadOwnerState } from '../owner-state.js';
import { loadJob } from './job.js';
import { currentLease, Lease } from './lease.js';
import type { ServerContext } from './ports.js';
import { scheduleStatus, ScheduleStatus } from './schedule.js';
import { isManager, readSavedSettings } from './settings.js';

export const GetStateInput = z.object({});

export const GetStateOutput = z.object({
  user: z.object({ email: z.string(), manager: z.boolean() }),
  /** The saved settings with defaults filled in; null with `settingsErrors` when they cannot be read. */
  settings: Settings.nullable(),
  settingsErrors: z.array(z.string()),
  /** Who can repair settings that cannot be read: the managers still readable in them (none: only the spreadsheet's owner, by hand). */
  settingsRepairers: z.array(z.string()),
  today: z.string(),
  timeZone: z.string(),
  lastRescore: z.object({ asOf: z.string(), runAt: z.string() }).nullable(),
  /** A run holding the book right now. */
  running: Lease.nullable(),
  /** A long job that stopped and will be resumed. */
  unfinished: z.object({ action: z.string(), asOf: z.string(), rowsWritten: z.number().int(), rows: z.number().int(), startedAt: z.string() }).nullable(),
  schedule: ScheduleStatus,
  /** The saved state does not read back, or did not and was started fresh: what was lost. */
  stateProblem: z.string().nullable(),
});
export type GetStateOutput = z.infer<typeof GetStateOutput>;

/** What the sidebar shows when it opens: who you are, the settings, the schedule, what runs. */
export function getState(ctx: ServerContext): GetStateOutput {
  const saved = readSavedSettings(ctx.settings);
  const settings = saved.kind === 'ok' ? saved.settings : saved.kind === 'none' ? Settings.parse({}) : null;
  const state = loadOwnerState(ctx.state);
  const job = loadJob(ctx.job);
  return {
    user: { email: ctx.user.email, manager: settings !== null && isManager(settings, ctx.user) },
    settings,
    settingsErrors: saved.kind === 'unreadable' ? [...saved.errors] : [],
    settingsRepairers: saved.kind === 'unreadable' ? [...saved.managers] : [],
    today: formatDay(ctx.clock.today()),
    timeZone: ctx.clock.timeZone,
    lastRescore: state.lastRescore && { asOf: state.lastRescore.asOf, runAt: state.lastRescore.runAt },
    running: currentLease(ctx),
    unfinished: job && { action: job.action, asOf: job.asOf, rowsWritten: job.next.row, rows: job.total, startedAt: job.startedAt },
    schedule: scheduleStatus(ctx, settings ?? Settings.parse({})),
    stateProblem: ctx.stateReport?.() ?? null,
  };
}
