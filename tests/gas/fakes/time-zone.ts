/**
 * Wall-clock time in an IANA time zone, through Intl (Node ships full ICU), as Sheets and
 * Utilities.formatDate see it.
 */
export interface WallTime {
  readonly year: number;
  readonly month: number; // 1..12
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly millisecond: number;
  readonly weekday: number; // 1 = Monday .. 7 = Sunday (ISO)
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', second: '2-digit', weekday: 'short',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function isTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/**
 * Remembered per zone and instant: a rescore writes the same as-of day into 50,000 cells,
 * and Intl's formatToParts (microseconds a call) would otherwise be most of the stand-ins'
 * time in the benchmark. The memory is bounded so a long test run cannot grow it forever.
 */
const wallTimes = new Map<string, Map<number, WallTime>>();
const WALL_TIMES_KEPT = 100_000;

export function wallTime(ms: number, timeZone: string): WallTime {
  let zone = wallTimes.get(timeZone);
  if (!zone) wallTimes.set(timeZone, (zone = new Map()));
  const known = zone.get(ms);
  if (known) return known;
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(ms)) parts[part.type] = part.value;
  const time: WallTime = Object.freeze({
    year: Number(parts.year), month: Number(parts.month), day: Number(parts.day),
    hour: Number(parts.hour), minute: Number(parts.minute), second: Number(parts.second),
    millisecond: ((ms % 1000) + 1000) % 1000, weekday: WEEKDAYS.indexOf(parts.weekday ?? '') + 1,
  });
  if (zone.size >= WALL_TIMES_KEPT) zone.clear();
  zone.set(ms, time);
  return time;
}

/** Offset of `timeZone` from UTC at instant `ms`, in ms (Tokyo: +9 h). */
export function zoneOffset(ms: number, timeZone: string): number {
  const t = wallTime(ms, timeZone);
  return Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second, t.millisecond) - ms;
}

/** The instant at which the clocks of `timeZone` show this wall time (the earlier one in a DST overlap). */
export function instantOf(year: number, month: number, day: number, hour: number, minute: number, second: number, timeZone: string): number {
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  const first = asUtc - zoneOffset(asUtc, timeZone);
  return asUtc - zoneOffset(first, timeZone);
}
