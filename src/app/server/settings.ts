import { z } from 'zod';
import { parseSettings, Settings } from '../../core/settings/schema.js';
import { CannotRun } from '../cannot-run.js';
import type { CurrentUser, SettingsStore } from './ports.js';

/**
 * The saved settings as found: none yet, usable, or unreadable. Unreadable settings fail
 * closed (DESIGN §6, issue 12): nobody gains a role from them; only the managers that can
 * still be read from them may save settings again to repair them.
 */
export type SavedSettings =
  | { readonly kind: 'none' }
  | { readonly kind: 'ok'; readonly settings: Settings }
  | { readonly kind: 'unreadable'; readonly errors: readonly string[]; readonly managers: readonly string[] };

export function readSavedSettings(store: SettingsStore): SavedSettings {
  const raw = store.load();
  if (raw === null || raw === undefined) return { kind: 'none' };
  if (typeof raw === 'string') return { kind: 'unreadable', errors: ['settings: the saved text is not JSON'], managers: [] };
  const parsed = parseSettings(raw);
  if (parsed.ok) return { kind: 'ok', settings: parsed.settings };
  return { kind: 'unreadable', errors: parsed.errors, managers: readableManagers(raw) };
}

/** The managers of settings that do not parse as a whole, when their list itself is sound. */
function readableManagers(raw: unknown): string[] {
  if (typeof raw !== 'object' || raw === null || !Object.hasOwn(raw, 'managers')) return [];
  const managers = Settings.shape.managers.safeParse((raw as { managers: unknown }).managers);
  return managers.success ? managers.data : [];
}

/** What is wrong with unreadable settings and who can repair them, as every refusal says it (the sidebar says it in its own words). */
export function unreadableSettingsMessage(saved: Extract<SavedSettings, { kind: 'unreadable' }>): string {
  const repair = saved.managers.length > 0
    ? `Only a manager named in them (${saved.managers.join(', ')}) can repair them by saving settings in the sidebar; until then nobody gains a role from them.`
    : 'No manager can be read from them, so nobody gains a role from them and nobody can save settings: the spreadsheet\'s owner can clear them as the README\'s "Roles" section shows.';
  return `The saved settings cannot be used: ${saved.errors.join('; ')}. ${repair}`;
}

/** The saved settings (defaults when none are saved); unreadable ones stop the run with what is wrong and who can repair it. */
export function loadSettings(store: SettingsStore): Settings {
  const saved = readSavedSettings(store);
  if (saved.kind === 'unreadable') throw new CannotRun(unreadableSettingsMessage(saved));
  return saved.kind === 'ok' ? saved.settings : Settings.parse({});
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
 * Saves the settings after checking them. An empty list of managers in readable settings
 * makes the first user who saves settings the manager (DESIGN §6), so a new book is never
 * locked out; unreadable settings are never read as an empty list (they fail closed).
 */
export function saveSettings(store: SettingsStore, user: CurrentUser, input: z.infer<typeof SaveSettingsInput>): SaveSettingsOutput {
  const current = readSavedSettings(store);
  if (current.kind === 'unreadable') {
    if (!current.managers.some((m) => sameEmail(m, user.email))) throw new CannotRun(unreadableSettingsMessage(current));
  } else {
    const managers = current.kind === 'ok' ? current.settings.managers : [];
    if (managers.length > 0 && !managers.some((m) => sameEmail(m, user.email))) {
      throw new CannotRun(`${user.email || 'This account'} is not a manager of this book, so it cannot save settings. Managers: ${managers.join(', ')}.`);
    }
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
