import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Summary } from '../../src/app/summary.js';
import type { Cell } from '../../src/core/table.js';
import { runCli } from '../../src/node/commands.js';
import { ownerCustomers, ownerDeals, ownerReps } from '../app/owner-fixtures.js';

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) } });
  return { code, stdout, stderr };
}

const tmp = () => mkdtempSync(join(tmpdir(), 'tierwise-plain-'));

/** A settings file with this text; the book need not exist, settings are read first. */
function settingsFile(text: string): string {
  const path = join(tmp(), 'settings.json');
  writeFileSync(path, text);
  return path;
}

describe('a settings file with a misspelled key', () => {
  it("is refused with the key it was meant to be: 'colums' → 'columns', exit 1, nothing written", async () => {
    const path = settingsFile('{"colums": {"customers": {"historicalRevenue": "Umsatz"}}}');
    const run = await cli('score', join(tmp(), 'book.xlsx'), '--settings', path);
    expect([run.code, run.stdout, run.stderr]).toEqual([1, '', `tierwise score: ${path}: unknown setting 'colums' — did you mean 'columns'?\n`]);
  });

  it("is refused at any depth: 'rfm.binnig' → 'rfm.binning'", async () => {
    const path = settingsFile('{"rfm": {"binnig": "r-rfm"}}');
    const run = await cli('propose', 'book.xlsx', '--settings', path);
    expect(run.stderr).toBe(`tierwise propose: ${path}: unknown setting 'rfm.binnig' — did you mean 'rfm.binning'?\n`);
  });
});

describe('a settings file that is not JSON', () => {
  it('says the line and column and what was expected', async () => {
    const path = settingsFile('{\n  "rfm": {"binning": "r-rfm"},\n  "tiers": {"mode": "share" "shares": {"A": 0.1}}\n}\n');
    const run = await cli('score', 'book.xlsx', '--settings', path);
    expect([run.code, run.stderr]).toEqual([1, `tierwise score: ${path} line 3, column 29: expected ',' or '}'\n`]);
  });

  it("names the list's closing bracket inside a list", async () => {
    const path = settingsFile('{"managers": ["a@x.test" "b@x.test"]}');
    expect((await cli('score', 'book.xlsx', '--settings', path)).stderr).toBe(`tierwise score: ${path} line 1, column 26: expected ',' or ']'\n`);
  });

  it('refuses comments and trailing commas (strict JSON, so every other tool reads the same file the same way)', async () => {
    const comment = settingsFile('{\n  // fewer A customers\n  "tiers": {"shares": {"A": 0.1}}\n}');
    expect((await cli('score', 'book.xlsx', '--settings', comment)).stderr).toBe(`tierwise score: ${comment} line 2, column 3: comments are not allowed in JSON\n`);
    const trailing = settingsFile('{"tiers": {"shares": {"A": 0.1,}}}');
    expect((await cli('score', 'book.xlsx', '--settings', trailing)).stderr).toBe(`tierwise score: ${trailing} line 1, column 32: a comma before '}' is not allowed in JSON\n`);
  });

  it('says what is wrong with a single-quoted name, a file cut short and an empty file', async () => {
    const quoted = settingsFile("{'rfm': {}}");
    expect((await cli('score', 'book.xlsx', '--settings', quoted)).stderr).toMatch(/ line 1, column 2: unexpected ''rfm'': names and strings need double quotes/);
    const cut = settingsFile('{"rfm": {"binning": "r-rfm"}');
    expect((await cli('score', 'book.xlsx', '--settings', cut)).stderr).toMatch(/ line 1, column 29: expected '}': the file ends before the object is closed\n$/);
    const empty = settingsFile('');
    expect((await cli('score', 'book.xlsx', '--settings', empty)).stderr).toMatch(/ line 1, column 1: the file is empty; write \{\} for the default settings\n$/);
  });

  it('reads a file saved with a byte order mark, as Windows Notepad saves it', async () => {
    const path = settingsFile('\uFEFF{"rfm": {"binnig": "r-rfm"}}');
    // Read as JSON: the answer is about the key, not the mark.
    expect((await cli('score', 'book.xlsx', '--settings', path)).stderr).toMatch(/unknown setting 'rfm\.binnig'/);
  });
});

describe('an unknown flag', () => {
  it('gets one line naming the closest flag, exit 2', async () => {
    const run = await cli('score', 'book.xlsx', '--in-plcae');
    expect([run.code, run.stdout, run.stderr]).toEqual([2, '', "tierwise score: unknown option '--in-plcae' — did you mean '--in-place'?\n"]);
  });

  it("names a command's own flags too (recycle --dry-rn), and demo's", async () => {
    expect((await cli('recycle', 'book.xlsx', '--dry-rn')).stderr).toBe("tierwise recycle: unknown option '--dry-rn' — did you mean '--dry-run'?\n");
    const demo = await cli('demo', '--jsn');
    expect([demo.code, demo.stderr]).toEqual([2, "tierwise demo: unknown option '--jsn' — did you mean '--json'?\n"]);
  });

  it('lists the options when none is close, in one line with no quote left open', async () => {
    const run = await cli('undo', 'book.xlsx', '--verbose');
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("tierwise undo: unknown option '--verbose' (the options are --out, --in-place, --settings, --as-of, --json, --help, -h)\n");
  });

  it('a flag that needs a value, or takes none, says so', async () => {
    expect((await cli('score', 'book.xlsx', '--out')).stderr).toMatch(/^tierwise score: --out needs a value\n\nUsage: /);
    expect((await cli('score', 'book.xlsx', '--out', '--json')).stderr).toMatch(/^tierwise score: --out needs a value, got the option '--json' \(write --out=--json if that is the value\)\n/);
    expect((await cli('score', 'book.xlsx', '--json=yes')).stderr).toMatch(/^tierwise score: --json takes no value, got 'yes'\n/);
    expect((await cli('demo', 'extra')).stderr).toMatch(/^tierwise demo: unexpected argument 'extra'\n/);
  });
});

/** The owner fixture book as a CSV folder: C3 (Bob's) is stale as of 2026-11-23; C1 (Alice's) is made stale too. */
function poolBook(): string {
  const dir = tmp();
  const csv = (rows: Cell[][]) => `${rows.map((r) => r.map((c) => (c === null ? '' : String(c))).join(',')).join('\n')}\n`;
  const customers = ownerCustomers.map((r) => (r[0] === 'C1' ? [...r.slice(0, 6), '2026-01-01', ...r.slice(7)] : r));
  writeFileSync(join(dir, 'customers.csv'), csv(customers));
  writeFileSync(join(dir, 'deals.csv'), csv(ownerDeals));
  writeFileSync(join(dir, 'reps.csv'), csv(ownerReps));
  const settings = join(dir, 'one-per-run.json');
  writeFileSync(settings, JSON.stringify({ pool: { maxPerRun: 1 } }));
  return dir;
}

describe('the recycle summary', () => {
  it('counts each stale customer once: newly warned, still in its warning period, recycled, or deferred by the cap', async () => {
    const book = poolBook();
    const settings = join(book, 'one-per-run.json');
    const recycle = async (asOf: string, json: boolean) =>
      cli('recycle', book, '--in-place', '--settings', settings, '--as-of', asOf, ...(json ? ['--json'] : []));

    const first = await recycle('2026-11-23', false);
    expect(first.stdout).toMatch(/: 0 customers were recycled, 2 newly warned, 0 still in their warning period, 0 due but left for the next run \(pool\.maxPerRun\)\.\n/);
    expect(first.stdout).toMatch(/\nNewly warned\n  C1 \(Alice\): no activity for 326 days; recycles on 2026-11-30 unless contacted\n  C3 \(Bob\): .*; recycles on 2026-11-30 unless contacted\n/);

    const second = Summary.parse(JSON.parse((await recycle('2026-11-25', true)).stdout)).recycle!;
    expect([second.newWarnings, second.warned.map((w) => w.customerId), second.recycled, second.deferred]).toEqual([[], ['C1', 'C3'], [], []]);

    // On the due day only one may go (pool.maxPerRun 1): the other is deferred, and counted nowhere else.
    const due = await recycle('2026-11-30', false);
    expect(due.stdout).toMatch(/: 1 customers were recycled, 0 newly warned, 0 still in their warning period, 1 due but left for the next run \(pool\.maxPerRun\)\.\n/);
    expect(due.stdout).toMatch(/\nRecycled\n  C1 from Alice: /);
    expect(due.stdout).toMatch(/\nDue, left for the next run\n  C3 \(Bob\): .*; due since 2026-11-30\n/);
    expect(due.stdout).not.toMatch(/Newly warned|Still in their warning period/);
  });
});
