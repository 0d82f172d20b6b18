import { describe, expect, it } from 'vitest';
import { type NumberOptions, parseMoney, parseNumber } from '../../../src/core/parse/numbers.js';

// Amounts as people and exports write them, at the edges numbers.test.ts leaves open: the
// 10^15 limit, spaces inside signs and units, stray parentheses, cut-off exponents, and
// groupings that are not thousands.

const dot: NumberOptions = { decimalSeparator: '.' };

/** Each text beside what it reads as, so a failure names the text. */
function expectRead(cases: readonly (readonly [text: string, value: number])[]): void {
  expect(cases.map(([text]) => [text, parseNumber(text, dot)])).toEqual(cases.map(([text, value]) => [text, value]));
}

function expectNotANumber(texts: readonly string[]): void {
  expect(texts.map((text) => [text, parseNumber(text, dot)])).toEqual(texts.map((text) => [text, { kind: 'invalid', message: `'${text}' is not a number` }]));
}

const tooLarge = (text: string) => ({ kind: 'invalid', message: `'${text}' is too large: numbers here are at most 10^15 (1,000,000,000,000,000) either way` });

describe('the 10^15 limit', () => {
  it('takes 10^15 itself, written or as a number cell, either way', () => {
    expectRead([['1000000000000000', 1e15], ['1e15', 1e15], ['-1,000,000,000,000,000', -1e15]]);
    expect([parseNumber(1e15, dot), parseNumber(-1e15, dot)]).toEqual([1e15, -1e15]);
  });

  it('refuses anything past it, saying where the limit is', () => {
    for (const text of ['1000000000000001', '1.5e15', '-2,000,000,000,000,000', '$1e16']) expect(parseNumber(text, dot)).toEqual(tooLarge(text));
    expect(parseNumber(1e15 + 1, dot)).toEqual(tooLarge('1000000000000001'));
  });

  it('refuses a number cell that is not finite, and an unticked checkbox', () => {
    expect(parseNumber(Number.NaN, dot)).toEqual({ kind: 'invalid', message: "'NaN' is not a number" });
    expect(parseNumber(Number.POSITIVE_INFINITY, dot)).toEqual({ kind: 'invalid', message: "'Infinity' is not a number" });
    expect(parseNumber(false, dot)).toEqual({ kind: 'invalid', message: 'FALSE is a yes/no value, not a number' });
  });
});

describe('signs, units and currencies written with spaces', () => {
  it('reads a sign, accounting parentheses, % or 万 with spaces inside', () => {
    expectRead([['- 5', -5], ['( 1,234.50 )', -1234.5], ['12 %', 0.12], ['1.2 万', 12000], ['$.50', 0.5]]);
  });

  it('reads a zero with a sign or in parentheses as zero, not minus zero', () => {
    expect(['-0', '-$0', '(0)', '-0 元'].map((text) => [text, Object.is(parseNumber(text, dot), 0)])).toEqual(['-0', '-$0', '(0)', '-0 元'].map((text) => [text, true]));
  });

  it('reads the same currency written twice, as ¥ and 元, as that currency', () => {
    expect(parseMoney('¥100元', dot)).toEqual({ value: 100, currency: 'CNY', mark: '¥' });
  });

  it('quotes the cell without its surrounding spaces when refusing it', () => {
    expect(parseNumber(' abc ', dot)).toEqual({ kind: 'invalid', message: "'abc' is not a number" });
    expect(parseNumber(' $5 EUR ', dot)).toEqual({ kind: 'invalid', message: "'$5 EUR' names two currencies, $ and EUR" });
  });
});

describe('text that only looks like a number', () => {
  it('refuses a parenthesis without its partner rather than reading a negative', () => {
    expectNotANumber(['15)', '(15', '$15)']);
  });

  it('refuses an exponent with no digits right after its E', () => {
    expectNotANumber(['1e 5', '1e+', '1.5E-']);
  });

  it('refuses two decimal points', () => {
    expectNotANumber(['1..5', '12..']);
  });

  it('refuses groups that are not thousands, or Indian lakhs, all the way', () => {
    expectNotANumber([',234', '1234,567', '1,2345,678', '1,234,56,789', '1,23,456,789']);
  });
});
