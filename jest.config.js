/** One jest run covers the unit specs beside the code and the end-to-end specs in test/. */
const tsJest = ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }];

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
