/** The TypeORM repository of the AuthToken entity bound to the host's User entity. */
export const AUTH_TOKEN_REPOSITORY = Symbol('AUTH_TOKEN_REPOSITORY');

/** The TypeORM repository of the AuthEmailToken entity. */
export const AUTH_EMAIL_TOKEN_REPOSITORY = Symbol('AUTH_EMAIL_TOKEN_REPOSITORY');

/** The TypeORM repository of the AuthThrottle entity. */
export const AUTH_THROTTLE_REPOSITORY = Symbol('AUTH_THROTTLE_REPOSITORY');

/** The options as given to `forRoot`/`forRootAsync`, before defaults and checks (ConfigurableModuleBuilder's token). */
export const AUTH_TOKEN_RAW_OPTIONS = Symbol('AUTH_TOKEN_RAW_OPTIONS');

/** The TypeORM repository of the AuthMfa entity. */
export const AUTH_MFA_REPOSITORY = Symbol('AUTH_MFA_REPOSITORY');

/** The controllers this module definition mounted at its route prefix (its own routes, screened by middleware). */
export const AUTH_TOKEN_CONTROLLERS = Symbol('AUTH_TOKEN_CONTROLLERS');

/** A value unique to each `forRoot()` call, so that Nest never takes two calls' modules for one. */
export const AUTH_TOKEN_INSTANCE = Symbol('AUTH_TOKEN_INSTANCE');

/** The TypeORM repository of the AuthSecurityEvent entity (the security log). */
export const AUTH_SECURITY_EVENT_REPOSITORY = Symbol('AUTH_SECURITY_EVENT_REPOSITORY');

/** The TypeORM repository of the AuthKnownDevice entity (the devices each user signed in from). */
export const AUTH_KNOWN_DEVICE_REPOSITORY = Symbol('AUTH_KNOWN_DEVICE_REPOSITORY');
