import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeState, stateLossMessage, unreadableStateMessage } from '../../src/app/state-contents.js';
import { readSavedState } from '../../src/app/saved-state.js';
import { STATE_CHUNK, cutOnCodePoints, readStateChunks, stateChecksum, stateToChunks } from '../../src/app/state-text.js';

/** What a cell holding `text` gives back after Sheets or an .xlsx stored it: UTF-8, where half a surrogate pair is U+FFFD. */
const storedAsUtf8 = (text: string) => new TextDecoder().decode(new TextEncoder().encode(text));

/** A state with names full of emoji (two UTF-16 units each) and other astral characters. */
const emojiState = fc.record({
  proposals: fc.record({
    runId: fc.string(),
    items: fc.array(fc.record({ customerId: fc.string(), to: fc.string({ unit: 'grapheme', maxLength: 40 }) }), { maxLength: 40 }),
  }),
  note: fc.string({ unit: fc.constantFrom('😀', 'a', '漢', '𝔘'), minLength: 0, maxLength: 200 }),
});

describe('TW State chunks', () => {
  it('read back exactly whatever the state, through storage that only holds well-formed Unicode', () => {
    fc.assert(
      fc.property(emojiState, fc.integer({ min: 3, max: 40 }), (state, size) => {
        const chunks = stateToChunks(state).map(storedAsUtf8);
        expect(readStateChunks(chunks)).toEqual({ state, problem: null });
        // The same cut, on small pieces so that many cuts land inside an emoji.
        const text = JSON.stringify(state);
        for (const piece of cutOnCodePoints(text, size)) expect(storedAsUtf8(piece)).toBe(piece);
        expect(cutOnCodePoints(text, size).join('')).toBe(text);
      }),
    );
  });

  it('keep a rep name with emoji whole when a chunk boundary falls inside the emoji', () => {
    // A name of 20,000 emoji spans a chunk boundary; shifting it by one unit puts the
    // boundary inside an emoji in one of the two cases, whatever the chunk size.
    for (const shift of ['', 'x']) {
      const rep = `${shift}Ann ${'😀'.repeat(20_000)}`;
      const chunks = stateToChunks({ lastApply: { changes: [{ before: rep }] } });
      expect(chunks.length).toBeGreaterThan(2);
      const back = readStateChunks(chunks.map(storedAsUtf8)).state as { lastApply: { changes: { before: string }[] } };
      expect(back.lastApply.changes[0].before).toBe(rep);
    }
  });

  it('start every cell with a fixed mark, so no cell reads as a number, a date, a formula or loses a leading apostrophe', () => {
    const chunks = stateToChunks({ a: "'quoted", b: '=SUM(A1)', c: '-1', long: "'".repeat(STATE_CHUNK * 2) });
    for (const chunk of chunks) {
      expect(chunk).toMatch(/^TWS1 \d+\/\d+ [0-9a-f]{16} /);
      expect(chunk.length).toBeLessThanOrEqual(STATE_CHUNK);
    }
  });

  it('cut only between whole characters, never longer than asked, the last possible high surrogate included', () => {
    for (const char of ['😀', '\u{10FFFF}']) {
      const pieces = cutOnCodePoints(`x${char.repeat(10)}`, 4);
      expect(pieces.every((p) => p.length <= 4 && storedAsUtf8(p) === p)).toBe(true);
      expect(pieces.join('')).toBe(`x${char.repeat(10)}`);
    }
  });

  it('ignore blank cells after the state, and read an empty sheet as no state', () => {
    expect(readStateChunks([...stateToChunks({ a: 1 }), '', null])).toEqual({ state: { a: 1 }, problem: null });
    expect(readStateChunks(['', null])).toEqual({ state: null, problem: null });
  });

  it('still read state cells written before the mark', () => {
    const text = JSON.stringify({ version: 1, proposals: null });
    expect(readStateChunks([text.slice(0, 10), text.slice(10), ''])).toEqual({ state: { version: 1, proposals: null }, problem: null });
  });

  it('say so when older state text, or text that checks out but was not JSON to begin with, does not parse', () => {
    expect(readStateChunks(['{"version": 1,', ' "proposals"'])).toEqual({ state: null, problem: { reason: 'its text (saved by an older Tierwise) is not JSON', lost: [] } });
    const text = '{"version": 1';
    const sum = stateChecksum(text);
    expect(readStateChunks([`TWS1 0/1 ${sum} ["Proposals of run P-1"]`, `TWS1 1/1 ${sum} ${text}`])).toEqual({ state: null, problem: { reason: 'its text is not JSON', lost: ['Proposals of run P-1'] } });
  });

  it('name nothing as lost when the table of contents is itself unreadable, and keep only its lines of text', () => {
    const text = '{"version": 1';
    const sum = stateChecksum(text);
    const lost = (contents: string) => readStateChunks([`TWS1 0/1 ${sum} ${contents}`, `TWS1 1/1 ${sum} ${text}`]).problem?.lost;
    expect([lost('not json'), lost('{"a": 1}'), lost('["Pool flags", 3, null]')]).toEqual([[], [], ['Pool flags']]);
  });

  it('say what is wrong, and what the state held, when a cell is missing, foreign, edited or out of order', () => {
    const state = {
      version: 1,
      proposals: { runId: 'run-7', items: [{ customerId: 'C1' }, { customerId: 'C2' }] },
      lastApply: { runId: 'run-6', actor: 'manager@example.com', changes: [{ customerId: 'C1' }] },
      pool: { cooldowns: [{}], staleFlags: [], claims: [] },
      big: 'z'.repeat(STATE_CHUNK * 2),
    };
    const chunks = stateToChunks(state, describeState(state));
    const held = [
      'the proposals of run run-7 (2 customers) that Apply would apply',
      'the record Undo needs of run run-6 applied by manager@example.com (1 owner changes)',
      'the pool: 1 cooldowns, 0 stale-customer warnings, 0 claims',
      'the section big',
    ];
    const other = stateToChunks({ other: 'y'.repeat(STATE_CHUNK * 2) });
    const cases: [string, unknown[]][] = [
      ['a cell emptied', chunks.map((c, i) => (i === 2 ? '' : c))],
      ['a cell from another save', chunks.map((c, i) => (i === 2 ? other[2] : c))],
      ['a cell edited by hand', chunks.map((c, i) => (i === 2 ? c.replace('zz', 'zy') : c))],
      ['two cells swapped', [chunks[0], chunks[2], chunks[1], ...chunks.slice(3)]],
      ['a cell without its mark', chunks.map((c, i) => (i === 1 ? c.slice(5) : c))],
    ];
    for (const [what, cells] of cases) {
      const reading = readStateChunks(cells);
      expect(reading.state, what).toBeNull();
      expect(reading.problem?.lost, what).toEqual(held);
      expect(reading.problem?.reason, what).toMatch(/\w/);
    }
  });

  it('put what was lost into the sentences the sidebar and TW Log show', () => {
    const problem = { reason: 'its cells come from different saves', lost: ['the proposals of run r (2 customers) that Apply would apply'] };
    expect(unreadableStateMessage(problem)).toBe(
      'TW State does not read back: its cells come from different saves. It held the proposals of run r (2 customers) that Apply would apply. The next run that saves the state starts it fresh and keeps these cells in a tab of their own.',
    );
    expect(stateLossMessage({ at: '2024-03-01T08:00:00.000Z', keptIn: 'TW State unreadable 2024-03-01 08:00', ...problem, lost: [] })).toBe(
      "TW State did not read back on 2024-03-01 08:00 UTC (its cells come from different saves), so Tierwise started it fresh. What it held cannot be read either. The unreadable cells are kept in the tab 'TW State unreadable 2024-03-01 08:00': delete that tab once you have checked them, and this notice goes.",
    );
  });
});

describe('a saved state that reads back', () => {
  it('is a problem naming the first field out of shape, with what it held, when the schema refuses it', () => {
    const state = { version: 1, lastRescore: { asOf: '2024-03-01', runAt: '2024-03-01T08:00:00Z', tiers: { C001: 'D' }, owners: {} } };
    const reading = readSavedState(stateToChunks(state, describeState(state)));
    expect(reading.state).toBeNull();
    expect(reading.problem!.reason).toMatch(/^it is not in the form this version of Tierwise reads \(lastRescore\.tiers: expected a tier/);
    expect(reading.problem!.lost).toEqual(describeState(state));
  });

  it('is the state itself when the schema takes it, unknown sections included', () => {
    const state = { version: 1, lastRescore: null, fromANewerVersion: { kept: true } };
    expect(readSavedState(stateToChunks(state))).toEqual({ state, problem: null });
  });
});
