import type { Cell } from '../core/table.js';
import { writeWholeTab_ } from './whole-tab.js';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** A block of the dashboard rows (src/app/dashboard.ts): a header row and the data rows under it, 1-based. */
interface Block {
  readonly headerRow: number;
  readonly lastRow: number;
}

/**
 * The charts drawn next to the numbers, each from the block whose header starts with
 * `header` in buildDashboard's rows; `columns` are the 1-based columns charted, the
 * first giving the labels.
 */
const CHARTS = [
  { header: 'Tier', title: 'Tier mix', kind: 'pie', columns: [1, 2] },
  { header: 'Segment', title: 'RFM segment mix', kind: 'bar', columns: [1, 2] },
  { header: 'Rep', title: 'Customers and capacity per rep', kind: 'column', columns: [1, 2, 5] },
] as const;

/** Rows between chart anchors: a default-sized embedded chart is about 18 rows tall. */
const CHART_ROWS = 20;

/**
 * Rebuilds the `TW Dashboard` tab from buildDashboard's rows with native Sheets charts
 * (issue 6 item 3). The tab is ours, so every chart on it is removed first: re-running
 * replaces them instead of stacking new ones. One setValues for the numbers, and a
 * fixed number of calls per chart, whatever the size of the book.
 */
export function drawDashboard_(sheet: Sheet, rows: readonly (readonly Cell[])[]): void {
  for (const chart of sheet.getCharts()) sheet.removeChart(chart);
  const width = Math.max(1, ...rows.map((r) => r.length));
  const chartColumn = width + 2;
  writeWholeTab_(sheet, rows, chartColumn);
  if (rows.length === 0) return;

  const blocks = blocksOf(rows);
  let anchor = 1;
  for (const spec of CHARTS) {
    const block = blocks.get(spec.header);
    if (!block || block.lastRow <= block.headerRow) continue;
    const builder = sheet.newChart();
    const typed = spec.kind === 'pie' ? builder.asPieChart() : spec.kind === 'bar' ? builder.asBarChart() : builder.asColumnChart();
    const rowsTall = block.lastRow - block.headerRow + 1;
    for (const column of spec.columns) typed.addRange(sheet.getRange(block.headerRow, column, rowsTall, 1));
    sheet.insertChart(typed.setNumHeaders(1).setOption('title', spec.title).setPosition(anchor, chartColumn, 0, 0).build());
    anchor += CHART_ROWS;
  }
}

/** Header rows are the first row after a blank one; a block runs to the next blank row. */
function blocksOf(rows: readonly (readonly Cell[])[]): Map<string, Block> {
  const blank = (row: readonly Cell[] | undefined) => !row || row.every((c) => c === null || c === '');
  const blocks = new Map<string, Block>();
  for (let i = 1; i < rows.length; i++) {
    if (!blank(rows[i - 1]) || blank(rows[i])) continue;
    let last = i;
    while (last + 1 < rows.length && !blank(rows[last + 1])) last++;
    const header = String(rows[i][0] ?? '');
    if (!blocks.has(header)) blocks.set(header, { headerRow: i + 1, lastRow: last + 1 });
  }
  return blocks;
}
