import type { StateStore } from '../ports.js';

/**
 * The state as a use case sees it during a long job: a save is held until the job has
 * written every row. A stopped job leaves the saved state as it was, so the next
 * execution reruns the use case from the same state and gets the same result (a
 * round-robin rotation, say, does not move on twice).
 */
export class DeferredState implements StateStore {
  /** What the use case saved, to be saved once the job is done; null when it saved nothing. */
  held: { readonly value: unknown } | null = null;

  constructor(private readonly store: StateStore) {}

  load(): unknown {
    return this.held ? this.held.value : this.store.load();
  }

  save(state: unknown): void {
    this.held = { value: state };
  }
}
