import { describe, expect, it } from 'vitest';
import type { SettingsStore } from '../../../src/app/server/ports.js';
import { isManager, loadSettings, readSavedSettings, requireManager, saveSettings } from '../../../src/app/server/settings.js';
import { Settings } from '../../../src/core/settings/schema.js';
import { failure } from './refusal.js';

function store(initial: unknown = null): SettingsStore & { saved: () => unknown } {
  let value = initial;
  return { load: () => value, save: (s) => (value = s), saved: () => value };
}
const ann = { email: 'ann@example.com' };
const bob = { email: 'bob@example.com' };
describe('who may save settings', () => {
  it('makes the first user who saves settings without managers the manager, so a new book is never locked out', () => {
    const settings = store();
    expect(loadSettings(settings)).toEqual(Settings.parse({}));
    expect(saveSettings(settings, ann, { settings: {} }).managers).toEqual(['ann@example.com']);
    expect(failure(() => saveSettings(settings, bob, { settings: {} }))).toBe('bob@example.com is not a manager of this book, so it cannot save settings. Managers: ann@example.com.');
    expect(saveSettings(settings, { email: '  ANN@example.com ' }, { settings: { managers: ['ann@example.com', 'bob@example.com'] } }).managers).toEqual(['ann@example.com', 'bob@example.com']);
    expect(saveSettings(settings, bob, { settings: { managers: ['bob@example.com'] } }).managers).toEqual(['bob@example.com']);
  });

  it('refuses to make a user whose e-mail Google did not give the first manager', () => {
    expect(failure(() => saveSettings(store(), { email: '' }, { settings: {} }))).toBe(
      'Google did not give us your e-mail, so you cannot become the first manager; list the managers in settings.managers.',
    );
  });

  it('refuses settings that do not check out, saying why, and keeps the saved ones', () => {
    const settings = store({ managers: ['ann@example.com'] });
    expect(failure(() => saveSettings(settings, ann, { settings: { tiers: { mode: 'sometimes' } } }))).toMatch(/^These settings cannot be saved: .*tiers\.mode/);
    expect(settings.saved()).toEqual({ managers: ['ann@example.com'] });
  });
});

describe('unreadable saved settings fail closed', () => {
  it('stop every run, saying what is wrong and that no manager can be read, when the saved text is not JSON', () => {
    const settings = store('{managers: [');
    expect(readSavedSettings(settings)).toEqual({ kind: 'unreadable', errors: ['settings: the saved text is not JSON'], managers: [] });
    expect(failure(() => loadSettings(settings))).toBe(
      'The saved settings cannot be used: settings: the saved text is not JSON. No manager can be read from them, so nobody gains a role from them and nobody can save settings: the spreadsheet\'s owner can clear them as the README\'s "Roles" section shows.',
    );
    expect(failure(() => saveSettings(settings, ann, { settings: {} }))).toMatch(/^The saved settings cannot be used/);
  });

  it('let only the managers still readable in them repair them', () => {
    const settings = store({ managers: ['ann@example.com'], tiers: { mode: 'sometimes' } });
    const saved = readSavedSettings(settings);
    expect(saved).toMatchObject({ kind: 'unreadable', managers: ['ann@example.com'] });
    expect(failure(() => loadSettings(settings))).toMatch(/Only a manager named in them \(ann@example\.com\) can repair them by saving settings in the sidebar; until then nobody gains a role from them\.$/);
    expect(failure(() => saveSettings(settings, bob, { settings: {} }))).toMatch(/^The saved settings cannot be used: .*tiers\.mode/);
    expect(saveSettings(settings, ann, { settings: { managers: ['ann@example.com'] } }).managers).toEqual(['ann@example.com']);
    expect(readSavedSettings(settings).kind).toBe('ok');
  });

  it('give no manager when the managers list itself is unsound or missing', () => {
    expect(readSavedSettings(store({ managers: 'ann@example.com' }))).toMatchObject({ kind: 'unreadable', managers: [] });
    expect(readSavedSettings(store({ tiers: { mode: 'sometimes' } }))).toMatchObject({ kind: 'unreadable', managers: [] });
    expect(readSavedSettings(store(7))).toMatchObject({ kind: 'unreadable', managers: [] });
  });
});

describe('managers', () => {
  const annManages = () => Settings.parse({ managers: ['Ann@Example.com'] });

  it('are recognised by e-mail, in any case and with spaces; an account without an e-mail is nobody', () => {
    const settings = annManages();
    expect([isManager(settings, { email: ' ann@example.COM ' }), isManager(settings, bob), isManager(settings, { email: '' })]).toEqual([true, false, false]);
  });

  it('are named when someone else tries a manager action', () => {
    const settings = annManages();
    expect(failure(() => requireManager(settings, bob, 'apply proposals'))).toBe('bob@example.com is not a manager of this book, so it cannot apply proposals. Managers: Ann@Example.com.');
    expect(failure(() => requireManager(Settings.parse({}), { email: '' }, 'undo'))).toBe(
      'This account (Google did not give us its e-mail) is not a manager of this book, so it cannot undo. Managers: none yet.',
    );
    expect(failure(() => requireManager(settings, { email: ' ann@example.com' }, 'undo'))).toBe('no error');
  });
});
