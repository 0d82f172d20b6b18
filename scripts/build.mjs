// Builds the artefacts: dist/Code.js (Apps Script), dist/appsscript.json,
// dist/tierwise.mjs (the Node command) and the worker it starts, dist/xml-check-worker.mjs. See README "Build".
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { findBoundaryViolations } from './check-boundaries.mjs';

const violations = findBoundaryViolations();
if (violations.length) {
  console.error(`src/core and src/app must stay platform-free (DESIGN §2):\n${violations.join('\n')}`);
  process.exit(1);
}

mkdirSync('dist', { recursive: true });

// Apps Script calls only top-level functions, so the bundle is an IIFE held in one
// non-global `const` and a generated footer declares one top-level function per export
// of src/gas/entrypoints.ts: that file's exports are the whole server surface.
const gasOptions = {
  entryPoints: ['src/gas/entrypoints.ts'],
  bundle: true,
  target: 'es2020',
  platform: 'neutral',
  mainFields: ['module', 'main'],
  write: false,
  legalComments: 'none',
  logLevel: 'error',
};
// esbuild lists an entry's exports only for ES module output, so ask it that way first.
const analysis = await build({ ...gasOptions, format: 'esm', metafile: true });
const exports = Object.values(analysis.metafile.outputs)[0].exports;
const gas = await build({ ...gasOptions, format: 'iife', globalName: 'tierwise_' });
// Libraries may park their own state on globalThis (zod keeps its config there). Inside
// the bundle, globalThis is a private object whose prototype is the real one: reads see
// every Apps Script global, writes stay out of the project's global scope.
const iife = gas.outputFiles[0].text.replace(/^"use strict";\n/, '').replace(/^var tierwise_ = /m, 'return ');
// The language's own built-ins are handed in as parameters too, so the bundle reads them
// from its closure rather than from the global object. Apps Script does not care, but a
// node:vm context (the stand-ins, the Apps Script benchmark) answers every global read
// through an interceptor: a hypergeometric series calling Math.abs ran ~60× slower there.
// Only ECMAScript intrinsics, never a service; Date is the one the global holds when the
// bundle loads (the stand-ins put their clock's Date there before loading it).
const INTRINSICS = ['Math', 'Date', 'Number', 'String', 'Boolean', 'Object', 'Array', 'Map', 'Set', 'WeakMap', 'JSON', 'Symbol', 'Reflect',
  'ArrayBuffer', 'Float64Array', 'Float32Array', 'Int32Array', 'Uint32Array', 'Int16Array', 'Uint16Array', 'Int8Array', 'Uint8Array',
  'Infinity', 'NaN', 'isFinite', 'isNaN', 'parseInt', 'parseFloat'].join(', ');
const body = `const tierwise_ = (function (globalThis, ${INTRINSICS}) {\n"use strict";\n${iife}})(Object.create(globalThis), ${INTRINSICS});`;
const footer = exports
  .map((name) => `function ${name}() { return tierwise_.${name}.apply(this, arguments); }`)
  .join('\n');
writeFileSync('dist/Code.js', `${body}\n${footer}\n`);
copyFileSync('appsscript.json', 'dist/appsscript.json');

await build({
  entryPoints: ['src/node/cli.ts'],
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outfile: 'dist/tierwise.mjs',
  banner: { js: "#!/usr/bin/env node\nimport { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);" },
  legalComments: 'none',
  logLevel: 'error',
});

// The XML parse of a save's check runs on a thread of its own (src/node/xlsx/check-package.ts),
// which loads this file from beside the command.
await build({
  entryPoints: ['src/node/xlsx/xml-check-worker.ts'],
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outfile: 'dist/xml-check-worker.mjs',
  legalComments: 'none',
  logLevel: 'error',
});

await (await import('./build-sidebar.mjs')).buildSidebar();
const sizes = ['dist/Code.js', 'dist/tierwise.mjs'].map((f) => `${f} ${(readFileSync(f).length / 1024).toFixed(0)} KB`);
if (!process.env.CI) console.error(`built ${sizes.join(', ')}`);
