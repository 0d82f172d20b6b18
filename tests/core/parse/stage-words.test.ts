import { describe, expect, it } from 'vitest';
import { MISSING } from '../../../src/core/parse/failure.js';
import { type Stage, parseStage } from '../../../src/core/parse/stages.js';

// The stage words, grouped by where a book gets them (stages.ts, docs/exports.md): a deal
// read with the wrong stage is counted as a purchase it was not, or left out when it was one.

/** Each word beside the stage it reads as, so a failure names the word. */
function expectStages(words: readonly string[], stage: Stage): void {
  expect(Object.fromEntries(words.map((word) => [word, parseStage(word)]))).toEqual(Object.fromEntries(words.map((word) => [word, stage])));
}

describe('Salesforce opportunities', () => {
  it('reads every default stage before closing as open', () => {
    expectStages(['Prospecting', 'Qualification', 'Needs Analysis', 'Value Proposition', 'Id. Decision Makers', 'Perception Analysis', 'Proposal/Price Quote', 'Negotiation/Review'], 'open');
  });

  it('reads Closed Won as won and Closed Lost as lost, however the words are joined', () => {
    expectStages(['Closed Won', 'closed-won', 'ClosedWon', 'CLOSED_WON'], 'won');
    expectStages(['Closed Lost', 'closed-lost', 'ClosedLost', 'CLOSED_LOST'], 'lost');
  });

  it('reads the forecast categories of a deal still in play as open', () => {
    expectStages(['Pipeline', 'Commit'], 'open');
  });
});

describe('HubSpot deals', () => {
  it('reads every stage of the default pipeline before closing as open', () => {
    expectStages(['Appointment Scheduled', 'Qualified To Buy', 'Presentation Scheduled', 'Decision Maker Bought-In', 'Contract Sent'], 'open');
  });

  it('reads the internal stage ids its API and some exports write the same way', () => {
    expectStages(['appointmentscheduled', 'qualifiedtobuy', 'presentationscheduled', 'decisionmakerboughtin', 'contractsent'], 'open');
    expectStages(['closedwon'], 'won');
    expectStages(['closedlost'], 'lost');
  });
});

describe('Shopify orders', () => {
  it('reads an order not yet paid in full as open', () => {
    expectStages(['pending', 'authorized', 'partially_paid'], 'open');
  });

  it('reads a paid or fulfilled order as a purchase', () => {
    expectStages(['paid', 'fulfilled'], 'won');
  });

  it('reads an order refunded or voided as a refund', () => {
    expectStages(['refunded', 'partially_refunded', 'voided'], 'refunded');
  });
});

describe('WooCommerce orders', () => {
  it('reads an order still awaiting payment as open', () => {
    expectStages(['Pending payment', 'On hold', 'on-hold'], 'open');
  });

  it('reads Processing (paid, awaiting fulfilment) and Completed as purchases', () => {
    expectStages(['Processing', 'Completed'], 'won');
  });

  it('reads Cancelled and Failed as lost, Refunded as a refund', () => {
    expectStages(['Cancelled', 'Failed'], 'lost');
    expectStages(['Refunded'], 'refunded');
  });
});

describe('card payments (Stripe and other processors)', () => {
  it('reads a payment that succeeded as a purchase and one that failed as lost', () => {
    expectStages(['Succeeded', 'Paid'], 'won');
    expectStages(['Failed', 'Payment Failed'], 'lost');
  });

  it('reads money taken back by the card holder or the processor as a refund', () => {
    expectStages(['Disputed', 'Chargeback', 'Charged back', 'Reversed', 'Void'], 'refunded');
  });

  it('reads a payment still awaited as open', () => {
    expectStages(['Awaiting payment', 'Unpaid'], 'open');
  });
});

describe('淘宝/天猫 orders', () => {
  it('reads a paid order, shipped or not, and a finished one as purchases', () => {
    expectStages(['买家已付款，等待卖家发货', '卖家已发货，等待买家确认', '交易成功'], 'won');
  });

  it('reads a status written with a half-width comma the same', () => {
    expectStages(['买家已付款,等待卖家发货', '卖家已发货, 等待买家确认'], 'won');
  });

  it('reads an order awaiting payment as open and a closed trade as lost', () => {
    expectStages(['等待买家付款'], 'open');
    expectStages(['交易关闭', '交易關閉'], 'lost');
  });
});

describe('有赞/微店 orders', () => {
  it('reads a paid order, shipped or waiting to ship, and a finished one as purchases', () => {
    expectStages(['待发货', '已发货', '已签收', '交易成功', '交易完成'], 'won');
  });

  it('reads an order awaiting payment as open, a closed one as lost and a refunded one as a refund', () => {
    expectStages(['待付款'], 'open');
    expectStages(['已关闭', '已關閉'], 'lost');
    expectStages(['已退款', '退款中', '退款成功'], 'refunded');
  });
});

describe('Chinese CRMs and hand-kept Chinese sheets (simplified)', () => {
  it('reads a signed, won or paid deal as won', () => {
    expectStages(['赢单', '赢', '成交', '已成交', '签约', '已签约', '签单', '已签单', '已付款', '已回款', '完成', '已完成', '成功'], 'won');
  });

  it('reads a lost, cancelled or voided deal as lost', () => {
    expectStages(['输单', '输', '丢单', '失败', '流失', '取消', '已取消', '作废', '付款失败', '支付失败'], 'lost');
  });

  it('reads every step of following up a deal as open', () => {
    expectStages(
      ['进行中', '跟进中', '洽谈中', '谈判中', '商务谈判', '谈判', '报价', '已报价', '方案', '意向', '初步接洽', '需求确认', '试用', '待定', '未付款', '等待付款'],
      'open',
    );
  });

  it('reads money or goods sent back as a refund', () => {
    expectStages(['退款', '已退款成功', '全额退款', '部分退款', '退货', '已退货'], 'refunded');
  });
});

describe('Chinese CRMs and hand-kept Chinese sheets (traditional)', () => {
  it('reads the traditional spellings as their simplified twins', () => {
    expectStages(['贏單', '贏', '簽約', '已簽約', '簽單', '已簽單'], 'won');
    expectStages(['輸單', '輸', '丟單', '失敗', '作廢'], 'lost');
    expectStages(['進行中', '跟進中', '洽談中', '談判中', '商務談判', '談判', '報價', '已報價', '需求確認', '試用'], 'open');
    expectStages(['退貨', '已退貨'], 'refunded');
  });
});

describe('hand-kept English sheets', () => {
  it('reads a deal won, signed or complete as won', () => {
    expectStages(['Won', 'Win', 'Won deal', 'Signed', 'Complete', 'Success', 'Successful', 'Shipped', 'Delivered'], 'won');
  });

  it('reads a deal lost, cancelled, rejected or dead as lost', () => {
    expectStages(['Lost', 'Lose', 'Lost deal', 'Canceled', 'Rejected', 'Dead'], 'lost');
  });

  it('reads a deal being worked on as open', () => {
    expectStages(['Open', 'In progress', 'Active', 'Qualified', 'Discovery', 'Proposal', 'Quote', 'Quoted', 'Negotiation', 'Demo', 'Trial', 'Forecast'], 'open');
  });

  it('reads an order sent back or refunded as a refund', () => {
    expectStages(['Refund', 'Partially refunded', 'Returned', 'Return'], 'refunded');
  });
});

describe('how a stage may be written', () => {
  it('ignores case, spaces, underscores, hyphens and full-width forms', () => {
    expectStages(['CLOSED WON', ' closed won ', 'Closed__Won', 'ＣＬＯＳＥＤ　ＷＯＮ', 'Won-Deal'], 'won');
    expectStages(['IN_PROGRESS', 'in-progress', 'ＩＮ ＰＲＯＧＲＥＳＳ', 'Decision-Maker-Bought-In'], 'open');
  });

  it('refuses Closed alone, which does not say whether the deal was won', () => {
    expect(parseStage('Closed')).toEqual({ kind: 'invalid', message: "'Closed' is not a deal stage (use won, lost or open)" });
  });

  it('leaves an empty text cell blank rather than reading it as a stage', () => {
    expect(parseStage('')).toBe(MISSING);
  });
});
