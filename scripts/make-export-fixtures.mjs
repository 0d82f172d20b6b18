// Writes tests/fixtures/exports/: one realistic export per system Tierwise reads without
// settings (issue 10 item 6), as each system writes it — its headers, date and money
// formats, status words, quoting, encoding — and beside each, NAME.expected.json: what the
// generator knows it put in the file (customers, purchases, refunds, net spend, the date
// column, the key), which the tests hold the real command to. The columns each shape
// writes and where they are documented are in tests/fixtures/exports/SOURCES.md.
//
//   node scripts/make-export-fixtures.mjs
//
// Deterministic: a seeded generator (src/node/mulberry32.ts), no clock.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { transformSync } from 'esbuild';
import iconv from 'iconv-lite';

const { mulberry32 } = await import(
  `data:text/javascript,${encodeURIComponent(transformSync(readFileSync('src/node/mulberry32.ts', 'utf8'), { loader: 'ts', format: 'esm' }).code)}`
);

const OUT = 'tests/fixtures/exports';
const DAY = 86_400_000;
const FIRST = ['Ann', 'Ben', 'Chloe', 'Dev', 'Emma', 'Farid', 'Grace', 'Hugo', 'Ines', 'Jonas', 'Kemi', 'Liam', 'Mia', 'Noor', 'Omar', 'Pia', 'Quinn', 'Rosa', 'Sami', 'Tara'];
const LAST = ['Lee', 'Martin', 'Okafor', 'Silva', 'Novak', 'Berg', 'Khan', 'Rossi', 'Dubois', 'Tanaka', 'Walsh', 'Costa', 'Moreau', 'Ito', 'Haas'];
const COMPANY_A = ['Blue', 'Golden', 'Summit', 'Harbor', 'Cedar', 'Granite', 'Maple', 'River', 'Pioneer', 'Atlas', 'Nova', 'Falcon', 'Orchid', 'Jade'];
const COMPANY_B = ['Works', 'Foods', 'Motors', 'Systems', 'Trading', 'Supply', 'Energy', 'Labs', 'Logistics', 'Devices'];
const COMPANY_C = ['Ltd', 'Inc', 'LLC', 'GmbH', 'Corp'];
const CN_SURNAME = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡'];
const CN_GIVEN = ['伟', '芳', '娜', '敏', '静', '磊', '洋', '艳', '勇', '军', '杰', '娟', '涛', '明', '超', '秀英', '建华', '晓东'];
const CN_CITY = ['杭州', '上海', '深圳', '成都', '武汉', '南京', '西安', '苏州', '广州', '北京'];
const CN_TRADE = ['科技', '贸易', '实业', '电子', '医药', '物流', '食品', '机械'];
const COUNTRIES = ['United States', 'Canada', 'United Kingdom', 'Germany', 'France', 'Australia'];

/** Everything one export needs from the generator. */
function generator(seed) {
  const random = mulberry32(seed);
  const int = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
  const pick = (list) => list[Math.floor(random() * list.length)];
  /** Picks a key of `weights` with its probability. */
  const weighted = (weights) => {
    let x = random() * Object.values(weights).reduce((a, b) => a + b, 0);
    for (const [key, w] of Object.entries(weights)) if ((x -= w) < 0) return key;
    return Object.keys(weights)[0];
  };
  const money = (lo, hi) => Math.round((lo + random() * (hi - lo)) * 100) / 100;
  const distinct = (count, make) => {
    const seen = new Set();
    const out = [];
    while (out.length < count) {
      const value = make();
      if (!seen.has(value)) seen.add(value), out.push(value);
    }
    return out;
  };
  return { random, int, pick, weighted, money, distinct };
}

const pad = (n, width = 2) => String(n).padStart(width, '0');
const fixed = (x) => x.toFixed(2);
/** Calendar date and time parts of a UTC timestamp (the exports' local times, written as is). */
const parts = (ms) => {
  const d = new Date(ms);
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate(), h: d.getUTCHours(), mi: d.getUTCMinutes(), s: d.getUTCSeconds() };
};
const isoDay = (ms) => new Date(ms).toISOString().slice(0, 10);
const dateTime = (ms) => {
  const p = parts(ms);
  return `${p.y}-${pad(p.m)}-${pad(p.d)} ${pad(p.h)}:${pad(p.mi)}:${pad(p.s)}`;
};
const dayOf = (ms) => Math.floor(ms / DAY);

/** Orders spread over [start, end): each customer buys a few times, some often. */
function orderTimes(g, customers, count, start, end) {
  const weights = customers.map(() => 0.3 + g.random() ** 3 * 4);
  const total = weights.reduce((a, b) => a + b, 0);
  const orders = [];
  for (let i = 0; i < count; i++) {
    let x = g.random() * total;
    let c = 0;
    while ((x -= weights[c]) > 0 && c < customers.length - 1) c++;
    orders.push({ customer: c, at: start + Math.floor(g.random() * (end - start)) });
  }
  // Every customer orders at least once, so each is in the file.
  customers.forEach((_, c) => orders.push({ customer: c, at: start + Math.floor(g.random() * (end - start)) }));
  return orders.sort((a, b) => a.at - b.at);
}

/**
 * What the tests hold the command to. Purchases are summed per customer as the model
 * means them; `recencyDaysSum` is the sum over buyers of as-of − last purchase day, which
 * only comes out right when the right date column is read.
 */
function truth(asOf) {
  const asOfDay = dayOf(Date.parse(`${asOf}T00:00:00Z`));
  const purchases = new Map();
  const spend = new Map();
  const counts = { purchases: 0, refunds: 0, linesMerged: 0, ordersMerged: 0, missingIds: 0 };
  return {
    counts,
    purchase(customer, ms, amount) {
      counts.purchases++;
      const last = purchases.get(customer) ?? -Infinity;
      purchases.set(customer, Math.max(last, dayOf(ms)));
      spend.set(customer, (spend.get(customer) ?? 0) + amount);
    },
    refund(customer, amount = 0) {
      counts.refunds++;
      spend.set(customer, (spend.get(customer) ?? 0) - amount);
    },
    result(extra) {
      let recencyDaysSum = 0;
      for (const day of purchases.values()) recencyDaysSum += asOfDay - day;
      let netSpend = 0;
      for (const value of spend.values()) netSpend += value;
      return { asOf, ...extra, ...counts, buyers: purchases.size, recencyDaysSum, netSpend: Math.round(netSpend * 100) / 100 };
    },
  };
}

function csvText(rows, { quoteAll = false, newline = '\r\n' } = {}) {
  const field = (cell) => {
    const text = cell === null || cell === undefined ? '' : String(cell);
    return quoteAll || /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  return rows.map((row) => row.map(field).join(',')).join(newline) + newline;
}

function write(name, rows, expected, { encoding = 'utf-8', ...format } = {}) {
  const text = csvText(rows, format);
  const bytes = encoding === 'gbk' ? iconv.encode(text, 'gbk') : Buffer.from(encoding === 'utf-8-bom' ? `\uFEFF${text}` : text, 'utf8');
  writeFileSync(join(OUT, name), bytes);
  writeFileSync(join(OUT, name.replace(/\.csv$/, '.expected.json')), `${JSON.stringify({ rows: rows.length - 1, ...expected }, null, 2)}\n`);
}

const START_2023 = Date.UTC(2023, 0, 1);
const END_2024 = Date.UTC(2024, 11, 31);

/** Shopify: one row per line item; the order's fields on its first line only; Name is the order number. */
function shopify() {
  const g = generator(101);
  const people = g.distinct(70, () => `${g.pick(FIRST)} ${g.pick(LAST)}`);
  const customers = people.map((name, c) => ({
    name,
    // Point-of-sale orders often carry no e-mail: the customer is told by the billing name.
    email: c % 12 === 5 ? null : `${name.toLowerCase().replace(' ', '.')}${c}@example.com`,
    country: g.pick(COUNTRIES),
  }));
  const t = truth('2024-12-31');
  const header = ['Name', 'Email', 'Financial Status', 'Paid at', 'Fulfillment Status', 'Fulfilled at', 'Accepts Marketing', 'Currency', 'Subtotal', 'Shipping', 'Taxes', 'Total',
    'Discount Code', 'Discount Amount', 'Shipping Method', 'Created at', 'Lineitem quantity', 'Lineitem name', 'Lineitem price', 'Lineitem sku', 'Billing Name',
    'Billing City', 'Billing Country', 'Billing Phone', 'Shipping Name', 'Shipping Country', 'Notes', 'Cancelled at', 'Payment Method', 'Refunded Amount', 'Vendor', 'Id', 'Tags', 'Source', 'Phone'];
  const rows = [header];
  const products = [['Ceramic Mug', 18], ['Linen Tote', 24], ['Cold Brew Kit', 42.5], ['Pour-over Stand', 36], ['Beans 1kg', 29.9], ['Gift Card', 50]];
  const keyed = { email: 0, name: 0 };
  let number = 1001;
  for (const order of orderTimes(g, customers, 150, START_2023, END_2024)) {
    const c = customers[order.customer];
    const lines = Array.from({ length: g.weighted({ 1: 6, 2: 3, 3: 1 }) }, () => [g.pick(products), g.int(1, 3)]);
    const subtotal = lines.reduce((sum, [[, price], qty]) => sum + price * qty, 0);
    const shipping = subtotal > 75 ? 0 : 6.9;
    const taxes = Math.round(subtotal * 0.08 * 100) / 100;
    const total = Math.round((subtotal + shipping + taxes) * 100) / 100;
    const status = g.weighted({ paid: 75, partially_refunded: 6, refunded: 7, pending: 6, voided: 6 });
    const refunded = status === 'refunded' ? total : status === 'partially_refunded' ? Math.round(total * 0.3 * 100) / 100 : 0;
    const created = `${dateTime(order.at)} -0500`;
    // Paid a little after it was placed: reading Paid at would give other days.
    const paidAt = ['paid', 'partially_refunded', 'refunded'].includes(status) ? `${dateTime(order.at + g.int(1, 3) * DAY)} -0500` : '';
    const name = `#${number++}`;
    const customer = c.email ?? c.name;
    keyed[c.email ? 'email' : 'name']++;
    if (status === 'paid') t.purchase(customer, order.at, total);
    else if (status === 'partially_refunded') t.purchase(customer, order.at, total - refunded);
    else if (status === 'refunded' || status === 'voided') t.refund(customer);
    if (lines.length > 1) t.counts.linesMerged += lines.length - 1, t.counts.ordersMerged++;
    lines.forEach(([[product, price], qty], i) => {
      const line = [qty, product, fixed(price), `SKU-${product.slice(0, 3).toUpperCase()}`];
      if (i > 0) {
        rows.push([name, c.email, '', '', '', '', '', '', '', '', '', '', '', '', '', '', ...line, ...Array(header.length - 20).fill('')]);
        return;
      }
      rows.push([name, c.email, status, paidAt, status === 'paid' ? 'fulfilled' : 'unfulfilled', status === 'paid' ? created : '', g.pick(['yes', 'no']), 'USD',
        fixed(subtotal), fixed(shipping), fixed(taxes), fixed(total), '', '0.00', shipping === 0 ? 'Free Shipping' : 'Standard', created, ...line, c.name,
        'Springfield', c.country, '', c.name, c.country, '', status === 'voided' ? created : '', 'Shopify Payments', fixed(refunded), 'Tierwise Roasters',
        String(5_600_000_000 + number), '', c.email ? 'web' : 'pos', '']);
    });
  }
  write('shopify-orders.csv', rows, t.result({ shape: 'Shopify orders', customers: customers.length, dateColumn: 'Created at', key: { email: 'Email', name: 'Billing Name' }, keyedBy: { id: 0, email: keyed.email, phone: 0, name: keyed.name } }));
}

/** WooCommerce: one row per order; Customer User is the account, 0 for a guest checkout. */
function woocommerce() {
  const g = generator(202);
  const people = g.distinct(60, () => `${g.pick(FIRST)} ${g.pick(LAST)}`);
  const customers = people.map((name, c) => ({ name, user: c < 45 ? String(2 + c * 3) : '0', email: `${name.toLowerCase().replace(' ', '')}@mail${c % 4}.example` }));
  const t = truth('2024-12-31');
  const rows = [['Order ID', 'Order Number', 'Order Date', 'Order Status', 'Customer User', 'Billing First Name', 'Billing Last Name', 'Billing Email', 'Billing Phone',
    'Billing Country', 'Shipping Method', 'Payment Method Title', 'Cart Discount', 'Order Shipping', 'Order Tax', 'Order Total', 'Order Currency']];
  const keyed = { id: 0, email: 0 };
  let id = 3120;
  for (const order of orderTimes(g, customers, 175, START_2023, END_2024)) {
    const c = customers[order.customer];
    const status = g.weighted({ Completed: 70, Processing: 8, Refunded: 6, Cancelled: 6, Failed: 4, 'On hold': 3, 'Pending payment': 3 });
    const items = g.money(15, 240);
    const shipping = items > 100 ? 0 : 5;
    const tax = Math.round(items * 0.2 * 100) / 100;
    const total = Math.round((items + shipping + tax) * 100) / 100;
    const customer = c.user === '0' ? c.email : c.user;
    keyed[c.user === '0' ? 'email' : 'id']++;
    if (status === 'Completed' || status === 'Processing') t.purchase(customer, order.at, total);
    else if (status === 'Refunded') t.refund(customer);
    const [first, last] = c.name.split(' ');
    id += g.int(1, 4);
    rows.push([id, id, dateTime(order.at), status, c.user, first, last, c.email, `+44 7700 9${pad(g.int(0, 99999), 5)}`, 'GB', shipping ? 'Flat rate' : 'Free shipping',
      g.pick(['Credit Card (Stripe)', 'PayPal', 'Direct bank transfer']), '0.00', fixed(shipping), fixed(tax), fixed(total), 'GBP']);
  }
  const registered = customers.filter((c) => c.user !== '0').length;
  write('woocommerce-orders.csv', rows, t.result({ shape: 'WooCommerce orders', customers: customers.length, dateColumn: 'Order Date', key: { id: 'Customer User', email: 'Billing Email' }, keyedBy: { id: keyed.id, email: keyed.email, phone: 0, name: 0 }, customersKeyedBy: { id: registered, email: customers.length - registered } }));
}

/** Stripe's Payments export: id is the payment; Amount Refunded is what went back; guests have no Customer ID. */
function stripe() {
  const g = generator(303);
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const token = (n) => Array.from({ length: n }, () => g.pick([...chars])).join('');
  const people = g.distinct(55, () => `${g.pick(FIRST)} ${g.pick(LAST)}`);
  const customers = people.map((name, c) => ({ name, id: c < 40 ? `cus_${token(14)}` : '', email: `${name.toLowerCase().replace(' ', '_')}@example.org` }));
  const t = truth('2024-12-31');
  const rows = [['id', 'Description', 'Seller Message', 'Created (UTC)', 'Amount', 'Amount Refunded', 'Currency', 'Converted Amount', 'Converted Amount Refunded', 'Fee',
    'Taxes On Fee', 'Converted Currency', 'Mode', 'Status', 'Statement Descriptor', 'Customer ID', 'Customer Description', 'Customer Email', 'Captured', 'Card ID',
    'Card Last4', 'Card Brand', 'Card Funding', 'Card Exp Month', 'Card Exp Year', 'Card Name', 'Card Address Country']];
  const keyed = { id: 0, email: 0 };
  for (const order of orderTimes(g, customers, 190, START_2023, END_2024)) {
    const c = customers[order.customer];
    const status = g.weighted({ Paid: 82, Refunded: 8, Failed: 10 });
    const amount = g.pick([19, 49, 99, 149, 299]) + g.pick([0, 0, 0.5]);
    const refunded = status === 'Refunded' ? amount : status === 'Paid' && g.random() < 0.1 ? Math.round(amount * 0.25 * 100) / 100 : 0;
    const customer = c.id || c.email;
    keyed[c.id ? 'id' : 'email']++;
    if (status === 'Paid') t.purchase(customer, order.at, amount - refunded);
    else if (status === 'Refunded') t.refund(customer);
    const p = parts(order.at);
    const fee = status === 'Failed' ? 0 : Math.round((amount * 0.029 + 0.3) * 100) / 100;
    rows.push([`ch_3${token(23)}`, `Subscription ${g.pick(['Starter', 'Team', 'Business'])}`, status === 'Failed' ? 'The bank did not return any further details with this decline.' : 'Payment complete.',
      `${p.y}-${pad(p.m)}-${pad(p.d)} ${pad(p.h)}:${pad(p.mi)}`, fixed(amount), fixed(refunded), 'usd', fixed(amount), fixed(refunded), fixed(fee), '0.00', 'usd', 'Live',
      status, 'TIERWISE SAAS', c.id, c.id ? c.name : '', c.email, status === 'Failed' ? 'false' : 'true', `card_1${token(23)}`, pad(g.int(0, 9999), 4),
      g.pick(['Visa', 'MasterCard', 'American Express']), 'credit', g.int(1, 12), g.int(2025, 2030), c.name, g.pick(['US', 'GB', 'DE', 'FR'])]);
  }
  const withId = customers.filter((c) => c.id).length;
  write('stripe-payments.csv', rows, t.result({ shape: 'Stripe payments', customers: customers.length, dateColumn: 'Created (UTC)', key: { id: 'Customer ID', email: 'Customer Email' }, keyedBy: { id: keyed.id, email: keyed.email, phone: 0, name: 0 }, customersKeyedBy: { id: withId, email: customers.length - withId } }));
}

const companies = (g, count) => g.distinct(count, () => `${g.pick(COMPANY_A)} ${g.pick(COMPANY_B)} ${g.pick(COMPANY_C)}`);
const REPS = ['Alice Chen', 'Bob Martin', 'Carla Diaz', 'David Kim', 'Emma Wang'];

/** A Salesforce opportunities report exported as CSV: every field quoted, US dates, 18-character ids. */
function salesforce() {
  const g = generator(404);
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const sfId = (prefix) => `${prefix}${Array.from({ length: 15 }, () => g.pick([...chars])).join('')}`;
  const customers = companies(g, 50).map((name) => ({ name, id: sfId('001'), owner: g.pick(REPS) }));
  const t = truth('2024-12-31');
  const rows = [['Opportunity Owner', 'Account Name', 'Opportunity Name', 'Stage', 'Fiscal Period', 'Amount', 'Probability (%)', 'Age', 'Close Date', 'Created Date',
    'Next Step', 'Lead Source', 'Type', 'Opportunity ID', 'Account ID']];
  const open = ['Prospecting', 'Qualification', 'Needs Analysis', 'Value Proposition', 'Id. Decision Makers', 'Perception Analysis', 'Proposal/Price Quote', 'Negotiation/Review'];
  for (const order of orderTimes(g, customers, 170, START_2023, END_2024)) {
    const c = customers[order.customer];
    const stage = g.weighted({ 'Closed Won': 45, 'Closed Lost': 25, open: 30 }) === 'open' ? g.pick(open) : null;
    const won = stage === null && g.random() < 45 / 70;
    const name = stage ?? (won ? 'Closed Won' : 'Closed Lost');
    const amount = g.pick([5000, 12500, 18000, 25000, 40000, 75000]) + g.int(0, 9) * 100;
    // Open deals close in the future: after the as-of date, so they never count.
    const close = stage ? order.at + 400 * DAY : order.at;
    if (won) t.purchase(c.id, close, amount);
    const created = close - g.int(20, 120) * DAY;
    const us = (ms) => `${parts(ms).m}/${parts(ms).d}/${parts(ms).y}`;
    rows.push([c.owner, c.name, `${c.name} - ${g.pick(['Renewal', 'Expansion', 'New Seats', 'Services'])}`, name, `Q${Math.floor((parts(close).m - 1) / 3) + 1}-${parts(close).y}`,
      fixed(amount), won ? '100' : name === 'Closed Lost' ? '0' : String(g.int(1, 9) * 10), String(g.int(3, 200)), us(close), us(created), '', g.pick(['Web', 'Partner Referral', 'Trade Show']),
      g.pick(['New Customer', 'Existing Customer - Upgrade']), sfId('006'), c.id]);
  }
  write('salesforce-opportunities.csv', rows, t.result({ shape: null, customers: customers.length, dateColumn: 'Close Date', key: { id: 'Account ID' }, keyedBy: { id: rows.length - 1, email: 0, phone: 0, name: 0 } }), { quoteAll: true });
}

/** HubSpot deals: the customer is the associated company's name; a deal with none names no customer. */
function hubspot() {
  const g = generator(505);
  const customers = companies(g, 45).map((name) => ({ name, owner: g.pick(REPS) }));
  const t = truth('2024-12-31');
  const rows = [['Record ID', 'Deal Name', 'Deal Stage', 'Close Date', 'Deal owner', 'Amount', 'Associated Company', 'Pipeline', 'Create Date', 'Deal Type']];
  const open = ['Appointment scheduled', 'Qualified to buy', 'Presentation scheduled', 'Decision maker bought-in', 'Contract sent'];
  const stamp = (ms) => dateTime(ms).slice(0, 16);
  let missing = 0;
  let keyedName = 0;
  const named = new Set();
  for (const order of orderTimes(g, customers, 165, START_2023, END_2024)) {
    const c = customers[order.customer];
    const kind = g.weighted({ won: 50, lost: 25, open: 25 });
    const stage = kind === 'won' ? 'Closed won' : kind === 'lost' ? 'Closed lost' : g.pick(open);
    const amount = g.int(8, 120) * 250;
    // A few deals were never associated with a company: they name no customer, and are reported.
    const company = order.customer % 15 === 7 && g.random() < 0.5 ? '' : c.name;
    if (company === '') missing++;
    else {
      keyedName++;
      named.add(company);
      if (kind === 'won') t.purchase(company, order.at, amount);
    }
    rows.push([String(g.int(10_000_000_000, 19_999_999_999)), `${c.name.split(' ')[0]} ${g.pick(['expansion', 'renewal', 'pilot', 'new deal'])}`, stage, stamp(order.at), c.owner,
      String(amount), company, 'Sales Pipeline', stamp(order.at - g.int(10, 90) * DAY), g.pick(['newbusiness', 'existingbusiness'])]);
  }
  t.counts.missingIds = missing;
  write('hubspot-deals.csv', rows, t.result({ shape: null, customers: named.size, dateColumn: 'Close Date', key: { name: 'Associated Company' }, keyedBy: { id: 0, email: 0, phone: 0, name: keyedName } }), { quoteAll: true });
}

/** The UCI Online Retail shape: invoice lines, Quantity × UnitPrice, `C` credit invoices, ids as pandas writes a float column. */
function uci() {
  const g = generator(606);
  const ids = g.distinct(60, () => g.int(12346, 18287));
  const customers = ids.map((id) => ({ id: `${id}.0`, key: String(id), country: g.pick(['United Kingdom', 'United Kingdom', 'United Kingdom', 'France', 'Germany', 'EIRE', 'Spain']) }));
  const t = truth('2011-12-09');
  const rows = [['InvoiceNo', 'StockCode', 'Description', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID', 'Country']];
  const items = [['85123A', 'WHITE HANGING HEART T-LIGHT HOLDER', 2.55], ['71053', 'WHITE METAL LANTERN', 3.39], ['84406B', 'CREAM CUPID HEARTS COAT HANGER', 2.75],
    ['22752', 'SET 7 BABUSHKA NESTING BOXES', 7.65], ['21730', 'GLASS STAR FROSTED T-LIGHT HOLDER', 4.25], ['22633', 'HAND WARMER UNION JACK', 1.85],
    ['84879', 'ASSORTED COLOUR BIRD ORNAMENT', 1.69], ['22745', "POPPY'S PLAYHOUSE BEDROOM ", 2.1], ['48187', 'DOORMAT NEW ENGLAND', 7.95], ['22960', 'JAM MAKING SET WITH JARS', 4.25],
    ['POST', 'POSTAGE', 18], ['22086', "PAPER CHAIN KIT 50'S CHRISTMAS ", 2.95], ['21754', 'HOME BUILDING BLOCK WORD', 5.95], ['84029G', 'KNITTED UNION FLAG HOT WATER BOTTLE', 3.39]];
  const stamp = (ms) => `${parts(ms).m}/${parts(ms).d}/${parts(ms).y} ${parts(ms).h}:${pad(parts(ms).mi)}`;
  let invoice = 536365;
  const orders = orderTimes(g, customers, 48, Date.UTC(2010, 11, 1, 8), Date.UTC(2011, 11, 9, 8));
  // Two invoices a guest bought without an account: their lines have no CustomerID.
  orders.splice(10, 0, { customer: -1, at: orders[10].at });
  orders.splice(40, 0, { customer: -1, at: orders[40].at });
  for (const order of orders) {
    const c = customers[order.customer];
    const credit = c !== undefined && g.random() < 0.1;
    const number = `${credit ? 'C' : ''}${invoice++}`;
    const lines = g.int(2, 6);
    let value = 0;
    for (let l = 0; l < lines; l++) {
      const [code, description, price] = g.pick(items);
      const quantity = (credit ? -1 : 1) * g.pick([1, 2, 3, 4, 6, 12, 24]);
      value += quantity * price;
      rows.push([number, code, description, String(quantity), stamp(order.at), String(price), c ? c.id : '', c ? c.country : 'United Kingdom']);
    }
    if (!c) {
      t.counts.missingIds += lines;
      continue;
    }
    t.counts.linesMerged += lines - 1;
    t.counts.ordersMerged++;
    if (credit) t.refund(c.key, -value);
    else t.purchase(c.key, order.at, value);
  }
  write('uci-online-retail.csv', rows, t.result({ shape: null, customers: customers.length, dateColumn: 'InvoiceDate', key: { id: 'CustomerID' }, keyedBy: null }), { newline: '\n' });
}

/** A Chinese CRM's 商机 export (纷享销客 / 销售易 style): the customer is 客户名称; unsigned deals have no 签约日期. */
function crmCn() {
  const g = generator(707);
  const customers = g.distinct(48, () => `${g.pick(CN_CITY)}${g.pick(['华', '联', '新', '盛', '恒', '瑞'])}${g.pick(['达', '信', '源', '通', '泰'])}${g.pick(CN_TRADE)}有限公司`).map((name) => ({ name, owner: `${g.pick(CN_SURNAME)}${g.pick(CN_GIVEN)}` }));
  const t = truth('2024-12-31');
  const rows = [['商机名称', '客户名称', '成交金额', '签约日期', '销售阶段', '负责人', '所属部门', '创建时间']];
  const open = ['初步接洽', '需求确认', '方案', '商务谈判'];
  for (const order of orderTimes(g, customers, 175, START_2023, END_2024)) {
    const c = customers[order.customer];
    const kind = g.weighted({ won: 50, lost: 20, open: 30 });
    const amount = g.int(2, 60) * 5000;
    const p = parts(order.at);
    if (kind === 'won') t.purchase(c.name, order.at, amount);
    rows.push([`${c.name.slice(2, 6)}${g.pick(['采购项目', '年度合同', '扩容', '续约'])}`, c.name, `¥${amount.toLocaleString('en-US')}.00`, kind === 'open' ? '' : `${p.y}/${p.m}/${p.d}`,
      kind === 'won' ? '赢单' : kind === 'lost' ? '输单' : g.pick(open), c.owner, g.pick(['华东大区', '华南大区', '西南大区']), dateTime(order.at - g.int(15, 90) * DAY)]);
  }
  write('crm-cn.csv', rows, t.result({ shape: null, customers: customers.length, dateColumn: '签约日期', key: { name: '客户名称' }, keyedBy: null }), { encoding: 'utf-8-bom' });
}

/** 淘宝/天猫 卖家中心 order list export: GBK, one row per order, 买家会员名 is the buyer. */
function taobao() {
  const g = generator(808);
  const customers = g.distinct(60, () => `${g.pick(['tb', 'jd', '小', '大', 'happy', 'sun'])}${g.pick(['猫', '鱼', 'lily', '星', 'mm', '豆'])}${g.int(10, 9999)}`).map((nick) => ({
    nick,
    name: `${g.pick(CN_SURNAME)}${g.pick(CN_GIVEN)}`,
    mobile: `1${g.pick(['38', '39', '58', '86', '77'])}${pad(g.int(0, 99_999_999), 8)}`,
    city: g.pick(CN_CITY),
  }));
  const t = truth('2024-12-31');
  const rows = [['订单编号', '买家会员名', '买家支付宝账号', '买家应付货款', '买家应付邮费', '总金额', '买家实际支付金额', '订单状态', '买家留言', '收货人姓名', '收货地址',
    '运送方式', '联系手机', '订单创建时间', '订单付款时间', '宝贝标题', '宝贝种类', '物流单号', '物流公司', '订单备注', '宝贝总数量', '店铺名称', '订单关闭原因']];
  for (const order of orderTimes(g, customers, 200, START_2023, END_2024)) {
    const c = customers[order.customer];
    const status = g.weighted({ 交易成功: 75, '卖家已发货，等待买家确认': 6, 交易关闭: 12, 等待买家付款: 7 });
    const goods = g.money(29, 480);
    const post = goods > 99 ? 0 : 8;
    const paid = status === '交易关闭' || status === '等待买家付款' ? 0 : goods + post;
    if (paid > 0) t.purchase(c.nick, order.at, Math.round(paid * 100) / 100);
    const payAt = paid > 0 ? dateTime(order.at + g.int(1, 40) * 60_000 + (g.random() < 0.3 ? DAY : 0)) : '';
    rows.push([`${g.int(1, 3)}${pad(g.int(0, 99_999_999), 8)}${pad(g.int(0, 99_999_999), 8)}`, c.nick, `${c.mobile.slice(0, 3)}****${c.mobile.slice(7)}`, fixed(goods), fixed(post),
      fixed(goods + post), fixed(paid), status, '', c.name, `浙江省 ${c.city}市 西湖区 文三路${g.int(1, 500)}号`, '快递', c.mobile, dateTime(order.at), payAt,
      g.pick(['手工陶瓷马克杯', '亚麻收纳袋', '冷萃咖啡壶套装', '挂耳咖啡 30 片']), '1', paid > 0 ? `YT${g.int(1e9, 9e9)}` : '', paid > 0 ? '圆通速递' : '', '', String(g.int(1, 3)),
      'Tierwise 旗舰店', status === '交易关闭' ? '买家未付款' : '']);
  }
  write('taobao-orders.csv', rows, t.result({ shape: null, customers: customers.length, dateColumn: '订单创建时间', key: { id: '买家会员名' }, keyedBy: { id: rows.length - 1, email: 0, phone: 0, name: 0 } }), { encoding: 'gbk' });
}

/** 有赞/微店 order export: no buyer id in the file, the buyer is told by the receiver's mobile number. */
function youzan() {
  const g = generator(909);
  const customers = g.distinct(55, () => `1${g.pick(['35', '36', '50', '52', '88'])}${pad(g.int(0, 99_999_999), 8)}`).map((mobile) => ({
    mobile,
    nick: `${g.pick(['小', '阿', '老'])}${g.pick(CN_GIVEN)}${g.int(1, 99)}`,
    name: `${g.pick(CN_SURNAME)}${g.pick(CN_GIVEN)}`,
  }));
  const t = truth('2024-12-31');
  const rows = [['订单号', '订单状态', '下单时间', '付款时间', '买家昵称', '收货人', '收货人手机号', '收货地址', '商品名称', '商品数量', '商品金额合计', '运费', '实付金额', '订单来源']];
  for (const order of orderTimes(g, customers, 190, START_2023, END_2024)) {
    const c = customers[order.customer];
    const status = g.weighted({ 交易成功: 70, 已发货: 10, 待发货: 5, 待付款: 5, 交易关闭: 5, 已退款: 5 });
    const goods = g.money(19, 360);
    const freight = goods >= 88 ? 0 : 10;
    const paid = status === '待付款' || status === '交易关闭' ? 0 : goods + freight;
    if (['交易成功', '已发货', '待发货'].includes(status)) t.purchase(c.mobile, order.at, Math.round(paid * 100) / 100);
    else if (status === '已退款') t.refund(c.mobile);
    const p = parts(order.at);
    rows.push([`E${p.y}${pad(p.m)}${pad(p.d)}${pad(p.h)}${pad(p.mi)}${pad(p.s)}${pad(g.int(0, 999_999), 6)}`, status, dateTime(order.at), paid > 0 ? dateTime(order.at + DAY) : '',
      c.nick, c.name, c.mobile, `四川省 成都市 武侯区 天府大道${g.int(1, 999)}号`, g.pick(['有机大米 5kg', '山茶油礼盒', '手作果酱三连装']), String(g.int(1, 4)), fixed(goods),
      fixed(freight), fixed(paid), g.pick(['微信小程序', '微商城', '直播间'])]);
  }
  write('youzan-orders.csv', rows, t.result({ shape: null, customers: customers.length, dateColumn: '下单时间', key: { phone: '收货人手机号' }, keyedBy: { id: 0, email: 0, phone: rows.length - 1, name: 0 } }), { encoding: 'utf-8-bom' });
}

mkdirSync(OUT, { recursive: true });
for (const make of [shopify, woocommerce, stripe, salesforce, hubspot, uci, crmCn, taobao, youzan]) make();
console.log(`wrote ${OUT}`);
