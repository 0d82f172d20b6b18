import type { Cell } from '../table.js';
import type { Parsed } from './failure.js';
import { lookUp, vocabulary } from './vocabulary.js';

export type Stage = 'won' | 'lost' | 'open' | 'refunded';

/**
 * Deal stages as CRMs and hand-kept sheets name them. Every named pipeline step before
 * closing (Salesforce's default stages, the usual Chinese ones) is `open`. `Closed` alone
 * is not listed: it does not say whether the deal was won.
 */
const STAGES = vocabulary<Stage>(
  [
    // Shop statuses once paid: WooCommerce's `processing` is "payment received, awaiting fulfilment"; 淘宝's 交易成功 and the
    // paid-but-not-confirmed 卖家已发货，等待买家确认; 有赞's 已发货 / 待发货 (paid, not yet shipped).
    ['won', ['won', 'win', 'closed won', 'closed-won', 'won deal', 'signed', 'paid', 'completed', 'complete', 'success', 'successful', 'succeeded',
      'processing', 'shipped', 'delivered', 'fulfilled',
      '赢单', '赢', '成交', '已成交', '签约', '已签约', '签单', '已签单', '已付款', '已回款', '完成', '已完成', '成功',
      '交易成功', '交易完成', '已发货', '待发货', '已签收', '卖家已发货，等待买家确认', '买家已付款，等待卖家发货',
      '贏單', '贏', '簽約', '已簽約', '簽單', '已簽單']],
    ['lost', ['lost', 'lose', 'closed lost', 'closed-lost', 'lost deal', 'cancelled', 'canceled', 'rejected', 'failed', 'dead',
      '输单', '输', '丢单', '失败', '流失', '取消', '已取消', '作废',
      '輸單', '輸', '丟單', '失敗', '作廢', 'payment failed', '付款失败', '支付失败', '交易关闭', '交易關閉', '已关闭', '已關閉']],
    // Not yet paid: Shopify's `authorized` / `partially_paid`, WooCommerce's `on hold` / `pending payment`, 淘宝's 等待买家付款;
    // HubSpot's default pipeline stages before closing.
    ['open', ['open', 'pending', 'in progress', 'active', 'authorized', 'partially paid', 'on hold', 'pending payment', 'awaiting payment', 'unpaid',
      'appointment scheduled', 'qualified to buy', 'presentation scheduled', 'decision maker bought in', 'contract sent',
      '等待买家付款', '待付款', '未付款', '等待付款', 'prospecting', 'qualification', 'qualified', 'discovery', 'needs analysis',
      'value proposition', 'id. decision makers', 'perception analysis', 'proposal', 'proposal/price quote', 'quote', 'quoted',
      'negotiation', 'negotiation/review', 'demo', 'trial', 'commit', 'forecast', 'pipeline',
      '进行中', '跟进中', '洽谈中', '谈判中', '商务谈判', '谈判', '报价', '已报价', '方案', '意向', '初步接洽', '需求确认', '试用', '待定',
      '進行中', '跟進中', '洽談中', '談判中', '商務談判', '談判', '報價', '已報價', '需求確認', '試用']],
    // Money that came back (issue 10 item 4): not a purchase, whatever the amount says.
    ['refunded', ['refunded', 'refund', 'partially refunded', 'returned', 'return', 'voided', 'void', 'reversed', 'charged back', 'chargeback', 'disputed',
      '退款', '已退款', '退款成功', '退款中', '退货', '已退货', '退貨', '已退貨', '已退款成功', '全额退款', '部分退款']],
  ],
  'a deal stage (use won, lost or open)',
);

export function parseStage(cell: Cell): Parsed<Stage> {
  return lookUp(cell, STAGES);
}
