import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { LOG_HEADER, OWNED, OWN_TABS } from '../../src/app/owned-columns.js';
import { Summary } from '../../src/app/summary.js';
import type { Table } from '../../src/core/table.js';
import { runCli } from '../../src/node/commands.js';
import { DEMO_AS_OF, buildDemoBook } from '../../src/node/demo-book.js';
import { createXlsx, readXlsx } from '../../src/node/xlsx/index.js';

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) } });
  return { code, stdout, stderr };
}

async function json(...argv: string[]) {
  const result = await cli(...argv, '--as-of', DEMO_AS_OF, '--json');
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return Summary.parse(JSON.parse(result.stdout));
}

async function tabs(path: string): Promise<Map<string, Table>> {
  return (await readXlsx(path, ['Customers', OWN_TABS.log])).tables;
}

function ownersOf(customers: Table): Map<string, unknown> {
  const id = customers.header.indexOf('Customer ID');
  const owner = customers.header.indexOf('Owner');
  return new Map(customers.rows.filter((r) => r[id] !== null).map((r) => [String(r[id]), r[owner] ?? null]));
}

describe('tierwise propose → apply → undo → recycle → claim on the demo book', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tierwise-assign-'));
  const book = join(dir, 'demo.xlsx');
  beforeAll(async () => {
    await createXlsx(book, buildDemoBook());
  });

  it('propose writes the proposal columns, leaves Owner alone, and prints the assign section', async () => {
    const summary = await json('propose', book, '--in-place');
    const assign = summary.assign!;
    expect(assign.strategy).toBe('match');
    expect(assign.runId).toMatch(/^P-\d{8}-\d{6}$/);
    expect(assign.proposed + assign.unplaced.length).toBeGreaterThan(100);
    expect(assign.perRep).toHaveLength(8);
    const customers = (await tabs(book)).get('Customers')!;
    expect(customers.header).toEqual(expect.arrayContaining([OWNED.proposedOwner, OWNED.reason, OWNED.fit, OWNED.flags]));
    const reason = customers.header.indexOf(OWNED.reason);
    expect(customers.rows.some((r) => /tier → (senior|mid|junior) rep/.test(String(r[reason])))).toBe(true);
  });
});
