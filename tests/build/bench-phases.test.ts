import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { describePhases, phasesOf, type CpuProfile } from '../../scripts/bench/phases.mjs';

// A bundle as esbuild writes it: each module's code under a `// path` heading.
const bundle = join(mkdtempSync(join(tmpdir(), 'tierwise-phases-')), 'tierwise.mjs');
writeFileSync(
  bundle,
  ['// node_modules/saxes/saxes.js', 'function write() {}', '', '// src/node/csv/read.ts', 'function readCsv() {}', '', '  // src/core/score/clv/fit.ts', '  function fitClv() {}'].join('\n'),
);
const url = pathToFileURL(bundle).href;

/** A profile whose samples land on `leaves` (node ids), 1 ms each. */
function profile(leaves: number[]): CpuProfile {
  const frame = (functionName: string, at: string, lineNumber: number) => ({ functionName, url: at, lineNumber });
  return {
    nodes: [
      { id: 1, callFrame: frame('(root)', '', -1), children: [2, 5, 6, 7, 8] },
      { id: 2, callFrame: frame('readCsv', url, 4), children: [3] },
      // Node's own Buffer copy, called by the CSV reader: it counts for the reader.
      { id: 3, callFrame: frame('copy', 'node:buffer', 800), children: [4] },
      { id: 4, callFrame: frame('fitClv', url, 7) },
      { id: 5, callFrame: frame('(garbage collector)', '', -1) },
      { id: 6, callFrame: frame('(idle)', '', -1) },
      { id: 7, callFrame: frame('processTicksAndRejections', 'node:internal/process/task_queues', 60) },
      { id: 8, callFrame: frame('write', url, 1) },
    ],
    samples: leaves,
    timeDeltas: leaves.map(() => 1000),
  };
}

describe('where a benchmark figure\'s CPU time goes (scripts/bench/phases.mjs)', () => {
  it('counts each sample for the module of its nearest frame in the bundle, Node\'s own code for its caller of ours', () => {
    const { phases, totalMs } = phasesOf([profile([2, 3, 3, 4, 5, 6, 6, 7, 8])], [bundle]);
    expect(Object.fromEntries(phases.map((p) => [p.phase, p.ms]))).toEqual({
      'CSV reading and writing': 3,
      'CLV fit and values': 1,
      'garbage collection': 1,
      'V8 and Node outside our code (compiling, start-up, I/O callbacks)': 1,
      'XML check (saxes)': 1,
    });
    // Idle time is no one's CPU time.
    expect(totalMs).toBe(7);
    expect(phases[0].phase).toBe('CSV reading and writing');
  });

  it('adds up the threads of one run, and says each phase with its share', () => {
    const both = phasesOf([profile([2, 2]), profile([4, 4])], [bundle]);
    expect(describePhases(both)).toBe('CSV reading and writing 50% (2 ms); CLV fit and values 50% (2 ms). CPU in all 0.00 s.');
  });
});
