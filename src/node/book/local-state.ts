import { OWN_TABS } from '../../app/owned-columns.js';
import type { StateStore } from '../../app/ports.js';
import { checkStateShape, readSavedState } from '../../app/saved-state.js';
import { describeState } from '../../app/state-contents.js';
import { stateToChunks, type StateProblem, type StateReading } from '../../app/state-text.js';
import type { Cell } from '../../core/table.js';

/** Where a local book keeps its state: the `TW State` tab of an .xlsx, `tw-state.json` in a CSV folder. */
export const STATE_FILE = 'tw-state.json';

/** A tab or a file to write when the book is saved. */
export interface StateTab {
  readonly name: string;
  readonly rows: Cell[][];
}
export interface StateFile {
  readonly name: string;
  readonly text: string;
}

/**
 * The saved state of a local book, read with the checks `TW State` gets in Sheets
 * (src/app/saved-state.ts: the checksummed chunks, then the schema). A state that does not
 * read back is never overwritten in silence: when a command saves a fresh one, the content
 * as it was is kept beside it (a hidden tab, a file), and `notice` is the one sentence the
 * command prints on stderr, naming the book, why, and what was lost.
 */
export class LocalState implements StateStore {
  changed = false;
  /** Why the saved state does not read back, and what it held; null when it reads. */
  readonly problem: StateProblem | null;
  private value: unknown;
  private keptIn: string | null = null;

  private constructor(reading: StateReading, private readonly where: string, private readonly original: { cells: Cell[] } | { text: string } | null) {
    this.value = reading.state;
    this.problem = reading.problem;
  }

  /** From the cells of column A of an .xlsx's `TW State` tab (none when it has no such tab). */
  static fromCells(cells: Cell[]): LocalState {
    return new LocalState(readSavedState(cells), `the ${OWN_TABS.state} tab`, { cells });
  }

  /** From the text of a CSV book's tw-state.json, null when it has none. */
  static fromJson(text: string | null): LocalState {
    if (text === null) return new LocalState({ state: null, problem: null }, STATE_FILE, null);
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return new LocalState({ state: null, problem: { reason: 'its text is not JSON', lost: [] } }, STATE_FILE, { text });
    }
    return new LocalState(checkStateShape({ state: parsed, problem: null }), STATE_FILE, { text });
  }

  load(): unknown {
    return this.value;
  }

  save(state: unknown): void {
    this.value = state;
    this.changed = true;
  }

  /** The tabs an .xlsx gets for a changed state: `TW State`, and the unreadable cells kept in a tab of their own. */
  xlsxTabs(now: Date): StateTab[] {
    const tabs: StateTab[] = [{ name: OWN_TABS.state, rows: stateToChunks(this.value, describeState(this.value)).map((chunk) => [chunk]) }];
    if (this.problem && this.original && 'cells' in this.original) {
      // Excel allows 31 characters and no ':' in a sheet name: 'TW State unreadable 261205-0931'.
      const stamp = now.toISOString();
      this.keptIn = `${OWN_TABS.state} unreadable ${stamp.slice(2, 4)}${stamp.slice(5, 7)}${stamp.slice(8, 10)}-${stamp.slice(11, 13)}${stamp.slice(14, 16)}`;
      tabs.push({ name: this.keptIn, rows: this.original.cells.map((cell) => [cell]) });
    }
    return tabs;
  }

  /** The files a CSV folder gets for a changed state: tw-state.json, and the unreadable text kept in a file of its own. */
  csvFiles(now: Date): StateFile[] {
    const files: StateFile[] = [{ name: STATE_FILE, text: `${JSON.stringify(this.value)}\n` }];
    if (this.problem && this.original && 'text' in this.original) {
      this.keptIn = `tw-state.unreadable-${now.toISOString().slice(0, 16).replace(':', '')}.json`;
      files.push({ name: this.keptIn, text: this.original.text });
    }
    return files;
  }

  /** One sentence for stderr when the state did not read back; null when it did. */
  notice(book: string): string | null {
    if (!this.problem) return null;
    const held = this.problem.lost.length > 0 ? `it held ${this.problem.lost.join('; ')}` : 'what it held cannot be read either';
    const outcome = this.keptIn
      ? `so Tierwise started it fresh and kept the unreadable content in ${this.keptIn}, beside the book it wrote`
      : 'and this command saved nothing over it';
    return `${book}: the saved state in ${this.where} does not read back (${this.problem.reason}), ${outcome}; ${held}.`;
  }
}
