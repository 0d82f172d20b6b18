import { parseArgs } from 'node:util';
import { isFailure, parseDay } from '../core/parse/index.js';
import { parseSettings, type Settings } from '../core/settings/schema.js';
import { readInputFile } from './input-file.js';
import { SETTINGS_FILE_LIMIT } from './limits.js';

/** A mistake in how the command was called: exit 2 with the message and the usage. */
export class UsageError extends Error {}

export interface BookOptions {
  readonly book: string;
  readonly out: string | null;
  readonly inPlace: boolean;
  readonly settings: Settings;
  readonly asOfDay: number;
  readonly json: boolean;
  readonly values: Record<string, string | boolean | undefined>;
}

export type ExtraOptions = Record<string, { type: 'string' | 'boolean'; short?: string }>;

export const bookOptionSpec = {
  out: { type: 'string' },
  'in-place': { type: 'boolean' },
  settings: { type: 'string' },
  'as-of': { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Parses `BOOK [--out PATH | --in-place] [--settings FILE] [--as-of YYYY-MM-DD] [--json]` and any extra options. */
export function parseBookOptions(argv: readonly string[], today: number, extra: ExtraOptions = {}): BookOptions {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: { ...bookOptionSpec, ...extra }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) throw new UsageError(positionals.length ? `expected one BOOK, got ${positionals.join(' ')}` : 'BOOK is missing');
  if (values.out !== undefined && values['in-place']) throw new UsageError('give --out PATH or --in-place, not both');
  return {
    book: positionals[0],
    out: (values.out as string | undefined) ?? null,
    inPlace: Boolean(values['in-place']),
    settings: readSettingsFile(values.settings as string | undefined),
    asOfDay: asOfDay(values['as-of'] as string | undefined, today),
    json: Boolean(values.json),
    values: values as Record<string, string | boolean | undefined>,
  };
}

function asOfDay(text: string | undefined, today: number): number {
  if (text === undefined) return today;
  const day = parseDay(text);
  if (isFailure(day)) throw new UsageError(`--as-of: ${day.kind === 'invalid' ? day.message : 'missing'}`);
  return day;
}

/** A settings problem is the book owner's to fix, not a usage error: it exits 1. */
export class SettingsError extends Error {}

export function readSettingsFile(path: string | undefined): Settings {
  if (path === undefined) return parseSettingsOrThrow({}, 'defaults');
  const bytes = readInputFile(path, SETTINGS_FILE_LIMIT);
  if (bytes === null) throw new SettingsError(`${path}: no such settings file.`);
  let raw: unknown;
  try {
    raw = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw new SettingsError(`${path}: this settings file is not valid JSON (${(error as Error).message}).`);
  }
  return parseSettingsOrThrow(raw, path);
}

function parseSettingsOrThrow(raw: unknown, where: string): Settings {
  const result = parseSettings(raw);
  if (!result.ok) throw new SettingsError(`${where}: ${result.errors.join('; ')}`);
  return result.settings;
}
