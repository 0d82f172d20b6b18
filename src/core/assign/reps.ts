import { type Issue, describeValue } from '../issue.js';
import { invalid, quoted } from '../parse/failure.js';
import { cellIssue, isFailure, parseBoolean, parseDate, parseLevel, parseList, parseNumber, repFields, requireColumns, type Parsed } from '../parse/index.js';
import type { Settings } from '../settings/schema.js';
import type { Cell, Table } from '../table.js';
import { isBlankRow, sheetRow } from '../table.js';
import type { Rep } from './rep.js';
import { ownerKey } from './roster.js';

export type RepsRead = { readonly ok: true; readonly reps: Rep[]; readonly issues: Issue[] } | { readonly ok: false; readonly issues: Issue[] };

/**
 * The Reps tab (issue 4 item 1). Only `Name` is required. Each bad cell is an issue on
 * its row and falls back to what a blank means: level mid, caps from settings, active,
 * not away, no start date. A row with data but no name, or repeating an earlier rep's
 * name or e-mail (owner cells could not tell them apart), is reported and left out.
 */
export function parseReps(table: Table, settings: Settings): RepsRead {
  const located = requireColumns(table, repFields, settings.columns.reps, ['name']);
  if (!located.ok) return { ok: false, issues: located.issues };
  const col = located.index;
  const issues = [...located.issues];
  const numberOptions = { decimalSeparator: settings.parse.decimalSeparator };
  const dateOptions = { dateOrder: settings.parse.dateOrder };
  const seen = new Map<string, number>();
  const reps: Rep[] = [];

  table.rows.forEach((row, i) => {
    if (isBlankRow(row)) return;
    const cellOf = (column: number | undefined): Cell => (column === undefined ? null : (row[column] ?? null));
    const read = <T>(column: number | undefined, parse: (cell: Cell) => Parsed<T>, fallback: T, outcome: string): T => {
      if (column === undefined) return fallback;
      const cell = cellOf(column);
      const result = parse(cell);
      if (!isFailure(result)) return result;
      if (result.kind === 'invalid') issues.push(cellIssue(table, column, i, cell, `${result.message}; ${outcome}`));
      return fallback;
    };
    const text = (column: number | undefined): string => {
      const cell = cellOf(column);
      return cell === null ? '' : String(cell).trim();
    };

    const name = text(col.name);
    if (name === '') {
      issues.push(cellIssue(table, col.name, i, null, 'row has data but no rep name; left out'));
      return;
    }
    const email = text(col.email);
    for (const key of [ownerKey(name), ownerKey(email)]) {
      const first = seen.get(key);
      if (key !== '' && first !== undefined) {
        const column = key === ownerKey(name) ? col.name : (col.email ?? col.name);
        issues.push(cellIssue(table, column, i, cellOf(column), `the same rep as row ${sheetRow(table, first)}: owner cells could not tell them apart; left out`));
        return;
      }
    }
    const cap = (column: number | undefined) =>
      read(column, (cell) => wholeCount(cell, numberOptions.decimalSeparator), null as number | null, 'using the default from settings');
    const day = (column: number | undefined, outcome: string) => read(column, (cell) => parseDate(cell, dateOptions), null as number | null, outcome);

    let awayFrom = day(col.awayFrom, 'not away');
    let awayTo = day(col.awayTo, 'not away');
    if (awayFrom !== null && awayTo !== null && awayFrom > awayTo) {
      issues.push(cellIssue(table, col.awayTo!, i, cellOf(col.awayTo), 'the leave ends before it starts; not away'));
      awayFrom = null;
      awayTo = null;
    }
    reps.push({
      name,
      email,
      level: read(col.level, parseLevel, 'mid', 'read as mid'),
      regions: col.regions === undefined ? [] : parseList(cellOf(col.regions)),
      industries: col.industries === undefined ? [] : parseList(cellOf(col.industries)),
      capacity: cap(col.capacity),
      aCap: cap(col.aCap),
      active: read(col.active, parseBoolean, true, 'read as active'),
      awayFrom,
      awayTo,
      startDay: day(col.startDate, 'no start date'),
    });
    for (const key of [ownerKey(name), ownerKey(email)]) if (key !== '') seen.set(key, i);
  });
  return { ok: true, reps, issues };
}

function wholeCount(cell: Cell, decimalSeparator: '.' | ','): Parsed<number> {
  const value = parseNumber(cell, { decimalSeparator });
  if (isFailure(value)) return value;
  if (Number.isInteger(value) && value >= 0) return value;
  return invalid(`${quoted(describeValue(cell))} is not a whole number of customers`);
}
