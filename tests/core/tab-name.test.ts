import { describe, expect, it } from 'vitest';
import { tabNamed } from '../../src/core/tab-name.js';

describe('tabNamed', () => {
  it('finds the tab spelt as the settings spell it, else the one that differs only in case', () => {
    expect(tabNamed(['customers', 'deals'], 'Customers')).toBe('customers');
    expect(tabNamed(['Notes', 'DEALS'], 'Deals')).toBe('DEALS');
    expect(tabNamed(['Kunden'], 'Customers')).toBeUndefined();
  });

  it('takes the exact spelling first when a book (one LibreOffice made) has both', () => {
    expect(tabNamed(['customers', 'Customers'], 'Customers')).toBe('Customers');
  });
});
