import { describe, expect, it } from 'vitest';
import { MANAGER, loadBundle, repsRows, tab } from './bundle.js';
import { createAppsScriptEnvironment, sheetFromRows } from './fakes/index.js';

describe('an orders-only book in Sheets', () => {
  it('gets a new Customers tab made from its deals, which the user then owns: ids stay text, the owned columns go beside them', () => {
    const deals = [
      ['Order ID', 'Customer ID', 'Customer Name', 'Email', 'Amount', 'Order Date'],
      ['O1', '00123', 'Acme Ltd', 'ann@acme.com', 100, new Date('2024-01-05T00:00:00Z')],
      ['O2', '00456', 'Beta Inc', 'bo@beta.com', 50, new Date('2024-02-05T00:00:00Z')],
      ['O3', '00123', 'ACME Ltd.', 'ann@acme.com', 70, new Date('2024-02-20T00:00:00Z')],
    ];
    const env = createAppsScriptEnvironment({
      now: '2024-03-01T08:00:00Z',
      spreadsheets: [{ id: 'book-1', timeZone: 'UTC', sheets: [sheetFromRows('Deals', deals), sheetFromRows('Reps', repsRows())] }],
    });
    const gas = loadBundle(env);
    env.setUser(MANAGER);
    gas.saveSettings({ settings: { managers: [MANAGER] } });
    const result = gas.rescore({ asOf: '2024-03-01' });
    expect(result.status).toBe('done');
    expect(result.customers).toBe(2);

    const sheet = tab(env, 'Customers');
    const values = sheet.rawRange(1, 1, 3, sheet.maxColumns).getDisplayValues();
    expect(values.map((row) => row.slice(0, 3))).toEqual([
      ['Customer ID', 'Name', 'Email'],
      ['00123', 'ACME Ltd.', 'ann@acme.com'],
      ['00456', 'Beta Inc', 'bo@beta.com'],
    ]);
    const header = values[0];
    expect(values[1][header.indexOf('TW Frequency')]).toBe('2');
    expect(sheet.frozenRows).toBe(1);

    // The next rescore reads the tab it made, and makes nothing new.
    expect(gas.rescore({ asOf: '2024-03-01' }).status).toBe('done');
    expect(tab(env, 'Customers').rawRange(2, 1, 2, 1).getDisplayValues()).toEqual([['00123'], ['00456']]);
  });
});
