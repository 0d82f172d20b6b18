import { formatDay } from '../parse/days.js';
import type { AssignSettings } from '../settings/assign.js';
import { BARRIERS, type Barrier, barrier } from './eligibility.js';
import type { Room } from './room.js';
import type { Roster } from './roster.js';
import { type Unit, unitBarrier } from './units.js';

/**
 * Why a unit could not be placed, in the words of issue 4 ("no active rep in region
 * West", "all eligible reps at capacity", "growth rule", "cooldown"). Reps are checked
 * in the order of BARRIERS; the sentence names the furthest check any rep passed, so
 * it points at what would have to change.
 */
export function unplacedReason(unit: Unit, roster: Roster, settings: AssignSettings, room: Room): string {
  let furthest = -1;
  let withRoomA = false;
  let eligibleCount = 0;
  for (const rep of roster.reps) {
    const found = unitBarrier(rep, unit, settings);
    if (found !== null) {
      furthest = Math.max(furthest, BARRIERS.indexOf(found));
      continue;
    }
    eligibleCount++;
    if (room.total[rep.index] >= unit.size) withRoomA = true;
  }
  if (eligibleCount > 0) {
    if (unit.size > 1) return `no eligible rep has room for all ${unit.size} customers of this company`;
    return withRoomA ? 'all eligible reps at their A-tier cap' : 'all eligible reps at capacity';
  }
  if (furthest < 0) return 'no active rep';
  return barrierSentence(BARRIERS[furthest], unit, roster, settings);
}

function barrierSentence(stop: Barrier, unit: Unit, roster: Roster, settings: AssignSettings): string {
  const member = unit.members[0];
  switch (stop) {
    case 'inactive':
      return 'no active rep';
    case 'region':
    case 'industry':
      return coverageSentence(stop, unit, roster, settings);
    case 'away':
      return 'every rep who could take it is away';
    case 'growth':
      return `growth rule: the reps who could take it started less than ${settings.growth.days} days ago and may hold only tier ${settings.growth.tiers.join(', ')} customers`;
    case 'cooldown': {
      const cooling = unit.members.find((m) => m.cooldownFrom.size > 0) ?? member;
      const [index, until] = [...cooling.cooldownFrom.entries()][0];
      return `cooldown: recycled from ${roster.reps[index].rep.name}, who may take it back from ${formatDay(until)}`;
    }
  }
}

/**
 * The region (or industry) no active rep covers: that of the first member, with one named,
 * every rep stops at, at this check or before it. A company with rows in East and West where
 * only West has no rep is "no active rep in region West", not its first row's East; when
 * each of its regions has a rep but no rep has all of them, the sentence says so.
 */
function coverageSentence(check: 'region' | 'industry', unit: Unit, roster: Roster, settings: AssignSettings): string {
  const limit = BARRIERS.indexOf(check);
  const blocked = unit.members.filter((m) =>
    roster.reps.every((rep) => {
      const found = barrier(rep, m, settings);
      return found !== null && BARRIERS.indexOf(found) <= limit;
    }),
  );
  const value = blocked.map((m) => m[check].trim()).find((v) => v !== '');
  if (value) return `no active rep in ${check} ${value}`;
  if (blocked.length > 0) return `no ${check} given, and settings require a rep of the customer’s ${check}`;
  const values = [...new Set(unit.members.map((m) => m[check].trim()).filter((v) => v !== ''))];
  return `no active rep covers every ${check} of this company (${values.join(', ')})`;
}
