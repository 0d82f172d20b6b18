import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

// The tests StrykerJS runs against each mutant of src/core and src/app: the fast unit and
// property tests only. The browser, bundle, Node-shell and LibreOffice tests exercise the
// same core through slow I/O and would make a run take hours without killing more mutants.
const folders = ['tests/core', 'tests/app'];
const include = folders.map((folder) => `${folder}/**/*.test.ts`);
// Test files that replace a module with vi.mock: with shared imports the module may already
// be loaded, unmocked, by a file that ran before in the same worker. Found by reading the
// files, so that a new one is not forgotten (same-company.test.ts was: its property failed
// the dry run, the module it counts calls of loaded unmocked by another file).
const mocking = folders.flatMap((folder) =>
  readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.test.ts'))
    .map((file) => join(folder, file))
    .filter((path) => readFileSync(path, 'utf8').includes('vi.mock(')),
);

/**
 * Vitest's own order runs isolated projects first and the longest files first; StrykerJS stops
 * a mutant at its first failing test, so here the quick files go first and the isolated ones
 * last. Under vitest's order every mutant of src/core/assign paid for saved-computations'
 * 6-second property (which compares two runs of the same mutated code) before any other test.
 */
class QuickFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return (await super.sort(files)).reverse();
  }
}

export default defineConfig({
  test: {
    // Instrumented code runs the CLV optimisers several times slower than plain code.
    testTimeout: 300_000,
    sequence: { sequencer: QuickFirst },
    projects: [
      {
        extends: true,
        // Each mutant reruns a few test files; keeping their imports between files roughly
        // halves the import time (these files share no mutable module state).
        test: { name: 'shared', include, exclude: mocking, isolate: false },
      },
      { extends: true, test: { name: 'mocking', include: mocking, isolate: true } },
    ],
  },
});
