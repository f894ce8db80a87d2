/**
 * Three projects, one run: `npm test` runs them all. Integration and end-to-end tests share one
 * PostgreSQL server chosen by the global setup (TEST_DATABASE_URL → Testcontainers → embedded), and
 * each test file makes its own database on it.
 */
const transform = {
  '^.+\\.ts$': [
    '@swc/jest',
    {
      jsc: {
        parser: { syntax: 'typescript' },
        target: 'es2022',
      },
      module: { type: 'commonjs' },
    },
  ],
};
const common = { transform, testEnvironment: 'node', moduleFileExtensions: ['ts', 'js', 'json'] };
// The console's components, rendered in jsdom (React's automatic JSX runtime).
const consoleTransform = {
  '^.+\\.tsx?$': [
    '@swc/jest',
    {
      jsc: {
        parser: { syntax: 'typescript', tsx: true },
        transform: { react: { runtime: 'automatic' } },
        target: 'es2022',
      },
      module: { type: 'commonjs' },
    },
  ],
};

/** @type {import('jest').Config} */
module.exports = {
  globalSetup: '<rootDir>/shared/src/testing/global-setup.ts',
  globalTeardown: '<rootDir>/shared/src/testing/global-teardown.ts',
  maxWorkers: 2,
  // Each test file loads its own copy of TypeORM, Apollo and the subgraph code, so a worker's heap
  // grows by ~40 MB of garbage per file (V8 defers the major GC: its limit is ~4 GB here). After ~30
  // files a worker held ~550 MB of heap (~800 MB RSS), and unmapping that at exit took longer than
  // the 500 ms Jest waits after its last file, so Jest killed it and printed "A worker process has
  // failed to exit gracefully" although no handle was left open. Recycling a worker whose heap
  // passes this limit after a file keeps every worker small enough to exit at once.
  workerIdleMemoryLimit: '256MB',
  testTimeout: 60000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      // A feature's tests live in its folder (subgraphs/<name>/src/<feature>/, the kit's src/composition/); the rest under test/.
      testMatch: [
        '<rootDir>/{shared,gateway,registry,subgraphs/*}/test/**/*.spec.ts',
        '<rootDir>/{shared,subgraphs/*}/src/**/*.spec.ts',
        '<rootDir>/scripts/test/**/*.spec.ts',
        '<rootDir>/bench/test/**/*.spec.ts',
        '<rootDir>/clients/*/test/**/*.spec.ts',
      ],
      testPathIgnorePatterns: ['\\.int\\.spec\\.ts$'],
    },
    {
      displayName: 'console',
      transform: consoleTransform,
      testEnvironment: 'jsdom',
      moduleFileExtensions: ['tsx', 'ts', 'js', 'json'],
      testMatch: ['<rootDir>/console/test/**/*.spec.{ts,tsx}'],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/{shared,gateway,registry,subgraphs/*}/test/**/*.int.spec.ts', '<rootDir>/subgraphs/*/src/**/*.int.spec.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/tests/**/*.spec.ts'],
    },
  ],
};
