// The benchmarks run plain Node on a fresh checkout: the TypeScript they measure is
// bundled on the fly by esbuild into .bench/ (git-ignored) and imported from there.
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

// Node bundles get a `require` as the command's build gives it (scripts/build.mjs): CommonJS
// packages such as iconv-lite require Node's modules, which an ES module bundle cannot.
const NODE_REQUIRE = "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);";

/**
 * Bundles `source` (TypeScript re-exports, resolved from the repository root) into
 * .bench/NAME.mjs and returns that file's path, for a child process to import.
 * `platform` is `neutral` for the pure core, `node` for shells and test kits that use
 * Node's modules.
 */
export async function bundleTs(name, source, platform = 'neutral') {
  const dir = join(root, '.bench');
  mkdirSync(dir, { recursive: true });
  const outfile = join(dir, `${name}.mjs`);
  const banner = platform === 'node' ? { js: NODE_REQUIRE } : undefined;
  await build({ stdin: { contents: source, resolveDir: root, loader: 'ts' }, bundle: true, format: 'esm', platform, target: 'node20', outfile, banner, logLevel: 'error' });
  return outfile;
}

/** bundleTs, then imports the bundle. */
export async function importTs(name, source, platform = 'neutral') {
  const outfile = await bundleTs(name, source, platform);
  return import(`${pathToFileURL(outfile).href}?t=${Date.now()}`);
}

/** Our own CSV reader (src/node/csv), so the benches read files the way the command does. */
export async function csvReader() {
  const { parseCsv } = await importTs('csv', "export { parseCsv } from './src/node/csv/tokenize.ts';", 'node');
  return (text) => parseCsv(text, ',');
}
