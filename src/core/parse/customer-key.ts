import { describeValue } from '../issue.js';
import type { Cell } from '../table.js';
import { foldText } from './fold.js';

/**
 * Texts exports write where a customer id is missing: an Excel pivot's `(blank)`, the
 * `#N/A` of a failed lookup, the words people type. They are no one's id: a deal with one
 * is a deal without a customer, and a Customers row with one is not scored.
 */
const PLACEHOLDERS = new Set(['(blank)', 'blank', '(empty)', 'n/a', 'na', '#n/a', '-', '--', '—', 'null', 'none', 'nil', 'unknown', 'undefined', '?', '未知', '无', '無', '空', '(空白)', '空白']);
const LONGEST_PLACEHOLDER = 9;
const DIGIT_0 = 48;

/**
 * The key a customer id is matched by, as a person means it (issue 10 item 5): spaces
 * around it dropped, full-width digits and letters made ASCII (NFKC), and an integer a
 * spreadsheet turned into a number written without its `.0` — so `12923.0`, `12923`,
 * ` 12923 ` and `１２９２３` are one key. '' when the cell holds no id (blank or a placeholder).
 */
export function customerKey(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  let text = typeof cell === 'string' ? cell.trim() : describeValue(cell);
  if (!isAscii(text)) text = text.normalize('NFKC').trim();
  // No placeholder has an ASCII digit, and no case mapping makes or takes one: an id with a
  // digit is not lower-cased to be looked up (two allocations per deal row on a million rows).
  if (text.length <= LONGEST_PLACEHOLDER && !hasAsciiDigit(text) && PLACEHOLDERS.has(text.toLowerCase())) return '';
  return withoutZeroDecimals(text);
}

const SPACE = 32;
const DOT = 46;
const LAST_ASCII = 127;

/**
 * Whether customerKey gives the text from `start` to `end` back as it is, told without
 * making a string for it, so a reader can use the text where the shell keeps it (issue 13).
 * It does for ASCII (NFKC changes nothing) with nothing to trim, a digit or more characters
 * than any placeholder, and no `.` (withoutZeroDecimals). Some texts that are their own
 * key are left to customerKey: a short one without a digit, which would need lower-casing
 * to be told from a placeholder, and any with a `.`.
 */
export function isOwnKey(text: string, start: number, end: number): boolean {
  if (end <= start || text.charCodeAt(start) <= SPACE || text.charCodeAt(end - 1) <= SPACE) return false;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code > LAST_ASCII || code === DOT) return false;
  }
  return end - start > LONGEST_PLACEHOLDER || hasAsciiDigit(text, start, end);
}

/** What a deal's customer key was made from: the id, else e-mail, else phone, else the customer's name (issue 10 item 6). */
export type KeyKind = 'id' | 'email' | 'phone' | 'name';
export const FALLBACK_KINDS = ['email', 'phone', 'name'] as const;
export type FallbackKind = (typeof FALLBACK_KINDS)[number];

// Fewer digits than this are an extension or a typo, not a number that tells people apart.
const MIN_PHONE_DIGITS = 6;

/**
 * The key an e-mail, phone or name cell is matched by, on the Deals and the Customers
 * side alike: an e-mail in lower case (mailboxes are case-insensitive in practice), a
 * phone as its digits (`+86 138-0013-8000` and `8613800138000` are one), a name folded
 * like a header (case, spaces, `-`, `_` and widths ignored). '' when blank or a placeholder.
 */
export function fallbackKey(kind: FallbackKind, cell: Cell): string {
  if (customerKey(cell) === '') return '';
  const text = describeValue(cell).normalize('NFKC').trim();
  if (kind === 'email') return text.includes('@') ? text.toLowerCase() : '';
  if (kind === 'phone') {
    const digits = text.replace(/\D+/g, '');
    return digits.length >= MIN_PHONE_DIGITS ? digits : '';
  }
  return foldText(text);
}

/** `12923.0` and `12923.00` → `12923`; any other text as it is. */
function withoutZeroDecimals(text: string): string {
  const dot = text.indexOf('.');
  if (dot <= 0 || dot === text.length - 1) return text;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (i === dot) continue;
    if (code < DIGIT_0 || code > DIGIT_0 + 9 || (i > dot && code !== DIGIT_0)) return text;
  }
  return text.slice(0, dot);
}

function hasAsciiDigit(text: string, start = 0, end = text.length): boolean {
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code >= DIGIT_0 && code <= DIGIT_0 + 9) return true;
  }
  return false;
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 127) return false;
  return true;
}

