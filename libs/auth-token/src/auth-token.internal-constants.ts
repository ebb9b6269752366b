/** The TypeORM repository of the AuthToken entity bound to the host's User entity. */
export const AUTH_TOKEN_REPOSITORY = Symbol('AUTH_TOKEN_REPOSITORY');

/** Request property where the strategy records why authentication failed, for the guard's answer. */
export const AUTH_TOKEN_FAILURE = Symbol('auth-token:failure');

/** The TypeORM repository of the AuthEmailToken entity. */
export const AUTH_EMAIL_TOKEN_REPOSITORY = Symbol('AUTH_EMAIL_TOKEN_REPOSITORY');

/** The TypeORM repository of the AuthThrottle entity. */
export const AUTH_THROTTLE_REPOSITORY = Symbol('AUTH_THROTTLE_REPOSITORY');
