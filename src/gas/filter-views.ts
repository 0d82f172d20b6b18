import { CannotRun } from '../app/cannot-run.js';
import { type ExistingFilterView, FILTER_VIEW_PREFIX, type FilterViewChanges, type FilterViewStore, type RepFilterView } from '../app/server/sidebar-filter-views.js';

type Request = GoogleAppsScript.Sheets.Schema.Request;

/**
 * Filter views through the Sheets advanced service (appsscript.json enables `Sheets` v4;
 * the `spreadsheets` scope covers it). SpreadsheetApp cannot create filter views, only
 * the API's batchUpdate can: addFilterView, updateFilterView, deleteFilterView, all in one
 * request so a failure changes nothing.
 */
export function sheetsFilterViews_(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): FilterViewStore {
  const api = advancedSheets();
  const id = spreadsheet.getId();
  const sheetIdOf = (tab: string): number => {
    const sheet = spreadsheet.getSheetByName(tab);
    if (!sheet) throw new CannotRun(`The book has no ${tab} tab.`);
    return sheet.getSheetId();
  };
  return {
    list(tab): ExistingFilterView[] {
      const sheetId = sheetIdOf(tab);
      const book = api.Spreadsheets.get(id, { fields: 'sheets(properties(sheetId),filterViews(filterViewId,title))' });
      const sheet = (book.sheets ?? []).find((s) => s.properties?.sheetId === sheetId);
      return (sheet?.filterViews ?? [])
        .filter((v) => typeof v.title === 'string' && v.title.startsWith(FILTER_VIEW_PREFIX) && v.filterViewId !== undefined)
        .map((v) => ({ id: String(v.filterViewId), title: v.title as string }));
    },
    apply(tab, changes: FilterViewChanges): void {
      const sheetId = sheetIdOf(tab);
      const requests: Request[] = [
        ...changes.remove.map((filterId) => ({ deleteFilterView: { filterId: Number(filterId) } })),
        ...changes.update.map(({ id: filterViewId, view }) => ({
          updateFilterView: { filter: { ...filterViewOf(view, sheetId), filterViewId: Number(filterViewId) }, fields: 'title,range,filterSpecs' },
        })),
        ...changes.add.map((view) => ({ addFilterView: { filter: filterViewOf(view, sheetId) } })),
      ] as Request[];
      if (requests.length > 0) api.Spreadsheets.batchUpdate({ requests }, id);
    },
  };
}

/**
 * One rep's view: the tab from the header row down, showing rows whose Owner cell passes
 * the rep's custom formula. `filterSpecs` is the API's current form of criteria (the
 * typings predate it, hence the plain object).
 */
function filterViewOf(view: RepFilterView, sheetId: number): object {
  return {
    title: view.title,
    range: { sheetId, startRowIndex: view.headerRow - 1 },
    filterSpecs: [
      { columnIndex: view.ownerColumn, filterCriteria: { condition: { type: 'CUSTOM_FORMULA', values: [{ userEnteredValue: view.formula }] } } },
    ],
  };
}

function advancedSheets(): GoogleAppsScript.Sheets {
  // An advanced service is a global only when the manifest enables it.
  if (typeof Sheets === 'undefined' || !Sheets) {
    throw new CannotRun('The Sheets advanced service is not enabled for this script, so filter views cannot be made. Enable "Google Sheets API" under Services in the Apps Script editor (appsscript.json lists it).');
  }
  return Sheets;
}
