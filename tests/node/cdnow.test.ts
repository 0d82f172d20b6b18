import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OWNED } from '../../src/app/owned-columns.js';
import { Summary } from '../../src/app/summary.js';
import { runCli } from '../../src/node/commands.js';
import { readCsvTable } from '../../src/node/csv/index.js';

/** A CSV book from the CDNOW 1/10 sample: sample customer id, purchase date YYYYMMDD, dollar value. */
function cdnowBook(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tierwise-cdnow-'));
  const lines = readFileSync('../shared/datasets/cdnow/CDNOW_sample.txt', 'utf8').trim().split('\n').map((l) => l.trim().split(/\s+/));
  const ids = [...new Set(lines.map((l) => String(Number(l[1]))))];
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'customers.csv'), ['Customer ID', ...ids].join('\n') + '\n');
  writeFileSync(join(dir, 'deals.csv'), ['Customer ID,Date,Amount', ...lines.map((l) => `${Number(l[1])},${l[2]},${l[4]}`)].join('\n') + '\n');
  return dir;
}

const within = (actual: number, expected: number, relative: number) => expect(Math.abs(actual - expected) / Math.abs(expected)).toBeLessThanOrEqual(relative);

describe('CLV on a book built from the CDNOW sample, as of 1997-09-30', () => {
  it('reproduces the published BG/NBD and Gamma-Gamma fits through the command', async () => {
    const book = cdnowBook();
    let stdout = '';
    const code = await runCli(['score', book, '--as-of', '1997-09-30', '--json'], { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: () => 0 } });
    expect(code).toBe(0);
    const summary = Summary.parse(JSON.parse(stdout));
    expect(summary.customers).toBe(2357);
    const clv = summary.clv!;
    expect(clv.unit).toBe('weeks');
    within(clv.model!.r, 0.24259, 0.001);
    within(clv.model!.alpha, 4.4136, 0.001);
    within(clv.model!.a, 0.79292, 0.001);
    within(clv.model!.b, 2.4259, 0.001);
    expect(Math.abs(clv.model!.logLikelihood - -9582.43)).toBeLessThanOrEqual(0.05);
    expect(clv.model!.converged).toBe(true);
    expect(clv.spend!.p.toFixed(2)).toBe('6.25');
    expect(clv.spend!.q.toFixed(2)).toBe('3.74');
    expect(clv.spend!.gamma.toFixed(2)).toBe('15.44');
    expect(clv.fallbackReason).toBeNull();
    expect(clv.reliable).toBe(true);

    const scored = (await readCsvTable(join(`${book}.tierwise`, 'customers.csv'), 'Customers'))!.table;
    const col = (h: string) => scored.header.indexOf(h);
    const first = scored.rows.find((r) => r[0] === '1')!;
    const pAlive = Number(first[col(OWNED.pAlive)]);
    expect(pAlive).toBeGreaterThan(0);
    expect(pAlive).toBeLessThanOrEqual(1);
    expect(Number(first[col(OWNED.clv)])).toBeGreaterThan(0);
    // Customer 3 bought once: no repeat purchase, so P(alive) is 1.
    expect(Number(scored.rows.find((r) => r[0] === '3')![col(OWNED.pAlive)])).toBe(1);
  });
});
