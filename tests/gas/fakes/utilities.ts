/**
 * Utilities: formatDate (Java SimpleDateFormat patterns, in the given time zone), sleep
 * (advances the fake clock instead of waiting), getUuid (deterministic, v4-shaped, so test
 * output is reproducible) and computeDigest (signed bytes, as Apps Script returns them).
 */
import { createHash } from 'node:crypto';
import { formatSimpleDate } from './date-format.js';
import { Charset, DigestAlgorithm, type EnumMember } from './enums.js';
import type { Host } from './host.js';
import { isDate } from './realm.js';
import { expose } from './surface.js';
import { isTimeZone } from './time-zone.js';

type Utilities = GoogleAppsScript.Utilities.Utilities;

const MEMBERS = ['formatDate', 'sleep', 'getUuid', 'computeDigest', 'DigestAlgorithm', 'Charset'] as const satisfies readonly (keyof Utilities)[];

/** Apps Script caps one sleep at 5 minutes. */
export const MAX_SLEEP_MS = 300_000;

const NODE_DIGESTS = new Map<EnumMember, string>([
  [DigestAlgorithm.MD5, 'md5'], [DigestAlgorithm.SHA_1, 'sha1'], [DigestAlgorithm.SHA_256, 'sha256'],
  [DigestAlgorithm.SHA_384, 'sha384'], [DigestAlgorithm.SHA_512, 'sha512'],
]);

export class FakeUtilities implements Pick<Utilities, (typeof MEMBERS)[number]> {
  readonly proxy: Utilities;
  readonly DigestAlgorithm = DigestAlgorithm as unknown as typeof GoogleAppsScript.Utilities.DigestAlgorithm;
  readonly Charset = Charset as unknown as typeof GoogleAppsScript.Utilities.Charset;
  private uuids = 0;

  constructor(private readonly host: Host) {
    this.proxy = expose<Utilities>(this, 'Utilities', MEMBERS, host);
  }

  formatDate(date: GoogleAppsScript.Base.Date, timeZone: string, format: string): string {
    if (!isDate(date) || Number.isNaN(date.getTime())) this.host.realm.fail("The parameters don't match the method signature for Utilities.formatDate.");
    if (!isTimeZone(timeZone)) this.host.realm.fail(`Invalid argument: timeZone ${timeZone}`);
    try {
      return formatSimpleDate(date.getTime(), timeZone, String(format));
    } catch (error) {
      return this.host.realm.fail(`Invalid argument: ${(error as Error).message}`);
    }
  }

  sleep(milliseconds: number): void {
    if (!(milliseconds >= 0) || milliseconds > MAX_SLEEP_MS) this.host.realm.fail(`Invalid argument: milliseconds ${milliseconds}`);
    this.host.clock.advance(milliseconds);
  }

  getUuid(): string {
    this.uuids += 1;
    return `00000000-0000-4000-8000-${this.uuids.toString(16).padStart(12, '0')}`;
  }

  computeDigest(algorithm: GoogleAppsScript.Utilities.DigestAlgorithm, value: string | number[], _charset?: GoogleAppsScript.Utilities.Charset): number[] {
    const name = NODE_DIGESTS.get(algorithm as unknown as EnumMember) ?? this.host.realm.fail(`not supported by the stand-in: digest ${String(algorithm)}`);
    const input = typeof value === 'string' ? Buffer.from(value, 'utf8') : Buffer.from(value.map((b) => b & 0xff));
    return [...createHash(name).update(input).digest()].map((b) => (b > 127 ? b - 256 : b));
  }
}
