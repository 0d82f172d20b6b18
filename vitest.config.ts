import { defineConfig } from 'vitest/config';

// The real-workbook corpus keeps both cores busy with LibreOffice for a while; it runs in a
// group of its own after the rest, so that the browser tests' waits never share the machine
// with it.
const CORPUS = 'tests/node/xlsx/real-xlsx.test.ts';

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: more workers only fight over them.
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'suite', include: ['tests/**/*.test.ts'], exclude: [CORPUS], sequence: { groupOrder: 0 } } },
      { extends: true, test: { name: 'real-xlsx', include: [CORPUS], sequence: { groupOrder: 1 } } },
    ],
  },
});
