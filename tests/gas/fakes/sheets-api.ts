/**
 * The Sheets advanced service (`Sheets.Spreadsheets.get` and `batchUpdate`), for filter
 * views, with the checks the API makes (Sheets API reference: `spreadsheets.batchUpdate`,
 * `Request`, `FilterView`, `AddFilterViewRequest`, `UpdateFilterViewRequest`,
 * `DeleteFilterViewRequest`):
 * - each request sets exactly one kind; only the filter-view kinds are built here;
 * - a filter view's fields are those of `FilterView`; an unknown one is refused as the
 *   API refuses unknown JSON fields ("Invalid JSON payload received. Unknown name …");
 * - `updateFilterView` needs a `fields` mask naming `FilterView` fields only;
 * - an id that names no filter view fails the whole batch, and a failed batch changes
 *   nothing ("the requests are applied atomically": batchUpdate reference).
 * The error texts after "Invalid requests[i].kind:" are worded by us.
 */
import type { Host } from './host.js';

const FILTER_VIEW_FIELDS = new Set(['filterViewId', 'title', 'range', 'namedRangeId', 'tableId', 'sortSpecs', 'criteria', 'filterSpecs']);
const RANGE_FIELDS = new Set(['sheetId', 'startRowIndex', 'endRowIndex', 'startColumnIndex', 'endColumnIndex']);
const KINDS = ['addFilterView', 'updateFilterView', 'deleteFilterView'] as const;

export interface FilterViewRecord {
  filterViewId: number;
  title: string;
  range: Record<string, number>;
  filterSpecs: unknown[];
}

export class FakeSheetsApi {
  /** Filter views by spreadsheet id, then by sheet id. */
  readonly views = new Map<string, Map<number, FilterViewRecord[]>>();
  private nextId = 1_000_001;
  readonly Spreadsheets: { get: (id: string, options?: { fields?: string }) => unknown; batchUpdate: (body: { requests?: unknown[] }, id: string) => unknown };

  constructor(private readonly host: Host) {
    this.Spreadsheets = {
      get: (id, options) => this.get(id, options),
      batchUpdate: (body, id) => this.batchUpdate(body, id),
    };
  }

  /** The filter views of one sheet, as the API holds them. */
  viewsOf(spreadsheetId: string, sheetId: number): FilterViewRecord[] {
    let book = this.views.get(spreadsheetId);
    if (!book) this.views.set(spreadsheetId, (book = new Map()));
    let list = book.get(sheetId);
    if (!list) book.set(sheetId, (list = []));
    return list;
  }

  private fail(message: string): never {
    return this.host.realm.fail(`API call to sheets.spreadsheets.batchUpdate failed with error: ${message}`);
  }

  private book(id: string) {
    const book = this.host.spreadsheetById(String(id));
    if (!book) this.host.realm.fail(`API call to sheets.spreadsheets.get failed with error: Requested entity was not found.`);
    return book;
  }

  private get(id: string, options?: { fields?: string }): unknown {
    this.host.calls.record('Sheets.Spreadsheets.get');
    const book = this.book(id);
    if (options?.fields !== undefined && !/^[\w(),.]+$/.test(options.fields)) {
      this.host.realm.fail(`API call to sheets.spreadsheets.get failed with error: Invalid field selection ${options.fields}`);
    }
    return {
      spreadsheetId: book.id,
      sheets: book.sheets.map((sheet) => ({
        properties: { sheetId: sheet.sheetId, title: sheet.name },
        filterViews: this.viewsOf(book.id, sheet.sheetId).map((view) => structuredClone(view)),
      })),
    };
  }

  private batchUpdate(body: { requests?: unknown[] }, id: string): unknown {
    this.host.calls.record('Sheets.Spreadsheets.batchUpdate');
    const book = this.book(id);
    const requests = body?.requests;
    if (!Array.isArray(requests) || requests.length === 0) this.fail('Invalid JSON payload: at least one request is required.');
    // Work on a copy: the batch is atomic.
    const draft = new Map([...(this.views.get(book.id) ?? new Map<number, FilterViewRecord[]>())].map(([sheet, list]) => [sheet, list.map((v) => structuredClone(v))]));
    const listOf = (sheetId: number) => {
      if (!book.sheets.some((sheet) => sheet.sheetId === sheetId)) this.fail(`Invalid requests: No grid with id: ${sheetId}`);
      let list = draft.get(sheetId);
      if (!list) draft.set(sheetId, (list = []));
      return list;
    };
    const find = (filterId: unknown, at: string) => {
      for (const list of draft.values()) {
        const index = list.findIndex((view) => view.filterViewId === filterId);
        if (index >= 0) return { list, index };
      }
      return this.fail(`Invalid ${at}: No filter view with id: ${String(filterId)}`);
    };
    const replies: unknown[] = [];
    requests.forEach((request, i) => {
      const kinds = typeof request === 'object' && request !== null ? Object.keys(request) : [];
      if (kinds.length !== 1) this.fail(`Invalid requests[${i}]: a request must set exactly one kind, not ${kinds.length}.`);
      const kind = kinds[0] as (typeof KINDS)[number];
      if (!KINDS.includes(kind)) this.fail(`not supported by the stand-in: requests[${i}].${kinds[0]}`);
      const at = `requests[${i}].${kind}`;
      const value = (request as Record<string, Record<string, unknown>>)[kind];
      if (kind === 'deleteFilterView') {
        this.checkFields(value, new Set(['filterId']), at);
        const { list, index } = find(value.filterId, at);
        list.splice(index, 1);
        replies.push({});
        return;
      }
      if (kind === 'addFilterView') {
        this.checkFields(value, new Set(['filter']), at);
        const filter = this.checkView(value.filter, `${at}.filter`);
        const view = { ...filter, filterViewId: this.nextId++ } as FilterViewRecord;
        listOf(view.range.sheetId).push(view);
        replies.push({ addFilterView: { filter: structuredClone(view) } });
        return;
      }
      this.checkFields(value, new Set(['filter', 'fields']), at);
      if (typeof value.fields !== 'string' || value.fields === '') this.fail(`Invalid ${at}: fields is required (a field mask such as "title,range").`);
      for (const path of value.fields.split(',').map((p) => p.trim().split('.')[0])) {
        if (!FILTER_VIEW_FIELDS.has(path) && path !== '*') this.fail(`Invalid ${at}: field mask names ${path}, which FilterView has not.`);
      }
      const filter = this.checkView(value.filter, `${at}.filter`);
      const { list, index } = find(filter.filterViewId, at);
      const masked = value.fields === '*' ? [...FILTER_VIEW_FIELDS] : value.fields.split(',').map((p) => p.trim());
      const next = { ...list[index] } as Record<string, unknown>;
      for (const field of masked) if (field !== 'filterViewId') next[field] = (filter as unknown as Record<string, unknown>)[field];
      if ((next.range as Record<string, number>).sheetId !== list[index].range.sheetId) {
        list.splice(index, 1);
        listOf((next.range as Record<string, number>).sheetId).push(next as unknown as FilterViewRecord);
      } else list[index] = next as unknown as FilterViewRecord;
      replies.push({});
    });
    this.views.set(book.id, draft);
    return { spreadsheetId: book.id, replies };
  }

  private checkFields(value: unknown, allowed: ReadonlySet<string>, at: string): asserts value is Record<string, unknown> {
    if (typeof value !== 'object' || value === null) this.fail(`Invalid ${at}: an object is required.`);
    for (const key of Object.keys(value)) {
      if (!allowed.has(key)) this.fail(`Invalid JSON payload received. Unknown name "${key}" at '${at}': Cannot find field.`);
    }
  }

  private checkView(value: unknown, at: string): FilterViewRecord {
    this.checkFields(value, FILTER_VIEW_FIELDS, at);
    const range = value.range;
    this.checkFields(range, RANGE_FIELDS, `${at}.range`);
    if (!Number.isInteger(range.sheetId)) this.fail(`Invalid ${at}.range: sheetId is required.`);
    if (value.title !== undefined && typeof value.title !== 'string') this.fail(`Invalid ${at}.title: a string is required.`);
    if (value.filterSpecs !== undefined && !Array.isArray(value.filterSpecs)) this.fail(`Invalid ${at}.filterSpecs: a list is required.`);
    for (const [j, spec] of ((value.filterSpecs as unknown[]) ?? []).entries()) {
      this.checkFields(spec, new Set(['columnIndex', 'dataSourceColumnReference', 'filterCriteria']), `${at}.filterSpecs[${j}]`);
      if (!Number.isInteger(spec.columnIndex)) this.fail(`Invalid ${at}.filterSpecs[${j}]: columnIndex is required.`);
    }
    return { title: '', filterSpecs: [], ...structuredClone(value) } as unknown as FilterViewRecord;
  }
}
