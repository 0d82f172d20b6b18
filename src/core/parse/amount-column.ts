import type { Issue } from '../issue.js';
import { type Table, tableCells } from '../table.js';
import { cellIssue, headerText, scanColumn } from './columns.js';
import { type Currency, type CurrencySink, type NumberOptions, readAmount } from './numbers.js';

export interface NumberColumn {
  /** The number per data row; NaN where the cell was blank, unreadable or in a minority currency. */
  readonly values: Float64Array;
  /** The currency the kept amounts are in, when any cell named one. */
  readonly currency: Currency | null;
  readonly issues: Issue[];
}

/**
 * Reads a column of numbers or amounts. Amounts in two currencies are never added up:
 * the currency most cells name is the column's (on a tie, the first code in alphabetical
 * order, so the outcome does not depend on row order); cells in any other currency are
 * left blank with an issue each, and one issue on the header row sums it up. Cells with
 * no currency mark are taken to be in the column's currency.
 */
export function parseNumberColumn(table: Table, column: number, options: NumberOptions): NumberColumn {
  const cells = tableCells(table);
  const values = new Float64Array(cells.rowCount).fill(NaN);
  const sink: CurrencySink = { currency: null, mark: '' };
  // Per row, 1 + the position in `currencies` of the currency its cell named; 0 for none.
  const currencyOf = new Uint8Array(values.length);
  const currencies = new Map<Currency, { count: number; mark: string; code: number }>();
  const issues = scanColumn(table, column, (cell) => readAmount(cell, options, sink), (i, value) => {
    values[i] = value;
    const currency = sink.currency;
    if (currency === null) return;
    let seen = currencies.get(currency);
    if (seen) seen.count++;
    else currencies.set(currency, (seen = { count: 1, mark: sink.mark, code: currencies.size + 1 }));
    currencyOf[i] = seen.code;
  });
  if (currencies.size <= 1) return { values, currency: currencies.keys().next().value ?? null, issues };

  const ranked = [...currencies].sort(([a, x], [b, y]) => y.count - x.count || (a < b ? -1 : 1));
  const [kept, keptSeen] = ranked[0];
  const shown = (currency: Currency): string => `${currency} (${currencies.get(currency)?.mark})`;
  const others = ranked.slice(1).map(([currency]) => currency);
  const left = ranked.slice(1).reduce((sum, [, seen]) => sum + seen.count, 0);
  const header = headerText(table, column);
  issues.push({
    tab: table.tab,
    row: table.headerRow,
    column: header,
    value: ranked.map(([currency]) => shown(currency)).join(', '),
    message: `column mixes ${shown(kept)} and ${others.map(shown).join(', ')} amounts; kept the ${keptSeen.count} in ${kept}, left the ${left} in ${others.join(', ')} blank`,
  });
  const currencyByCode = [...currencies.keys()];
  for (let i = 0; i < currencyOf.length; i++) {
    const code = currencyOf[i];
    if (code === 0 || code === keptSeen.code) continue;
    const currency = currencyByCode[code - 1];
    values[i] = NaN;
    issues.push(cellIssue(table, column, i, cells.cell(i, column), `amount in ${shown(currency)}, but this column is in ${shown(kept)}; left blank`));
  }
  return { values, currency: kept, issues };
}
