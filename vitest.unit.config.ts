import { defineConfig } from 'vitest/config';

/**
 * The fast tier (`npm run test:unit`): the pure domain and the install lifecycle in-process, on
 * facts and text built or recorded in the tests. No fixtures, no network, no processes; seconds.
 * The whole suite (vitest.config.ts) runs these too.
 */
export default defineConfig({
  test: {
    include: ['__tests__/unit/**/*.test.ts'],
    testTimeout: 10_000,
  },
});
