/**
 * Hands a stand-in to the script through a Proxy that is the whole Apps Script surface:
 * each listed method is counted in the CallLog under 'Class.method' and runs on the real
 * object; any other method name throws "not supported by the stand-in: Class.method", so a
 * script that needs something we did not build fails loudly instead of getting undefined.
 */
import type { CallLog } from './call-log.js';
import type { PendingWrites } from './pending.js';
import type { Realm } from './realm.js';

/** Property names that JavaScript machinery (promises, JSON, test printers) probes on any object. */
const PROBED_BY_JAVASCRIPT = new Set(['then', 'toJSON', 'constructor', 'asymmetricMatch', 'nodeType', 'tagName', 'toString', 'valueOf', 'inspect']);
const APPS_SCRIPT_NAME = /^[a-z][A-Za-z0-9]*$/;

export interface Surface {
  readonly calls: CallLog;
  readonly realm: Realm;
  /** The script's writes not yet flushed (pending.ts). */
  readonly pending: PendingWrites;
}

/**
 * `members`: the method and property names the stand-in offers (its own methods that are
 * not listed stay internal). Enum-valued properties (ScriptApp.AuthMode) are returned as is
 * and not counted.
 */
export function expose<T>(target: object, className: string, members: readonly string[], surface: Surface): T {
  const offered = new Set(members);
  const wrapped = new Map<string, unknown>();
  const proxy = new Proxy(target, {
    get(object, key) {
      if (typeof key === 'symbol') return Reflect.get(object, key);
      if (offered.has(key)) {
        const value: unknown = Reflect.get(object, key);
        if (typeof value !== 'function') return value;
        let method = wrapped.get(key);
        if (!method) {
          const name = `${className}.${key}`;
          method = (...args: unknown[]) => {
            surface.calls.record(name);
            return surface.pending.during(() => (value as (...a: unknown[]) => unknown).apply(object, args));
          };
          wrapped.set(key, method);
        }
        return method;
      }
      if (PROBED_BY_JAVASCRIPT.has(key) || !APPS_SCRIPT_NAME.test(key)) return undefined;
      return () => surface.realm.fail(`not supported by the stand-in: ${className}.${key}`);
    },
    set(_object, key) {
      return surface.realm.fail(`not supported by the stand-in: assigning ${className}.${String(key)}`);
    },
  });
  RAW.set(proxy, target);
  return proxy as T;
}

/** The raw stand-in behind each exposed object, for stand-ins that are handed their own objects back. */
const RAW = new WeakMap<object, object>();

/** The stand-in of class `type` behind `value` (a Range passed to setRanges, a Sheet to deleteSheet), or null. */
export function unwrap<R extends object>(value: unknown, type: abstract new (...args: never[]) => R): R | null {
  const raw = typeof value === 'object' && value !== null ? (RAW.get(value) ?? value) : null;
  return raw instanceof type ? raw : null;
}
