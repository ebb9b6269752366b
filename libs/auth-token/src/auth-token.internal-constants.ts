/** The concrete AuthToken entity class built for the host's User entity. */
export const AUTH_TOKEN_ENTITY = Symbol('AUTH_TOKEN_ENTITY');

/** The TypeORM repository of {@link AUTH_TOKEN_ENTITY}. */
export const AUTH_TOKEN_REPOSITORY = Symbol('AUTH_TOKEN_REPOSITORY');

/** Request property where the strategy records why authentication failed, for the guard's answer. */
export const AUTH_TOKEN_FAILURE = Symbol('auth-token:failure');

/** The TypeORM repository of the AuthEmailToken entity. */
export const AUTH_EMAIL_TOKEN_REPOSITORY = Symbol('AUTH_EMAIL_TOKEN_REPOSITORY');

/** The TypeORM repository of the AuthThrottle entity. */
export const AUTH_THROTTLE_REPOSITORY = Symbol('AUTH_THROTTLE_REPOSITORY');
