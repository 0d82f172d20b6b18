import { describe, expect, it } from 'vitest';
import { parseSettings } from '../../../src/core/settings/schema.js';

describe('CLV settings', () => {
  it('take the model unit and the horizon in days, weeks or months', () => {
    for (const unit of ['days', 'weeks', 'months']) expect(parseSettings({ clv: { unit, horizon: { value: 12, unit } } }).ok, unit).toBe(true);
  });

  it('take a margin share from 0 to 1, and refuse one above 1', () => {
    for (const marginShare of [0, 0.35, 1]) expect(parseSettings({ clv: { marginShare } }).ok, String(marginShare)).toBe(true);
    expect(parseSettings({ clv: { marginShare: 1.2 } })).toMatchObject({ ok: false, errors: [expect.stringMatching(/^settings\.clv\.marginShare: /)] });
  });
});
