import { describe, expect, it } from 'vitest';
import { OWN_TABS } from '../../src/app/owned-columns.js';
import type { Cell } from '../../src/core/table.js';
import { drawDashboard_ } from '../../src/gas/dashboard-sheet.js';
import { createAppsScriptEnvironment, sheetFromRows } from './fakes/index.js';
import { managedBook, tab } from './bundle.js';

/** Rows in the shape buildDashboard gives (src/app/dashboard.ts): blocks after blank rows, numbers as numbers. */
function demoDashboardRows(): Cell[][] {
  return [
    ['Tierwise dashboard', 'as of', '2026-11-01'],
    [],
    ['Tier', 'Customers', 'Share'],
    ['A', 100, 0.2],
    ['B', 149, 0.3],
    ['C', 249, 0.5],
    [],
    ['Segment', 'Customers', 'Share'],
    ['Potential Loyalist', 153, 0.3072],
    ['Lost', 69, 0.1386],
    [],
    ['Rep', 'Customers', 'Total score', 'A tier', 'Capacity', 'Capacity use', 'Won (90 days)', 'Closed (90 days)', 'Conversion', 'Customers lost'],
    ['Alice Chen', 73, 2900.5, 20, 90, 0.8111, 4, 6, 0.6667, 1],
    ['=Bob Martin', 69, 2500, 12, null, null, 2, 2, 1, 0],
    [],
    ['Measure', 'Value'],
    ['Gini of total score across active reps (0 = even)', 0.12],
  ];
}

function environment() {
  const env = createAppsScriptEnvironment({ spreadsheets: [{ id: 'book-1', timeZone: 'Etc/UTC', sheets: [sheetFromRows('Customers', [['Customer ID'], ['C1']])] }] });
  env.startExecution({ authMode: env.AuthMode.FULL });
  return env;
}

/** What SheetsWorkbook.replaceTab does for the dashboard tab. */
function writeDashboard(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, rows: readonly (readonly Cell[])[]) {
  const sheet = spreadsheet.getSheetByName(OWN_TABS.dashboard) ?? spreadsheet.insertSheet(OWN_TABS.dashboard);
  drawDashboard_(sheet, rows);
  return sheet;
}

describe('the TW Dashboard tab', () => {
  it('holds the dashboard rows and one native chart each for tier mix, segment mix and load per rep', () => {
    const env = environment();
    const rows = demoDashboardRows();
    writeDashboard(env.spreadsheet.proxy, rows);
    const sheet = env.spreadsheet.sheetNamed(OWN_TABS.dashboard)!;
    expect(sheet.rawRange(1, 1).getValues()[0][0]).toBe('Tierwise dashboard');
    expect(sheet.rawRange(14, 5).getValues()[0][0]).toBe('');
    expect(sheet.rawRange(14, 1).getValues()[0][0]).toBe('=Bob Martin');
    expect(sheet.rawRange(14, 1).getFormulas()[0][0]).toBe('');
    const charts = sheet.charts;
    expect(charts.map((c) => [c.type, c.option('title')])).toEqual([
      ['PIE', 'Tier mix'],
      ['BAR', 'RFM segment mix'],
      ['COLUMN', 'Customers and capacity per rep'],
    ]);
    // The tier chart reads the tier block: header 'Tier' and the three tiers' counts.
    const [labels, counts] = charts[0].ranges.map((r) => r.getValues().map((row) => row[0]));
    expect(labels).toEqual(['Tier', 'A', 'B', 'C']);
    expect(counts[0]).toBe('Customers');
    const repChart = charts[2].ranges.map((r) => r.getValues()[0][0]);
    expect(repChart).toEqual(['Rep', 'Customers', 'Capacity']);
  });

  it('is rebuilt on a second run without stacking charts, and with a fixed number of calls', () => {
    const env = environment();
    const rows = demoDashboardRows();
    writeDashboard(env.spreadsheet.proxy, rows);
    env.calls.reset();
    writeDashboard(env.spreadsheet.proxy, rows.slice(0, 7));
    const sheet = env.spreadsheet.sheetNamed(OWN_TABS.dashboard)!;
    expect(sheet.charts).toHaveLength(1);
    expect(sheet.getLastRow()).toBe(6);
    expect(env.calls.count('Sheet.removeChart')).toBe(3);
    expect(env.calls.count('Range.setValues')).toBe(1);
  });
});

describe('the chart stand-in', () => {
  it('puts a built chart on the sheet only when inserted, and takes it off when removed', () => {
    const env = environment();
    const sheet = env.spreadsheet.sheetNamed('Customers')!;
    const chart = sheet.proxy.newChart().asColumnChart().addRange(sheet.proxy.getRange('A1:A2')).setPosition(2, 3, 0, 0).build();
    expect(sheet.proxy.getCharts()).toHaveLength(0);
    sheet.proxy.insertChart(chart);
    expect(sheet.proxy.getCharts()).toHaveLength(1);
    expect(chart.getContainerInfo().getAnchorColumn()).toBe(3);
    expect(chart.getRanges()[0].getA1Notation()).toBe('A1:A2');
    sheet.proxy.removeChart(chart);
    expect(sheet.proxy.getCharts()).toHaveLength(0);
    expect(env.calls.count('Sheet.newChart')).toBe(1);
  });
});

describe('the dashboard on a rescore through the built bundle', () => {
  it('is rebuilt with its charts on every rescore, never stacked', () => {
    const { env, gas } = managedBook();
    gas.rescore({ asOf: '2024-03-01' });
    gas.rescore({ asOf: '2024-03-01' });
    const dashboard = tab(env, OWN_TABS.dashboard);
    expect(dashboard.charts.length).toBeGreaterThanOrEqual(2);
    expect(dashboard.charts.length).toBeLessThanOrEqual(3);
    expect(dashboard.rawRange(1, 1).getValues()[0][0]).toBe('Tierwise dashboard');
  });
});
