/**
 * Every default of {@link AuthTokenOptions} in one place: read by the options resolver, by components that
 * can be built without the module (the scrypt hasher), and named in each option's `@default`.
 */
export const AUTH_TOKEN_DEFAULTS = {
  userFields: { username: 'username', password: 'password' },
  tokens: {
    ttl: 86_400,
    maxTtl: 2_592_000,
    touchInterval: 60,
    maxPerUser: 50,
    cacheTtl: 0,
    cacheSize: 10_000,
    recordIp: true,
    prefix: 'nat',
  },
  scopes: {},
  scrypt: { cost: 2 ** 17, blockSize: 8, parallelization: 1, maxQueue: 64 },
  realm: 'api',
  mail: { defaultLocale: 'en' },
  mailRetryDelays: [2, 10],
  trustedOrigins: [],
} as const;
