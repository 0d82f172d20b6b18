/**
 * The state travels as JSON text split over the cells of one column of the hidden
 * `TW State` tab: a Sheets cell holds at most 50,000 characters and an Excel cell 32,767,
 * so chunks stay under both.
 */
export const STATE_CHUNK = 30_000;

export function stateToChunks(state: unknown): string[] {
  const text = JSON.stringify(state);
  const chunks: string[] = [];
  for (let i = 0; i < text.length; i += STATE_CHUNK) chunks.push(text.slice(i, i + STATE_CHUNK));
  return chunks;
}

/** The state from the chunks as read (blank cells ignored); null when there is none. */
export function stateFromChunks(cells: readonly unknown[]): unknown {
  const text = cells.filter((c): c is string => typeof c === 'string' && c !== '').join('');
  if (text === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
