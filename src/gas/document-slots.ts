import type { Settings } from '../core/settings/schema.js';
import type { JsonSlot, SettingsStore } from '../app/server/ports.js';

type Properties = GoogleAppsScript.Properties.Properties;

/** Document property keys: the settings and the small records beside them (DESIGN §6). */
export const PROPERTY = {
  settings: 'tierwise.settings',
  lease: 'tierwise.lease',
  job: 'tierwise.job',
  schedule: 'tierwise.schedule',
  /** The last state that did not read back and was started fresh (src/app/state-contents.ts). */
  stateLoss: 'tierwise.stateLoss',
} as const;

/** One JSON value in a document property; unreadable text reads as nothing. */
export function propertySlot(properties: Properties, key: string): JsonSlot {
  return {
    read() {
      const text = properties.getProperty(key);
      if (text === null) return null;
      try {
        return JSON.parse(text);
      } catch {
        return null;
      }
    },
    write(value) {
      properties.setProperty(key, JSON.stringify(value));
    },
    clear() {
      properties.deleteProperty(key);
    },
  };
}

/**
 * The settings: one JSON value (9 KB per property is plenty for them), validated by the
 * reader. Text that is not JSON comes back as the text itself, never as "nothing saved":
 * unreadable settings must fail closed, not hand the manager role to the next saver.
 */
export function settingsProperty(properties: Properties): SettingsStore {
  const slot = propertySlot(properties, PROPERTY.settings);
  return {
    load: () => {
      const text = properties.getProperty(PROPERTY.settings);
      return text === null ? null : (slot.read() ?? text);
    },
    save: (settings: Settings) => slot.write(settings),
  };
}
