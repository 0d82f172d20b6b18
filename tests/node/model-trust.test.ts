import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Summary } from '../../src/app/summary.js';
import type { Cell } from '../../src/core/table.js';
import { runCli } from '../../src/node/commands.js';
import { fewRepeatersBook } from '../core/score/few-repeaters.js';

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) } });
  return { code, stdout, stderr };
}

/** The few-repeaters book as a CSV folder, with settings that weigh lifetime value. */
function csvBook(): { book: string; settings: string } {
  const dir = mkdtempSync(join(tmpdir(), 'tierwise-trust-'));
  const csv = (rows: Cell[][]) => `${rows.map((r) => r.join(',')).join('\n')}\n`;
  const { customers, deals } = fewRepeatersBook();
  const book = join(dir, 'book');
  const settings = join(dir, 'settings.json');
  const dimensions = [
    { key: 'clv', label: 'lifetime value', source: '@clv', weight: 50, normalize: 'log-minmax' },
    { key: 'revenue', label: 'historical revenue', source: 'historicalRevenue', weight: 50 },
  ];
  writeFileSync(settings, JSON.stringify({ score: { dimensions } }));
  mkdirSync(book);
  writeFileSync(join(book, 'customers.csv'), csv(customers));
  writeFileSync(join(book, 'deals.csv'), csv(deals));
  return { book, settings };
}

describe('the command says when the CLV model cannot be trusted', () => {
  it('JSON: clv.reliable is false, the reason names the parameter, and lifetime value is not scored on', async () => {
    const { book, settings } = csvBook();
    const run = await cli('score', book, '--settings', settings, '--as-of', '2026-06-30', '--json');
    expect(run.code).toBe(0);
    const summary = Summary.parse(JSON.parse(run.stdout));
    expect(summary.clv!.reliable).toBe(false);
    expect(summary.clv!.fallbackReason).toMatch(/^Too little repeat buying to tell who has stopped: P\(alive\) is not informative here \(.*a = .*, below 1e-6\)\.$/);
    expect(summary.notes).toContain('Not scored on lifetime value: the CLV model is not reliable for this book (see CLV above).');
  });

  it('text: the CLV line prints the parameters to three figures and says "not reliable"', async () => {
    const { book, settings } = csvBook();
    const run = await cli('score', book, '--settings', settings, '--as-of', '2026-06-30');
    expect(run.stdout).toMatch(
      /\nCLV {8}not reliable: BG\/NBD r 0\.\d{3,5} α \d\.\d\d a \d\.\d\de-\d b \d\.\d\de\+\d per week\. Too little repeat buying to tell who has stopped: P\(alive\) is not informative here \(the BG\/NBD fit ran to the edge of its range: a = \d\.\d\de-\d, below 1e-6\)\.\n/,
    );
    expect(run.stdout).toMatch(/\nNotes\n(.*\n)*  Not scored on lifetime value: the CLV model is not reliable for this book \(see CLV above\)\.\n/);
  });
});
