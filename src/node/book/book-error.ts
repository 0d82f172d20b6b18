/** A book that cannot be read, locked or written: exit 1 with the message, one sentence naming the file. */
export class BookError extends Error {}
