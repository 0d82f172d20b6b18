import { describe, expect, it } from 'vitest';
import { parseSettings } from '../../../src/core/settings/schema.js';

describe('parseSettings', () => {
  it('reads no settings as the defaults, and settings saved before versions as version 1', () => {
    for (const raw of [null, undefined, {}, { locale: 'en' }]) {
      const parsed = parseSettings(raw);
      expect(parsed.ok && parsed.settings.version, JSON.stringify(raw)).toBe(1);
    }
  });

  it('refuses settings of a version it does not know, naming the setting', () => {
    expect(parseSettings({ version: 2 })).toMatchObject({ ok: false, errors: [expect.stringMatching(/^settings\.version: /)] });
  });

  it('refuses a value that is not an object as a whole, with no key of it taken for a setting', () => {
    for (const raw of ['tabs', 42, [], [{ tabs: {} }]]) {
      const parsed = parseSettings(raw);
      expect(parsed.ok, JSON.stringify(raw)).toBe(false);
      if (!parsed.ok) expect(parsed.errors).toEqual([expect.stringMatching(/^settings: /)]);
    }
  });

  it('takes each date order, decimal separator and language by its name', () => {
    for (const parse of [{ dateOrder: 'mdy' }, { dateOrder: 'dmy' }, { decimalSeparator: '.' }, { decimalSeparator: ',' }]) {
      expect(parseSettings({ parse }).ok, JSON.stringify(parse)).toBe(true);
    }
    for (const locale of ['auto', 'en', 'zh-CN']) expect(parseSettings({ locale }).ok, locale).toBe(true);
  });
});
