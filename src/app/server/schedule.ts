import { z } from 'zod';
import { formatDay } from '../../core/parse/days.js';
import type { Settings } from '../../core/settings/schema.js';
import { CannotRun } from '../cannot-run.js';
import { requireManager } from './settings.js';
import type { ServerContext } from './ports.js';

/**
 * The schedule (DESIGN §6): an editor add-on may hold one time-driven trigger per user
 * per document, at most hourly, so one hourly trigger asks each hour what is due. This
 * record, in document properties, says whose trigger it is, for which spreadsheet (a
 * time-driven run has no active spreadsheet and opens it by id), and how its runs went.
 */
export const ScheduleRecord = z.object({
  owner: z.string(),
  triggerId: z.string(),
  spreadsheetId: z.string(),
  installedAt: z.string(),
  /** Day number of the last daily run (recycle, re-propose), in the book's time zone. */
  lastDaily: z.number().int().nullable(),
  /** `YYYY-MM` of the last monthly rescore. */
  lastMonthly: z.string().nullable(),
  lastRun: z.string().nullable(),
  lastOutcome: z.string().nullable(),
  lastError: z.string().nullable(),
  /** What a trigger that is not the recorded one did (it deleted itself), for the owner to see. */
  notice: z.string().nullable().default(null),
});
export type ScheduleRecord = z.infer<typeof ScheduleRecord>;

export function loadSchedule(ctx: Pick<ServerContext, 'schedule'>): ScheduleRecord | null {
  const parsed = ScheduleRecord.safeParse(ctx.schedule.read());
  return parsed.success ? parsed.data : null;
}

export type DueJob = 'rescore' | 'daily';

export function monthOf(day: number): string {
  return formatDay(day).slice(0, 7);
}

/**
 * What is due now, all in the book's time zone: the monthly rescore on the first run of a
 * month, and the daily recycle and re-propose once a day from the manager's hour on.
 */
export function dueJobs(record: ScheduleRecord, today: number, hour: number, settings: Settings): DueJob[] {
  const due: DueJob[] = [];
  if (record.lastMonthly !== monthOf(today)) due.push('rescore');
  if (record.lastDaily !== today && hour >= settings.schedule.hour) due.push('daily');
  return due;
}

/** The next hour at which something is due, as `YYYY-MM-DD HH:00` in the book's time zone. */
export function nextRun(record: ScheduleRecord, today: number, hour: number, settings: Settings): string | null {
  // A month and a day of hours covers every case: the daily run is due within a day,
  // the monthly one within a month.
  for (let step = 1; step <= 24 * 32; step++) {
    const day = today + Math.floor((hour + step) / 24);
    const h = (hour + step) % 24;
    if (dueJobs(record, day, h, settings).length > 0) return `${formatDay(day)} ${String(h).padStart(2, '0')}:00`;
  }
  return null;
}

export const ScheduleStatus = z.object({
  installed: z.boolean(),
  owner: z.string().nullable(),
  mine: z.boolean(),
  hour: z.number().int(),
  timeZone: z.string(),
  nextRun: z.string().nullable(),
  lastRun: z.string().nullable(),
  lastOutcome: z.string().nullable(),
  lastError: z.string().nullable(),
  notice: z.string().nullable(),
});
export type ScheduleStatus = z.infer<typeof ScheduleStatus>;

export function scheduleStatus(ctx: ServerContext, settings: Settings): ScheduleStatus {
  const record = loadSchedule(ctx);
  const today = ctx.clock.today();
  const hour = ctx.clock.hour();
  return {
    installed: record !== null,
    owner: record?.owner ?? null,
    mine: record !== null && record.owner.toLowerCase() === ctx.user.email.toLowerCase(),
    hour: settings.schedule.hour,
    timeZone: ctx.clock.timeZone,
    nextRun: record ? nextRun(record, today, hour, settings) : null,
    lastRun: record?.lastRun ?? null,
    lastOutcome: record?.lastOutcome ?? null,
    lastError: record?.lastError ?? null,
    notice: record?.notice ?? null,
  };
}

export const InstallScheduleInput = z.object({
  /** Set when the manager has seen that another manager owns the schedule and takes it over. */
  takeOver: z.boolean().default(false),
});
export type InstallScheduleInput = z.infer<typeof InstallScheduleInput>;

/**
 * Installs the one hourly trigger. Idempotent: a second install by the owner keeps the
 * trigger. Another manager sees who owns it and must ask to take it over; the old owner's
 * trigger then finds it is no longer the recorded one and does nothing.
 */
export function installSchedule(ctx: ServerContext, settings: Settings, input: InstallScheduleInput): ScheduleStatus {
  requireManager(settings, ctx.user, 'install the schedule');
  const record = loadSchedule(ctx);
  const mine = ctx.triggers.mine();
  const isOwner = record !== null && record.owner.toLowerCase() === ctx.user.email.toLowerCase();
  if (record && !isOwner && !input.takeOver) {
    throw new CannotRun(`${record.owner} already runs the schedule of this book (installed ${record.installedAt.slice(0, 10)}). Take it over to run it under your account instead.`);
  }
  if (record && isOwner && mine.includes(record.triggerId)) return scheduleStatus(ctx, settings);
  for (const id of mine) ctx.triggers.remove(id);
  const today = ctx.clock.today();
  ctx.schedule.write({
    owner: ctx.user.email,
    triggerId: ctx.triggers.createHourly(),
    spreadsheetId: ctx.bookId,
    installedAt: ctx.clock.now().toISOString(),
    lastDaily: record?.lastDaily ?? null,
    lastMonthly: record?.lastMonthly ?? monthOf(today),
    lastRun: record?.lastRun ?? null,
    lastOutcome: record?.lastOutcome ?? null,
    lastError: record?.lastError ?? null,
    notice: record?.notice ?? null,
  } satisfies ScheduleRecord);
  return scheduleStatus(ctx, settings);
}

/** Removes this user's trigger and, when theirs, the record. Idempotent. */
export function removeSchedule(ctx: ServerContext, settings: Settings): ScheduleStatus {
  const record = loadSchedule(ctx);
  const isOwner = record !== null && record.owner.toLowerCase() === ctx.user.email.toLowerCase();
  if (record && !isOwner) requireManager(settings, ctx.user, `remove the schedule ${record.owner} runs`);
  for (const id of ctx.triggers.mine()) ctx.triggers.remove(id);
  if (record) ctx.schedule.clear();
  return scheduleStatus(ctx, settings);
}
