import { defineConfig } from 'vitest/config';
import mutation from './vitest.mutation.config.js';

// For narrowed runs over src/core (`npx stryker run --mutate 'src/core/assign/**/*.ts'
// --vitest.configFile …` is not a CLI option, so a Stryker config names this file): the tests
// of vitest.mutation.config.ts without the vi.mock project. saved-computations and same-company
// check that the app reuses a saved CLV fit or saved groups by comparing two runs of the same
// core code, so they cannot tell a core mutant apart, and saved-computations' 6-second property
// ran for every surviving mutant.
export default defineConfig({
  test: { ...mutation.test, projects: mutation.test?.projects?.filter((p) => typeof p === 'object' && 'test' in p && p.test?.name === 'shared') },
});
