import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['__tests__/**/*.test.ts'],
    // Builds the real fixture binaries (Go, cross gcc, musl-gcc, clang) once per run.
    globalSetup: ['__tests__/setup/fixtures-global.ts'],
    testTimeout: 120_000,
    // Every install of the suite shares one cache of unpacked packages (docs/tool-cache.md): a
    // package's xz data is decompressed once per run, not once per tool cache and floor.
    env: { CGO_ABI_GUARD_UNPACK_CACHE: fileURLToPath(new URL('.cache/unpacked', import.meta.url)) },
    // Two files at a time on 2 cores (vitest would run one): much of the suite waits on
    // downloads, apt, qemu and single-threaded tools, and installs into the shared tool cache
    // are serialized by its install mutex.
    maxWorkers: 2,
    hookTimeout: 900_000,
    reporters: ['default', 'json'],
    outputFile: { json: '.cache/vitest-results.json' },
  },
});
