// The benchmarks run plain Node on a fresh checkout: the TypeScript they measure is
// bundled on the fly by esbuild into .bench/ (git-ignored) and imported from there.
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Bundles `source` (TypeScript re-exports, resolved from the repository root) into
 * .bench/NAME.mjs and imports it. `platform` is `neutral` for the pure core, `node` for
 * shells and test kits that use Node's modules.
 */
export async function importTs(name, source, platform = 'neutral') {
  const dir = join(root, '.bench');
  mkdirSync(dir, { recursive: true });
  const outfile = join(dir, `${name}.mjs`);
  await build({ stdin: { contents: source, resolveDir: root, loader: 'ts' }, bundle: true, format: 'esm', platform, target: 'node20', outfile, logLevel: 'error' });
  return import(`${pathToFileURL(outfile).href}?t=${Date.now()}`);
}

/** Our own CSV reader (src/node/csv), so the benches read files the way the command does. */
export async function csvReader() {
  const { parseCsv } = await importTs('csv', "export { parseCsv } from './src/node/csv/tokenize.ts';", 'node');
  return (text) => parseCsv(text, ',');
}
