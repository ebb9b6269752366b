/** What to log of a failure: an Error's message, or the thrown value as a string. */
export const reasonOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));
