import { z } from 'zod';
import type { StateProblem } from './state-text.js';

/**
 * What the saved state holds, one line per section, in words a manager knows. Written
 * beside the state (state-text.ts) so that a state which does not read back can still say
 * what was lost: the proposals Apply would apply, the record Undo needs, the cooldowns.
 */
export function describeState(state: unknown): string[] {
  if (!isRecord(state)) return [];
  const lines: string[] = [];
  for (const [section, value] of Object.entries(state)) {
    if (value === null || value === undefined || section === 'version') continue;
    lines.push(describeSection(section, value));
  }
  return lines;
}

function describeSection(section: string, value: unknown): string {
  const v = isRecord(value) ? value : {};
  const count = (key: string) => (Array.isArray(v[key]) ? (v[key] as unknown[]).length : 0);
  switch (section) {
    case 'lastRescore':
      return `the tiers of the last rescore (as of ${String(v.asOf)}, ${isRecord(v.tiers) ? Object.keys(v.tiers).length : 0} customers), for movement since`;
    case 'proposals':
      return `the proposals of run ${String(v.runId)} (${count('items')} customers) that Apply would apply`;
    case 'lastApply':
      return `the record Undo needs of run ${String(v.runId)} applied by ${String(v.actor)} (${count('changes')} owner changes)`;
    case 'pool':
      return `the pool: ${count('cooldowns')} cooldowns, ${count('staleFlags')} stale-customer warnings, ${count('claims')} claims`;
    case 'assign':
      return 'where the round-robin rotation stands';
    case 'computed':
      return 'the CLV fit of the last rescore, which later runs reuse while the deals are unchanged (made again when missing)';
    default:
      return `the section ${section}`;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A state that did not read back and was started fresh: when, why, what it held, and the tab its cells were kept in. */
export const StateLoss = z.object({ at: z.string(), reason: z.string(), lost: z.array(z.string()), keptIn: z.string() });
export type StateLoss = z.infer<typeof StateLoss>;

function heldText(lost: readonly string[]): string {
  return lost.length > 0 ? `It held ${lost.join('; ')}.` : 'What it held cannot be read either.';
}

/** For the sidebar while the unreadable state is still in place. */
export function unreadableStateMessage(problem: StateProblem): string {
  return `TW State does not read back: ${problem.reason}. ${heldText(problem.lost)} The next run that saves the state starts it fresh and keeps these cells in a tab of their own.`;
}

/** For TW Log and the sidebar once the state was started fresh. */
export function stateLossMessage(loss: StateLoss): string {
  return `TW State did not read back on ${loss.at.slice(0, 16).replace('T', ' ')} UTC (${loss.reason}), so Tierwise started it fresh. ${heldText(loss.lost)} The unreadable cells are kept in the tab '${loss.keptIn}': delete that tab once you have checked them, and this notice goes.`;
}
