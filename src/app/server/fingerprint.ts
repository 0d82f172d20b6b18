import type { Cell, Table } from '../../core/table.js';

/**
 * A fingerprint of what a job's result depends on: the tabs as read (without the columns
 * the job itself writes) and the settings. A stopped job resumes only when it is
 * unchanged; otherwise rows may have moved under the cursor and the job starts over.
 *
 * Two FNV-1a 32-bit hashes with different offset bases (Fowler, Noll, Vo; IETF draft
 * "The FNV Non-Cryptographic Hash Algorithm") make a 64-bit value: enough to tell an
 * edited sheet from an unedited one, which is all a cursor needs.
 */
export function fingerprint(tables: readonly Table[], skipHeaders: ReadonlySet<string>, extra: string): string {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  const add = (text: string) => {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x01000193);
    }
    // A separator no cell text can hold, so ["ab", ""] and ["a", "b"] differ.
    a = Math.imul(a ^ 0xffff, 0x01000193);
    b = Math.imul(b ^ 0xfffe, 0x01000193);
  };
  add(extra);
  for (const table of tables) {
    add(table.tab);
    const kept = table.header.map((h, c) => (typeof h === 'string' && skipHeaders.has(h.trim()) ? -1 : c)).filter((c) => c >= 0);
    for (const c of kept) add(cellText(table.header[c]));
    add(String(table.headerRow));
    for (const row of table.rows) {
      for (const c of kept) add(cellText(row[c] ?? null));
      add('\n');
    }
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

function cellText(cell: Cell): string {
  if (cell === null) return '';
  if (cell instanceof Date) return `d${cell.getTime()}`;
  return `${typeof cell}${String(cell)}`;
}
