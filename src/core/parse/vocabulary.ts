import { describeValue } from '../issue.js';
import type { Cell } from '../table.js';
import { errorValue } from './error-values.js';
import { foldText } from './fold.js';
import { type Parsed, MISSING, invalid, quoted } from './failure.js';

/** Words a person may type for each of a few values, looked up by foldText. */
export interface Vocabulary<T> {
  readonly words: ReadonlyMap<string, T>;
  /** Completes "'x' is not …", e.g. "a deal stage (use won, lost or open)". */
  readonly expected: string;
}

/**
 * Builds the lookup from `value → words`. A word listed under two values is a mistake in
 * this file, not in the user's data, so it throws when the module loads.
 */
export function vocabulary<T extends string | boolean>(entries: readonly (readonly [T, readonly string[]])[], expected: string): Vocabulary<T> {
  const words = new Map<string, T>();
  for (const [value, spellings] of entries) {
    for (const spelling of spellings) {
      const key = foldText(spelling);
      const earlier = words.get(key);
      if (earlier !== undefined && earlier !== value) throw new Error(`'${spelling}' means both ${String(earlier)} and ${String(value)}`);
      words.set(key, value);
    }
  }
  return { words, expected };
}

/**
 * The value a cell names. Text is tried as written first (most books use one lowercase
 * spelling, which then costs one lookup) and folded only when that misses. Number cells
 * are looked up as their text, so a `3` level or a `1` flag works.
 */
export function lookUp<T>(cell: Cell, vocab: Vocabulary<T>): Parsed<T> {
  if (cell === null) return MISSING;
  if (typeof cell === 'string') {
    const exact = vocab.words.get(cell);
    if (exact !== undefined) return exact;
    const folded = foldText(cell);
    if (folded === '') return MISSING;
    const found = vocab.words.get(folded);
    if (found !== undefined) return found;
    return errorValue(cell.trim()) ?? invalid(`${quoted(cell.trim())} is not ${vocab.expected}`);
  }
  if (typeof cell === 'number') {
    const found = vocab.words.get(String(cell));
    return found !== undefined ? found : invalid(`${quoted(String(cell))} is not ${vocab.expected}`);
  }
  return invalid(`${quoted(describeValue(cell))} is not ${vocab.expected}`);
}
