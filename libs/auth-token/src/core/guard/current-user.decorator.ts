import { createParamDecorator, type ExecutionContext } from '@nestjs/common';

/** What the guard leaves on a request. */
interface AuthenticatedRequest {
  user?: unknown;
  authInfo?: unknown;
}

/** The authenticated user (the host's User entity) of a route guarded by {@link AuthTokenGuard}. */
export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext) => context.switchToHttp().getRequest<AuthenticatedRequest>().user,
);

/** The {@link AuthToken} row that authenticated the request (its id, expiry, ...; never the secret). */
export const CurrentToken = createParamDecorator(
  (_data: unknown, context: ExecutionContext) => context.switchToHttp().getRequest<AuthenticatedRequest>().authInfo,
);
