import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['__tests__/**/*.test.ts'],
    // Builds the real fixture binaries (Go, cross gcc, musl-gcc, clang) once per run.
    globalSetup: ['__tests__/setup/fixtures-global.ts'],
    testTimeout: 120_000,
    hookTimeout: 900_000,
    reporters: ['default', 'json'],
    outputFile: { json: '.cache/vitest-results.json' },
  },
});
