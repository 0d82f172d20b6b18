import type { Locale } from './index.js';

/**
 * The sentences the server writes into `TW Reason`, `TW Flags` and the pool lists are
 * English (they are cell text, one language for the sheet). The sidebar shows them in the
 * reader's language: a sentence is clauses joined by "; ", and each clause the core can
 * write has a pattern here. A clause no pattern knows stays as written (a test runs the
 * core over random books and checks that every clause it writes is known).
 */
type Rule = readonly [RegExp, (m: RegExpExecArray) => string];

const LEVEL: Record<string, string> = { senior: '资深', mid: '中级', junior: '初级' };
const ZH_RULES: readonly Rule[] = [
  [/^no owner$/i, () => '无负责人'],
  [/^owner '(.+)' is not in the Reps tab$/i, (m) => `负责人“${m[1]}”不在销售名单中`],
  [/^owner (.+) is inactive$/i, (m) => `负责人 ${m[1]} 已停用`],
  [/^the same company is held by (.+) only in part$/i, (m) => `同一公司只有部分客户由 ${m[1]} 负责`],
  [/^the same company is held by (.+)$/i, (m) => `同一公司分属 ${m[1].split(' and ').join('、')}`],
  [/^owner (.+) is a new rep the growth rule keeps from this tier$/i, (m) => `负责人 ${m[1]} 是新人，成长规则不允许其负责该等级`],
  [/^owner (.+) holds (\d+) A-tier customers, over the A cap of (\d+), and fits this one least$/i, (m) => `负责人 ${m[1]} 有 ${m[2]} 个 A 类客户，超过上限 ${m[3]}，且与此客户最不匹配`],
  [/^owner (.+) holds (\d+) customers, over the capacity of (\d+), and fits this one least$/i, (m) => `负责人 ${m[1]} 有 ${m[2]} 个客户，超过保有量 ${m[3]}，且与此客户最不匹配`],
  [/^rebalance$/i, () => '重新平衡'],
  [/^([ABC]) tier → (senior|mid|junior) rep$/i, (m) => `${m[1]} 类 → ${LEVEL[m[2].toLowerCase()]}销售`],
  [/^same region \((.*)\)$/i, (m) => `同区域（${m[1]}）`],
  [/^same industry \((.*)\)$/i, (m) => `同行业（${m[1]}）`],
  [/^keeps current owner$/i, () => '保留现负责人'],
  [/^next in rotation$/i, () => '按轮转顺序'],
  [/^lowest load by count among eligible reps$/i, () => '合格销售中客户数最少'],
  [/^lowest load by score among eligible reps$/i, () => '合格销售中总分最低'],
  [/^one owner for the (\d+) customers of this company$/i, (m) => `同一公司的 ${m[1]} 个客户由同一人负责`],
  [/^stays in the pool for a rep to claim$/i, () => '留在公海，等待销售认领'],
  [/^not placed: (.+)$/i, (m) => `未能分配：${translateClause(m[1], ZH_RULES)}`],
  [/^no eligible rep has room for all (\d+) customers of this company$/i, (m) => `没有合格销售能容纳该公司全部 ${m[1]} 个客户`],
  [/^all eligible reps at their A-tier cap$/i, () => '合格销售的 A 类客户均已达上限'],
  [/^all eligible reps at capacity$/i, () => '合格销售均已达保有量上限'],
  [/^no active rep$/i, () => '没有在职销售'],
  [/^no active rep in region (.+)$/i, (m) => `区域 ${m[1]} 没有在职销售`],
  [/^no active rep in industry (.+)$/i, (m) => `行业 ${m[1]} 没有在职销售`],
  [/^no region given, and settings require a rep of the customer’s region$/i, () => '未填写区域，而设置要求同区域销售'],
  [/^no industry given, and settings require a rep of the customer’s industry$/i, () => '未填写行业，而设置要求同行业销售'],
  [/^every rep who could take it is away$/i, () => '可接手的销售都在休假'],
  [/^growth rule: the reps who could take it started less than (\d+) days ago and may hold only tier (.+) customers$/i, (m) => `成长规则：可接手的销售入职不满 ${m[1]} 天，只能负责 ${m[2]} 类客户`],
  [/^cooldown: recycled from (.+), who may take it back from (\d{4}-\d{2}-\d{2})$/i, (m) => `冷却期：从 ${m[1]} 处回收，${m[2]} 起可再分给他`],
  [/^no activity for (\d+) days$/i, (m) => `${m[1]} 天无跟进`],
  [/^no won deal for (\d+) days$/i, (m) => `${m[1]} 天无成交`],
  [/^tier dropped from ([ABC]) to ([ABC])$/i, (m) => `等级从 ${m[1]} 降至 ${m[2]}`],
  [/^flagged on (\d{4}-\d{2}-\d{2})$/i, (m) => `${m[1]} 预警`],
  [/^recycles on (\d{4}-\d{2}-\d{2}) unless contacted$/i, (m) => `若不跟进，将于 ${m[1]} 回收`],
  [/^recycles at the next run unless contacted \(limit of (\d+) per run reached\)$/i, (m) => `若不跟进，下次运行时回收（已达每次 ${m[1]} 个的上限）`],
  [/^recycles at the next run unless contacted$/i, () => '若不跟进，下次运行时回收'],
];

function translateClause(clause: string, rules: readonly Rule[]): string {
  for (const [pattern, render] of rules) {
    const match = pattern.exec(clause);
    if (match) return render(match);
  }
  return clause;
}

/** A reason in the reader's language; English as written. */
export function localizeReason(text: string, locale: Locale): string {
  if (locale === 'en' || text === '') return text;
  return text
    .split('; ')
    .map((clause) => translateClause(clause, ZH_RULES))
    .join('；');
}

/** The clauses of `text` no Chinese pattern knows (for the coverage test). */
export function unknownClauses(text: string): string[] {
  return text.split('; ').filter((clause) => translateClause(clause, ZH_RULES) === clause);
}
