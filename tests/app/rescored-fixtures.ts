// How the tests of what a rescore saves for later runs (saved-computations.ts) run the commands on a book.
import { propose } from '../../src/app/propose.js';
import { recycle } from '../../src/app/recycle.js';
import { rescore } from '../../src/app/rescore.js';
import { defaultSettings, type Settings } from '../../src/core/settings/schema.js';
import type { Cell } from '../../src/core/table.js';
import { memoryBook, memoryState } from './book-fixtures.js';
import { asOfDay, context, ownerReps } from './owner-fixtures.js';

export interface Book {
  readonly customers: Cell[][];
  readonly deals: Cell[][];
}

export type MemoryState = ReturnType<typeof memoryState>;

export function workbookOf(data: Book) {
  return memoryBook({ Customers: data.customers, Deals: data.deals, Reps: ownerReps });
}

export function request(workbook: ReturnType<typeof workbookOf>, state: MemoryState, settings: Settings = defaultSettings, day = asOfDay) {
  return { ...context(workbook, state, settings), asOfDay: day };
}

/** A rescored book and its state, as the next command finds them. */
export function rescored(data: Book, settings: Settings = defaultSettings, day = asOfDay) {
  const workbook = workbookOf(data);
  const state = memoryState();
  rescore(request(workbook, state, settings, day));
  return { workbook, state };
}

/** Everything a propose shows: its summary, the Customers tab it wrote, and the run it saved for apply. */
export function proposeAll(workbook: ReturnType<typeof workbookOf>, state: MemoryState, settings: Settings = defaultSettings, day = asOfDay) {
  const outcome = propose(request(workbook, state, settings, day));
  const saved = state.load() as { proposals: unknown };
  return { outcome, customers: workbook.readTable('Customers'), proposals: saved.proposals };
}

/**
 * Recycle on two rescored copies of a book, one with the state as saved and one with
 * `strip` of it: each one's answer and the Customers tab it wrote. `beforeRuns` runs
 * between the rescores and the recycles, to count what the recycles compute.
 */
export function recycleBoth(data: Book, strip: (state: MemoryState) => MemoryState, beforeRuns: () => void) {
  const [saved, stripped] = [rescored(data), rescored(data)];
  beforeRuns();
  const run = ({ workbook, state }: ReturnType<typeof rescored>, given: MemoryState) => ({ outcome: recycle(request(workbook, given)), customers: workbook.readTable('Customers') });
  return { saved: run(saved, saved.state), stripped: run(stripped, strip(stripped.state)) };
}

/** The state with its `computed` section changed by `edit` (a copy: the state as saved is left as it was). */
export function withComputedSection(state: MemoryState, edit: (computed: Record<string, unknown>) => unknown) {
  const { computed, ...rest } = structuredClone(state.load()) as Record<string, unknown>;
  const edited = edit(computed as Record<string, unknown>);
  return memoryState(edited === undefined ? rest : { ...rest, computed: edited });
}
