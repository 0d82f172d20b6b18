import { parseArgs } from 'node:util';
import { nearestName } from '../core/nearest-name.js';
import { isFailure, parseDay } from '../core/parse/index.js';
import { parseSettings, type Settings } from '../core/settings/schema.js';
import { parseJsonText } from './json-syntax.js';
import { readInputFile } from './input-file.js';
import { SETTINGS_FILE_LIMIT } from './limits.js';

/**
 * A mistake in how the command was called: exit 2 with the message and, unless the
 * message alone says what to type instead, the usage.
 */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly showUsage = true,
  ) {
    super(message);
  }
}

export interface BookOptions {
  readonly book: string;
  readonly out: string | null;
  readonly inPlace: boolean;
  readonly settings: Settings;
  readonly asOfDay: number;
  readonly json: boolean;
  readonly values: FlagValues;
}

export type ExtraOptions = Record<string, { type: 'string' | 'boolean'; short?: string }>;

export type FlagValues = Record<string, string | boolean | undefined>;

/**
 * The one reader of every command's flags. util.parseArgs in strict mode answers a typo
 * with its own advice ("To specify a positional argument starting with a '-', place it at
 * the end of the command after '--', as in '-- \"--in-plcae\"'), quote unbalanced; so it
 * runs lenient, with tokens, and each token is judged here: an unknown option gets one
 * line naming the nearest known one, "unknown option '--in-plcae' — did you mean
 * '--in-place'?".
 */
export function parseFlags(argv: readonly string[], spec: ExtraOptions, allowPositionals: boolean): { values: FlagValues; positionals: string[] } {
  const { values, positionals, tokens } = parseArgs({ args: [...argv], options: spec, allowPositionals: true, strict: false, tokens: true });
  const known = Object.entries(spec).flatMap(([name, option]) => [`--${name}`, ...(option.short ? [`-${option.short}`] : [])]);
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const option = spec[token.name];
    if (option === undefined) {
      const nearest = nearestName(token.rawName, known);
      throw new UsageError(nearest ? `unknown option '${token.rawName}' — did you mean '${nearest}'?` : `unknown option '${token.rawName}' (the options are ${known.join(', ')})`, false);
    }
    if (option.type === 'boolean' && token.value !== undefined) throw new UsageError(`${token.rawName} takes no value, got '${token.value}'`);
    if (option.type === 'string' && token.value === undefined) throw new UsageError(`${token.rawName} needs a value`);
    if (option.type === 'string' && !token.inlineValue && token.value?.startsWith('-')) {
      throw new UsageError(`${token.rawName} needs a value, got the option '${token.value}' (write ${token.rawName}=${token.value} if that is the value)`);
    }
  }
  if (!allowPositionals && positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`);
  return { values: values as FlagValues, positionals };
}

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
  const { values, positionals } = parseFlags(argv, { ...bookOptionSpec, ...extra }, true);
  if (positionals.length !== 1) throw new UsageError(positionals.length ? `expected one BOOK, got ${positionals.join(' ')}` : 'BOOK is missing');
  if (values.out !== undefined && values['in-place']) throw new UsageError('give --out PATH or --in-place, not both');
  return {
    book: positionals[0],
    out: (values.out as string | undefined) ?? null,
    inPlace: Boolean(values['in-place']),
    settings: readSettingsFile(values.settings as string | undefined),
    asOfDay: asOfDay(values['as-of'] as string | undefined, today),
    json: Boolean(values.json),
    values,
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
  const text = bytes.toString('utf8');
  const json = parseJsonText(text, path);
  if (!json.ok) throw new SettingsError(json.message);
  return parseSettingsOrThrow(json.value, path);
}

function parseSettingsOrThrow(raw: unknown, where: string): Settings {
  const result = parseSettings(raw);
  if (!result.ok) throw new SettingsError(`${where}: ${result.errors.join('; ')}`);
  return result.settings;
}
