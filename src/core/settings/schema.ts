import { z } from 'zod';
import { AssignSettings } from './assign.js';
import { ClvSettings } from './clv.js';
import { PoolSettings } from './pool.js';
import { RfmSettings, ScoreSettings, TierSettings } from './score.js';
import { unknownSettingKeys } from './unknown-keys.js';

export const SETTINGS_VERSION = 1;

const HeaderMap = z.record(z.string(), z.string().min(1)).default({});

export const Settings = z.object({
  version: z.literal(SETTINGS_VERSION).default(SETTINGS_VERSION),
  tabs: z
    .object({ customers: z.string().min(1).default('Customers'), deals: z.string().min(1).default('Deals'), reps: z.string().min(1).default('Reps') })
    .prefault({}),
  /** Header text per field id, for headers we would not recognise, e.g. {"customers": {"historicalRevenue": "Umsatz"}}. */
  columns: z.object({ customers: HeaderMap, deals: HeaderMap, reps: HeaderMap }).prefault({}),
  parse: z
    .object({
      /** How `3/5/2024` reads: month first (`mdy`) or day first (`dmy`). */
      dateOrder: z.enum(['mdy', 'dmy']).default('mdy'),
      /** `,` reads `1 234,5` and `1.234,5` as 1234.5. */
      decimalSeparator: z.enum(['.', ',']).default('.'),
    })
    .prefault({}),
  score: ScoreSettings.prefault({}),
  tiers: TierSettings.prefault({}),
  rfm: RfmSettings.prefault({}),
  clv: ClvSettings.prefault({}),
  assign: AssignSettings.prefault({}),
  pool: PoolSettings.prefault({}),
  /** E-mails of the people who may save settings, apply, undo and install the schedule. */
  managers: z.array(z.string().email()).default([]),
  schedule: z.object({ hour: z.number().int().min(0).max(23).default(6) }).prefault({}),
  sheets: z.object({ ownerValidation: z.boolean().default(false) }).prefault({}),
  locale: z.enum(['auto', 'en', 'zh-CN']).default('auto'),
});
export type Settings = z.infer<typeof Settings>;

export type SettingsResult = { ok: true; settings: Settings } | { ok: false; errors: string[] };

/** Brings a settings value written by an older version up to the current shape. */
function migrate(raw: unknown): unknown {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return raw;
  const value = raw as Record<string, unknown>;
  // Version 1 is the first; a value without a version predates versioning and has its shape.
  if (value.version === undefined) return { ...value, version: SETTINGS_VERSION };
  return value;
}

/** Checks a settings value whole: a key the schema does not know is refused, not dropped (see unknown-keys.ts). */
export function parseSettings(raw: unknown): SettingsResult {
  const value = migrate(raw ?? {});
  const unknown = unknownSettingKeys(Settings, value);
  const result = Settings.safeParse(value);
  if (result.success && unknown.length === 0) return { ok: true, settings: result.data };
  return { ok: false, errors: [...unknown, ...(result.success ? [] : result.error.issues.map(formatSettingsIssue))] };
}

function formatSettingsIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.length ? `settings.${issue.path.map(String).join('.')}` : 'settings';
  return `${path}: ${issue.message}`;
}

export const defaultSettings: Settings = Settings.parse({});
