import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { companyDomainKey, companyNameKey, phoneKey } from '../../../src/core/assign/company.js';
import { findDuplicates } from '../../../src/core/assign/duplicates.js';
import { customer } from './book.js';

const sheetRow = (row: number) => row + 2;

describe('company keys', () => {
  it('reads one company name through legal forms, case, spaces and punctuation', () => {
    for (const name of ['Acme Co., Ltd.', 'ACME Inc', ' acme  llc', 'Acme GmbH', 'Acme Corp.', 'ACME PLC', 'Ａｃｍｅ']) expect(companyNameKey(name)).toBe('acme');
    expect(companyNameKey('上海星辰科技有限公司')).toBe(companyNameKey('上海星辰科技股份有限公司'));
    expect(companyNameKey('Blue-Stone Trading Ltd')).toBe('bluestonetrading');
    expect(companyNameKey('Company Ltd')).toBe('company');
  });

  it('ignores free-mail domains such as gmail.com, qq.com and 163.com', () => {
    for (const email of ['a@gmail.com', 'b@QQ.com', 'c@163.com', 'd@outlook.com', 'not an email']) expect(companyDomainKey(email)).toBe('');
    expect(companyDomainKey('Sales@Acme.com ')).toBe('acme.com');
  });

  it('reads one phone number through country codes, trunk zeros and punctuation', () => {
    expect(phoneKey('+86 138-0013-8000')).toBe(phoneKey('13800138000'));
    expect(phoneKey('0086 13800138000')).toBe('13800138000');
    expect(phoneKey('+44 20 7946 0000')).toBe(phoneKey('020 7946 0000'));
    expect(phoneKey('(415) 555-0100')).toBe(phoneKey('+1 415 555 0100'));
    expect(phoneKey('123')).toBe('');
  });
});

describe('findDuplicates', () => {
  const book = [
    customer('C1', { row: 10, name: 'Acme Co., Ltd.' }),
    customer('C2', { row: 3, name: 'Other', email: 'buyer@acme.com' }),
    customer('C3', { row: 20, name: 'ACME Inc', email: 'ceo@acme.com' }),
    customer('C4', { row: 5, name: 'Solo', email: 'x@gmail.com' }),
    customer('C5', { row: 6, name: 'Solo Two', email: 'y@gmail.com', phone: '+86 138 0013 8000' }),
    customer('C6', { row: 7, name: 'Solo Three', phone: '138-0013-8000' }),
  ];

  it('groups the same company across name, domain and phone, and flags each row with the others', () => {
    const found = findDuplicates(book, sheetRow);
    expect(found.groups).toEqual([
      { ids: ['C1', 'C2', 'C3'], rows: [5, 12, 22], basis: ['name', 'domain'] },
      { ids: ['C5', 'C6'], rows: [8, 9], basis: ['phone'] },
    ]);
    expect(found.flags).toEqual({
      C1: 'same company as rows 5, 22',
      C2: 'same company as rows 12, 22',
      C3: 'same company as rows 5, 12',
      C5: 'same company as row 9',
      C6: 'same company as row 8',
    });
  });

  it('finds the same groups whatever the row order', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(book, { minLength: book.length }), (shuffled) => {
        expect(findDuplicates(shuffled, sheetRow)).toEqual(findDuplicates(book, sheetRow));
      }),
    );
  });
});

describe('findDuplicates on generic values', () => {
  it('names at most three rows in a flag and counts the rest', () => {
    const book = ['A', 'B', 'C', 'D', 'E'].map((id, i) => customer(id, { row: i, name: 'Acme Ltd' }));
    expect(findDuplicates(book, sheetRow).flags.A).toBe('same company as rows 3, 4, 5 and 1 more');
  });

  it('does not join customers by a value shared by more than the limit (a generic name, a switchboard)', () => {
    const book = Array.from({ length: 12 }, (_, i) => customer(`C${i}`, { row: i, name: 'Blue Stone Ltd', phone: i < 2 ? '+1 415 555 0100' : '' }));
    const found = findDuplicates(book, sheetRow, 10);
    expect(found.groups).toHaveLength(1);
    expect(found.groups[0].ids).toEqual(['C0', 'C1']);
    expect(found.groups[0].basis).toEqual(['phone']);
  });
});
