import { z } from 'zod';
import { GetStateInput, GetStateOutput, getState } from './get-state.js';
import { withLease } from './lease.js';
import { ProposeInput, ProposeOutput, proposeJob } from './propose-job.js';
import { RescoreInput, RescoreOutput, rescoreJob } from './rescore-job.js';
import { InstallScheduleInput, ScheduleStatus, installSchedule, removeSchedule } from './schedule.js';
import { serverFunction } from './server-function.js';
import { SaveSettingsInput, SaveSettingsOutput, loadSettings, saveSettings } from './settings.js';

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
    return withLease(ctx, 'propose', actor, () => proposeJob(ctx, settings, input, actor)).value;
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
