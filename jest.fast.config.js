/** `npm run test:fast`: jest.config.js without its SLOW_SPECS, on SQLite only, without building the demo. */
import config, { SLOW_SPECS } from './jest.config.js';

// Read by test/fixtures/global-setup.ts (no PostgreSQL, no build: no spec left here starts the built demo) and
// by test/fixtures/databases.ts in the workers, which inherit this process's environment.
process.env.AUTH_TEST_DATABASES ??= 'sqlite';
process.env.AUTH_TEST_SKIP_BUILD ??= '1';

export default {
  ...config,
  testPathIgnorePatterns: ['/node_modules/', ...SLOW_SPECS.map((name) => `<rootDir>/test/${name}\\.e2e-spec\\.ts$`)],
  // Two workers even on two cores: these specs mostly wait on HTTP and SQLite (jest took 95 s with one, 48 s with two).
  maxWorkers: 2,
};
