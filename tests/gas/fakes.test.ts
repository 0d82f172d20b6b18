import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { changedCells, createAppsScriptEnvironment, sheetFromRows, snapshotSheet, STORE_LIMIT_BYTES, VALUE_LIMIT_BYTES, type EnvironmentOptions } from './fakes/index.js';

const customers = [
  ['Customer ID', 'Name', 'Owner', 'Last Activity'],
  ['C1', 'Acme', 'ann@example.com', new Date('2024-01-02T00:00:00Z')],
  ['C2', 'Beta', '', new Date('2024-01-03T00:00:00Z')],
];

function setup(options: EnvironmentOptions = {}) {
  const env = createAppsScriptEnvironment({
    spreadsheets: [{ id: 'book-1', timeZone: 'Asia/Tokyo', sheets: [sheetFromRows('Customers', customers, { notes: [[], ['', 'key account']] })] }],
    ...options,
  });
  const g = env.globals as unknown as {
    SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    PropertiesService: GoogleAppsScript.Properties.PropertiesService;
    LockService: GoogleAppsScript.Lock.LockService;
    ScriptApp: GoogleAppsScript.Script.ScriptApp;
    Session: GoogleAppsScript.Base.Session;
    Utilities: GoogleAppsScript.Utilities.Utilities;
    HtmlService: GoogleAppsScript.HTML.HtmlService;
  };
  const sheet = () => g.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Customers')!;
  return { env, g, sheet };
}

function thrown(action: () => unknown): Error {
  try {
    action();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a throw');
}

describe('Range', () => {
  it('is 1-based: row 1, column 1 is the top-left cell', () => {
    const { sheet } = setup();
    expect(sheet().getRange(1, 1).getValue()).toBe('Customer ID');
    expect(sheet().getRange(2, 2, 2, 1).getValues()).toEqual([['Acme'], ['Beta']]);
    expect(sheet().getRange('B2:C3').getValues()).toEqual([['Acme', 'ann@example.com'], ['Beta', '']]);
    expect(sheet().getRange(2, 3, 2, 2).getA1Notation()).toBe('C2:D3');
  });

  it('writes one value into every range of a RangeList in one call, read as typed', () => {
    const { env, sheet } = setup();
    const tab = sheet();
    env.calls.reset();
    tab.getRangeList(['C2', 'E1:E2']).setValue("'007");
    expect(env.calls.byMethod()).toEqual({ 'RangeList.setValue': 1, 'Sheet.getRangeList': 1 });
    expect(env.calls.spreadsheetCalls()).toBe(2);
    expect(tab.getRange('C2:C3').getValues()).toEqual([['007'], ['']]);
    expect(tab.getRange('E1:E2').getValues()).toEqual([['007'], ['007']]);
    expect(thrown(() => tab.getRangeList([])).message).toContain('Sheet.getRangeList');
    expect(thrown(() => tab.getRangeList(['ZZZ9999'])).message).toBe('The coordinates of the range are outside the dimensions of the sheet.');
  });

  it('returns empty cells as empty strings, never null', () => {
    const { sheet } = setup();
    expect(sheet().getRange('E1:F2').getValues()).toEqual([['', ''], ['', '']]);
    expect(sheet().getRange('A1:B1').getFormulas()).toEqual([['', '']]);
  });

  it('hands out a new Date object for a date cell on every read', () => {
    const { sheet } = setup();
    const first = sheet().getRange('D2').getValue() as Date;
    const second = sheet().getRange('D2').getValue() as Date;
    expect(first).toBeInstanceOf(Date);
    expect(first).not.toBe(second);
    first.setFullYear(1999);
    expect((sheet().getRange('D2').getValue() as Date).toISOString()).toBe('2024-01-02T00:00:00.000Z');
  });

  it('refuses data with the wrong number of rows with the Apps Script message, writing nothing', () => {
    const { sheet } = setup();
    const error = thrown(() => sheet().getRange(1, 1, 2, 2).setValues([['x', 'y']]));
    expect(error.name).toBe('Exception');
    expect(error.message).toBe('The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.');
    expect(sheet().getRange('A1').getValue()).toBe('Customer ID');
  });

  it('refuses a ragged array with the columns message, writing nothing', () => {
    const { sheet } = setup();
    const error = thrown(() => sheet().getRange(1, 1, 2, 2).setValues([['x', 'y'], ['z']]));
    expect(error.message).toBe('The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.');
    expect(sheet().getRange('A1:B1').getValues()).toEqual([['Customer ID', 'Name']]);
  });

  it("turns text starting with '=' into a formula and keeps text after an apostrophe as text", () => {
    const { sheet } = setup();
    sheet().getRange('E2:E3').setValues([['=HYPERLINK("http://evil")'], ["'=1+1"]]);
    expect(sheet().getRange('E2:E3').getFormulas()).toEqual([['=HYPERLINK("http://evil")'], ['']]);
    expect(sheet().getRange('E2:E3').getValues()).toEqual([['#NAME?'], ['=1+1']]);
  });

  it('parses number-, boolean- and date-looking text as Sheets does, unless the cell is plain text', () => {
    const { sheet } = setup();
    sheet().getRange('F1').setNumberFormat('@');
    sheet().getRange('E1:E4').setValues([['00123'], ['true'], ['2024-03-01'], ['1 Main St']]);
    sheet().getRange('F1').setValue('00123');
    const [[id], [flag], [date], [street]] = sheet().getRange('E1:E4').getValues();
    expect([id, flag, street]).toEqual([123, true, '1 Main St']);
    expect((date as Date).toISOString()).toBe('2024-02-29T15:00:00.000Z'); // midnight in Tokyo
    expect(sheet().getRange('F1').getValue()).toBe('00123');
  });

  it('keeps values, notes, formats and validation in their cells when a column is inserted before them', () => {
    const { sheet } = setup();
    sheet().getRange('B1').setNumberFormat('0.00');
    sheet().insertColumnBefore(2);
    expect(sheet().getRange('A1:C1').getValues()).toEqual([['Customer ID', '', 'Name']]);
    expect(sheet().getRange('C2').getNote()).toBe('key account');
    expect(sheet().getRange('C1').getNumberFormat()).toBe('0.00');
    expect(sheet().getMaxColumns()).toBe(27);
  });

  it('shows numbers and dates as Sheets displays them', () => {
    const { sheet } = setup();
    sheet().getRange('E1:G1').setValues([[1234.5, 0.25, true]]).setNumberFormats([['#,##0.00', '0%', '@']]);
    sheet().getRange('D2').setNumberFormat('yyyy-mm-dd');
    expect(sheet().getRange('E1:G1').getDisplayValues()).toEqual([['1,234.50', '25%', 'TRUE']]);
    expect(sheet().getRange('D2:D3').getDisplayValues()).toEqual([['2024-01-02'], ['1/3/2024 9:00:00']]); // midnight UTC is 9:00 in Tokyo
  });
});

describe('Sheet bounds', () => {
  it('throws for a range outside the grid instead of growing it', () => {
    const { sheet } = setup();
    expect(thrown(() => sheet().getRange(1001, 1)).message).toBe('The coordinates of the range are outside the dimensions of the sheet.');
    expect(thrown(() => sheet().getRange(0, 1)).message).toBe('The starting row of the range is too small.');
    expect(thrown(() => sheet().getRange('not a range')).message).toBe('Range not found');
  });

  it('grows only through insertRows/appendRow', () => {
    const { env, sheet } = setup({ spreadsheets: [{ sheets: [sheetFromRows('Customers', customers, { maxRows: 3, maxColumns: 4 })] }] });
    sheet().appendRow(['C3', 'Gamma', '', '', 'extra']);
    expect(sheet().getMaxRows()).toBe(4);
    expect(sheet().getMaxColumns()).toBe(5);
    expect(sheet().getRange(4, 1, 1, 5).getValues()).toEqual([['C3', 'Gamma', '', '', 'extra']]);
    sheet().insertRowsAfter(4, 10);
    expect(sheet().getMaxRows()).toBe(14);
    expect(sheet().getLastRow()).toBe(4);
    expect(env.calls.count('Range.setValues')).toBe(0);
  });

  it('gives the data range up to the last cell with content', () => {
    const { sheet } = setup();
    expect(sheet().getDataRange().getA1Notation()).toBe('A1:D3');
  });
});

describe('writes held until flush', () => {
  const cell = (env: ReturnType<typeof setup>['env'], a1: string) => snapshotSheet(env.spreadsheet.sheetNamed('Customers')!).cells[a1]?.value;

  it('are read back by the script at once, survive a flush, and are lost when the platform stops the run before the next one', () => {
    const { env, g, sheet } = setup();
    sheet().getRange('B2').setValue('Flushed');
    g.SpreadsheetApp.flush();
    sheet().getRange('B3').setValue('Pending');
    sheet().getRange('C2').setNote('pending note');
    expect(sheet().getRange('B3').getValue()).toBe('Pending');
    expect(thrown(() => env.stopExecution()).message).toBe('Exceeded maximum execution time');
    expect(thrown(() => sheet().getRange('B2').getValue()).message).toBe('Exceeded maximum execution time');
    expect(cell(env, 'B2')).toBe('Flushed');
    expect(cell(env, 'B3')).toBe('Beta');
    expect(snapshotSheet(env.spreadsheet.sheetNamed('Customers')!).cells.C2?.note).toBeUndefined();
  });

  it('are kept when the execution ends normally, and a test editing the sheet by hand is never undone', () => {
    const { env, sheet } = setup();
    sheet().getRange('B3').setValue('Kept');
    env.setUser('manager@example.com');
    env.spreadsheet.sheetNamed('Customers')!.rawRange(2, 2).setValues([['By hand']]);
    expect(thrown(() => env.stopExecution()).message).toBe('Exceeded maximum execution time');
    expect(cell(env, 'B3')).toBe('Kept');
    expect(cell(env, 'B2')).toBe('By hand');
  });

  it('are lost when the execution runs past its time limit', () => {
    // Four calls of a second each get the value written; the sixth is past the limit.
    const { env, sheet } = setup({ msPerCall: 1_000, maxExecutionMs: 5_500 });
    let written = 0;
    env.calls.onWrite(() => (written += 1));
    expect(thrown(() => {
      sheet().getRange('B3').setValue('Too late');
      sheet().getRange('B2').getValue();
    }).message).toBe('Exceeded maximum execution time');
    expect(written).toBe(1);
    expect(cell(env, 'B3')).toBe('Beta');
  });
});

describe('validation and conditional formats', () => {
  it('accepts any name in a warning-only list rule but refuses it under a rejecting rule', () => {
    const { g, sheet } = setup();
    const warn = g.SpreadsheetApp.newDataValidation().requireValueInList(['ann@example.com'], true).setAllowInvalid(true).build();
    sheet().getRange('C2:C3').setDataValidation(warn);
    sheet().getRange('C3').setValue('newcomer@example.com');
    expect(sheet().getRange('C3').getValue()).toBe('newcomer@example.com');
    expect(sheet().getRange('C3').getDataValidation()!.getCriteriaValues()).toEqual([['ann@example.com'], true]);

    const reject = warn.copy().setAllowInvalid(false).build();
    sheet().getRange('C3').setDataValidation(reject);
    expect(thrown(() => sheet().getRange('C3').setValue('someone@example.com')).message).toBe(
      'The data you entered in cell C3 violates the data validation rules set on this cell.',
    );
  });

  it('refuses a list rule of more than 500 items and takes a rule over a range of any length, checked against its cells', () => {
    const { g, sheet } = setup();
    const names = Array.from({ length: 501 }, (_, i) => `rep${i}`);
    expect(thrown(() => g.SpreadsheetApp.newDataValidation().requireValueInList(names, true)).message).toMatch(/^The data validation rule has more than 500 items\./);
    expect(() => g.SpreadsheetApp.newDataValidation().requireValueInList(names.slice(0, 500), true)).not.toThrow();

    const listed = sheet().getRange('A2:A3');
    const rule = g.SpreadsheetApp.newDataValidation().requireValueInRange(listed, true).setAllowInvalid(false).build();
    expect(rule.getCriteriaValues()[0].getA1Notation()).toBe('A2:A3');
    sheet().getRange('D4').setDataValidation(rule);
    sheet().getRange('D4').setValue(sheet().getRange('A3').getValue());
    expect(thrown(() => sheet().getRange('D4').setValue('nobody')).message).toBe('The data you entered in cell D4 violates the data validation rules set on this cell.');
  });

  it('keeps copies of conditional format rules and moves their ranges with the cells', () => {
    const { g, sheet } = setup();
    const rule = g.SpreadsheetApp.newConditionalFormatRule().whenTextEqualTo('A').setBackground('#b7e1cd').setRanges([sheet().getRange('D2:D3')]).build();
    sheet().setConditionalFormatRules([rule]);
    sheet().insertColumnsBefore(1, 2);
    const [stored] = sheet().getConditionalFormatRules();
    expect(stored!.getRanges().map((r) => r.getA1Notation())).toEqual(['F2:F3']);
    expect(stored!.getBooleanCondition()!.getBackground()).toBe('#b7e1cd');
    sheet().deleteColumn(6);
    expect(sheet().getConditionalFormatRules()).toEqual([]);
  });
});

describe('PropertiesService', () => {
  it('stores strings and refuses a value over 9 KB', () => {
    const { g } = setup();
    const props = g.PropertiesService.getDocumentProperties();
    props.setProperty('n', 5 as unknown as string);
    expect(props.getProperty('n')).toBe('5');
    expect(thrown(() => props.setProperty('big', 'x'.repeat(VALUE_LIMIT_BYTES + 1))).message).toBe('Argument too large: value');
    expect(props.getProperty('big')).toBeNull();
    props.setProperty('ok', 'x'.repeat(VALUE_LIMIT_BYTES));
    expect(props.getKeys()).toEqual(['n', 'ok']);
  });

  it('refuses to grow a store past 500 KB with the quota message', () => {
    const { g } = setup();
    const props = g.PropertiesService.getDocumentProperties();
    const chunk = 'x'.repeat(VALUE_LIMIT_BYTES - 100);
    const fit = Math.floor(STORE_LIMIT_BYTES / (chunk.length + 4));
    for (let i = 0; i < fit; i++) props.setProperty(`k${String(i).padStart(3, '0')}`, chunk);
    expect(thrown(() => props.setProperty('one-more', chunk)).message).toBe('You have exceeded the property storage quota. Please remove some properties and try again.');
  });

  it('keeps document properties per document and user properties per user', () => {
    const { env, g } = setup();
    g.PropertiesService.getUserProperties().setProperty('theme', 'dark');
    g.PropertiesService.getDocumentProperties().setProperty('settings', '{}');
    env.setUser('rep@example.com');
    expect(g.PropertiesService.getUserProperties().getProperty('theme')).toBeNull();
    expect(g.PropertiesService.getDocumentProperties().getProperty('settings')).toBe('{}');
  });
});

describe('ScriptApp triggers', () => {
  it('allows one time-driven trigger per user per document, as for editor add-ons', () => {
    const { env, g } = setup();
    const trigger = g.ScriptApp.newTrigger('onSchedule').timeBased().everyHours(1).create();
    expect(trigger.getHandlerFunction()).toBe('onSchedule');
    expect(trigger.getEventType()).toBe(g.ScriptApp.EventType.CLOCK);
    expect(thrown(() => g.ScriptApp.newTrigger('onSchedule').timeBased().everyHours(1).create()).message).toBe(
      'This add-on has created too many time-based triggers in this document for this Google user account.',
    );
    env.setUser('second-manager@example.com');
    expect(g.ScriptApp.getProjectTriggers()).toEqual([]);
    g.ScriptApp.newTrigger('onSchedule').timeBased().everyHours(1).create();
    expect(env.triggers.map((t) => t.user)).toEqual(['manager@example.com', 'second-manager@example.com']);
  });

  it('refuses triggers more often than hourly', () => {
    const { g } = setup();
    expect(() => g.ScriptApp.newTrigger('onSchedule').timeBased().everyMinutes(30)).toThrow(/once per hour/);
  });

  it('deletes a trigger, after which another can be created', () => {
    const { g } = setup();
    g.ScriptApp.newTrigger('onSchedule').timeBased().everyHours(1).create();
    const [trigger] = g.ScriptApp.getUserTriggers(g.SpreadsheetApp.getActiveSpreadsheet());
    g.ScriptApp.deleteTrigger(trigger!);
    expect(g.ScriptApp.getProjectTriggers()).toEqual([]);
    expect(() => g.ScriptApp.newTrigger('onSchedule').timeBased().everyHours(1).create()).not.toThrow();
  });

  it('runs a trigger with no active spreadsheet and no Ui, as its creator, for its document', () => {
    const { env, g } = setup({ now: '2024-02-01T08:30:00Z' });
    const uid = g.ScriptApp.newTrigger('onSchedule').timeBased().everyHours(1).create().getUniqueId();
    const event = env.runAsTrigger();
    expect(event).toMatchObject({ triggerUid: uid, authMode: env.AuthMode.FULL, 'day-of-month': 1, hour: 8 });
    expect(g.SpreadsheetApp.getActiveSpreadsheet()).toBeNull();
    expect(thrown(() => g.SpreadsheetApp.getUi()).message).toBe('Cannot call SpreadsheetApp.getUi() from this context.');
    expect(g.SpreadsheetApp.openById('book-1').getSheetByName('customers')!.getName()).toBe('Customers');
    expect(g.Session.getActiveUser().getEmail()).toBe('manager@example.com');
  });

  it('reports whether authorization is required, as the test sets it', () => {
    const { env, g } = setup();
    const status = () => g.ScriptApp.getAuthorizationInfo(g.ScriptApp.AuthMode.FULL).getAuthorizationStatus();
    expect(status()).toBe(g.ScriptApp.AuthorizationStatus.NOT_REQUIRED);
    env.setAuthorizationRequired(true);
    expect(status()).toBe(g.ScriptApp.AuthorizationStatus.REQUIRED);
  });
});

describe('LockService', () => {
  it('makes a second run wait, advancing the clock, and give up while another execution holds the lock', () => {
    const { env, g } = setup();
    const other = env.holdDocumentLock();
    const start = env.clock.now();
    const lock = g.LockService.getDocumentLock();
    expect(lock.tryLock(10_000)).toBe(false);
    expect(env.clock.now() - start).toBe(10_000);
    expect(thrown(() => lock.waitLock(1000)).message).toBe('Lock timeout: another process was holding the lock for too long.');
    other.release();
    expect(lock.tryLock(0)).toBe(true);
    expect(lock.hasLock()).toBe(true);
  });

  it('gets the lock when the holder lets go within the wait', () => {
    const { env, g } = setup();
    env.holdDocumentLock({ releaseAfterMs: 3000 });
    const start = env.clock.now();
    expect(g.LockService.getDocumentLock().tryLock(5000)).toBe(true);
    expect(env.clock.now() - start).toBe(3000);
  });

  it('releases what an execution holds when the next execution starts', () => {
    const { env, g } = setup();
    expect(g.LockService.getDocumentLock().tryLock(0)).toBe(true);
    env.setUser('rep@example.com');
    expect(g.LockService.getDocumentLock().tryLock(0)).toBe(true);
  });
});

describe('AuthMode', () => {
  it('lets AuthMode.NONE build the add-on menu but not read properties or the document', () => {
    const { env, g } = setup();
    env.startExecution({ authMode: env.AuthMode.NONE });
    g.SpreadsheetApp.getUi().createAddonMenu().addItem('Open Tierwise', 'showSidebar').addSeparator().addItem('Rescore now', 'menuRescore').addToUi();
    expect(env.ui.menus).toEqual([
      { caption: 'Tierwise', addon: true, entries: [{ kind: 'item', caption: 'Open Tierwise', functionName: 'showSidebar' }, { kind: 'separator' }, { kind: 'item', caption: 'Rescore now', functionName: 'menuRescore' }] },
    ]);
    expect(() => g.PropertiesService.getDocumentProperties()).toThrow(/permission/);
    expect(() => g.SpreadsheetApp.getActiveSpreadsheet()).toThrow(/permission/);
    expect(g.Session.getActiveUser().getEmail()).toBe('');
  });
});

describe('call counting', () => {
  it('counts every service call by method name', () => {
    const { env, sheet } = setup();
    env.calls.reset();
    sheet().getRange(1, 1, 3, 4).getValues();
    sheet().getRange('A1').setValue('ID');
    expect(env.calls.byMethod()).toEqual({
      'Range.getValues': 1, 'Range.setValue': 1, 'Sheet.getRange': 2, 'Spreadsheet.getSheetByName': 2, 'SpreadsheetApp.getActiveSpreadsheet': 2,
    });
    expect(env.calls.spreadsheetCalls()).toBe(8);
  });

  it('counts the same calls for a whole-tab read and write whatever the number of rows', () => {
    const countFor = (rows: number) => {
      const data = [['Customer ID', 'Score'], ...Array.from({ length: rows }, (_, i) => [`C${i}`, i])];
      const { env, g } = setup({ spreadsheets: [{ sheets: [sheetFromRows('Customers', data)] }] });
      env.calls.reset();
      const tab = g.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Customers')!;
      const values = tab.getDataRange().getValues();
      tab.getRange(2, 3, values.length - 1, 1).setValues(values.slice(1).map((row) => [Number(row[1]) * 2]));
      return env.calls.total();
    };
    expect(countFor(10)).toBe(countFor(5000));
  });
});

describe('the stand-ins are loud about what they lack', () => {
  it("throws 'not supported by the stand-in' for an Apps Script method that is not built", () => {
    const { sheet } = setup();
    const range = sheet().getRange('A1') as unknown as { setFontWeight(weight: string): void };
    expect(() => range.setFontWeight('bold')).toThrow('not supported by the stand-in: Range.setFontWeight');
  });
});

describe('Utilities and the clock', () => {
  it('formats dates in the given time zone with Java patterns', () => {
    const { g } = setup();
    const instant = new Date('2024-01-31T16:05:09Z');
    expect(g.Utilities.formatDate(instant, 'Asia/Tokyo', 'yyyy-MM-dd')).toBe('2024-02-01');
    expect(g.Utilities.formatDate(instant, 'Asia/Tokyo', 'HH')).toBe('01');
    expect(g.Utilities.formatDate(instant, 'America/New_York', "yyyy-MM-dd'T'HH:mm:ss")).toBe('2024-01-31T11:05:09');
  });

  it('sleeps on the fake clock and stops an execution after six minutes', () => {
    const { env, g, sheet } = setup({ msPerCall: 1000 });
    g.Utilities.sleep(300_000);
    expect(new (env.globals.Date as DateConstructor)().toISOString()).toBe('2024-01-15T09:05:01.000Z');
    g.Utilities.sleep(60_000);
    expect(() => sheet()).toThrow('Exceeded maximum execution time');
  });
});

describe('snapshots', () => {
  it('names exactly the cells a change touched', () => {
    const { env, sheet } = setup();
    const before = snapshotSheet(env.spreadsheet.sheetNamed('Customers')!);
    sheet().getRange('C3').setValue('bob@example.com');
    sheet().getRange('B2').setNote('');
    const after = snapshotSheet(env.spreadsheet.sheetNamed('Customers')!);
    expect(changedCells(before, after)).toEqual(['B2', 'C3']);
    expect(before.cells.B2).toEqual({ value: 'Acme', note: 'key account' });
  });
});

describe('inside a vm context', () => {
  it('runs a script that calls SpreadsheetApp, with Date on the fake clock and catchable exceptions', () => {
    const { env } = setup();
    const context = env.createContext();
    vm.runInContext(
      `function tag() {
         const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Customers');
         const values = sheet.getDataRange().getValues();
         sheet.getRange(1, 5, values.length, 1).setValues(values.map((row, i) => [i === 0 ? 'Seen' : row[3] instanceof Date]));
         let caught = '';
         try { sheet.getRange(1, 1, 2, 1).setValues([['x']]); } catch (e) { caught = (e instanceof Error) + ' ' + e.name; }
         return { now: new Date().toISOString(), caught };
       }`,
      context,
    );
    const result = (context as { tag(): { now: string; caught: string } }).tag();
    expect(result).toEqual({ now: '2024-01-15T09:00:00.000Z', caught: 'true Exception' });
    expect(env.spreadsheet.sheetNamed('Customers')!.rawRange(1, 5, 3, 1).getValues()).toEqual([['Seen'], [true], [true]]);
  });
});

describe('big books', () => {
  it('holds a tab of 200,000 rows, sized to its data as an import makes it', () => {
    const rows = Array.from({ length: 200_000 }, (_, r) => [`D${r}`, r]);
    const env = createAppsScriptEnvironment({ spreadsheets: [{ sheets: [sheetFromRows('Deals', rows, { maxRows: rows.length, maxColumns: 2 })] }] });
    const sheet = env.spreadsheet.sheetNamed('Deals')!;
    expect([sheet.maxRows, sheet.maxColumns]).toEqual([200_000, 2]);
    expect(sheet.rawRange(200_000, 1, 1, 2).getValues()).toEqual([['D199999', 199_999]]);
  });
});
