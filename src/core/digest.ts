/**
 * A 64-bit digest of what a saved result was computed from, so a later run can tell
 * whether the result still holds. Two 32-bit lanes, each word mixed in the way of
 * MurmurHash3's body and finalised with its fmix32 (Austin Appleby, MurmurHash3, public
 * domain): not cryptographic, only enough that a changed input never passes for the same
 * one by chance (one in 2^64).
 *
 * Numbers go in as the eight bytes of their double, so 0.1 + 0.2 and 0.3 differ and no
 * string is made per number: a book's 50,000 customers cost a few typed-array reads.
 */
export class Digest {
  private a = 0x9747b28c;
  private b = 0x2d358dcc;
  private length = 0;
  private readonly scratch = new Float64Array(1);
  private readonly words = new Uint32Array(this.scratch.buffer);

  /** Text, two UTF-16 code units to a word, then its length, so ["ab", "c"] and ["a", "bc"] differ. */
  text(value: string): this {
    const pairs = value.length - (value.length & 1);
    for (let i = 0; i < pairs; i += 2) this.word(value.charCodeAt(i) | (value.charCodeAt(i + 1) << 16));
    if (pairs < value.length) this.word(value.charCodeAt(pairs));
    return this.integer(value.length);
  }

  /** A small whole number (a count, a tag) as one word. */
  integer(value: number): this {
    this.word(value | 0);
    return this;
  }

  number(value: number): this {
    this.scratch[0] = value;
    this.word(this.words[0]);
    this.word(this.words[1]);
    return this;
  }

  /** Every value of a column in order, then how many there were. */
  numbers(values: Float64Array): this {
    const words = new Uint32Array(values.buffer, values.byteOffset, values.length * 2);
    for (let i = 0; i < words.length; i++) this.word(words[i]);
    return this.number(values.length);
  }

  /** 16 hex digits. */
  hex(): string {
    const finish = (h: number) => {
      h ^= this.length;
      h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
      h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
      return ((h ^ (h >>> 16)) >>> 0).toString(16).padStart(8, '0');
    };
    return finish(this.a) + finish(this.b);
  }

  private word(value: number): void {
    let k = Math.imul(value, 0xcc9e2d51);
    k = Math.imul((k << 15) | (k >>> 17), 0x1b873593);
    this.a ^= k;
    this.a = Math.imul((this.a << 13) | (this.a >>> 19), 5) + 0xe6546b64;
    // The second lane takes the word rotated differently, so the lanes do not collide together.
    let j = Math.imul(value ^ 0x5bd1e995, 0x1b873593);
    j = Math.imul((j << 17) | (j >>> 15), 0xcc9e2d51);
    this.b ^= j;
    this.b = Math.imul((this.b << 11) | (this.b >>> 21), 5) + 0x561ccd1b;
    this.length++;
  }
}
