import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DISAGREEING_SOURCE, mergePieces, type IncrementalReport } from '../../scripts/mutation/merge-pieces.mjs';

// Two narrowed runs as StrykerJS writes them: each numbers its own tests from 0.
function piece(file: string, testSource: string, tests: string[], killer: string): IncrementalReport {
  return {
    schemaVersion: '1.0',
    files: {
      [file]: {
        source: `export const x = 1; // ${file}`,
        mutants: [
          { id: '0', mutatorName: 'NumericLiteral', status: 'Killed', killedBy: [String(tests.indexOf(killer))], coveredBy: tests.map((_, i) => String(i)) },
          { id: '1', mutatorName: 'StringLiteral', status: 'Survived', coveredBy: ['0'] },
        ],
      },
    },
    testFiles: { 'tests/a.test.ts': { source: testSource, tests: tests.map((name, i) => ({ id: String(i), name })) } },
  };
}

function testName(report: IncrementalReport, id: string | undefined): string | undefined {
  return Object.values(report.testFiles ?? {})
    .flatMap((file) => file.tests)
    .find((test) => test.id === id)?.name;
}

describe('merging the incremental files of narrowed mutation runs', () => {
  it('keeps every mutant, each still naming the test that killed it, with ids unique across the pieces', () => {
    const merged = mergePieces([
      piece('src/one.ts', 'same', ['cooldown ends on day D+30', 'caps hold'], 'caps hold'),
      piece('src/two.ts', 'same', ['rfm bins', 'cooldown ends on day D+30'], 'rfm bins'),
    ]);
    const one = merged.files['src/one.ts'].mutants;
    const two = merged.files['src/two.ts'].mutants;
    expect(testName(merged, one[0].killedBy?.[0])).toBe('caps hold');
    expect(testName(merged, two[0].killedBy?.[0])).toBe('rfm bins');
    expect(testName(merged, two[1].coveredBy?.[0])).toBe('rfm bins');
    expect(new Set([...one, ...two].map((mutant) => mutant.id)).size).toBe(4);
    expect(merged.testFiles?.['tests/a.test.ts'].tests.map((test) => test.name)).toEqual([
      'cooldown ends on day D+30',
      'caps hold',
      'rfm bins',
    ]);
    expect(merged.testFiles?.['tests/a.test.ts'].source).toBe('same');
  });

  it('marks a test file the pieces saw in different versions, so that no kill by its tests is reused', () => {
    const merged = mergePieces([
      piece('src/one.ts', 'version 1', ['t'], 't'),
      piece('src/two.ts', 'version 2', ['t'], 't'),
      piece('src/three.ts', 'version 3', ['t'], 't'),
    ]);
    const source = merged.testFiles?.['tests/a.test.ts'].source ?? '';
    expect(source.startsWith(DISAGREEING_SOURCE)).toBe(true);
    expect(['version 1', 'version 2', 'version 3']).not.toContain(source);
    expect(source.split(DISAGREEING_SOURCE)).toHaveLength(2);
  });

  it('keeps the later run of a source file that two pieces mutated', () => {
    const early = piece('src/one.ts', 'same', ['t'], 't');
    const late = piece('src/one.ts', 'same', ['t'], 't');
    late.files['src/one.ts'].mutants[1].status = 'Killed';
    expect(mergePieces([early, late]).files['src/one.ts'].mutants.map((mutant) => mutant.status)).toEqual(['Killed', 'Killed']);
  });

  it('leaves out the results of a status to be tested again, keeping the rest', () => {
    const timedOut = piece('src/one.ts', 'same', ['t'], 't');
    timedOut.files['src/one.ts'].mutants[1].status = 'Timeout';
    const merged = mergePieces([timedOut], ['Timeout']);
    expect(merged.files['src/one.ts'].mutants.map((mutant) => mutant.status)).toEqual(['Killed']);
  });

  it('reads pieces committed gzipped beside plain ones, as the command line is used', () => {
    const dir = mkdtempSync(join(tmpdir(), 'merge-pieces-'));
    writeFileSync(join(dir, 'one.json.gz'), gzipSync(JSON.stringify(piece('src/one.ts', 'same', ['caps hold'], 'caps hold'))));
    writeFileSync(join(dir, 'two.json'), JSON.stringify(piece('src/two.ts', 'same', ['rfm bins'], 'rfm bins')));
    const out = join(dir, 'incremental.json');
    const said = execFileSync(process.execPath, ['scripts/mutation/merge-pieces.mjs', out, join(dir, 'one.json.gz'), join(dir, 'two.json')], { encoding: 'utf8' });
    expect(said).toContain('2 source files, 4 mutants, from 2 runs');
    const merged = JSON.parse(readFileSync(out, 'utf8')) as IncrementalReport;
    expect(testName(merged, merged.files['src/one.ts'].mutants[0].killedBy?.[0])).toBe('caps hold');
  });

  it('refuses to write an empty file when given nothing', () => {
    expect(() => mergePieces([])).toThrow(/no incremental files/);
  });
});
