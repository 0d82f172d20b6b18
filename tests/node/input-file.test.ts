import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readInputChunks, readInputFile } from '../../src/node/input-file.js';

const dir = mkdtempSync(join(tmpdir(), 'tierwise-input-'));
const limit = { maxBytes: 3 << 20, what: 'workbook' };

describe('readInputChunks (a file read in chunks, as readInputFile reads it whole)', () => {
  it('hands over the very bytes readInputFile gives, across chunk boundaries', () => {
    const path = join(dir, 'big.bin');
    writeFileSync(path, Buffer.from(Array.from({ length: (2 << 20) + 12345 }, (_, i) => (i * 7919) % 251)));
    const chunks: Buffer[] = [];
    expect(readInputChunks(path, limit, (chunk) => chunks.push(Buffer.from(chunk)))).toBe(true);
    expect(chunks.length).toBeGreaterThan(1);
    expect(Buffer.concat(chunks).equals(readInputFile(path, limit) ?? Buffer.alloc(0))).toBe(true);
  });

  it('says when nothing is there, and refuses a file past the cap or a folder as readInputFile does', () => {
    expect(readInputChunks(join(dir, 'missing.xlsx'), limit, () => undefined)).toBe(false);
    const path = join(dir, 'large.bin');
    writeFileSync(path, Buffer.alloc(64));
    const small = { maxBytes: 32, what: 'workbook' };
    expect(() => readInputChunks(path, small, () => undefined)).toThrow(/larger than 32 bytes, the most Tierwise reads/);
    expect(() => readInputChunks(dir, limit, () => undefined)).toThrow(/a workbook was expected here, but this is a folder/);
  });
});
