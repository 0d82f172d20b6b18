import { describe, expect, it } from 'vitest';
import { startsFormula } from '../../src/core/text.js';

// OWASP "CSV Injection": a cell whose text a spreadsheet would run as a formula when it reads it as typed input.
describe('startsFormula', () => {
  it('takes text starting with =, +, -, @, tab or carriage return for a formula', () => {
    for (const text of ['=1+1', '+A1', '-A1', '@SUM(A1:A2)', '\t=1', '\rcmd', '=', '+', '-', '@']) expect(startsFormula(text), JSON.stringify(text)).toBe(true);
  });

  it('lets a plain number through, signed, with a decimal point or an exponent', () => {
    for (const text of ['-5', '+1.5e3', '.5', '-.5', '+5.', '-1E-3', '12', '-0', '-12.50', '-.25', '+2e10']) expect(startsFormula(text), text).toBe(false);
  });

  it('still takes a signed text that only starts like a number for a formula', () => {
    for (const text of ['-5+1', '-1e', '+1.5e3x', '-5 ', '- 5', '-.', '+e3', '-1.2.3', '-1e+-3']) expect(startsFormula(text), text).toBe(true);
  });

  it('looks only at the first character: a formula sign in the middle, or after a space, is plain text', () => {
    for (const text of ['a=1+1', 'Ann-Lee', ' =1', 'x@example.com', '', 'C1']) expect(startsFormula(text), text).toBe(false);
  });
});
