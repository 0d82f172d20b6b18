import type { Summary } from '../app/summary.js';
import { describeIssues, listed } from './report.js';

function written(summary: Summary): string[] {
  return summary.output ? [`Written to ${summary.output}`] : ['Dry run: nothing was written.'];
}

export function describePropose(summary: Summary, book: string): string {
  const a = summary.assign!;
  const lines = [
    `Proposed owners for ${book} as of ${summary.asOf} (${a.strategy}${a.rebalance ? ', rebalance' : ''}), run ${a.runId}.`,
    ...written(summary),
    '',
    `Proposals  ${a.proposed} (${a.changes} change the owner), ${a.unplaced.length} could not be placed, ${a.kept} keep their owner`,
    `Fit        ${a.objective} in total · Gini of score across reps ${a.gini}`,
    '',
    'Per rep (after the proposals)',
    ...a.perRep.map((r) => `  ${r.rep}${r.active ? '' : ' (inactive: gets no proposals)'}: ${r.count}${r.capacity === null ? '' : `/${r.capacity}`} customers (+${r.proposed} proposed), ${r.aCount} A, score ${r.score}`),
  ];
  if (a.unplaced.length) lines.push('', 'Not placed', ...listed(a.unplaced, (u) => `${u.customerId}: ${u.reason}`));
  lines.push('', `Review TW Proposed Owner and TW Reason, then: tierwise apply ${summary.output ?? book} [--only ID,…]`);
  lines.push('', describeIssues(summary.issues));
  return `${lines.join('\n')}\n`;
}

export function describeApply(summary: Summary): string {
  const a = summary.apply!;
  const lines = [`Applied ${a.applied} proposals of run ${a.runId} to the Owner column.`, ...written(summary)];
  if (a.skipped.length) lines.push('', 'Not applied', ...listed(a.skipped, (s) => `${s.customerId}: ${s.reason}`));
  return `${lines.join('\n')}\n`;
}

export function describeUndo(summary: Summary): string {
  const u = summary.undo!;
  const lines = [`Undid the last apply of run ${u.runId}: ${u.reverted} owners put back.`, ...written(summary)];
  if (u.skipped.length) lines.push('', 'Left alone', ...listed(u.skipped, (s) => `${s.customerId}: ${s.reason}`));
  return `${lines.join('\n')}\n`;
}

/** Each stale customer is counted once: recycled, newly warned, still in its warning period, or deferred by the cap. */
export function describeRecycle(summary: Summary): string {
  const r = summary.recycle!;
  const verb = r.dryRun ? 'would be' : 'were';
  const stale = (w: (typeof r.warned)[number]) => `${w.customerId} (${w.owner}): ${w.reasons.join('; ')}`;
  const lines = [
    `Pool as of ${summary.asOf}${r.dryRun ? ' (dry run)' : `, run ${r.runId}`}: ${r.recycled.length} customers ${verb} recycled, ${r.newWarnings.length} newly warned, ` +
      `${r.warned.length} still in their warning period, ${r.deferred.length} due but left for the next run (pool.maxPerRun).`,
    ...written(summary),
  ];
  if (r.recycled.length) lines.push('', 'Recycled', ...listed(r.recycled, (c) => `${c.customerId} from ${c.from}: ${c.reason}`));
  if (r.deferred.length) lines.push('', 'Due, left for the next run', ...listed(r.deferred, (w) => `${stale(w)}; due since ${w.recycleOn}`));
  if (r.newWarnings.length) lines.push('', 'Newly warned', ...listed(r.newWarnings, (w) => `${stale(w)}; recycles on ${w.recycleOn} unless contacted`));
  if (r.warned.length) lines.push('', 'Still in their warning period', ...listed(r.warned, (w) => `${stale(w)}; recycles on ${w.recycleOn} unless contacted`));
  lines.push('', describeIssues(summary.issues));
  return `${lines.join('\n')}\n`;
}

export function describeClaim(summary: Summary): string {
  const c = summary.claim!;
  const company = c.sameCompany.length ? ` With it, the same company's ${c.sameCompany.join(', ')}.` : '';
  return `${[`${c.rep} claimed ${c.customerId} from the pool${c.from ? ` (Owner was '${c.from}')` : ''}.${company}`, ...written(summary)].join('\n')}\n`;
}
