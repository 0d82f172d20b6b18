import { afterEach, describe, expect, it, vi } from 'vitest';
import { planFilterViews, repFilterViews } from '../../src/app/server/sidebar-filter-views.js';
import { sheetsFilterViews_ } from '../../src/gas/filter-views.js';
import { refusal as refusalOf } from './bundle.js';
import { createAppsScriptEnvironment, sheetFromRows } from './fakes/index.js';

afterEach(() => vi.unstubAllGlobals());

function setUp() {
  const env = createAppsScriptEnvironment({ spreadsheets: [{ id: 'book-1', timeZone: 'Etc/UTC', sheets: [sheetFromRows('Customers', [['Customer ID', 'Owner'], ['C1', 'Ann']])] }] });
  env.startExecution({});
  const sheetId = env.spreadsheet.sheetNamed('Customers')!.sheetId;
  vi.stubGlobal('Sheets', env.sheetsApi);
  const views = () => env.sheetsApi.viewsOf('book-1', sheetId);
  return { env, api: env.sheetsApi, sheetId, views, store: sheetsFilterViews_(env.spreadsheet.proxy) };
}

describe('filter views through the Sheets advanced service', () => {
  it('adds one view per rep with a custom-formula condition on the Owner column, in one batchUpdate', () => {
    const { env, sheetId, views, store } = setUp();
    const wanted = repFilterViews([{ name: 'Ann', email: 'ann@x.com' }, { name: 'Bo', email: '' }], 1, 1);
    store.apply('Customers', planFilterViews(store.list('Customers'), wanted));
    expect(env.calls.count('Sheets.Spreadsheets.batchUpdate')).toBe(1);
    const [ann] = views();
    expect(ann).toMatchObject({
      title: 'Tierwise · Ann',
      range: { sheetId, startRowIndex: 0 },
      filterSpecs: [{ columnIndex: 1, filterCriteria: { condition: { type: 'CUSTOM_FORMULA', values: [{ userEnteredValue: '=OR(LOWER(TRIM($B2))="ann",LOWER(TRIM($B2))="ann@x.com")' } ] } } }],
    });
  });

  it('updates its own views on a second run and leaves the user\'s own views alone', () => {
    const { sheetId, views, store } = setUp();
    views().push({ filterViewId: 1, title: 'My own view', range: { sheetId }, filterSpecs: [] });
    const wanted = repFilterViews([{ name: 'Ann', email: '' }], 1, 1);
    store.apply('Customers', planFilterViews(store.list('Customers'), wanted));
    store.apply('Customers', planFilterViews(store.list('Customers'), wanted));
    expect(views().map((v) => v.title)).toEqual(['My own view', 'Tierwise · Ann']);
    expect(store.list('Customers').map((v) => v.title)).toEqual(['Tierwise · Ann']);
  });

  it('says how to enable the service when it is not enabled', () => {
    const env = createAppsScriptEnvironment({});
    env.startExecution({});
    vi.stubGlobal('Sheets', undefined);
    expect(() => sheetsFilterViews_(env.spreadsheet.proxy)).toThrow(/Sheets advanced service is not enabled/);
  });
});

describe('the Sheets API stand-in checks requests as the API does', () => {
  it('fails the whole batch for an id that names no filter view, and deletes nothing', () => {
    const { api, sheetId, views } = setUp();
    views().push({ filterViewId: 1, title: 'My own view', range: { sheetId }, filterSpecs: [] }, { filterViewId: 2, title: 'Another', range: { sheetId }, filterSpecs: [] });
    const batch = { requests: [{ deleteFilterView: { filterId: 1 } }, { deleteFilterView: { filterId: 999 } }] };
    expect(refusalOf(() => api.Spreadsheets.batchUpdate(batch, 'book-1'))).toContain('No filter view with id: 999');
    expect(views().map((v) => v.filterViewId)).toEqual([1, 2]);
  });

  it('refuses unknown fields, a request of two kinds, and an update without a field mask or with a field FilterView has not', () => {
    const { api, sheetId, views } = setUp();
    views().push({ filterViewId: 1, title: 'Mine', range: { sheetId }, filterSpecs: [] });
    const refused = (request: object) => refusalOf(() => api.Spreadsheets.batchUpdate({ requests: [request] }, 'book-1'));
    expect(refused({ addFilterView: { filter: { title: 'x', range: { sheetId }, color: 'red' } } })).toContain('Unknown name "color"');
    expect(refused({ addFilterView: { filter: { title: 'x', range: { sheetId } } }, deleteFilterView: { filterId: 1 } })).toContain('exactly one kind');
    expect(refused({ updateFilterView: { filter: { filterViewId: 1, title: 'y', range: { sheetId } } } })).toContain('fields is required');
    expect(refused({ updateFilterView: { filter: { filterViewId: 1, title: 'y', range: { sheetId } }, fields: 'title,colour' } })).toContain('field mask names colour');
    expect(refused({ addFilterView: { filter: { title: 'x', range: { sheetId: 424242 } } } })).toContain('No grid with id: 424242');
    expect(views().map((v) => v.title)).toEqual(['Mine']);
  });

  it('updates only the fields its mask names', () => {
    const { api, sheetId, views } = setUp();
    views().push({ filterViewId: 1, title: 'Mine', range: { sheetId, startRowIndex: 0 }, filterSpecs: [] });
    api.Spreadsheets.batchUpdate({ requests: [{ updateFilterView: { filter: { filterViewId: 1, title: 'Renamed', range: { sheetId, startRowIndex: 5 } }, fields: 'title' } }] }, 'book-1');
    expect(views()[0]).toMatchObject({ title: 'Renamed', range: { sheetId, startRowIndex: 0 } });
  });
});
