// The Apps Script shell's benchmark (issue 5): rescore and propose through the BUILT
// dist/Code.js in a node:vm context over the stand-ins of tests/gas/fakes, on gen_scale.py
// books of 5,000 and 50,000 customers (ten deals each, 26 reps). It prints the Spreadsheet
// service calls of each run, which must not grow with the rows (each call is a round trip
// in Apps Script), and the Node time, whose target is 3 s for 50,000 customers: Apps
// Script runs the same JavaScript several times slower, well inside one 6-minute execution.
//
//   npm run build && node scripts/bench/gas.mjs
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import vm from 'node:vm';
import { csvReader, importTs } from './bundle.mjs';
import { phasesOf, profileHere } from './phases.mjs';
import { root, scaleBook, timeNode } from './score.mjs';

const AS_OF = '2026-11-01';
const MANAGER = 'manager@example.com';
export const GAS_TARGET_MS = 3000;
/** Issue 13's target for the shipped default, CLV on. */
export const GAS_CLV_TARGET_MS = 2000;

/** The stand-ins are TypeScript under tests/: bundle them once for plain Node. */
function loadFakes() {
  return importTs('gas-fakes', "export * from './tests/gas/fakes/index.ts';", 'node');
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const NUMBER = /^-?\d+(\.\d+)?$/;

/** A CSV file as a Sheets user's tab holds it after import: numbers and dates typed, the rest text. */
function typedRows(csvRows, path) {
  const typed = (raw) => (ISO_DAY.test(raw) ? new Date(`${raw}T00:00:00Z`) : NUMBER.test(raw) ? Number(raw) : raw);
  return csvRows(readFileSync(path, 'utf8')).map((row) => row.map(typed));
}

// Each timed call starts from a collected heap, as the core figure does: otherwise the
// garbage of building the stand-ins' 500,000-row sheets lands on whichever call comes next.
function measure(env, run) {
  env.calls.reset();
  globalThis.gc();
  const started = performance.now();
  const result = run();
  return { ms: performance.now() - started, spreadsheetCalls: env.calls.spreadsheetCalls(), allCalls: env.calls.total(), result };
}

const CODE_PATH = join(root, 'dist/Code.js');

/**
 * Rescore, then propose, on a fresh copy of one book of `customers` customers; the figures of
 * each. With `profiles` (an array), each call runs under the profiler and its profile is added.
 */
async function benchRound(fakes, csvRows, code, customers, clv, profiles = null) {
  const dir = scaleBook(`scale-${customers}-${customers * 10}`, customers, customers * 10);
  // Sized to the data, as a CSV import makes it: 500,000 deals in a default 26-column
  // grid would pass the 10,000,000-cell limit of a spreadsheet.
  const sheet = (name, file) => {
    const rows = typedRows(csvRows, join(dir, file));
    return fakes.sheetFromRows(name, rows, { maxRows: rows.length, maxColumns: rows[0].length });
  };
  const env = fakes.createAppsScriptEnvironment({
    now: `${AS_OF}T08:00:00Z`,
    user: MANAGER,
    spreadsheets: [{ id: 'bench', timeZone: 'UTC', sheets: [sheet('Customers', 'customers.csv'), sheet('Deals', 'deals.csv'), sheet('Reps', 'reps.csv')] }],
  });
  const context = env.createContext();
  // Named, so that a profile's samples can be traced to the bundle's modules (phases.mjs).
  vm.runInContext(code, context, { filename: CODE_PATH });
  context.saveSettings({ settings: { managers: [MANAGER], clv: { enabled: clv } } });
  env.setUser(MANAGER);
  const timed = async (call) => {
    if (!profiles) return measure(env, call);
    let measured;
    profiles.push(await profileHere(() => (measured = measure(env, call))));
    return measured;
  };
  const rescore = await timed(() => context.rescore({ asOf: AS_OF }));
  env.setUser(MANAGER);
  const propose = await timed(() => context.propose({ asOf: AS_OF }));
  if (rescore.result.status !== 'done' || propose.result.status !== 'done') throw new Error('a run stopped before writing every row');
  return { customers, rescore, propose };
}

/** `runs` rounds on fresh books; the round whose rescore + propose is the median (the upper one of an even count). */
async function benchSize(fakes, csvRows, code, customers, clv, runs) {
  const rounds = [];
  for (let k = 0; k < runs; k++) rounds.push(await benchRound(fakes, csvRows, code, customers, clv));
  const total = (r) => r.rescore.ms + r.propose.ms;
  const totals = rounds.map(total);
  const middle = [...rounds].sort((a, b) => total(a) - total(b))[runs >> 1];
  const calls = new Set(rounds.map((r) => `${r.rescore.spreadsheetCalls}/${r.propose.spreadsheetCalls}`));
  if (calls.size !== 1) throw new Error(`the Spreadsheet calls changed from round to round: ${[...calls].join(', ')}`);
  return { ...middle, totalsMs: totals.map(Math.round) };
}

/**
 * The child: every size for one CLV setting, printed as JSON (results hold no functions).
 * `profile`: one more round at the largest size under the profiler, its CPU time by phase
 * returned as `phases` (the stand-ins' own work is a phase of its own).
 */
async function gasChild(clv, runs, sizes, profile) {
  const code = readFileSync(CODE_PATH, 'utf8');
  const fakes = await loadFakes();
  const csvRows = await csvReader();
  const results = [];
  for (const customers of sizes) {
    const { rescore, propose, totalsMs } = await benchSize(fakes, csvRows, code, customers, clv, runs);
    const figures = ({ ms, spreadsheetCalls, allCalls }) => ({ ms, spreadsheetCalls, allCalls });
    results.push({ customers, rescore: figures(rescore), propose: figures(propose), totalsMs });
  }
  let phases = null;
  if (profile) {
    const profiles = [];
    await benchRound(fakes, csvRows, code, sizes.at(-1), clv, profiles);
    phases = phasesOf(profiles, [CODE_PATH, join(root, '.bench/gas-fakes.mjs')]);
  }
  process.stdout.write(JSON.stringify({ results, phases }));
}

/**
 * Rescore then propose at each size, `runs` rounds each (median), in a fresh Node process
 * with an exposed collector. `clv: false` leaves the CLV model out (settings clv.enabled),
 * to show the shell's and the scoring's own cost apart from fitting BG/NBD and Gamma-Gamma.
 * `profile`: `phases` is the CPU time by phase of one more round at the largest size.
 */
export async function runGasBench({ sizes = [5_000, 50_000], clv = true, runs = 3, profile = false, say = (text) => process.stdout.write(`${text}\n`) } = {}) {
  const child = await timeNode([fileURLToPath(import.meta.url), 'child', String(clv), String(runs), sizes.join(','), ...(profile ? ['profile'] : [])], { nodeOptions: ['--expose-gc'] });
  const { results, phases } = JSON.parse(child.stdout);
  for (const r of results) {
    say(`  ${r.customers.toLocaleString('en-US')} customers, CLV ${clv ? 'on' : 'off'}, median of ${runs}: rescore ${r.rescore.ms.toFixed(0)} ms, ${r.rescore.spreadsheetCalls} Spreadsheet calls (${r.rescore.allCalls} in all); ` +
      `propose ${r.propose.ms.toFixed(0)} ms, ${r.propose.spreadsheetCalls} Spreadsheet calls (${r.propose.allCalls} in all); rounds ${r.totalsMs.join(', ')} ms`);
  }
  const calls = results.map((r) => [r.rescore.spreadsheetCalls, r.propose.spreadsheetCalls].join('/'));
  const flat = calls.every((c) => c === calls[0]);
  say(`  Spreadsheet calls (rescore/propose) by size: ${calls.join(', ')} — ${flat ? 'the same at every size' : 'NOT constant'}`);
  return { results, flat, phases };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (process.argv[2] === 'child') {
    await gasChild(process.argv[3] === 'true', Number(process.argv[4]), process.argv[5].split(',').map(Number), process.argv[6] === 'profile');
  } else {
    let allFlat = true;
    for (const clv of [false, true]) {
      const { results, flat } = await runGasBench({ clv });
      const largest = results.at(-1);
      const total = largest.rescore.ms + largest.propose.ms;
      process.stdout.write(`  ${largest.customers.toLocaleString('en-US')} customers, CLV ${clv ? 'on' : 'off'}, rescore + propose: ${total.toFixed(0)} ms (target ≤ ${clv ? GAS_CLV_TARGET_MS : GAS_TARGET_MS} ms)\n`);
      allFlat &&= flat;
    }
    process.exitCode = allFlat ? 0 : 1;
  }
}
