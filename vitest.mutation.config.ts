import { defineConfig } from 'vitest/config';

// The tests StrykerJS runs against each mutant of src/core and src/app: the fast unit and
// property tests only. The browser, bundle, Node-shell and LibreOffice tests exercise the
// same core through slow I/O and would make a run take hours without killing more mutants.
export default defineConfig({
  test: {
    include: ['tests/core/**/*.test.ts', 'tests/app/**/*.test.ts'],
    // Instrumented code runs the CLV optimisers several times slower than plain code.
    testTimeout: 300_000,
    // Each mutant reruns a few test files; keeping their imports between files roughly halves
    // the import time (the tests of tests/core and tests/app share no mutable module state).
    isolate: false,
  },
});
