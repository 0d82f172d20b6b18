import type { RescoreOutcome } from '../app/rescore.js';
import type { Summary } from '../app/summary.js';
import type { Issue } from '../core/issue.js';

const TOP_CUSTOMERS = 5;
const LISTED = 12;

/** A line for each of the first LISTED items, then how many more the JSON summary holds (only those shown are formatted). */
export function listed<T>(items: readonly T[], line: (item: T) => string): string[] {
  const lines = items.slice(0, LISTED).map((item) => `  ${line(item)}`);
  if (items.length > LISTED) lines.push(`  … and ${items.length - LISTED} more (--json lists them all)`);
  return lines;
}

/** The short summary a person reads after a command, in plain lines. */
export function describeRescore(summary: Summary, outcome: RescoreOutcome, book: string): string {
  const lines: string[] = [];
  lines.push(`Scored ${summary.customers} customers of ${book} as of ${summary.asOf}.`);
  if (summary.output) lines.push(`Results written to ${summary.output}`);
  lines.push('', summary.score?.tiered === false ? `Tiers      none: every customer has the same score` : `Tiers      A ${summary.tiers.A} · B ${summary.tiers.B} · C ${summary.tiers.C}`);
  if (summary.score) lines.push(`Scored on  ${describeDimensions(summary.score)}`);
  if (summary.movement) lines.push(`Since last  ${summary.movement.up} up a tier, ${summary.movement.down} down, ${summary.movement.new} new`);
  const segments = Object.entries(summary.segments).sort((a, b) => b[1] - a[1]);
  if (segments.length) lines.push(`Segments   ${segments.map(([name, count]) => `${name} ${count}`).join(' · ')}`);

  if (summary.clv) lines.push(`CLV        ${describeClv(summary.clv)}`);

  const { customers, scores, tiers, why } = outcome.scores;
  const names = customers.text(customers.columns.name);
  const order = Array.from(scores.keys()).sort((a, b) => scores[b] - scores[a] || customers.ids[a].localeCompare(customers.ids[b]));
  lines.push('', 'Top customers');
  for (const k of order.slice(0, TOP_CUSTOMERS)) {
    lines.push(`  ${customers.ids[k]}  ${names[k] ?? ''}  ${scores[k].toFixed(2)} (${tiers[k] ?? 'no tier'})`, `      why: ${why[k]}`);
  }
  if (summary.notes.length) lines.push('', 'Notes', ...summary.notes.map((n) => `  ${n}`));
  lines.push('', describeIssues(summary.issues));
  return `${lines.join('\n')}\n`;
}

/** "spend 31% · orders 23% · …", each dimension's share of the weight, and where they came from. */
function describeDimensions(score: NonNullable<Summary['score']>): string {
  const total = score.dimensions.reduce((sum, d) => sum + d.weight, 0);
  const used = score.dimensions.filter((d) => d.weight > 0).map((d) => `${d.label} ${Math.round((100 * d.weight) / total)}%`);
  if (used.length === 0) return 'nothing: no dimension of the score has a column in this book';
  return `${used.join(' · ')}${score.fromDeals ? ' (from the deals)' : ''}`;
}

function describeClv(clv: NonNullable<Summary['clv']>): string {
  const horizon = `${Number(clv.horizon.toFixed(2))} ${clv.unit}`;
  const m = clv.model;
  // An untrusted fit shows its parameters to three significant figures, so a value run off to 1e-8 or 4e+4 reads as such.
  if (!clv.reliable && m) {
    const fit = `BG/NBD r ${m.r.toPrecision(3)} α ${m.alpha.toPrecision(3)} a ${m.a.toPrecision(3)} b ${m.b.toPrecision(3)}`;
    const spend = clv.spend ? `, Gamma-Gamma p ${clv.spend.p.toPrecision(3)} q ${clv.spend.q.toPrecision(3)} γ ${clv.spend.gamma.toPrecision(3)}` : '';
    return `not reliable: ${fit}${spend} per ${clv.unit.replace(/s$/, '')}. ${clv.fallbackReason}`;
  }
  if (!m?.converged) return `historical value, not reliable (${clv.fallbackReason})`;
  const fit = `BG/NBD r ${m.r.toFixed(3)} α ${m.alpha.toFixed(3)} a ${m.a.toFixed(3)} b ${m.b.toFixed(3)} per ${clv.unit.replace(/s$/, '')}`;
  const spend = clv.spend ? `, Gamma-Gamma p ${clv.spend.p.toFixed(2)} q ${clv.spend.q.toFixed(2)} γ ${clv.spend.gamma.toFixed(2)}` : '';
  return `${fit}${spend}; horizon ${horizon}; ${clv.churnRisk} flagged as churn risk`;
}

export function describeIssues(issues: readonly Issue[]): string {
  if (issues.length === 0) return 'No issues found.';
  return [`Issues (${issues.length}): cells we could not read, handled as stated`, ...listed(issues, (i) => `${i.tab} row ${i.row}, ${i.column}: ${i.message}`)].join('\n');
}
