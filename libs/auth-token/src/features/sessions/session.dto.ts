/** One of the user's live tokens as `GET /auth/sessions` shows it: never the token or its digest. */
export class SessionDto {
  /** Public id, for `DELETE /auth/sessions/:id`. */
  id!: string;
  createdAt!: Date;
  lastUsedAt!: Date | null;
  expiresAt!: Date;
  userAgent!: string | null;
  /** The device in words, from the User-Agent ("Chrome 138 on Linux"); null without one. */
  device!: string | null;
  /** The client's IP address at login (null when not recorded). */
  ip!: string | null;
  /** Whether this is the token of the request asking. */
  current!: boolean;
}
