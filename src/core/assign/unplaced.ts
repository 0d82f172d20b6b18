import { formatDay } from '../parse/days.js';
import type { AssignSettings } from '../settings/assign.js';
import { BARRIERS, type Barrier } from './eligibility.js';
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

function barrierSentence(barrier: Barrier, unit: Unit, roster: Roster, settings: AssignSettings): string {
  const member = unit.members[0];
  switch (barrier) {
    case 'inactive':
      return 'no active rep';
    case 'region': {
      const region = unit.members.find((m) => m.region.trim() !== '')?.region.trim();
      return region ? `no active rep in region ${region}` : 'no region given, and settings require a rep of the customer’s region';
    }
    case 'industry': {
      const industry = unit.members.find((m) => m.industry.trim() !== '')?.industry.trim();
      return industry ? `no active rep in industry ${industry}` : 'no industry given, and settings require a rep of the customer’s industry';
    }
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
