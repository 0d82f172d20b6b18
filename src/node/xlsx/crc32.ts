import * as zlib from 'node:zlib';

/**
 * CRC-32 as zip uses it (APPNOTE 4.4.7: the reflected polynomial 0xEDB88320, initial and
 * final value 0xFFFFFFFF). zlib.crc32 (Node 20.15 and later) is native and took the 47 MB
 * edited sheet of the 50k/500k benchmark book in a few milliseconds where the table loop
 * below took ~120 ms; the loop stays for the Node 20 releases before it.
 */
const native = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;
const TABLE = native ? null : buildTable();

function buildTable(): Uint32Array {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
}

export function crc32(bytes: Uint8Array): number {
  if (native) return native(bytes);
  const table = TABLE as Uint32Array;
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = table[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
