/**
 * A run that cannot go on because of the book or the request, not because of a bug:
 * the message is a sentence for the user (the command exits 1 with it, the sidebar
 * shows it).
 */
export class CannotRun extends Error {
  override readonly name = 'CannotRun';
}
