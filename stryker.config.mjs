// `npm run mutate`: StrykerJS over the pure core (src/core, src/app) with the fast tests of
// vitest.mutation.config.ts. Results and the incremental file live under reports/mutation/
// (git-ignored); see tests/MUTATION.md for the scores and the equivalent mutants.
import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { resolve } from 'node:path';

const tempDirName = 'reports/.stryker-tmp';
// Tests read the shared data sets at ../shared from the project root; a sandbox lives at
// <tempDirName>/sandbox-*, so the same relative path must resolve from there too.
mkdirSync(tempDirName, { recursive: true });
if (!existsSync(resolve(tempDirName, 'shared'))) symlinkSync(resolve('../shared'), resolve(tempDirName, 'shared'));

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  mutate: ['src/core/**/*.ts', 'src/app/**/*.ts'],
  coverageAnalysis: 'perTest',
  // A re-run only tests the mutants whose source or covering tests changed since the last run.
  incremental: true,
  incrementalFile: 'reports/mutation/incremental.json',
  reporters: ['html', 'json', 'clear-text', 'progress'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  // Two cores, shared: one test process at a time. `npx stryker run --concurrency 2` on a
  // quiet machine.
  concurrency: 1,
  // A static mutant (a schema, a table of constants) runs every test, 15–20 s instrumented;
  // StrykerJS's default allowance (1.5 × the tests' time + 5 s) let a busy machine turn
  // survivors into time-outs, counted as killed (2026-12-06: 23 in src/core/settings/score.ts,
  // e.g. the refinement "shares A + B must not exceed 1" made always true).
  timeoutMS: 10_000,
  timeoutFactor: 2.5,
  tempDirName,
  ignorePatterns: ['dist', 'out', 'reports', 'tests/artifacts', '.bench', 'demo'],
  cleanTempDir: 'always',
};
