// Joins the incremental files of narrowed StrykerJS runs into the one `npm run mutate` reads, so
// a full run can be made in pieces (a session, a machine, a folder at a time) and the full run
// then re-tests only what changed since each piece. StrykerJS itself decides what it may reuse:
// a mutant whose code is unchanged, killed by a test that is unchanged, or a survivor that no new
// test covers (see tests/MUTATION.md).
//
//   node scripts/mutation/merge-pieces.mjs [--retest Timeout] out.json piece1.json piece2.json.gz …
//
// `--retest <status>` leaves the pieces' results of that status out, so the full run tests those
// mutants again: time-outs of runs made with a shorter allowance, say. The output is itself an
// incremental file, so pieces that need different treatment can be merged in two steps.
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';

/**
 * A test file two pieces saw with different text gets this in front of it: the merged text then
 * matches no file on disk, so StrykerJS treats every test in it as changed and re-tests whatever
 * they killed. Keeping either piece's text would pass off the other piece's kills as current.
 */
export const DISAGREEING_SOURCE = '// narrowed runs saw different versions of this file\n';

/** Tests are named by file, name and place; ids are only unique within one report. */
function testKey(file, test) {
  const start = test.location?.start;
  return `${file}@${start ? `${start.line}:${start.column}` : ''}\n${test.name}`;
}

/**
 * @param {string[]} [retest] statuses whose results are left out, to be tested again
 * @param {Array<{ files: Record<string, { mutants: Array<Record<string, unknown>> }>,
 *   testFiles?: Record<string, { source?: string, tests: Array<{ id: string, name: string }> }> }>} pieces
 *   in the order they ran: where two pieces mutated the same source file, the later one's results are kept
 */
export function mergePieces(pieces, retest = []) {
  if (pieces.length === 0) throw new Error('merge-pieces: no incremental files given');
  const { files: _files, testFiles: _testFiles, config: _config, ...header } = pieces.at(-1);
  const testFiles = {};
  const idByKey = new Map();
  for (const piece of pieces) {
    for (const [file, testFile] of Object.entries(piece.testFiles ?? {})) {
      const merged = (testFiles[file] ??= { source: testFile.source, tests: [] });
      if (merged.source !== testFile.source && !merged.source?.startsWith(DISAGREEING_SOURCE)) {
        merged.source = DISAGREEING_SOURCE + (merged.source ?? '');
      }
      for (const test of testFile.tests) {
        const key = testKey(file, test);
        if (idByKey.has(key)) continue;
        const id = String(idByKey.size);
        idByKey.set(key, id);
        merged.tests.push({ ...test, id });
      }
    }
  }
  const byFile = new Map();
  for (const piece of pieces) {
    const keyById = new Map(
      Object.entries(piece.testFiles ?? {}).flatMap(([file, testFile]) =>
        testFile.tests.map((test) => [test.id, testKey(file, test)]),
      ),
    );
    const newIds = (ids) => ids?.map((id) => idByKey.get(keyById.get(id))).filter((id) => id !== undefined);
    for (const [file, result] of Object.entries(piece.files)) {
      byFile.set(file, {
        ...result,
        mutants: result.mutants
          .filter((mutant) => !retest.includes(mutant.status))
          .map((mutant) => ({
            ...mutant,
            killedBy: newIds(mutant.killedBy),
            coveredBy: newIds(mutant.coveredBy),
          })),
      });
    }
  }
  let nextMutant = 0;
  const files = Object.fromEntries(
    [...byFile].map(([file, result]) => [
      file,
      { ...result, mutants: result.mutants.map((mutant) => ({ ...mutant, id: String(nextMutant++) })) },
    ]),
  );
  return { ...header, files, testFiles };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const retest = [];
  while (args[0] === '--retest' && args.length > 1) retest.push(args.splice(0, 2)[1]);
  const [out, ...inputs] = args;
  if (!out || inputs.length === 0) {
    console.error('usage: node scripts/mutation/merge-pieces.mjs [--retest <status>] <out.json> <piece.json> [<piece.json> …]');
    process.exit(2);
  }
  const merged = mergePieces(
    // Pieces are committed gzipped (tests/mutation-pieces/*.json.gz); StrykerJS writes them plain.
    inputs.map((file) => JSON.parse((file.endsWith('.gz') ? gunzipSync(readFileSync(file)) : readFileSync(file)).toString('utf8'))),
    retest,
  );
  writeFileSync(out, JSON.stringify(merged));
  const mutants = Object.values(merged.files).reduce((sum, file) => sum + file.mutants.length, 0);
  console.log(`${out}: ${Object.keys(merged.files).length} source files, ${mutants} mutants, from ${inputs.length} runs${retest.length ? `, leaving ${retest.join(', ')} to be tested again` : ''}`);
}
