import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OWN_TABS } from '../../../src/app/owned-columns.js';
import { readSavedState } from '../../../src/app/saved-state.js';
import { stateToChunks } from '../../../src/app/state-text.js';
import type { Cell } from '../../../src/core/table.js';
import { runCli } from '../../../src/node/commands.js';
import { createXlsx, readXlsx } from '../../../src/node/xlsx/index.js';

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) } });
  return { code, stdout, stderr };
}

const customers: Cell[][] = [
  ['Customer ID', 'Name', 'Historical Revenue', 'Potential'],
  ['C1', 'Acme', 1200, 7],
  ['C2', 'Beta', 300, 2],
  ['C3', 'Gamma', 5000, 9],
];

/** A CSV book whose tw-state.json holds `state`. */
function csvBook(state: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'tierwise-state-'));
  writeFileSync(join(dir, 'customers.csv'), `${customers.map((row) => row.join(',')).join('\n')}\n`);
  writeFileSync(join(dir, 'tw-state.json'), state);
  return dir;
}

describe('a local book whose saved state does not read back', () => {
  it('a CSV book with a tw-state.json cut short: one sentence on stderr, the text kept in a file beside, a fresh state', async () => {
    const cut = '{"version":1,"lastRescore":{"asOf":"2024-03-01","tiers":{"C1":';
    const dir = csvBook(cut);
    const result = await cli('score', dir, '--in-place', '--as-of', '2024-03-01', '--json');
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      new RegExp(`^tierwise score: ${dir.replace(/[\\\\^$.*+?()[\]{}|]/g, '\\$&')}: the saved state in tw-state\\.json does not read back \\(its text is not JSON\\), so Tierwise started it fresh and kept the unreadable content in tw-state\\.unreadable-[\\d-]+T\\d{4}\\.json, beside the book it wrote; what it held cannot be read either\\.\\n$`),
    );
    const kept = readdirSync(dir).filter((name) => name.startsWith('tw-state.unreadable-'));
    expect(kept).toHaveLength(1);
    expect(readFileSync(join(dir, kept[0]), 'utf8')).toBe(cut);
    expect(JSON.parse(readFileSync(join(dir, 'tw-state.json'), 'utf8')).lastRescore.asOf).toBe('2024-03-01');
  });

  it('a CSV book whose state is JSON in a shape Tierwise does not read: the field named and what it held', async () => {
    const edited = JSON.stringify({ version: 1, lastRescore: { asOf: '2024-02-01', runAt: '2024-02-01T08:00:00Z', tiers: { C1: 'Z' }, owners: {} } });
    const dir = csvBook(edited);
    const out = join(mkdtempSync(join(tmpdir(), 'tierwise-out-')), 'scored');
    const result = await cli('score', dir, '--out', out, '--as-of', '2024-03-01', '--json');
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('does not read back (it is not in the form this version of Tierwise reads (lastRescore.tiers: ');
    expect(result.stderr).toContain('it held the tiers of the last rescore (as of 2024-02-01, 1 customers), for movement since.');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    const kept = readdirSync(out).filter((name) => name.startsWith('tw-state.unreadable-'));
    expect(readFileSync(join(out, kept[0]), 'utf8')).toBe(edited);
    // The book it read is as it was.
    expect(readFileSync(join(dir, 'tw-state.json'), 'utf8')).toBe(edited);
  });

  it('an .xlsx whose TW State tab was edited by hand: the cells kept in a hidden tab of their own', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tierwise-state-'));
    const book = join(dir, 'book.xlsx');
    const state = { version: 1, lastRescore: { asOf: '2024-02-01', runAt: '2024-02-01T08:00:00Z', tiers: { C1: 'A' }, owners: {} } };
    const cells = stateToChunks(state, ['the tiers of the last rescore']);
    const damaged = [cells[0], cells[1].replace('"A"', '"B"')];
    await createXlsx(book, [{ name: 'Customers', rows: customers }, { name: OWN_TABS.state, rows: damaged.map((cell) => [cell]), hidden: true }]);
    const result = await cli('score', book, '--as-of', '2024-03-01', '--json');
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^tierwise score: .*book\.xlsx: the saved state in the TW State tab does not read back \(its text is not the text that was written \(the checksum differs\)\), so Tierwise started it fresh and kept the unreadable content in TW State unreadable \d{6}-\d{4}, beside the book it wrote; it held the tiers of the last rescore\.\n$/);
    const keptName = /kept the unreadable content in (TW State unreadable \d{6}-\d{4})/.exec(result.stderr)![1];
    const written = await readXlsx(join(dir, 'book.tierwise.xlsx'), [keptName, OWN_TABS.state]);
    const keptTab = written.tables.get(keptName)!;
    expect([keptTab.header[0], ...keptTab.rows.map((row) => row[0])]).toEqual(damaged);
    const fresh = written.tables.get(OWN_TABS.state)!;
    expect(readSavedState([fresh.header[0], ...fresh.rows.map((row) => row[0])]).problem).toBeNull();
  });

  it('says the damaged state was left as it was when the command fails, since it may be why', async () => {
    const dir = csvBook('not json at all');
    const result = await cli('apply', dir, '--as-of', '2024-03-01');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^tierwise apply: .*: the saved state in tw-state\.json does not read back \(its text is not JSON\), and this command saved nothing over it; what it held cannot be read either\.\ntierwise apply: There are no saved proposals/);
    expect(readFileSync(join(dir, 'tw-state.json'), 'utf8')).toBe('not json at all');
  });
});
