import type { Cell } from '../../core/table.js';

/**
 * Everything a run changes in a local book, and nothing else: a saver applies exactly
 * these and copies every other byte (xlsx) or field (CSV) as it was read.
 */
export interface BookEdits {
  /** Cells of existing tabs: tab → 1-based sheet row → 0-based column → new value. */
  readonly cells: Map<string, Map<number, Map<number, Cell>>>;
  /** Our own tabs (`TW Log`, `TW Dashboard`, `TW State`), written whole. */
  readonly ownTabs: Map<string, OwnTab>;
}

export interface OwnTab {
  readonly rows: readonly (readonly Cell[])[];
  readonly hidden: boolean;
}

export function emptyEdits(): BookEdits {
  return { cells: new Map(), ownTabs: new Map() };
}
