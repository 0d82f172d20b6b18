/**
 * How the stand-ins create the values a script sees: errors and dates.
 *
 * Apps Script service errors are plain `Error`s whose `name` is 'Exception' (they print as
 * "Exception: …"). A script in a `node:vm` context checks `e instanceof Error` against the
 * context's own `Error`, so once a context exists, `useContext` makes the stand-ins throw
 * that realm's errors. Dates are created with the fake-clock `Date` that the environment
 * also puts into the context as its global `Date`, so `instanceof Date` holds both in the
 * script and in the test.
 */
export class Realm {
  private errorType: ErrorConstructor = Error;

  constructor(readonly Date: DateConstructor) {}

  useErrorType(errorType: ErrorConstructor): void {
    this.errorType = errorType;
  }

  /** Throws an Apps Script style exception. */
  fail(message: string): never {
    const error = new this.errorType(message);
    error.name = 'Exception';
    throw error;
  }

  date(ms: number): Date {
    return new this.Date(ms);
  }
}

/** True for a Date from any realm (a script's `Date` may not be the test's `Date`). */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}
