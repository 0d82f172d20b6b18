/**
 * Counts every Apps Script service call a script makes, per method ('Range.getValues'),
 * so tests and benchmarks can assert that calls do not grow with rows: in Apps Script each
 * call is a round trip to Google's servers, and that, not JavaScript, is what costs time.
 */
export type CallListener = (method: string) => void;

/** A block of cells a call wrote: sheet name and 1-based rectangle. */
export interface WrittenBlock {
  readonly sheet: string;
  readonly row: number;
  readonly column: number;
  readonly numRows: number;
  readonly numColumns: number;
}
export type WriteListener = (block: WrittenBlock) => void;

/** The classes of SpreadsheetApp's object tree: the calls that touch the sheet itself. */
const SPREADSHEET_CLASSES = new Set([
  'SpreadsheetApp', 'Spreadsheet', 'Sheet', 'Range', 'RangeList', 'DataValidationBuilder', 'DataValidation',
  'ConditionalFormatRuleBuilder', 'ConditionalFormatRule', 'BooleanCondition', 'Protection',
]);

export class CallLog {
  private readonly counts = new Map<string, number>();
  private readonly listeners = new Set<CallListener>();
  private readonly writeListeners = new Set<WriteListener>();

  /** Called by the stand-ins before each method body runs; listeners may throw into the script. */
  record(method: string): void {
    this.counts.set(method, (this.counts.get(method) ?? 0) + 1);
    for (const listener of this.listeners) listener(method);
  }

  count(method: string): number {
    return this.counts.get(method) ?? 0;
  }

  /** All calls, or those whose 'Class.method' name passes `filter`. */
  total(filter: (method: string) => boolean = () => true): number {
    let sum = 0;
    for (const [method, n] of this.counts) if (filter(method)) sum += n;
    return sum;
  }

  /** Calls to the Spreadsheet service (SpreadsheetApp and every object it hands out). */
  spreadsheetCalls(): number {
    return this.total((method) => SPREADSHEET_CLASSES.has(method.slice(0, method.indexOf('.'))));
  }

  /** Every counter, sorted by method name, for printing or `toEqual`. */
  byMethod(): Record<string, number> {
    return Object.fromEntries([...this.counts].sort(([a], [b]) => a.localeCompare(b)));
  }

  reset(): void {
    this.counts.clear();
  }

  /** Called by the stand-ins when cell contents are written. */
  recordWrite(block: WrittenBlock): void {
    for (const listener of this.writeListeners) listener(block);
  }

  /** Runs `listener` on every block of cell contents written; returns the unsubscribe function. */
  onWrite(listener: WriteListener): () => void {
    this.writeListeners.add(listener);
    return () => this.writeListeners.delete(listener);
  }

  /** Runs `listener` on every call (after counting it); returns the unsubscribe function. */
  onCall(listener: CallListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
