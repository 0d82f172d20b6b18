import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { readCsvTable } from '../../src/node/csv/index.js';
import { createXlsx, readXlsx } from '../../src/node/xlsx/index.js';
import type { Cell, Table } from '../../src/core/table.js';

/**
 * The built command in child processes, for the fault and concurrency cases: real
 * processes, real signals, real files. `TIERWISE_FAULT_AT` is the debug hook of
 * src/node/book/fault-point.ts.
 */
export const CLI = 'dist/tierwise.mjs';
export const AS_OF = '2026-11-01';

export interface Finished {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** A running command and what it printed so far. */
export interface Running {
  readonly child: ChildProcess;
  readonly pid: number;
  stderr(): string;
  finished: Promise<Finished>;
}

export function start(args: readonly string[], options: { faultAt?: string; shell?: string } = {}): Running {
  const env = { ...process.env };
  delete env.TIERWISE_FAULT_AT;
  if (options.faultAt) env.TIERWISE_FAULT_AT = options.faultAt;
  const quoted = [process.execPath, CLI, ...args].map((arg) => `'${arg.replaceAll("'", "'\\''")}'`).join(' ');
  const child = options.shell
    ? spawn('bash', ['-c', `${options.shell}; exec ${quoted}`], { env })
    : spawn(process.execPath, [CLI, ...args], { env });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const finished = new Promise<Finished>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { child, pid: child.pid!, stderr: () => stderr, finished };
}

export function run(args: readonly string[], options: { faultAt?: string; shell?: string } = {}): Promise<Finished> {
  return start(args, options).finished;
}

/** Resolves once the process has stopped itself at its fault hook (state T in /proc), so SIGCONT is never sent too early. */
export async function stopped(running: Running): Promise<void> {
  for (;;) {
    const state = existsSync(`/proc/${running.pid}/stat`) ? readFileSync(`/proc/${running.pid}/stat`, 'utf8').split(') ')[1]?.[0] : 'gone';
    if (state === 'T') return;
    if (state === 'gone' || state === 'Z') throw new Error(`the command ended before it stopped: ${running.stderr()}`);
    await sleep(10);
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** sha256 of every file in a folder (hidden temporary files included), or of one file. */
export function checksums(path: string): Record<string, string> {
  const hash = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
  if (!statSync(path).isDirectory()) return { [basename(path)]: hash(path) };
  return Object.fromEntries(readdirSync(path).sort().map((name) => [name, hash(join(path, name))]));
}

/** A fresh folder holding a copy of `source` under the same name; returns the copy's path. */
export function copyInto(source: string, name: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'tierwise-txn-'));
  const copy = join(dir, name);
  cpSync(source, copy, { recursive: true });
  return copy;
}

/**
 * A large CSV book with proposals made (so `apply` changes thousands of Owner cells), from
 * the benchmark generator; made once per test file.
 */
export function proposedCsvBook(customers: number, deals: number): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'tierwise-txn-base-')), 'book');
  mkdirSync(dir);
  execFileSync('python3', ['../shared/bench/gen_scale.py', dir, String(customers), String(deals)]);
  execFileSync(process.execPath, [CLI, 'propose', dir, '--in-place', '--as-of', AS_OF]);
  return dir;
}

/** The same book as an .xlsx, proposals made. */
export async function proposedXlsxBook(csvBook: string): Promise<string> {
  const path = join(mkdtempSync(join(tmpdir(), 'tierwise-txn-base-')), 'book.xlsx');
  const tabs = [];
  for (const [name, file] of [['Customers', 'customers.csv'], ['Deals', 'deals.csv'], ['Reps', 'reps.csv']]) {
    const { table } = (await readCsvTable(join(csvBook, file), name))!;
    tabs.push({ name, rows: [table.header, ...table.rows] as Cell[][] });
  }
  await createXlsx(path, tabs);
  execFileSync(process.execPath, [CLI, 'propose', path, '--in-place', '--as-of', AS_OF]);
  return path;
}

export interface OwnerStory {
  /** Customers whose Owner cell is the one the last apply wrote, and those that are not. */
  readonly agreeing: number;
  readonly disagreeing: number;
  /** The last apply's run id and its changes, from the saved state (null: nothing to undo). */
  readonly lastApply: { runId: string; changes: number } | null;
  /** TW Log rows of that apply. */
  readonly logRows: number;
}

/** What the undo record, the log and the Owner cells of a book say about the last apply, for either kind of book. */
export async function ownerStory(book: string): Promise<OwnerStory> {
  let customers: Table;
  let log: readonly (readonly Cell[])[] = [];
  let state: { lastApply?: { runId: string; changes: { customerId: string; after: string }[] } | null };
  if (statSync(book).isDirectory()) {
    customers = (await readCsvTable(join(book, 'customers.csv'), 'Customers'))!.table;
    const logTable = await readCsvTable(join(book, 'tw-log.csv'), 'TW Log');
    log = logTable ? logTable.table.rows : [];
    state = JSON.parse(readFileSync(join(book, 'tw-state.json'), 'utf8'));
  } else {
    const read = await readXlsx(book, ['Customers', 'TW Log', 'TW State']);
    customers = read.tables.get('Customers')!;
    log = read.tables.get('TW Log')?.rows ?? [];
    const stateTable = read.tables.get('TW State')!;
    const { readStateChunks } = await import('../../src/app/state-text.js');
    const reading = readStateChunks([stateTable.header[0], ...stateTable.rows.map((r) => r[0])]);
    if (reading.problem !== null) throw new Error(`TW State does not read back: ${reading.problem.reason}`);
    state = reading.state as typeof state;
  }
  const owner = customers.header.indexOf('Owner');
  const ownerOf = new Map(customers.rows.map((row) => [String(row[0]), row[owner]]));
  const changes = state.lastApply?.changes ?? [];
  const agreeing = changes.filter((change) => ownerOf.get(change.customerId) === change.after).length;
  const runId = state.lastApply?.runId ?? null;
  return {
    agreeing,
    disagreeing: changes.length - agreeing,
    lastApply: runId === null ? null : { runId, changes: changes.length },
    logRows: runId === null ? 0 : log.filter((row) => row.includes(runId) && row.includes('apply')).length,
  };
}
