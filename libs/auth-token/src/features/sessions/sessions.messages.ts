/** The messages the sessions feature sends to clients. */
export const SESSIONS_MESSAGES = {
  noSuchSession: 'No such session.',
} as const;
