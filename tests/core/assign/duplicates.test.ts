import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { companyDomainKey, companyNameKey, emailKey, phoneKey } from '../../../src/core/assign/company.js';
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

  it('drops every legal form a company name may end with, in English, German, Dutch, French and Asian registers', () => {
    const forms = ['Ltd', 'Limited', 'Inc', 'Incorporated', 'LLC', 'GmbH', 'Co', 'Corp', 'Corporation', 'PLC', 'Company', 'AG', 'SA', 'BV', 'Pte', 'Pty'];
    for (const form of forms) expect(companyNameKey(`Blue Stone ${form}.`), form).toBe('bluestone');
    expect(companyNameKey('Blue Stone Pte. Ltd.')).toBe('bluestone');
    expect(companyNameKey('Stone & Co')).toBe('stone');
  });

  it('drops a Chinese legal form, the longest that fits, but never the whole name', () => {
    for (const form of ['股份有限公司', '有限责任公司', '有限責任公司', '有限公司', '公司']) expect(companyNameKey(`星辰科技${form}`), form).toBe('星辰科技');
    expect(companyNameKey('公司')).toBe('公司');
  });

  it('ignores free-mail domains such as gmail.com, qq.com and 163.com', () => {
    for (const email of ['a@gmail.com', 'b@QQ.com', 'c@163.com', 'd@outlook.com', 'not an email']) expect(companyDomainKey(email)).toBe('');
    expect(companyDomainKey('Sales@Acme.com ')).toBe('acme.com');
  });

  it('takes no mailbox anyone can open for a company domain, in China, Europe, Russia, Korea, Japan or anywhere', () => {
    const freeMail = [
      'gmail.com', 'googlemail.com', 'qq.com', 'vip.qq.com', '163.com', '126.com', 'yeah.net', '139.com', 'sina.com', 'sina.cn', 'sohu.com', 'aliyun.com', 'foxmail.com',
      'outlook.com', 'hotmail.com', 'live.com', 'msn.com', 'yahoo.com', 'yahoo.co.jp', 'ymail.com', 'icloud.com', 'me.com', 'mac.com', 'aol.com',
      'proton.me', 'protonmail.com', 'gmx.com', 'gmx.de', 'web.de', 'mail.ru', 'yandex.ru', 'zoho.com', 'hotmail.co.uk', 'yahoo.co.uk', 'naver.com', 'hanmail.net',
    ];
    for (const domain of freeMail) expect(companyDomainKey(`buyer@${domain}`), domain).toBe('');
    expect(companyDomainKey('buyer@acme.co.uk')).toBe('acme.co.uk');
  });

  it('reads an e-mail address in any case and width, and a cell that is not one address as none', () => {
    expect(emailKey(' Ann@ACME.com ')).toBe('ann@acme.com');
    expect(emailKey('ａｎｎ@acme.com')).toBe('ann@acme.com');
    for (const cell of ['', 'ann', 'ann@acme', '@acme.com', 'ann@.com', 'ann@@acme.com', 'ann lee@acme.com', 'ann@acme.com, bob@acme.com', 'x ann@acme.com']) expect(emailKey(cell), cell).toBe('');
  });

  it('reads one phone number through country codes, trunk zeros and punctuation', () => {
    expect(phoneKey('+86 138-0013-8000')).toBe(phoneKey('13800138000'));
    expect(phoneKey('0086 13800138000')).toBe('13800138000');
    expect(phoneKey('+44 20 7946 0000')).toBe(phoneKey('020 7946 0000'));
    expect(phoneKey('(415) 555-0100')).toBe(phoneKey('+1 415 555 0100'));
    expect(phoneKey('123')).toBe('');
  });

  it('reads a number written with the country code of any country our users sell in as its national number', () => {
    const codes = {
      'US/Canada': '1', Russia: '7', Egypt: '20', 'South Africa': '27', Greece: '30', Netherlands: '31', Belgium: '32', France: '33', Spain: '34', Hungary: '36',
      Italy: '39', Romania: '40', Switzerland: '41', Austria: '43', UK: '44', Denmark: '45', Sweden: '46', Norway: '47', Poland: '48', Germany: '49',
      Peru: '51', Mexico: '52', Argentina: '54', Brazil: '55', Chile: '56', Colombia: '57', Malaysia: '60', Australia: '61', Indonesia: '62', Philippines: '63',
      'New Zealand': '64', Singapore: '65', Thailand: '66', Japan: '81', Korea: '82', Vietnam: '84', China: '86', Turkey: '90', India: '91', Pakistan: '92',
      'Sri Lanka': '94', Myanmar: '95', 'Hong Kong': '852', Macau: '853', Cambodia: '855', Bangladesh: '880', Taiwan: '886', UAE: '971', Israel: '972',
      'Saudi Arabia': '966', Qatar: '974', Nigeria: '234', Kenya: '254', Ireland: '353', Portugal: '351', Finland: '358',
    };
    for (const [country, code] of Object.entries(codes)) {
      expect(phoneKey(`+${code} 5550 1234`), country).toBe('55501234');
      expect(phoneKey(`00${code}-5550-1234`), country).toBe('55501234');
    }
    expect(phoneKey('+999 5550 1234')).toBe('99955501234');
  });

  it('reads national numbers as written, in any width, and too few digits as no number', () => {
    expect(phoneKey(' +86 138 0013 8000')).toBe('13800138000');
    expect(phoneKey('１３８ ００１３ ８０００')).toBe('13800138000');
    expect(phoneKey('138 0013 8000')).toBe('13800138000');
    expect(phoneKey('00 0138 0013 8000')).toBe('13800138000');
    expect(phoneKey('555 0100')).toBe('5550100');
    expect(phoneKey('55 0100')).toBe('');
    expect(phoneKey('0 555 010')).toBe('');
  });
});

describe('findDuplicates', () => {
  // Built inside each test: a book built when the file is collected is code no test covers.
  const book = () => [
    customer('C1', { row: 10, name: 'Acme Co., Ltd.' }),
    customer('C2', { row: 3, name: 'Other', email: 'buyer@acme.com' }),
    customer('C3', { row: 20, name: 'ACME Inc', email: 'ceo@acme.com' }),
    customer('C4', { row: 5, name: 'Solo', email: 'x@gmail.com' }),
    customer('C5', { row: 6, name: 'Solo Two', email: 'y@gmail.com', phone: '+86 138 0013 8000' }),
    customer('C6', { row: 7, name: 'Solo Three', phone: '138-0013-8000' }),
  ];

  it('groups the same company across name, domain and phone, and flags each row with the others', () => {
    const found = findDuplicates(book(), sheetRow);
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
      fc.property(fc.shuffledSubarray(book(), { minLength: book().length }), (shuffled) => {
        expect(findDuplicates(shuffled, sheetRow)).toEqual(findDuplicates(book(), sheetRow));
      }),
    );
  });
});

describe('findDuplicates by each key', () => {
  it('joins rows by one e-mail address in any case, which is also one domain', () => {
    const book = [customer('C1', { row: 0, email: 'ann@acme.com' }), customer('C2', { row: 1, email: 'ANN@Acme.com' }), customer('C3', { row: 2, email: 'ann@gmail.com' })];
    expect(findDuplicates(book, sheetRow).groups).toEqual([{ ids: ['C1', 'C2'], rows: [2, 3], basis: ['email', 'domain'] }]);
  });

  it('chains rows through different keys into one company, naming every key used', () => {
    const book = [
      customer('C1', { row: 0, name: 'North', phone: '+86 138 0013 8000' }),
      customer('C2', { row: 1, name: 'South', phone: '13800138000' }),
      customer('C3', { row: 2, name: 'South Ltd' }),
      customer('C4', { row: 3, name: 'East', email: 'x@east.com' }),
      customer('C5', { row: 4, name: 'West', email: 'y@east.com' }),
    ];
    expect(findDuplicates(book, sheetRow).groups).toEqual([
      { ids: ['C1', 'C2', 'C3'], rows: [2, 3, 4], basis: ['name', 'phone'] },
      { ids: ['C4', 'C5'], rows: [5, 6], basis: ['domain'] },
    ]);
  });

  it('still joins by a value found on exactly as many rows as the limit', () => {
    const book = (n: number) => Array.from({ length: n }, (_, i) => customer(`C${i}`, { row: i, name: 'Blue Stone Ltd' }));
    expect(findDuplicates(book(3), sheetRow, 3).groups.map((g) => g.ids)).toEqual([['C0', 'C1', 'C2']]);
    expect(findDuplicates(book(4), sheetRow, 3).groups).toEqual([]);
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
