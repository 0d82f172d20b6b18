import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { MANAGER, REP, type Bundle, managedBook, overTheWire, refusal } from './bundle.js';

describe('the sidebar\'s own server functions in the built bundle', () => {
  it('answer google.script.run with JSON-safe values: what-if rows, my customers, proposals and the pool', () => {
    const { gas } = managedBook();
    const whatIf = gas.sidebarWhatIf({ asOf: '2024-03-01' });
    expect(whatIf.customers).toBe(12);
    expect(whatIf.currentTiers).toMatch(/^[ABC]{12}$/);
    expect(overTheWire(whatIf)).toEqual(whatIf);
    gas.propose({ asOf: '2024-03-01' });
    const proposals = gas.sidebarProposals({});
    expect(proposals.items.length).toBeGreaterThan(0);
    expect(overTheWire(proposals)).toEqual(proposals);
    const pool = gas.sidebarPool({});
    expect(overTheWire(pool)).toEqual(pool);
    const mine = gas.sidebarMyCustomers({});
    expect(overTheWire(mine)).toEqual(mine);
  });

  it('make one filter view per active rep through the Sheets advanced service, for managers only', () => {
    const { env } = managedBook();
    const requests: unknown[] = [];
    const Sheets = {
      Spreadsheets: {
        get: () => ({ sheets: [] }),
        batchUpdate: (body: { requests: unknown[] }) => void requests.push(...body.requests),
      },
    };
    const context = env.createContext({ Sheets });
    vm.runInContext(readFileSync('dist/Code.js', 'utf8'), context);
    const gas = context as unknown as Bundle;
    env.setUser(MANAGER);
    const out = gas.sidebarSyncFilterViews({});
    expect(out.created).toBe(requests.length);
    expect(requests.length).toBeGreaterThan(0);
    expect(JSON.stringify(requests[0])).toContain('CUSTOM_FORMULA');
    env.setUser(REP);
    expect(refusal(() => gas.sidebarSyncFilterViews({}))).toContain('is not a manager');
  });
});
