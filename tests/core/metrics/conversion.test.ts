import { describe, expect, it } from 'vitest';
import { makeRoster } from '../../../src/core/assign/roster.js';
import { conversion, customersLost } from '../../../src/core/metrics/conversion.js';
import type { MetricDeal } from '../../../src/core/metrics/deal.js';
import { AS_OF, assignSettings, rep } from '../assign/book.js';

const PERIOD = 90;
const deal = (customerId: string, daysAgo: number, stage: MetricDeal['stage'], owner: string | null = null): MetricDeal => ({ customerId, owner, day: AS_OF - daysAgo, stage });

describe('conversion per rep', () => {
  it("counts a deal whose Owner cell holds only spaces for the customer's owner", () => {
    const roster = makeRoster([rep('Ann'), rep('Bob')], assignSettings(), AS_OF);
    const rates = conversion([deal('C1', 3, 'won', '   '), deal('C1', 4, 'lost', 'Bob')], roster, () => 'Ann', AS_OF, PERIOD);
    expect(rates.perRep.Ann).toEqual({ won: 1, closed: 1, rate: 1 });
    expect(rates.perRep.Bob).toEqual({ won: 0, closed: 1, rate: 0 });
  });

  it('counts a deal of a customer no rep holds in the overall rate only', () => {
    const roster = makeRoster([rep('Ann')], assignSettings(), AS_OF);
    const rates = conversion([deal('C9', 3, 'won')], roster, () => '', AS_OF, PERIOD);
    expect(rates.overall).toEqual({ won: 1, closed: 1, rate: 1 });
    expect(rates.perRep.Ann).toEqual({ won: 0, closed: 0, rate: null });
  });
});

describe('customers lost', () => {
  it('are those that won a deal in the period before this one and none in this one, in id order', () => {
    const deals = [deal('C3', 100, 'won'), deal('C1', 170, 'won'), deal('C2', 120, 'won'), deal('C2', 10, 'won')];
    expect(customersLost(deals, AS_OF, PERIOD)).toEqual(['C1', 'C3']);
  });

  it('leave out a customer whose deal in the period before was lost or still open: it had not bought', () => {
    expect(customersLost([deal('C1', 100, 'lost'), deal('C2', 100, 'open')], AS_OF, PERIOD)).toEqual([]);
  });

  it('leave out a customer that last bought before the period before', () => {
    expect(customersLost([deal('C1', 2 * PERIOD, 'won'), deal('C2', 400, 'won')], AS_OF, PERIOD)).toEqual([]);
  });
});
