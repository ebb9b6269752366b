/**
 * One jest run covers the unit specs beside the code and the end-to-end specs in test/.
 *
 *   npm test           type check, then every spec, the end-to-end ones on SQLite and on PostgreSQL (4-5 minutes)
 *   npm run test:fast  type check, then the unit specs and the in-process end-to-end specs on SQLite only (about
 *                      1 minute): jest.fast.config.js, which leaves out SLOW_SPECS and starts no PostgreSQL
 *
 * AUTH_TEST_DATABASES (comma-separated: sqlite, postgres) picks the databases of either run; unset, both.
 */
const tsJest = ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }];

/**
 * End-to-end specs (test/<name>.e2e-spec.ts) the fast tier leaves out: they start processes or a browser, need
 * PostgreSQL, or test the test PostgreSQL itself. Timings of a full run, where they take 165 of its 300 s in specs.
 */
export const SLOW_SPECS = [
  'demo-process', // spawns the built demo and its CLIs (40 s)
  'browser', // Chromium drives the built demo's page (35 s)
  'demo-private-data', // spawns the built demo's CLI (28 s)
  'database-faults', // stops PostgreSQL under built demo processes (18 s)
  'package', // packs the library and installs it into a fresh app (17 s)
  'cache-across-instances', // PostgreSQL only (13 s)
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
  testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
  globalSetup: '<rootDir>/test/fixtures/global-setup.ts',
  globalTeardown: '<rootDir>/test/fixtures/global-teardown.ts',
  testTimeout: 30000,
};
