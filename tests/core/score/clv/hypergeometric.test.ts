import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hypergeometric2F1 } from '../../../../src/core/score/clv/hypergeometric.js';

describe('hypergeometric2F1', () => {
  it('matches closed forms across its range, including next to z = 1 and below z = −1', () => {
    // A&S 15.1.3: 2F1(1, 1; 2; z) = −ln(1 − z)/z; A&S 15.1.6: 2F1(½, ½; 3/2; z²) = arcsin z / z.
    for (const z of [-5, -1, -0.3, 0.2, 0.5, 0.6, 0.9, 0.99, 0.999]) {
      const exact = -Math.log(1 - z) / z;
      expect(Math.abs(hypergeometric2F1(1, 1, 2, z) - exact) / exact, `z = ${z}`).toBeLessThan(1e-11);
    }
    for (const s of [0.3, 0.8, 0.95, 0.9999]) {
      expect(hypergeometric2F1(0.5, 0.5, 1.5, s * s)).toBeCloseTo(Math.asin(s) / s, 11);
    }
    // A&S 15.1.8: 2F1(a, b; b; z) = (1 − z)^−a.
    expect(hypergeometric2F1(0.37, 2.5, 2.5, 0.97)).toBeCloseTo(Math.pow(0.03, -0.37), 10);
  });

  it('agrees with the plain series wherever that converges fast', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -3, max: 3, noNaN: true }),
        fc.double({ min: -3, max: 3, noNaN: true }),
        fc.double({ min: 0.2, max: 40, noNaN: true }),
        fc.double({ min: 0.51, max: 0.8, noNaN: true }),
        (a, b, c, z) => {
          let term = 1;
          let sum = 1;
          for (let n = 0; n < 400; n++) {
            term *= ((a + n) * (b + n) * z) / ((c + n) * (n + 1));
            sum += term;
          }
          expect(Math.abs(hypergeometric2F1(a, b, c, z) - sum)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(sum)));
        },
      ),
    );
  });

  it('is undefined (NaN) at and beyond z = 1', () => {
    expect(hypergeometric2F1(1, 1, 2, 1)).toBeNaN();
    expect(hypergeometric2F1(1, 1, 2, 2)).toBeNaN();
  });
});
