import type { TableCells } from '../table.js';
import { FALLBACK_KINDS, type KeyKind, customerKey, fallbackKey } from './customer-key.js';

/** The columns a deal's customer can be told by. */
export interface KeyColumns {
  readonly customerId?: number;
  readonly email?: number;
  readonly phone?: number;
  readonly customerName?: number;
}

/** A deal's customer key, what it was made from, and the column it came from. */
export interface DealKey {
  readonly kind: KeyKind;
  readonly key: string;
  readonly column: number;
}

const FIELD_OF = { email: 'email', phone: 'phone', name: 'customerName' } as const;

/**
 * The rule by which a deal names its customer (issue 10 item 6), one function for the
 * deals pass and for the Customers tab made from the deals: the id (customerKey), unless
 * blank, a placeholder or an export's guest id; else the e-mail, then the phone, then the
 * customer or company name (fallbackKey). Null when the row names no one.
 */
export function dealKeyReader(columns: KeyColumns, guestIds: ReadonlySet<string>): (cells: TableCells, row: number) => DealKey | null {
  const id = columns.customerId;
  const fallbacks = FALLBACK_KINDS.flatMap((kind) => {
    const column = columns[FIELD_OF[kind]];
    return column === undefined ? [] : [{ kind, column }];
  });
  return (cells, row) => {
    if (id !== undefined) {
      const key = customerKey(cells.cell(row, id));
      if (key !== '' && !guestIds.has(key)) return { kind: 'id', key, column: id };
    }
    for (const { kind, column } of fallbacks) {
      const key = fallbackKey(kind, cells.cell(row, column));
      if (key !== '') return { kind, key, column };
    }
    return null;
  };
}
