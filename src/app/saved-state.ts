import { parseOwnerState } from './owner-state.js';
import { describeState } from './state-contents.js';
import { readStateChunks, type StateReading } from './state-text.js';

/**
 * The saved state as every use case will read it: cells that read back (state-text.ts) and
 * hold what the schema expects. A state whose text is intact but whose shape is not (edited
 * by hand, or written by another version) is a problem like a damaged one, never "nothing
 * saved": the use cases would otherwise start fresh and the next save would overwrite it.
 */
export function readSavedState(cells: readonly unknown[]): StateReading {
  return checkStateShape(readStateChunks(cells));
}

/** A reading whose state does not match the schema becomes a problem naming the first mismatch, with what the state held. */
export function checkStateShape(reading: StateReading): StateReading {
  if (reading.problem || reading.state === null) return reading;
  const parsed = parseOwnerState(reading.state);
  if (parsed.success) return reading;
  const [first] = parsed.error.issues;
  const where = first.path.length > 0 ? first.path.join('.') : 'the whole state';
  return {
    state: null,
    problem: { reason: `it is not in the form this version of Tierwise reads (${where}: ${first.message})`, lost: describeState(reading.state) },
  };
}
