import type { Cell } from '../core/table.js';
import { mulberry32 } from './mulberry32.js';

/**
 * A deterministic demo book: 500 customer rows, their purchase histories as deals (at most
 * 5,000; `tierwise demo` prints how many) and 8 reps, with a few
 * deliberately bad rows so the demo shows how issues are reported, and the Reps tab
 * headed in Chinese to show that headers are found in either language. The same call
 * always gives the same book (a seeded generator, no clock).
 */
export const DEMO_AS_OF = '2026-11-01';

const REGIONS = ['East', 'West', 'North', 'South', 'Central'];
const INDUSTRIES = ['Retail', 'Manufacturing', 'Healthcare', 'Finance', 'Technology', 'Logistics'];
const FIRST = ['Blue', 'Golden', 'Silver', 'Summit', 'Harbor', 'Cedar', 'Granite', 'Maple', 'River', 'Pioneer', 'Jade', 'Lotus', 'Atlas', 'Nova', 'Orchid', 'Falcon'];
const SECOND = ['Bridge', 'Works', 'Foods', 'Motors', 'Health', 'Systems', 'Trading', 'Supply', 'Energy', 'Labs', 'Logistics', 'Textiles', 'Devices', 'Partners'];
const PLACE = ['Bay', 'Hill', 'Lake', 'Park', 'Ridge', 'Valley', 'Coast', 'Point', 'Crest', 'Field'];
const SUFFIX = ['Ltd', 'Inc', 'LLC', 'GmbH', 'Co., Ltd.', 'Corp'];
export const DEMO_REPS = [
  ['Alice Chen', 'alice.chen@example.com', '资深', 'East,North', 'Retail、Finance', 90, 20, '是', '2019-04-01'],
  ['Bob Martin', 'bob.martin@example.com', '中级', 'West', 'Manufacturing', 80, 12, '是', '2021-08-15'],
  ['Carla Diaz', 'carla.diaz@example.com', '初级', 'South', 'Healthcare', 70, 6, '是', '2026-09-01'],
  ['David Kim', 'david.kim@example.com', '资深', 'Central,West', 'Technology', 90, 20, '是', '2018-01-10'],
  ['Emma Wang', 'emma.wang@example.com', '中级', 'East', 'Logistics，Retail', 80, 12, '是', '2022-03-01'],
  ['Frank Li', 'frank.li@example.com', '初级', 'North', 'Finance', 70, 6, '否', '2023-06-01'],
  ['Grace Liu', 'grace.liu@example.com', '中级', 'South,Central', 'Manufacturing', 80, 12, '是', '2020-11-20'],
  ['Henry Zhao', 'henry.zhao@example.com', '资深', 'West,North', 'Healthcare', 90, 20, '是', '2017-05-05'],
] as const;

export interface DemoTab {
  readonly name: string;
  readonly rows: Cell[][];
}

export function buildDemoBook(customers = 500, deals = 5000): DemoTab[] {
  const random = mulberry32(20261101);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const startDay = Date.UTC(2023, 0, 1);
  const spanDays = 1400;
  const iso = (offset: number) => new Date(startDay + offset * 86_400_000).toISOString().slice(0, 10);

  const customerRows: Cell[][] = [
    ['Customer ID', 'Name', 'Region', 'Industry', 'Owner', 'Email', 'Phone', 'Last Activity', 'Historical Revenue', 'Potential', 'Years as Customer', 'Strategic', 'Service Cost', 'Payment Days', 'Notes'],
  ];
  // Purchase histories follow the BG/NBD story (Fader, Hardie & Lee 2005): each customer
  // buys at its own rate and, after each purchase, stops for good with its own
  // probability — so the demo's CLV has something real to fit.
  const histories: number[][] = [];
  const spendLevel: number[] = [];
  for (let i = 1; i <= customers; i++) {
    // Distinct companies: walk the name grid with a stride coprime to its size.
    const cell = (i * 757) % (FIRST.length * SECOND.length * PLACE.length);
    const words = [FIRST[cell % FIRST.length], PLACE[Math.floor(cell / FIRST.length) % PLACE.length], SECOND[Math.floor(cell / (FIRST.length * PLACE.length))]];
    const name = `${words.join(' ')} ${pick(SUFFIX)}`;
    const owner = random() < 0.25 ? null : pick(DEMO_REPS)[0];
    const revenue = Math.round(Math.exp(8 + random() * 4) * 100) / 100;
    spendLevel.push(5.5 + 2.5 * random());
    histories.push(purchaseDays(random, Math.floor(random() * spanDays * 0.8), spanDays));
    customerRows.push([
      `C${String(i).padStart(4, '0')}`,
      name,
      pick(REGIONS),
      pick(INDUSTRIES),
      owner,
      `sales@${words.join('').toLowerCase()}.example.com`,
      `+1 555 01${String(i).padStart(4, '0')}`,
      iso(spanDays - 1 - Math.floor(random() * random() * 300)),
      revenue,
      1 + Math.floor(random() * 10),
      Math.round(random() * 120) / 10,
      1 + Math.floor(random() * 5),
      Math.round(revenue * (0.02 + random() * 0.1)),
      Math.floor(15 + random() * 90),
      null,
    ]);
  }
  plantBadCustomerRows(customerRows);

  const purchases = histories.flatMap((days, k) => days.map((day) => ({ day, k })));
  const dealRows: Cell[][] = [['Deal ID', 'Customer ID', 'Amount', 'Close Date', 'Stage']];
  purchases.slice(0, deals).forEach(({ day, k }, d) => {
    const u = random();
    dealRows.push([`D${String(d + 1).padStart(5, '0')}`, `C${String(k + 1).padStart(4, '0')}`, Math.round(gamma(random, 4) * Math.exp(spendLevel[k]) / 4), iso(day), u < 0.85 ? 'won' : u < 0.95 ? 'lost' : 'open']);
  });
  plantBadDealRows(dealRows);

  const repRows: Cell[][] = [['姓名', '邮箱', '级别', '负责区域', '负责行业', '保有量', 'A类上限', '在职', '入职日期'], ...DEMO_REPS.map((r) => [...r])];
  return [
    { name: 'Customers', rows: customerRows },
    { name: 'Deals', rows: dealRows },
    { name: 'Reps', rows: repRows },
  ];
}

/** What a real book has: typos, a formula-looking name, a blank row, odd dates. */
function plantBadCustomerRows(rows: Cell[][]): void {
  rows[7][8] = 'about 5k';
  rows[12][1] = '=HYPERLINK("http://example.test","Click me")';
  rows[19][7] = '2026-02-30';
  rows[23][7] = '3/9/2026';
  rows[31][8] = '¥1.2万';
  rows[40] = rows[40].map(() => null);
  rows[57][0] = null;
  // The same company entered twice, as happens: another suffix, a colleague's e-mail.
  rows[66][1] = String(rows[65][1]).replace(/ \S+$/, ' Inc');
  rows[66][5] = String(rows[65][5]).replace(/^sales@/, 'info@');
}

function plantBadDealRows(rows: Cell[][]): void {
  rows[10][2] = 'n/a';
  rows[20][3] = 'last Tuesday';
  rows[30][1] = 'C9999';
  rows[40][4] = 'maybe';
}

/**
 * One customer's purchase days from `first` on: gaps ~ Exponential(λ), λ ~ Gamma(0.9, 1/25)
 * per day; after each purchase the customer drops out with p ~ Beta(1, 6).
 */
function purchaseDays(random: () => number, first: number, spanDays: number): number[] {
  const rate = gamma(random, 0.9) / 25;
  const g = gamma(random, 1);
  const dropout = g / (g + gamma(random, 6));
  const days = [first];
  for (let day = first; random() >= dropout; ) {
    day += Math.max(1, Math.round(-Math.log(1 - random()) / rate));
    if (day >= spanDays) break;
    days.push(day);
  }
  return days;
}

/** Gamma(shape, 1) by Marsaglia & Tsang (2000), with the shape < 1 boost. */
function gamma(random: () => number, shape: number): number {
  if (shape < 1) return gamma(random, shape + 1) * Math.pow(random(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    const v = (1 + c * x) ** 3;
    if (v > 0 && Math.log(1 - random()) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}
