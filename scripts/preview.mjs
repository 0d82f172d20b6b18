// `npm run preview`: build, then serve dist/Sidebar.html with a google.script.run bridge to
// the server functions running in Node against a local book (src/node/preview, README
// "The sidebar"). Arguments after `--` go to the preview, e.g. `npm run preview -- --book my.xlsx`.
import { execFileSync } from 'node:child_process';
import { build } from 'esbuild';

execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
await build({
  entryPoints: ['src/node/preview/main.ts'],
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outfile: 'dist/preview.mjs',
  banner: { js: "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);" },
  legalComments: 'none',
  logLevel: 'error',
});
const { main } = await import(new URL('../dist/preview.mjs', import.meta.url).href);
await main(process.argv.slice(2));
