// Where a figure's time goes: CPU time of a profiled run (V8's sampling profiler) split by the
// part of the code it was spent in. Issue 13 asks for "the measured reason per phase" of every
// target not met; a phase here is a folder of the sources (CSV reading and writing, cell
// parsing, CLV, …), found from the bundle the samples ran in: esbuild heads each module's
// code with a `// src/…` comment, so a sample's line in the bundle names its module.
//
// A sample in Node's own code (a Buffer copy, zlib, JSON) counts for the nearest caller of
// ours on its stack; the garbage collector and code with no caller of ours have rows of
// their own. Idle time (a thread waiting) is left out: the figures are CPU time, summed over
// the threads (the command's XML check runs on a worker thread of its own).
import { mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Folders of the sources, most specific first, and what a reader of BENCHMARKS.md calls them. */
const PHASES = [
  ['src/node/csv/', 'CSV reading and writing'],
  ['src/node/xlsx/', '.xlsx reading and writing'],
  ['src/node/book/', 'book files: fingerprints, lock, transaction'],
  ['src/node/', 'command shell'],
  ['src/core/parse/', 'cell parsing (amounts, dates, ids, stages)'],
  ['src/core/score/clv/', 'CLV fit and values'],
  ['src/core/score/', 'weighted score, Why, RFM, tiers'],
  ['src/core/assign/', 'same-company keys and owner assignment'],
  ['src/core/', 'core: settings, metrics, tables'],
  ['src/app/server/', 'server jobs (chunks, cursors, saved results)'],
  ['src/app/', 'use cases: rescore, propose, state'],
  ['src/gas/', 'Apps Script shell (sheet reads and writes)'],
  ['tests/gas/fakes/', 'stand-ins of the Sheets service'],
  ['node_modules/saxes/', 'XML check (saxes)'],
  ['node_modules/xmlchars/', 'XML check (saxes)'],
  ['node_modules/zod/', 'zod (state and settings schemas)'],
  ['node_modules/', 'other libraries'],
];
const GC = 'garbage collection';
const UNOWNED = 'V8 and Node outside our code (compiling, start-up, I/O callbacks)';

/** The module each line of a bundle belongs to: the lines where a `// path` heading starts one. */
function moduleLines(bundlePath) {
  const starts = [];
  const lines = readFileSync(bundlePath, 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const heading = /^\s*\/\/ ((?:src|tests|node_modules)\/\S+)$/.exec(lines[i]);
    if (heading) starts.push({ line: i, module: heading[1] });
  }
  return starts;
}

function moduleAt(starts, line) {
  let lo = 0;
  let hi = starts.length - 1;
  let found = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid].line <= line) {
      found = starts[mid].module;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

const phaseOf = (module) => PHASES.find(([folder]) => module.startsWith(folder))?.[1] ?? UNOWNED;
// A bundle imported with a query (`?t=…`, to load it afresh) is still that file.
const pathOfUrl = (url) => (url.startsWith('file://') ? fileURLToPath(url.replace(/\?.*$/, '')) : url);

/**
 * CPU time by phase over `profiles` (V8 .cpuprofile objects), attributing samples through
 * `bundles` (paths of the bundles the code ran from). Returns [{ phase, ms }], largest first,
 * and the total.
 */
export function phasesOf(profiles, bundles) {
  // Node names a module by its real path, links resolved.
  const starts = new Map(bundles.map((path) => [realpathSync(path), moduleLines(path)]));
  const totals = new Map();
  let total = 0;
  for (const profile of profiles) {
    const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
    const parent = new Map();
    for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
    const phaseCache = new Map();
    const phaseOfNode = (id) => {
      if (phaseCache.has(id)) return phaseCache.get(id);
      const leaf = nodes.get(id).callFrame.functionName;
      let phase = leaf === '(garbage collector)' ? GC : leaf === '(idle)' ? null : undefined;
      for (let at = id; phase === undefined && at !== undefined; at = parent.get(at)) {
        const frame = nodes.get(at).callFrame;
        const lines = starts.get(pathOfUrl(frame.url));
        const module = lines && moduleAt(lines, frame.lineNumber);
        if (module) phase = phaseOf(module);
      }
      const resolved = phase === undefined ? UNOWNED : phase;
      phaseCache.set(id, resolved);
      return resolved;
    };
    profile.samples.forEach((id, i) => {
      const phase = phaseOfNode(id);
      const ms = (profile.timeDeltas[i] ?? 0) / 1000;
      if (phase === null) return;
      totals.set(phase, (totals.get(phase) ?? 0) + ms);
      total += ms;
    });
  }
  const phases = [...totals].map(([phase, ms]) => ({ phase, ms })).sort((a, b) => b.ms - a.ms);
  return { phases, totalMs: total };
}

/** `node --cpu-prof ARGS…` (every thread profiled), then its phases. `run(nodeOptions)` starts the process and resolves when it ends. */
export async function profileProcess(run, bundles) {
  const dir = mkdtempSync(join(tmpdir(), 'tierwise-profile-'));
  try {
    await run(['--cpu-prof', `--cpu-prof-dir=${dir}`]);
    const profiles = readdirSync(dir)
      .filter((file) => file.endsWith('.cpuprofile'))
      .map((file) => JSON.parse(readFileSync(join(dir, file), 'utf8')));
    return phasesOf(profiles, bundles);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs `work` (sync or async) under the profiler of this thread; resolves with the profile. */
export async function profileHere(work) {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
    await work();
    const { profile } = await session.post('Profiler.stop');
    return profile;
  } finally {
    session.disconnect();
  }
}

/** One line: each phase of at least 1% with its share and time, the rest summed. */
export function describePhases({ phases, totalMs }) {
  const shown = phases.filter((p) => p.ms >= totalMs / 100);
  const rest = totalMs - shown.reduce((sum, p) => sum + p.ms, 0);
  const part = (name, ms) => `${name} ${((100 * ms) / totalMs).toFixed(0)}% (${ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`})`;
  return [...shown.map((p) => part(p.phase, p.ms)), ...(rest >= 1 ? [part('the rest', rest)] : [])].join('; ') + `. CPU in all ${(totalMs / 1000).toFixed(2)} s.`;
}
