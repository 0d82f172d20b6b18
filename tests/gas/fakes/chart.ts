/**
 * Embedded charts: Sheet.newChart() gives an EmbeddedChartBuilder; as…Chart() picks the
 * type (the real service returns a typed builder with the same methods we use);
 * build() makes an EmbeddedChart that only Sheet.insertChart puts on the sheet, and
 * Sheet.removeChart takes off. Ranges are kept as the script gave them, so a test can
 * read which cells a chart draws. Only what Tierwise uses is built.
 */
import { FakeRange } from './range.js';
import type { FakeSheet } from './sheet.js';
import { expose, unwrap } from './surface.js';

type Builder = GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;
type Chart = GoogleAppsScript.Spreadsheet.EmbeddedChart;

export type FakeChartType = 'AREA' | 'BAR' | 'COLUMN' | 'LINE' | 'PIE' | 'SCATTER' | 'TABLE';

export const CHART_BUILDER_MEMBERS = [
  'addRange', 'asAreaChart', 'asBarChart', 'asColumnChart', 'asLineChart', 'asPieChart', 'asScatterChart', 'asTableChart',
  'setPosition', 'setOption', 'setNumHeaders', 'build', 'getRanges',
] as const satisfies readonly (keyof Builder)[];

export const CHART_MEMBERS = ['getChartId', 'getRanges', 'getContainerInfo', 'getNumHeaders', 'getOptions'] as const satisfies readonly (keyof Chart)[];

export interface ChartPosition {
  readonly row: number;
  readonly column: number;
  readonly offsetX: number;
  readonly offsetY: number;
}

export class FakeEmbeddedChart {
  readonly proxy: Chart;
  constructor(
    readonly sheet: FakeSheet,
    readonly chartId: number,
    readonly type: FakeChartType,
    readonly ranges: readonly FakeRange[],
    readonly position: ChartPosition,
    readonly options: ReadonlyMap<string, unknown>,
    readonly numHeaders: number,
  ) {
    this.proxy = expose<Chart>(this, 'EmbeddedChart', CHART_MEMBERS, sheet.book.surface);
  }
  getChartId(): number { return this.chartId; }
  getRanges(): GoogleAppsScript.Spreadsheet.Range[] { return this.ranges.map((r) => this.sheet.rangeProxy(r)); }
  getNumHeaders(): number { return this.numHeaders; }
  getContainerInfo(): GoogleAppsScript.Spreadsheet.ContainerInfo {
    const { row, column, offsetX, offsetY } = this.position;
    return {
      getAnchorRow: () => row,
      getAnchorColumn: () => column,
      getOffsetX: () => offsetX,
      getOffsetY: () => offsetY,
    } as GoogleAppsScript.Spreadsheet.ContainerInfo;
  }
  getOptions(): GoogleAppsScript.Charts.ChartOptions {
    return { get: (option: string) => this.options.get(option) ?? null } as GoogleAppsScript.Charts.ChartOptions;
  }
  /** The option as set, for tests (`title`, `legend`…). */
  option(name: string): unknown {
    return this.options.get(name);
  }
}

export class FakeEmbeddedChartBuilder {
  readonly proxy: Builder;
  private type: FakeChartType | null = null;
  private readonly ranges: FakeRange[] = [];
  private position: ChartPosition = { row: 1, column: 1, offsetX: 0, offsetY: 0 };
  private readonly options = new Map<string, unknown>();
  private numHeaders = -1;

  constructor(private readonly sheet: FakeSheet) {
    this.proxy = expose<Builder>(this, 'EmbeddedChartBuilder', CHART_BUILDER_MEMBERS, sheet.book.surface);
  }

  private as(type: FakeChartType): Builder {
    this.type = type;
    return this.proxy;
  }
  asAreaChart() { return this.as('AREA') as unknown as GoogleAppsScript.Spreadsheet.EmbeddedAreaChartBuilder; }
  asBarChart() { return this.as('BAR') as unknown as GoogleAppsScript.Spreadsheet.EmbeddedBarChartBuilder; }
  asColumnChart() { return this.as('COLUMN') as unknown as GoogleAppsScript.Spreadsheet.EmbeddedColumnChartBuilder; }
  asLineChart() { return this.as('LINE') as unknown as GoogleAppsScript.Spreadsheet.EmbeddedLineChartBuilder; }
  asPieChart() { return this.as('PIE') as unknown as GoogleAppsScript.Spreadsheet.EmbeddedPieChartBuilder; }
  asScatterChart() { return this.as('SCATTER') as unknown as GoogleAppsScript.Spreadsheet.EmbeddedScatterChartBuilder; }
  asTableChart() { return this.as('TABLE') as unknown as GoogleAppsScript.Spreadsheet.EmbeddedTableChartBuilder; }

  addRange(range: GoogleAppsScript.Spreadsheet.Range): Builder {
    const raw = unwrap(range, FakeRange);
    if (!raw) return this.sheet.book.surface.realm.fail('Invalid argument: range');
    this.ranges.push(raw);
    return this.proxy;
  }
  getRanges(): GoogleAppsScript.Spreadsheet.Range[] {
    return this.ranges.map((r) => this.sheet.rangeProxy(r));
  }
  setPosition(row: number, column: number, offsetX: number, offsetY: number): Builder {
    this.position = { row, column, offsetX, offsetY };
    return this.proxy;
  }
  setOption(option: string, value: unknown): Builder {
    this.options.set(option, value);
    return this.proxy;
  }
  setNumHeaders(headers: number): Builder {
    this.numHeaders = headers;
    return this.proxy;
  }
  build(): Chart {
    const chart = new FakeEmbeddedChart(this.sheet, this.sheet.book.nextChartId(), this.type ?? 'COLUMN', [...this.ranges], this.position, new Map(this.options), this.numHeaders);
    return chart.proxy;
  }
}
