/**
 * The built Apps Script bundle (dist/Code.js, from `npm run build`) run inside a fresh
 * node:vm context over the stand-ins, as Apps Script would run it, plus a small book.
 */
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import { createAppsScriptEnvironment, sheetFromRows, type AppsScriptEnvironment, type EnvironmentOptions, type FakeSheet, type SheetSpec } from './fakes/index.js';

const code = readFileSync('dist/Code.js', 'utf8');

/** The bundle's top-level functions, as the sidebar and the triggers call them. */
export interface Bundle {
  onOpen(event?: unknown): void;
  onInstall(event?: unknown): void;
  showSidebar(): void;
  menuRescore(): void;
  menuPropose(): void;
  getState(input?: unknown): any;
  rescore(input?: unknown): any;
  propose(input?: unknown): any;
  saveSettings(input?: unknown): any;
  installSchedule(input?: unknown): any;
  removeSchedule(input?: unknown): any;
  onSchedule(event?: unknown): any;
  [name: string]: (...args: any[]) => any;
}

export function loadBundle(env: AppsScriptEnvironment): Bundle {
  const context = env.createContext();
  vm.runInContext(code, context);
  return context as unknown as Bundle;
}

export const MANAGER = 'manager@example.com';
export const REP = 'ann@example.com';
export const OTHER_MANAGER = 'boss@example.com';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/**
 * Twelve customers with a formula column and notes, a Deals tab and three reps. Dates are
 * midnights in UTC, the book's zone unless a test says otherwise.
 */
export function customersRows(count = 12): unknown[][] {
  const header = ['Customer ID', 'Name', 'Region', 'Industry', 'Owner', 'Last Activity', 'Historical Revenue', 'Potential', 'Strategic', 'Name Length'];
  const rows: unknown[][] = [header];
  for (let i = 1; i <= count; i++) {
    const owner = i % 3 === 0 ? '' : i % 3 === 1 ? 'Ann' : 'Bob';
    rows.push([`C${String(i).padStart(3, '0')}`, `Company ${i}`, i % 2 ? 'North' : 'South', i % 4 ? 'Retail' : 'Finance', owner, day(`2024-02-${String((i % 28) + 1).padStart(2, '0')}`), 1000 * i, (i * 7) % 10, i % 5 === 0 ? 9 : 3, 9]);
  }
  return rows;
}

export function dealsRows(): unknown[][] {
  const rows: unknown[][] = [['Deal ID', 'Customer ID', 'Amount', 'Date', 'Stage']];
  let n = 0;
  for (let i = 1; i <= 12; i++) {
    for (let k = 0; k < (i % 4) + 1; k++) {
      n++;
      rows.push([`D${n}`, `C${String(i).padStart(3, '0')}`, 100 * i + 10 * k, day(`2023-${String((k % 12) + 1).padStart(2, '0')}-${String(i + 2).padStart(2, '0')}`), k === 3 ? 'lost' : 'won']);
    }
  }
  return rows;
}

export function repsRows(): unknown[][] {
  return [
    ['Name', 'Email', 'Level', 'Regions', 'Industries', 'Capacity', 'Active'],
    ['Ann', REP, 'senior', 'North', 'Retail', 20, 'yes'],
    ['Bob', 'bob@example.com', 'mid', 'South', 'Finance', 20, 'yes'],
    ['Cy', 'cy@example.com', 'junior', 'North, South', 'Retail', 20, 'yes'],
  ];
}

export function customersSheet(rows = customersRows()): SheetSpec {
  const formulas = rows.map((_, r) => (r === 0 || r > 20 ? [] : [...new Array(9).fill(''), `=LEN(B${r + 1})`]));
  const notes = [[], ['', 'key account, call monthly']];
  return sheetFromRows('Customers', rows, { formulas, notes, frozenRows: 1 });
}

export function standardBook(options: { customers?: unknown[][]; reps?: unknown[][]; timeZone?: string } = {}): EnvironmentOptions['spreadsheets'] {
  return [
    {
      id: 'book-1',
      timeZone: options.timeZone ?? 'UTC',
      sheets: [customersSheet(options.customers), sheetFromRows('Deals', dealsRows()), sheetFromRows('Reps', options.reps ?? repsRows())],
    },
  ];
}

/** An environment holding the standard book whose settings name `manager` the manager. */
export function managedBook(options: EnvironmentOptions & { customers?: unknown[][]; reps?: unknown[][]; timeZone?: string } = {}) {
  const env = createAppsScriptEnvironment({ now: '2024-03-01T08:00:00Z', spreadsheets: standardBook(options), ...options });
  const gas = loadBundle(env);
  env.setUser(MANAGER);
  gas.saveSettings({ settings: { managers: [MANAGER, OTHER_MANAGER] } });
  return { env, gas };
}

/** What a Sheets user sees of a thrown exception: its message. */
export function refusal(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the call to be refused');
}

/** A value as it crosses google.script.run: JSON, whatever realm made it. */
export function overTheWire<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** A tab of the first book, as the stand-in holds it. */
export function tab(env: AppsScriptEnvironment, name: string): FakeSheet {
  const sheet = env.spreadsheet.sheetNamed(name);
  if (!sheet) throw new Error(`the book has no tab ${name}`);
  return sheet;
}

/** Header texts of a tab's first row, by 0-based column. */
export function headerOf(env: AppsScriptEnvironment, name: string): unknown[] {
  const sheet = tab(env, name);
  return sheet.rawRange(1, 1, 1, sheet.maxColumns).getValues()[0] as unknown[];
}

/** One column's data values (rows 2…) by its header. */
export function columnValues(env: AppsScriptEnvironment, name: string, header: string, rows: number): unknown[] {
  const at = headerOf(env, name).indexOf(header);
  if (at < 0) throw new Error(`${name} has no column ${header}`);
  return tab(env, name).rawRange(2, at + 1, rows, 1).getValues().map((row) => row[0]);
}
