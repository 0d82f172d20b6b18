import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseSettings, Settings } from '../../../src/core/settings/schema.js';
import { unknownSettingKeys } from '../../../src/core/settings/unknown-keys.js';

/** An entry with one known key, `weight`; a value of `{ wieght: 1 }` holds a misspelling of it. */
const Entry = z.object({ weight: z.number() });
const misspelt = { wieght: 1 };

describe('unknown settings keys inside wrapped and nested schemas', () => {
  it('finds a misspelt key inside an optional, nullable, read-only, fallback or transformed setting', () => {
    const wrapped = {
      optional: Entry.optional(),
      nullable: Entry.nullable(),
      readonly: Entry.readonly(),
      catch: Entry.catch({ weight: 0 }),
      pipe: Entry.transform((entry) => entry.weight),
    };
    for (const [name, schema] of Object.entries(wrapped)) {
      expect(unknownSettingKeys(z.object({ entry: schema }), { entry: misspelt }), name).toEqual(["unknown setting 'entry.wieght' — did you mean 'entry.weight'?"]);
    }
  });

  it("finds a misspelt key inside each entry of a map keyed by the user, naming the user's key in the path", () => {
    const schema = z.object({ reps: z.record(z.string(), Entry) });
    expect(unknownSettingKeys(schema, { reps: { 'Ann Lee': { weight: 2 }, Bob: misspelt } })).toEqual(["unknown setting 'reps.Bob.wieght' — did you mean 'reps.Bob.weight'?"]);
  });

  it('finds a misspelt key inside an item of a fixed-length list, naming its place', () => {
    const schema = z.object({ pair: z.tuple([Entry, Entry]) });
    expect(unknownSettingKeys(schema, { pair: [{ weight: 1 }, misspelt] })).toEqual(["unknown setting 'pair.1.wieght' — did you mean 'pair.1.weight'?"]);
  });

  it('leaves a map given as a list, a list given as a map, and a blank or text setting to the schema, which reports them', () => {
    const schema = z.object({ reps: z.record(z.string(), Entry), pair: z.tuple([Entry, Entry]), entry: Entry });
    expect(unknownSettingKeys(schema, { reps: [misspelt], pair: { 0: misspelt, 1: misspelt }, entry: null })).toEqual([]);
    expect(unknownSettingKeys(Settings, { tabs: null, parse: 'dmy' })).toEqual([]);
  });

  it('says where the known keys are when no known key is near the unknown one', () => {
    expect(parseSettings({ timezone: 'UTC' })).toEqual({
      ok: false,
      errors: [`unknown setting 'timezone' (the settings at the top level are ${Object.keys(Settings.shape).join(', ')})`],
    });
    expect(parseSettings({ schedule: { minute: 5 } })).toEqual({ ok: false, errors: ["unknown setting 'schedule.minute' (the settings in 'schedule' are hour)"] });
  });
});
