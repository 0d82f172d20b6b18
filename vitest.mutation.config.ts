import { defineConfig } from 'vitest/config';

// The tests StrykerJS runs against each mutant of src/core and src/app: the fast unit and
// property tests only. The browser, bundle, Node-shell and LibreOffice tests exercise the
// same core through slow I/O and would make a run take hours without killing more mutants.
const include = ['tests/core/**/*.test.ts', 'tests/app/**/*.test.ts'];
// Test files that replace a module with vi.mock: with shared imports the module may already
// be loaded, unmocked, by a file that ran before in the same worker.
const mocking = ['tests/app/saved-computations.test.ts'];

export default defineConfig({
  test: {
    // Instrumented code runs the CLV optimisers several times slower than plain code.
    testTimeout: 300_000,
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
