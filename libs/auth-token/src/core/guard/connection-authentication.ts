import type { AuthToken } from '../tokens/auth-token.entity.js';

/** A token checked when a connection opened (a WebSocket handshake, a graphql-ws `connection_init`), and its user. */
export interface ConnectionAuthentication<TUser extends object = object> {
  user: TUser;
  token: AuthToken;
}

const established = new WeakMap<object, ConnectionAuthentication>();

/**
 * Marks `connection` (a Socket.IO socket, a `ws` socket, a graphql-ws context) as authenticated: the guard then
 * takes this user and token for each of its messages, without a lookup, since the live connections close the
 * connection when the token is revoked or expires. `auth` is kept up to date in place.
 */
export function establishAuthentication(connection: object, auth: ConnectionAuthentication): void {
  established.set(connection, auth);
}

/** The authentication made when `connection` opened, if the library made one. */
export function authenticationOf(connection: unknown): ConnectionAuthentication | undefined {
  return typeof connection === 'object' && connection !== null ? established.get(connection) : undefined;
}
