/**
 * Keys by which two Customers rows are recognised as one company (issue 4 item 7).
 * Each returns '' when the value says nothing (blank, too short, a free-mail domain).
 */

// Legal-form words that differ between spellings of one company's name, compared after
// punctuation is gone ("Co., Ltd." is `co ltd`).
const LEGAL_FORMS = new Set(['ltd', 'limited', 'inc', 'incorporated', 'llc', 'gmbh', 'co', 'corp', 'corporation', 'plc', 'company', 'ag', 'sa', 'bv', 'pte', 'pty']);
// Longest first, so that 股份有限公司 is not read as 股份 + 有限公司.
const CJK_LEGAL_FORMS = ['股份有限公司', '有限责任公司', '有限責任公司', '有限公司', '公司'];

/** `Acme Co., Ltd.`, `ACME Inc` and `acme` all give `acme`; `上海某某有限公司` gives `上海某某`. */
export function companyNameKey(name: string): string {
  const words = name
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
  while (words.length > 1 && LEGAL_FORMS.has(words[words.length - 1])) words.pop();
  let key = words.join('');
  for (const form of CJK_LEGAL_FORMS) {
    if (key.endsWith(form) && key.length > form.length) {
      key = key.slice(0, -form.length);
      break;
    }
  }
  return key;
}

export function emailKey(email: string): string {
  const key = email.normalize('NFKC').trim().toLowerCase();
  return /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(key) ? key : '';
}

// Mailboxes anyone can open: sharing one says nothing about the company.
const FREE_MAIL = new Set([
  'gmail.com', 'googlemail.com', 'qq.com', 'vip.qq.com', '163.com', '126.com', 'yeah.net', '139.com', 'sina.com', 'sina.cn', 'sohu.com', 'aliyun.com', 'foxmail.com',
  'outlook.com', 'hotmail.com', 'live.com', 'msn.com', 'yahoo.com', 'yahoo.co.jp', 'ymail.com', 'icloud.com', 'me.com', 'mac.com', 'aol.com',
  'proton.me', 'protonmail.com', 'gmx.com', 'gmx.de', 'web.de', 'mail.ru', 'yandex.ru', 'zoho.com', 'hotmail.co.uk', 'yahoo.co.uk', 'naver.com', 'hanmail.net',
]);

/** The company's own e-mail domain; '' for free-mail and for no address. */
export function companyDomainKey(email: string): string {
  const key = emailKey(email);
  if (key === '') return '';
  const domain = key.slice(key.indexOf('@') + 1);
  return FREE_MAIL.has(domain) ? '' : domain;
}

// ITU-T E.164 calling codes of the countries our users' books come from; the codes form a
// prefix code, so at most one of them starts a number.
const CALLING_CODES = ['1', '7', '20', '27', '30', '31', '32', '33', '34', '36', '39', '40', '41', '43', '44', '45', '46', '47', '48', '49', '51', '52', '54', '55', '56', '57', '60', '61', '62', '63', '64', '65', '66', '81', '82', '84', '86', '90', '91', '92', '94', '95', '852', '853', '855', '880', '886', '971', '972', '966', '974', '234', '254', '353', '351', '358'];
// Fewer digits than this is an extension or a typo, not a phone number.
const MIN_PHONE_DIGITS = 7;

/**
 * The national number: digits only, without a leading country code (written `+86…` or
 * `0086…`) or trunk `0`, so `+86 138-0013-8000` and `13800138000` match, as do
 * `+44 20 7946 0000` and `020 7946 0000`.
 */
export function phoneKey(phone: string): string {
  const text = phone.normalize('NFKC').trim();
  let digits = text.replace(/\D/g, '');
  const international = text.startsWith('+') || digits.startsWith('00');
  if (international) {
    digits = digits.replace(/^00/, '');
    const code = CALLING_CODES.find((c) => digits.startsWith(c));
    if (code) digits = digits.slice(code.length);
  }
  digits = digits.replace(/^0+/, '');
  return digits.length >= MIN_PHONE_DIGITS ? digits : '';
}
