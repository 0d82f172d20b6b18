import { afterEach, describe, expect, it, vi } from 'vitest';
import { planFilterViews, repFilterViews } from '../../src/app/server/sidebar-filter-views.js';
import { sheetsFilterViews_ } from '../../src/gas/filter-views.js';
import { createAppsScriptEnvironment, sheetFromRows } from './fakes/index.js';

interface View { filterViewId: number; title: string; range: unknown; filterSpecs: unknown }

/** The Sheets API's filter views as batchUpdate changes them, for one spreadsheet. */
function fakeSheetsApi(sheetIds: number[]) {
  const views = new Map<number, View[]>(sheetIds.map((id) => [id, []]));
  let nextId = 100;
  const batches: unknown[][] = [];
  const sheetOf = (range: { sheetId: number }) => views.get(range.sheetId) as View[];
  return {
    views,
    batches,
    Spreadsheets: {
      get: () => ({ sheets: [...views].map(([sheetId, list]) => ({ properties: { sheetId }, filterViews: list.map((v) => ({ filterViewId: v.filterViewId, title: v.title })) })) }),
      batchUpdate: ({ requests }: { requests: Record<string, { filter?: View & { range: { sheetId: number } }; filterId?: number }>[] }) => {
        batches.push(requests);
        for (const request of requests) {
          if (request.deleteFilterView) for (const list of views.values()) list.splice(list.findIndex((v) => v.filterViewId === request.deleteFilterView.filterId), 1);
          if (request.addFilterView) sheetOf(request.addFilterView.filter!.range).push({ ...request.addFilterView.filter!, filterViewId: nextId++ });
          if (request.updateFilterView) {
            const list = sheetOf(request.updateFilterView.filter!.range);
            list[list.findIndex((v) => v.filterViewId === request.updateFilterView.filter!.filterViewId)] = request.updateFilterView.filter!;
          }
        }
        return {};
      },
    },
  };
}

afterEach(() => vi.unstubAllGlobals());

describe('filter views through the Sheets advanced service', () => {
  function setUp() {
    const env = createAppsScriptEnvironment({ spreadsheets: [{ id: 'book-1', timeZone: 'Etc/UTC', sheets: [sheetFromRows('Customers', [['Customer ID', 'Owner'], ['C1', 'Ann']])] }] });
    env.startExecution({});
    const sheetId = env.spreadsheet.sheetNamed('Customers')!.sheetId;
    const api = fakeSheetsApi([sheetId]);
    vi.stubGlobal('Sheets', api);
    return { env, api, sheetId, store: sheetsFilterViews_(env.spreadsheet.proxy) };
  }

  it('adds one view per rep with a custom-formula condition on the Owner column, in one batchUpdate', () => {
    const { api, sheetId, store } = setUp();
    const wanted = repFilterViews([{ name: 'Ann', email: 'ann@x.com' }, { name: 'Bo', email: '' }], 1, 1);
    store.apply('Customers', planFilterViews(store.list('Customers'), wanted));
    expect(api.batches).toHaveLength(1);
    const [ann] = api.views.get(sheetId)!;
    expect(ann).toMatchObject({
      title: 'Tierwise · Ann',
      range: { sheetId, startRowIndex: 0 },
      filterSpecs: [{ columnIndex: 1, filterCriteria: { condition: { type: 'CUSTOM_FORMULA', values: [{ userEnteredValue: '=OR(LOWER(TRIM($B2))="ann",LOWER(TRIM($B2))="ann@x.com")' } ] } } }],
    });
  });

  it('updates its own views on a second run and leaves the user\'s own views alone', () => {
    const { api, sheetId, store } = setUp();
    api.views.get(sheetId)!.push({ filterViewId: 1, title: 'My own view', range: {}, filterSpecs: [] });
    const wanted = repFilterViews([{ name: 'Ann', email: '' }], 1, 1);
    store.apply('Customers', planFilterViews(store.list('Customers'), wanted));
    store.apply('Customers', planFilterViews(store.list('Customers'), wanted));
    expect(api.views.get(sheetId)!.map((v) => v.title)).toEqual(['My own view', 'Tierwise · Ann']);
    expect(store.list('Customers').map((v) => v.title)).toEqual(['Tierwise · Ann']);
  });

  it('says how to enable the service when it is not enabled', () => {
    const env = createAppsScriptEnvironment({});
    env.startExecution({});
    vi.stubGlobal('Sheets', undefined);
    expect(() => sheetsFilterViews_(env.spreadsheet.proxy)).toThrow(/Sheets advanced service is not enabled/);
  });
});
