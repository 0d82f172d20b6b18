import { CSV_FILE_LIMIT } from '../limits.js';

/**
 * A file's bytes, appended in pieces to one buffer sized ahead from the pace so far. A
 * rewritten customers.csv of 100,000 rows is 25 MB: held as 64 KB pieces and then joined,
 * it took twice that at once, and the allocator kept the pieces' memory after they died.
 * Rows of a customer file are alike, so the share written tells the whole size closely;
 * when it does not, the buffer grows again by the same rule.
 */
export class FileBytes {
  private buffer = Buffer.alloc(0);
  private size = 0;

  /**
   * Appends `piece`, bytes or text of one byte per character (Latin-1); `done` is the share
   * of the file written once it is, 1 for the last piece.
   */
  append(piece: Uint8Array | string, done: number): void {
    const needed = this.size + piece.length;
    if (needed > this.buffer.length) this.grow(needed, done);
    this.size += typeof piece === 'string' ? this.buffer.write(piece, this.size, 'latin1') : (this.buffer.set(piece, this.size), piece.length);
  }

  /** The bytes appended; the unused end of the buffer (a few per cent) goes with them. */
  bytes(): Uint8Array {
    return this.buffer.subarray(0, this.size);
  }

  private grow(needed: number, done: number): void {
    // The slack covers rows a little longer than those so far. A piece before any row (a
    // byte order mark) tells nothing; a foresight past the largest file read again is a
    // mistaken one (a first row far longer than the rest), and pages never written are
    // only reserved, not resident.
    const foreseen = done > 0 ? Math.min(Math.ceil((needed / done) * GROWTH_SLACK) + SLACK_BYTES, CSV_FILE_LIMIT.maxBytes) : 0;
    const grown = Buffer.allocUnsafe(Math.max(needed, foreseen));
    this.buffer.copy(grown, 0, 0, this.size);
    this.buffer = grown;
  }
}

const GROWTH_SLACK = 1.05;
const SLACK_BYTES = 1 << 16;
