import { dayNumber } from '../core/parse/days.js';

export interface Output {
  write(text: string): unknown;
}

export interface CliIo {
  readonly stdout: Output;
  readonly stderr: Output;
}

/** Today on this computer's calendar: the default as-of date of every command. */
export function localToday(now = new Date()): number {
  return dayNumber(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

export const systemClock = { now: () => new Date() };
