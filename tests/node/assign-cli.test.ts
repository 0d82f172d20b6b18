import { mkdtempSync, readFileSync } from 'node:fs';
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
  let original: Map<string, unknown>;
  beforeAll(async () => {
    await createXlsx(book, buildDemoBook());
    original = ownersOf((await tabs(book)).get('Customers')!);
  });

  it('apply and undo exit 1 with a sentence before anything was proposed or applied', async () => {
    const applied = await cli('apply', book, '--as-of', DEMO_AS_OF);
    expect(applied.code).toBe(1);
    expect(applied.stderr).toBe('tierwise apply: There are no saved proposals: run tierwise propose first.\n');
    const undone = await cli('undo', book, '--as-of', DEMO_AS_OF);
    expect(undone.code).toBe(1);
    expect(undone.stderr).toMatch(/^tierwise undo: There is nothing to undo/);
  });

  it('propose writes the proposal columns, leaves Owner alone, and prints the assign section', async () => {
    const summary = await json('propose', book, '--in-place');
    const assign = summary.assign!;
    expect(assign.strategy).toBe('match');
    expect(assign.runId).toMatch(/^P-\d{8}-\d{6}$/);
    expect(assign.proposed + assign.unplaced.length).toBeGreaterThan(100);
    expect(assign.perRep).toHaveLength(8);
    // Frank Li is marked inactive on the demo Reps tab: listed with his load, given nothing, and said so.
    const frank = assign.perRep.find((r) => r.rep === 'Frank Li')!;
    expect(frank).toMatchObject({ active: false, proposed: 0 });
    expect(assign.perRep.filter((r) => !r.active)).toEqual([frank]);
    const customers = (await tabs(book)).get('Customers')!;
    expect(customers.header).toEqual(expect.arrayContaining([OWNED.proposedOwner, OWNED.reason, OWNED.fit, OWNED.flags]));
    const reason = customers.header.indexOf(OWNED.reason);
    expect(customers.rows.some((r) => /tier → (senior|mid|junior) rep/.test(String(r[reason])))).toBe(true);
  });

  it('the propose report marks an inactive rep instead of showing a bare 0', async () => {
    const report = await cli('propose', book, '--as-of', DEMO_AS_OF);
    expect(report.code).toBe(0);
    expect(report.stdout).toMatch(/^ {2}Frank Li \(inactive: gets no proposals\): \d+\/70 customers \(\+0 proposed\)/m);
    expect(report.stdout).toMatch(/^ {2}Alice Chen: \d+\/90 customers/m);
  });

  let proposals = 0;
  it('apply --only writes just those customers, and apply writes the rest, each change one TW Log row', async () => {
    const before = ownersOf((await tabs(book)).get('Customers')!);
    const customers = (await tabs(book)).get('Customers')!;
    const proposed = customers.header.indexOf(OWNED.proposedOwner);
    const changing = customers.rows.filter((r) => r[proposed] !== null && r[proposed] !== r[customers.header.indexOf('Owner')]).map((r) => String(r[0]));
    const first = await json('apply', book, '--in-place', '--only', changing.slice(0, 2).join(','));
    expect(first.apply!.applied).toBe(2);
    const rest = await json('apply', book, '--in-place');
    proposals = 2 + rest.apply!.applied;
    expect(rest.apply!.skipped.filter((s) => /already owned/.test(s.reason)).map((s) => s.customerId)).toEqual(expect.arrayContaining(changing.slice(0, 2)));
    const after = await tabs(book);
    const owners = ownersOf(after.get('Customers')!);
    expect([...owners].filter(([id, owner]) => before.get(id) !== owner)).toHaveLength(proposals);
    const log = after.get(OWN_TABS.log)!;
    expect(log.header).toEqual([...LOG_HEADER]);
    expect(log.rows).toHaveLength(proposals);
    expect(log.rows.every((r) => r[1] === first.apply!.runId && r[2] === 'apply' && r[7] === 'cli')).toBe(true);
  });

  it('undo puts back the owners of the last apply and logs them; a second undo exits 1', async () => {
    const summary = await json('undo', book, '--in-place');
    expect(summary.undo!.reverted).toBe(proposals - 2);
    const after = await tabs(book);
    const owners = ownersOf(after.get('Customers')!);
    expect([...owners].filter(([id, owner]) => original.get(id) !== owner)).toHaveLength(2);
    expect(after.get(OWN_TABS.log)!.rows.filter((r) => r[2] === 'undo')).toHaveLength(proposals - 2);
    expect((await cli('undo', book, '--in-place', '--as-of', DEMO_AS_OF)).code).toBe(1);
  });

  it('recycle --dry-run reports and writes nothing; the real run warns the same customers and logs no recycling on its first day', async () => {
    const bytes = readFileSync(book);
    const dry = await json('recycle', book, '--dry-run', '--in-place');
    expect(dry.output).toBeNull();
    expect(dry.recycle!.dryRun).toBe(true);
    expect(dry.recycle!.recycled).toEqual([]);
    expect(dry.recycle!.newWarnings.length).toBeGreaterThan(10);
    expect([dry.recycle!.warned, dry.recycle!.deferred]).toEqual([[], []]);
    expect(readFileSync(book).equals(bytes)).toBe(true);

    const real = await json('recycle', book, '--in-place');
    expect(real.recycle!.newWarnings).toEqual(dry.recycle!.newWarnings);
    const customers = (await tabs(book)).get('Customers')!;
    const flags = customers.header.indexOf(OWNED.flags);
    expect(customers.rows.filter((r) => /recycles on 2026-11-08 unless contacted/.test(String(r[flags])))).toHaveLength(real.recycle!.newWarnings.length);

    // A week on, those still stale are due: at most pool.maxPerRun (200) of them per run, the rest wait.
    const saved = readFileSync(book);
    const week = await cli('recycle', book, '--dry-run', '--as-of', '2026-11-08', '--json');
    const due = Summary.parse(JSON.parse(week.stdout)).recycle!;
    const warnedIds = new Set(real.recycle!.newWarnings.map((w) => w.customerId));
    expect(due.recycled).toHaveLength(Math.min(200, warnedIds.size));
    expect(due.recycled.every((r) => warnedIds.has(r.customerId))).toBe(true);
    // Each due customer once: recycled, or deferred by the cap; none of them is "warned" again.
    expect(due.deferred).toHaveLength(warnedIds.size - due.recycled.length);
    expect(due.deferred.every((w) => warnedIds.has(w.customerId))).toBe(true);
    // Everyone flagged a week ago is due now; customers that turned stale since are new warnings, and only those.
    expect(due.warned).toEqual([]);
    expect(due.newWarnings.some((w) => warnedIds.has(w.customerId))).toBe(false);
    expect(readFileSync(book).equals(saved)).toBe(true);
  });

  it('claim gives a pool customer to a rep and logs it; claiming it again exits 1 with the reason; a missing --rep is a usage error', async () => {
    const customers = (await tabs(book)).get('Customers')!;
    const owner = customers.header.indexOf('Owner');
    const pooled = customers.rows.filter((r) => r[0] !== null && r[owner] === null).map((r) => String(r[0]));
    const summary = await json('claim', book, '--in-place', '--rep', 'emma.wang@example.com', '--customer', pooled[0]);
    expect(summary.claim).toMatchObject({ customerId: pooled[0], rep: 'Emma Wang', from: '' });
    const after = await tabs(book);
    expect(ownersOf(after.get('Customers')!).get(pooled[0])).toBe('Emma Wang');
    expect(after.get(OWN_TABS.log)!.rows.at(-1)!.slice(2, 6)).toEqual(['claim', pooled[0], '', 'Emma Wang']);

    const again = await cli('claim', book, '--in-place', '--rep', 'Bob Martin', '--customer', pooled[0], '--as-of', DEMO_AS_OF);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe(`tierwise claim: ${pooled[0]} is not in the pool: Emma Wang owns it.\n`);
    expect((await cli('claim', book, '--customer', pooled[1])).code).toBe(2);
  });
});
