import type { Cell } from '../core/table.js';
import { LOG_HEADER, OWN_TABS } from './owned-columns.js';
import type { Clock, Workbook } from './ports.js';

export type LogAction = 'apply' | 'undo' | 'recycle' | 'claim';

/** One change of an Owner cell, as `TW Log` records it (DESIGN §3 "Log"). */
export interface OwnerEvent {
  readonly customerId: string;
  readonly from: string;
  readonly to: string;
  readonly reason: string;
}

/**
 * Appends one `TW Log` row per change, in one call (one write in Apps Script). The time
 * is the wall clock's, the only thing we write that depends on it.
 */
export function logOwnerChanges(workbook: Workbook, clock: Clock, runId: string, action: LogAction, actor: string, events: readonly OwnerEvent[]): void {
  if (events.length === 0) return;
  const time = clock.now().toISOString();
  const rows: Cell[][] = events.map((e) => [time, runId, action, e.customerId, e.from, e.to, e.reason, actor]);
  workbook.appendRows(OWN_TABS.log, LOG_HEADER, rows);
}

/**
 * A run id readable in the log and unique per second: the action's letter and the
 * clock's UTC time, e.g. `P-20261123-090000` for a propose run.
 */
export function runIdAt(prefix: 'P' | 'R' | 'C', now: Date): string {
  const iso = now.toISOString();
  return `${prefix}-${iso.slice(0, 10).replaceAll('-', '')}-${iso.slice(11, 19).replaceAll(':', '')}`;
}
