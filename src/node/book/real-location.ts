import { realpath } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

/**
 * Where a path really is: symbolic links followed, so that a book reached through a link
 * is locked, journaled and replaced where it lives and the link stays a link. A path that
 * does not exist yet (a new --out) is its real folder plus its name.
 */
export async function realLocation(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  try {
    return join(await realpath(dirname(resolve(path))), basename(path));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    return resolve(path);
  }
}

/** A lock file, journal or temporary file that belongs to `location`, beside it in the same folder. */
export function besideLocation(location: string, suffix: string): string {
  return `${location.replace(/[\\/]+$/, '')}.${suffix}`;
}
