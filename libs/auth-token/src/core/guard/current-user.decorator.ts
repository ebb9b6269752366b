import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { holderOf } from './transport-context.js';

/**
 * The authenticated user (the host's User entity) of a route, resolver, WebSocket message or RPC message guarded
 * by {@link AuthTokenGuard}, or of a socket the library authenticated at its handshake.
 */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext) => holderOf(context).user);

/** The {@link AuthToken} row that authenticated the request (its id, expiry, ...; never the secret). */
export const CurrentToken = createParamDecorator(
  (_data: unknown, context: ExecutionContext) => holderOf(context).authInfo,
);
