/**
 * The environment's clock. Nothing advances it but the test (`set`, `advance`), the
 * stand-ins that wait (`Utilities.sleep`, a lock wait) and, when the environment is asked
 * to, each service call (`msPerCall`), so time-dependent behaviour is deterministic.
 */
export class FakeClock {
  private current: number;
  /** A `Date` whose no-argument constructor and `Date.now()` read this clock. */
  readonly Date: DateConstructor;

  constructor(start: Date | string | number) {
    this.current = toMs(start);
    this.Date = clockDate(() => this.current);
  }

  now(): number {
    return this.current;
  }

  set(time: Date | string | number): void {
    this.current = toMs(time);
  }

  advance(ms: number): void {
    if (!(ms >= 0)) throw new RangeError(`the fake clock only moves forward, not by ${ms} ms`);
    this.current += ms;
  }
}

function toMs(time: Date | string | number): number {
  const ms = typeof time === 'number' ? time : new Date(time).getTime();
  if (!Number.isFinite(ms)) throw new RangeError(`not a point in time: ${String(time)}`);
  return ms;
}

/**
 * A drop-in `Date`: `new Date()` and `Date.now()` read `now`; every other form is the
 * native one. It shares the native prototype, so `x instanceof Date` is true for every
 * date whichever constructor made it, and called without `new` it returns a string as
 * the native `Date()` does.
 */
function clockDate(now: () => number): DateConstructor {
  function ClockDate(this: unknown, ...args: unknown[]): Date | string {
    if (!new.target) return new Date(now()).toString();
    if (args.length === 0) return Reflect.construct(Date, [now()], new.target) as Date;
    // The same object Reflect.construct would make (the prototypes are one), without its
    // cost on the half a million date cells a benchmark read hands out.
    if (new.target === ClockDate && args.length === 1) return new Date(args[0] as number);
    return Reflect.construct(Date, args, new.target) as Date;
  }
  ClockDate.prototype = Date.prototype;
  Object.defineProperty(ClockDate, 'name', { value: 'Date' });
  Object.assign(ClockDate, { now, parse: Date.parse, UTC: Date.UTC });
  return ClockDate as unknown as DateConstructor;
}
