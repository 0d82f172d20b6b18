import type { CompanyGroup, DuplicateBasis } from '../core/assign/duplicates.js';

/**
 * Same-company groups as short text for the saved state: `nd:0,kp;p:2x,2y` is a group
 * joined by name and domain of the candidates at positions 0 and 745, and one joined by
 * phone of those at 105 and 106. Positions are in base 36 (four digits up to 1.6 million
 * customers): a book with e-mail addresses can hold thousands of groups, and each then
 * costs a few characters a member rather than a JSON object.
 */
const LETTER: Readonly<Record<DuplicateBasis, string>> = { name: 'n', email: 'e', domain: 'd', phone: 'p' };
const BASIS_OF = new Map(Object.entries(LETTER).map(([basis, letter]) => [letter, basis as DuplicateBasis]));
const RADIX = 36;
const POSITION = /^[0-9a-z]+$/;

export function packGroups(groups: readonly CompanyGroup[]): string {
  return groups.map((g) => `${g.basis.map((b) => LETTER[b]).join('')}:${g.members.map((m) => m.toString(RADIX)).join(',')}`).join(';');
}

/**
 * The groups packGroups packed into `text`, for `count` candidates; null when the text is
 * not such a packing or names a position outside them.
 */
export function unpackGroups(text: string, count: number): CompanyGroup[] | null {
  if (text === '') return [];
  const groups: CompanyGroup[] = [];
  for (const part of text.split(';')) {
    const colon = part.indexOf(':');
    const basis = [...part.slice(0, colon)].map((letter) => BASIS_OF.get(letter));
    const members = part.slice(colon + 1).split(',').map((digits) => (POSITION.test(digits) ? parseInt(digits, RADIX) : NaN));
    if (colon < 1 || members.length < 2 || !basis.every((b) => b !== undefined) || !members.every((m) => m < count)) return null;
    groups.push({ members, basis });
  }
  return groups;
}
