import type { SidebarContext } from './app.js';

/**
 * A section's data, fetched once into the cache under `key` and the section redrawn:
 * a render that finds nothing there starts the fetch, and renders before it returns do
 * not start another. `keep` shapes what is kept (a section may keep a view around it).
 */
export async function fetchOnce<T>(ctx: SidebarContext, key: string, fetch: () => Promise<T>, keep: (value: T) => unknown = (value) => value): Promise<void> {
  const loading = `${key}Loading`;
  if (ctx.cache.has(loading)) return;
  ctx.cache.set(loading, true);
  const value = await ctx.act(fetch);
  ctx.cache.delete(loading);
  if (value === undefined) return;
  ctx.cache.set(key, keep(value));
  ctx.redraw();
}
