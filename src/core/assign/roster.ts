import type { AssignSettings } from '../settings/assign.js';
import type { Tier } from '../score/tiers.js';
import { matchKey } from './customer.js';
import type { Rep } from './rep.js';

/** A rep with everything assignment asks about it settled once for the as-of day. */
export interface RosterRep {
  readonly rep: Rep;
  /** Position in the roster (reps in name order). */
  readonly index: number;
  readonly regions: ReadonlySet<string>;
  readonly industries: ReadonlySet<string>;
  /** The rep's own cap or the settings default; null = no cap. */
  readonly capacity: number | null;
  /** Never above capacity: the A cap is nested inside the holding limit. */
  readonly aCap: number | null;
  /** Away on the as-of day: keeps its customers, gets no new ones. */
  readonly away: boolean;
  /** Tiers the growth rule lets a new rep hold; null when the rule does not apply. */
  readonly growthTiers: ReadonlySet<Tier> | null;
}

export interface Roster {
  readonly reps: readonly RosterRep[];
  readonly asOfDay: number;
  /** The rep an Owner cell (or a cooldown) names, by name or e-mail, trimmed, any case. */
  find(text: string): RosterRep | undefined;
}

export function makeRoster(reps: readonly Rep[], settings: AssignSettings, asOfDay: number): Roster {
  const sorted = [...reps].sort((a, b) => compareText(a.name, b.name));
  const byKey = new Map<string, RosterRep>();
  const roster = sorted.map((rep, index): RosterRep => {
    const capacity = rep.capacity ?? settings.defaultCapacity;
    const ownACap = rep.aCap ?? settings.defaultACap;
    const aCap = ownACap === null ? capacity : capacity === null ? ownACap : Math.min(ownACap, capacity);
    const entry: RosterRep = {
      rep,
      index,
      regions: new Set(rep.regions.map(matchKey)),
      industries: new Set(rep.industries.map(matchKey)),
      capacity,
      aCap,
      away: isAway(rep, asOfDay),
      growthTiers: isNew(rep, settings, asOfDay) ? new Set(settings.growth.tiers) : null,
    };
    // The first rep of a name or e-mail wins; parseReps reports the later ones.
    for (const key of [ownerKey(rep.name), ownerKey(rep.email)]) if (key !== '' && !byKey.has(key)) byKey.set(key, entry);
    return entry;
  });
  return { reps: roster, asOfDay, find: (text) => byKey.get(ownerKey(text)) };
}

/** An Owner cell names a rep by name or e-mail, trimmed, in any case (DESIGN §5). */
export function ownerKey(text: string): string {
  return text.trim().toLowerCase();
}

/** Away from `awayFrom` to `awayTo`, both days included; an open end runs on. */
export function isAway(rep: Rep, day: number): boolean {
  if (rep.awayFrom === null && rep.awayTo === null) return false;
  return (rep.awayFrom === null || rep.awayFrom <= day) && (rep.awayTo === null || day <= rep.awayTo);
}

function isNew(rep: Rep, settings: AssignSettings, day: number): boolean {
  return settings.growth.days > 0 && rep.startDay !== null && day - rep.startDay < settings.growth.days;
}

/** Name order that does not depend on the platform's locale tables. */
export function compareText(a: string, b: string): number {
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  if (la !== lb) return la < lb ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
