import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['__tests__/**/*.test.ts'],
    // Builds the real fixture binaries (Go, cross gcc, musl-gcc, clang) once per run.
    globalSetup: ['__tests__/setup/fixtures-global.ts'],
    testTimeout: 120_000,
    // Two files at a time on 2 cores (vitest would run one): much of the suite waits on
    // downloads, apt, qemu and single-threaded tools, and installs into the shared tool cache
    // are serialized by its install mutex.
    maxWorkers: 2,
    hookTimeout: 900_000,
    reporters: ['default', 'json'],
    outputFile: { json: '.cache/vitest-results.json' },
  },
});
