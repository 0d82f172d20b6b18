import type { Cell } from '../table.js';
import type { Parsed } from './failure.js';
import { lookUp, vocabulary } from './vocabulary.js';

export type Level = 'senior' | 'mid' | 'junior';

const LEVELS = vocabulary<Level>(
  [
    ['senior', ['senior', 'sr', 'sr.', 'lead', 'principal', '3', '资深', '高级', '資深', '高級']],
    ['mid', ['mid', 'middle', 'intermediate', 'mid-level', '2', '中级', '中級']],
    ['junior', ['junior', 'jr', 'jr.', 'entry', 'associate', '1', '初级', '新人', '初級']],
  ],
  'a level (use senior, mid or junior, or 3, 2, 1)',
);

/** A rep's level, e.g. from the Reps tab's `Level` column. */
export function parseLevel(cell: Cell): Parsed<Level> {
  return lookUp(cell, LEVELS);
}
