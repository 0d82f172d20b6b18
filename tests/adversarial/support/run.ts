import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { expect } from 'vitest';
import type { Cell } from '../../../src/core/table.js';
import { runCli } from '../../../src/node/commands.js';
import { createXlsx } from '../../../src/node/xlsx/index.js';

/**
 * What the adversarial files share: running the command as a user would (in-process, or the
 * built dist/tierwise.mjs as a child process), making small books, and fingerprinting every
 * file under a folder so a refusal can be shown to have changed nothing.
 */
export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** The command in-process, through runCli, as bin/tierwise runs it. */
export async function cli(...argv: string[]): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) } });
  return { code, stdout, stderr };
}

const ROOT = resolve(import.meta.dirname, '../../..');
export const BUILT_CLI = join(ROOT, 'dist/tierwise.mjs');

/** The built command as a child process (`npm run build` first), bounded in time. */
export function builtCli(argv: readonly string[], options: { wrap?: readonly string[] } = {}): CliResult {
  const [command, ...args] = [...(options.wrap ?? []), process.execPath, BUILT_CLI, ...argv];
  const run = spawnSync(command, args, { encoding: 'utf8', timeout: 60_000 });
  return { code: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
}

export const tmp = (prefix = 'tierwise-adversarial-') => mkdtempSync(join(tmpdir(), prefix));

/** A small valid book: 12 customers, their deals and two reps. */
export function bookTabs(customers = 12): { name: string; rows: Cell[][] }[] {
  const customerRows: Cell[][] = [['Customer ID', 'Name', 'Region', 'Historical Revenue', 'Potential', 'Owner']];
  const deals: Cell[][] = [['Deal ID', 'Customer ID', 'Amount', 'Date', 'Stage']];
  for (let i = 1; i <= customers; i++) {
    customerRows.push([`C${i}`, `Company ${i}`, 'East', 1000 * i, i % 10, null]);
    deals.push([`D${i}`, `C${i}`, 100 * i, '2026-10-01', 'won']);
  }
  const reps: Cell[][] = [['Name', 'Email', 'Capacity'], ['Ann Lee', 'ann@example.com', 20], ['Bo Chen', 'bo@example.com', 20]];
  return [{ name: 'Customers', rows: customerRows }, { name: 'Deals', rows: deals }, { name: 'Reps', rows: reps }];
}

const csvLine = (row: readonly Cell[]) => row.map((c) => (c === null ? '' : /[",\r\n]/.test(String(c)) ? `"${String(c).replaceAll('"', '""')}"` : String(c))).join(',');

/** The text of a CSV file of these rows, LF line ends. */
export const csvText = (rows: readonly (readonly Cell[])[]) => rows.map(csvLine).join('\n') + '\n';

/** A CSV book folder `book` in a fresh folder; `files` replace or add files (text or bytes). */
export function csvBook(files: Record<string, string | Uint8Array> = {}): string {
  const dir = join(tmp(), 'book');
  mkdirSync(dir);
  const names: Record<string, string> = { Customers: 'customers.csv', Deals: 'deals.csv', Reps: 'reps.csv' };
  for (const tab of bookTabs()) writeFileSync(join(dir, names[tab.name]), csvText(tab.rows));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

/** A valid .xlsx book `book.xlsx` in a fresh folder. */
export async function xlsxBook(tabs = bookTabs()): Promise<string> {
  const path = join(tmp(), 'book.xlsx');
  await createXlsx(path, tabs);
  return path;
}

/**
 * Every entry under `dir` with its type and, for a regular file, a SHA-256 of its bytes;
 * FIFOs, devices and links are never opened (reading one is what is being refused).
 */
export function fingerprint(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (path: string) => {
    const stats = lstatSync(path);
    const key = relative(dir, path) || '.';
    if (stats.isDirectory()) {
      out[key] = 'dir';
      for (const name of readdirSync(path).sort()) walk(join(path, name));
    } else if (stats.isFile()) {
      // The sparse files of the size-cap cases are hundreds of MB of nothing: their size and
      // times tell a write as surely, without reading them.
      out[key] = stats.size > 64 * 2 ** 20 ? `${stats.size} bytes, modified ${stats.mtimeMs}, changed ${stats.ctimeMs}` : createHash('sha256').update(readFileSync(path)).digest('hex');
    }
    else if (stats.isSymbolicLink()) out[key] = `link → ${readlinkSync(path)}`;
    else out[key] = 'special';
  };
  walk(dir);
  return out;
}

/**
 * A refusal as the user sees it: exit 1, exactly one line on stderr naming `mentions` (the
 * file, tab or limit), no stack trace, nothing on stdout, and every file under `dir` as it
 * was (`before` is its fingerprint taken before the run).
 */
export function expectRefused(result: CliResult, mentions: readonly (string | RegExp)[], dir: string, before: Record<string, string>): void {
  expect(result.code, result.stderr).toBe(1);
  expect(result.stderr.endsWith('\n')).toBe(true);
  expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  expect(result.stderr).not.toMatch(/TypeError|RangeError|SyntaxError|ERR_[A-Z_]+/);
  expect(result.stdout).toBe('');
  for (const mention of mentions) expect(result.stderr).toMatch(typeof mention === 'string' ? new RegExp(escapeRegExp(mention)) : mention);
  expect(fingerprint(dir)).toEqual(before);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whether this machine lets the tests mount a tmpfs in a private mount namespace (root on Linux). */
export const canMount = (() => {
  try {
    execFileSync('unshare', ['-m', 'sh', '-c', `mount -t tmpfs -o size=64k tmpfs ${tmpdir()}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
