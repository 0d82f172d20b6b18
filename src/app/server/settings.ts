import { z } from 'zod';
import { parseSettings, Settings } from '../../core/settings/schema.js';
import { CannotRun } from '../cannot-run.js';
import type { CurrentUser, SettingsStore } from './ports.js';

/** The saved settings; bad ones stop the run with a message naming each bad field. */
export function loadSettings(store: SettingsStore): Settings {
  const parsed = parseSettings(store.load());
  if (!parsed.ok) throw new CannotRun(`The saved settings cannot be used: ${parsed.errors.join('; ')}. Fix them in the sidebar's settings.`);
  return parsed.settings;
}

const sameEmail = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** DESIGN §6: managers save settings, apply, undo and install the schedule; reps view and claim. */
export function isManager(settings: Settings, user: CurrentUser): boolean {
  return user.email !== '' && settings.managers.some((m) => sameEmail(m, user.email));
}

export function requireManager(settings: Settings, user: CurrentUser, what: string): void {
  if (isManager(settings, user)) return;
  const who = user.email || 'This account (Google did not give us its e-mail)';
  throw new CannotRun(`${who} is not a manager of this book, so it cannot ${what}. Managers: ${settings.managers.join(', ') || 'none yet'}.`);
}

export const SaveSettingsInput = z.object({ settings: z.unknown() });
export const SaveSettingsOutput = z.object({ settings: Settings, managers: z.array(z.string()) });
export type SaveSettingsOutput = z.infer<typeof SaveSettingsOutput>;

/**
 * Saves the settings after checking them. An empty list of managers makes the first user
 * who saves settings the manager (DESIGN §6), so a new book is never locked out.
 */
export function saveSettings(store: SettingsStore, user: CurrentUser, input: z.infer<typeof SaveSettingsInput>): SaveSettingsOutput {
  const current = parseSettings(store.load());
  const managers = current.ok ? current.settings.managers : [];
  if (managers.length > 0 && !managers.some((m) => sameEmail(m, user.email))) {
    throw new CannotRun(`${user.email || 'This account'} is not a manager of this book, so it cannot save settings. Managers: ${managers.join(', ')}.`);
  }
  const parsed = parseSettings(input.settings);
  if (!parsed.ok) throw new CannotRun(`These settings cannot be saved: ${parsed.errors.join('; ')}.`);
  let settings = parsed.settings;
  if (settings.managers.length === 0) {
    if (user.email === '') throw new CannotRun('Google did not give us your e-mail, so you cannot become the first manager; list the managers in settings.managers.');
    settings = { ...settings, managers: [user.email] };
  }
  store.save(settings);
  return { settings, managers: settings.managers };
}
