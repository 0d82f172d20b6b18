/**
 * `Utilities.formatDate` patterns, which follow Java's SimpleDateFormat
 * (https://docs.oracle.com/javase/8/docs/api/java/text/SimpleDateFormat.html):
 * letters y M d H h m s S E a Z X, quoted literals 'like this' and '' for a quote.
 * A letter outside that set throws, as Java does for an illegal pattern character.
 */
import { wallTime, zoneOffset } from './time-zone.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function offsetText(offsetMs: number, withColon: boolean): string {
  const minutes = Math.round(Math.abs(offsetMs) / 60000);
  const sign = offsetMs < 0 ? '-' : '+';
  return `${sign}${pad(Math.floor(minutes / 60), 2)}${withColon ? ':' : ''}${pad(minutes % 60, 2)}`;
}

export function formatSimpleDate(ms: number, timeZone: string, pattern: string): string {
  const t = wallTime(ms, timeZone);
  const field = (letter: string, n: number): string => {
    switch (letter) {
      case 'y': return n === 2 ? pad(t.year % 100, 2) : pad(t.year, n);
      case 'M': return n >= 4 ? MONTHS[t.month - 1]! : n === 3 ? MONTHS[t.month - 1]!.slice(0, 3) : pad(t.month, n);
      case 'd': return pad(t.day, n);
      case 'H': return pad(t.hour, n);
      case 'h': return pad(t.hour % 12 === 0 ? 12 : t.hour % 12, n);
      case 'm': return pad(t.minute, n);
      case 's': return pad(t.second, n);
      case 'S': return pad(t.millisecond, n);
      case 'E': return n >= 4 ? DAYS[t.weekday - 1]! : DAYS[t.weekday - 1]!.slice(0, 3);
      case 'a': return t.hour < 12 ? 'AM' : 'PM';
      case 'Z': return offsetText(zoneOffset(ms, timeZone), false);
      case 'X': {
        const offset = zoneOffset(ms, timeZone);
        return offset === 0 ? 'Z' : offsetText(offset, n >= 3);
      }
      default: throw new Error(`Illegal pattern character '${letter}'`);
    }
  };
  let out = '';
  for (let i = 0; i < pattern.length; ) {
    const c = pattern[i]!;
    if (c === "'") {
      const end = pattern.indexOf("'", i + 1);
      if (end === i + 1) out += "'";
      else if (end < 0) throw new Error(`Unterminated quote in pattern: ${pattern}`);
      else out += pattern.slice(i + 1, end);
      i = end + 1;
    } else if (/[A-Za-z]/.test(c)) {
      let n = 1;
      while (pattern[i + n] === c) n++;
      out += field(c, n);
      i += n;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}
