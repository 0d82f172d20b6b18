// The scoring benchmarks of issue 2 item 9: the core alone on in-memory tables (the deals held by column),
// `tierwise score` end to end on a CSV folder beside DuckDB computing the same RFM, and
// `tierwise score` on a large .xlsx with its peak memory. Each measured run is a child
// process, so one run's heap and file cache effects do not leak into the next figure.
//
// Child modes (used by the functions below, runnable by hand):
//   node scripts/bench/score.mjs core DIR AS_OF RUNS [profile]
//   node scripts/bench/score.mjs duckdb DIR AS_OF
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundleTs } from './bundle.mjs';
import { phasesOf, profileHere, profileProcess } from './phases.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const root = resolve(here, '../..');
export const benchDir = join(root, '.bench');
const command = join(root, 'dist/tierwise.mjs');
/** The core heap target (issue 2): the core child runs with this cap, so a run over it fails rather than passes. */
const CORE_HEAP_CAP_MB = 1024;

/** The gen_scale.py book in `.bench/NAME`, generated once: the script is deterministic. */
export function scaleBook(name, nCustomers, nDeals) {
  const dir = join(benchDir, name);
  if (!existsSync(join(dir, 'deals.csv'))) {
    mkdirSync(dir, { recursive: true });
    execFileSync('python3', [join(root, '../shared/bench/gen_scale.py'), dir, String(nCustomers), String(nDeals)]);
  }
  return dir;
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Runs `node ARGS…` and resolves with its wall time, stdout, stderr and exit code. */
export function timeNode(args, { nodeOptions = [] } = {}) {
  return new Promise((done, fail) => {
    const start = performance.now();
    const child = spawn(process.execPath, [...nodeOptions, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    const err = [];
    child.stdout.on('data', (b) => out.push(b));
    child.stderr.on('data', (b) => err.push(b));
    child.on('error', fail);
    child.on('close', (code) => {
      const ms = performance.now() - start;
      const stdout = Buffer.concat(out).toString();
      const stderr = Buffer.concat(err).toString();
      if (code !== 0) fail(new Error(`node ${args.join(' ')} exited ${code}:\n${stderr}`));
      else done({ ms, stdout, stderr });
    });
  });
}

/** `tierwise score` through measure-rss.mjs: wall time, the --json summary and the peak RSS. */
export async function timeScoreCommand(book, out, asOf) {
  rmSync(out, { recursive: true, force: true });
  const run = await timeNode([join(here, 'measure-rss.mjs'), command, 'score', book, '--out', out, '--as-of', asOf, '--json']);
  const lastLine = run.stderr.trim().split('\n').pop();
  return { ms: run.ms, summary: JSON.parse(run.stdout), maxRssMb: JSON.parse(lastLine).maxRssKb / 1024 };
}

/** `tierwise score` once more under the profiler (every thread): its CPU time by phase (phases.mjs). */
export function profileScoreCommand(book, out, asOf) {
  rmSync(out, { recursive: true, force: true });
  const bundles = [command, join(root, 'dist/xml-check-worker.mjs')];
  return profileProcess((nodeOptions) => timeNode([command, 'score', book, '--out', out, '--as-of', asOf, '--json'], { nodeOptions }), bundles);
}

/** src/core (and the CSV reader that builds its input tables) bundled into .bench/core.mjs, as the command bundles it. */
function coreBundle() {
  return bundleTs(
    'core',
    [
      "export { scoreBook } from './src/core/score/score-book.ts';",
      "export { defaultSettings } from './src/core/settings/schema.ts';",
      "export { parseDay } from './src/core/parse/days.ts';",
      "export { readCsvTable } from './src/node/csv/read.ts';",
    ].join('\n'),
    'node',
  );
}

/**
 * Core scoring (cell parsing, weighted score with why, RFM, tiers) of the book in `dir`
 * from Table objects of strings built before timing: a warm-up, then `runs` timed runs.
 */
export async function benchCore(dir, asOf, runs = 5, { profile = false } = {}) {
  await coreBundle();
  const run = await timeNode([fileURLToPath(import.meta.url), 'core', dir, asOf, String(runs), ...(profile ? ['profile'] : [])], {
    nodeOptions: ['--expose-gc', `--max-old-space-size=${CORE_HEAP_CAP_MB}`],
  });
  return JSON.parse(run.stdout);
}

/** `profile`: one more run without CLV under the profiler, its CPU time by phase returned as `phases`. */
async function coreChild(dir, asOf, runs, profile) {
  const core = await import(pathToFileURL(join(benchDir, 'core.mjs')).href);
  const customers = (await core.readCsvTable(join(dir, 'customers.csv'), 'Customers')).table;
  // Held by column, as the command reads a deals tab (issue 13).
  const deals = (await core.readCsvTable(join(dir, 'deals.csv'), 'Deals', { byColumn: true })).table;
  const asOfDay = core.parseDay(asOf);
  globalThis.gc();
  const inputHeap = process.memoryUsage().heapUsed;
  // Issue 2 times parsing + score + RFM + tiers; CLV (issue 3) is timed apart, with the default settings.
  const withoutClv = { ...core.defaultSettings, clv: { ...core.defaultSettings.clv, enabled: false } };
  const scoring = timeScoring(core.scoreBook, { customers, deals, settings: withoutClv, asOfDay }, runs);
  const withClv = timeScoring(core.scoreBook, { customers, deals, settings: core.defaultSettings, asOfDay }, Math.min(runs, 3));
  const mb = (bytes) => bytes / 2 ** 20;
  const phases = profile ? phasesOf([await profileHere(() => core.scoreBook({ customers, deals, settings: withoutClv, asOfDay }))], [join(benchDir, 'core.mjs')]) : null;
  writeFileSync(1, JSON.stringify({
    phases,
    customers: customers.rows.length,
    deals: deals.cells.rowCount,
    ms: scoring.ms,
    medianMs: median(scoring.ms),
    withClvMedianMs: median(withClv.ms),
    inputHeapMb: mb(inputHeap),
    heapAfterMb: mb(Math.max(scoring.heapAfter, withClv.heapAfter)),
    heapTotalMb: mb(Math.max(scoring.heapTotal, withClv.heapTotal)),
    heapCapMb: CORE_HEAP_CAP_MB,
  }));
}

/** A warm-up, then `runs` timed runs, each after a full GC; heap sizes read right after each run. */
function timeScoring(scoreBook, input, runs) {
  const warm = scoreBook(input);
  if (!warm.ok) throw new Error(warm.issues.map((i) => i.message).join('; '));
  const ms = [];
  let heapAfter = 0;
  let heapTotal = 0;
  for (let k = 0; k < runs; k++) {
    globalThis.gc();
    const start = performance.now();
    scoreBook(input);
    ms.push(performance.now() - start);
    const memory = process.memoryUsage();
    heapAfter = Math.max(heapAfter, memory.heapUsed);
    heapTotal = Math.max(heapTotal, memory.heapTotal);
  }
  return { ms, heapAfter, heapTotal };
}

/**
 * The same RFM as Tierwise's (won deals on or before the as-of date, per customer:
 * days since the last, count, sum; customers without one keep nulls), read by DuckDB
 * from the same CSV files, the rows brought back into JavaScript.
 */
async function duckdbChild(dir, asOf) {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const file = (name) => `'${join(dir, name).replaceAll("'", "''")}'`;
  const reader = await connection.runAndReadAll(`
    WITH won AS (
      SELECT "Customer ID" AS id, max("Date") AS last, count(*) AS frequency, sum("Amount") AS monetary
      FROM read_csv(${file('deals.csv')}, header = true)
      WHERE lower(trim("Stage")) = 'won' AND "Date" <= DATE '${asOf}'
      GROUP BY "Customer ID")
    SELECT c."Customer ID" AS id, DATE '${asOf}' - won.last AS recency, won.frequency, won.monetary
    FROM read_csv(${file('customers.csv')}, header = true) AS c LEFT JOIN won ON won.id = c."Customer ID"`);
  const rows = reader.getRowObjects();
  writeFileSync(1, JSON.stringify(rfmTotals(rows.map((r) => [Number(r.recency ?? NaN), Number(r.frequency ?? NaN), Number(r.monetary ?? NaN)]))));
}

/** Sums that two RFM computations over the same book must agree on. */
export function rfmTotals(rows) {
  const totals = { customers: rows.length, buyers: 0, recency: 0, frequency: 0, monetary: 0 };
  for (const [recency, frequency, monetary] of rows) {
    if (Number.isNaN(frequency)) continue;
    totals.buyers++;
    totals.recency += recency;
    totals.frequency += frequency;
    totals.monetary += monetary;
  }
  totals.monetary = Math.round(totals.monetary);
  return totals;
}

/** The RFM totals of a `tierwise score` output folder, from its TW columns. */
async function tierwiseTotals(outDir) {
  const core = await import(pathToFileURL(join(benchDir, 'core.mjs')).href);
  const { table } = await core.readCsvTable(join(outDir, 'customers.csv'), 'Customers');
  const at = (name) => table.header.indexOf(name);
  const [r, f, m] = [at('TW Recency Days'), at('TW Frequency'), at('TW Monetary')];
  return rfmTotals(table.rows.map((row) => [Number(row[r] ?? NaN), Number(row[f] ?? NaN), Number(row[m] ?? NaN)]));
}

/**
 * `tierwise score` on a CSV folder and DuckDB's RFM of the same files, alternating, each
 * a fresh process (start-up, CSV read and output included), after one warm-up of each.
 */
export async function benchCsvCommand(dir, asOf, runs = 3) {
  await coreBundle();
  const out = join(benchDir, 'out-csv');
  const duck = () => timeNode([fileURLToPath(import.meta.url), 'duckdb', dir, asOf]);
  await timeScoreCommand(dir, out, asOf);
  const duckWarm = await duck();
  const tierwise = [];
  const duckdb = [];
  let rss = 0;
  for (let k = 0; k < runs; k++) {
    const run = await timeScoreCommand(dir, out, asOf);
    tierwise.push(run.ms);
    rss = Math.max(rss, run.maxRssMb);
    duckdb.push((await duck()).ms);
  }
  const ours = await tierwiseTotals(out);
  const customersSha256 = createHash('sha256').update(readFileSync(join(out, 'customers.csv'))).digest('hex');
  const theirs = JSON.parse(duckWarm.stdout);
  // Tierwise writes each customer's monetary rounded to the cent, DuckDB sums unrounded.
  const centRounding = 0.005 * ours.buyers;
  const agree = ['customers', 'buyers', 'recency', 'frequency'].every((k) => ours[k] === theirs[k]) && Math.abs(ours.monetary - theirs.monetary) <= centRounding + 1;
  return { tierwiseMs: median(tierwise), duckdbMs: median(duckdb), tierwise, duckdb, maxRssMb: rss, agree, ours, theirs, customersSha256 };
}

/** `tierwise score` on an .xlsx (runs alternate with the bare streaming read of the same file). */
export async function benchXlsxCommand(path, asOf, timeBareRead, runs = 1) {
  const out = join(benchDir, 'out-scored.xlsx');
  const command = [];
  const bare = [];
  let rss = 0;
  let customers = 0;
  for (let k = 0; k < runs; k++) {
    bare.push((await timeBareRead(path)).ms);
    const run = await timeScoreCommand(path, out, asOf);
    command.push(run.ms);
    rss = Math.max(rss, run.maxRssMb);
    customers = run.summary.customers;
  }
  return { ms: median(command), bareMs: median(bare), maxRssMb: rss, customers };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [mode, dir, asOf, runs, profile] = process.argv.slice(2);
  if (mode === 'core') await coreChild(dir, asOf, Number(runs), profile === 'profile');
  else if (mode === 'duckdb') await duckdbChild(dir, asOf);
  else throw new Error('usage: node scripts/bench/score.mjs core DIR AS_OF RUNS [profile] | duckdb DIR AS_OF');
}
