import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { repeatedTextReader } from '../../../src/core/parse/repeated-text.js';
import { parseStage } from '../../../src/core/parse/stages.js';
import type { Cell } from '../../../src/core/table.js';
import { type PlacedCell, inPlaceColumn } from './in-place-cells.js';

// A deals tab's Stage column repeats a few words a million times; its reader parses each
// text once and reuses the result (repeatedTextReader). Whatever the column holds, each row
// must read as parsing its own cell would read it.

/** parseStage, counting how often each text is parsed. */
function countingStage() {
  const calls = new Map<Cell, number>();
  const parse = (cell: Cell) => {
    calls.set(cell, (calls.get(cell) ?? 0) + 1);
    return parseStage(cell);
  };
  return { calls, parse };
}

describe('repeatedTextReader', () => {
  it('reads every row as parsing its own cell would, whatever the column holds (property)', () => {
    const texts = ['won', 'Won', 'lost', 'open', 'wo', 'won ', 'Closed Won', '赢单', 'x', ...Array.from({ length: 20 }, (_, k) => `stage ${k}`)];
    const cell: fc.Arbitrary<PlacedCell> = fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom<PlacedCell>(...texts) },
      { weight: 1, arbitrary: fc.constantFrom(...texts).map((quoted) => ({ quoted })) },
      { weight: 1, arbitrary: fc.constantFrom<Cell>(null, '', 3, true) },
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, fc.constantFrom('', ',', 'n', ' '))), (placed) => {
        const cells = inPlaceColumn(
          placed.map(([c]) => c),
          placed.map(([, before]) => before),
        );
        const read = repeatedTextReader(cells, 0, parseStage);
        for (let row = 0; row < cells.rowCount; row++) expect([row, read(row)]).toEqual([row, parseStage(cells.cell(row, 0))]);
      }),
      { numRuns: 200 },
    );
  });

  it('parses each of the first 16 texts it meets once, however often they repeat', () => {
    const first16 = ['won', 'lost', 'open', 'refunded', ...Array.from({ length: 12 }, (_, k) => `stage ${k}`)];
    const column = [...first16, ...first16, ...first16];
    // The first cell at the very start of the text, the others after a delimiter.
    const cells = inPlaceColumn(column, ['']);
    const { calls, parse } = countingStage();
    const read = repeatedTextReader(cells, 0, parse);
    const stages = column.map((_, row) => read(row));
    expect(stages).toEqual(column.map((text) => parseStage(text)));
    expect([...calls]).toEqual(first16.map((text) => [text, 1]));
  });

  it('remembers no more than 16 texts, so a column of ids is not compared with every id before it', () => {
    const ids = Array.from({ length: 20 }, (_, k) => `D-${k}`);
    const cells = inPlaceColumn([...ids, ...ids]);
    const { calls, parse } = countingStage();
    const read = repeatedTextReader(cells, 0, parse);
    for (let row = 0; row < cells.rowCount; row++) read(row);
    expect([...calls]).toEqual(ids.map((id, k) => [id, k < 16 ? 1 : 2]));
  });
});
