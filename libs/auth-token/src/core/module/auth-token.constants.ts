/** Injection token of the resolved (defaults applied, validated) {@link ResolvedAuthTokenOptions}. */
export const AUTH_TOKEN_OPTIONS = Symbol('AUTH_TOKEN_OPTIONS');

/** Injection token of the host's TypeORM User entity class, filled from the `userEntity` option. */
export const AUTH_TOKEN_USER_ENTITY = Symbol('AUTH_TOKEN_USER_ENTITY');

/** Name under which the Passport strategy is registered (`AuthGuard(AUTH_TOKEN_STRATEGY)`). */
export const AUTH_TOKEN_STRATEGY = 'auth-token';

/** Injection token of the host's User repository (a TypeORM `Repository` of `userEntity`). */
export const AUTH_TOKEN_USER_REPOSITORY = Symbol('AUTH_TOKEN_USER_REPOSITORY');

/** Injection token of the checked {@link UserFieldMap}: which entity properties hold the login, password, ... */
export const AUTH_TOKEN_USER_FIELDS = Symbol('AUTH_TOKEN_USER_FIELDS');
