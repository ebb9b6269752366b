/**
 * One jest run covers the unit specs beside the code and the end-to-end specs in test/.
 *
 *   npm test           type check, then every spec, the end-to-end ones on SQLite and on PostgreSQL (5-6 minutes)
 *   npm run test:fast  type check, then the unit specs and the in-process end-to-end specs on SQLite only (about
 *                      1.5 minutes): jest.fast.config.js, which leaves out SLOW_SPECS and starts no PostgreSQL
 *
 * AUTH_TEST_DATABASES (comma-separated: sqlite, postgres) picks the databases of either run; unset, both.
 * AUTH_TEST_PLATFORMS (comma-separated: express, fastify) picks the HTTP platforms; unset, both
 * (test/fixtures/test-platforms.mjs reads it, for globalSetup and the specs).
 *
 * The specs of what differs between the platforms run on every database with every platform (TEST_MATRIX of
 * test/fixtures/platforms.ts): request parsing and screening (request-screening, fuzz), headers and the guard
 * (guard, logout-and-me, api-tokens, database-down), throttling and the client IP (throttling, fair-hashing,
 * floods' HTTP part, client-address, sessions), login, registration and confirmation (login, registration,
 * email-confirmation), the built demo over HTTP (demo-process) and its GraphQL and Socket.IO endpoints (demo-live).
 * The demo's TRUST_PROXY and its page, docs and CORS (trust-proxy, openapi-and-cors) run on each platform, on
 * SQLite as before. Every other spec runs on
 * one platform, TEST_PLATFORM (Express, unless AUTH_TEST_PLATFORMS names Fastify alone): it tests services,
 * storage, mail or start-up through the same HTTP layer, so a second platform would double its time and find
 * nothing new (AUTH_TEST_PLATFORMS=fastify runs them all on Fastify).
 */
const tsJest = ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }];

/**
 * End-to-end specs (test/<name>.e2e-spec.ts) the fast tier leaves out: they start processes or a browser, need
 * PostgreSQL, or test the test PostgreSQL itself. Timings of a full run, where they take 165 of its 300 s in specs.
 */
export const SLOW_SPECS = [
  'demo-process', // spawns the built demo, on both platforms, and its CLIs (47 s)
  'browser', // Chromium drives the built demo's page (35 s)
  'demo-private-data', // spawns the built demo's CLI (28 s)
  'database-faults', // stops PostgreSQL under built demo processes (18 s)
  'package', // packs the library and installs it into a fresh app (17 s)
  'cache-across-instances', // PostgreSQL only (13 s)
  'live-across-instances', // PostgreSQL only (4 s)
  'leaked-across-instances', // PostgreSQL only
  'demo-token-cache', // two built demo processes on one PostgreSQL (7 s)
  'demo-migrations', // PostgreSQL only (4 s)
  'fixtures/test-postgres', // the helper that starts the test PostgreSQL (2 s)
];

export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': tsJest },
  moduleNameMapper: {
    '^nestjs-auth-token$': '<rootDir>/libs/auth-token/src/index.ts',
    '^nestjs-auth-token/testing$': '<rootDir>/libs/auth-token/src/testing.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  // Loads @fastify/middie's path-to-regexp with Node's require (see the file).
  resolver: '<rootDir>/test/fixtures/jest/resolver.mjs',
  testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
  globalSetup: '<rootDir>/test/fixtures/global-setup.ts',
  globalTeardown: '<rootDir>/test/fixtures/global-teardown.ts',
  testTimeout: 30000,
};
