import { z } from 'zod';
import { GetStateInput, GetStateOutput, getState } from './get-state.js';
import { withLease } from './lease.js';
import {
  ApplyInput, ApplyOutput, ClaimInput, ClaimOutput, RecycleInput, RecycleOutput, UndoInput, UndoOutput, applyProposals, claimFromPool, recycleStale, undoApply,
} from './owner-actions.js';
import { ProposeInput, ProposeOutput, previewProposals, proposeJob } from './propose-job.js';
import { RescoreInput, RescoreOutput, rescoreJob } from './rescore-job.js';
import { InstallScheduleInput, ScheduleStatus, installSchedule, removeSchedule } from './schedule.js';
import { serverFunction } from './server-function.js';
import { SaveSettingsInput, SaveSettingsOutput, isManager, loadSettings, requireManager, saveSettings } from './settings.js';

/**
 * The server surface the sidebar calls, each an input schema, an output schema and a
 * function over ports (server-function.ts). The Apps Script entry points and a local
 * preview server both call exactly these.
 */
export const getStateFunction = serverFunction({
  name: 'getState',
  input: GetStateInput,
  output: GetStateOutput,
  run: (ctx) => getState(ctx),
});

export const rescoreFunction = serverFunction({
  name: 'rescore',
  input: RescoreInput,
  output: RescoreOutput,
  run: (ctx, input) => {
    const settings = loadSettings(ctx.settings);
    return withLease(ctx, 'rescore', ctx.user.email || 'someone', () => rescoreJob(ctx, settings, input)).value;
  },
});

export const proposeFunction = serverFunction({
  name: 'propose',
  input: ProposeInput,
  output: ProposeOutput,
  run: (ctx, input) => {
    const settings = loadSettings(ctx.settings);
    const actor = ctx.user.email || 'someone';
    if (!isManager(settings, ctx.user)) return previewProposals(ctx, settings, input, actor);
    return withLease(ctx, 'propose', actor, () => proposeJob(ctx, settings, input, { actor, role: 'manager' })).value;
  },
});

export const applyFunction = serverFunction({
  name: 'apply',
  input: ApplyInput,
  output: ApplyOutput,
  run: (ctx, input) => {
    const settings = loadSettings(ctx.settings);
    requireManager(settings, ctx.user, 'apply proposals');
    return withLease(ctx, 'apply', ctx.user.email, () => applyProposals(ctx, settings, input, ctx.user.email)).value;
  },
});

export const undoFunction = serverFunction({
  name: 'undo',
  input: UndoInput,
  output: UndoOutput,
  run: (ctx, input) => {
    const settings = loadSettings(ctx.settings);
    requireManager(settings, ctx.user, 'undo an apply');
    return withLease(ctx, 'undo', ctx.user.email, () => undoApply(ctx, settings, input, ctx.user.email)).value;
  },
});

/** Recycling takes customers away from reps, so only managers do it; anyone may preview it (dryRun). */
export const recycleFunction = serverFunction({
  name: 'recycle',
  input: RecycleInput,
  output: RecycleOutput,
  run: (ctx, input) => {
    const settings = loadSettings(ctx.settings);
    if (!input.dryRun) requireManager(settings, ctx.user, 'recycle stale customers');
    const actor = ctx.user.email || 'someone';
    return withLease(ctx, 'recycle', actor, () => recycleStale(ctx, settings, input, actor)).value;
  },
});

export const claimFunction = serverFunction({
  name: 'claim',
  input: ClaimInput,
  output: ClaimOutput,
  run: (ctx, input) => {
    const settings = loadSettings(ctx.settings);
    const actor = ctx.user.email || 'someone';
    return withLease(ctx, 'claim', actor, () => claimFromPool(ctx, settings, input, actor)).value;
  },
});

export const saveSettingsFunction = serverFunction({
  name: 'saveSettings',
  input: SaveSettingsInput,
  output: SaveSettingsOutput,
  run: (ctx, input) => saveSettings(ctx.settings, ctx.user, input),
});

export const installScheduleFunction = serverFunction({
  name: 'installSchedule',
  input: InstallScheduleInput,
  output: ScheduleStatus,
  run: (ctx, input) => installSchedule(ctx, loadSettings(ctx.settings), input),
});

export const removeScheduleFunction = serverFunction({
  name: 'removeSchedule',
  input: z.object({}),
  output: ScheduleStatus,
  run: (ctx) => removeSchedule(ctx, loadSettings(ctx.settings)),
});
