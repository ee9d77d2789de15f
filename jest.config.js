// ESM TypeScript through ts-jest. tsconfig's isolatedModules makes ts-jest transpile each file on its
// own (fast); type-checking is `npm run typecheck`'s job.
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }],
  },
  // rewriteRelativeImportExtensions turns './x.ts' into './x.js'; map it back to the source.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  testTimeout: 60000,
};
