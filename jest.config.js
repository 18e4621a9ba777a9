// Five tiers (see docs/architecture.md#tests). One database per run and a copy of it per jest
// worker, and one Redis prefix per worker, created in libs/testing/global-setup.ts and
// worker-environment.ts and removed in global-teardown.ts.
const transform = {
  '^.+\\.ts$': [
    '@swc/jest',
    {
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true },
        target: 'es2022',
        keepClassNames: true,
      },
      module: { type: 'commonjs' },
      sourceMaps: 'inline',
    },
  ],
};
// Dependencies published only as ES modules (content-disposition, under @fastify/static) are
// compiled to CommonJS for jest, which loads them with require (Node runs them as they are).
const ESM_ONLY = ['content-disposition'];
transform[`/node_modules/(${ESM_ONLY.join('|')})/.+\\.js$`] = [
  '@swc/jest',
  { jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022' }, module: { type: 'commonjs' } },
];
const common = {
  transform,
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_ONLY.join('|')})/)`],
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  // Each file on its worker's own database and Redis prefix.
  setupFiles: ['<rootDir>/libs/testing/worker-environment.ts'],
};

/** @type {import('jest').Config} */
module.exports = {
  globalSetup: '<rootDir>/libs/testing/global-setup.ts',
  globalTeardown: '<rootDir>/libs/testing/global-teardown.ts',
  // Two files at a time (the machines have two cores), each worker on its own copy of the run's
  // database; TEST_WORKERS overrides (1 runs every file in this process, one at a time).
  maxWorkers: Number(process.env.TEST_WORKERS ?? 2),
  testTimeout: 30000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{src,libs}/**/*.spec.ts'] },
    { ...common, displayName: 'service', testMatch: ['<rootDir>/test/service/**/*.service-spec.ts'] },
    { ...common, displayName: 'integration', testMatch: ['<rootDir>/test/integration/**/*.int-spec.ts'] },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'] },
    // The web app in Chromium against the real API (web/browser-tests/README.md).
    { ...common, displayName: 'browser', testMatch: ['<rootDir>/web/browser-tests/**/*.browser-spec.ts'] },
  ],
};
