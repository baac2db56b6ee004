/** What was thrown, as one line of text for a message or a log: an Error's message, else the value. */
export const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));
