import type { z } from 'zod';
import { nearestName } from '../nearest-name.js';

/**
 * Keys of a settings value that its schema does not know, at any depth, each as a sentence
 * naming the nearest known key at that level: "unknown setting 'rfm.binnig' — did you
 * mean 'rfm.binning'?". zod drops unknown keys silently, so a misspelled key would leave
 * its setting at the default without a word (issue 10 item 9).
 *
 * The known keys come from the schema itself (no second list to keep in step): objects
 * are checked key by key; arrays, tuples and the values of a record are walked into; the
 * keys of a record are the user's own (dimension points, column mappings, rep weights) and
 * are never refused. Wrappers (default, prefault, optional, nullable, pipe) are looked
 * through. Values of the wrong type are left for the schema to report.
 */
export function unknownSettingKeys(schema: z.core.$ZodType, value: unknown): string[] {
  const found: string[] = [];
  walk(schema, value, [], found);
  return found;
}

function walk(schema: z.core.$ZodType, value: unknown, path: readonly string[], found: string[]): void {
  const def = schema._zod.def as z.core.$ZodTypeDef & Record<string, unknown>;
  switch (def.type) {
    case 'default':
    case 'prefault':
    case 'optional':
    case 'nullable':
    case 'readonly':
    case 'catch':
      walk(def.innerType as z.core.$ZodType, value, path, found);
      return;
    case 'pipe':
      walk(def.in as z.core.$ZodType, value, path, found);
      return;
    case 'object':
      if (isPlainObject(value)) checkObject(def.shape as Record<string, z.core.$ZodType>, value, path, found);
      return;
    case 'record':
      if (isPlainObject(value)) for (const [key, item] of Object.entries(value)) walk(def.valueType as z.core.$ZodType, item, [...path, key], found);
      return;
    case 'array':
      if (Array.isArray(value)) value.forEach((item, i) => walk(def.element as z.core.$ZodType, item, [...path, String(i)], found));
      return;
    case 'tuple':
      if (Array.isArray(value)) (def.items as z.core.$ZodType[]).forEach((item, i) => walk(item, value[i], [...path, String(i)], found));
      return;
    default:
      return;
  }
}

function checkObject(shape: Record<string, z.core.$ZodType>, value: Record<string, unknown>, path: readonly string[], found: string[]): void {
  const known = Object.keys(shape);
  for (const [key, item] of Object.entries(value)) {
    if (Object.hasOwn(shape, key)) walk(shape[key], item, [...path, key], found);
    else found.push(unknownKeySentence(key, known, path));
  }
}

function unknownKeySentence(key: string, known: readonly string[], path: readonly string[]): string {
  const dotted = (name: string) => [...path, name].join('.');
  const nearest = nearestName(key, known);
  if (nearest !== null) return `unknown setting '${dotted(key)}' — did you mean '${dotted(nearest)}'?`;
  const where = path.length ? `in '${path.join('.')}'` : 'at the top level';
  return `unknown setting '${dotted(key)}' (the settings ${where} are ${known.join(', ')})`;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
