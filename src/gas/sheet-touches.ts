import { OWNED } from '../app/owned-columns.js';
import type { OwnerChoices, TouchUp } from '../app/server/ports.js';
import { type Cell, type Table, headerIndex } from '../core/table.js';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** How our numbers read in Sheets; set on every write, which replaces rather than stacks. */
const NUMBER_FORMATS: Readonly<Record<string, string>> = {
  [OWNED.score]: '0.00',
  [OWNED.r]: '0',
  [OWNED.f]: '0',
  [OWNED.m]: '0',
  [OWNED.recencyDays]: '0',
  [OWNED.frequency]: '0',
  [OWNED.monetary]: '#,##0.00',
  [OWNED.clv]: '#,##0.00',
  [OWNED.pAlive]: '0.0%',
  [OWNED.expectedPurchases]: '0.00',
  [OWNED.fit]: '0.0',
  [OWNED.asOf]: 'yyyy-mm-dd',
};

/** Tier colours: green, amber, grey backgrounds that keep black text readable. */
export const TIER_COLOURS: Readonly<Record<'A' | 'B' | 'C', string>> = { A: '#b7e1cd', B: '#fce8b2', C: '#e8eaed' };

/** Our data-validation rules say so in their help text, so a rerun finds and replaces only them. */
export const OWNER_LIST_HELP = 'Tierwise: a rep from the Reps tab (other names are allowed, with a warning).';

/**
 * Sheets-native touches on the Customers tab (issue 5 item 2): number formats on our
 * columns, A/B/C colours on `TW Tier`, and, only when the manager switched it on, a
 * warning-only list of reps on the Owner column. Each run replaces what the last one set,
 * so nothing stacks; the frozen header is left as the user set it.
 */
export function touchUpColumns(sheet: Sheet, header: readonly Cell[], table: Table, options: TouchUp): void {
  const firstRow = table.headerRow + 1;
  const rows = table.rows.length;
  const columnOf = (text: string) => headerIndex(header, text) + 1;
  if (rows > 0) {
    for (const [title, format] of Object.entries(NUMBER_FORMATS)) {
      const column = columnOf(title);
      if (column > 0) sheet.getRange(firstRow, column, rows, 1).setNumberFormat(format);
    }
  }
  const tier = columnOf(OWNED.tier);
  if (tier > 0 && rows > 0) colourTiers(sheet, sheet.getRange(firstRow, tier, rows, 1));
  const owner = options.ownerHeader === null ? 0 : columnOf(options.ownerHeader);
  if (owner > 0 && rows > 0) listReps(sheet.getRange(firstRow, owner, rows, 1), options.ownerChoices);
}

function isOurTierRule(rule: GoogleAppsScript.Spreadsheet.ConditionalFormatRule): boolean {
  const condition = rule.getBooleanCondition();
  if (!condition || String(condition.getCriteriaType()) !== 'TEXT_EQUAL_TO') return false;
  const value: unknown = condition.getCriteriaValues()[0];
  return (value === 'A' || value === 'B' || value === 'C') && condition.getBackground() === TIER_COLOURS[value];
}

function colourTiers(sheet: Sheet, range: GoogleAppsScript.Spreadsheet.Range): void {
  const kept = sheet.getConditionalFormatRules().filter((rule) => !isOurTierRule(rule));
  const ours = (['A', 'B', 'C'] as const).map((tier) =>
    SpreadsheetApp.newConditionalFormatRule().whenTextEqualTo(tier).setBackground(TIER_COLOURS[tier]).setRanges([range]).build(),
  );
  sheet.setConditionalFormatRules([...kept, ...ours]);
}

/**
 * Names a list rule may hold: Sheets refuses `requireValueInList` with more than 500 items
 * ("The data validation rule has more than 500 items", as users report it; the
 * DataValidationBuilder reference does not give the limit).
 */
export const MAX_LIST_ITEMS = 500;

/**
 * A warning-only list: Sheets flags a name not in it but never rejects it
 * (setAllowInvalid(true)). A team of more than MAX_LIST_ITEMS reps gets the same rule over
 * the name cells of the Reps tab (requireValueInRange), which has no such limit; it then
 * lists inactive reps too, which only means fewer warnings.
 */
function listReps(range: GoogleAppsScript.Spreadsheet.Range, choices: OwnerChoices | null): void {
  const current = range.getDataValidation();
  const ours = current !== null && current.getHelpText() === OWNER_LIST_HELP;
  if (choices === null || choices.names.length === 0) {
    if (ours) range.clearDataValidations();
    return;
  }
  if (current !== null && !ours) return;
  const builder = SpreadsheetApp.newDataValidation();
  const { cells } = choices;
  const repsTab = choices.names.length > MAX_LIST_ITEMS ? range.getSheet().getParent().getSheetByName(cells.tab) : null;
  const criteria = repsTab
    ? builder.requireValueInRange(repsTab.getRange(cells.firstRow, cells.column + 1, cells.rows, 1), true)
    : builder.requireValueInList([...choices.names], true);
  range.setDataValidation(criteria.setAllowInvalid(true).setHelpText(OWNER_LIST_HELP).build());
}
