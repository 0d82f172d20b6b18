/**
 * The state travels as JSON text split over the cells of one column of the hidden
 * `TW State` tab: a Sheets cell holds at most 50,000 characters and an Excel cell 32,767,
 * so chunks stay under both.
 *
 * Each cell is `TWS1 <index>/<count> <checksum> <text>`:
 * - the fixed prefix means no cell ever starts with `'`, `=`, `+`, `-`, `@` or a digit, so
 *   neither Sheets nor Excel can take a chunk for a formula, a number or a date, or drop
 *   a leading apostrophe from it;
 * - cell 0 is a table of contents (what each section held), so a state that does not read
 *   back can still say what was lost;
 * - every cell carries the checksum of the whole text, so a missing, repeated, cut or
 *   foreign cell is found, not parsed into something else;
 * - the text is cut on code-point boundaries: a cell holding half a surrogate pair is
 *   stored by Sheets and by an .xlsx as U+FFFD (neither can hold a lone surrogate), which
 *   turned an emoji in a rep's name into `��` after undo.
 *
 * Cells written before this format (bare JSON chunks) are still read.
 */
export const STATE_CHUNK = 30_000;

const PREFIX = 'TWS1 ';
const CELL = /^TWS1 (\d+)\/(\d+) ([0-9a-f]{16}) /;

/** What reading the cells found: the state (null when there is none or it is unreadable) and, when unreadable, why and what it held. */
export interface StateReading {
  readonly state: unknown;
  readonly problem: StateProblem | null;
}

export interface StateProblem {
  /** Why the cells do not read back, in a sentence. */
  readonly reason: string;
  /** What the state held, section by section, from its table of contents; empty when that is unreadable too. */
  readonly lost: readonly string[];
}

/**
 * Two 32-bit FNV-1a hashes (different offsets) of the UTF-16 code units, as 16 hex digits:
 * not cryptographic, only a check that the cells read back are the cells written.
 */
export function stateChecksum(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    a = Math.imul(a ^ unit, 0x01000193);
    b = Math.imul(b ^ unit, 0x01000193) ^ (b >>> 13);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

/** Cuts `text` into pieces of at most `size` code units, never between the two halves of a surrogate pair. */
export function cutOnCodePoints(text: string, size: number): string[] {
  const pieces: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + size);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
    pieces.push(text.slice(start, end));
    start = end;
  }
  return pieces;
}

export function stateToChunks(state: unknown, contents: readonly string[] = []): string[] {
  const text = JSON.stringify(state);
  const sum = stateChecksum(text);
  const header = (index: number, count: number) => `${PREFIX}${index}/${count} ${sum} `;
  const room = STATE_CHUNK - header(99_999, 99_999).length;
  const pieces = cutOnCodePoints(text, room);
  const count = pieces.length;
  return [JSON.stringify(contents), ...pieces].map((piece, index) => header(index, count) + piece);
}

/** The state from the cells as read (blank cells ignored), with what went wrong when it does not read back. */
export function readStateChunks(cells: readonly unknown[]): StateReading {
  const texts = cells.filter((c): c is string => typeof c === 'string' && c !== '');
  if (texts.length === 0) return { state: null, problem: null };
  if (!texts[0].startsWith(PREFIX)) return readLegacy(texts);

  const parsed = texts.map((text) => {
    const match = CELL.exec(text);
    return match ? { index: Number(match[1]), count: Number(match[2]), sum: match[3], body: text.slice(match[0].length) } : null;
  });
  const contents = parsed[0]?.index === 0 ? readContents(parsed[0].body) : [];
  const damaged = (reason: string): StateReading => ({ state: null, problem: { reason, lost: contents } });
  const bad = parsed.findIndex((cell) => cell === null);
  if (bad >= 0) return damaged(`cell A${bad + 1} does not start with the ${PREFIX.trim()} mark every state cell carries`);
  const cellsRead = parsed as { index: number; count: number; sum: string; body: string }[];
  const { count, sum } = cellsRead[0];
  if (cellsRead.some((cell) => cell.sum !== sum || cell.count !== count)) return damaged('its cells come from different saves');
  if (cellsRead.length !== count + 1 || cellsRead.some((cell, at) => cell.index !== at)) {
    return damaged(`${count + 1} cells were written and ${cellsRead.length} are there, or not in order`);
  }
  const text = cellsRead.slice(1).map((cell) => cell.body).join('');
  if (stateChecksum(text) !== sum) return damaged('its text is not the text that was written (the checksum differs)');
  try {
    return { state: JSON.parse(text), problem: null };
  } catch {
    return damaged('its text is not JSON');
  }
}

function readContents(body: string): string[] {
  try {
    const contents: unknown = JSON.parse(body);
    return Array.isArray(contents) ? contents.filter((line): line is string => typeof line === 'string') : [];
  } catch {
    return [];
  }
}

function readLegacy(texts: readonly string[]): StateReading {
  try {
    return { state: JSON.parse(texts.join('')), problem: null };
  } catch {
    return { state: null, problem: { reason: 'its text (saved by an older Tierwise) is not JSON', lost: [] } };
  }
}
