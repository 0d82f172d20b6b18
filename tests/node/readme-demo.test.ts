import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');

/**
 * What `npm start` prints after the build: the built demo, run where a new user runs it
 * (its book goes to ./demo, so the paths it prints are the README's, and nothing else in
 * the output depends on the machine, the clock or the run).
 */
function demoOutput(): string {
  const cwd = mkdtempSync(join(tmpdir(), 'tierwise-readme-'));
  return execFileSync(process.execPath, [join(root, 'dist/tierwise.mjs'), 'demo'], { cwd, encoding: 'utf8' });
}

/** The README's fenced block that starts with the demo's first line. */
function readmeSample(): string {
  const block = /```\n(Demo book written to [^]*?)```\n/.exec(readme);
  if (!block) throw new Error('README.md has no sample of the demo output (a fenced block starting "Demo book written to")');
  return block[1];
}

describe('the README shows what the program prints (issue 10 item 10)', () => {
  const output = demoOutput();

  it('quotes the output of `npm start` exactly', () => {
    expect(readmeSample()).toBe(output);
  });

  it('states the demo book’s sizes and the customers scored as the run counts them', () => {
    const [, rows, deals, reps] = /: (\d+) customer rows, (\d+) deals, (\d+) reps\./.exec(output)!;
    const [, scored] = /^Scored (\d+) customers/m.exec(output)!;
    const prose = readme.slice(readme.indexOf('`npm start` writes'), readme.indexOf('```', readme.indexOf('`npm start` writes')));
    expect(prose.replace(/\s+/g, ' ')).toContain(`${rows} customer rows, ${deals} deals and ${reps} reps`);
    expect(prose).toContain(`scores its ${scored} customers`);
  });
});
